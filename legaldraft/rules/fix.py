"""``check --fix``: apply the safe mechanical fixes to the YAML spec, keeping comments and key order.

Fixes address model paths (``("konsiderans", "poin", 0, "teks")``); :func:`data_path` maps them onto
the YAML as the drafter wrote it (shorthand lists, a string standing for ``{teks: …}``, ``bab:``
standing for ``judul``). The file is rewritten through ruamel.yaml's round-trip mode, atomically.
"""
from __future__ import annotations

import io
from pathlib import Path

from ..ioutil import atomic_write_text

_ALIASES = {"judul": ("bab", "bagian", "paragraf", "subbab"), "id": ("pasal",)}


def data_path(data, loc: tuple):
    """(parent, key) in ``data`` for the model path ``loc``, or None when it cannot be found."""
    parent, key, node = None, None, data
    steps = list(loc)
    i = 0
    while i < len(steps):
        step = steps[i]
        if isinstance(node, dict):
            if step in node:
                parent, key, node = node, step, node[step]
            elif step in _ALIASES and any(a in node for a in _ALIASES[step]):
                alias = next(a for a in _ALIASES[step] if a in node)
                parent, key, node = node, alias, node[alias]
            elif i == len(steps) - 1:
                return node, step  # a key to add
            else:
                return None
        elif isinstance(node, list):
            if step in ("poin", "isi") and not isinstance(step, int):
                i += 1
                continue
            if isinstance(step, int) and 0 <= step < len(node):
                parent, key, node = node, step, node[step]
            else:
                return None
        elif isinstance(node, str) and step == "teks" and i == len(steps) - 1:
            return parent, key
        else:
            return None
        i += 1
    return parent, key


def apply_fixes(path: Path, findings) -> list[str]:
    from ruamel.yaml import YAML  # lazy: start-up time

    fixes = [f.fix for f in findings if f.fix is not None]
    if not fixes:
        return []
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    text = Path(path).read_text(encoding="utf-8")
    data = yaml.load(text)
    done: list[str] = []
    seen: set = set()
    removals: list = []
    for fix in fixes:
        if fix.loc in seen:
            continue  # one fix per place per run; the next run sees the new text
        target = data_path(data, fix.loc)
        if target is None:
            continue
        parent, key = target
        if fix.replacement is None:
            if isinstance(parent, dict) and key in parent:
                del parent[key]
            elif isinstance(parent, list) and isinstance(key, int):
                removals.append((parent, key))  # list items go last, highest index first: the others keep their place
            else:
                continue
        else:
            parent[key] = fix.replacement
        seen.add(fix.loc)
        done.append(fix.description)
    for parent, key in sorted(removals, key=lambda r: -r[1]):
        del parent[key]
    if done:
        buf = io.StringIO()
        yaml.dump(data, buf)
        atomic_write_text(path, buf.getvalue())
    return done

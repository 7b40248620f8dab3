"""``check --fix``: write the mechanical fixes into the YAML spec, keeping the file as written.

Each fix is a span of the source and its replacement (:class:`legaldraft.spec.edits.Fix`): only the changed
scalars (or removed entries) are rewritten; comments, indentation, quoting, ``null``, CRLF line endings and a
byte-order mark stay. One run reaches the fixed point: after the fixes are written the spec is checked again
and the fixes that the new text still calls for are written too (a fix may uncover another), until nothing
changes. The file is written once, atomically.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Optional

from ..ioutil import atomic_write_bytes
from ..spec.edits import ALIASES, SHORTHAND_LISTS, Fix, apply

BOM = b"\xef\xbb\xbf"
MAX_ROUNDS = 10


def apply_fixes(path: Path, findings, recheck: Optional[Callable[[str], Iterable]] = None) -> list[str]:
    """Write the fixes of ``findings`` into ``path``; with ``recheck`` (spec text -> its findings) repeat until
    no fix applies. Returns the description of every fix written, in order."""
    path = Path(path)
    raw = path.read_bytes()
    bom = raw.startswith(BOM)
    original = text = raw[len(BOM):].decode("utf-8") if bom else raw.decode("utf-8")
    done: list[str] = []
    fixes = _fixes(findings)
    seen: set[tuple] = set()
    for _ in range(MAX_ROUNDS):
        fixes = [f for f in fixes if (f.span, f.new_text) not in seen]
        new_text, applied = apply(text, fixes)
        if not applied or new_text == text:
            break
        seen.update((f.span, f.new_text) for f in applied)
        done.extend(f.description for f in applied)
        if recheck is None:
            text = new_text
            break
        try:
            fixes = _fixes(recheck(new_text))
        except Exception:  # noqa: BLE001  (a fix that breaks the spec is not written; what came before is)
            break
        text = new_text
        seen = set()
    if text != original:
        atomic_write_bytes(path, (BOM if bom else b"") + text.encode("utf-8"))
    return done


def _fixes(findings) -> list[Fix]:
    return [f.fix for f in findings if f.fix is not None]


def data_path(data, loc: tuple):
    """(parent, key) in spec ``data`` (plain dicts and lists, e.g. an imported spec before it is written) for the
    model path ``loc``, or None when it cannot be found: for applying a fix to data in memory rather than to a
    YAML text (legaldraft.review). The aliases and shorthand lists are those of :mod:`legaldraft.spec.edits`."""
    parent, key, node = None, None, data
    steps = list(loc)
    i = 0
    while i < len(steps):
        step = steps[i]
        if isinstance(node, dict):
            if step in node:
                parent, key, node = node, step, node[step]
            elif step in ALIASES and any(a in node for a in ALIASES[step]):
                alias = next(a for a in ALIASES[step] if a in node)
                parent, key, node = node, alias, node[alias]
            elif i == len(steps) - 1:
                return node, step  # a key to add
            else:
                return None
        elif isinstance(node, list):
            if step in SHORTHAND_LISTS and not isinstance(step, int):
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

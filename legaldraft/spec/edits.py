"""The one form of a fix: a span of the spec's source text and the text that replaces it.

A rule proposes a :class:`Fix` in model terms (the path of a field in the document and its new value, or
``None`` to remove the field or list item). :func:`resolve` locates it in the YAML the drafter wrote, giving
``span`` (character offsets ``[start, end)`` in the text as loaded, a byte-order mark excluded), ``old_text``
(the exact characters there) and ``new_text``. :func:`apply` writes resolved fixes into the text, touching
nothing else: comments, indentation, quoting of other scalars, ``null``, line endings (CRLF stays CRLF) are kept
as written, and a changed scalar keeps its own quoting style when it can carry the new value.

The same object serves every consumer: ``legaldraft check --fix`` (:func:`legaldraft.rules.fix.apply_fixes`),
JSON/SARIF output (``fix`` of a finding) and a Word review that turns ``old_text``/``new_text`` into tracked
changes. A fix that cannot be placed in the source (a value written in a flow mapping, a field of a document
built in code) stays unresolved (``span is None``) and is reported but not applied.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

import yaml

from .yamlpos import KEY, SourceMap

#: model field names that the YAML may spell otherwise (``bab: JUDUL`` for ``judul``, ``pasal: id`` for ``id``)
ALIASES = {"judul": ("bab", "bagian", "paragraf", "subbab"), "id": ("pasal",)}
#: model list fields a YAML shorthand may leave out (``konsiderans: [ … ]`` for ``konsiderans: {poin: [ … ]}``)
SHORTHAND_LISTS = ("poin", "isi")


@dataclass(frozen=True)
class Fix:
    """A mechanical correction of the spec.

    ``loc``: the model path of the field (``("konsiderans", "poin", 0, "teks")``); ``replacement``: its new
    value (text, number, mapping or list; ``None`` removes the field, or the list item when ``loc`` ends in an
    index); ``description``: what the fix does, in Indonesian. Once resolved against the source: ``span`` =
    ``(start, end)`` character offsets, ``old_text`` = ``text[start:end]``, ``new_text`` = its replacement
    (an empty ``new_text`` deletes; ``start == end`` inserts).
    """

    loc: tuple
    replacement: Any
    description: str
    span: Optional[tuple[int, int]] = None
    old_text: Optional[str] = None
    new_text: Optional[str] = None

    @property
    def resolved(self) -> bool:
        return self.span is not None

    def to_dict(self) -> dict:
        return {"description": self.description, "path": ".".join(str(p) for p in self.loc),
                "span": list(self.span) if self.span else None, "old_text": self.old_text, "new_text": self.new_text}


# -- locating a model path in the YAML ----------------------------------------------------------------------
def source_path(smap: SourceMap, loc: tuple) -> tuple[tuple, str] | None:
    """(YAML path, 'value' | 'add') for the model path ``loc``: the path of the value as written, or of the
    mapping a missing key is to be added to. None when the YAML has no such place. Remembered per source map
    (a check resolves several fixes of one text field, thousands in a document full of slips)."""
    known = smap.__dict__.get("_source_paths")
    if known is None or known[0] != len(smap.spans):
        known = smap.__dict__["_source_paths"] = (len(smap.spans), {})
    if loc not in known[1]:
        known[1][loc] = _source_path(smap, loc)
    return known[1][loc]


def _source_path(smap: SourceMap, loc: tuple) -> tuple[tuple, str] | None:
    spans = smap.spans
    path: tuple = ()
    steps = list(loc)
    for i, step in enumerate(steps):
        last = i == len(steps) - 1
        kind = spans.get(path, (0, 0, None, None))[3]
        if kind == "map":
            if path + (step,) in spans:
                path += (step,)
                continue
            alias = next((a for a in ALIASES.get(step, ()) if path + (a,) in spans), None)
            if alias is not None:
                path += (alias,)
                continue
            if last and isinstance(step, str):
                return path + (step,), "add"
            return None
        if kind == "seq":
            if step in SHORTHAND_LISTS:
                continue
            if isinstance(step, int) and path + (step,) in spans:
                path += (step,)
                continue
            return None
        if kind == "scalar" and last and step == "teks":
            return path, "value"  # a string standing for {teks: …}
        return None
    return path, "value"


# -- rendering values as YAML -------------------------------------------------------------------------------
_RESOLVES_TO_OTHER = re.compile(r"^(?:[-+]?(?:\.?\d[\d_.:eE+-]*|\.inf|\.nan)|~|null|true|false|yes|no|on|off|y|n"
                                r"|\d{4}-\d\d?-\d\d?.*)$", re.I)


def _plain_ok(value: str) -> bool:
    """``value`` reads back as the same string when written without quotes (conservative: when in doubt, no)."""
    if not value or "\n" in value or value != value.strip() or "\t" in value:
        return False
    if value[0] in "-?:,[]{}#&*!|>'\"%@`" or value.endswith(":") or ": " in value or " #" in value:
        return False
    return not _RESOLVES_TO_OTHER.match(value)


def _double_quoted(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def render_scalar(value, style: Optional[str], old_text: str, column: int, newline: str) -> str:
    """``value`` as a YAML scalar in the style of ``old_text`` when that style can carry it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    value = str(value)
    if style == "'" and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    if style == '"':
        return _double_quoted(value)
    if style in ("|", ">"):
        header = old_text.split("\n", 1)[0].rstrip("\r")
        lines = old_text.split("\n")[1:]
        indent = next((len(ln) - len(ln.lstrip(" ")) for ln in lines if ln.strip()), column + 2)
        body = value[:-1] if value.endswith("\n") else value
        if not body or body[0] == " " or body.endswith("\n") or header[1:].strip("+-"):
            return _double_quoted(value)  # leading spaces, kept trailing lines or an indentation indicator
        indicator = "|" + ("" if value.endswith("\n") else "-")
        content = newline.join((" " * indent + ln) if ln else "" for ln in body.split("\n"))
        return indicator + newline + content + newline
    return value if _plain_ok(value) else _double_quoted(value)


def render_block(value, column: int, newline: str) -> str:
    """A mapping or list as block YAML whose first line starts at ``column`` (the rest indented to match)."""
    dumped = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False)
    lines = dumped.rstrip("\n").split("\n")
    return (newline + " " * column).join(lines)


def _content_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over trailing blank and comment-only lines (they belong to what follows)."""
    chunk = text[start:end]
    lines = chunk.splitlines(keepends=True)
    while len(lines) > 1 and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
        lines.pop()
    kept = "".join(lines)
    stripped = kept.rstrip("\r\n")
    return start + len(stripped)


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    """Index just past the line break ending the line that contains ``index``."""
    cut = text.find("\n", index)
    return len(text) if cut < 0 else cut + 1


# -- resolving and applying ---------------------------------------------------------------------------------
def resolve(fix: Fix, text: str, smap: SourceMap) -> Fix:
    """``fix`` with its span, old and new text in ``text`` (the source ``smap`` was read from); unchanged when
    it cannot be placed."""
    if fix.resolved or not text or not getattr(smap, "spans", None):
        return fix
    found = source_path(smap, fix.loc)
    if found is None:
        return fix
    path, mode = found
    newline = _newline(text)
    try:
        span, new = _edit(text, smap, path, mode, fix.replacement, newline)
    except _Unplaceable:
        return fix
    return Fix(fix.loc, fix.replacement, fix.description, span, text[span[0]:span[1]], new)  # not replace(): 3× faster


@lru_cache(maxsize=8)
def _newline(text: str) -> str:
    """The line ending the text is written with (looked up once per text: a check resolves thousands of fixes)."""
    return "\r\n" if "\r\n" in text else "\n"


class _Unplaceable(Exception):
    pass


def _edit(text: str, smap: SourceMap, path: tuple, mode: str, value, newline: str) -> tuple[tuple[int, int], str]:
    spans = smap.spans
    if mode == "add":
        parent = path[:-1]
        start, end, _, kind = spans.get(parent, (0, 0, None, None))
        if kind != "map" or value is None or _flow(text, start):
            raise _Unplaceable
        keys = [p for p in spans if len(p) == len(parent) + 2 and p[:-2] == parent and p[-1] == KEY]
        if not keys:
            raise _Unplaceable
        column = start - _line_start(text, start)
        at = _content_end(text, start, end)
        rendered = (render_block(value, column + 2, newline) if isinstance(value, (dict, list))
                    else render_scalar(value, None, "", column, newline))
        head = f"{path[-1]}:" + ((newline + " " * (column + 2)) if isinstance(value, (dict, list)) else " ")
        return (at, at), newline + " " * column + head + rendered
    start, end, style, kind = spans[path]
    if value is None:
        return _removal(text, smap, path)
    if kind in ("map", "seq") and not _flow(text, start):
        end = _content_end(text, start, end)
    elif kind == "scalar" and style in ("|", ">"):
        end = _content_end(text, start, end)
        end = _line_end(text, end) if end < len(text) else end
    old = text[start:end]
    column = start - _line_start(text, start)
    if isinstance(value, (dict, list)):
        if kind in ("map", "seq") and not _flow(text, start):
            return (start, end), render_block(value, column, newline)
        flow = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10**9, default_flow_style=True)
        return (start, end), flow.strip()
    if kind != "scalar":
        raise _Unplaceable
    return (start, end), render_scalar(value, style, old, column, newline)


def _flow(text: str, start: int) -> bool:
    return text[start:start + 1] in ("{", "[")


def _removal(text: str, smap: SourceMap, path: tuple) -> tuple[tuple[int, int], str]:
    """The span of a whole ``key: value`` entry or ``- item``, lines included, to delete."""
    spans = smap.spans
    start, end, style, kind = spans[path]
    if isinstance(path[-1], int):
        parent_start = spans[path[:-1]][0]
        if _flow(text, parent_start):
            raise _Unplaceable
        line = _line_start(text, start)
        prefix = text[line:start]
        if prefix.strip() != "-":
            raise _Unplaceable
        first = line
    else:
        key_start = spans.get(path[:-1] + (path[-1], KEY), (None,))[0]
        if key_start is None or _flow(text, spans[path[:-1]][0]):
            raise _Unplaceable
        line = _line_start(text, key_start)
        if text[line:key_start].strip():
            raise _Unplaceable  # '- key: value', the first key of a list item: removing it would break the item
        first = line
    if kind in ("map", "seq") and not _flow(text, start) or style in ("|", ">"):
        end = _content_end(text, start, end)
    last = _line_end(text, end - 1 if end > start else end)
    return (first, last), ""


def apply(text: str, fixes: list[Fix]) -> tuple[str, list[Fix]]:
    """``text`` with the resolved ``fixes`` written in (the first of overlapping ones wins); and those applied."""
    chosen: list[Fix] = []
    taken: list[tuple[int, int]] = []
    for fix in fixes:
        if not fix.resolved:
            continue
        a, b = fix.span
        if any(a < y and x < b or (a == b == x) for x, y in taken):
            continue
        chosen.append(fix)
        taken.append((a, b))
    for fix in sorted(chosen, key=lambda f: f.span[0], reverse=True):
        a, b = fix.span
        text = text[:a] + fix.new_text + text[b:]
    return text, chosen

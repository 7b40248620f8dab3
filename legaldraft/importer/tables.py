"""Tables: a DOCX table, or one flattened to text as '| a | b |' rows -> spec ``tabel``."""
from __future__ import annotations

import re

from .text import Line, clean

_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")


def cells(text: str) -> list[str]:
    return [clean(c) for c in text.strip().strip("|").split("|")]


def table_rows(lines: list[Line]) -> list[list[str]]:
    rows: list[list[str]] = []
    for ln in lines:
        if ln.table is not None:
            rows.extend([clean(c) for c in r] for r in ln.table)
        elif not _RULE.match(ln.text):
            rows.append(cells(ln.text))
    return rows


def table_from_rows(rows: list[list[str]]) -> dict:
    """First row is the header; short rows are padded so that the model accepts every row. A table region
    with no rows at all (a lone rule line) becomes a one-cell table rather than an error."""
    rows = [r for r in rows if r] or [[""]]
    kolom, baris = rows[0], rows[1:]
    width = max(1, max(len(r) for r in rows))
    kolom = kolom + [""] * (width - len(kolom))
    baris = [r + [""] * (width - len(r)) for r in baris]
    out: dict = {"kolom": kolom}
    if baris:
        out["baris"] = baris
    return out


def table_from_lines(lines: list[Line]) -> dict:
    return table_from_rows(table_rows(lines))


def is_table_line(ln: Line) -> bool:
    return ln.table is not None or (ln.text.startswith("|") and ln.text.count("|") >= 2)

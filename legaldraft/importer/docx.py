"""DOCX -> numbered lines, in body order. Tabs (label / ':' / marker columns) become spaces; a table stays a table,
except a layout table (Menimbang / Mengingat / diktum / signature set in invisible table cells, common in
documents typed by hand), which is read as the lines it shows."""
from __future__ import annotations

import re
from pathlib import Path

from .text import Line, clean

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LAYOUT_WORD = re.compile(r"^(Menimbang|Mengingat|Memperhatikan|Menetapkan|Ditetapkan|Diundangkan|MEMUTUSKAN|"
                          r"KE(SATU|DUA|TIGA|EMPAT|LIMA|ENAM|TUJUH|DELAPAN|SEMBILAN|SEPULUH))\b")


def paragraph_text(p, numbering=None) -> str:
    """The text the author sees: Word's automatic numbering label included, tracked deletions left out
    (accept-all), text boxes on lines of their own (legaldraft.wordml.reader)."""
    from ..wordml.numbering import Numbering  # lazy: start-up time
    from ..wordml.reader import paragraph_text as text_of  # lazy: start-up time

    return text_of(p, numbering or Numbering())


def _cell_paragraphs(tc, numbering=None) -> list[str]:
    out = []
    for p in tc.iter(f"{W}p"):
        out.extend(clean(x) for x in paragraph_text(p, numbering).split("\n"))
    return [x for x in out if x]


def _rows(tbl, numbering=None) -> list[list[list[str]]]:
    """Rows -> cells -> the cell's paragraphs."""
    return [[_cell_paragraphs(tc, numbering) for tc in tr.iter(f"{W}tc")] for tr in tbl.iter(f"{W}tr")]


def is_layout_table(rows: list[list[list[str]]]) -> bool:
    firsts = [cell[0] for row in rows for cell in row if cell]
    if any(_LAYOUT_WORD.match(c) for c in firsts):
        return True
    colons = sum(any(cell == [":"] for cell in row) for row in rows)
    return bool(rows) and colons * 2 > len(rows)


def layout_lines(rows: list[list[list[str]]]) -> list[str]:
    """'Menimbang | : | a. | bahwa …' -> 'Menimbang : a. bahwa …'; a last cell of several paragraphs gives
    one line each (the first joined to the row's label cells)."""
    out = []
    for row in rows:
        filled = [cell for cell in row if cell]
        if not filled:
            continue
        head = " ".join(" ".join(cell) for cell in filled[:-1])
        last = filled[-1]
        out.append(clean(f"{head} {last[0]}"))
        out.extend(last[1:])
    return out


def docx_lines(path: Path) -> list[Line]:
    """One Line per paragraph (a line break inside a paragraph starts a new Line); tables as rows of cells.
    Line numbers count paragraphs and tables, so that warnings can still point at a place."""
    from ..wordml.numbering import Numbering  # lazy: start-up time
    from ..wordml.reader import read_package  # lazy: start-up time

    pkg = read_package(path)
    numbering = Numbering(pkg.numbering, pkg.styles)
    lines: list[Line] = []
    no = 0
    for child in pkg.document.find(f"{W}body").iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            no += 1
            for part in paragraph_text(child, numbering).split("\n"):
                lines.append(Line(no, clean(part)))
        elif tag == "tbl":
            no += 1
            rows = _rows(child, numbering)
            if is_layout_table(rows):
                lines.extend(Line(no, text) for text in layout_lines(rows))
            else:
                lines.append(Line(no, "", table=[[" ".join(cell) for cell in row] for row in rows]))
    return lines

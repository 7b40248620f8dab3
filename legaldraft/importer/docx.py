"""DOCX -> numbered lines, in body order. Tabs (label / ':' / marker columns) become spaces; a table stays a table."""
from __future__ import annotations

from pathlib import Path

from .text import Line, clean

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def paragraph_text(p) -> str:
    parts = []
    for node in p.iter():
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.tag in (f"{W}tab", f"{W}br", f"{W}cr"):
            parts.append(" " if node.tag == f"{W}tab" else "\n")
    return "".join(parts)


def docx_lines(path: Path) -> list[Line]:
    """One Line per paragraph (a line break inside a paragraph starts a new Line); tables as rows of cells.
    Line numbers count paragraphs, so that warnings can still point at a place."""
    from docx import Document

    doc = Document(str(path))
    lines: list[Line] = []
    no = 0
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            no += 1
            for part in paragraph_text(child).split("\n"):
                lines.append(Line(no, clean(part)))
        elif tag == "tbl":
            no += 1
            rows = []
            for tr in child.iter(f"{W}tr"):
                cells = []
                for tc in tr.iter(f"{W}tc"):
                    cells.append(clean(" ".join(paragraph_text(p) for p in tc.iter(f"{W}p"))))
                rows.append(cells)
            lines.append(Line(no, "", table=rows))
    return lines

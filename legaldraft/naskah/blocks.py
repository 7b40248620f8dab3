"""The assembled naskah as data: styled blocks in reading order, and the facts the writers need.

Every output (DOCX, plain text, Markdown/HTML previews, the importer's round-trip report, the text-level rules,
compare and redline) reads these, so they can never disagree. Facts travel as fields, never as text to be
recognised again: the draft flag (:attr:`Blocks.rancangan`), a block's footnote (:attr:`Block.footnote`, the
notes of a naskah konsolidasi) and the unit a block comes from (:attr:`Block.source`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..model import Node, Tabel


#: styles whose blocks lay a label ('Menimbang'), ':' and a marker out in columns
LABELLED = ("LD Konsiderans", "LD Konsiderans Tunggal", "LD Diktum")


@dataclass(frozen=True)
class Run:
    """A stretch of text with its emphasis (Markdown **bold** / *italic* in a pedoman)."""

    text: str
    bold: bool = False
    italic: bool = False
    strike: bool = False        # struck through (words of the old text that changed, in a matriks)
    highlight: bool = False     # marked with a highlighter (changed words, in a matriks)


@dataclass
class Grid:
    """A table whose cells hold paragraphs of runs (the matriks perbandingan): the header row (repeated on every
    page), the relative column widths, and the rows; a cell is a list of paragraphs, a paragraph a list of runs."""

    header: list[str]
    widths: list[float]
    rows: list[list[list[list[Run]]]]

    def lines(self) -> list[str]:
        cell = lambda paragraphs: " / ".join("".join(r.text for r in p) for p in paragraphs)  # noqa: E731
        return [" | ".join(self.header)] + [" | ".join(cell(c) for c in row) for row in self.rows]


@dataclass
class Block:
    """One paragraph (or table/image) of the output, with its named style.

    ``label``/``marker`` are the hanging columns ("Menimbang", ":" and "a."; "(1)"; "KESATU"), kept apart
    from ``text`` so that every output format can lay them out its own way.
    """

    style: str
    text: str = ""
    label: str = ""
    marker: str = ""
    level: int = 0
    keep_next: bool = False
    page_break: bool = False
    table: Optional[Tabel] = None
    grid: Optional[Grid] = None         # a table of rich cells (the matriks perbandingan)
    image: Optional[str] = None
    image_width_mm: Optional[float] = None
    runs: Optional[list[Run]] = None    # emphasis; when given, the runs' texts joined equal ``text``
    indent_mm: float = 0.0              # moved right as a whole (text restated inside a Perubahan)
    footnote: Optional[str] = None      # a note at the foot of the page, its mark at the end of this block
    stamp: bool = False                 # the place a signing service stamps its QR code (TTE): a small ruled box
    source: Optional[Node] = field(default=None, repr=False, compare=False)

    def head(self) -> str:
        """Label, colon and marker with the tabs that put them into their columns (as the writers lay them out)."""
        if self.style in LABELLED:
            head = f"{self.label}\t:\t" if self.label.strip() else "\t\t"
            if self.marker:
                head += f"{self.marker}\t"
            return head
        if self.marker:
            return f"{self.marker}\t"
        return ""

    def plain(self) -> str:
        """The block as a line of plain text, in reading order."""
        parts = []
        if self.label:
            parts.append(f"{self.label} :" if self.label.strip() else "")
        if self.marker:
            parts.append(self.marker)
        if self.text:
            parts.append(self.text)
        if self.table is not None:
            rows = [self.table.kolom] + self.table.baris
            parts.append("\n".join(" | ".join(r) for r in rows))
        if self.grid is not None:
            parts.append("\n".join(self.grid.lines()))
        return " ".join(p for p in parts if p)


class Blocks(list):
    """The blocks of one naskah (a list of :class:`Block`) with its draft flag: a rancangan prints RANCANGAN in
    the header of every page."""

    def __init__(self, blocks=(), rancangan: bool = False):
        super().__init__(blocks)
        self.rancangan = rancangan

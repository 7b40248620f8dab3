"""Source text -> numbered lines: whitespace, editorial notes, page furniture, OCR slips.

Every line keeps its line number in the source so that warnings can point at it. Blank lines are
kept (as empty text): the title block and the lampiran use them to tell a heading from what follows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Line:
    no: int
    text: str
    table: Optional[list[list[str]]] = None   # a DOCX table, kept as rows of cells

    @property
    def blank(self) -> bool:
        return not self.text and self.table is None


@dataclass
class Note:
    """Something the importer wants the drafter to know: level 'info' or 'warning', with a source line."""

    level: str
    line: Optional[int]
    message: str

    def __str__(self) -> str:
        where = f"baris {self.line}: " if self.line else ""
        return f"{self.level}: {where}{self.message}"


@dataclass
class Notes:
    items: list[Note] = field(default_factory=list)
    truncated_at: Optional[int] = None      # source line where the copy says its text was cut off

    def info(self, line: int | None, message: str) -> None:
        self.items.append(Note("info", line, message))

    def warn(self, line: int | None, message: str) -> None:
        self.items.append(Note("warning", line, message))

    @property
    def warnings(self) -> list[Note]:
        return [n for n in self.items if n.level == "warning"]


_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_TRUNCATED = re.compile(r"\[\s*(?:\.\.\.|…)\s*[A-Za-z][^\]]*\]")
# "2", "- 3 -", "~1~", "-3-", "Halaman 2", "2 of 9"
_PAGE_NUMBER = re.compile(r"^(?:[-~–—]\s*)?\d{1,3}(?:\s*[-~–—])?$|^halaman\s+\d+(\s+dari\s+\d+)?$", re.I)
# the catchword at a page's foot: "2. Undang-undang ………….. 2" (text, a run of dots, the next page number)
# was the regex (?:…|\.{4,}|…\.+|\.+…)[.…\s]*\d{1,3}$ , cubic on a long run of dots (3,000 dots: 58 s);
# is_catchword() decides the same in linear time, scanning back from the end of the line.


def is_catchword(text: str) -> bool:
    """1-3 digits at the end, after a run of dots/ellipses/spaces holding '…' or at least four dots."""
    end = len(text)
    i = end
    while i > 0 and text[i - 1].isdecimal():
        i -= 1
    if not 1 <= end - i <= 3:
        return False
    j = i
    while j > 0 and (text[j - 1] in ".…" or text[j - 1].isspace()):
        j -= 1
    run = text[j:i]
    return "…" in run or "...." in run

_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")


def clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def is_editorial_note(text: str) -> bool:
    """A whole line in square brackets is an editorial note of the corpus, unless it is a short capitalised
    placeholder that stands for document text ('[NAMA KEPALA DINAS]')."""
    if not (text.startswith("[") and text.endswith("]")):
        return False
    inner = text[1:-1].strip()
    return not (inner.isupper() and len(inner.split()) <= 5 and ":" not in inner)


def is_page_furniture(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text) or is_catchword(text))


def source_lines(text: str, notes: Notes) -> list[Line]:
    """Split and clean a source text; editorial notes and page furniture are dropped with an info note."""
    lines: list[Line] = []
    for no, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        line = clean(raw.replace("\ufeff", ""))
        if _TRUNCATED.search(line):
            notes.info(no, "catatan '[... text truncated ...]' dari sumber dibuang; naskah sumber terpotong di sini")
            notes.truncated_at = notes.truncated_at or no
            line = clean(_TRUNCATED.sub("", line))
            if not line:
                continue
        if is_editorial_note(line):
            notes.info(no, f"catatan editorial dibuang: {line[:70]}")
            continue
        if is_page_furniture(line):
            notes.info(no, f"nomor halaman/kepala halaman dibuang: '{line[:40]}'")
            continue
        lines.append(Line(no, line))
    return lines


# -- OCR slips ------------------------------------------------------------------------------------
_OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "O": "0", "o": "0"})


def ocr_number(token: str) -> str:
    """'l' -> '1', '1O' -> '10' in a token that stands where a number must be."""
    if re.fullmatch(r"[0-9lIOo]+", token) and (any(c.isdigit() for c in token) or token in ("l", "I", "O")):
        return token.translate(_OCR_DIGITS)
    return token


# -- comparison -----------------------------------------------------------------------------------
_TOKEN = re.compile(r"\w+|[^\w\s|]")


def tokens(text: str) -> list[str]:
    """Word and punctuation tokens, lower case; whitespace, table rules and page furniture ignored."""
    kept = []
    for line in text.split("\n"):
        line = clean(line)
        if not line or is_page_furniture(line) or is_editorial_note(line) or _TABLE_RULE.match(line):
            continue
        kept.append(_TRUNCATED.sub(" ", line))
    joined = " ".join(kept).replace("…", "...").casefold()
    return _TOKEN.findall(joined)

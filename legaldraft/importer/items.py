"""Marked paragraphs -> nested lists: "(1)", "a.", "1.", "a)", "1)" (and "A." of web transcriptions).

A paragraph starts at a marker; an unmarked line continues the paragraph before it when that one is still
open (no closing '.', ';' or ':'), which joins lines broken mid-sentence by a PDF. Nesting follows the
expected sequence of each marker kind, not indentation (which copies lose).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .text import Line

# a PDF with tight columns may lose the space after the marker: "10.Peraturan"; an ayat inserted by an amendment
# keeps its number with a letter, "(1a)", read as an ayat only where the caller expects one (``inserted_ayat``)
_MARK = re.compile(r"^(?:\((?P<ayat>\d+)(?P<sisip>[a-z])?\)|(?P<pl>[a-z])\)|(?P<pn>\d+)\)|(?P<l>[a-zA-Z])\.|(?P<n>\d+)\.)(?:\s+|(?=[A-Z]))(?P<text>\S.*)$")
# model depth -> marker kind (butir 87): a. -> 1. -> a) -> 1)
DEPTH_KIND = ["letter", "number", "pletter", "pnumber"]


@dataclass
class Para:
    """One paragraph: its marker kind and index (0-based), text, source line."""

    no: int
    kind: Optional[str]
    index: int
    text: str
    marker: str = ""


def marker_of(text: str, inserted_ayat: bool = False) -> tuple[Optional[str], int, str, str]:
    """(kind, 0-based index, text after the marker, marker); an inserted ayat '(1a)' is the ayat (1)'s kind and index
    with its own marker, and is no marker at all unless ``inserted_ayat``."""
    m = _MARK.match(text)
    if not m or m.group("sisip") and not inserted_ayat:
        return None, 0, text, ""
    marker = text[: m.start("text")].strip()
    if m.group("ayat"):
        return "ayat", int(m.group("ayat")) - 1, m.group("text"), marker
    if m.group("pl"):
        return "pletter", ord(m.group("pl")) - ord("a"), m.group("text"), marker
    if m.group("pn"):
        return "pnumber", int(m.group("pn")) - 1, m.group("text"), marker
    if m.group("l"):
        return "letter", ord(m.group("l").lower()) - ord("a"), m.group("text"), marker
    return "number", int(m.group("n")) - 1, m.group("text"), marker


def is_inserted_ayat(text: str) -> bool:
    """'(1a) …': an ayat inserted by an amendment, its number kept with a letter."""
    m = _MARK.match(text)
    return bool(m and m.group("sisip"))


def is_open(text: str) -> bool:
    """A paragraph that has not ended: no closing punctuation (and not a heading-like ':' line)."""
    return not text.rstrip().endswith((".", ";", ":", "!", "?")) or text.rstrip().endswith((" dan", " atau"))


def join(prev: str, nxt: str) -> str:
    if prev.endswith("-") and not prev.endswith(" -"):
        return prev + nxt
    return f"{prev} {nxt}"


def paragraphs(lines: list[Line], expect_sequence: bool = True, inserted_ayat: bool = False) -> list[Para]:
    """Lines -> paragraphs. A marker only counts when it could be next in some open list (so a broken line
    that happens to start with '2011.' is a continuation, not item 2011); ``inserted_ayat``: '(1a)' starts an ayat
    whose marker keeps its letter (the content of an amendment)."""
    out: list[Para] = []
    last_of: dict[str, int] = {}
    for line in lines:
        if line.blank:
            continue
        kind, index, text, marker = marker_of(line.text, inserted_ayat)
        plausible = kind is not None and (not expect_sequence or index == 0 or last_of.get(kind, -5) + 1 == index
                                          or (kind in ("letter", "pletter") and index < 26 and last_of.get(kind, -5) >= 0))
        if kind is not None and out and _continues(out[-1].text, kind, index, last_of):
            plausible = False
        if kind is not None and plausible:
            out.append(Para(line.no, kind, index, text, marker))
            last_of[kind] = index
        elif out and (is_open(out[-1].text) or line.text[:1].islower()):   # no paragraph starts in lower case
            out[-1].text = join(out[-1].text, line.text)
        else:
            out.append(Para(line.no, None, 0, line.text))
    return out


_CITING = {"ayat": ("ayat",), "letter": ("huruf",), "pletter": ("huruf",), "number": ("angka",), "pnumber": ("angka",)}


def _continues(prev: str, kind: str, index: int, last_of: dict) -> bool:
    """A line broken just before '(1)', 'a.' or '2.' that is really part of a reference or a running sentence:
    the previous paragraph is still open and ends with the word that cites such a marker ('ayat', 'huruf'), or
    an ayat list is already running (ayat are never restarted inside a Pasal)."""
    if not is_open(prev):
        return False
    last_word = prev.rstrip().rsplit(" ", 1)[-1]
    if last_word in _CITING.get(kind, ()):
        return True
    return kind == "ayat" and index == 0 and last_of.get(kind, -1) >= 0


@dataclass
class Node_:
    para: Optional[Para]
    children: list["Node_"] = field(default_factory=list)
    tail: list[Para] = field(default_factory=list)   # unmarked paragraphs after the children


class Mismatch(ValueError):
    """The markers do not form lists the model can print the same way."""

    def __init__(self, no: int, message: str):
        super().__init__(message)
        self.no = no


def tree(paras: list[Para], root_kinds: tuple[str, ...] = ()) -> Node_:
    """Nest marked paragraphs. ``root_kinds`` are kinds that live at the top (e.g. 'ayat')."""
    root = Node_(None)
    stack: list[tuple[str, int, Node_]] = []   # (kind, last index, parent node holding that list)
    for p in paras:
        if p.kind is None:
            holder = stack[-1][2].children[-1] if stack else root
            if stack and not holder.children and is_open(holder.para.text):
                holder.para.text = join(holder.para.text, p.text)
            else:
                # text after a list belongs to the item that holds the list (teks_akhir)
                target = stack[-1][2] if stack else root
                target.tail.append(p)
            continue
        placed = False
        for depth in range(len(stack) - 1, -1, -1):
            kind, last, parent = stack[depth]
            if kind == p.kind and last + 1 == p.index:
                del stack[depth + 1:]
                stack[depth] = (kind, p.index, parent)
                parent.children.append(Node_(p))
                placed = True
                break
        if placed:
            continue
        if p.index != 0:
            raise Mismatch(p.no, f"penanda '{p.marker}' tidak berurutan")
        parent = stack[-1][2].children[-1] if stack else root
        if p.kind in root_kinds and stack:
            raise Mismatch(p.no, f"penanda '{p.marker}' di tempat yang tidak terduga")
        stack.append((p.kind, 0, parent))
        parent.children.append(Node_(p))
    return root


def butir_list(children: list[Node_], depth: int) -> list[dict]:
    """Nested nodes -> spec 'rincian' (Butir dicts); the marker kind must be the one the model prints there."""
    out = []
    for child in children:
        if child.para.kind != DEPTH_KIND[depth % 4]:
            raise Mismatch(child.para.no, f"penanda '{child.para.marker}' pada tingkat ini dicetak lain oleh model")
        item: dict = {"teks": child.para.text}
        if child.children:
            item["rincian"] = butir_list(child.children, depth + 1)
        if child.tail:
            item["teks_akhir"] = " ".join(t.text for t in child.tail)
        out.append(item)
    return out

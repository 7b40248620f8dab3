"""Where a unit of the imported document stands in the source: paragraph and character offsets.

The importer keeps every text as the source writes it (whitespace aside), so each unit is found by its text:
the assembled blocks of the imported document are aligned with the source paragraphs in reading order
(a cursor that only moves forward, so a sentence repeated elsewhere is not taken for this one), giving a
parallel map unit -> paragraph. A finding is then placed on the words it quotes inside its unit's paragraph.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from ..wordml.reader import SourcePara

_WS = re.compile(r"[\s\u00a0\u2007\u202f]+")
WINDOW = 400      # paragraphs searched ahead of the cursor for one block


def normalise(text: str) -> tuple[str, list[int]]:
    """Whitespace runs -> one space (trimmed), with the source offset of every kept character."""
    out: list[str] = []
    where: list[int] = []
    pending = None
    for i, ch in enumerate(text):
        if ch.isspace() or ch in "\u00a0\u2007\u202f":
            if out and pending is None:
                pending = i
            continue
        if pending is not None:
            out.append(" ")
            where.append(pending)
            pending = None
        out.append(ch)
        where.append(i)
    where.append(len(text) if not where else where[-1] + 1)
    return "".join(out), where


def squash(text: str) -> str:
    return _WS.sub(" ", text).strip()


@dataclass
class Place:
    para: SourcePara
    start: int
    end: int

    @property
    def quote(self) -> str:
        return self.para.text[self.start:self.end]


class Locator:
    def __init__(self, paras: list[SourcePara]):
        self.paras = paras
        self.norm = [normalise(p.text) for p in paras]
        self._joined = None

    def joined(self) -> tuple[str, list[int]]:
        """All normalised paragraphs joined by a line feed, with the offset where each starts."""
        if self._joined is None:
            starts, pos = [], 0
            for hay, _ in self.norm:
                starts.append(pos)
                pos += len(hay) + 1
            self._joined = ("\n".join(hay for hay, _ in self.norm), starts + [pos])
        return self._joined

    def find(self, text: str, start: int = 0, stop: Optional[int] = None, whole: bool = False) -> Optional[Place]:
        """First paragraph (index >= ``start``) holding ``text`` (whitespace-insensitive)."""
        needle = squash(text)
        if not needle:
            return None
        stop = len(self.paras) if stop is None else min(stop, len(self.paras))
        for i in range(max(0, start), stop):
            hay, where = self.norm[i]
            k = hay.find(needle)
            if k >= 0:
                para = self.paras[i]
                return Place(para, where[k], where[k + len(needle) - 1] + 1)
        return None

    def find_near(self, text: str, hint: int) -> Optional[Place]:
        """Search from ``hint`` forward, then from the start."""
        return self.find(text, hint) or (self.find(text, 0, hint) if hint else None)

    def in_para(self, para: SourcePara, text: str, from_offset: int = 0) -> Optional[Place]:
        hay, where = self.norm[para.index - 1]
        needle = squash(text)
        if not needle:
            return None
        k0 = next((k for k, w in enumerate(where[:-1]) if w >= from_offset), len(hay))
        k = hay.find(needle, k0)
        if k < 0:
            return None
        return Place(para, where[k], where[k + len(needle) - 1] + 1)


def _probe(text: str) -> str:
    """The part of a unit's text used to find it: its first line, at most 80 characters, cut at a word."""
    first = squash(text.split("\n", 1)[0])
    if len(first) <= 80:
        return first
    cut = first[:80]
    return cut.rsplit(" ", 1)[0] if " " in cut else cut


@dataclass
class BlockPlace:
    block: object
    place: Place


def align_blocks(blocks, locator: Locator) -> list[Optional[BlockPlace]]:
    """For each assembled block, where its text starts in the source (None when not found). One forward
    search in the joined text of all paragraphs; a short heading ("Pasal 3", "BAB II") must be a paragraph of
    its own, not a reference inside one."""
    joined, starts = locator.joined()
    whole: dict[str, list[int]] = {}
    for i, (hay, _) in enumerate(locator.norm):
        whole.setdefault(hay, []).append(i)
        para = locator.paras[i]
        if para.body_start:
            whole.setdefault(squash(para.text[para.body_start:]), []).append(i)
    whole = {key: sorted(set(indices)) for key, indices in whole.items()}

    def first_at_or_after(indices: list[int]) -> Optional[int]:
        k = bisect.bisect_left(indices, cursor)
        return indices[k] if k < len(indices) and indices[k] < cursor + WINDOW else None
    out: list[Optional[BlockPlace]] = []
    cursor = 0
    for block in blocks:
        text = getattr(block, "text", "") or ""
        probe = _probe(text)
        if len(probe) < 2:
            out.append(None)
            continue
        found = None
        if len(probe) < 25:
            marker = getattr(block, "marker", "") or ""
            for key in (probe, f"{marker} {probe}" if marker else None):
                i = first_at_or_after(whole.get(key, [])) if key else None
                if i is not None and (found is None or i < found):
                    found = i
            place = locator.find(probe, found, found + 1) if found is not None else None
        else:
            k = joined.find(probe, starts[cursor])
            place = None
            if k >= 0:
                i = bisect.bisect_right(starts, k) - 1
                if i < cursor + WINDOW:
                    place = locator.find(probe, i, i + 1)
        if place is None:
            out.append(None)
            continue
        cursor = place.para.index - 1
        out.append(BlockPlace(block, place))
    return out

"""Numbering of the whole tree and resolution of internal references.

Numbers are a function of order, computed once per document: ``Numbering(doc)``. Every unit gets its
number (``numbers[id(node)]``) and its citation chain (("Pasal 7", "ayat (2)", "huruf a")). Text refers
to units by stable id: ``[[id]]`` becomes the citation relative to where it is written ("ayat (2)" inside
Pasal 7, "Pasal 7 ayat (2)" elsewhere); ``[[dimaksud id]]`` becomes the whole phrase with the right
preposition (butir 272: "pada" within the same Pasal, "dalam" to another Pasal).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Optional

from ..model import (
    Ayat, Bab, BabLampiran, Bagian, Butir, KeputusanBupati, Node, Paragraf, Pasal, PeraturanBupati, SubBab,
)
from . import rumusan
from .numbers import letters, marker, marker_word, ordinal, roman
from ..model import walk

REF = re.compile(r"\[\[\s*(dimaksud\s+)?([^\[\]]*?)\s*\]\]")


class ReferenceError_(Exception):
    """An ``[[id]]`` that names no unit. Carries the offending id and the node it was written in."""

    def __init__(self, ref: str, node: Node, reason: str = "tidak ada"):
        super().__init__(ref)
        self.ref = ref
        self.node = node
        self.reason = reason


@dataclass
class NumberedUnit:
    """One numbered unit of a document and its number as printed."""

    node: Node
    kind: str
    number: str                 # as printed: "II", "Kesatu", "7", "(2)", "a.", "KESATU"
    chain: tuple[str, ...]      # citation chain from the Pasal (or BAB/Lampiran/Diktum) down
    pasal: Optional[Pasal] = None
    ayat: Optional[Ayat] = None
    depth: int = 0


@dataclass
class Numbering:
    """The numbers of a document's units, computed per call (never stored on the model)."""

    doc: Node
    units: dict[int, NumberedUnit] = field(default_factory=dict)
    by_id: dict[str, Node] = field(default_factory=dict)
    duplicates: list[tuple[str, Node]] = field(default_factory=list)
    pasal_count: int = 0
    _references: Optional[list] = field(default=None, repr=False)
    _nodes: Optional[list] = field(default=None, repr=False)

    def __post_init__(self):
        if isinstance(self.doc, PeraturanBupati) or isinstance(self.doc, KeputusanBupati) and self.doc.batang_tubuh:
            self._number_body(self.doc.batang_tubuh)
        if isinstance(self.doc, KeputusanBupati):
            for i, d in enumerate(self.doc.diktum):
                label = ordinal(i + 1).upper()
                self._add(d, NumberedUnit(d, "diktum", label, (f"Diktum {label}",)))
                self._number_items(d.rincian, (f"Diktum {label}",), None, None)
        lampiran = getattr(self.doc, "lampiran", [])
        for i, lamp in enumerate(lampiran):
            number = roman(i + 1) if len(lampiran) > 1 else ""
            self._add(lamp, NumberedUnit(lamp, "lampiran", number, (f"Lampiran {number}".strip(),)))
            self._number_lampiran(lamp.isi, 0)

    # -- registration -------------------------------------------------------------------------------
    def _add(self, node: Node, unit: NumberedUnit) -> None:
        printed = node.printed_number  # fixed by an amendment (naskah konsolidasi): kept, not recomputed
        if printed is not None:
            unit.number = printed
        self.units[id(node)] = unit
        ident = node.__dict__.get("id")  # fields only: getattr of a field a node lacks is slow in pydantic
        if ident:
            if ident in self.by_id:
                self.duplicates.append((ident, node))
            else:
                self.by_id[ident] = node

    def unit(self, node: Node) -> NumberedUnit:
        return self.units[id(node)]

    def number(self, node: Node) -> str:
        return self.units[id(node)].number

    # -- batang tubuh -------------------------------------------------------------------------------
    def _number_body(self, nodes) -> None:
        bab_no = 0
        for node in nodes:
            if isinstance(node, Bab):
                bab_no += 1
                number = node.printed_number or roman(bab_no)
                self._add(node, NumberedUnit(node, "bab", number, (f"BAB {number}",)))
                bagian_no = 0
                for child in node.isi:
                    if isinstance(child, Bagian):
                        bagian_no += 1
                        number = child.printed_number or ordinal(bagian_no)
                        self._add(child, NumberedUnit(child, "bagian", number, (f"Bagian {number}",)))
                        par_no = 0
                        for sub in child.isi:
                            if isinstance(sub, Paragraf):
                                par_no += 1
                                number = sub.printed_number or str(par_no)
                                self._add(sub, NumberedUnit(sub, "paragraf", number, (f"Paragraf {number}",)))
                                for pasal in sub.isi:
                                    self._number_pasal(pasal)
                            else:
                                self._number_pasal(sub)
                    else:
                        self._number_pasal(child)
            else:
                self._number_pasal(node)

    def _number_pasal(self, pasal: Pasal) -> None:
        # a number an amendment fixed (Pasal 5A, ayat (1a), angka 3a) is the one cited, as it is the one printed
        self.pasal_count += 1
        n = pasal.printed_number or str(self.pasal_count)
        chain = (f"Pasal {n}",)
        self._add(pasal, NumberedUnit(pasal, "pasal", n, chain, pasal=pasal))
        for i, d in enumerate(pasal.definisi):
            number = d.printed_number or f"{i + 1}."
            self._add(d, NumberedUnit(d, "definisi", number, chain + (f"angka {number.rstrip('.')}",), pasal=pasal))
        for i, ayat in enumerate(pasal.ayat):
            label = ayat.printed_number or f"({i + 1})"
            ayat_chain = chain + (f"ayat {label}",)
            self._add(ayat, NumberedUnit(ayat, "ayat", label, ayat_chain, pasal=pasal, ayat=ayat))
            self._number_items(ayat.rincian, ayat_chain, pasal, ayat)
        self._number_items(pasal.rincian, chain, pasal, None)

    def _number_items(self, items: list[Butir], chain, pasal, ayat, depth: int = 0) -> None:
        for i, item in enumerate(items):
            label = marker(depth, i)
            ref = f"{marker_word(depth)} {letters(i) if depth % 2 == 0 else i + 1}"
            item_chain = chain + (ref,)
            self._add(item, NumberedUnit(item, "butir", label, item_chain, pasal=pasal, ayat=ayat, depth=depth))
            self._number_items(item.rincian, item_chain, pasal, ayat, depth + 1)

    # -- lampiran -----------------------------------------------------------------------------------
    def _number_lampiran(self, blocks, level: int) -> None:
        bab_no = sub_no = 0
        for block in blocks:
            if isinstance(block, BabLampiran):
                bab_no += 1
                self._add(block, NumberedUnit(block, "bab_lampiran", roman(bab_no), (f"BAB {roman(bab_no)}",)))
                self._number_lampiran(block.isi, 0)
            elif isinstance(block, SubBab):
                label = f"{chr(ord('A') + sub_no)}." if level % 2 == 0 and sub_no < 26 else f"{sub_no + 1}."
                sub_no += 1
                self._add(block, NumberedUnit(block, "subbab", label, (label,)))
                self._number_lampiran(block.isi, level + 1)

    # -- references ---------------------------------------------------------------------------------
    def owner(self, node: Node) -> NumberedUnit | None:
        return self.units.get(id(node))

    def cite(self, target_id: str, where: Node | None) -> tuple[str, bool]:
        """Citation of ``target_id`` as seen from ``where``; second item: True when in the same Pasal."""
        target = self.by_id.get(target_id)
        if target is None:
            raise ReferenceError_(target_id, where)
        unit = self.units[id(target)]
        here = self.units.get(id(where)) if where is not None else None
        chain = unit.chain
        same_pasal = bool(here and here.pasal is not None and unit.pasal is here.pasal and unit.kind != "pasal")
        if same_pasal:
            chain = chain[1:]
            if here.ayat is not None and unit.ayat is here.ayat and len(chain) > 1 and unit.kind == "butir":
                chain = chain[1:]
        return " ".join(chain), same_pasal

    def expand(self, text: str, where: Node | None) -> str:
        """Replace every ``[[...]]`` in ``text``."""
        if "[[" not in text:
            return text

        def replace(m: re.Match) -> str:
            ids = [p.strip() for p in m.group(2).split(",") if p.strip()]
            if not ids:
                raise ReferenceError_(m.group(0), where, "kosong")
            cites = [self.cite(i, where) for i in ids]
            joined = self._join([c for c, _ in cites], ids)
            if m.group(1):
                same = all(s for _, s in cites)
                return rumusan.sebagaimana_dimaksud(joined, same)
            return joined

        return REF.sub(replace, text)

    def _join(self, cites: list[str], ids: list[str]) -> str:
        if len(cites) >= 3 and all(self.units[id(self.by_id[i])].kind == "pasal"
                                   and self.units[id(self.by_id[i])].number.isdigit() for i in ids):  # not 'Pasal 5A'
            numbers = [int(self.units[id(self.by_id[i])].number) for i in ids]
            if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
                return rumusan.rentang(cites[0], cites[-1])
        return rumusan.daftar(cites)

    def nodes(self) -> list[Node]:
        """Every node of the document in document order (:func:`legaldraft.model.walk`), walked once per numbering:
        the loader's checks, the references and the rule engine share this walk."""
        if self._nodes is None:
            self._nodes = list(walk(self.doc))
        return self._nodes

    def references(self) -> list[tuple[Node, str, str]]:
        """Every (node, field, ref-id) written in the document, for checks (read once per numbering)."""
        if self._references is None:
            self._references = list(self._read_references())
        return self._references

    def _read_references(self) -> Iterator[tuple[Node, str, str]]:
        for node in self.nodes():
            values = node.__dict__  # fields only: getattr of a field a node lacks is slow in pydantic
            for name in ("teks", "teks_akhir", "arti", "berlaku"):
                text = values.get(name)
                if isinstance(text, str) and "[[" in text:
                    for m in REF.finditer(text):
                        for ident in m.group(2).split(","):
                            yield node, name, ident.strip()

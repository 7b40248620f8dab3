"""Rendering of a Perubahan (Pasal I / Pasal II, butir 233) and a Pencabutan (Pasal 1 / Pasal 2, butir 227).

Both are Peraturan Bupati in form, so they reuse the :class:`Assembler` for everything but their judul
(tentang built from the regulation they change or revoke), the extra Mengingat item and the batang tubuh.
"""
from __future__ import annotations

from ..model import Ayat, Bab, Bagian, Butir, Definisi, Paragraf, Pasal
from . import rumusan
from .assembler import Assembler
from .names import amended_chain, full_tentang, pencabutan_sentence
from .numbers import marker
from .numbers import bilangan


class _AmendingAssembler(Assembler):
    """What a Perubahan and a Pencabutan share: the generated tentang and the Pasal II/2 mulai berlaku."""

    def tentang_upper(self) -> str:
        return full_tentang(self.doc, self.profile).upper()

    def tentang(self) -> str:
        return full_tentang(self.doc, self.profile)

    def mulai_berlaku(self, heading: str, before: tuple[str, ...] = ()) -> None:
        """The last Pasal: ``before`` (a Perubahan's transitional paragraphs of Pasal II), then mulai berlaku."""
        self.add("LD Pasal", heading, keep_next=True)
        for text in before:
            self.add("LD Isi", text)
        self.add("LD Isi", rumusan.mulai_berlaku(self.nama_jenis, self.doc.berlaku))

    def rincian(self, items: list[Butir], base: int, depth: int = 0) -> None:
        for i, item in enumerate(items):
            level = base + depth + 1
            self.add(f"LD Rincian {min(level, 5)}", item.teks, marker=marker(depth, i), level=level, source=item)
            self.rincian(item.rincian, base, depth + 1)
            if item.teks_akhir:
                self.add(f"LD Lanjutan {min(level, 5)}", item.teks_akhir, level=level, source=item)


class PerubahanAssembler(_AmendingAssembler):
    RESTATED_INDENT_MM = 10.0  # restated text lines up with the text of its numbered change

    def restating(self, start: int) -> None:
        for block in self.blocks[start:]:
            block.indent_mm = self.RESTATED_INDENT_MM

    def mengingat_items(self):
        items = super().mengingat_items()
        mark = f"{len(items) + 1}." if items else ""
        if len(items) == 1 and not items[0][0]:
            items = [("1.", items[0][1], items[0][2])]
        return items + [(mark, amended_chain(self.doc, self.profile) + ";", self.doc.mengubah)]

    def pasal_i_opening(self) -> str:
        """Formula 26 for a Perbup."""
        return rumusan.pembuka_pasal_i(amended_chain(self.doc, self.profile), len(self.doc.perubahan) > 1,
                                       bool(self.doc.perubahan_sebelumnya))

    def batang_tubuh(self) -> None:
        self.add("LD Pasal", "Pasal I", keep_next=True)
        self.add("LD Isi", self.pasal_i_opening(), source=self.doc)
        numbered = len(self.doc.perubahan) > 1
        for i, item in enumerate(self.doc.perubahan):
            self.add("LD Rincian 1", rumusan.instruksi(item, self.nama_jenis, bilangan), marker=f"{i + 1}." if numbered else "",
                     level=1, keep_next=bool(item.isi or item.ayat or item.definisi), source=item)
            start = len(self.blocks)
            for unit in item.isi:
                self.restated(unit)
            for ayat in item.ayat:
                self.restated_ayat(ayat)
            for d in item.definisi:
                self.restated_angka(d)
            if numbered:
                self.restating(start)
        self.mulai_berlaku("Pasal II", tuple(self.doc.pasal_ii))     # under its heading, as the AKN output has it

    def restated(self, unit) -> None:
        if isinstance(unit, Bab):
            self.add("LD BAB", f"BAB {unit.printed_number}", keep_next=True, source=unit)
            self.add("LD BAB", unit.judul, keep_next=True, source=unit)
        elif isinstance(unit, Bagian):
            self.add("LD Bagian", f"Bagian {unit.printed_number}", keep_next=True, source=unit)
            self.add("LD Bagian", unit.judul, keep_next=True, source=unit)
        elif isinstance(unit, Paragraf):
            self.add("LD Bagian", f"Paragraf {unit.printed_number}", keep_next=True, source=unit)
            self.add("LD Bagian", unit.judul, keep_next=True, source=unit)
        elif isinstance(unit, Pasal):
            self.restated_pasal(unit)
            return
        for child in unit.isi:
            self.restated(child)

    def restated_pasal(self, pasal: Pasal) -> None:
        self.add("LD Pasal", f"Pasal {pasal.printed_number}", keep_next=True, source=pasal)
        if pasal.teks:
            self.add("LD Isi", pasal.teks, source=pasal)
        for d in pasal.definisi:
            self.restated_angka(d)
        self.rincian(pasal.rincian, base=0)
        if pasal.teks_akhir:
            self.add("LD Isi", pasal.teks_akhir, source=pasal)
        for ayat in pasal.ayat:
            self.restated_ayat(ayat)

    def restated_ayat(self, ayat: Ayat) -> None:
        self.add("LD Ayat", ayat.teks, marker=ayat.printed_number, source=ayat)
        self.rincian(ayat.rincian, base=1)
        if ayat.teks_akhir:
            self.add("LD Lanjutan 1", ayat.teks_akhir, level=1, source=ayat)

    def restated_angka(self, d: Definisi) -> None:
        self.add("LD Definisi", d.teks, marker=d.printed_number, source=d)


class PencabutanAssembler(_AmendingAssembler):
    def batang_tubuh(self) -> None:
        self.add("LD Pasal", "Pasal 1", keep_next=True)
        opening, items, closing = pencabutan_sentence(self.doc.dicabut, self.profile, self.doc.belum_berlaku, self.nama_jenis)
        self.add("LD Isi", opening, source=self.doc)
        for i, text in enumerate(items):
            self.add("LD Rincian 1", text, marker=marker(0, i), level=1, source=self.doc.dicabut[i])
        if closing:
            self.add("LD Isi", closing)
        self.mulai_berlaku("Pasal 2")


# -- naskah konsolidasi ---------------------------------------------------------------------------------
class KonsolidasiAssembler(Assembler):
    """The base Perbup's form, its text as amended (units keep their amended numbers: Node.printed_number), a
    footnote on each changed Pasal/BAB (Node.footnote)."""

    def __init__(self, doc, profile, registry, numbering, amendments: list[str]):
        super().__init__(doc, profile, registry, numbering)
        self.amendments = amendments

    def judul(self) -> None:
        self.add("LD Judul", "NASKAH KONSOLIDASI", keep_next=True)
        super().judul()
        if self.amendments:
            self.add("LD Judul", rumusan.konsolidasi_sejak(self.amendments), keep_next=True)

    def _note(self, node, heading: int) -> None:
        """The note is a footnote of the heading ('Pasal 13', or a deleted BAB's 'Dihapus.')."""
        text = node.footnote
        if text:
            self.blocks[heading].footnote = text

    def bab(self, bab) -> None:
        start = len(self.blocks)
        super().bab(bab)
        if not bab.isi:
            self._note(bab, start + 1)

    def pasal(self, pasal) -> None:
        start = len(self.blocks)
        super().pasal(pasal)
        self._note(pasal, start)


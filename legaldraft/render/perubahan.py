"""Rendering of a Perubahan (Pasal I / Pasal II, butir 233) and a Pencabutan (Pasal 1 / Pasal 2, butir 227).

Both are Peraturan Bupati in form, so they reuse the :class:`Assembler` for everything but their judul
(tentang built from the regulation they change or revoke), the extra Mengingat item and the batang tubuh.
"""
from __future__ import annotations

from ..model import AngkaUbah, AyatUbah, BabUbah, BagianUbah, Butir, ParagrafUbah, PasalUbah
from ..model.reference import JenisPeraturan
from .assemble import Assembler
from .numbers import marker, ordinal


def nama_peraturan(reg, profile, publication: bool = True) -> str:
    """'Peraturan Bupati Purwakarta Nomor 12 Tahun 2026 tentang … (Berita Daerah Kabupaten Purwakarta
    Tahun 2026 Nomor 12)'."""
    if reg.jenis in (JenisPeraturan.perbup, JenisPeraturan.perda):
        base = profile.formula.nama_jenis_peraturan if reg.jenis == JenisPeraturan.perbup else f"Peraturan Daerah {profile.nama_daerah}"
        name = f"{base} {profile.nama}" if reg.jenis == JenisPeraturan.perbup else base
        text = f"{name} Nomor {reg.nomor or '...'} Tahun {reg.tahun or '...'} tentang {reg.tentang or '...'}"
        if publication and reg.lembaran is not None:
            where = profile.nama_berita_daerah if reg.jenis == JenisPeraturan.perbup else f"Lembaran Daerah {profile.nama_daerah}"
            text += f" ({where} Tahun {reg.lembaran.tahun} Nomor {reg.lembaran.nomor})"
        return text
    from .citation import judul_peraturan, publikasi

    text = judul_peraturan(reg)
    return f"{text} {publikasi(reg)}".strip() if publication else text


def full_tentang(doc, profile) -> str:
    """The tentang of the judul: 'Perubahan Kedua atas Peraturan Bupati Purwakarta Nomor 12 Tahun 2026 tentang …'."""
    if doc.jenis == "perubahan":
        ke = "" if doc.ke == 1 else f"{ordinal(doc.ke)} "
        return f"Perubahan {ke}atas {nama_peraturan(doc.mengubah, profile, publication=False)}"
    if doc.jenis == "pencabutan":
        from ..amend.instructions import join_words

        return "Pencabutan " + join_words([nama_peraturan(r, profile, publication=False) for r in doc.dicabut])
    return doc.tentang


def amended_chain(doc, profile) -> str:
    """The amended Perbup with its publication data and the Perubahan before this one (butir 233a)."""
    text = nama_peraturan(doc.mengubah, profile)
    earlier = doc.perubahan_sebelumnya
    if len(earlier) == 1:
        text += f" sebagaimana telah diubah dengan {nama_peraturan(earlier[0], profile)}"
    elif earlier:
        text += f" sebagaimana telah beberapa kali diubah terakhir dengan {nama_peraturan(earlier[-1], profile)}"
    return text


def pencabutan_sentence(regs, profile, belum_berlaku: bool = False, nama_jenis: str | None = None) -> tuple[str, list[str], str]:
    """Formula 23 (or 24): opening, the tabulated regulations (several), and the closing words."""
    nama_jenis = nama_jenis or profile.formula.nama_jenis_peraturan
    verb = "ditarik kembali dan dinyatakan tidak berlaku." if belum_berlaku else "dicabut dan dinyatakan tidak berlaku."
    names = [nama_peraturan(r, profile) for r in regs]
    if len(names) == 1:
        return f"Pada saat {nama_jenis} ini mulai berlaku, {names[0]} {verb}", [], ""
    items = [f"{n};" for n in names[:-2]] + [f"{names[-2]}; dan", f"{names[-1]},"]
    return f"Pada saat {nama_jenis} ini mulai berlaku:", items, verb


class _AmendingAssembler(Assembler):
    """What a Perubahan and a Pencabutan share: the generated tentang and the Pasal II/2 mulai berlaku."""

    def tentang_upper(self) -> str:
        return full_tentang(self.doc, self.profile).upper()

    def closing_point(self, n: int) -> str:
        text = super().closing_point(n)
        return text[: text.rindex(" tentang ")] + f" tentang {full_tentang(self.doc, self.profile)};"

    def mulai_berlaku(self, heading: str) -> None:
        self.add("LD Pasal", heading, keep_next=True)
        tail = self.doc.berlaku or "pada tanggal diundangkan"
        self.add("LD Isi", f"{self.nama_jenis} ini mulai berlaku {tail}.")

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
        many = len(self.doc.perubahan) > 1
        return (f"{'Beberapa ketentuan' if many else 'Ketentuan'} dalam {amended_chain(self.doc, self.profile)}"
                f"{',' if self.doc.perubahan_sebelumnya else ''} diubah sebagai berikut:")

    def batang_tubuh(self) -> None:
        from ..amend.instructions import sentence

        self.add("LD Pasal", "Pasal I", keep_next=True)
        self.add("LD Isi", self.pasal_i_opening(), source=self.doc)
        numbered = len(self.doc.perubahan) > 1
        for i, item in enumerate(self.doc.perubahan):
            self.add("LD Rincian 1", sentence(item, self.nama_jenis), marker=f"{i + 1}." if numbered else "",
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
        for text in self.doc.pasal_ii:
            self.add("LD Isi", text)
        self.mulai_berlaku("Pasal II")

    def restated(self, unit) -> None:
        if isinstance(unit, BabUbah):
            self.add("LD BAB", f"BAB {unit.bab}", keep_next=True, source=unit)
            self.add("LD BAB", unit.judul, keep_next=True, source=unit)
        elif isinstance(unit, BagianUbah):
            self.add("LD Bagian", f"Bagian {unit.bagian}", keep_next=True, source=unit)
            self.add("LD Bagian", unit.judul, keep_next=True, source=unit)
        elif isinstance(unit, ParagrafUbah):
            self.add("LD Bagian", f"Paragraf {unit.paragraf}", keep_next=True, source=unit)
            self.add("LD Bagian", unit.judul, keep_next=True, source=unit)
        elif isinstance(unit, PasalUbah):
            self.restated_pasal(unit)
            return
        for child in unit.isi:
            self.restated(child)

    def restated_pasal(self, pasal: PasalUbah) -> None:
        self.add("LD Pasal", f"Pasal {pasal.pasal}", keep_next=True, source=pasal)
        if pasal.teks:
            self.add("LD Isi", pasal.teks, source=pasal)
        for d in pasal.definisi:
            self.restated_angka(d)
        self.rincian(pasal.rincian, base=0)
        if pasal.teks_akhir:
            self.add("LD Isi", pasal.teks_akhir, source=pasal)
        for ayat in pasal.ayat:
            self.restated_ayat(ayat)

    def restated_ayat(self, ayat: AyatUbah) -> None:
        self.add("LD Ayat", ayat.teks, marker=f"({ayat.ayat})", source=ayat)
        self.rincian(ayat.rincian, base=1)
        if ayat.teks_akhir:
            self.add("LD Lanjutan 1", ayat.teks_akhir, level=1, source=ayat)

    def restated_angka(self, d: AngkaUbah) -> None:
        self.add("LD Definisi", d.teks, marker=f"{d.angka}.", source=d)


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


ASSEMBLERS = {"perubahan": PerubahanAssembler, "pencabutan": PencabutanAssembler}


# -- naskah konsolidasi ---------------------------------------------------------------------------------
def fixed_numbering(doc, labels: dict[int, str]):
    """The numbering of a naskah konsolidasi: the amended numbers (Pasal 5A), not the positions."""
    from .numbering import Numbering

    num = Numbering(doc)
    for key, label in labels.items():
        unit = num.units.get(key)
        if unit is not None:
            unit.number = label
    return num


class KonsolidasiAssembler(Assembler):
    """The base Perbup's form, its text as amended, a note under each changed Pasal/BAB."""

    def __init__(self, doc, profile, registry, numbering, notes: dict[int, str], amendments: list[str]):
        super().__init__(doc, profile, registry, numbering)
        self.notes = notes
        self.amendments = amendments

    def judul(self) -> None:
        self.add("LD Judul", "NASKAH KONSOLIDASI", keep_next=True)
        super().judul()
        if self.amendments:
            from ..amend.instructions import join_words

            self.add("LD Judul", f"SEBAGAIMANA TELAH DIUBAH DENGAN {join_words(self.amendments).upper()}", keep_next=True)

    def _note(self, node, at: int) -> None:
        """The note goes right after the heading ('Pasal 13', or a deleted BAB's 'Dihapus.'), where the
        DOCX turns it into a footnote on that heading."""
        text = self.notes.get(id(node))
        if text:
            from .assemble import Block

            self.blocks.insert(at, Block("LD Isi", f"{NOTE_OPEN}{text}{NOTE_CLOSE}", source=node))

    def bab(self, bab) -> None:
        start = len(self.blocks)
        super().bab(bab)
        if not bab.isi:
            self._note(bab, start + 2)

    def pasal(self, pasal) -> None:
        start = len(self.blocks)
        super().pasal(pasal)
        self._note(pasal, start + 1)


def konsolidasi_blocks(k, profile, registry):
    from ..amend.consolidate import amendment_name, document_of

    doc, labels, notes = document_of(k)
    names = [amendment_name(a, profile.formula.nama_jenis_peraturan) for a in k.amendments]
    return KonsolidasiAssembler(doc, profile, registry, fixed_numbering(doc, labels), notes, names).run()


def pencabutan_blocks(assembler: Assembler, pasal) -> None:
    """A Pasal ``formula: pencabutan`` (formula 23, several as a tabulation) or ``tetap_berlaku`` (formula 25)
    in the Ketentuan Penutup of a new Perbup."""
    profile, nama_jenis = assembler.profile, assembler.nama_jenis
    if pasal.formula == "tetap_berlaku":
        from ..amend.instructions import join_words

        names = join_words([nama_peraturan(r, profile) for r in pasal.dicabut])
        assembler.add("LD Isi", f"Pada saat {nama_jenis} ini mulai berlaku, semua peraturan pelaksanaan dari {names} "
                                f"dinyatakan masih tetap berlaku sepanjang tidak bertentangan dengan ketentuan dalam "
                                f"{nama_jenis} ini.", source=pasal)
        return
    opening, items, closing = pencabutan_sentence(pasal.dicabut, profile, nama_jenis=nama_jenis)
    assembler.add("LD Isi", opening, source=pasal)
    for i, text in enumerate(items):
        assembler.add("LD Rincian 1", text, marker=marker(0, i), level=1, source=pasal)
    if closing:
        assembler.add("LD Isi", closing, source=pasal)


NOTE_OPEN, NOTE_CLOSE = "[", "]"


def notes_as_footnotes(data: bytes) -> bytes:
    """Turn the note paragraphs of a naskah konsolidasi ('[Diubah dengan …]') into Word footnotes on the
    paragraph before them, so the text reads as in force and the history sits at the foot of the page."""
    import io

    from docx import Document
    from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import XmlPart
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    doc = Document(io.BytesIO(data))
    body = doc.element.body
    notes = []
    for p in list(body.iter(qn("w:p"))):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        previous = p.getprevious()
        if not (text.startswith(f"{NOTE_OPEN}Di") and text.endswith(NOTE_CLOSE)) or previous is None or previous.tag != qn("w:p"):
            continue
        notes.append(text[1:-1])
        previous.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                                  f'<w:footnoteReference w:id="{len(notes)}"/></w:r>'))
        body.remove(p) if p.getparent() is body else p.getparent().remove(p)
    if not notes:
        return data
    from xml.sax.saxutils import escape

    entries = "".join(
        f'<w:footnote w:id="{i + 1}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="18"/></w:rPr>'
        f'<w:footnoteRef/></w:r><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {escape(n)}</w:t></w:r>'
        f'</w:p></w:footnote>' for i, n in enumerate(notes))
    xml = (f'<w:footnotes {nsdecls("w")}>'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
           f'{entries}</w:footnotes>')
    if any(rel.reltype == RT.FOOTNOTES for rel in doc.part.rels.values()):
        return data  # a template with its own footnotes: keep the notes as paragraphs
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(xml), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()

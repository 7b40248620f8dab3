"""Text assembly: a document becomes an ordered list of styled blocks.

This is the one place where the fixed formulae, the generated konsiderans closing point, numbers and
references become text. DOCX, plain text, Markdown/HTML previews, the importer's round-trip report and
the text-level rules all read these blocks, so they can never disagree.
"""
from __future__ import annotations

import datetime as dt
from ..model import (
    Ayat, Bab, BabLampiran, Bagian, BlokDaftar, BlokGambar, BlokMarkdown, BlokTabel, BlokTeks, Butir, Definisi,
    ItemDaftar, KeputusanBupati, Lampiran, Node, Paragraf, Pasal, PeraturanBupati, ProfilDaerah, SubBab, Tabel,
)
from . import rumusan
from .blocks import Block, Blocks, Run  # noqa: F401  (Run: re-exported for the writers)
from .citation import cite
from .markdown import markdown_blocks
from .names import nama_peraturan, pencabutan_sentence
from .numbering import Numbering
from .numbers import letters, marker, ordinal, tanggal, tanggal_hijriah

DOTS = "..."
#: where a rancangan does not know the signer yet: visible, never blank space
NAMA_BELUM_ADA = "(nama)"
HIJRI_INDENT_MM = 27.0  # under the date after "pada tanggal " (Bookman Old Style 12)


class Assembler:
    def __init__(self, doc, profile: ProfilDaerah, registry, numbering: Numbering | None = None):
        self.doc = doc
        self.profile = profile
        self.registry = registry
        self.num = numbering or Numbering(doc)
        self.blocks = Blocks(rancangan=doc.is_rancangan)
        self._outlined = False            # the outline is assembled, the batang tubuh not yet
        self._body_at: int | None = None  # where the batang tubuh goes then (a Keputusan has none)

    # -- helpers ------------------------------------------------------------------------------------
    def add(self, style: str, text: str = "", **kw) -> Block:
        block = Block(style, text, **kw)
        self.blocks.append(block)
        return block

    def t(self, text: str, where: Node | None) -> str:
        return self.num.expand(text, where)

    @property
    def is_keputusan(self) -> bool:
        return isinstance(self.doc, KeputusanBupati)

    @property
    def nama_jenis(self) -> str:
        return rumusan.nama_jenis("keputusan" if self.is_keputusan else "peraturan", self.profile)

    def judul_jenis(self) -> str:
        """'PERATURAN BUPATI PURWAKARTA'."""
        return f"{self.nama_jenis.upper()} {self.profile.nama.upper()}"

    def nomor_line(self) -> str:
        """JUD-004: a rancangan shows nomor and tahun as '...'. A Keputusan numbered in the daerah's
        tata naskah dinas form ('188.45/792/HK/2016') carries its year inside the number."""
        if self.doc.is_rancangan or not self.doc.nomor:
            return f"NOMOR {DOTS} TAHUN {DOTS}"
        if self.is_keputusan and "/" in self.doc.nomor:
            return f"NOMOR {self.doc.nomor}"
        return f"NOMOR {self.doc.nomor} TAHUN {self.doc.tahun or DOTS}"

    def tentang_upper(self) -> str:
        return self.doc.tentang.upper()

    def tanggal_penetapan(self) -> dt.date | None:
        return self.doc.penetapan.tanggal

    # -- document -----------------------------------------------------------------------------------
    def run(self) -> list[Block]:
        """The whole naskah. After :meth:`outline`, only the batang tubuh is assembled, in its place."""
        if not self._outlined:
            return self._assemble(body=True)
        self._outlined = False
        outline, at = self.blocks, self._body_at
        if at is not None:
            self.blocks = Blocks(rancangan=outline.rancangan)
            self.batang_tubuh()
            outline[at:at] = self.blocks
            self.blocks, self._body_at = outline, None
        return outline

    def outline(self) -> list[Block]:
        """The naskah without the blocks of the batang tubuh (of a Peraturan): the judul, pembukaan, konsiderans,
        diktum, penutup and lampiran lines that the rules guard. A :meth:`run` after it adds the body in its place,
        so a check and the build that follows assemble each part once."""
        self._outlined = True
        return self._assemble(body=False)

    def _assemble(self, body: bool) -> list[Block]:
        self.kop()
        self.judul()
        self.pembukaan()
        self.konsiderans()
        self.mengingat()
        if self.is_keputusan:
            self.memperhatikan()
        self.diktum_pembuka()
        if self.is_keputusan and not self.doc.batang_tubuh:
            self.diktum()
        elif self.is_keputusan:
            self.batang_tubuh()         # a Keputusan of the older form, with Pasal
        else:
            if body:
                self.batang_tubuh()
            else:
                self._body_at = len(self.blocks)
            self.perintah_pengundangan()
        self.penetapan()
        if self.is_keputusan:
            self.tembusan()
        else:
            self.pengundangan()
        self.paraf()
        if not self.is_keputusan and self.doc.penjelasan:
            self.penjelasan()
        for lamp in self.doc.lampiran:
            self.lampiran(lamp)
        return self.blocks

    def kop(self) -> None:
        if self.doc.salinan:
            self.add("LD Salinan", "SALINAN")
        self.add("LD Lambang", image=self.profile.lambang or "", keep_next=True)
        lines = self.doc.kepala_naskah or self.profile.kop
        for line in lines:
            self.add("LD Kop", line, keep_next=True)

    def judul(self) -> None:
        if self.doc.is_rancangan:
            self.add("LD Judul", "RANCANGAN", keep_next=True)
        self.add("LD Judul", self.judul_jenis(), keep_next=True)
        self.add("LD Judul", self.nomor_line(), keep_next=True)
        self.add("LD Judul", "TENTANG", keep_next=True)
        self.add("LD Judul", self.tentang_upper(), keep_next=True)

    def pembukaan(self) -> None:
        if not self.is_keputusan:
            self.add("LD Pembukaan", self.profile.formula.pembukaan, keep_next=True)
        self.add("LD Jabatan", f"{self.profile.jabatan},", keep_next=True)

    def konsiderans_points(self) -> list[tuple[str, str, Node | None]]:
        """(marker, text, source) of every Menimbang point, the generated closing point included."""
        kon = self.doc.konsiderans
        if kon.is_tunggal:
            return [("", self.t(kon.poin[0].teks, kon.poin[0]), kon.poin[0])]
        points = [(f"{letters(i)}.", self.t(p.teks, p), p) for i, p in enumerate(kon.poin)]
        closing = kon.penutup if kon.penutup is not None else self.closing_point(len(kon.poin))
        points.append((f"{letters(len(kon.poin))}.", closing, kon))
        return points

    def closing_point(self, n: int) -> str:
        """Butir 23: 'bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, huruf b, dan huruf c
        perlu menetapkan Peraturan Bupati tentang …;'."""
        return rumusan.penutup_konsiderans([letters(i) for i in range(n)], self.nama_jenis, self.tentang(),
                                           self.profile.formula.koma_sebelum_perlu)

    def tentang(self) -> str:
        """The tentang as the konsiderans closing point names it."""
        return self.doc.tentang

    def labelled(self, label: str, rows: list[tuple[str, str, Node | None]]) -> None:
        """Menimbang/Mengingat/Memperhatikan: the label on the first row, one unlettered row in the 'Tunggal' style."""
        style = "LD Konsiderans Tunggal" if len(rows) == 1 and not rows[0][0] else "LD Konsiderans"
        for i, (mark, text, src) in enumerate(rows):
            self.add(style, text, label=label if i == 0 else " ", marker=mark, source=src)

    def konsiderans(self) -> None:
        self.labelled("Menimbang", self.konsiderans_points())

    def mengingat_items(self) -> list[tuple[str, str, Node]]:
        items = self.doc.dasar_hukum
        on = self.tanggal_penetapan() or (dt.date(self.doc.tahun, 12, 31) if self.doc.tahun else dt.date.today())
        out = []
        for i, item in enumerate(items):
            text = cite(item, self.registry, on)
            if not text.endswith((";", ".")):
                text += ";"
            out.append((f"{i + 1}." if len(items) > 1 else "", text, item))
        return out

    def mengingat(self) -> None:
        self.labelled("Mengingat", self.mengingat_items())

    def memperhatikan(self) -> None:
        items = self.doc.memperhatikan
        self.labelled("Memperhatikan", [(f"{i + 1}." if len(items) > 1 else "", text, None) for i, text in enumerate(items)])

    def diktum_pembuka(self) -> None:
        self.add("LD Memutuskan", "MEMUTUSKAN:", keep_next=True)
        self.add("LD Konsiderans Tunggal", f"{self.nama_jenis.upper()} TENTANG {self.tentang_upper()}.", label="Menetapkan")

    # -- batang tubuh -------------------------------------------------------------------------------
    def batang_tubuh(self) -> None:
        for node in self.doc.batang_tubuh:
            if isinstance(node, Bab):
                self.bab(node)
            else:
                self.pasal(node)

    def bab(self, bab: Bab) -> None:
        self.add("LD BAB", f"BAB {self.num.number(bab)}", keep_next=True, source=bab)
        self.add("LD BAB", bab.judul.upper() if bab.judul.isupper() else bab.judul, keep_next=True, source=bab)
        for child in bab.isi:
            if isinstance(child, Bagian):
                self.bagian(child)
            else:
                self.pasal(child)

    def bagian(self, bagian: Bagian) -> None:
        self.add("LD Bagian", f"Bagian {self.num.number(bagian)}", keep_next=True, source=bagian)
        self.add("LD Bagian", bagian.judul, keep_next=True, source=bagian)
        for child in bagian.isi:
            if isinstance(child, Paragraf):
                self.add("LD Bagian", f"Paragraf {self.num.number(child)}", keep_next=True, source=child)
                self.add("LD Bagian", child.judul, keep_next=True, source=child)
                for pasal in child.isi:
                    self.pasal(pasal)
            else:
                self.pasal(child)

    def pasal(self, pasal: Pasal) -> None:
        self.add("LD Pasal", f"Pasal {self.num.number(pasal)}", keep_next=True, source=pasal)
        if pasal.definisi:
            opening = pasal.pembuka or rumusan.pembuka_ketentuan_umum(self.nama_jenis)
            self.add("LD Isi", self.t(opening, pasal), source=pasal)
            for d in pasal.definisi:
                self.add("LD Definisi", self.t(definisi_text(d), d), marker=self.num.number(d), source=d)
        if pasal.formula == "mulai_berlaku" and not pasal.teks:
            self.add("LD Isi", rumusan.mulai_berlaku(self.nama_jenis, pasal.berlaku), source=pasal)
        if pasal.formula in ("pencabutan", "tetap_berlaku") and not pasal.teks:
            self.pencabutan(pasal)
        if pasal.teks:
            self.add("LD Isi", self.t(pasal.teks, pasal), source=pasal)
        self.items(pasal.rincian, base=0)
        if pasal.teks_akhir:
            self.add("LD Isi", self.t(pasal.teks_akhir, pasal), source=pasal)
        for ayat in pasal.ayat:
            self.ayat(ayat)

    def ayat(self, ayat: Ayat) -> None:
        self.add("LD Ayat", self.t(ayat.teks, ayat), marker=self.num.number(ayat), source=ayat)
        self.items(ayat.rincian, base=1)
        if ayat.teks_akhir:
            self.add("LD Lanjutan 1", self.t(ayat.teks_akhir, ayat), level=1, source=ayat)

    def items(self, items: list[Butir], base: int, style_prefix: str = "LD Rincian") -> None:
        for item in items:
            level = base + self.num.unit(item).depth + 1
            self.add(f"{style_prefix} {min(level, 5)}", self.t(item.teks, item), marker=self.num.number(item),
                     level=level, source=item)
            self.items(item.rincian, base, style_prefix)
            if item.teks_akhir:
                self.add(f"LD Lanjutan {min(level, 5)}", self.t(item.teks_akhir, item), level=level, source=item)

    def pencabutan(self, pasal) -> None:
        """A Pasal ``formula: pencabutan`` (formula 23, several as a tabulation) or ``tetap_berlaku`` (formula 25)
        in the Ketentuan Penutup of a new Perbup."""
        profile, nama_jenis = self.profile, self.nama_jenis
        if pasal.formula == "tetap_berlaku":
            self.add("LD Isi", rumusan.tetap_berlaku(nama_jenis, [nama_peraturan(r, profile) for r in pasal.dicabut]),
                     source=pasal)
            return
        opening, items, closing = pencabutan_sentence(pasal.dicabut, profile, nama_jenis=nama_jenis)
        self.add("LD Isi", opening, source=pasal)
        for i, text in enumerate(items):
            self.add("LD Rincian 1", text, marker=marker(0, i), level=1, source=pasal)
        if closing:
            self.add("LD Isi", closing, source=pasal)

    def perintah_pengundangan(self) -> None:
        text = self.doc.perintah_pengundangan or rumusan.perintah_pengundangan(self.nama_jenis,
                                                                               self.profile.nama_berita_daerah)
        self.add("LD Penutup", text)

    # -- keputusan ----------------------------------------------------------------------------------
    def diktum(self) -> None:
        for d in self.doc.diktum:
            self.add("LD Diktum", self.t(d.teks, d), label=self.num.number(d), source=d)
            self.items(d.rincian, base=0, style_prefix="LD Diktum Rincian")
            if d.tabel is not None:
                self.add("LD Tabel", table=d.tabel, source=d)
            if d.teks_akhir:
                self.add("LD Diktum Lanjutan", self.t(d.teks_akhir, d), source=d)
        label = _ordinal_upper(len(self.doc.diktum) + 1)
        text = self.doc.mulai_berlaku or rumusan.mulai_berlaku(self.nama_jenis, rumusan.DITETAPKAN)
        self.add("LD Diktum", text, label=label)

    def tembusan(self) -> None:
        if not self.doc.tembusan:
            return
        self.add("LD Tembusan Judul", "Tembusan:", keep_next=True)
        for i, text in enumerate(self.doc.tembusan):
            if self.profile.formula.tembusan_yth and not text.startswith("Yth"):
                text = f"Yth. {text}"
            self.add("LD Tembusan", text, marker=f"{i + 1}." if len(self.doc.tembusan) > 1 else "")

    # -- penutup ------------------------------------------------------------------------------------
    def signature_lines(self, pen) -> list[str]:
        jabatan = pen.jabatan or self.profile.jabatan
        nama = pen.nama or self.profile.nama_bupati or ""
        lines = []
        if pen.atas_nama:
            lines.append(pen.atas_nama if pen.atas_nama.endswith(",") else pen.atas_nama)
        lines.append(f"{jabatan},")
        lines.extend([""] * self.profile.halaman.baris_tanda_tangan)
        lines.append(self.signer_name(nama))
        return lines

    def signer_name(self, nama: str) -> str:
        """The name under a signature; a rancangan shows a visible '(nama)' where it is not known yet."""
        if nama:
            return nama.upper()
        return NAMA_BELUM_ADA if self.doc.is_rancangan or getattr(self.doc, "is_naskah_kerja", False) else ""

    def date_lines(self, style: str, date: dt.date | None) -> None:
        """'pada tanggal …'; where the profile dates in both calendars (Aceh), Masehi (M) over Hijriah (H)."""
        if not (self.profile.formula.tanggal_hijriah and date is not None):
            self.add(style, f"pada tanggal {tanggal(date, DOTS)}", keep_next=True)
            return
        self.add(style, f"pada tanggal {tanggal(date)} M", keep_next=True)
        self.add(style, f"{tanggal_hijriah(date)} H", keep_next=True, indent_mm=HIJRI_INDENT_MM)

    def penetapan(self) -> None:
        pen = self.doc.penetapan
        tempat = pen.tempat or self.profile.tempat_penetapan
        self.add("LD TTD", f"Ditetapkan di {tempat}", keep_next=True)
        self.date_lines("LD TTD", pen.tanggal)
        lines = self.signature_lines(pen)
        for i, line in enumerate(lines):
            self.add("LD TTD", line, keep_next=i < len(lines) - 1)

    def pengundangan(self) -> None:
        pg = self.doc.pengundangan
        tempat = pg.tempat or self.profile.tempat_penetapan
        self.add("LD Pengundangan", f"Diundangkan di {tempat}", keep_next=True)
        self.date_lines("LD Pengundangan", pg.tanggal)
        self.add("LD Pengundangan", f"{pg.jabatan or self.profile.jabatan_sekda},", keep_next=True)
        for _ in range(self.profile.halaman.baris_tanda_tangan):
            self.add("LD Pengundangan", "", keep_next=True)
        nama = pg.nama or self.profile.nama_sekretaris_daerah or ""
        self.add("LD Pengundangan", self.signer_name(nama), keep_next=True)
        bd = pg.berita_daerah
        tahun = bd.tahun or (pg.tanggal.year if pg.tanggal else None)
        line = f"{self.profile.nama_berita_daerah.upper()} TAHUN {tahun or DOTS} NOMOR {bd.nomor or DOTS}"
        seri = bd.seri or self.profile.seri_berita_daerah
        if seri:
            line += f" SERI {seri}"
        self.add("LD Berita Daerah", line)

    def paraf(self) -> None:
        if not self.doc.paraf_koordinasi or not self.doc.is_rancangan:
            return
        table = Tabel(judul="Paraf Koordinasi", kolom=["No.", "Jabatan", "Paraf"],
                      baris=[[f"{i + 1}.", p.jabatan, ""] for i, p in enumerate(self.doc.paraf_koordinasi)])
        self.add("LD Paraf", table=table)

    def penjelasan(self) -> None:
        pj = self.doc.penjelasan
        self.add("LD Judul", f"PENJELASAN ATAS {self.judul_jenis()}", page_break=True, keep_next=True)
        self.add("LD Judul", self.nomor_line(), keep_next=True)
        self.add("LD Judul", "TENTANG", keep_next=True)
        self.add("LD Judul", self.tentang_upper(), keep_next=True)
        self.add("LD Lampiran Sub", "UMUM", marker="I.", keep_next=True)
        for para in pj.umum:
            self.add("LD Lampiran Teks", para)
        self.add("LD Lampiran Sub", "PASAL DEMI PASAL", marker="II.", keep_next=True)
        explained = {p.pasal: p.teks for p in pj.pasal}
        for ident, node in self.num.by_id.items():
            if isinstance(node, Pasal) and ident in explained:
                self.add("LD Pasal Penjelasan", f"Pasal {self.num.number(node)}", keep_next=True)
                self.add("LD Lampiran Teks", explained[ident])

    # -- lampiran -----------------------------------------------------------------------------------
    def lampiran(self, lamp: Lampiran) -> None:
        number = self.num.number(lamp)
        head = f"LAMPIRAN {number}".strip()
        self.add("LD Lampiran Kepala", head, page_break=True, keep_next=True, source=lamp)
        self.add("LD Lampiran Kepala", self.judul_jenis(), keep_next=True)
        self.add("LD Lampiran Kepala", self.nomor_line(), keep_next=True)
        if self.profile.lampiran_tanggal or (self.profile.lampiran_tanggal is None and self.is_keputusan):
            self.add("LD Lampiran Kepala", f"TANGGAL {tanggal(self.doc.penetapan.tanggal, DOTS).upper()}", keep_next=True)
        self.add("LD Lampiran Kepala", "TENTANG", keep_next=True)
        self.add("LD Lampiran Kepala", self.tentang_upper(), keep_next=True)
        if lamp.judul:
            self.add("LD Lampiran Judul", lamp.judul.upper(), keep_next=True)
        self.lampiran_blocks(lamp.isi, lamp, 0)
        if lamp.tanda_tangan:
            if self.blocks[-1].table is not None or self.blocks[-1].style == "LD Lampiran Teks":
                self.blocks[-1].keep_next = True  # the signature never stands alone on the last page (LAM-004)
            pen = self.doc.penetapan
            lines = self.signature_lines(pen)
            for i, line in enumerate(lines):
                self.add("LD TTD", line, keep_next=i < len(lines) - 1)

    def lampiran_blocks(self, blocks, owner: Node, level: int) -> None:
        for block in blocks:
            if isinstance(block, BabLampiran):
                self.add("LD Lampiran BAB", f"BAB {self.num.number(block)}", keep_next=True, source=block)
                self.add("LD Lampiran BAB", block.judul.upper(), keep_next=True, source=block)
                self.lampiran_blocks(block.isi, block, 0)
            elif isinstance(block, SubBab):
                self.add("LD Lampiran Sub", block.judul, marker=self.num.number(block), level=level,
                         keep_next=True, source=block)
                self.lampiran_blocks(block.isi, block, level + 1)
            elif isinstance(block, BlokTeks):
                self.add("LD Lampiran Teks", self.t(block.teks, owner), level=level, source=block)
            elif isinstance(block, BlokDaftar):
                self.daftar(block.daftar, block.penanda, level, 0, block)
            elif isinstance(block, BlokTabel):
                self.add("LD Tabel", table=block.tabel, source=block)
            elif isinstance(block, BlokGambar):
                if block.judul:
                    self.add("LD Lampiran Judul", block.judul, keep_next=True)
                self.add("LD Gambar", image=block.gambar, image_width_mm=block.lebar_mm, source=block)
            elif isinstance(block, BlokMarkdown):
                self.blocks.extend(markdown_blocks(block.markdown, level, source=block))

    def daftar(self, items: list[ItemDaftar], penanda: str, level: int, depth: int, src) -> None:
        order = {"a.": 0, "1.": 1, "a)": 2, "1)": 3}
        for i, item in enumerate(items):
            mark = "-" if penanda == "-" else marker(order[penanda] + depth, i)
            self.add(f"LD Lampiran Daftar {min(level + depth + 1, 5)}", item.teks, marker=mark,
                     level=level + depth + 1, source=src)
            self.daftar(item.daftar, penanda, level, depth + 1, src)


def _ordinal_upper(n: int) -> str:
    return ordinal(n).upper()


def definisi_text(d: Definisi) -> str:
    if d.teks is not None:
        return d.teks
    return rumusan.definisi(d.istilah, d.arti, d.singkatan, d.sebutan)


def plain_text(blocks: list[Block]) -> str:
    """The naskah as plain text, one block a line; a footnote follows its block in square brackets."""
    lines = []
    for block in blocks:
        line = block.plain()
        if line or block.style in ("LD TTD", "LD Pengundangan"):
            lines.append(line)
        if block.footnote:
            lines.append(f"[{block.footnote}]")
    return "\n".join(lines)

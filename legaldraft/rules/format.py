"""Formatting rules: FMT-* (butir 284, 284a). Page set-up comes from the daerah profile (``halaman:``); the
placement of blocks from the style table of the renderer."""
from __future__ import annotations

from .judul import ALL_KINDS
from .engine import UU_13_2022, rule
from ..render import styles as style_table

SRC = "UU 12/2011 Lampiran II"
F4 = (215.0, 330.0)
TOLERANCE_MM = 1.5


def _at_profile(ctx, message: str, hint: str, severity: str | None = None) -> None:
    """Page findings belong to the profile; they are reported at the spec's 'daerah:' line."""
    ctx.report(message, ctx.doc, "daerah", ctx.doc.daerah, hint, severity=severity)


@rule("FMT-001", "warning", "Huruf Bookman Old Style ukuran 12", f"{SRC} butir 284",
      "Naskah Peraturan diketik dengan huruf Bookman Old Style ukuran 12 (praktik yang sama untuk lampiran dan "
      "Keputusan). LibreOffice memakai TeX Gyre Bonum yang metriknya sama.", wrong="halaman: {huruf: Arial}",
      right="halaman: {huruf: Bookman Old Style, ukuran_huruf: 12}", applies_to=ALL_KINDS)
def huruf(ctx):
    h = ctx.profile.halaman
    if h.huruf.strip().lower() != "bookman old style" or h.ukuran_huruf != 12:
        _at_profile(ctx, f"huruf profil '{h.huruf}' {h.ukuran_huruf:g} pt, bukan Bookman Old Style 12",
                    "ubah 'halaman.huruf'/'halaman.ukuran_huruf' di profil daerah")


@rule("FMT-002", "warning", "Kertas F4 (215 × 330 mm)", f"{SRC} butir 284; ukuran: halaman tata naskah",
      "Naskah dicetak pada kertas F4. UU 12/2011 tidak menyebut ukurannya; tata naskah menyebut 215 × 330 mm "
      "(8,5 × 13 inci = 215,9 × 330,2 mm), maka diperiksa dengan toleransi 1,5 mm.", wrong="A4 (210 × 297 mm)",
      right="F4 (215 × 330 mm)", verification="P/S", applies_to=ALL_KINDS)
def kertas(ctx):
    h = ctx.profile.halaman
    if abs(h.lebar_mm - F4[0]) > TOLERANCE_MM or abs(h.tinggi_mm - F4[1]) > TOLERANCE_MM:
        _at_profile(ctx, f"kertas profil {h.lebar_mm:g} × {h.tinggi_mm:g} mm, bukan F4 (215 × 330 mm)",
                    "ubah 'halaman.lebar_mm'/'halaman.tinggi_mm' di profil daerah")


@rule("FMT-003", "warning", "Spasi 1", f"{SRC} butir 284a (UU 13/2022)", "Naskah diketik dengan spasi tunggal.",
      wrong="halaman: {spasi: 1.5}", right="halaman: {spasi: 1}", verification="P*", applies_to=ALL_KINDS, since=UU_13_2022)
def spasi(ctx):
    if ctx.profile.halaman.spasi != 1:
        _at_profile(ctx, f"spasi profil {ctx.profile.halaman.spasi:g}, bukan 1", "ubah 'halaman.spasi' di profil daerah")


@rule("FMT-004", "warning", "Margin bawah, kiri, kanan 2,5 cm (atas: pengaturan profil)", f"{SRC} butir 284a (UU 13/2022)",
      "Margin dari tepi kertas: bawah, kiri dan kanan 2,5 cm. Margin atas pada satu-satunya salinan yang terbaca "
      "('8 cm') kemungkinan salah baca '3 cm'; selisih margin atas dari 3 cm hanya info.",
      wrong="margin_kiri_mm: 30", right="margin_kiri_mm: 25", verification="P* (atas: U)", applies_to=ALL_KINDS, since=UU_13_2022)
def margin(ctx):
    h = ctx.profile.halaman
    wrong = [f"{name} {value:g} mm" for name, value in
             (("bawah", h.margin_bawah_mm), ("kiri", h.margin_kiri_mm), ("kanan", h.margin_kanan_mm)) if abs(value - 25) > 0.5]
    if wrong:
        _at_profile(ctx, f"margin profil {', '.join(wrong)}; seharusnya 25 mm", "ubah 'halaman.margin_*_mm' di profil daerah")
    if abs(h.margin_atas_mm - 30) > 0.5:
        _at_profile(ctx, f"margin atas profil {h.margin_atas_mm:g} mm (lazim 30 mm; belum pasti)",
                    "samakan dengan salinan resmi butir 284a", severity="info")


_CENTRED = ("LD Judul", "LD Pembukaan", "LD Jabatan", "LD Memutuskan", "LD BAB", "LD Bagian", "LD Pasal",
            "LD Lampiran Judul")


@rule("FMT-005", "warning", "Tata letak: judul dan kepala bagian di tengah, penetapan di kanan",
      f"{SRC} butir 4, 15, 16, 54, 57, 165, 168, 195-197; praktik",
      "Judul, frasa pembukaan, jabatan, MEMUTUSKAN:, BAB/Bagian/Paragraf/Pasal dan nama lampiran di tengah; blok "
      "penetapan di kanan; pengundangan di kiri di bawahnya. Diperiksa pada tabel gaya bawaan; templat daerah "
      "sendiri ('templates:') tidak diperiksa.", verification="P/S", applies_to=ALL_KINDS)
def tata_letak(ctx):
    if ctx.profile.templates:
        return
    styles = {s.name: s for s in style_table.STYLES}
    for name in _CENTRED:
        if name in styles and styles[name].align != "center":
            _at_profile(ctx, f"gaya '{name}' tidak rata tengah", "periksa tabel gaya (render/styles.py)")
    ttd = styles.get("LD TTD")
    if ttd is not None and ttd.left < style_table.SIGN:
        _at_profile(ctx, "blok penetapan tidak di separuh kanan halaman", "periksa tabel gaya (render/styles.py)")


@rule("FMT-006", "info", "Nomor halaman '- 2 -' di tengah atas mulai halaman 2", "halaman tata naskah (S); salinan UU 6/2023 (S)",
      "Praktik: nomor halaman berbentuk '- 2 -' di tengah atas mulai halaman kedua.", verification="S/U", applies_to=ALL_KINDS)
def nomor_halaman(ctx):
    h = ctx.profile.halaman
    if h.nomor_halaman != "tengah-atas" or h.format_nomor_halaman != "- {n} -":
        _at_profile(ctx, f"nomor halaman profil '{h.format_nomor_halaman}' di {h.nomor_halaman}",
                    "lazimnya '- {n} -' di tengah atas")

"""Diktum of a Peraturan: DIK-* (butir 54-59): "MEMUTUSKAN:" and "Menetapkan: PERATURAN BUPATI TENTANG … ."
The renderer writes both lines; these rules guard them and catch copies of them left in drafted texts."""
from __future__ import annotations

import re

from .judul import ALL_KINDS, blocks_styled
from .engine import Fix, rule

SRC = "UU 12/2011 Lampiran II"
_NOMOR_TAHUN = re.compile(r"\bNOMOR\b.*\bTAHUN\b")
_SPACED = re.compile(r"M\s+E\s+M\s+U\s+T\s+U\s+S\s+K\s+A\s+N|MEMUTUSKAN\s*:?")


def _menetapkan(ctx):
    return next((b for b in ctx.outline if b.label == "Menetapkan"), None)


@rule("DIK-001", "error", "'MEMUTUSKAN:' berhuruf kapital tanpa spasi antarhuruf, diakhiri ':'", f"{SRC} butir 54",
      "Kata 'MEMUTUSKAN:' ditulis dengan huruf kapital tanpa spasi di antara hurufnya, di tengah, diakhiri titik dua. "
      "legaldraft mencetaknya sendiri; teks yang memuatnya lagi (sisa salinan) adalah galat.",
      wrong="M E M U T U S K A N", right="MEMUTUSKAN:", applies_to=ALL_KINDS)
def memutuskan(ctx):
    blocks = blocks_styled(ctx, "LD Memutuskan")
    if not blocks or blocks[0].text != "MEMUTUSKAN:":
        ctx.report("baris 'MEMUTUSKAN:' tidak ada atau tidak baku", ctx.doc, None, blocks[0].text if blocks else "",
                   "periksa templat")
    last_points = ctx.doc.konsiderans.poin[-1:] + ctx.doc.dasar_hukum[-1:]
    for node in last_points:
        text = node.teks or ""
        m = _SPACED.search(text)
        if m:
            fixed = text[:m.start()].rstrip()
            ctx.report("teks memuat 'MEMUTUSKAN'; baris itu dicetak otomatis", node, "teks", m.group(0),
                       "hapus 'MEMUTUSKAN' dari teks", Fix(node.loc + ("teks",), fixed, "hapus 'MEMUTUSKAN'") if fixed else None)


@rule("DIK-002", "error", "'Menetapkan' berhuruf awal kapital diikuti ':' sejajar dengan Menimbang", f"{SRC} butir 57",
      "Kata 'Menetapkan' ditulis dengan huruf awal kapital, diikuti titik dua, di kolom label yang sama dengan "
      "'Menimbang' dan 'Mengingat'.", wrong="MENETAPKAN :", right="Menetapkan :", applies_to=ALL_KINDS)
def menetapkan_label(ctx):
    block = _menetapkan(ctx)
    konsiderans = next((b for b in ctx.outline if b.label == "Menimbang"), None)
    if block is None:
        ctx.report("baris 'Menetapkan :' tidak ada", ctx.doc, None, "", "periksa templat")
    elif konsiderans is not None and block.style.split()[1] != konsiderans.style.split()[1]:
        ctx.report("'Menetapkan' tidak sejajar dengan 'Menimbang'", ctx.doc, None, block.style, "periksa templat")


@rule("DIK-003", "error", "Setelah 'Menetapkan:' jenis dan nama dari judul, huruf kapital, diakhiri titik",
      f"{SRC} butir 58, 59",
      "Setelah 'Menetapkan:' ditulis ulang jenis dan nama dalam judul dengan huruf kapital, diakhiri titik, tanpa nomor, "
      "tahun, dan (pada peraturan daerah) tanpa nama daerah. Nama daerah yang ikut tertulis hanya peringatan.",
      wrong="Menetapkan : PERATURAN BUPATI PURWAKARTA NOMOR 5 TAHUN 2024 TENTANG …",
      right="Menetapkan : PERATURAN BUPATI TENTANG … .")
def menetapkan_text(ctx):
    block = _menetapkan(ctx)
    if block is None:
        return
    text = block.text
    expected = f"TENTANG {ctx.doc.tentang.upper()}."
    # the jenis part only: a nama may itself say 'Nomor … Tahun … tentang' (an amendment, a Perbup implementing a Perda)
    head = text[:-len(expected)] if text.endswith(expected) else text
    if not text.endswith(expected) or text != text.upper() or _NOMOR_TAHUN.search(head):
        ctx.report("baris 'Menetapkan' tidak sama dengan jenis dan nama dalam judul", ctx.doc, "tentang", text[:60],
                   "periksa templat dan 'formula.nama_jenis_peraturan' di profil daerah")
    jenis = text.split(" TENTANG ")[0]
    if ctx.profile.nama.upper() in jenis.split():
        ctx.report(f"baris 'Menetapkan' menyebut nama daerah ('{jenis}')", ctx.doc, "daerah", jenis,
                   "hapus nama daerah dari 'formula.nama_jenis_peraturan' di profil", severity="warning")

"""Keputusan Bupati rules: KEP-* (UU 12/2011 Pasal 97: Lampiran II applies mutatis mutandis; Keputusan forms from
practice). KEP-001 is unused on purpose (catalogue §18)."""
from __future__ import annotations

import re

from ..naskah import rumusan
from ..naskah.jenis import KEPUTUSAN_KINDS
from ..model import BabLampiran
from ..naskah.numbers import ordinal
from .dated import KEPUTUSAN_DIKTUM
from .engine import Fix, rule
from .judul import blocks_styled, check_tentang_punctuation, judul_lines
from .text import cached_texts

SRC = "UU 12/2011 Pasal 97 jo. Lampiran II"
KEP = KEPUTUSAN_KINDS


@rule("KEP-002", "error", "Judul Keputusan: 'KEPUTUSAN BUPATI [DAERAH]' / 'NOMOR …' / 'TENTANG' / nama, tanpa tanda baca",
      f"{SRC} butir 2, 4; Keputusan yang diterbitkan", "Judul Keputusan Bupati ditulis dengan huruf kapital di tengah, "
      "memuat jenis dan nama daerah, nomor, 'TENTANG', dan nama, tanpa tanda baca di akhir.",
      wrong="tentang: Pembentukan Tim Koordinasi.", right="tentang: Pembentukan Tim Koordinasi", verification="P/S",
      applies_to=KEP)
def judul_keputusan(ctx):
    check_tentang_punctuation(ctx)
    lines = judul_lines(ctx)
    if len(lines) < 4 or not lines[0].startswith("KEPUTUSAN") or ctx.profile.nama.upper() not in lines[0] \
            or not lines[1].startswith("NOMOR") or lines[2] != "TENTANG":
        ctx.report("baris judul Keputusan tidak lengkap", ctx.doc, "tentang", " / ".join(lines), "periksa profil dan templat")


@rule("KEP-003", "info", "Nomor Keputusan mengikuti tata naskah dinas daerah", "butir 2a (hanya Peraturan); praktik; "
      "Permendagri 1/2023 (belum terbaca)",
      "Nomor Keputusan Bupati mengikuti tata naskah dinas daerah (sering kode klasifikasi, nomor urut, tahun). Bila profil "
      "daerah memuat pola 'nomor_keputusan', nomor yang tidak cocok dilaporkan sebagai info.",
      wrong="nomor: 12 (profil: ^\\d{3}\\.\\d+/\\d+/HK/\\d{4}$)", right="nomor: 188.45/12/HK/2024", verification="S/U",
      applies_to=KEP)
def nomor_keputusan(ctx):
    pattern = ctx.profile.nomor_keputusan
    nomor = ctx.doc.nomor
    if not pattern or not nomor:
        return
    from ..limits import LimitError, compile_pattern  # lazy: start-up time

    try:  # RE2: linear time, so a profile's pattern can never make check hang
        ok = compile_pattern(pattern).fullmatch(nomor) is not None
    except LimitError as exc:
        ctx.report(f"pola 'nomor_keputusan' di profil tidak dapat dipakai: {exc}", ctx.doc, "daerah", pattern[:80],
                   "perbaiki pola di profil daerah")
        return
    if not ok:
        ctx.report(f"nomor '{nomor}' tidak mengikuti pola penomoran Keputusan daerah ({pattern})", ctx.doc, "nomor", nomor,
                   "periksa nomor pada register tata naskah dinas")


@rule("KEP-004", "info", "Keputusan tanpa 'DENGAN RAHMAT TUHAN YANG MAHA ESA', dengan 'BUPATI [DAERAH],'",
      "Keputusan Bupati Majalengka 700/2003 dan templat (S); Permendagri 80/2015 Lampiran (U)",
      "Keputusan Bupati lazimnya tidak memuat frasa 'DENGAN RAHMAT TUHAN YANG MAHA ESA' dan memuat jabatan "
      "'BUPATI [DAERAH],'.", verification="S/U", applies_to=KEP)
def pembukaan_keputusan(ctx):
    if blocks_styled(ctx, "LD Pembukaan"):
        ctx.report("Keputusan memuat 'DENGAN RAHMAT TUHAN YANG MAHA ESA' (lazimnya tidak)", ctx.doc, None, "", "periksa templat")
    if not blocks_styled(ctx, "LD Jabatan"):
        ctx.report("Keputusan tanpa jabatan 'BUPATI [DAERAH],'", ctx.doc, None, "", "periksa templat")
    for point in ctx.doc.konsiderans.poin:
        if "DENGAN RAHMAT" in point.teks.upper():
            ctx.report("teks konsiderans memuat 'DENGAN RAHMAT …'", point, "teks", point.teks[:40], "hapus frasa itu")


_SEQUENCE = ("Menimbang", "Mengingat", "Memperhatikan", "MEMUTUSKAN:", "Menetapkan")
_PASAL_FORM = re.compile(r"^\s*(Pasal\s+\d+|BAB\s+[IVXLC]+)\b")


@rule("KEP-005", "error", "Urutan Keputusan: Menimbang, Mengingat, (Memperhatikan), MEMUTUSKAN, Menetapkan, diktum",
      f"{SRC} butir 53-58; format Keputusan yang diterbitkan",
      "Keputusan tersusun Menimbang, Mengingat, Memperhatikan (bila ada), MEMUTUSKAN:, Menetapkan, lalu diktum; tanpa "
      "BAB dan Pasal. Diktum yang ditulis sebagai Pasal atau BAB adalah peringatan.",
      wrong="diktum: ['Pasal 1 …']", right="diktum: ['Membentuk …']", verification="P/S", applies_to=KEP)
def urutan(ctx):
    seen = [b.label if b.label.strip() else b.text for b in ctx.outline
            if b.label in _SEQUENCE or b.text == "MEMUTUSKAN:"]
    order = [_SEQUENCE.index(s) for s in seen if s in _SEQUENCE]
    if order != sorted(order):
        ctx.report("urutan bagian Keputusan tidak baku", ctx.doc, None, " → ".join(seen), "periksa templat")
    for d in ctx.doc.diktum:
        m = _PASAL_FORM.match(d.teks)
        if m:
            ctx.report(f"diktum ditulis sebagai '{m.group(1)}'; Keputusan tidak memakai BAB/Pasal", d, "teks", d.teks[:40],
                       "tulis isi diktum tanpa 'Pasal'/'BAB'", severity="warning", since=KEPUTUSAN_DIKTUM)


_OWN_LABEL = re.compile(r"^\s*(KESATU|KEDUA|KETIGA|KEEMPAT|KELIMA|KEENAM|KETUJUH|KEDELAPAN|KESEMBILAN|KESEPULUH|KE[A-Z]+)\s*:\s*")


@rule("KEP-006", "error", "Label diktum KESATU, KEDUA … otomatis; 'dalam'/'pada Diktum' tidak dicampur",
      "Keputusan yang diterbitkan dan templat (S); Permendagri 80/2015 Lampiran (U)",
      "Label diktum berupa bilangan bertingkat huruf kapital diikuti titik dua (KESATU:, KEDUA: …) tanpa loncatan; "
      "legaldraft membuatnya sendiri, maka label yang ditulis di teks tercetak dua kali. Campuran 'dalam Diktum' dan "
      "'pada Diktum' dalam satu Keputusan dilaporkan sebagai info.", wrong="- 'KESATU : Membentuk …'",
      right="- 'Membentuk …'", verification="S/U", applies_to=KEP)
def label_diktum(ctx):
    for d in ctx.doc.diktum:
        m = _OWN_LABEL.match(d.teks)
        if m:
            ctx.report(f"diktum diawali label '{m.group(1)}' sendiri; label dicetak dua kali", d, "teks", d.teks[:40],
                       "hapus label; KESATU, KEDUA … dibuat otomatis", Fix(d.loc + ("teks",), d.teks[m.end():], "hapus label diktum"))
    labels = [b.label for b in ctx.outline if b.style == "LD Diktum"]
    expected = [ordinal(i + 1).upper() for i in range(len(labels))]
    if labels != expected:
        ctx.report("label diktum tidak berurutan", ctx.doc, "diktum", ", ".join(labels), "periksa templat")
    rendered = " ".join(ctx.expand(t, n) for n, _, t in cached_texts(ctx, ("diktum",)))
    if re.search(r"\bdalam Diktum\b", rendered) and re.search(r"\bpada Diktum\b", rendered):
        ctx.report("'dalam Diktum' dan 'pada Diktum' dipakai bersama", ctx.doc, "diktum", "", "pilih salah satu",
                   severity="info")


@rule("KEP-007", "error", "Diktum terakhir: 'Keputusan Bupati ini mulai berlaku pada tanggal ditetapkan.'",
      "Keputusan yang diterbitkan dan templat (S); butir 151, 156 (P)",
      "Diktum terakhir menyatakan saat berlaku; rumusan baku 'Keputusan Bupati ini mulai berlaku pada tanggal "
      "ditetapkan.' (dibuat otomatis). Berlaku surut yang dinyatakan ('… dan berlaku surut sejak tanggal …') diterima. "
      "Rumusan lain adalah peringatan; tanpa 'mulai berlaku' galat.",
      wrong="mulai_berlaku: Keputusan ini berlaku sejak disahkan.", right="(hapus; rumusan baku dibuat otomatis)",
      verification="S", applies_to=KEP)
def mulai_berlaku_keputusan(ctx):
    text = ctx.doc.mulai_berlaku
    standard = rumusan.mulai_berlaku(ctx.assembler.nama_jenis, rumusan.DITETAPKAN)
    for d in ctx.doc.diktum:
        if re.search(r"\bini mulai berlaku " + rumusan.DITETAPKAN + r"\b", d.teks):
            ctx.report("diktum menyatakan mulai berlaku; diktum terakhir itu sudah dibuat otomatis (tercetak dua kali)", d, "teks",
                       d.teks[:50], "hapus diktum ini, atau pindahkan rumusannya ke 'mulai_berlaku:'")
    if text is None or text.strip() == standard:
        return
    if "mulai berlaku" not in text:
        ctx.report("diktum terakhir tidak menyatakan 'mulai berlaku'", ctx.doc, "mulai_berlaku", text[:60],
                   "hapus 'mulai_berlaku' agar rumusan baku dipakai",
                   Fix(("mulai_berlaku",), None, "rumusan baku mulai berlaku") if "diundangkan" not in text else None)
    elif not text.startswith(standard[:-1]):
        ctx.report("rumusan mulai berlaku tidak baku", ctx.doc, "mulai_berlaku", text[:60],
                   f"tulis '{standard}'", severity="warning")


_PROMULGATION = re.compile(r"Agar setiap orang mengetahuinya|Diundangkan di|berlaku pada tanggal diundangkan")


@rule("KEP-008", "error", "Keputusan tidak diundangkan", "UU 12/2011 Pasal 86 (hanya Perda dan Perkada diundangkan); "
      "Keputusan yang diterbitkan",
      "Keputusan Bupati hanya memuat blok penetapan: tanpa 'Agar setiap orang mengetahuinya …', tanpa 'Diundangkan di', "
      "tanpa baris Berita Daerah, dan tidak 'mulai berlaku pada tanggal diundangkan'.",
      wrong="mulai_berlaku: Keputusan Bupati ini mulai berlaku pada tanggal diundangkan.",
      right="Keputusan Bupati ini mulai berlaku pada tanggal ditetapkan.", verification="P/S", applies_to=KEP)
def tanpa_pengundangan(ctx):
    found = [(n, f, t) for n, f, t in cached_texts(ctx, ("diktum",))]
    if ctx.doc.mulai_berlaku:
        found.append((ctx.doc, "mulai_berlaku", ctx.doc.mulai_berlaku))
    for node, field, text in found:
        m = _PROMULGATION.search(text)
        if m:
            fix = None
            if field == "mulai_berlaku" and "tanggal diundangkan" in text:
                fix = Fix(("mulai_berlaku",), text.replace("tanggal diundangkan", "tanggal ditetapkan"), "berlaku sejak ditetapkan")
            ctx.report(f"Keputusan memuat unsur pengundangan ('{m.group(0)}')", node, field, m.group(0),
                       "Keputusan tidak diundangkan; berlaku sejak ditetapkan", fix)
    if any(b.style in ("LD Pengundangan", "LD Berita Daerah") for b in ctx.outline):
        ctx.report("Keputusan memuat blok pengundangan", ctx.doc, None, "", "periksa templat")


_GENERAL_NORM = re.compile(r"\b(setiap orang|dilarang|dikenai sanksi|wajib mematuhi)\b", re.I)


@rule("KEP-009", "warning", "Keputusan bersifat konkret dan individual", "UU 30/2014 Pasal 1 angka 7; UU 12/2011 Pasal 100",
      "Keputusan menetapkan hal konkret dan individual. Norma umum yang mengikat setiap orang, termasuk pedoman yang "
      "berlaku umum, dimuat dalam Peraturan Bupati.", wrong="KESATU: Setiap orang dilarang …",
      right="(Peraturan Bupati, jenis: perbup/pedoman)", applies_to=KEP)
def konkret(ctx):
    for node, field, text in cached_texts(ctx, ("diktum",)):
        m = _GENERAL_NORM.search(text)
        if m:
            ctx.report(f"diktum memuat rumusan norma umum ('{m.group(0)}')", node, field, m.group(0),
                       "norma umum yang mengikat setiap orang dimuat dalam Peraturan Bupati")
    for lamp in ctx.doc.lampiran:
        if any(isinstance(b, BabLampiran) for b in lamp.isi):
            ctx.report("lampiran Keputusan berbentuk pedoman ber-BAB; pedoman yang berlaku umum dimuat dalam Peraturan Bupati",
                       lamp, None, lamp.judul or "", "pertimbangkan 'jenis: pedoman'")


@rule("KEP-010", "warning", "Kepala lampiran Keputusan dan tanda tangan penutup lampiran",
      f"{SRC} butir 195, 197; praktik (baris TANGGAL)",
      "Lampiran Keputusan berkepala 'LAMPIRAN KEPUTUSAN BUPATI [DAERAH]' / 'NOMOR …' / 'TENTANG …' (baris 'TANGGAL' "
      "opsi profil) dan ditutup dengan jabatan dan nama penanda tangan.", wrong="tanda_tangan: false",
      right="tanda_tangan: true", verification="P/S", applies_to=KEP)
def lampiran_keputusan(ctx):
    for lamp in ctx.doc.lampiran:
        if not lamp.tanda_tangan:
            ctx.report("lampiran Keputusan tidak ditutup tanda tangan", lamp, "tanda_tangan", "", "hapus 'tanda_tangan: false'",
                       Fix(lamp.loc + ("tanda_tangan",), None, "lampiran ditutup tanda tangan"))
    heads = [b.text for b in blocks_styled(ctx, "LD Lampiran Kepala")]
    for i, text in enumerate(heads):
        if text.startswith("LAMPIRAN") and (i + 1 >= len(heads) or not heads[i + 1].startswith("KEPUTUSAN")):
            ctx.report("kepala lampiran tidak menyebut 'KEPUTUSAN BUPATI …'", ctx.doc, "lampiran", text, "periksa templat")

"""Penutup rules: PNT-* (butir 137-173): mulai berlaku, perintah pengundangan, penetapan and pengundangan
blocks, the Berita Daerah line and the consistency of dates."""
from __future__ import annotations

import re

from ..model import Pasal, walk
from .judul import ALL_KINDS, PERATURAN, PERATURAN_KINDS
from .engine import Fix, rule
from .pembukaan import bare_jabatan
from .text import texts

SRC = "UU 12/2011 Lampiran II"


@rule("PNT-001", "error", "Ketentuan Penutup memuat pasal mulai berlaku",
      f"{SRC} butir 137 huruf d, 150, 151; UU 12/2011 Pasal 87; UU 23/2014 Pasal 248 ayat (3)",
      "Peraturan Bupati memuat pasal 'Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.' (atau tanggal "
      "tertentu, atau 'setelah … terhitung sejak tanggal diundangkan'); di spec: 'formula: mulai_berlaku'.",
      wrong="(tidak ada pasal mulai berlaku)", right="- pasal: mulai-berlaku\n  formula: mulai_berlaku", applies_to=PERATURAN)
def mulai_berlaku(ctx):
    if not ctx.doc.batang_tubuh:
        return  # BT-001 reports the empty body
    for node in walk(ctx.doc):
        if isinstance(node, Pasal) and node.formula == "mulai_berlaku":
            return
    for _, _, text in texts(ctx.doc, ("batang_tubuh",)):
        if re.search(r"\bini mulai berlaku\b", text):
            return
    ctx.report("tidak ada pasal mulai berlaku", ctx.doc, "batang_tubuh", "",
               "tambahkan pasal terakhir: '- pasal: mulai-berlaku' dengan 'formula: mulai_berlaku'")


_EFEKTIF = re.compile(r"\bberlaku (secara )?efektif\b")


@rule("PNT-002", "warning", "Tanpa 'mulai berlaku efektif'", f"{SRC} butir 151-152 (152 terbaca sebagian), 155, 156",
      "Frasa 'berlaku efektif' menimbulkan ketidakpastian saat berlaku dan tidak dipakai; Peraturan Bupati berlaku "
      "sejak diundangkan atau pada tanggal yang disebut.", wrong="mulai berlaku efektif pada tanggal 1 Januari 2025",
      right="mulai berlaku pada tanggal 1 Januari 2025", verification="P*", applies_to=ALL_KINDS)
def efektif(ctx):
    for node, field, text in texts(ctx.doc, None):
        m = _EFEKTIF.search(text)
        if m:
            ctx.report("frasa 'berlaku efektif'", node, field, m.group(0), "hapus kata 'efektif'",
                       Fix(node.loc + (field,), _EFEKTIF.sub("berlaku", text), "hapus 'efektif'"))


@rule("PNT-003", "error", "Perintah pengundangan menyebut Berita Daerah",
      f"{SRC} butir 160 huruf a, 162-163; UU 12/2011 Pasal 86 ayat (2); UU 23/2014 Pasal 248 ayat (1)",
      "Peraturan Bupati diundangkan dalam Berita Daerah, bukan Lembaran Daerah: 'Agar setiap orang mengetahuinya, "
      "memerintahkan pengundangan Peraturan Bupati ini dengan penempatannya dalam Berita Daerah Kabupaten …'.",
      wrong="… dengan penempatannya dalam Lembaran Daerah Kabupaten …", right="… dalam Berita Daerah Kabupaten …", applies_to=PERATURAN_KINDS)
def perintah(ctx):
    text = ctx.doc.perintah_pengundangan
    if text is None:
        return
    if "Lembaran Daerah" in text or "Berita Daerah" not in text:
        fix = Fix(("perintah_pengundangan",), text.replace("Lembaran Daerah", "Berita Daerah"), "'Lembaran Daerah' -> 'Berita Daerah'") \
            if "Lembaran Daerah" in text else None
        ctx.report("perintah pengundangan tidak menyebut Berita Daerah", ctx.doc, "perintah_pengundangan", text[-60:],
                   f"tulis '… dalam {ctx.profile.nama_berita_daerah}.' atau hapus agar rumusan baku dipakai", fix)
    elif not text.startswith("Agar setiap orang mengetahuinya"):
        ctx.report("perintah pengundangan tidak diawali 'Agar setiap orang mengetahuinya'", ctx.doc, "perintah_pengundangan",
                   text[:50], "hapus 'perintah_pengundangan' agar rumusan baku dipakai", severity="warning")
    elif ctx.profile.nama.lower() not in text.lower():
        ctx.report("perintah pengundangan tidak menyebut nama daerah", ctx.doc, "perintah_pengundangan", text[-60:],
                   f"tulis '{ctx.profile.nama_berita_daerah}'", severity="warning")


@rule("PNT-004", "error", "Blok penetapan: 'BUPATI [DAERAH],' berhuruf kapital; tanpa 'a.n.' pada Peraturan Bupati",
      f"{SRC} butir 164-166; UU 12/2011 Pasal 8 ayat (1)",
      "Blok penetapan berisi tempat, tanggal, jabatan dengan huruf kapital diakhiri koma, dan nama. 'Plt.' dan 'Pj.' "
      "diterima. Peraturan Bupati ditetapkan oleh Bupati sendiri, maka 'a.n.' adalah peringatan.",
      wrong="a.n. BUPATI PURWAKARTA, Sekretaris Daerah", right="BUPATI PURWAKARTA,", applies_to=ALL_KINDS)
def penetapan_block(ctx):
    pen = ctx.doc.penetapan
    if pen.atas_nama and not ctx.is_keputusan:
        ctx.report("Peraturan Bupati ditandatangani atas nama ('a.n.')", pen, "atas_nama", pen.atas_nama,
                   "Peraturan Bupati ditetapkan oleh Bupati (atau Plt./Pj. Bupati)", severity="warning")
    if pen.jabatan:
        bare = pen.jabatan.strip().rstrip(",").strip()
        prefix = re.match(r"^(Plt\.|Pj\.|Plh\.)\s*", bare)
        body = bare[prefix.end():] if prefix else bare
        if body != body.upper() or pen.jabatan.strip().endswith(","):
            fixed = (prefix.group(0) if prefix else "") + body.upper()
            ctx.report(f"jabatan '{pen.jabatan}' tidak berhuruf kapital (koma ditambahkan otomatis)", pen, "jabatan",
                       pen.jabatan, f"tulis '{fixed}'", Fix(pen.loc + ("jabatan",), fixed, "jabatan berhuruf kapital"))


_GELAR = frozenset("dr drs dra ir h hj prof ssos sh mh mm msi mpd spd se st skom amd mkes skm mba phd ssi sip sstp mt "
                   "mkn sag mag ak kh ssit sthi mhum sh mkn mse msc bsc".split())
_NIP = re.compile(r"\bNIP\b|\d{8}\s?\d{6}\s?\d\s?\d{3}|\bPembina\b|\bPenata\b|\bgol(?:ongan)?\b", re.I)


def gelar_in(name: str) -> list[str]:
    tokens = re.split(r"[\s,]+", name.strip())
    return [t for t in tokens if t.replace(".", "").lower() in _GELAR and (len(t.replace(".", "")) > 1 or t.endswith("."))]


def strip_gelar(name: str) -> str:
    kept = [t for t in re.split(r"\s+", name.strip()) if t.rstrip(",").replace(".", "").lower() not in _GELAR]
    return " ".join(kept).strip(" ,")


@rule("PNT-005", "warning", "Nama penanda tangan tanpa gelar, pangkat, golongan atau NIP", f"{SRC} butir 164 huruf d, 167 huruf d",
      "Nama pejabat yang menetapkan dan yang mengundangkan ditulis tanpa gelar, pangkat, golongan dan NIP. Naskah yang "
      "diundangkan sering menyimpang (UU 12/2011 sendiri: 'DR. H. SUSILO BAMBANG YUDHOYONO'), maka peringatan.",
      wrong="Drs. H. ASEP SUPRIATNA, M.Si.", right="ASEP SUPRIATNA", applies_to=ALL_KINDS)
def gelar(ctx):
    places = [(ctx.doc.penetapan, "nama", ctx.doc.penetapan.nama or ctx.profile.nama_bupati)]
    if not ctx.is_keputusan:
        pg = ctx.doc.pengundangan
        places.append((pg, "nama", pg.nama or ctx.profile.nama_sekretaris_daerah))
    for node, field, name in places:
        if not name:
            continue
        found = gelar_in(name)
        own = getattr(node, field) is not None
        if found:
            fix = Fix(node.loc + (field,), strip_gelar(name), "hapus gelar dari nama") if own else None
            ctx.report(f"nama '{name}' memuat gelar ({', '.join(found)})", node if own else ctx.doc, field if own else "daerah",
                       name, "tulis nama tanpa gelar", fix)
        if _NIP.search(name):
            ctx.report(f"nama '{name}' memuat pangkat, golongan atau NIP", node if own else ctx.doc,
                       field if own else "daerah", name, "tulis nama saja")


@rule("PNT-006", "error", "Blok pengundangan oleh Sekretaris Daerah", f"{SRC} butir 167-169; UU 12/2011 Pasal 86 ayat (3); "
      "UU 23/2014 Pasal 248 ayat (2)",
      "Blok pengundangan di kiri bawah berisi 'Diundangkan di', 'pada tanggal', 'SEKRETARIS DAERAH KABUPATEN [DAERAH],' "
      "dan nama: Sekretaris Daerah yang mengundangkan. 'SEKRETARIS DAERAH,' tanpa nama daerah dijumpai pada naskah yang "
      "diundangkan, tetapi butir 167-169 menetapkan bentuknya, maka galat (issue 13; sebelumnya peringatan).", wrong="KEPALA BAGIAN HUKUM,", right="SEKRETARIS DAERAH KABUPATEN PURWAKARTA,", applies_to=PERATURAN_KINDS)
def pengundangan_block(ctx):
    pg = ctx.doc.pengundangan
    if not pg.jabatan:
        return
    jabatan = bare_jabatan(pg.jabatan)
    if "SEKRETARIS DAERAH" not in jabatan:
        ctx.report(f"pengundangan oleh '{pg.jabatan}', bukan Sekretaris Daerah", pg, "jabatan", pg.jabatan,
                   f"tulis '{ctx.profile.jabatan_sekda}' (boleh didahului 'Plt.' atau 'Pj.')")
    elif ctx.profile.nama.upper() not in jabatan:
        ctx.report(f"jabatan '{pg.jabatan}' tanpa nama daerah", pg, "jabatan", pg.jabatan,
                   f"tulis '{ctx.profile.jabatan_sekda}'", Fix(pg.loc + ("jabatan",), ctx.profile.jabatan_sekda, "jabatan lengkap"))
    elif pg.jabatan != pg.jabatan.upper():
        ctx.report(f"jabatan '{pg.jabatan}' tidak berhuruf kapital", pg, "jabatan", pg.jabatan, "tulis dengan huruf kapital",
                   Fix(pg.loc + ("jabatan",), pg.jabatan.upper().rstrip(","), "jabatan berhuruf kapital"))


@rule("PNT-007", "error", "Baris 'BERITA DAERAH KABUPATEN [DAERAH] TAHUN … NOMOR …' pada naskah final",
      f"{SRC} butir 172, 173; seri: naskah yang diundangkan", 
      "Naskah final diakhiri baris Berita Daerah dengan tahun dan nomornya; Berita Daerah adalah milik daerah yang "
      "menetapkan. Blok pengundangan yang masih kosong seluruhnya (naskah impor tidak lengkap, atau belum diundangkan) "
      "hanya peringatan. Seri ('SERI E') dipakai sebagian daerah dan diatur di profil (info bila tidak).",
      wrong="status: final, berita_daerah: {nomor: null}", right="berita_daerah: {tahun: 2024, nomor: 12}",
      verification="P/S", applies_to=PERATURAN_KINDS)
def berita_daerah(ctx):
    pg = ctx.doc.pengundangan
    bd = pg.berita_daerah
    if ctx.profile.nama.lower() not in ctx.profile.nama_berita_daerah.lower():
        ctx.report(f"Berita Daerah '{ctx.profile.nama_berita_daerah}' bukan milik daerah {ctx.profile.nama}", ctx.doc, "daerah",
                   ctx.profile.nama_berita_daerah, "periksa 'berita_daerah' di profil daerah")
    if bd.seri and not ctx.profile.seri_berita_daerah:
        ctx.report(f"Berita Daerah memakai seri '{bd.seri}' yang tidak diatur di profil daerah", bd, "seri", bd.seri,
                   "isi 'seri_berita_daerah' di profil bila daerah memakai seri", severity="info")
    if ctx.doc.is_rancangan:
        return
    if not (bd.nomor or bd.tahun or pg.tanggal):
        ctx.report("naskah final tanpa data pengundangan (tanggal dan Berita Daerah)", pg, "berita_daerah", "",
                   "isi 'pengundangan.tanggal' dan 'berita_daerah: {tahun, nomor}' setelah diundangkan", severity="warning")
        return
    if not bd.nomor:
        ctx.report("naskah final tanpa nomor Berita Daerah", pg, "berita_daerah", "", "isi 'berita_daerah: {nomor: …}'")
    if not (bd.tahun or pg.tanggal):
        ctx.report("naskah final tanpa tahun Berita Daerah (atau tanggal pengundangan)", pg, "berita_daerah", "",
                   "isi 'pengundangan.tanggal'")
    tahun = bd.tahun or (pg.tanggal.year if pg.tanggal else None)
    if tahun and ctx.doc.tahun and tahun != ctx.doc.tahun:
        ctx.report(f"Berita Daerah tahun {tahun} berbeda dengan tahun peraturan {ctx.doc.tahun}", bd if bd.tahun else pg,
                   "tahun" if bd.tahun else "tanggal", str(tahun), "samakan tahun")


@rule("PNT-008", "error", "Tanggal konsisten: pengundangan tidak mendahului penetapan; tahun sesuai",
      f"{SRC} butir 2, 164, 167, 172 (konsistensi)",
      "Tanggal pengundangan tidak boleh sebelum tanggal penetapan; TAHUN dalam judul adalah tahun penetapan atau "
      "pengundangan; tahun Berita Daerah adalah tahun pengundangan.",
      wrong="ditetapkan 3 Januari 2025, diundangkan 30 Desember 2024", right="diundangkan pada atau setelah penetapan",
      verification="P (tafsiran)", applies_to=ALL_KINDS)
def tanggal(ctx):
    doc = ctx.doc
    pen = doc.penetapan.tanggal
    pg = getattr(doc, "pengundangan", None)
    undang = pg.tanggal if pg is not None else None
    if pen and undang and undang < pen:
        ctx.report(f"tanggal pengundangan {undang:%d-%m-%Y} sebelum tanggal penetapan {pen:%d-%m-%Y}", pg, "tanggal",
                   str(undang), "periksa kedua tanggal")
    years = {d.year for d in (pen, undang) if d}
    if doc.tahun and years and doc.tahun not in years:
        ctx.report(f"tahun {doc.tahun} bukan tahun penetapan/pengundangan ({', '.join(map(str, sorted(years)))})", doc,
                   "tahun", str(doc.tahun), "samakan 'tahun' dengan tahun penetapan")
    if pg is not None and undang and pg.berita_daerah.tahun and pg.berita_daerah.tahun != undang.year:
        ctx.report(f"tahun Berita Daerah {pg.berita_daerah.tahun} bukan tahun pengundangan {undang.year}", pg.berita_daerah,
                   "tahun", str(pg.berita_daerah.tahun), f"tulis {undang.year}",
                   Fix(pg.berita_daerah.loc + ("tahun",), undang.year, "tahun Berita Daerah = tahun pengundangan"))

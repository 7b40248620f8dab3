"""The gate for final documents: FIN-* (butir 164-173; UU 12/2011 Pasal 81-87).

A ``status: final`` document is the one signed and promulgated: nothing in it may still be a placeholder. These
rules report what would print blank or marked; ``legaldraft build`` refuses a final document with error findings
unless the drafter names the reason (``--terima-galat "alasan"``), which is recorded in the DOCX properties.
"""
from __future__ import annotations

import re

from .engine import rule
from .judul import ALL_KINDS, PERATURAN_KINDS

SRC = "UU 12/2011 Lampiran II"
#: what a drafter writes for 'not known yet': '(nama)', '[nama]', '...', '…', 'XXX', 'NAMA BUPATI', '-'
PLACEHOLDER = re.compile(r"^\s*(?:[(\[<{].*[)\]>}]|[.…_\-x ]+|x{2,}|nama(?: \w+)*|n/?a|tbd)\s*$", re.I)


def is_final(doc) -> bool:
    """A naskah that is signed and promulgated: not a rancangan, nor a working text prepared for an amendment
    (``status: revisi``, printed 'NASKAH KERJA')."""
    return not (doc.is_rancangan or getattr(doc, "is_naskah_kerja", False))


def placeholder(value) -> bool:
    """True when ``value`` is empty or a placeholder rather than a real value."""
    if value is None:
        return True
    return bool(PLACEHOLDER.match(str(value))) if str(value).strip() else True


def record_incomplete(doc, profile) -> bool:
    """Nothing of the signature and promulgation blocks is given, in the spec or its profile: an imported text whose
    blocks were not read (a web copy, a text cut before the signatures). FIN-001 reports it once, as a warning, like
    PNT-007 does."""
    pen, pg = doc.penetapan, getattr(doc, "pengundangan", None)
    if pen.tanggal is not None or not placeholder(pen.nama):
        return False
    if not placeholder(profile.nama_bupati) or not placeholder(profile.nama_sekretaris_daerah):
        return False
    return pg is None or not (pg.tanggal or pg.nama or pg.berita_daerah.nomor)


def _lenient(ctx) -> bool:
    """'check' of an incomplete record: one warning. 'build' never is: a final document is not built with blanks."""
    return not getattr(ctx, "for_build", False) and record_incomplete(ctx.doc, ctx.profile)


@rule("FIN-001", "error", "Naskah final: nomor, tahun, tanggal penetapan dan pengundangan, nomor Berita Daerah",
      f"{SRC} butir 2, 164, 167, 172, 173; UU 12/2011 Pasal 81, 86",
      "Naskah berstatus final adalah naskah yang ditandatangani dan diundangkan: nomor dan tahun, tanggal penetapan, "
      "dan pada Peraturan Bupati tanggal pengundangan serta nomor Berita Daerah harus terisi, bukan kosong atau tanda "
      "tempat ('...', '(nomor)'). Rancangan boleh kosong; ia mencetak tanda tempat yang terlihat. Naskah final yang "
      "seluruh blok penetapan dan pengundangannya kosong (naskah impor yang tidak lengkap) hanya diberi peringatan oleh "
      "'check'; 'build' tetap menolaknya.",
      wrong="status: final\npenetapan: {tanggal: null}", right="status: final\npenetapan: {tanggal: 2024-03-01}",
      applies_to=ALL_KINDS)
def final_data(ctx):
    doc = ctx.doc
    if not is_final(doc):
        return
    if _lenient(ctx):
        ctx.report("naskah final tanpa blok penetapan dan pengundangan (naskah impor yang tidak lengkap?)", doc.penetapan,
                   None, "", "isi tanggal, nama dan Berita Daerah sebelum naskah dibangun", severity="warning")
        return
    missing = []
    if doc.nomor is not None and placeholder(doc.nomor):  # a blank nomor or tahun is JUD-004's
        missing.append((doc, "nomor", "nomor peraturan/keputusan (tertulis tanda tempat)", "isi 'nomor:'"))
    if doc.penetapan.tanggal is None:
        missing.append((doc.penetapan, "tanggal", "tanggal penetapan", "isi 'penetapan.tanggal' (YYYY-MM-DD)"))
    pg = getattr(doc, "pengundangan", None)
    if pg is not None and doc.jenis in PERATURAN_KINDS:
        if pg.tanggal is None:
            missing.append((pg, "tanggal", "tanggal pengundangan", "isi 'pengundangan.tanggal' (YYYY-MM-DD)"))
        if placeholder(pg.berita_daerah.nomor):
            missing.append((pg.berita_daerah, "nomor", "nomor Berita Daerah", "isi 'pengundangan.berita_daerah.nomor'"))
    for node, field, what, hint in missing:
        ctx.report(f"naskah final tanpa {what}", node, field, "", hint)


@rule("FIN-002", "error", "Naskah final: nama yang menetapkan dan yang mengundangkan",
      f"{SRC} butir 164 huruf d, 167 huruf d",
      "Blok penetapan naskah final memuat nama Bupati (atau Plt./Pj.) dan blok pengundangan nama Sekretaris Daerah. "
      "Nama diambil dari spec ('penetapan.nama', 'pengundangan.nama') atau dari profil daerah ('nama_bupati', "
      "'nama_sekretaris_daerah'); nama kosong atau tanda tempat ('(nama)', '...') tercetak sebagai ruang kosong.",
      wrong="status: final\n# profil: nama_sekretaris_daerah: null", right="pengundangan: {nama: …}  # atau di profil daerah",
      applies_to=ALL_KINDS)
def final_names(ctx):
    doc = ctx.doc
    if not is_final(doc) or _lenient(ctx):
        return
    if placeholder(doc.penetapan.nama or ctx.profile.nama_bupati):
        ctx.report("naskah final tanpa nama pejabat yang menetapkan", doc.penetapan, "nama", doc.penetapan.nama or "",
                   "isi 'penetapan.nama' atau 'nama_bupati' di profil daerah")
    pg = getattr(doc, "pengundangan", None)
    if pg is not None and doc.jenis in PERATURAN_KINDS and placeholder(pg.nama or ctx.profile.nama_sekretaris_daerah):
        ctx.report("naskah final tanpa nama Sekretaris Daerah yang mengundangkan", pg, "nama", pg.nama or "",
                   "isi 'pengundangan.nama' atau 'nama_sekretaris_daerah' di profil daerah")


@rule("FIN-003", "error", "Naskah final: lambang negara yang sebenarnya di kop, bukan tempat kosong bertanda",
      "UU 24/2009 Pasal 54 (lambang negara pada kop jabatan bupati/wali kota); Permendagri 54/2009 Pasal 62",
      "Kop naskah Peraturan dan Keputusan Bupati memuat lambang negara. Bila profil daerah tidak menyebut berkas "
      "gambarnya ('lambang:'), DOCX memuat tempat kosong bertanda: pantas untuk rancangan, galat untuk naskah final. "
      "Aturan ini menilai keluaran, bukan teks: ia dijalankan oleh 'legaldraft build' (yang menolak naskah final "
      "bergalat), tidak oleh 'check' pada naskah impor yang profilnya memang tanpa gambar (JUD-008, info).",
      wrong="status: final   # profil: lambang: null", right="lambang: gambar/garuda.png   # di profil daerah",
      verification="S", applies_to=ALL_KINDS)
def final_lambang(ctx):
    if getattr(ctx, "for_build", False) and lambang_gate(ctx):
        ctx.report("naskah final tanpa berkas lambang negara; kop akan berisi tempat kosong bertanda", ctx.doc, "daerah",
                   "", "isi 'lambang:' di profil daerah dengan path gambar Garuda Pancasila")


def lambang_gate(ctx) -> bool:
    """A final, complete document printed with the placeholder lambang."""
    doc = ctx.doc
    return is_final(doc) and not ctx.profile.lambang

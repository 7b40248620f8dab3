"""Perubahan and Pencabutan rules: PRB-*, CBT-* (catalogue §16, §17)."""
from __future__ import annotations

import re

from ..model import Bab, Pasal, walk, raw_label
from ..model.reference import JenisPeraturan
from .engine import Fix, rule
from .text import cached_texts, containing

SRC = "UU 12/2011 Lampiran II"
PERUBAHAN = ("perubahan",)
_DIHAPUS_LIKE = re.compile(r"^\s*dihapus\s*[.;]?\s*$", re.I)
_GENERIC_REVOCATION = re.compile(
    r"(segala|semua)?\s*(ketentuan|peraturan)[^.]*yang bertentangan[^.]*(dicabut|dinyatakan tidak berlaku)", re.I)


@rule("PRB-001", "error", "Perubahan memuat Pasal I (perubahan) dan Pasal II (mulai berlaku)", f"{SRC} butir 233",
      "Batang tubuh Peraturan Bupati perubahan terdiri atas dua pasal bernomor Romawi: Pasal I memuat perubahan, "
      "Pasal II memuat saat mulai berlaku. legaldraft menyusun keduanya dari 'perubahan:'; aturan ini memeriksa "
      "bahwa Pasal I tidak kosong.", wrong="perubahan: []", right="perubahan: [{aksi: ubah, unit: pasal, ...}]",
      applies_to=PERUBAHAN)
def pasal_i_not_empty(ctx):
    if not ctx.doc.perubahan:
        ctx.report("Pasal I tidak memuat satu pun perubahan", ctx.doc, "perubahan",
                   hint="buat dengan 'legaldraft amend LAMA BARU -o PERUBAHAN.yaml'")


@rule("PRB-002", "error", "Pasal I menyebut Peraturan Bupati yang diubah dengan data Berita Daerahnya",
      f"{SRC} butir 233 huruf a-b, 233a",
      "Pasal I dibuka dengan menyebut Peraturan Bupati yang diubah beserta Berita Daerahnya dalam kurung, "
      "dan perubahan-perubahan sebelumnya. Nomor, tahun, tentang, dan Berita Daerah wajib diisi.",
      wrong="mengubah: {nomor: 12, tahun: 2026}",
      right="mengubah: {nomor: 12, tahun: 2026, tentang: ..., lembaran: {tahun: 2026, nomor: 12}}", applies_to=PERUBAHAN)
def amended_identified(ctx):
    for name, reg in [("mengubah", ctx.doc.mengubah)] + [("perubahan_sebelumnya", r) for r in ctx.doc.perubahan_sebelumnya]:
        missing = [f for f in ("nomor", "tahun", "tentang", "lembaran") if not getattr(reg, f)]
        if missing:
            ctx.report(f"peraturan yang diubah belum lengkap: {', '.join(missing)} kosong", reg, None,
                       hint="isi nomor, tahun, tentang, dan 'lembaran: {tahun, nomor}' (Berita Daerah)")


@rule("PRB-003", "error", "Setiap perubahan memakai kalimat perintah baku", f"{SRC} butir 233-236, 234a",
      "Kalimat perintah ('Ketentuan Pasal 6 diubah sehingga berbunyi sebagai berikut:', 'Di antara Pasal 5 dan "
      "Pasal 6 disisipkan 1 (satu) pasal, …') dibuat dari 'aksi', 'unit', dan 'nomor'. Aturan ini memeriksa bahwa "
      "isi setiap perubahan cocok dengan kalimatnya: unit yang disebut ada dalam 'isi', dengan nomor yang sama.",
      applies_to=PERUBAHAN)
def instruction_matches_content(ctx):
    for item in ctx.doc.perubahan:
        if item.aksi == "hapus" or item.unit == "lampiran":
            continue
        if item.unit in ("ayat", "angka"):
            if not item.pasal:
                ctx.report(f"perubahan {item.unit} tanpa 'pasal': Pasal tempat {item.unit} berada", item, "pasal")
            if not (item.isi or item.ayat or item.definisi):
                ctx.report("perubahan tanpa isi: tulis bunyi baru dalam 'isi' (atau 'ayat'/'definisi')", item, "isi")
            continue
        labels = [raw_label(u) for u in item.isi]
        if item.aksi in ("sisip", "tambah") and labels != list(item.nomor):
            ctx.report(f"'nomor' {list(item.nomor)} tidak sama dengan nomor unit dalam 'isi' {labels}", item, "nomor",
                       hint="kalimat perintah menyebut unit yang sama dengan yang dirumuskan")
        if not item.isi:
            ctx.report("perubahan tanpa isi: tulis bunyi baru dalam 'isi'", item, "isi")


def _base(label: str) -> str:
    return re.match(r"^([0-9]+|[IVXLCDM]+|[A-Za-z]+(?: [A-Za-z]+)*?)(?: ?[A-Za-z])?$", label).group(1) if label else label


@rule("PRB-004", "error", "Unit sisipan bernomor unit sebelumnya ditambah huruf; nomor lama tidak bergeser",
      f"{SRC} butir 234, 235",
      "Pasal atau BAB yang disisipkan bernomor unit sebelumnya ditambah huruf kapital (Pasal 5A, BAB IXA); ayat "
      "atau angka sisipan ditambah huruf kecil (ayat (1a)). Unit yang ditambahkan setelah unit terakhir bernomor "
      "berikutnya (butir 234a). Nomor unit yang sudah ada tidak berubah.",
      wrong="Di antara Pasal 5 dan Pasal 6 disisipkan 1 (satu) pasal, yakni Pasal 6",
      right="Di antara Pasal 5 dan Pasal 6 disisipkan 1 (satu) pasal, yakni Pasal 5A", applies_to=PERUBAHAN)
def inserted_numbers(ctx):
    for item in ctx.doc.perubahan:
        if item.aksi == "sisip" and item.antara and item.antara[0] != "0":
            before = item.antara[0]
            bad = [n for n in item.nomor if not (n.startswith(before) and len(n) > len(before)
                                                  or n.startswith(_base(before)) and n != before)]
            if bad:
                ctx.report(f"nomor sisipan {', '.join(bad)} tidak diturunkan dari {before} (mis. {before}A)", item, "nomor")
        if item.aksi == "tambah" and item.setelah and item.unit in ("pasal", "ayat", "angka"):
            digits = re.match(r"^\d+", item.setelah)
            if digits:
                expected = int(digits.group()) + 1
                numbers = [int(n) if n.isdigit() else None for n in item.nomor]
                if numbers != list(range(expected, expected + len(numbers))):
                    ctx.report(f"unit yang ditambahkan setelah {item.setelah} bernomor {expected} dan seterusnya "
                               f"(butir 234a), bukan {', '.join(item.nomor)}", item, "nomor")


@rule("PRB-005", "error", "Unit yang dihapus tetap bernomor dan berbunyi 'Dihapus.'", f"{SRC} butir 236, 190b",
      "Unit yang dihapus tidak ditiadakan nomornya: dalam pasal yang dirumuskan ulang ia berbunyi 'Dihapus.' "
      "(D kapital, diakhiri titik), dan penomoran tidak dirapatkan.",
      wrong="(2) dihapus", right="(2) Dihapus.", applies_to=PERUBAHAN)
def dihapus_form(ctx):
    for item in ctx.doc.perubahan:
        for node in walk(item):
            text = getattr(node, "teks", None)
            if isinstance(text, str) and _DIHAPUS_LIKE.match(text) and text != "Dihapus.":
                ctx.report(f"unit yang dihapus ditulis '{text.strip()}'", node, "teks", text,
                           "tulis 'Dihapus.'", Fix(node.loc + ("teks",), "Dihapus.", "'Dihapus.'"))


@rule("PRB-006", "warning", "Lampiran yang diubah diganti dengan rumusan baku", f"{SRC} butir 236c",
      "Lampiran yang berubah dirumuskan 'Ketentuan Lampiran diubah sehingga menjadi sebagaimana tercantum dalam "
      "Lampiran yang merupakan bagian tidak terpisahkan dari Peraturan Bupati ini.' Setiap lampiran Perubahan "
      "harus disebut oleh satu perubahan 'ganti_lampiran', dan sebaliknya.", applies_to=PERUBAHAN)
def lampiran_replaced(ctx):
    named = {item.lampiran for item in ctx.doc.perubahan if item.unit == "lampiran" and item.lampiran}
    present = {lamp.id for lamp in ctx.doc.lampiran}
    for lamp in ctx.doc.lampiran:
        if lamp.id not in named:
            ctx.report("lampiran Perubahan tidak disebut oleh perubahan lampiran ('ganti_lampiran' atau 'tambah')", lamp, "id",
                       hint="tambahkan {aksi: ganti_lampiran, unit: lampiran, nomor: ['-'], lampiran: ID}")
    for item in ctx.doc.perubahan:
        if item.unit == "lampiran" and item.aksi != "hapus" and item.lampiran not in present:
            ctx.report(f"lampiran '{item.lampiran}' tidak ada dalam 'lampiran:' Perubahan", item, "lampiran")


@rule("PRB-007", "warning", "Perubahan yang mengubah sistematika: ganti Peraturan Bupati", f"{SRC} butir 237",
      "Bila perubahan mengakibatkan sistematika berubah, materi berubah lebih dari 50%, atau esensinya berubah, "
      "Peraturan Bupati dicabut dan disusun yang baru ('legaldraft amend --replace'). 'legaldraft amend' menghitung "
      "bagian pasal yang berubah; pemeriksaan ini menandai penghapusan BAB, Bagian, atau Paragraf.", applies_to=PERUBAHAN)
def systematics(ctx):
    for item in ctx.doc.perubahan:
        if item.aksi == "hapus" and item.unit in ("bab", "bagian", "paragraf"):
            ctx.report(f"{item.unit} {', '.join(item.nomor)} dihapus: sistematika berubah", item, "aksi",
                       hint="pertimbangkan Peraturan Bupati pengganti: legaldraft amend --replace")


# -- pencabutan -------------------------------------------------------------------------------------------
def _revocation_pasal(ctx):
    for node in ctx.of(Pasal):
        if node.formula in ("pencabutan", "tetap_berlaku"):
            yield node


@rule("CBT-001", "error", "Pencabutan menyebut peraturan yang dicabut dengan jelas", f"{SRC} butir 143, 145, 221, 222",
      "Peraturan yang dicabut disebut dengan jenis, nomor, tahun, dan judulnya. Rumusan umum 'semua ketentuan "
      "yang bertentangan dengan Peraturan Bupati ini dinyatakan tidak berlaku' tidak dipakai.",
      wrong="Semua ketentuan yang bertentangan dengan Peraturan Bupati ini dinyatakan tidak berlaku.",
      right="pasal: pencabutan\nformula: pencabutan\ndicabut: [{nomor: 12, tahun: 2023, tentang: ...}]",
      applies_to=("perbup", "pedoman", "pencabutan"))
def named_revocation(ctx):
    texts = cached_texts(ctx, None, ("teks",))  # every node's non-empty teks, in document order
    for node, _, text in containing(ctx, texts, ("yang bertentangan",), raw=True):  # what every match holds
        if _GENERIC_REVOCATION.search(text):
            ctx.report("pencabutan umum 'yang bertentangan … dicabut/tidak berlaku'", node, "teks", text,
                       "sebut peraturan yang dicabut: formula: pencabutan dengan 'dicabut:'")


@rule("CBT-002", "error", "Peraturan yang dicabut disebut lengkap (rumusan 23/24)", f"{SRC} butir 144, 146, 147, 149",
      "Rumusan pencabutan menyebut nomor, tahun, judul, dan Berita/Lembaran Daerah peraturan yang dicabut; "
      "beberapa peraturan dirinci sebagai tabulasi (legaldraft melakukannya untuk 'dicabut:' lebih dari satu).",
      applies_to=("perbup", "pedoman", "pencabutan"))
def revoked_complete(ctx):
    regs = list(getattr(ctx.doc, "dicabut", [])) + [r for p in _revocation_pasal(ctx) for r in p.dicabut]
    for reg in regs:
        missing = [f for f in ("nomor", "tahun", "tentang") if not getattr(reg, f)]
        if missing:
            ctx.report(f"peraturan yang dicabut belum lengkap: {', '.join(missing)} kosong", reg, None)
        elif reg.lembaran is None:
            ctx.report("peraturan yang dicabut tanpa data Berita/Lembaran Daerah", reg, "lembaran",
                       hint="isi 'lembaran: {tahun, nomor}'", severity="warning")


@rule("CBT-003", "error", "Pencabutan diletakkan dalam Ketentuan Penutup", f"{SRC} butir 9, 225, 227",
      "Pasal pencabutan dalam Peraturan Bupati yang baru berada dalam BAB Ketentuan Penutup (BAB terakhir), "
      "sebelum pasal mulai berlaku. Peraturan Bupati pencabutan tersendiri ('jenis: pencabutan') terdiri atas "
      "Pasal 1 (pencabutan) dan Pasal 2 (mulai berlaku) dengan kata PENCABUTAN dalam judulnya.",
      applies_to=("perbup", "pedoman"))
def revocation_in_penutup(ctx):
    body = ctx.doc.batang_tubuh
    last = body[-1] if body and isinstance(body[-1], Bab) else None
    for pasal in _revocation_pasal(ctx):
        if last is None or not any(p is pasal for p in walk(last)):
            ctx.report("pasal pencabutan tidak berada dalam BAB terakhir (Ketentuan Penutup)", pasal, "formula")


@rule("CBT-004", "error", "Peraturan Bupati tidak dapat mencabut Peraturan Daerah atau peraturan yang lebih tinggi",
      f"{SRC} butir 148, 158, 223, 282",
      "Pencabutan hanya dapat dilakukan oleh peraturan yang sederajat atau lebih tinggi: Peraturan Bupati hanya "
      "mencabut Peraturan Bupati (atau Keputusan). Status peraturan pelaksanaan dinyatakan dengan rumusan 25 "
      "('formula: tetap_berlaku').", wrong="dicabut: [{jenis: perda, ...}]", right="dicabut: [{jenis: perbup, ...}]",
      applies_to=("perbup", "pedoman", "pencabutan"))
def revoke_equal_or_lower(ctx):
    regs = list(getattr(ctx.doc, "dicabut", [])) + [r for p in _revocation_pasal(ctx) if p.formula == "pencabutan"
                                                     for r in p.dicabut]
    for reg in regs:
        if reg.jenis.rank < JenisPeraturan.perbup.rank:
            ctx.report(f"Peraturan Bupati tidak dapat mencabut {reg.nama_jenis} Nomor {reg.nomor} Tahun {reg.tahun}",
                       reg, "jenis", hint="pencabutan Peraturan Daerah dilakukan dengan Peraturan Daerah")

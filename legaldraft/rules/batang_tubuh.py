"""Batang tubuh rules: BT-* (kerangka, grouping order, headings, lone ayat, one norm per ayat, pidana, penyidikan)."""
from __future__ import annotations

import re

from ..model import Bab, Bagian, Paragraf, Pasal, walk
from .engine import Fix, rule
from .text import ALL_KINDS, Hit, around, masked, needs, run_scanner, sentences, title_case
from ..model import Ayat, Diktum

SRC = "UU 12/2011 Lampiran II"
from ..naskah.jenis import PERATURAN  # noqa: E402

KU = "KETENTUAN UMUM"
LAIN = "KETENTUAN LAIN-LAIN"
PERALIHAN = "KETENTUAN PERALIHAN"
PENUTUP = "KETENTUAN PENUTUP"


def _babs(doc) -> list[Bab]:
    return [n for n in doc.batang_tubuh if isinstance(n, Bab)]


def _title(node) -> str:
    return re.sub(r"\s+", " ", node.judul).strip().upper()


def _pasal_list(ctx) -> list[Pasal]:
    return list(ctx.of(Pasal))


@rule("BT-001", "error", "Kerangka lengkap: batang tubuh (atau diktum) tidak kosong", f"{SRC} butir 1, 14, 53",
      "Kerangka Peraturan Bupati: Judul, Pembukaan, Batang Tubuh, Penutup, Penjelasan (bila ada), Lampiran (bila ada). "
      "Urutan bagian dijamin oleh legaldraft; yang diperiksa adalah batang tubuh (Keputusan: diktum) yang kosong, "
      "yang hanya boleh terjadi pada naskah hasil impor yang belum lengkap.",
      wrong="batang_tubuh: []", right="batang_tubuh: [{bab: KETENTUAN UMUM, isi: [...]}, ...]")
def kerangka(ctx):
    if ctx.is_keputusan:
        if not ctx.doc.diktum and not ctx.doc.batang_tubuh:     # (a Keputusan of the older form has Pasal)
            ctx.report("Keputusan tidak memuat diktum", ctx.doc, "diktum", "", "tulis sedikitnya satu diktum di 'diktum:'")
    elif not ctx.doc.batang_tubuh:
        ctx.report("batang tubuh kosong: tidak ada satu pun Pasal", ctx.doc, "batang_tubuh", "",
                   "tulis pasal di 'batang_tubuh:' (BAB -> Bagian -> Pasal)")


def _group_rank(title: str) -> int | None:
    return {LAIN: 1, PERALIHAN: 2, PENUTUP: 3}.get(title)


@rule("BT-002", "error", "Urutan pengelompokan: Ketentuan Umum pertama, Ketentuan Penutup terakhir",
      f"{SRC} butir 62, 63, 96, 110, 128, 136",
      "Urutan kelompok batang tubuh: Ketentuan Umum (BAB I), materi pokok, Ketentuan Lain-lain (bila perlu), Ketentuan "
      "Peralihan (bila perlu), Ketentuan Penutup (BAB terakhir). Tanpa BAB: pasal Ketentuan Umum paling depan dan pasal "
      "mulai berlaku paling akhir.",
      wrong="BAB I PENYELENGGARAAN, BAB II KETENTUAN UMUM", right="BAB I KETENTUAN UMUM, BAB II PENYELENGGARAAN",
      applies_to=PERATURAN)
def group_order(ctx):
    babs = _babs(ctx.doc)
    titles = [_title(b) for b in babs]
    if KU in titles and titles.index(KU) != 0:
        bab = babs[titles.index(KU)]
        ctx.report("BAB KETENTUAN UMUM bukan BAB pertama", bab, "judul", bab.judul, "pindahkan BAB Ketentuan Umum menjadi BAB I")
    ranked = [(i, _group_rank(t)) for i, t in enumerate(titles) if _group_rank(t) is not None]
    for (i, rank), (j, later) in zip(ranked, ranked[1:]):
        if later < rank:
            ctx.report(f"BAB {titles[j]} ditempatkan setelah BAB {titles[i]}", babs[j], "judul", babs[j].judul,
                       "urutan: Ketentuan Lain-lain, Ketentuan Peralihan, lalu Ketentuan Penutup")
    for i, rank in ranked:
        if rank and i != len(babs) - 1 and any(_group_rank(t) is None and t != KU for t in titles[i + 1:]):
            ctx.report(f"BAB {titles[i]} diikuti BAB materi pokok", babs[i], "judul", babs[i].judul,
                       "BAB materi pokok ditempatkan sebelum Ketentuan Lain-lain, Peralihan dan Penutup")
    pasals = _pasal_list(ctx)
    for k, pasal in enumerate(pasals):
        if pasal.formula == "mulai_berlaku" and any(p.formula != "mulai_berlaku" for p in pasals[k + 1:]):
            ctx.report("pasal mulai berlaku bukan pasal terakhir", pasal, None, "",
                       "pasal 'mulai berlaku pada tanggal diundangkan' adalah pasal terakhir Ketentuan Penutup")


@rule("BT-003", "error", "Judul BAB ditulis dengan huruf kapital", f"{SRC} butir 72",
      "BAB diberi nomor Romawi (dibuat otomatis) dan judul BAB seluruhnya ditulis dengan huruf kapital.",
      wrong="BAB II\nKedudukan dan Tugas", right="BAB II\nKEDUDUKAN DAN TUGAS", applies_to=PERATURAN)
def bab_capitals(ctx):
    for bab in _babs(ctx.doc):
        if bab.judul != bab.judul.upper():
            ctx.report(f"judul BAB '{bab.judul}' tidak seluruhnya huruf kapital", bab, "judul", bab.judul,
                       f"tulis '{bab.judul.upper()}'", Fix(bab.loc + ("judul",), bab.judul.upper(), "judul BAB kapital"))


def _heading_case(ctx, kind: str, node) -> None:
    wanted = title_case(node.judul)
    if node.judul.strip() != wanted:
        ctx.report(f"judul {kind} '{node.judul}': setiap kata diawali huruf kapital, kecuali partikel", node, "judul",
                   node.judul, f"tulis '{wanted}'", Fix(node.loc + ("judul",), wanted, f"judul {kind} huruf awal kapital"))


@rule("BT-004", "warning", "Judul Bagian: setiap kata diawali huruf kapital", f"{SRC} butir 73, 74",
      "Bagian diberi nomor urut dengan huruf (Kesatu, Kedua, …; dibuat otomatis). Setiap kata judul Bagian diawali "
      "huruf kapital, kecuali kata partikel (dan, di, ke, yang, …) yang tidak terletak di awal.",
      wrong="Bagian Kesatu\nTugas dan fungsi", right="Bagian Kesatu\nTugas dan Fungsi", applies_to=PERATURAN,
      visits=(Bagian,))
def bagian_case(ctx, node: Bagian):
    _heading_case(ctx, "Bagian", node)


@rule("BT-005", "warning", "Judul Paragraf: setiap kata diawali huruf kapital", f"{SRC} butir 75, 76",
      "Paragraf diberi nomor angka Arab yang dimulai lagi di setiap Bagian (dibuat otomatis); judulnya ditulis seperti "
      "judul Bagian.",
      wrong="Paragraf 1\nPersyaratan umum", right="Paragraf 1\nPersyaratan Umum", applies_to=PERATURAN,
      visits=(Paragraf,))
def paragraf_case(ctx, node: Paragraf):
    _heading_case(ctx, "Paragraf", node)


@rule("BT-006", "error", "Setiap BAB, Bagian dan Paragraf memuat Pasal", f"{SRC} butir 67-70",
      "Paragraf hanya di dalam Bagian dan Bagian hanya di dalam BAB (dijamin oleh bentuk spec). Setiap BAB, Bagian "
      "dan Paragraf memuat sedikitnya satu Pasal.",
      wrong="- bab: KETENTUAN LAIN-LAIN\n  isi: []", right="- bab: KETENTUAN LAIN-LAIN\n  isi: [{pasal: ..., teks: ...}]",
      applies_to=PERATURAN, visits=(Bab, Bagian, Paragraf))
def groups_hold_pasal(ctx, node):
    if not any(isinstance(n, Pasal) for n in walk(node)):
        kind = type(node).__name__.replace("Bab", "BAB")
        ctx.report(f"{kind} '{node.judul}' tidak memuat satu pun Pasal", node, "judul", node.judul,
                   f"tambahkan pasal ke 'isi:' atau hapus {kind} ini")


def _compact(items: list) -> list:
    out = []
    for item in items:
        if set(item) == {"teks"}:
            out.append(item["teks"])
        else:
            if "rincian" in item:
                item = {**item, "rincian": _compact(item["rincian"])}
            out.append(item)
    return out


def lone_ayat_fix(ctx, pasal: Pasal) -> Fix | None:
    """The Pasal rewritten without its single ayat (``teks``/``rincian``/``teks_akhir`` moved up)."""
    ayat = pasal.ayat[0]
    referenced = ayat.id and any(ref == ayat.id for _, _, ref in ctx.numbering.references())
    if referenced and pasal.id:
        return None  # both carry ids and the ayat's is cited: the drafter must choose
    data = pasal.model_dump(by_alias=True, exclude_defaults=True, mode="json")
    data.pop("ayat")
    if referenced:
        data["pasal"] = ayat.id
    data["teks"] = ayat.teks
    if ayat.rincian:
        data["rincian"] = _compact([b.model_dump(exclude_defaults=True, mode="json") for b in ayat.rincian])
    if ayat.teks_akhir:
        data["teks_akhir"] = ayat.teks_akhir
    return Fix(pasal.loc, data, "ayat tunggal menjadi teks pasal")


@rule("BT-009", "warning", "Pasal dengan satu ayat tidak memakai nomor ayat", f"{SRC} butir 81, 82 (penafsiran)",
      "Ayat ada karena pasal dibagi menjadi beberapa ayat; pasal dengan satu ayat saja ditulis sebagai teks pasal "
      "tanpa nomor '(1)'. Ini penafsiran butir 81-82, maka peringatan.",
      wrong="Pasal 5\n(1) Bupati menetapkan Tim.", right="Pasal 5\nBupati menetapkan Tim.", applies_to=PERATURAN)
def lone_ayat(ctx):
    for node in ctx.of(Pasal):
        if len(node.ayat) == 1:
            ctx.report("pasal hanya memuat satu ayat", node, "ayat", node.ayat[0].teks[:60],
                       "tulis isinya sebagai 'teks:' pasal", lone_ayat_fix(ctx, node))


def _norm_units(ctx):
    for node in ctx.of(Pasal, Ayat, Diktum):
        if node.teks:
            yield node


@rule("BT-010", "warning", "Satu ayat (atau pasal tanpa ayat) memuat satu kalimat", f"{SRC} butir 77, 83",
      "Satu pasal atau ayat memuat satu norma yang dirumuskan dalam satu kalimat. Heuristik: teks yang memuat lebih "
      "dari satu kalimat (titik lalu huruf kapital, bukan singkatan) ditandai.",
      wrong="(2) Tim dibentuk oleh Bupati. Tim bertugas selama 1 (satu) tahun.",
      right="(2) Tim dibentuk oleh Bupati.\n(3) Tim bertugas selama 1 (satu) tahun.")
def one_sentence(ctx):
    for node in _norm_units(ctx):
        parts = sentences(node.teks)
        if len(parts) > 1:
            ctx.report(f"teks memuat {len(parts)} kalimat", node, "teks", parts[1][:60],
                       "pecah menjadi beberapa ayat, satu norma per ayat")


_PIDANA = re.compile(r"\b(?:pidana\s+(?:penjara|kurungan|denda)|diancam\s+(?:dengan\s+)?pidana|ketentuan\s+pidana)\b", re.I)


@needs(words=("pidana",))
def scan_pidana(text: str) -> list[Hit]:
    return [Hit(f"ancaman pidana '{m.group(0)}' dalam Peraturan Bupati", around(text, m.start(), m.end()),
                "ketentuan pidana hanya dalam Undang-Undang dan Peraturan Daerah; gunakan sanksi administratif")
            for m in _PIDANA.finditer(masked(text))]


@rule("BT-011", "error", "Peraturan Bupati tidak memuat ketentuan pidana", f"UU 12/2011 Pasal 15 ayat (1); {SRC} butir 117",
      "Materi muatan ketentuan pidana hanya dapat dimuat dalam Undang-Undang dan Peraturan Daerah. Peraturan Bupati "
      "(dan Keputusan) tidak mengancam pidana penjara, pidana kurungan atau pidana denda.",
      wrong="Setiap orang yang melanggar … diancam pidana kurungan paling lama 3 (tiga) bulan.",
      right="Setiap orang yang melanggar … dikenai sanksi administratif berupa teguran tertulis.", applies_to=ALL_KINDS)
def no_pidana(ctx):
    run_scanner(ctx, scan_pidana)
    for node in ctx.of(Bab, Bagian):
        if "PIDANA" in _title(node):
            ctx.report(f"judul '{node.judul}' menandakan ketentuan pidana", node, "judul", node.judul,
                       "Peraturan Bupati tidak memuat ketentuan pidana")


_PENYIDIKAN = re.compile(r"\bpenyidik(?:an)?\b", re.I)
_POWERS = re.compile(r"\b(?:berwenang|wewenang|kewenangan)\b", re.I)


@needs(words=("penyidik",))
def scan_penyidikan(text: str) -> list[Hit]:
    view = masked(text)
    m = _PENYIDIKAN.search(view)
    if m and _POWERS.search(view):
        return [Hit("ketentuan penyidikan (kewenangan penyidik) dalam Peraturan Bupati", around(text, m.start(), m.end()),
                    "ketentuan penyidikan hanya dalam Undang-Undang dan Peraturan Daerah")]
    return []


@rule("BT-012", "error", "Peraturan Bupati tidak memuat ketentuan penyidikan", f"{SRC} butir 217",
      "Ketentuan penyidikan (kewenangan Penyidik Pegawai Negeri Sipil) hanya dapat dimuat dalam Undang-Undang dan "
      "Peraturan Daerah, bukan Peraturan Bupati.",
      wrong="BAB VIII KETENTUAN PENYIDIKAN … PPNS berwenang melakukan penyidikan …",
      right="(tanpa BAB penyidikan; penegakan melalui sanksi administratif)", applies_to=ALL_KINDS)
def no_penyidikan(ctx):
    run_scanner(ctx, scan_penyidikan)
    for node in ctx.of(Bab, Bagian):
        if "PENYIDIKAN" in _title(node):
            ctx.report(f"judul '{node.judul}' menandakan ketentuan penyidikan", node, "judul", node.judul,
                       "Peraturan Bupati tidak memuat ketentuan penyidikan")


@rule("BT-013", "warning", "Sanksi administratif menyatu dengan norma yang ditegakkannya",
      f"{SRC} butir 64, 65, 66a (UU 13/2022)",
      "Sanksi administratif dirumuskan dalam pasal terakhir kelompok norma yang ditegakkannya, bukan dalam BAB "
      "tersendiri 'KETENTUAN SANKSI' yang menghimpun sanksi untuk banyak norma.",
      wrong="BAB VII KETENTUAN SANKSI", right="Pasal 12 (setelah kewajiban di Pasal 11): sanksi administratif …",
      applies_to=PERATURAN)
def sanksi_bab(ctx):
    for bab in _babs(ctx.doc):
        if "SANKSI" in _title(bab):
            ctx.report(f"BAB '{bab.judul}' menghimpun sanksi tersendiri", bab, "judul", bab.judul,
                       "rumuskan sanksi administratif dalam pasal terakhir kelompok norma yang ditegakkannya")

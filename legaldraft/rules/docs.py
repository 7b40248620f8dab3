"""docs/rules.md, generated from the rule registry: ``python -m legaldraft.rules.docs [PATH]``.

Nothing happens on import (the engine imports every module of this package to collect rules).
"""
from __future__ import annotations

import sys
from pathlib import Path
from .engine import load_rules

DEFAULT = Path(__file__).resolve().parent.parent.parent / "docs" / "rules.md"

FAMILIES = {
    "JUD": "Judul", "PMB": "Pembukaan", "KON": "Konsiderans", "DH": "Dasar hukum", "DIK": "Diktum peraturan",
    "BT": "Batang tubuh", "KU": "Ketentuan Umum", "LST": "Rincian", "REF": "Pengacuan", "DLG": "Pendelegasian",
    "BIL": "Bilangan", "BHS": "Bahasa", "PNT": "Penutup", "LAM": "Lampiran dan Pedoman", "PJL": "Penjelasan",
    "PRB": "Perubahan", "CBT": "Pencabutan", "KEP": "Keputusan Bupati", "FMT": "Format", "FIN": "Naskah final",
}
VERIFICATION = {"P": "teks primer dibaca", "P*": "teks primer (salinan OCR)", "S": "sumber sekunder", "U": "belum terverifikasi",
                "E": "ekstraksi otomatis, belum diverifikasi"}


#: Where the code and reference/tata-naskah-rules.md differed, or practice and Lampiran II: the decision and its reason
#: (issue 13). The source cited by the rule wins; a deviation found in issued documents is then a true defect of that
#: document (pinned in tests/rules/test_precision.py), not a reason to lower the severity.
DECISIONS = [
    ("KON-002, KON-004, KON-005", "konsiderans dibaca sebagai tata bahasa: KON-002 membaca juga butir penutup yang "
     "ditulis tangan, satu kalimat per pokok pikiran, dan kalimat 'untuk melaksanakan ketentuan …' yang tidak lengkap; "
     "titik di akhir pokok pikiran yang bukan butir terakhir kini galat (katalog: 'wrong end of a non-final point'), titik "
     "di akhir butir penutup tetap peringatan. KON-004: butir penutup yang tidak memakai rumusannya atau mencampur "
     "pertimbangan lain adalah galat (hurufnya tidak disebut). KON-005 (peringatan): koma sebelum 'dan' dan 'sebagaimana "
     "dimaksud'."),
    ("REF-001, REF-003", "dibaca juga di konsiderans; 'pasal' berhuruf kecil dan 'ayat 1' tanpa kurung kini galat seperti "
     "dalam katalog (butir 80, 84), dan 'dimaksud huruf a' tanpa kata depan galat REF-001."),
    ("KON-006", "galat (sebelumnya peringatan). Butir 23 dan 58 menetapkan bahwa nama setelah 'tentang' pada butir "
                "penutup sama dengan judul; katalog rujukan juga memberi galat. Perbup Seram Bagian Timur 3/2022 dan "
                "Banyuwangi 19/2012 yang menyimpang dicatat sebagai cacat sumber. Peringatan (sesi rulesdate): nama "
                "daerah setelah jenis pada butir penutup ('Peraturan Bupati Berau tentang'), karena contoh butir 23 "
                "hanya contoh dan butir 59 yang melarangnya untuk 'Menetapkan' diberi peringatan oleh DIK-003 (praktik "
                "beragam: Berau 41/2016, Cilacap 63/2018, Aceh 34/2016, Jawa Barat 76/2018); dan nama yang berbeda hanya "
                "karena spasi, tanda baca, kata ganda atau kata yang bukan kata (salah eja; ejaan adalah peringatan "
                "BHS-012). Kata lain, kata yang hilang atau ditambah tetap galat (Tasikmalaya 60/2015 'Kali Lima')."),
    ("DH-002", "tetap peringatan, kini menurut tanggal: dokumen diminta memuat undang-undang pemerintahan daerah yang "
               "berlaku pada tanggal penetapannya (UU 5/1974, 22/1999, 32/2004, 23/2014), bukan undang-undang yang "
               "belum ada."),
    ("JUD-003, BHS-003, BHS-004, DH-012, FMT-003, FMT-004, DH-006 (ayat)",
     "ketentuan yang disisipkan atau diubah UU 13/2022 (butir 2a, 270a, 270b, 41a, 284a, 33) hanya dituntut dari naskah "
     "yang ditetapkan sejak 16 Juni 2022; naskah sebelumnya diberi info (tanggal penetapan, atau tahunnya bila tanggal "
     "tidak diketahui)."),
    ("DH-008", "peringatan untuk butir 'teks:' tanpa data pengundangan tetap (UU lama seperti UU 14/1950 diumumkan "
               "dalam Berita Negara bertanggal, tanpa nomor); data yang ditulis dinilai DH-014/DH-015 (galat: bentuknya "
               "ditetapkan butir 47-49). Bunyi registry sendiri tidak pernah diperingatkan: hanya entri tanpa data."),
    ("DH-009", "selisih nama terhadap entri registry bertanda P kini galat (sebelumnya selalu peringatan), seperti data "
               "pengundangannya: katalog rujukan memberi galat untuk baris P, dan butir 45 mengutip nama apa adanya. Nama "
               "undang-undang sebelum EYD (1972) tetap peringatan: judul dan teksnya sendiri berbeda-beda (UU 14/1950). Nama yang "
               "hanya berbeda huruf besar/kecilnya ('Perubahan Kedua Atas') peringatan: praktik beragam."),
    ("LST-004", "galat untuk kata sambung yang hilang pada butir kedua terakhir (sebelumnya peringatan): butir 88-91 "
                "menetapkannya dan tanpa itu rincian kumulatif tak dapat dibedakan dari alternatif; kata sambung yang "
                "diulang tetap peringatan. Perbup Tulungagung 33/2022 dan Banyuwangi 19/2012 dicatat sebagai cacat sumber."),
    ("BHS-012 sampai BHS-016", "kebersihan teks (ejaan: kata ganda, kata depan dan awalan, kata tersambung, salah "
     "ketik; kata dan bilangan; huruf kapital nama daerah dan lembaga; kata tugas dalam istilah; satu istilah satu ejaan) "
     "adalah peringatan: butir 242 menundukkan bahasa peraturan pada kaidah ejaan tanpa menetapkan bentuknya kata demi "
     "kata, dan naskah yang diundangkan sering menyimpang ('dibawah'). Salah ketik diperiksa dengan kamus Hunspell id_ID "
     "(paket Debian hunspell-id); kamus itu tidak lengkap untuk bahasa peraturan (tidak memuat 'penaatan', "
     "'disabilitas'), maka hanya kata yang dekat dengan kata baku rumusan peraturan yang diperiksa."),
    ("DH-006, DH-007, DH-008, DH-010, DH-014, DH-015, DH-016, JUD-004, KEP-005, KON-009 (menurut tanggal)",
     "sesi rulesdate: temuan atas bentuk yang ditetapkan sumber yang lebih muda dari naskah hanya info, dengan sumbernya "
     "(lihat 'Bentuk menurut tanggal penetapan'). Bentuk kutipan dasar hukum (Lembaran Negara Republik Indonesia dan "
     "Tambahannya dalam kurung, nama UUD, 'Undang-Undang') sejak UU 10/2004 dilaksanakan (1 November 2004), bukan sejak "
     "UU 12/2011: karena itu 'Undang-undang' pada Peraturan Gubernur Jawa Timur 98/2008 kini galat (UU 10/2004 butir 31; "
     "DH-007), bukan peringatan saja sebelum 2011; Lembaran Daerah Perda sejak UU 12/2011 (butir 49); "
     "rumusan rantai perubahan dan tanda RANCANGAN sejak UU 13/2022 (butir 41a, 4a). Bila katalog rujukan (tanpa tanggal) "
     "dan sumber berbeda, sumber yang menang. Perubahan terakhir yang keliru disebut (DH-010) dan angka yang keliru (DH-009) "
     "tetap dinilai pada tanggal mana pun: itu fakta, bukan bentuk."),
    ("BHS-010, BHS-012, DH-013 (16 pasangan cacat yang dinilai peringatan)", "dikonfirmasi peringatan terhadap sumbernya "
     "(sesi rulesdate). Butir 242 menundukkan bahasa peraturan pada 'kaidah tata Bahasa Indonesia, baik pembentukan kata, "
     "penyusunan kalimat, teknik penulisan, maupun pengejaannya' tanpa menetapkan bentuk kata demi kata; bentuknya dari "
     "pedoman ejaan (EYD V), bukan dari Lampiran II, dan salinan primer Lampiran II sendiri menulis judul babnya 'PERUNDANG – "
     "UNDANGAN'. Galat disimpan untuk bentuk yang ditetapkan Lampiran II (butir 44-49: jenis, nomor, tahun, data "
     "pengundangan; DH-007, DH-014). Per pasangan: DH-013 tanda pisah/tanda hubung berspasi pada 'Undang-Undang' (017 "
     "Alor, 029 Gorontalo, 032 Pacitan): tipografi kata yang sama, katanya benar; BHS-012 kata tersambung atau terpenggal "
     "(026 Surabaya 'UndangUndang', 079 Jawa Barat 'Perundangundangan', 106 Jawa Tengah 'PeraturanPeraturan'), kata depan "
     "dan awalan (087 Badung 'dilingkungan', 097 Bangka 'di ubah', 107 Tangerang 'diatas', 123 Sumbawa Barat 'didalam'), "
     "kata ganda (092 Banjar, 101 Mataram), salah ketik (100 Jawa Timur 'betkaitan'): ejaan, butir 242; BHS-010 koma "
     "tanpa spasi (060 Bandung, 085 Badung) dan titik di antara bulan dan tahun (066 Jawa Timur): tanda baca EYD. Sama "
     "dengan nama peraturan yang berbeda hanya karena salah eja (KON-006, DH-009, REF-011)."),
    ("BHS-009 (jenis berhuruf kecil di konsiderans)", "peringatan, bukan galat, untuk 'peraturan Bupati', 'Undang-undang' "
     "di konsiderans (pasangan 064, 086, 098): butir 243 huruf g mewajibkan huruf kapital jenis peraturan 'dalam rumusan "
     "norma'; konsiderans bukan rumusan norma. Di dasar hukum 'Undang-undang' galat sejak UU 10/2004 (butir 31), "
     "dilaporkan DH-007 saja (baris berikut)."),
    ("DH-007, BHS-009 ('Undang-undang' di Mengingat)", "satu cacat, satu temuan: sebelumnya BHS-009 (galat) dan DH-007 "
     "(peringatan) sama-sama melaporkan 'Undang-undang' pada satu butir dasar hukum, masing-masing dengan perbaikannya. "
     "Pemiliknya DH-007: butir 46 ('Penulisan jenis Peraturan Perundang-undangan … diawali dengan huruf kapital. Contoh: "
     "Undang-Undang, …') terletak di bagian Dasar Hukum Lampiran II (butir 28-52), sedangkan butir 243 huruf g (BHS-009) "
     "berlaku 'dalam rumusan norma' dan butir 44 hanya untuk frasa nama UUD (DH-006, yang juga melaporkan 'Undang-undang "
     "Dasar'). Katalog rujukan menaruh kasus ini pada BHS-009 dengan butir 44; teks undang-undang (UU 12/2011 Lampiran II, "
     "butir 44-46 tidak diubah UU 13/2022) yang menang. Tingkatnya galat, seperti dalam katalog untuk kedua aturan (butir "
     "46; UU 10/2004 Lampiran butir 31: 'Penulisan undang–undang, kedua huruf u ditulis dengan huruf kapital'); naskah "
     "sebelum 1 November 2004 info. Ejaan jenis yang lain pada DH-007 (huruf kapital semua, 'Undang Undang' dalam rantai "
     "perubahan) tetap peringatan."),
    ("REF-012", "peringatan: tahun peraturan yang dikutip sesudah tahun penetapan biasanya salah ketik tahun, tetapi "
     "naskah yang disusun ulang dari naskah lama juga menampakkannya."),
    ("PNT-006", "galat untuk 'SEKRETARIS DAERAH,' tanpa nama daerah (sebelumnya peringatan): butir 167-169 dan katalog "
                "memberi galat; Perbup Tulungagung 33/2022 dicatat sebagai cacat sumber."),
    ("DH-008", "kutipan UU/PP/Perda yang ditulis tangan tanpa Lembaran kini galat, seperti dalam katalog; data di luar "
               "kurung galat; kutipan yang tampak terpotong (kurung tak tertutup, tanpa 'tentang': salinan rusak atau impor) "
               "peringatan."),
    ("DH-009, REF-011 (nama)", "nama yang berbeda dari registry atau dari sebutan lain dalam dokumen hanya karena salah "
     "eja, kata yang bukan kata (salah baca salinan OCR: 'hceh', 'Huten'), kata ganda, spasi atau tanda baca adalah "
     "peringatan, seperti ejaan pada BHS-012 (sesi rulesdate); kata lain ('Pertimbangan' untuk 'Perimbangan', "
     "'Pemerintah' untuk 'Pemerintahan'), kata yang hilang atau ditambah tetap galat."),
    ("DH-008, DH-014 (undang-undang 1950)", "undang-undang tahun 1950 atau sebelumnya diumumkan dalam Berita Negara "
     "menurut tanggal (UU 13/1950, UU 14/1950: 'Berita Negara Republik Indonesia tanggal 8 Agustus 1950'); Lembaran Negara "
     "dan Tambahan yang diminta butir 47 tidak ada baginya, maka kutipan tanpa data atau dengan bentuk lain hanya "
     "peringatan. DH-009: kurung data pengundangan milik peraturan itu sendiri adalah yang tahunnya sama dengan tahun "
     "peraturan; judul yang menyebut peraturan lain dengan kurungnya (UU 27/1959 tentang Penetapan UU Darurat 3/1953 …) "
     "tidak membuktikan tahun Lembaran yang keliru."),
    ("DH-013", "peringatan: tipografi kutipan (tanda hubung berspasi, kata ganda, spasi) beragam dalam praktik; data yang "
               "keliru di baliknya dinilai DH-009, DH-014 dan DH-015."),
    ("DH-015", "galat untuk UU/Perppu/PP tanpa Tambahan Lembaran Negara (butir 47 mewajibkannya); peringatan untuk Perda "
               "tanpa Tambahan Lembaran Daerah (Perda lama tidak mempunyai Tambahan)."),
    ("DH-017", "galat untuk kata bentuk kutipan ('Tentang', 'Sebagaimana'); peringatan untuk kata tugas kapital di "
               "dalam nama yang tidak ada di registry, karena nama resmi peraturan lama kadang menulisnya kapital "
               "('Pengangkatan Pegawai Negeri Sipil Dalam Jabatan Struktural')."),
    ("DIK-003", "tidak lagi galat palsu bila nama itu sendiri memuat 'Nomor … Tahun … tentang' (Perbup pelaksanaan Perda "
                "bernama, setiap perubahan): yang diperiksa hanya bagian jenis sebelum 'TENTANG' nama."),
    ("FIN-001/FIN-002", "galat pada naskah final (butir 164, 167, 172: tanggal, nama, nomor Berita Daerah ditulis); "
                        "peringatan bila seluruh blok penetapan dan pengundangan kosong (naskah impor tidak lengkap), "
                        "sama seperti PNT-007."),
    ("FIN-003", "galat, tetapi hanya untuk 'build': lambang adalah sifat keluaran (profil tanpa berkas gambar), bukan "
                "teks. 'check' atas naskah impor yang profilnya tanpa gambar tetap memberi JUD-008 (info)."),
]


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _order(rule) -> tuple:
    family = rule.id.split("-")[0]
    keys = list(FAMILIES)
    return (keys.index(family) if family in keys else len(keys), rule.id)


def _example(label: str, text: str) -> list[str]:
    if not text:
        return []
    if "\n" in text:
        return [f"{label}:", "", "```text", text, "```", ""]
    return [f"{label}: `{text}`", ""]


def render(rules) -> str:
    ordered = sorted(rules.values(), key=_order)
    lines = [
        "# Aturan pemeriksaan Tata Naskah",
        "",
        "<!-- Dibuat oleh `python -m legaldraft.rules.docs` dari registry aturan; jangan disunting tangan. -->",
        "",
        f"`legaldraft check` menjalankan {len(ordered)} aturan. Setiap aturan mempunyai id tetap, tingkat bawaan "
        "(galat/error, peringatan/warning, info), sumber (butir UU 12/2011 Lampiran II sebagaimana diubah UU 13/2022, "
        "kecuali disebut lain) dan tanda verifikasi sumber (P, P\\*, S, U).",
        "",
        "Tingkat dapat diubah per daerah (`aturan:` di profil), per proyek (`.legaldraft.yaml` di folder spec atau "
        "folder induknya sampai akar proyek, yaitu folder yang memuat `.git`: `aturan: {KON-005: off, BT-009: error}` dan `abaikan:` dengan `alasan`), dan per spec "
        "(`abaikan: [{aturan: …, alasan: …}]`).",
        "",
        "| id | tingkat | aturan | sumber | ver | berlaku untuk |",
        "|---|---|---|---|---|---|",
    ]
    for r in ordered:
        lines.append(f"| [{r.id}](#{r.id.lower()}) | {r.severity.value} | {_cell(r.title)} | {_cell(r.source)} | "
                     f"{r.verification} | {', '.join(r.applies_to)} |")
    lines += ["", "## Keputusan tingkat (kalibrasi terhadap sumber)", ""]
    lines += [f"- **{rule_id}**: {' '.join(text.split())}" for rule_id, text in DECISIONS]
    lines += _dated_forms()
    family = None
    for r in ordered:
        current = r.id.split("-")[0]
        if current != family:
            family = current
            lines += ["", f"## {FAMILIES.get(family, family)} ({family})"]
        lines += ["", f"### {r.id}", "", f"**{r.title}** — tingkat bawaan: {r.severity.value}; sumber: {r.source} "
                  f"(verifikasi {r.verification}: {VERIFICATION.get(r.verification, '-')})", "", " ".join(r.explanation.split()), ""]
        if r.since:
            lines += [since_line(r), ""]
        lines += dated_lines(r.id)
        lines += _example("Salah", r.wrong) + _example("Benar", r.right)
    return "\n".join(lines).rstrip() + "\n"


def since_line(r) -> str:
    """The day from which a dated rule (``since``) holds a document to it."""
    return f"Berlaku untuk naskah yang ditetapkan sejak {r.since:%d-%m-%Y}; naskah yang lebih dahulu hanya diberi info."


def dated_lines(rule_id: str) -> list[str]:
    from .dated import FORMS  # the table of legaldraft.rules.dated

    out = [f"Bentuk menurut tanggal: {' '.join(form.form.split())} — dituntut sejak {form.day:%d-%m-%Y} ({form.source}); "
           f"{form.earlier}" for form in FORMS if rule_id in form.rules]
    return [line for text in out for line in (text, "")]


def _dated_forms() -> list[str]:
    from .dated import FORMS  # the table of legaldraft.rules.dated

    lines = ["", "## Bentuk menurut tanggal penetapan", "",
             "Naskah tidak diminta memakai bentuk yang belum ditetapkan pada hari ia ditetapkan. Temuan atas bentuk di bawah "
             "ini pada naskah yang pasti ditetapkan sebelum tanggalnya (tanggal penetapan, atau tahunnya bila tanggal tidak "
             "diketahui) hanya info, dengan sumbernya disebut. Sumber dibaca dari teksnya (UU 10/2004, UU 12/2011, UU 23/2014: "
             "salinan mblonyox/data-peraturan; Keppres 44/1999: salinan publik); bila katalog rujukan dan sumber berbeda, "
             "sumber yang menang.", "",
             "| bentuk | aturan | dituntut sejak | ditetapkan oleh | sebelumnya |", "|---|---|---|---|---|"]
    for form in FORMS:
        lines.append(f"| {_cell(form.form)} | {', '.join(form.rules)} | {form.day:%d-%m-%Y} ({_cell(form.since.why)}) | "
                     f"{_cell(form.source)} | {_cell(form.before)} |")
    from .dated import AUDIT_2022  # with FORMS above: read only when the docs are written

    lines += ["", "Aturan lain yang sumbernya menyebut butir yang disisipkan UU 13/2022 tetapi tidak meminta dari naskah lama "
              "sesuatu yang baru (audit; alasan dalam bahasa Inggris dari legaldraft.rules.dated):", ""]
    lines += [f"- **{rule_id}**: {_cell(why)}" for rule_id, why in sorted(AUDIT_2022.items())]
    return lines


def current() -> str:
    return render(load_rules())


def write(path: Path = DEFAULT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(current(), encoding="utf-8")
    return path


if __name__ == "__main__":
    target = write(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
    print(f"ditulis: {target}")

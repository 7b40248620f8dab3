"""Judul rules: JUD-* (butir 2-9). The renderer writes the judul from ``jenis``, the profile, ``nomor``,
``tahun`` and ``tentang``; these rules check what the drafter writes there, and guard the generated lines."""
from __future__ import annotations

import re

from ..naskah.numbers import ordinal
from ..spec.loader import to_spec_dict
from .dated import RANCANGAN
from .engine import UU_13_2022, Finding, Fix, load_rules, rule
from .text import PARTICLES as TITLE_PARTICLES

SRC = "UU 12/2011 Lampiran II"
#: kinds a rule may apply to (legaldraft.naskah.jenis): Perbup (with Pedoman), the amending kinds (their judul,
#: Mengingat item of the amended Perbup and batang tubuh are generated), and Keputusan
from ..naskah.jenis import ALL_KINDS, PERATURAN, PERATURAN_KINDS  # noqa: E402,F401  (re-exported to the rule modules)
_CLOSING_PUNCT = re.compile(r"[\s.,;:]+$")


def blocks_styled(ctx, style: str) -> list:
    """Assembled blocks of one named style, in document order (shared by the rules that guard the renderer)."""
    return [b for b in ctx.outline if b.style == style]


def judul_lines(ctx) -> list[str]:
    """The judul lines before the pembukaan (without RANCANGAN)."""
    lines = [b.text for b in blocks_styled(ctx, "LD Judul")]
    if lines and lines[0] == "RANCANGAN":
        lines = lines[1:]
    return lines[:4]


def check_tentang_punctuation(ctx) -> None:
    tentang = ctx.doc.tentang
    if tentang.rstrip()[-1:] in (".", ",", ";", ":"):
        fixed = _CLOSING_PUNCT.sub("", tentang)
        ctx.report("nama peraturan/keputusan diakhiri tanda baca", ctx.doc, "tentang", tentang[-40:],
                   "hapus tanda baca di akhir 'tentang'", Fix(("tentang",), fixed, "hapus tanda baca di akhir judul"))


@rule("JUD-001", "error", "Judul memuat jenis dan nama daerah, nomor, tahun, 'TENTANG', dan nama",
      f"{SRC} butir 2 (diubah UU 13/2022)",
      "Judul berbunyi 'PERATURAN BUPATI [DAERAH]' / 'NOMOR n TAHUN yyyy' / 'TENTANG' / nama. Baris-baris ini dibuat "
      "dari profil daerah dan spec; aturan ini menjaga agar nama daerah dan urutan baris tidak hilang.",
      wrong="PERATURAN BUPATI / NOMOR 5 TAHUN 2024 / TENTANG / ...",
      right="PERATURAN BUPATI PURWAKARTA / NOMOR 5 TAHUN 2024 / TENTANG / ...", applies_to=PERATURAN_KINDS)
def judul_parts(ctx):
    lines = judul_lines(ctx)
    daerah = ctx.profile.nama.upper()
    problems = []
    if len(lines) < 4:
        problems.append("baris judul tidak lengkap")
    else:
        jenis, nomor, tentang_label, nama = lines
        if not (jenis.startswith(ctx.profile.formula.nama_jenis_peraturan.upper()) and jenis.endswith(daerah)):
            problems.append(f"baris jenis '{jenis}' tidak memuat jenis dan nama daerah '{daerah}'")
        if not re.fullmatch(r"NOMOR \S+ TAHUN \S+", nomor):
            problems.append(f"baris nomor '{nomor}' tidak berbentuk 'NOMOR n TAHUN yyyy'")
        if tentang_label != "TENTANG" or not nama:
            problems.append("baris 'TENTANG' dan nama tidak lengkap")
    for problem in problems:
        ctx.report(problem, ctx.doc, "tentang", " / ".join(lines), "periksa profil daerah (nama, formula) dan 'tentang'")


@rule("JUD-002", "error", "Judul berhuruf kapital tanpa tanda baca di akhir; nama ditulis dengan huruf awal kapital",
      f"{SRC} butir 3, 4; butir 23, 58 (nama yang sama di konsiderans dan 'Menetapkan')",
      "Nama peraturan dalam judul ditulis seluruhnya dengan huruf kapital, di tengah, tanpa diakhiri tanda baca. "
      "legaldraft menulisnya dengan huruf kapital; 'tentang' di spec tidak boleh diakhiri titik atau koma. Di spec, nama "
      "yang juga dicetak di butir penutup konsiderans dan di batang tubuh ditulis dengan huruf awal kapital pada setiap "
      "kata kecuali kata tugas yang tidak di awal ('Tata Cara Penerapan Sanksi dalam Pelindungan Hak Penyandang "
      "Disabilitas'); kata berhuruf kecil atau kata tugas berhuruf kapital di situ hanya peringatan (ejaan).",
      wrong="tentang: Tata Cara Penerapan Sanksi Dalam pelindungan hak penyandang disabilitas.",
      right="tentang: Tata Cara Penerapan Sanksi dalam Pelindungan Hak Penyandang Disabilitas", applies_to=PERATURAN)
def judul_form(ctx):
    check_tentang_punctuation(ctx)
    for line in judul_lines(ctx):
        if line != line.upper():
            ctx.report(f"baris judul '{line[:60]}' tidak seluruhnya huruf kapital", ctx.doc, "tentang", line[:60],
                       "periksa templat dan profil daerah")
    nama = ctx.doc.tentang.strip().rstrip(".,;:")
    if nama and nama != nama.upper() and not (nama.startswith("(") and nama.endswith(")")):  # '(judul tidak terbaca)'
        wanted = nama_case(nama)
        if wanted != nama:
            ctx.report(f"nama '{nama[:60]}' tidak ditulis dengan huruf awal kapital (kata tugas huruf kecil)", ctx.doc,
                       "tentang", nama[:60], f"tulis '{wanted}'", Fix(("tentang",), wanted, "huruf awal kapital pada nama"),
                       severity="warning")


#: words that keep their case in a nama: abbreviations, numbers, words with inner capitals or digits
_KEEP = re.compile(r"^(?:[A-Z0-9/().,-]{2,}|.*\d.*|[a-z]+[A-Z].*)$")


def nama_case(nama: str) -> str:
    """'Tata Cara Penerapan Sanksi Dalam pelindungan hak' -> 'Tata Cara Penerapan Sanksi dalam Pelindungan Hak': every
    word with a capital initial except particles that do not open the nama; abbreviations and numbers kept."""
    out = []
    for i, word in enumerate(nama.split()):
        bare = word.strip("(),")
        if _KEEP.match(bare):
            out.append(word)
        elif i > 0 and bare.lower() in TITLE_PARTICLES:
            out.append(word.lower())
        elif "-" in word:  # 'Perundang-undangan', 'Daerah-daerah': the second element keeps its case
            head, _, tail = word.partition("-")
            out.append(head[:1].upper() + head[1:] + "-" + tail)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


@rule("JUD-003", "error", "Nomor Peraturan berupa angka Arab saja", f"{SRC} butir 2a (disisipkan UU 13/2022)",
      "Nomor Peraturan Bupati adalah bilangan Arab tanpa huruf, angka Romawi, tanda baca, atau kode tata naskah "
      "dinas. Penomoran Keputusan diatur tersendiri (KEP-003).",
      wrong="nomor: 188/12/HK/2024", right="nomor: 12", applies_to=PERATURAN_KINDS, since=UU_13_2022)
def nomor_arabic(ctx):
    nomor = ctx.doc.nomor
    if nomor is not None and not re.fullmatch(r"[1-9]\d*", nomor.strip()):
        ctx.report(f"nomor '{nomor}' bukan angka Arab saja", ctx.doc, "nomor", nomor,
                   "tulis nomor urut Peraturan Bupati saja, mis. 'nomor: 12'")


@rule("JUD-004", "error", "Rancangan bertanda RANCANGAN tanpa nomor; naskah final bernomor dan bertahun",
      f"{SRC} butir 4a (disisipkan UU 13/2022)",
      "Rancangan memuat kata RANCANGAN di atas judul dan nomor serta tahun ditulis '...'; naskah final tidak memuat "
      "RANCANGAN dan harus bernomor dan bertahun. Nomor yang diisi pada rancangan tidak dicetak (peringatan).",
      wrong="status: final  (nomor: null)", right="status: final, nomor: 12, tahun: 2024", applies_to=ALL_KINDS)
def status_nomor(ctx):
    doc = ctx.doc
    if doc.is_rancangan:
        if doc.nomor:
            ctx.report("rancangan berisi nomor; nomor tidak dicetak sampai status 'final'", doc, "nomor", doc.nomor,
                       "kosongkan 'nomor' atau ubah 'status: final' bila sudah ditetapkan", severity="warning", since=RANCANGAN)
        return
    missing = [name for name in ("nomor", "tahun") if not getattr(doc, name)]
    if ctx.is_keputusan and doc.nomor and "/" in doc.nomor and "tahun" in missing:
        missing.remove("tahun")  # a tata naskah dinas number carries its year
    for name in missing:
        ctx.report(f"naskah berstatus final tetapi '{name}' kosong", doc, name, "",
                   f"isi '{name}' dari register Bagian Hukum, atau kembalikan 'status: rancangan'")


_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z0-9\-]{1,14})\)")


@rule("JUD-005", "warning", "Nama peraturan tanpa singkatan atau akronim tambahan", f"{SRC} butir 5 (diubah UU 13/2022)",
      "Nama dalam judul tidak ditambah singkatan atau akronim dalam kurung, kecuali istilah asing yang tidak ada "
      "padanannya, istilah teknis baku, atau istilah standar internasional.",
      wrong="Sistem Layanan Rujukan Terpadu (SLRT)", right="Sistem Layanan Rujukan Terpadu")
def no_acronym(ctx):
    m = _ACRONYM.search(ctx.doc.tentang)
    if m:
        fixed = _ACRONYM.sub("", ctx.doc.tentang).strip()
        ctx.report(f"nama memuat singkatan '({m.group(1)})'", ctx.doc, "tentang", m.group(0).strip(),
                   "hapus singkatan dari judul; definisikan di Ketentuan Umum", Fix(("tentang",), fixed, "hapus singkatan dari judul"))


_PERUBAHAN = re.compile(r"^Perubahan(?:\s+(\w+))?\s+[Aa]tas\s+(.+)$", re.S)
_AMENDED = re.compile(r"Peraturan (?:Bupati|Wali ?[Kk]ota|Gubernur)(?: [A-Z][\w ]*?)? Nomor (\d+) Tahun (\d{4})")


def amended_perbup(tentang: str) -> tuple[str | None, str, int] | None:
    """(ordinal word or None, nomor, tahun) of the Perbup an amending Perbup names in its judul."""
    m = _PERUBAHAN.match(tentang.strip())
    if not m:
        return None
    target = _AMENDED.match(m.group(2))
    if not target:
        return None
    return m.group(1), target.group(1), int(target.group(2))


@rule("JUD-006", "error", "Judul perubahan: 'Perubahan atas', 'Perubahan Kedua atas' …", f"{SRC} butir 6, 7, 9",
      "Perubahan pertama berjudul 'Perubahan atas …' (tanpa 'Pertama'); perubahan berikutnya 'Perubahan Kedua atas', "
      "'Perubahan Ketiga atas' dan seterusnya, dengan urutan sama dengan jumlah perubahan sebelumnya ditambah satu; "
      "perubahan terdahulu tidak disebut dalam judul. Pencabutan diawali 'Pencabutan'.",
      wrong="Perubahan Pertama atas Peraturan Bupati Nomor 3 Tahun 2020 tentang …",
      right="Perubahan atas Peraturan Bupati Nomor 3 Tahun 2020 tentang …", applies_to=PERATURAN)
def perubahan_title(ctx):
    tentang = ctx.doc.tentang.strip()
    m = _PERUBAHAN.match(tentang)
    if not m:
        return
    word = m.group(1)
    if word and word.lower() in ("pertama", "kesatu"):
        fixed = re.sub(r"^Perubahan\s+\w+\s+", "Perubahan ", tentang)
        ctx.report(f"perubahan pertama tidak memakai kata '{word}'", ctx.doc, "tentang", tentang[:60],
                   "tulis 'Perubahan atas …'", Fix(("tentang",), fixed, f"hapus '{word}' dari judul perubahan"))
    if "sebagaimana telah diubah" in m.group(2):
        ctx.report("judul perubahan menyebut perubahan terdahulu", ctx.doc, "tentang", tentang[:60],
                   "sebut hanya peraturan yang diubah; urutan perubahan dinyatakan dengan 'Kedua', 'Ketiga' …")
    target = amended_perbup(tentang)
    if not target:
        return
    key = ctx.registry.find("perbup", target[1], target[2])
    if key is None:
        return
    prior = len(ctx.registry.chain(key, ctx.doc.penetapan.tanggal))
    expected = "" if prior == 0 else ordinal(prior + 1)
    if (word or "").lower() != expected.lower() and (word or "").lower() not in ("pertama", "kesatu"):
        want = f"Perubahan {expected} atas" if expected else "Perubahan atas"
        ctx.report(f"peraturan yang diubah sudah {prior} kali diubah menurut registry; judul seharusnya '{want} …'",
                   ctx.doc, "tentang", tentang[:60], f"tulis '{want} …'")


@rule("JUD-007", "info", "Judul perubahan boleh dengan atau tanpa nama daerah",
      f"{SRC} butir 6 contoh b; Perbup Luwu Timur 7/2016, Perbup Bangli 36/2019",
      "Contoh Lampiran II tidak menyebut nama daerah pada judul yang diubah; Perbup yang diundangkan melakukan "
      "keduanya. Keduanya diterima; info ini hanya mengingatkan agar konsisten dengan dasar hukum.",
      verification="P/S", applies_to=PERATURAN)
def perubahan_daerah(ctx):
    target = amended_perbup(ctx.doc.tentang)
    if target and ctx.profile.nama.lower() not in ctx.doc.tentang.lower():
        ctx.report("judul perubahan tidak menyebut nama daerah peraturan yang diubah (diterima)", ctx.doc, "tentang",
                   ctx.doc.tentang[:60], "boleh dibiarkan; samakan dengan praktik daerah")


@rule("JUD-008", "info", "Kop: lambang negara di atas 'BUPATI [DAERAH]'",
      "Perbup yang diundangkan (Bangli 36/2019, Demak 25/2020); Permendagri 54/2009 Pasal 62",
      "Kop Peraturan Bupati memuat lambang negara (Garuda Pancasila, emas) di tengah atas. Bila profil daerah belum "
      "menyebut berkas lambang, rancangan dan naskah kerja memuat tempat kosong bertanda; naskah final tidak dibangun "
      "tanpa lambang (FIN-003) dan, bila tetap dibangun atas keputusan penyusun, tidak memuat tempat bertanda itu.",
      verification="S/U", applies_to=ALL_KINDS)
def lambang(ctx):
    if not ctx.doc.is_rancangan and not ctx.doc.is_naskah_kerja and not ctx.profile.lambang and not getattr(ctx, "for_build", False):  # FIN-003's
        ctx.report("profil daerah tidak menyebut berkas lambang; kop naskah final berisi tempat kosong", ctx.doc,
                   "daerah", "", "isi 'lambang:' di profil daerah dengan path gambar Garuda Pancasila")


@rule("JUD-009", "warning", "Satu nomor dan tahun, satu naskah: dua naskah final yang sama nomornya berisi teks yang sama",
      "Register nomor produk hukum Bagian Hukum (praktik); UU 12/2011 Lampiran II butir 4a",
      "Dalam satu proyek (spec yang diperiksa bersama), dua spec berstatus final dengan jenis, daerah, nomor dan tahun "
      "yang sama tetapi berbeda isi berarti salah satunya bukan naskah yang ditetapkan. Naskah kerja yang disiapkan "
      "untuk perubahan ditandai 'status: revisi' (dicetak 'NASKAH KERJA — bukan naskah resmi').",
      wrong="slrt-revisi.yaml: status: final, nomor: 12, tahun: 2026 (isi berbeda dari slrt-2026.yaml)",
      right="slrt-revisi.yaml: status: revisi", applies_to=ALL_KINDS)
def nomor_ganda(ctx):
    """Checked across the specs of one run (:func:`same_number`), not inside one document."""


def _series(doc) -> tuple:
    # Peraturan Bupati of every kind share one number series; Keputusan have their own
    return ("keputusan" if doc.jenis == "keputusan" else "peraturan", doc.daerah, str(doc.nomor), doc.tahun)


def same_number(loaded) -> dict:
    """JUD-009 over ``loaded`` [(path, doc)]: {path: [Finding]} for final specs that share a number but not a text."""

    rule_obj = load_rules()["JUD-009"]
    groups: dict[tuple, list] = {}
    for path, doc in loaded:
        if doc.status.value == "final" and doc.nomor and doc.tahun:
            groups.setdefault(_series(doc), []).append((path, doc, to_spec_dict(doc)))
    out: dict = {}
    for (_, _, nomor, tahun), members in groups.items():
        for path, doc, text in members:
            others = [str(p) for p, _, t in members if p != path and t != text]
            if not others:
                continue
            ctx = doc._context
            if ctx is not None and (ctx.profile.aturan.get("JUD-009") == "off"):
                continue
            message = (f"{doc.nama_jenis} Nomor {nomor} Tahun {tahun} juga ada di {', '.join(others)} dengan isi berbeda; "
                       "hanya satu yang naskah ditetapkan")
            position = ctx.position(("nomor",)) if ctx is not None else None
            out.setdefault(path, []).append(Finding(rule_obj, rule_obj.severity, message, ("nomor",), str(nomor),
                                                    "tandai naskah kerja perubahan dengan 'status: revisi'", None,
                                                    str(path), position))
    return out

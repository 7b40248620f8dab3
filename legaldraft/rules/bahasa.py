"""Bahasa rules: BHS-* (standard language of norms: no informal abbreviations, 'paling …' limits, dan/atau,
modal words, capitals of jenis peraturan) and text hygiene."""
from __future__ import annotations

import re

from ..model import Ayat, Diktum, Pasal
from .engine import UU_13_2022, rule
from .text import (ALL_KINDS, NORM_PARTS, Hit, around, cached_texts, fold_case, masked, matching, needs, phrase_scanner,
                   report_hits, run_scanner)

SRC = "UU 12/2011 Lampiran II"
ALL = None  # every drafted text of the document

INFORMAL = {"dll": "dan lain-lain", "dsb": "dan sebagainya", "dst": "dan seterusnya", "yg": "yang", "dgn": "dengan",
            "utk": "untuk", "tsb": "tersebut", "spt": "seperti", "krn": "karena", "thd": "terhadap", "tdk": "tidak",
            "sbg": "sebagai", "dlm": "dalam", "pd": "pada"}
_INFORMAL = re.compile(r"(?<![\w-])(" + "|".join(INFORMAL) + r")\b\.?", re.I)
scan_informal = phrase_scanner(
    _INFORMAL, lambda m: f"singkatan tidak baku '{m.group(0)}'", lambda m: f"tulis '{INFORMAL[m.group(1).lower()]}'",
    lambda m: INFORMAL[m.group(1).lower()], words=tuple(INFORMAL))

LIMITS = {"selambat-lambatnya": "paling lambat", "secepat-cepatnya": "paling cepat", "sekurang-kurangnya": "paling sedikit",
          "sebanyak-banyaknya": "paling banyak", "setinggi-tingginya": "paling tinggi", "serendah-rendahnya": "paling rendah",
          "selama-lamanya": "paling lama", "sesingkat-singkatnya": "paling singkat", "sedikit-dikitnya": "paling sedikit"}
_LIMITS = re.compile(r"\b(" + "|".join(LIMITS) + r")\b", re.I)
_MAKSIMAL = re.compile(r"\bmaksimal\b", re.I)


def _same_case(original: str, replacement: str) -> str:
    return replacement[0].upper() + replacement[1:] if original[:1].isupper() else replacement


_scan_limit_words = phrase_scanner(_LIMITS, lambda m: f"'{m.group(0)}' untuk batas",
                                   lambda m: f"tulis '{LIMITS[m.group(1).lower()]}'",
                                   lambda m: _same_case(m.group(1), LIMITS[m.group(1).lower()]))


@needs(_LIMITS, _MAKSIMAL, words=(*LIMITS, "maksimal"))
def scan_limits(text: str) -> list[Hit]:
    hits = _scan_limit_words(text)
    view = masked(text)
    if "maksimal" in fold_case(view):  # the case-insensitive regex only where the word is
        hits += [Hit("'maksimal' untuk batas atas", around(text, m.start(), m.end()),
                     "tulis 'paling banyak' (uang, jumlah) atau 'paling tinggi'/'paling lama'")
                 for m in _MAKSIMAL.finditer(view)]
    return hits


_BROAD = re.compile(r"\b(?:antara\s+lain|(?:namun|tetapi)\s+tidak\s+terbatas\s+pada)\b", re.I)
scan_broad = phrase_scanner(_BROAD, lambda m: f"'{m.group(0)}' dalam rumusan norma",
                            lambda m: "sebut rinciannya secara lengkap; 'antara lain' hanya di Penjelasan",
                            words=("antara", "terbatas"))

_OPENING_CONJUNCTION = re.compile(r"^\s*(Dan|Serta|Tetapi|Akan\s+tetapi|Namun|Sehingga|Atau|Sedangkan|Melainkan)\b")

_AND_OR = re.compile(r"\bdan\s*/\s+atau\b|\bdan\s+/\s*atau\b|\bdan\s+atau\b|\batau\s*/\s*dan\b", re.I)
scan_and_or = phrase_scanner(_AND_OR, lambda m: f"'{m.group(0)}' ditulis tidak baku", lambda m: "tulis 'dan/atau'",
                             lambda m: "dan/atau", words=("atau",))

MODALS = {"diwajibkan": "wajib", "diharuskan": "wajib/harus", "tidak diperbolehkan": "dilarang",
          "tidak diperkenankan": "dilarang", "diperbolehkan": "dapat", "diperkenankan": "dapat", "tidak boleh": "dilarang"}
_MODALS = re.compile(r"\b(" + "|".join(sorted(MODALS, key=len, reverse=True)) + r")\b", re.I)
scan_modals = phrase_scanner(_MODALS, lambda m: f"kata '{m.group(0)}'",
                             lambda m: f"gunakan '{MODALS[m.group(1).lower()]}' (berhak, berwenang, dapat, wajib, harus, dilarang)",
                             severity="info", words=tuple(MODALS))

LEXICAL_REDUPLICATION = frozenset(
    "masing sehari kupu laki undang kura mata sia tiba hati baik pura ragu rata kira lebih benar sama "
    "paling cumi biri anak oleh ubun alun gotong jalan siap".split())
_REDUP = re.compile(r"\b([a-z]{3,})-\1\b")


@needs(_REDUP, words=("-",))
def scan_plurals(text: str) -> list[Hit]:
    return [Hit(f"kata ulang jamak '{m.group(0)}'", around(text, m.start(), m.end()), f"tulis '{m.group(1)}'", severity="info")
            for m in _REDUP.finditer(masked(text)) if m.group(1) not in LEXICAL_REDUPLICATION]


# an office named after the Bupati ('wakil bupati') is capitalised as a whole ('Wakil Bupati'): it is not the
# Bupati, so a fix of 'bupati' alone ('wakil Bupati') would change who is meant
_OFFICE = r"(?i:wakil|penjabat|pelaksana\s+tugas|staf\s+ahli)\s+(?i:bupati)\b"
_JENIS_CASE = re.compile(r"\b" + _OFFICE +
                         r"|\b(?:Undang-undang|undang-Undang|undang-undang(?!an))\b|\b[Pp]eraturan\s+bupati\b|\bperaturan\s+Bupati\b"
                         r"|\b[Kk]eputusan\s+bupati\b|\bkeputusan\s+Bupati\b|(?<![\w-])bupati\b"
                         # the same jenis of a kota and a provinsi ('peraturan wali kota', 'Keputusan gubernur')
                         r"|\b(?:[Pp]eraturan|[Kk]eputusan)\s+(?:wali\s+kota|walikota|gubernur)\b"
                         r"|\b(?:peraturan|keputusan)\s+(?:Wali\s+Kota|Walikota|Gubernur)\b")


#: what every 'Undang-undang' of _JENIS_CASE matches (a word boundary follows it there, so never 'undang-undangan')
_UNDANG = re.compile(r"undang-undang(?!an)", re.I)


def _may_miscase(view: str) -> bool:
    """What a match of :data:`_JENIS_CASE` needs, tested by substring search (the regex is slow on every text): 'bupati',
    'wali' or 'gubernur' in lowercase; 'peraturan'/'keputusan' in lowercase with 'Bupati', 'Wali' or 'Gubernur'; an
    office before 'bupati' ('wakil', 'penjabat', 'pelaksana tugas', 'staf ahli'); or 'Undang-undang'."""
    if "bupati" in view or "wali" in view or "gubernur" in view:
        return True
    if ("peraturan" in view or "keputusan" in view) and ("Bupati" in view or "Wali" in view or "Gubernur" in view):
        return True
    low = fold_case(view)
    if "bupati" in low and ("wakil" in low or "penjabat" in low or "tugas" in low or "ahli" in low):
        return True
    return _UNDANG.search(view) is not None


def _capitalised(word: str) -> str:
    if word.lower().startswith("undang-undang"):
        return "Undang-Undang"
    return " ".join(w[:1].upper() + w[1:] for w in word.split())


@needs(_JENIS_CASE, words=("bupati", "wali", "gubernur"), phrases=(_UNDANG,))
def scan_jenis_case(text: str) -> list[Hit]:
    view = masked(text)
    if not _may_miscase(view):
        return []
    hits = []
    for m in _JENIS_CASE.finditer(view):
        if m.group(0) == "undang-undang" and view[max(0, m.start() - 3): m.start()].lower().endswith("per"):
            continue
        good = _capitalised(m.group(0))
        if good == m.group(0):
            continue  # an office already written 'Wakil Bupati'
        hits.append(Hit(f"'{m.group(0)}' ditulis tanpa huruf awal kapital", around(text, m.start(), m.end()), f"tulis '{good}'",
                        _JENIS_CASE.sub(lambda x: _capitalised(x.group(0)) if x.group(0) != "undang-undang" or
                                        not text[max(0, x.start() - 3): x.start()].lower().endswith("per") else x.group(0), text),
                        fix_description="huruf awal kapital jenis peraturan/jabatan"))
    return hits


_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)|[ \t]+$|^[ \t]+", re.M)
#: a comma glued to the next word (',perlu', ',Tambahan'), a full stop between a word and a year ('Agustus.2008')
_GLUED_PUNCT = re.compile(r",(?=[A-Za-z])|(?<=[a-z]{3})\.(?=\d{4}\b)")


def _may_have_spaces(text: str) -> bool:
    """What :data:`_SPACES` needs (two spaces, or a space or tab at the start or end of a line), tested by substring
    search: the regex reads every text much slower."""
    return ("  " in text or text[:1] in (" ", "\t") or text[-1:] in (" ", "\t") or " \n" in text or "\t\n" in text
            or "\n " in text or "\n\t" in text)


def scan_hygiene(text: str) -> list[Hit]:
    hits = []
    if _may_have_spaces(text) and _SPACES.search(text):
        m = _SPACES.search(text)
        fixed = re.sub(r"(?<=\S) {2,}(?=\S)", " ", text).strip()
        hits.append(Hit("spasi ganda atau spasi di ujung teks", around(text, m.start(), m.end()), "hapus spasi berlebih", fixed,
                        fix_description="hapus spasi berlebih"))
    view = masked(text)
    glued = _GLUED_PUNCT.search(view)
    if glued:
        fixed = _GLUED_PUNCT.sub(lambda m: m.group(0) + " " if m.group(0) == "," else " ", text)
        hits.append(Hit(f"tanda baca tanpa spasi: '{around(text, glued.start(), glued.end(), 8)}'",
                        around(text, glued.start(), glued.end()), "tulis spasi setelah koma; tanpa titik di tengah tanggal",
                        fixed, "warning", "spasi setelah tanda baca"))
    if '"' in text and ("“" in text or "”" in text):  # straight and curly quotes both
        hits.append(Hit("tanda kutip lurus dan lengkung bercampur", text[:60], "pakai satu jenis tanda kutip"))
    return hits


@rule("BHS-001", "error", "Tanpa singkatan tidak baku (dll, dsb, yg, utk, …)", f"{SRC} butir 242, 243 huruf a-b, 246 (penafsiran)",
      "Bahasa peraturan adalah bahasa Indonesia baku yang lugas dan pasti; singkatan tidak baku seperti dll, dsb, dst, "
      "yg, dgn, utk, tsb, spt, krn dan thd tidak dipakai di bagian mana pun.",
      wrong="sarana, prasarana, dll.", right="sarana dan prasarana", applies_to=ALL_KINDS)
def informal(ctx):
    run_scanner(ctx, scan_informal, ALL)


@rule("BHS-002", "warning", "Batas memakai 'paling …'", f"{SRC} butir 255, 256, 256a",
      "Batas waktu, jumlah dan ukuran memakai 'paling singkat/lama' (jangka waktu), 'paling lambat/cepat' (batas "
      "waktu), 'paling sedikit/banyak' (uang, jumlah), 'paling rendah/tinggi' (ukuran lain); 'minimal' untuk kriteria "
      "minimum. Bukan selambat-lambatnya, sekurang-kurangnya, sebanyak-banyaknya, setinggi-tingginya atau maksimal.",
      wrong="selambat-lambatnya 7 (tujuh) hari", right="paling lambat 7 (tujuh) hari", applies_to=ALL_KINDS)
def limits(ctx):
    run_scanner(ctx, scan_limits, NORM_PARTS + ("lampiran",))


@rule("BHS-003", "warning", "Tanpa 'antara lain' dalam norma", f"{SRC} butir 270b (UU 13/2022)",
      "Rumusan norma dalam pasal atau ayat tidak memakai 'antara lain' atau 'namun tidak terbatas pada'; keduanya "
      "boleh dipakai dalam Penjelasan.",
      wrong="Fungsi SLRT antara lain:", right="Fungsi SLRT meliputi:", applies_to=ALL_KINDS, since=UU_13_2022)
def broad(ctx):
    run_scanner(ctx, scan_broad)


@rule("BHS-004", "warning", "Norma tidak diawali kata sambung", f"{SRC} butir 270a (UU 13/2022; salinan OCR)",
      "Rumusan norma (pasal, ayat, diktum) tidak diawali kata sambung seperti Dan, Serta, Tetapi, Namun atau Sehingga.",
      wrong="(3) Serta Dinas melaporkan hasilnya kepada Bupati.", right="(3) Dinas melaporkan hasilnya kepada Bupati.",
      verification="P*", since=UU_13_2022)
def opening_conjunction(ctx):
    for node in ctx.of(Pasal, Ayat, Diktum):
        if node.teks:
            m = _OPENING_CONJUNCTION.match(node.teks)
            if m:
                ctx.report(f"norma diawali kata sambung '{m.group(1)}'", node, "teks", node.teks[:60],
                           "rumuskan norma sebagai kalimat yang berdiri sendiri")


@rule("BHS-005", "warning", "'dan/atau' ditulis baku", f"{SRC} butir 262-264",
      "Kata 'dan/atau' ditulis rapat dengan garis miring, bukan 'dan / atau' atau 'dan atau'. 'dan' untuk kumulatif, "
      "'atau' untuk alternatif, 'dan/atau' untuk keduanya.",
      wrong="menyediakan dan / atau menerbitkan", right="menyediakan dan/atau menerbitkan", applies_to=ALL_KINDS)
def and_or(ctx):
    run_scanner(ctx, scan_and_or, ALL)


@rule("BHS-006", "info", "Kata modal baku: berhak, berwenang, dapat, wajib, harus, dilarang", f"{SRC} butir 265-270",
      "Hak dirumuskan dengan 'berhak', kewenangan 'berwenang', diskresi 'dapat', kewajiban 'wajib', syarat 'harus', "
      "larangan 'dilarang'. 'diwajibkan', 'diharuskan', 'tidak diperbolehkan' ditandai.",
      wrong="Pemohon diwajibkan melampirkan …", right="Pemohon wajib melampirkan …", applies_to=ALL_KINDS)
def modals(ctx):
    run_scanner(ctx, scan_modals)


@rule("BHS-007", "info", "Kata benda tidak diulang untuk jamak", f"{SRC} butir 243 huruf f",
      "Kata benda tidak diulang untuk menyatakan jamak ('buku', bukan 'buku-buku'); kata ulang leksikal seperti "
      "sehari-hari, masing-masing dan kupu-kupu dikecualikan.",
      wrong="tugas-tugas lain", right="tugas lain", applies_to=ALL_KINDS)
def plurals(ctx):
    run_scanner(ctx, scan_plurals)


@rule("BHS-009", "warning", "Huruf awal kapital untuk jenis peraturan dan jabatan; 'Undang-Undang'",
      f"{SRC} butir 243 huruf g; 46",
      "Jenis peraturan, nama jabatan dan lembaga ditulis dengan huruf awal kapital (Bupati, Peraturan Bupati), "
      "'Undang-Undang' dengan dua U kapital, dalam norma, konsiderans, Memperhatikan, lampiran dan penjelasan. Dasar "
      "hukum (Mengingat) tidak diperiksa di sini: 'Undang-undang' di sana dilaporkan satu kali, oleh DH-007 (butir 46, "
      "bagian Dasar Hukum; galat) atau, pada nama UUD, oleh DH-006 (butir 44).",
      wrong="ditetapkan dengan peraturan bupati", right="ditetapkan dengan Peraturan Bupati", applies_to=ALL_KINDS)
def jenis_case(ctx):
    run_scanner(ctx, scan_jenis_case, NORM_PARTS + ("konsiderans", "lampiran", "penjelasan", "memperhatikan"))


@rule("BHS-010", "info", "Kebersihan teks: spasi ganda, spasi di ujung, tanda kutip campuran, tanda baca tanpa spasi",
      "tanpa sumber hukum (katalog Tata Naskah §12, catatan kebersihan teks); EYD V (tanda baca)",
      "Spasi ganda, spasi di awal atau akhir teks dan campuran tanda kutip lurus dan lengkung tidak terlihat di layar "
      "tetapi mengganggu tata letak dan pencarian (info). Koma yang langsung diikuti kata (',perlu', ',Tambahan') dan "
      "titik di antara bulan dan tahun ('Agustus.2008') terlihat di naskah cetak (peringatan).",
      wrong="Dinas  melaksanakan tugas. ", right="Dinas melaksanakan tugas.", verification="U", applies_to=ALL_KINDS)
def hygiene(ctx):
    found = cached_texts(ctx, ALL)
    glued = {id(entry) for entry in matching(ctx, found, (_GLUED_PUNCT,))}  # the masked texts the regex may match
    for entry in found:
        node, field, text = entry
        # what each of the scanner's findings needs: spaces, a glued comma or full stop, straight and curly quotes
        if id(entry) in glued or _may_have_spaces(text) or ('"' in text and ("“" in text or "”" in text)):
            hits = scan_hygiene(text)
            if hits:
                report_hits(ctx, node, field, hits)

"""Bilangan rules: BIL-*. Numbers in norms are written as digits followed by words in parentheses
("14 (empat belas) hari"), Rupiah as "Rp1.500.000,00 (satu juta lima ratus ribu rupiah)", percentages
as "50% (lima puluh persen)"."""
from __future__ import annotations

import re
from functools import lru_cache

from ..naskah.numbers import bulan, terbilang
from .engine import Fix, rule
from .text import cached_texts, ALL_TEXT_FIELDS, ALL_KINDS, Hit, around, masked, needs, run_scanner

SRC = "UU 12/2011 Lampiran II"
_WORDS = r"\(\s*([a-z][a-z ]*?)\s*\)"
_DIGITS_WORDS = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*(?:%|persen)?\s*" + _WORDS)
_NUMBER = re.compile(r"(?<![\w./,\-])\d+(?:[.,]\d+)*(?![\w/\-])")
_DIGIT = re.compile(r"\d")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_EXEMPT_BEFORE = re.compile(r"(?:Pasal|ayat|huruf|angka|Nomor|nomor|No\.?|Tahun|BAB|Bab|Lampiran|Paragraf|Seri|pukul|jam|"
                            r"tanggal|RT|RW|NIP|NIK|[Kk]ode|Rp\.?|ke-|[Tt]ahap|[Kk]elas)\s*:?\s*$", re.I)
# "Pasal 5 dan 6", "angka 2, 3, dan 4": the numbers after the first continue a reference (REF-007's business)
_REFERENCE_LIST = re.compile(r"\b(?:Pasal|ayat|angka|Nomor)\s+\d+(?:\s*,\s*\d+)*\s*(?:,\s*)?(?:dan|atau|sampai\s+dengan|,)\s*$", re.I)
@lru_cache(maxsize=1)
def _month_after() -> re.Pattern:
    return re.compile(r"\s+(?:" + "|".join(bulan()) + r")\b")
_RUPIAH = re.compile(r"Rp(?P<sep>\.?\s*)(?P<num>\d[\d.]*\d|\d)(?P<cents>,\d{2})?(?P<words>\s*\([a-z ]+\))?")
_PERCENT = re.compile(r"(?<![\w.,])(?P<num>\d+(?:[.,]\d+)?)(?P<space>\s*)(?P<sign>%|persen\b)(?P<words>\s*\([a-z ]+\))?")


_BRACKET_AFTER = re.compile(r"\s*(?:\(|%|persen\b|\))")
_MARKER_AFTER = re.compile(r"[.)]\s")
_SPACE_DIGIT_AFTER = re.compile(r"\s+\d")


def _exempt_before(before: str) -> bool:
    """:data:`_EXEMPT_BEFORE` searched in the tail of ``before`` that can hold its match (the keyword, at most 8
    letters, then only spaces and one colon): the same answer without reading the whole text before every number."""
    stripped = before.rstrip()
    if stripped.endswith(":"):
        stripped = stripped[:-1].rstrip()
    return _EXEMPT_BEFORE.search(before, max(0, len(stripped) - 10)) is not None


def _reference_list_before(before: str) -> bool:
    """:data:`_REFERENCE_LIST` in ``before``; its match ends with 'dan', 'atau', 'dengan' or ',' and spaces."""
    if not before.rstrip()[-6:].lower().endswith(("dan", "atau", "dengan", ",")):
        return False
    return _REFERENCE_LIST.search(before) is not None


def _digit_then_space(before: str) -> bool:
    """``re.search(r"\\d\\s+$", before)``: the last character that is not a space is a digit, and spaces follow."""
    stripped = before.rstrip()
    return len(stripped) < len(before) and stripped[-1:].isdecimal()


def _value(digits: str) -> int:
    return int(digits.replace(".", ""))


def spell(integer: int, decimals: str | None = None) -> str:
    """'2', '5' -> 'dua koma lima'; decimals read digit by digit."""
    words = terbilang(integer)
    if decimals and decimals.strip("0"):
        words += " koma " + " ".join(terbilang(int(d)) for d in decimals)
    return words


def thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@rule("BIL-002", "error", "Terbilang sesuai dengan angka", f"{SRC} butir 86",
      "Bilangan dalam kurung harus mengeja angka di depannya dengan tepat (juga untuk Rupiah dan persen).",
      wrong="14 (empat) hari", right="14 (empat belas) hari", applies_to=ALL_KINDS)
def words_match(ctx):
    for node, field, text in cached_texts(ctx, None, ALL_TEXT_FIELDS):
        if "(" not in text:
            continue  # no terbilang here: the regex needs '(' (and reads the text much slower than 'in')
        for m in _DIGITS_WORDS.finditer(text):
            n = _value(m.group(1))
            words = re.sub(r"\s+", " ", m.group(3).strip())
            words = re.sub(r" (rupiah|persen)$", "", words)
            expected = spell(n, m.group(2))
            if words != expected and words.replace("satu ratus", "seratus").replace("satu ribu", "seribu") != expected:
                fixed = text[: m.start(3)] + expected + _unit_tail(m.group(3)) + text[m.end(3):]
                ctx.report(f"'{m.group(0)}': terbilang tidak sesuai, seharusnya '{expected}'", node, field,
                           m.group(0), f"tulis '{expected}'", Fix(node.loc + (field,), fixed, "perbaiki terbilang"))


def _unit_tail(words: str) -> str:
    m = re.search(r" (rupiah|persen)\s*$", words)
    return f" {m.group(1)}" if m else ""


@needs(_DIGIT)
def scan_bare_numbers(text: str) -> list[Hit]:
    view = masked(text)
    hits = []
    for m in _NUMBER.finditer(view):
        token, end = m.group(0), m.end()
        if not _THOUSANDS.fullmatch(token):
            continue  # a code or time: 08.00, 1.2.3
        if _BRACKET_AFTER.match(view, end) or view[m.start() - 1: m.start()] == "(":
            continue
        before = view[: m.start()]
        if _exempt_before(before) or _reference_list_before(before) or _month_after().match(view, end):
            continue
        if _MARKER_AFTER.match(view, end) and (m.start() == 0 or view[m.start() - 1] == "\n"):
            continue  # a list marker typed at the start of a line ("1. Informasi …"), not a quantity
        if _digit_then_space(before) or _SPACE_DIGIT_AFTER.match(view, end):
            continue  # one group of a spaced code: "NIP 19640119 198508 1 003"
        integer, _, decimals = token.partition(",")
        n = _value(integer)
        if len(token) == 4 and 1900 <= n <= 2100:
            continue  # a year
        words = spell(n, decimals)
        fixed = text[: m.end()] + f" ({words})" + text[m.end():]
        hits.append(Hit(f"bilangan '{token}' tanpa terbilang", around(text, m.start(), m.end()), f"tulis '{token} ({words})'",
                        fixed, fix_description="tambah terbilang"))
    return hits


@rule("BIL-001", "error", "Bilangan ditulis dengan angka dan huruf", f"{SRC} butir 86",
      "Bilangan dalam pasal atau ayat ditulis dengan angka diikuti huruf dalam kurung, misalnya '14 (empat belas) "
      "hari'. Tidak termasuk: penomoran Pasal/ayat/huruf/angka/BAB, nomor dan tahun peraturan, tanggal dan tahun, "
      "kode, NIP dan nomor rekening, serta isi tabel.",
      wrong="paling lama 14 hari kerja", right="paling lama 14 (empat belas) hari kerja", applies_to=ALL_KINDS)
def digits_need_words(ctx):
    run_scanner(ctx, scan_bare_numbers)


@needs(words=("Rp",), cased=True)
def scan_rupiah(text: str) -> list[Hit]:
    view = masked(text)
    hits = []
    canonical = _RUPIAH.sub(lambda x: _canonical_rupiah(x), text)
    for m in _RUPIAH.finditer(view):
        n = _value(m.group("num"))
        where = around(text, m.start(), m.end())
        if not m.group("words"):
            hits.append(Hit(f"jumlah Rupiah '{m.group(0).strip()}' tanpa terbilang", where,
                            f"tulis 'Rp{thousands(n)},00 ({terbilang(n)} rupiah)'", canonical,
                            fix_description="Rupiah dengan terbilang"))
        if m.group("sep"):
            hits.append(Hit(f"'Rp' diikuti titik atau spasi: '{m.group(0)[:12]}'", where, "tulis 'Rp' langsung diikuti angka",
                            canonical, "warning", "tulis 'Rp' tanpa titik/spasi"))
        if m.group("num") != thousands(n) or not m.group("cents"):
            hits.append(Hit(f"penulisan angka Rupiah '{m.group('num')}{m.group('cents') or ''}'", where,
                            f"tulis 'Rp{thousands(n)},00' (titik pemisah ribuan, ',00')", canonical, "warning",
                            "format angka Rupiah"))
    return hits


def _canonical_rupiah(m: re.Match) -> str:
    n = _value(m.group("num"))
    words = m.group("words") or f" ({terbilang(n)} rupiah)"
    return f"Rp{thousands(n)},00{words}"


@rule("BIL-003", "error", "Rupiah: 'Rp' + angka + ',00' + terbilang 'rupiah'",
      f"UU 12/2011 Pasal 15 ayat (2); {SRC} contoh butir 255; butir 270c (UU 13/2022)",
      "Jumlah uang ditulis 'Rp' tanpa titik dan spasi, angka dengan titik pemisah ribuan dan ',00', lalu terbilang "
      "yang diakhiri 'rupiah' dalam kurung. Terbilang yang hilang: galat; 'Rp.', 'Rp ' dan format angka: peringatan "
      "(dijumpai pada dokumen yang diundangkan).",
      wrong="insentif sebesar Rp. 500000", right="insentif sebesar Rp500.000,00 (lima ratus ribu rupiah)", applies_to=ALL_KINDS)
def rupiah(ctx):
    run_scanner(ctx, scan_rupiah)


@needs(words=("%", "persen"), cased=True)
def scan_percent(text: str) -> list[Hit]:
    view = masked(text)
    hits = []
    for m in _PERCENT.finditer(view):
        number = m.group("num").replace(".", ",")
        integer, _, decimals = number.partition(",")
        words = m.group("words") or f" ({spell(int(integer), decimals)} persen)"
        good = f"{number}%{words}"
        if m.group(0) == good:
            continue
        fixed = text[: m.start()] + good + text[m.end():]
        hits.append(Hit(f"penulisan persen '{m.group(0).strip()}'", around(text, m.start(), m.end()), f"tulis '{good.strip()}'",
                        fixed, fix_description="persen dengan terbilang"))
    return hits


@rule("BIL-004", "warning", "Persen: '50% (lima puluh persen)', desimal dengan koma",
      f"{SRC} butir 86 (bilangan diikuti kata dalam kurung); EYD V (desimal dengan koma)",
      "Persentase ditulis dengan angka dan tanda '%' diikuti terbilang '… persen' dalam kurung; bilangan desimal "
      "memakai koma ('2,5') dan ribuan memakai titik.",
      wrong="paling sedikit 20 persen", right="paling sedikit 20% (dua puluh persen)", applies_to=ALL_KINDS)
def percent(ctx):
    run_scanner(ctx, scan_percent)

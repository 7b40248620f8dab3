"""Indonesian numerals as legal drafting writes them: Roman BAB numbers, ordinal words (Bagian Kesatu,
Diktum KESATU), list markers by depth (a. -> 1. -> a) -> 1), butir 87), terbilang ("14 (empat belas)")
and dates ("22 Juli 2011")."""
from __future__ import annotations

import datetime as dt
import string
from functools import lru_cache

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
@lru_cache(maxsize=1)
def bulan() -> tuple[str, ...]:
    """Indonesian month names from the CLDR data in babel ('Januari' … 'Desember'), read on first use."""
    from babel.dates import get_month_names  # lazy: start-up time (babel's locale data)

    return tuple(get_month_names("wide", locale="id")[m] for m in range(1, 13))


def __getattr__(name):  # PEP 562: BULAN, the month names, without loading babel at import
    if name == "BULAN":
        return list(bulan())
    raise AttributeError(name)


def roman(n: int) -> str:
    if n <= 0:
        raise ValueError("roman numerals start at 1")
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def from_roman(text: str) -> int | None:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    text = text.upper()
    if not text or any(c not in values for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        v = values[c]
        total += -v if i + 1 < len(text) and values[text[i + 1]] > v else v
    return total if roman(total) == text else None


@lru_cache(maxsize=4096)
def terbilang(n: int) -> str:
    """Indonesian number words, via num2words: 14 -> 'empat belas', 1000 -> 'seribu'."""
    from num2words import num2words  # lazy: start-up time

    return num2words(n, lang="id")


def ordinal(n: int) -> str:
    """1 -> 'Kesatu', 2 -> 'Kedua', 12 -> 'Kedua Belas' (Bagian; Diktum uses .upper())."""
    if n == 1:
        return "Kesatu"
    words = terbilang(n)
    return ("Ke" + words).title() if " " not in words else " ".join(
        ["Ke" + words.split(" ")[0]] + words.split(" ")[1:]).title()


@lru_cache(maxsize=1)
def _ordinal_values() -> dict[str, int]:
    return {ordinal(n).lower(): n for n in range(1, 200)}


def from_ordinal(words: str) -> int | None:
    """'Kedua' -> 2, 'KEDUA BELAS' -> 12 (any case, spaces as written by :func:`ordinal`); None for other words.
    The table is made on first use: num2words is not loaded at import."""
    return _ordinal_values().get(" ".join(words.split()).lower())


def letters(i: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa (a list longer than 26 items is rare but must not break)."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = string.ascii_lowercase[r] + s
    return s


def marker(depth: int, index: int) -> str:
    """List marker by depth (butir 87 huruf g, h): a. -> 1. -> a) -> 1)."""
    kind = depth % 4
    if kind == 0:
        return f"{letters(index)}."
    if kind == 1:
        return f"{index + 1}."
    if kind == 2:
        return f"{letters(index)})"
    return f"{index + 1})"


def marker_word(depth: int) -> str:
    """How a reference names an item at that depth: 'huruf' for letters, 'angka' for numbers."""
    return "huruf" if depth % 2 == 0 else "angka"


def tanggal(d: dt.date | None, kosong: str = "") -> str:
    if d is None:
        return kosong
    from babel.dates import format_date  # lazy: start-up time

    return format_date(d, "d MMMM y", locale="id")


BULAN_HIJRIAH = ["Muharram", "Safar", "Rabiul Awal", "Rabiul Akhir", "Jumadil Awal", "Jumadil Akhir", "Rajab",
                 "Syakban", "Ramadhan", "Syawal", "Zulkaidah", "Zulhijjah"]


def tanggal_hijriah(d: dt.date) -> str:
    """'16 Muharram 1438' (Umm al-Qura, via hijridate), for daerah that date in Masehi and Hijriah (Aceh)."""
    from hijridate import Gregorian  # lazy: start-up time

    h = Gregorian(d.year, d.month, d.day).to_hijri()
    return f"{h.day} {BULAN_HIJRIAH[h.month - 1]} {h.year}"


def bilangan(n: int, satuan: str = "") -> str:
    """'14 (empat belas) hari' (butir 86)."""
    tail = f" {satuan}" if satuan else ""
    return f"{n} ({terbilang(n)}){tail}"

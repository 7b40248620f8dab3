"""Pengacuan rules: REF-*. References written as ``[[id]]`` are generated right; these rules read the
references a drafter typed literally ("Pasal 7 ayat (2)") and the wording around them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from ..model import Pasal
from ..naskah import rumusan
from ..naskah.numbers import from_roman, ordinal
from ..naskah.numbering import REF
from .engine import rule
from .text import (cached_texts, containing, fold_case, ALL_KINDS, NORM_PARTS, Hit, around, masked, needs, phrase_scanner,
                   run_scanner)

SRC = "UU 12/2011 Lampiran II"
REF_PARTS = NORM_PARTS + ("penjelasan",)
UNIT = r"(?:Pasal|ayat|huruf|angka)"
_REGULATION = r"(?:Undang|Peraturan|Keputusan|Instruksi|Qanun|UU\b|PP\b|Perpres|Permen|Perda|Perkada|Pergub|Perbup)"
# a chain of further references, then the name of a regulation: the reference is external
_EXTERNAL = re.compile(r"(?:(?:\s*,\s*|\s+)(?:dan\s+|atau\s+|sampai\s+dengan\s+)?" + UNIT + r"\s+[\w()]+)*\s*,?\s+" + _REGULATION)
LITERAL = re.compile(
    r"\bPasal\s+(?P<pasal>\d+)(?P<sisip>[A-Z])?(?:\s+ayat\s+\((?P<ayat>\d+)\))?(?:\s+huruf\s+(?P<huruf>[a-z]))?(?:\s+angka\s+(?P<angka>\d+))?"
    r"|\bayat\s+\((?P<ayat_only>\d+)\)(?:\s+huruf\s+(?P<huruf2>[a-z]))?(?:\s+angka\s+(?P<angka2>\d+))?(?:\s+(?P<sini>Pasal\s+ini))?"
    r"|\bDiktum\s+(?P<diktum>[A-Z]{4,})\b"
    r"|\bLampiran\s+(?P<lampiran>[IVXLC]+)\b")


#: every match of LITERAL holds one of these words as written
LITERAL_WORDS = ("Pasal", "ayat", "Diktum", "Lampiran")


@dataclass
class Literal:
    """A written reference in a text and its span."""

    text: str
    start: int
    end: int
    pasal: Optional[int]     # None: the Pasal the text is written in
    ayat: Optional[int]
    huruf: Optional[str]
    angka: Optional[int]
    diktum: Optional[str] = None
    lampiran: Optional[str] = None


def literal_references(text: str) -> Iterator[Literal]:
    """Internal references typed in ``text`` (external ones, followed by a regulation's name, left out)."""
    view = masked(text)
    for m in LITERAL.finditer(view):
        if _EXTERNAL.match(view, m.end()):
            continue
        g = m.groupdict()
        if g["pasal"] and g["sisip"]:
            continue  # "Pasal 5A" belongs to a perubahan
        if g["diktum"]:
            yield Literal(m.group(0), m.start(), m.end(), None, None, None, None, diktum=g["diktum"])
        elif g["lampiran"]:
            yield Literal(m.group(0), m.start(), m.end(), None, None, None, None, lampiran=g["lampiran"])
        elif g["pasal"]:
            yield Literal(m.group(0), m.start(), m.end(), int(g["pasal"]), g["ayat"] and int(g["ayat"]), g["huruf"],
                          g["angka"] and int(g["angka"]))
        else:
            yield Literal(m.group(0), m.start(), m.end(), None, int(g["ayat_only"]), g["huruf2"], g["angka2"] and int(g["angka2"]))


def _pasals(ctx) -> dict[int, Pasal]:
    """Pasal by number (built once per check run)."""
    cache = ctx.__dict__.setdefault("_pasal_numbers", {})
    if not cache:
        cache.update({int(u.number): u.node for u in ctx.numbering.units.values() if u.kind == "pasal"})
    return cache


def _pasal_of(ctx, node) -> Optional[Pasal]:
    unit = ctx.numbering.owner(node)
    return unit.pasal if unit else None


def _missing(ctx, ref: Literal, here: Optional[Pasal]) -> Optional[str]:
    """Why ``ref`` points at nothing, or None when it resolves."""
    if ref.diktum is not None:
        labels = [ordinal(i + 1).upper() for i in range(len(getattr(ctx.doc, "diktum", [])) + 1)]
        return None if ref.diktum in labels else f"Diktum {ref.diktum} tidak ada (diktum: {labels[0]} sampai {labels[-1]})"
    if ref.lampiran is not None:
        n = from_roman(ref.lampiran)
        count = len(ctx.doc.lampiran)
        return None if n and n <= count else f"Lampiran {ref.lampiran} tidak ada (lampiran: {count})"
    if ctx.is_keputusan:
        return None
    pasals = _pasals(ctx)
    pasal = pasals.get(ref.pasal) if ref.pasal is not None else here
    if pasal is None:
        return f"Pasal {ref.pasal} tidak ada (Peraturan ini memuat {len(pasals)} pasal)" if ref.pasal else None
    items = pasal.rincian
    if ref.ayat is not None:
        if ref.ayat > len(pasal.ayat):
            return f"ayat ({ref.ayat}) tidak ada di Pasal tersebut (ayat: {len(pasal.ayat)})"
        items = pasal.ayat[ref.ayat - 1].rincian
    if ref.huruf is not None:
        index = ord(ref.huruf) - ord("a")
        if index >= len(items):
            return f"huruf {ref.huruf} tidak ada (rincian: {len(items)} butir)"
        items = items[index].rincian
    if ref.angka is not None:
        count = len(pasal.definisi) if (ref.huruf is None and ref.ayat is None and pasal.definisi) else len(items)
        if ref.angka > count:
            return f"angka {ref.angka} tidak ada"
    return None


@rule("REF-001", "error", "'sebagaimana dimaksud dalam Pasal …' dan 'sebagaimana dimaksud pada ayat …'",
      f"{SRC} butir 272; contoh butir 80, 84",
      "Rujukan ke pasal lain memakai 'sebagaimana dimaksud dalam Pasal …'; rujukan ke ayat dalam pasal yang sama "
      "memakai 'sebagaimana dimaksud pada ayat (…)'. Tulis [[dimaksud id]] agar kata depannya dipilih otomatis.",
      wrong="sebagaimana dimaksud pada Pasal 5", right="sebagaimana dimaksud dalam Pasal 5", applies_to=ALL_KINDS)
def preposition(ctx):
    run_scanner(ctx, scan_preposition, REF_PARTS + ("konsiderans",))


_PADA_PASAL = re.compile(r"\bdimaksud\s+pada\s+(?=(?:Pasal|BAB|Lampiran)\b)")
#: 'sebagaimana dimaksud huruf a' / 'dimaksud Pasal 5': the preposition is missing
_NO_PREPOSITION = re.compile(r"\bdimaksud\s+(?=(?:Pasal|huruf|angka|BAB|Lampiran|Diktum)\s)")
_DALAM_AYAT = re.compile(r"\bdimaksud\s+dalam\s+(?=ayat\s+\(\d+\)(?![^;:.]*?\bPasal\s+\d))")


@needs(words=("dimaksud",), cased=True)
def scan_preposition(text: str) -> list[Hit]:
    view = masked(text)
    hits = []
    for m in _PADA_PASAL.finditer(view):
        hits.append(Hit("rujukan ke pasal lain memakai 'pada'", around(text, m.start(), m.end() + 10),
                        "tulis 'sebagaimana dimaksud dalam Pasal …' atau [[dimaksud id]]",
                        _PADA_PASAL.sub("dimaksud dalam ", text), fix_description="'pada Pasal' -> 'dalam Pasal'"))
    for m in _NO_PREPOSITION.finditer(view):
        hits.append(Hit("rujukan tanpa kata depan: 'dimaksud' langsung diikuti unitnya", around(text, m.start(), m.end() + 10),
                        "tulis 'sebagaimana dimaksud dalam …'", _NO_PREPOSITION.sub("dimaksud dalam ", text),
                        fix_description="'dimaksud' -> 'dimaksud dalam'"))
    for m in _DALAM_AYAT.finditer(view):
        hits.append(Hit("rujukan ke ayat dalam pasal yang sama memakai 'dalam'", around(text, m.start(), m.end() + 10),
                        "tulis 'sebagaimana dimaksud pada ayat (…)' atau [[dimaksud id]]",
                        _DALAM_AYAT.sub("dimaksud pada ", text), fix_description="'dalam ayat' -> 'pada ayat'"))
    return hits


@rule("REF-002", "error", "Unit yang dirujuk ada", f"{SRC} butir 272, 280",
      "Setiap Pasal, ayat, huruf, angka dan Lampiran (dan Diktum dalam Keputusan) yang dirujuk harus ada. Rujukan yang "
      "diketik sebagai teks tidak ikut berubah bila pasal disisipkan; tulis [[id]] agar nomor selalu benar. 'ayat (n)' "
      "dalam pasal yang ditulis tanpa 'ayat:' hanya peringatan (ayatnya mungkin diketik di dalam teks, hasil impor).",
      wrong="sebagaimana dimaksud dalam Pasal 12 (Peraturan hanya memuat 9 pasal)",
      right="sebagaimana dimaksud dalam [[pasal-tugas]]")
def references_exist(ctx):
    for node, field, text in containing(ctx, cached_texts(ctx, REF_PARTS), LITERAL_WORDS, cased=True):
        here = _pasal_of(ctx, node)
        for ref in literal_references(text):
            why = _missing(ctx, ref, here)
            if why:
                # "ayat (1)" inside a Pasal written without ayat: the ayat may be typed into its text (an import)
                unsure = ref.pasal is None and ref.ayat is not None and here is not None and not here.ayat
                ctx.report(f"rujukan '{ref.text}': {why}", node, field, around(text, ref.start, ref.end),
                           "tulis rujukan sebagai [[id]] unit yang dimaksud, agar nomornya dihitung otomatis",
                           severity="warning" if unsure else None)


_LOWER_PASAL = re.compile(r"\bpasal(?=\s+\d)")
_AYAT_NO_BRACKETS = re.compile(r"\bayat\s+(\d+)\b")  # 'ayat 1' for 'ayat (1)'
_UPPER_UNIT = re.compile(r"(?<=[\w,)]\s)(Ayat|Huruf|Angka)(?=\s+(?:\(\d+\)|[a-z]\b|\d+\b))")


@needs(words=("pasal", "ayat", "Ayat", "Huruf", "Angka"), cased=True)
def scan_unit_case(text: str) -> list[Hit]:
    view = masked(text)
    hits = []
    for m in _LOWER_PASAL.finditer(view):
        hits.append(Hit("'pasal' dalam rujukan ditulis dengan huruf kecil", around(text, m.start(), m.end() + 4),
                        "tulis 'Pasal' dengan P kapital", _LOWER_PASAL.sub("Pasal", text), None, "'pasal' -> 'Pasal'"))
    for m in _AYAT_NO_BRACKETS.finditer(view):
        hits.append(Hit(f"nomor ayat tanpa tanda kurung: '{m.group(0)}'", around(text, m.start(), m.end() + 4),
                        f"tulis 'ayat ({m.group(1)})'", _AYAT_NO_BRACKETS.sub(lambda x: f"ayat ({x.group(1)})", text),
                        fix_description="nomor ayat dalam tanda kurung"))
    for m in _UPPER_UNIT.finditer(view):
        hits.append(Hit(f"'{m.group(1)}' dalam rujukan ditulis dengan huruf kapital", around(text, m.start(), m.end() + 4),
                        f"tulis '{m.group(1).lower()}'", _UPPER_UNIT.sub(lambda x: x.group(1).lower(), text),
                        fix_description="ayat/huruf/angka huruf kecil"))
    return hits


@rule("REF-003", "error", "'Pasal' berhuruf awal kapital; 'ayat', 'huruf', 'angka' huruf kecil", f"{SRC} butir 80, 84",
      "Dalam rujukan, di konsiderans juga, kata 'Pasal' diawali huruf kapital, 'ayat', 'huruf' dan 'angka' ditulis dengan "
      "huruf kecil, dan nomor ayat ditulis dalam tanda kurung ('ayat (1)'). 'pasal' berhuruf kecil dijumpai pada naskah "
      "yang diundangkan (Perbup Tulungagung 33/2022 Pasal 15 ayat (1): 'dalam pasal 3 huruf b'), tetapi butir 80 dan 84 "
      "menetapkan bentuknya, maka galat (issue 13).", wrong="sebagaimana dimaksud dalam pasal 3 Huruf b; Pasal 78 ayat 1",
      right="sebagaimana dimaksud dalam Pasal 3 huruf b; Pasal 78 ayat (1)", applies_to=ALL_KINDS)
def unit_case(ctx):
    run_scanner(ctx, scan_unit_case, REF_PARTS + ("konsiderans",))


_PASAL_INI = re.compile(r"(\bayat\s+\(\d+\))\s+[Pp]asal\s+ini\b")
scan_pasal_ini = phrase_scanner(
    _PASAL_INI, lambda m: f"rujukan '{m.group(0)}' ke ayat dalam pasal yang sama", lambda m: f"tulis '{m.group(1)}' saja",
    lambda m: m.group(1), words=("ayat",))


@rule("REF-004", "error", "Tanpa 'ayat (1) Pasal ini'", f"{SRC} butir 275",
      "Rujukan ke ayat dalam pasal yang sama tidak ditambah 'Pasal ini'.",
      wrong="sebagaimana dimaksud pada ayat (1) Pasal ini", right="sebagaimana dimaksud pada ayat (1)", applies_to=ALL_KINDS)
def pasal_ini(ctx):
    run_scanner(ctx, scan_pasal_ini, REF_PARTS)


_VAGUE = re.compile(r"\b(?:[Pp]asal|ayat|huruf|ketentuan)\s+(?:terdahulu|sebelumnya|di\s+atas|di\s+bawah\s+ini)\b"
                    r"|\btersebut\s+di\s+(?:atas|bawah)\b", re.I)
scan_vague = phrase_scanner(_VAGUE, lambda m: f"rujukan tanpa nomor '{m.group(0)}'",
                            lambda m: "sebut unit yang dimaksud dengan [[id]] (mis. 'sebagaimana dimaksud dalam Pasal 3')",
                            words=("terdahulu", "sebelumnya", "atas", "bawah"))


@rule("REF-005", "error", "Rujukan selalu menyebut nomor", f"{SRC} butir 280",
      "Jangan memakai 'pasal terdahulu', 'pasal tersebut di atas' atau rujukan lain tanpa nomor.",
      wrong="sesuai dengan pasal terdahulu", right="sebagaimana dimaksud dalam Pasal 3", applies_to=ALL_KINDS)
def vague(ctx):
    run_scanner(ctx, scan_vague, REF_PARTS)


def _runs(unit: str) -> re.Pattern:
    num = r"\(\d+\)" if unit == "ayat" else r"\d+"
    item = unit + r"\s+" + num
    return re.compile(rf"\b{item}(?:\s*,\s*{item})+\s*,?\s+dan\s+{item}")


_RUNS = {unit: _runs(unit) for unit in ("Pasal", "ayat")}


@needs(words=("Pasal", "ayat"), cased=True)
def scan_consecutive(text: str) -> list[Hit]:
    view = masked(text)
    hits = []
    for unit, pattern in _RUNS.items():
        for m in pattern.finditer(view):
            numbers = [int(n) for n in re.findall(r"\d+", m.group(0))]
            if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
                first, last = (f"({numbers[0]})", f"({numbers[-1]})") if unit == "ayat" else (numbers[0], numbers[-1])
                joined = rumusan.rentang(f"{unit} {first}", f"{unit} {last}")
                fixed = text[:m.start()] + joined + text[m.end():]
                hits.append(Hit(f"lebih dari dua {unit} berurutan disebut satu per satu", around(text, m.start(), m.end(), 5),
                                f"tulis '{joined}'", fixed, fix_description="rujukan berurutan dengan 'sampai dengan'"))
    return hits


@rule("REF-006", "warning", "Lebih dari dua unit berurutan dirujuk dengan 'sampai dengan'", f"{SRC} butir 273, 274",
      "Rujukan ke lebih dari dua pasal atau ayat berurutan ditulis 'Pasal 5 sampai dengan Pasal 9'; pengecualian "
      "memakai 'kecuali'. [[a, b, c]] pada pasal berurutan dirumuskan demikian secara otomatis.",
      wrong="Pasal 5, Pasal 6, dan Pasal 7", right="Pasal 5 sampai dengan Pasal 7", applies_to=ALL_KINDS)
def consecutive(ctx):
    run_scanner(ctx, scan_consecutive, REF_PARTS)


_BARE_LIST = re.compile(r"\b(huruf|angka|Pasal)\s+(\w+)((?:\s*,\s*\w+)*)\s*,?\s+(dan|atau)\s+(?!huruf|angka|Pasal)(\w+)\b")
_BARE_AYAT = re.compile(r"\bayat\s+(\(\d+\))((?:\s*,\s*\(\d+\))*)\s*,?\s+(dan|atau)\s+(\(\d+\))")
_NO_SERIAL = re.compile(rf"\b{UNIT}\s+[\w()]+(?:\s*,\s*{UNIT}\s+[\w()]+)+(\s+)(?:dan|atau)\s+{UNIT}\b")


def _is_marker(word: str, unit: str) -> bool:
    return bool(re.fullmatch(r"[a-z]", word) if unit == "huruf" else re.fullmatch(r"\d+", word))


@needs(words=("huruf", "angka", "Pasal", "ayat"), cased=True)
def scan_listed(text: str) -> list[Hit]:
    view = masked(text)
    hits = []
    for m in _BARE_LIST.finditer(view):
        unit, rest = m.group(1), [w.strip() for w in m.group(3).split(",") if w.strip()] + [m.group(5)]
        if not all(_is_marker(w, unit) for w in [m.group(2)] + rest):
            continue
        good = f"{unit} {m.group(2)}" + "".join(f", {unit} {w}" for w in rest[:-1])
        good += ("," if rest[:-1] else "") + f" {m.group(4)} {unit} {rest[-1]}"
        hits.append(Hit(f"kata '{unit}' tidak diulang dalam rujukan '{m.group(0)}'", around(text, m.start(), m.end(), 5),
                        f"tulis '{good}'", text[:m.start()] + good + text[m.end():], fix_description="ulangi kata unit"))
    for m in _BARE_AYAT.finditer(view):
        rest = re.findall(r"\(\d+\)", m.group(2)) + [m.group(4)]
        good = f"ayat {m.group(1)}" + "".join(f", ayat {w}" for w in rest[:-1]) + ("," if rest[:-1] else "")
        good += f" {m.group(3)} ayat {rest[-1]}"
        hits.append(Hit(f"kata 'ayat' tidak diulang dalam rujukan '{m.group(0)}'", around(text, m.start(), m.end(), 5),
                        f"tulis '{good}'", text[:m.start()] + good + text[m.end():], fix_description="ulangi kata unit"))
    for m in _NO_SERIAL.finditer(view):
        if view[m.start(1) - 1] == ",":
            continue
        fixed = text[:m.start(1)] + "," + text[m.start(1):]
        hits.append(Hit("tanpa koma sebelum 'dan' pada rujukan tiga unit atau lebih", around(text, m.start(), m.end(), 5),
                        "tambahkan koma sebelum 'dan'", fixed, fix_description="koma sebelum 'dan'"))
    return hits


@rule("REF-007", "warning", "Rujukan berderet mengulang kata unit, dengan koma sebelum 'dan'", f"{SRC} contoh butir 23, 32, 33, 80",
      "Rujukan berderet mengulang kata unitnya ('huruf a dan huruf b') dan, untuk tiga unit atau lebih, memakai koma "
      "sebelum 'dan': 'Pasal 20, Pasal 21, dan Pasal 22A'.",
      wrong="sebagaimana dimaksud dalam Pasal 3 huruf a dan b", right="sebagaimana dimaksud dalam Pasal 3 huruf a dan huruf b", applies_to=ALL_KINDS)
def listed(ctx):
    run_scanner(ctx, scan_listed, REF_PARTS)


@rule("REF-008", "warning", "Rujukan berurutan dan tidak ke pasal sesudahnya", f"{SRC} butir 276, 279",
      "Bila beberapa rujukan disebut bersama, ayat dalam pasal yang sama disebut dahulu, lalu pasal lain berurutan "
      "dari nomor kecil. Hindari merujuk pasal yang letaknya sesudah pasal yang merujuk.",
      wrong="Pasal 3: … sebagaimana dimaksud dalam Pasal 9", right="Pasal 9: … sebagaimana dimaksud dalam Pasal 3",
      applies_to=("perbup", "pedoman"))
def reference_order(ctx):
    num = ctx.numbering
    pasals = _pasals(ctx)
    number_of = {id(p): n for n, p in pasals.items()}
    texts = cached_texts(ctx, NORM_PARTS)
    # a text without '[[' and without a typed reference has no target: its regexes are skipped
    referring = {id(e) for e in containing(ctx, texts, ("[[",), cased=True, raw=True)}
    referring.update(id(e) for e in containing(ctx, texts, LITERAL_WORDS, cased=True))
    for entry in texts:
        node, field, text = entry
        here = _pasal_of(ctx, node)
        if here is None:
            continue
        mine = number_of[id(here)]
        if id(entry) not in referring:
            continue
        targets: list[tuple[int, str]] = []
        for m in REF.finditer(text):
            group = []
            for ident in (p.strip() for p in m.group(2).split(",") if p.strip()):
                unit = num.units.get(id(num.by_id.get(ident)))
                if unit is not None and unit.pasal is not None:
                    group.append((number_of[id(unit.pasal)], ident))
            targets += group
            if [n for n, _ in group] != sorted((n for n, _ in group), key=lambda n: (n != mine, n)):
                ctx.report(f"rujukan '{m.group(0)}' tidak berurutan", node, field, around(text, m.start(), m.end(), 5),
                           "sebut ayat pasal ini dahulu, lalu pasal lain dari nomor kecil")
        targets += [(ref.pasal, ref.text) for ref in literal_references(text) if ref.pasal is not None]
        later = [(n, name) for n, name in targets if n > mine]
        if later:
            ctx.report(f"Pasal {mine} merujuk Pasal {later[0][0]} yang letaknya sesudahnya", node, field, later[0][1],
                       "susun pasal sehingga rujukan mengarah ke pasal sebelumnya")


_SAVING = re.compile(r"\b(?:tanpa|dengan\s+tidak)\s+mengurangi\b|\btanpa\s+menyimpang\s+dari\b", re.I)
scan_saving = phrase_scanner(_SAVING, lambda m: f"frasa '{m.group(0)}' dalam rujukan",
                             lambda m: "rumuskan hubungan antarketentuan secara langsung (mis. 'sebagaimana dimaksud dalam …')",
                             words=("mengurangi", "menyimpang"))


@rule("REF-009", "error", "Tanpa 'tanpa mengurangi' / 'tanpa menyimpang dari'", f"{SRC} butir 251",
      "Untuk mengacu ketentuan lain tidak dipakai frasa 'tanpa mengurangi', 'dengan tidak mengurangi' atau 'tanpa "
      "menyimpang dari'.",
      wrong="Tanpa mengurangi ketentuan Pasal 5, Dinas …", right="Selain kewenangan sebagaimana dimaksud dalam Pasal 5, Dinas …", applies_to=ALL_KINDS)
def saving_clause(ctx):
    run_scanner(ctx, scan_saving, REF_PARTS)


_YANG_BERLAKU = re.compile(r"\b(?:(ketentuan)\s+)?(peraturan\s+perundang-undangan)\s+yang\s+berlaku\b", re.I)
_LOWER_REFERENCE = re.compile(r"\b(?:sebagaimana\s+dimaksud\s+dalam|berdasarkan|sesuai\s+dengan|mengacu\s+pada)\s+"
                              r"(Surat\s+Edaran|Instruksi|Nota\s+Dinas|Memorandum)\b", re.I)


@needs(words=("surat", "instruksi", "nota", "memorandum", "berlaku"))
def scan_external(text: str) -> list[Hit]:
    view = masked(text)
    low = fold_case(view)  # each regex only where its words are (they are slow on every text)
    hits = [Hit(f"rujukan ke '{m.group(1)}', yang bukan peraturan perundang-undangan", around(text, m.start(), m.end()),
                "rujuk peraturan yang setingkat atau lebih tinggi") for m in _LOWER_REFERENCE.finditer(view)] \
        if "surat" in low or "instruksi" in low or "nota" in low or "memorandum" in low else []
    for m in (_YANG_BERLAKU.finditer(view) if "berlaku" in low else ()):
        fixed = _YANG_BERLAKU.sub(lambda x: f"ketentuan {x.group(2)}", text)
        hits.append(Hit(f"'{m.group(0)}'", around(text, m.start(), m.end()),
                        "tulis 'sesuai dengan ketentuan peraturan perundang-undangan'", fixed, severity="info",
                        fix_description="'peraturan perundang-undangan yang berlaku' -> 'ketentuan peraturan perundang-undangan'"))
    return hits


@rule("REF-010", "warning", "Rujukan ke luar hanya ke peraturan yang setingkat atau lebih tinggi", f"{SRC} butir 278, 281",
      "Rujukan ke luar Peraturan Bupati hanya ke peraturan perundang-undangan yang setingkat atau lebih tinggi (bukan "
      "Surat Edaran atau Instruksi: peringatan). Peraturan yang tidak disebut namanya dirujuk dengan 'sesuai dengan "
      "ketentuan peraturan perundang-undangan' (info).",
      wrong="sesuai dengan peraturan perundang-undangan yang berlaku", right="sesuai dengan ketentuan peraturan perundang-undangan", applies_to=ALL_KINDS)
def external(ctx):
    run_scanner(ctx, scan_external, REF_PARTS)


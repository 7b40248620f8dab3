"""Ketentuan Umum rules: KU-* (placement, opening phrase, definition form, abbreviations, use of defined terms)."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from typing import Optional

from ..naskah import rumusan
from ..model import Bab, Definisi, Pasal, Tabel, walk
from .dated import WALI_KOTA_SPELLING, wali_kota_variant
from .engine import Fix, rule
from .text import cached_texts, ALL_TEXT_FIELDS, NORM_PARTS, Joined, around, masked, matching

SRC = "UU 12/2011 Lampiran II"
from ..naskah.jenis import PERATURAN  # noqa: E402
_PARSED = re.compile(r"^(?P<istilah>.+?)(?:,?\s+yang\s+selanjutnya\s+(?:disingkat|disebut)\s+(?P<singkatan>.+?),?)?\s+adalah\s", re.S)
ABBREVIATION = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*(?![\w-])")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_TWO_CAPITALS = re.compile(r"[A-Z][A-Z0-9-]*[A-Z]")
#: capitals that need no definition: identity numbers, neighbourhood units, the word BAB of a reference
COMMON = frozenset({"NIP", "NIK", "RT", "RW", "BAB"})


@dataclass
class Term:
    """One term defined in the Ketentuan Umum (istilah and singkatan)."""

    node: Definisi
    istilah: Optional[str]
    singkatan: Optional[str]


def definitions(ctx) -> list[Definisi]:
    return list(ctx.of(Definisi))


def term_of(d: Definisi) -> Term:
    if d.teks is None:
        return Term(d, d.istilah, d.singkatan)
    m = _PARSED.match(d.teks.strip())
    if not m:
        return Term(d, None, None)
    return Term(d, m.group("istilah").strip(), (m.group("singkatan") or "").strip() or None)


def _is_abbreviation(token: str) -> bool:
    letters = sum(c.isalpha() for c in token)
    return letters >= 2 and not _ROMAN.match(token) and token not in COMMON


def _all_texts(ctx) -> list[tuple[object, str]]:
    """(node, text) of everything written in the document: norms, headings, lampiran prose and tables."""
    out = [(node, text) for node, _, text in cached_texts(ctx, None, ALL_TEXT_FIELDS)]
    # fields only (node.__dict__): getattr of a field a node lacks is slow in pydantic
    out += [(node, node.__dict__["judul"]) for node in ctx.nodes if isinstance(node.__dict__.get("judul"), str)]
    out += [(node, " ".join(" ".join(row) for row in node.baris)) for node in ctx.nodes if isinstance(node, Tabel)]
    out.append((ctx.doc, ctx.doc.tentang))
    return out


@rule("KU-001", "error", "Ketentuan Umum di BAB I atau pasal pertama", f"{SRC} butir 96, 97",
      "Ketentuan Umum diletakkan dalam BAB I berjudul 'KETENTUAN UMUM', atau dalam pasal pertama bila tidak ada "
      "pengelompokan BAB. Ketentuan Umum dapat terdiri atas beberapa pasal.",
      wrong="BAB II KETENTUAN UMUM (Pasal 4: definisi)", right="BAB I KETENTUAN UMUM (Pasal 1: definisi)",
      applies_to=PERATURAN)
def placement(ctx):
    body = ctx.doc.batang_tubuh
    pasals = list(ctx.of(Pasal))
    seen_other = False
    for pasal in pasals:
        if not pasal.definisi:
            seen_other = True
        elif seen_other:
            ctx.report("pasal definisi (Ketentuan Umum) didahului pasal lain", pasal, "definisi", "",
                       "pindahkan pasal definisi ke awal batang tubuh")
    babs = [n for n in body if isinstance(n, Bab)]
    if not babs:
        return
    first = babs[0]
    has_definisi = any(isinstance(n, Pasal) and n.definisi for n in walk(first))
    if has_definisi and first.judul.strip().upper() != "KETENTUAN UMUM":
        ctx.report(f"BAB I memuat definisi tetapi berjudul '{first.judul}'", first, "judul", first.judul,
                   "beri judul 'KETENTUAN UMUM'", Fix(first.loc + ("judul",), "KETENTUAN UMUM", "judul BAB I 'KETENTUAN UMUM'"))


@rule("KU-002", "error", "Kalimat pembuka Ketentuan Umum sesuai jenis peraturan", f"{SRC} butir 99, 100",
      "Ketentuan Umum dibuka dengan 'Dalam Peraturan Bupati ini yang dimaksud dengan:' (disesuaikan dengan jenis "
      "peraturan). legaldraft membuat kalimat ini sendiri; aturan ini memeriksa 'pembuka:' yang ditulis tangan.",
      wrong="Dalam Peraturan Daerah ini yang dimaksud dengan:", right="Dalam Peraturan Bupati ini yang dimaksud dengan:",
      applies_to=PERATURAN, visits=(Pasal,))
def opening(ctx, pasal: Pasal):
    if not pasal.definisi or pasal.pembuka is None:
        return
    expected = rumusan.pembuka_ketentuan_umum(ctx.assembler.nama_jenis)
    written = re.sub(r"\s+", " ", pasal.pembuka).strip().replace(" :", ":")
    if written != expected:
        spelling = wali_kota_variant(written, expected)  # 'Dalam Peraturan Walikota ini …' before/after UU 23/2014
        ctx.report(f"kalimat pembuka Ketentuan Umum berbeda dengan rumusan baku '{expected}'"
                   + (WALI_KOTA_SPELLING if spelling else ""), pasal, "pembuka",
                   pasal.pembuka, "hapus 'pembuka:' agar rumusan baku dipakai",
                   Fix(pasal.loc + ("pembuka",), None, "pembuka Ketentuan Umum baku"), severity="warning" if spelling else None)


@rule("KU-003", "error", "Definisi diawali huruf kapital dan diakhiri titik", f"{SRC} butir 101",
      "Setiap definisi diberi nomor urut angka Arab (dibuat otomatis), diawali huruf kapital dan diakhiri tanda baca "
      "titik, bukan titik koma.",
      wrong="3. Bupati adalah Bupati Purwakarta;", right="3. Bupati adalah Bupati Purwakarta.", applies_to=PERATURAN)
def definition_punctuation(ctx):
    for d in definitions(ctx):
        field = "teks" if d.teks is not None else "arti"
        text = getattr(d, field).rstrip()
        if not text.endswith("."):
            fixed = re.sub(r"[\s;,:]+$", "", text) + "."
            ctx.report("definisi tidak diakhiri tanda titik", d, field, text[-50:], "akhiri definisi dengan '.'",
                       Fix(d.loc + (field,), fixed, "definisi diakhiri titik"))
        head_field = "teks" if d.teks is not None else "istilah"
        head = getattr(d, head_field).lstrip()
        if head[:1].islower():
            ctx.report("definisi tidak diawali huruf kapital", d, head_field, head[:50], "awali istilah dengan huruf kapital",
                       Fix(d.loc + (head_field,), head[0].upper() + head[1:], "istilah diawali huruf kapital"))


def _undefined_abbreviations(text: str, known: set[str]) -> list[tuple[str, int, int]]:
    view = masked(text)
    out = []
    for m in ABBREVIATION.finditer(view):
        token = m.group(0)
        if token in known or not _is_abbreviation(token):
            continue
        if view[m.start() - 1: m.start()] == "(" and view[m.end(): m.end() + 1] == ")":
            continue  # introduced in place: "Perlindungan dan Pengelolaan Lingkungan Hidup (PPLH)"
        before = view[max(0, m.start() - 12): m.start()].split()
        after = view[m.end(): m.end() + 12].split()
        if (before and before[-1].isupper() and len(before[-1]) > 3) or (after and after[0].isupper() and len(after[0]) > 3):
            continue  # a phrase in capitals (a quoted heading), not an abbreviation
        out.append((token, m.start(), m.end()))
    return out


@rule("KU-004", "error", "Istilah didefinisikan sekali; singkatan yang dipakai didefinisikan",
      f"{SRC} butir 98 (diubah UU 13/2022)",
      "Definisi berbentuk 'X adalah …'; singkatan diperkenalkan dengan 'yang selanjutnya disingkat …' dan akronim "
      "dengan 'yang selanjutnya disebut …'. Setiap istilah didefinisikan sekali, dan tidak ada singkatan (kata huruf "
      "kapital seperti SLRT) yang dipakai di batang tubuh tanpa didefinisikan. Bentuk definisi yang menyimpang: "
      "peringatan.",
      wrong="Pasal 5: SLRT dikelola oleh Dinas. (SLRT tidak didefinisikan)",
      right="Pasal 1 angka 4: Sistem Layanan Rujukan Terpadu yang selanjutnya disingkat SLRT adalah …",
      applies_to=PERATURAN)
def terms_and_abbreviations(ctx):
    terms = [term_of(d) for d in definitions(ctx)]
    seen: dict[str, Term] = {}
    for t in terms:
        for key in filter(None, (t.istilah and t.istilah.lower(), t.singkatan)):
            if key in seen:
                ctx.report(f"'{t.singkatan if key == t.singkatan else t.istilah}' didefinisikan lebih dari sekali",
                           t.node, None, "", "hapus definisi ganda")
            seen[key] = t
        if t.node.teks is not None and t.istilah is None:
            ctx.report("definisi tidak berbentuk 'Istilah adalah …'", t.node, "teks", t.node.teks[:60],
                       "tulis dengan 'istilah' dan 'arti'", severity="warning")
        if t.node.teks is None and t.singkatan and t.node.sebutan == "disingkat" and not t.singkatan.isupper():
            ctx.report(f"'{t.singkatan}' bukan singkatan huruf kapital; akronim/sebutan memakai 'yang selanjutnya disebut'",
                       t.node, "singkatan", t.singkatan, "tambahkan 'sebutan: disebut'",
                       Fix(t.node.loc + ("sebutan",), "disebut", "'disingkat' -> 'disebut'"), severity="warning")
    known = {tok for t in terms for tok in ABBREVIATION.findall(" ".join(filter(None, (t.istilah, t.singkatan))))}
    reported: set[str] = set()
    # an abbreviation has two capitals at least, with only capitals, digits and hyphens between them
    for node, field, text in matching(ctx, cached_texts(ctx, NORM_PARTS), (_TWO_CAPITALS,)):
        if isinstance(node, Definisi) and field == "teks":
            continue  # a verbatim definition introduces its own abbreviation
        for token, start, end in _undefined_abbreviations(text, known):
            if token in reported:
                continue
            reported.add(token)
            ctx.report(f"singkatan '{token}' dipakai tetapi tidak didefinisikan dalam Ketentuan Umum", node, field,
                       around(text, start, end), f"tambahkan definisi '… yang selanjutnya disingkat {token} adalah …', "
                       "atau tulis kepanjangannya")


@lru_cache(maxsize=4096)
def _pattern(word: str, flags=0) -> re.Pattern:
    return re.compile(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", flags)


@rule("KU-005", "warning", "Istilah yang didefinisikan dipakai", f"{SRC} butir 102, 105",
      "Hanya istilah yang dipakai dalam pasal-pasal berikutnya yang didefinisikan. Definisi yang tidak pernah dipakai "
      "patut dihapus.",
      wrong="7. Forum Konsultasi adalah … (tidak dipakai di pasal mana pun)", right="(definisi dihapus)",
      applies_to=PERATURAN)
def terms_used(ctx):
    if not definitions(ctx):
        return
    corpus = [(node, view, view.lower()) for node, text in _all_texts(ctx) for view in (masked(text),)]
    texts = {True: Joined([lowered for _, _, lowered in corpus]), False: Joined([view for _, view, _ in corpus])}
    for t in map(term_of, definitions(ctx)):
        if t.istilah is None:
            continue
        probes = [(t.istilah.lower(), True, _pattern(t.istilah, re.I))]
        if t.singkatan:
            probes.append((t.singkatan, False, _pattern(t.singkatan)))
        # used: written (the word, then the whole-word pattern) in a text of another node than the definition's
        used = any(corpus[i][0] is not t.node and p.search(corpus[i][1])
                   for word, folded, p in probes for i in texts[folded].holding(word))
        if not used:
            name = t.singkatan or t.istilah
            ctx.report(f"istilah '{name}' didefinisikan tetapi tidak dipakai", t.node, None, t.istilah,
                       "hapus definisi ini, atau pakai istilahnya")


@rule("KU-006", "warning", "Istilah yang didefinisikan ditulis dengan huruf awal yang sama di mana pun",
      f"{SRC} butir 108; 243 huruf g",
      "Istilah yang didefinisikan dalam Ketentuan Umum ditulis dengan huruf kapital yang sama di seluruh batang tubuh, "
      "penjelasan dan lampiran. Diperiksa: istilah beberapa kata yang muncul dengan huruf kapital lebih sedikit "
      "('perangkat daerah'); istilah satu kata ('Sampah') juga kata umum, dan bentuk yang lebih kapital biasanya "
      "bagian nama diri ('Dinas Lingkungan Hidup'), sehingga keduanya tidak ditandai.",
      wrong="Pasal 1: Perangkat Daerah adalah …; Pasal 6: … oleh perangkat daerah.",
      right="Pasal 6: … oleh Perangkat Daerah.", applies_to=PERATURAN)
def term_capitals(ctx):
    terms = [t for t in map(term_of, definitions(ctx)) if t.istilah and " " in t.istilah.strip()
             and t.istilah != t.istilah.lower()]
    if not terms:
        return
    entries = [(node, field, text) for node, field, text in cached_texts(ctx, NORM_PARTS + ("lampiran", "penjelasan"))
               if not (isinstance(node, Definisi) and field in ("teks", "istilah"))]
    # most terms are not in most texts: the texts that hold each term, found at once, get its regex
    lowered = Joined([masked(text).lower() for _, _, text in entries])
    holding: dict[int, list] = {}
    for t in terms:
        for i in lowered.holding(t.istilah.lower()):
            holding.setdefault(i, []).append(t)
    for i in sorted(holding):
        node, field, text = entries[i]
        view = masked(text)
        for t in holding[i]:
            probe = _pattern(t.istilah, re.I)
            wrong = [m for m in probe.finditer(view) if m.start() > 0 and _capitals(m.group(0)) < _capitals(t.istilah)]
            if not wrong:
                continue
            fixed = None
            fixed = probe.sub(lambda m: t.istilah if m.start() > 0 and _capitals(m.group(0)) < _capitals(t.istilah)
                              else m.group(0), text)
            ctx.report(f"istilah '{t.istilah}' ditulis '{wrong[0].group(0)}'", node, field,
                       around(text, wrong[0].start(), wrong[0].end()), f"tulis '{t.istilah}'",
                       Fix(node.loc + (field,), fixed, f"'{t.istilah}' sesuai definisi"))


def _capitals(text: str) -> int:
    return sum(c.isupper() for c in text)

"""Rincian (tabulation) rules: LST-* on the ``rincian`` of pasal, ayat, butir and diktum.

Markers (a. -> 1. -> a) -> 1)) are generated, so what is checked is what the drafter writes: depth, the
introductory ':' and the punctuation and connectors that make the list read as one sentence.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

from ..model import Ayat, Butir, Diktum, Pasal, walk
from .engine import Fix, iter_texts, rule

SRC = "UU 12/2011 Lampiran II"
CONNECTOR = re.compile(r";\s*(dan/atau|dan|atau)$")
_BARE_CONNECTOR = re.compile(r"\s(dan/atau|dan|atau)$")  # the connector is there, only its ';' is missing
_MANUAL_MARKER = re.compile(r"^\s*(?:[a-z]|\d{1,2})[.)]\s+")
MAX_DEPTH = 4

# what the end of a list's last item must look like
ENDS_SENTENCE, CONTINUES_LIST, CONTINUED_BY_TEXT = "ends", "continues", "text"


def owners(doc) -> Iterator:
    for node in walk(doc):
        if isinstance(node, (Pasal, Ayat, Butir, Diktum)) and node.rincian:
            yield node


def _end_text(item: Butir) -> Optional[tuple[str, str]]:
    """(field, text) carrying the item's closing punctuation, or None when its sub-list carries it."""
    if item.teks_akhir:
        return "teks_akhir", item.teks_akhir.rstrip()
    if item.rincian:
        return None
    return "teks", item.teks.rstrip()


def _lists(doc) -> Iterator[tuple[object, list[Butir], str]]:
    """(owner, items, how the last item ends) for every list, nested lists included."""

    def walk_list(owner, items, mode):
        yield owner, items, mode
        for i, item in enumerate(items):
            if item.rincian:
                if item.teks_akhir:
                    sub = CONTINUED_BY_TEXT
                elif i == len(items) - 1:
                    sub = mode
                else:
                    sub = CONTINUES_LIST
                yield from walk_list(item, item.rincian, sub)

    for node in walk(doc):
        if isinstance(node, (Pasal, Ayat, Diktum)) and node.rincian:
            yield from walk_list(node, node.rincian, CONTINUED_BY_TEXT if node.teks_akhir else ENDS_SENTENCE)


def _depth_items(items, depth=0):
    for item in items:
        yield item, depth
        yield from _depth_items(item.rincian, depth + 1)


@rule("LST-001", "error", "Rincian paling banyak empat tingkat, tanpa penanda tulisan tangan",
      f"{SRC} butir 87 huruf g, h; 92-95",
      "Penanda rincian menurut tingkat adalah a. -> 1. -> a) -> 1) dan dibuat otomatis; rincian paling banyak empat "
      "tingkat, selebihnya dipecah ke pasal atau ayat lain. Penanda yang diketik sendiri di awal teks menjadi ganda.",
      wrong="rincian: ['a. menyediakan sarana;', ...]", right="rincian: ['menyediakan sarana;', ...]")
def depth_and_markers(ctx):
    for owner in walk(ctx.doc):
        if not isinstance(owner, (Pasal, Ayat, Diktum)):
            continue
        for item, depth in _depth_items(owner.rincian):
            if depth == MAX_DEPTH:
                ctx.report("rincian lebih dari empat tingkat", item, "teks", item.teks[:60],
                           "pecah rincian ini ke dalam pasal atau ayat tersendiri")
            m = _MANUAL_MARKER.match(item.teks)
            if m:
                ctx.report(f"teks rincian diawali penanda '{m.group(0).strip()}' yang ditulis tangan", item, "teks",
                           item.teks[:60], "hapus penanda; legaldraft memberi penanda sendiri",
                           Fix(item.loc + ("teks",), item.teks[m.end():], "hapus penanda tulisan tangan"))


@rule("LST-002", "error", "Kalimat pengantar rincian diakhiri titik dua", f"{SRC} butir 87 huruf f; 92, 93",
      "Frasa pengantar rincian, dan butir yang mempunyai anak rincian, diakhiri tanda titik dua ':'.",
      wrong="Tim mempunyai tugas\n  a. …", right="Tim mempunyai tugas:\n  a. …")
def intro_colon(ctx):
    for owner in owners(ctx.doc):
        text = (owner.teks or "").rstrip()
        if not text or text.endswith(":"):
            continue
        fixed = re.sub(r"[\s.;,]+$", "", text) + ":"
        ctx.report("kalimat pengantar rincian tidak diakhiri ':'", owner, "teks", text[-60:], "akhiri dengan ':'",
                   Fix(owner.loc + ("teks",), fixed, "pengantar rincian diakhiri ':'"))


@rule("LST-003", "error", "Setiap butir rincian, kecuali yang terakhir, diakhiri titik koma", f"{SRC} butir 87 huruf d",
      "Setiap butir rincian diakhiri tanda titik koma ';' (diikuti 'dan', 'atau' atau 'dan/atau' pada butir "
      "kedua terakhir), kecuali butir terakhir.",
      wrong="a. menyediakan sarana.\nb. menetapkan standar.", right="a. menyediakan sarana; dan\nb. menetapkan standar.")
def item_semicolons(ctx):
    for _owner, items, _mode in _lists(ctx.doc):
        for item in items[:-1]:
            end = _end_text(item)
            if end is None:
                continue
            field, text = end
            if text.endswith(";") or CONNECTOR.search(text):
                continue
            fixed = re.sub(r"[\s.,:]+$", "", text) + ";"
            ctx.report("butir rincian tidak diakhiri ';'", item, field, text[-60:], "akhiri dengan ';'",
                       Fix(item.loc + (field,), fixed, "butir rincian diakhiri ';'"))


@rule("LST-004", "error", "Butir kedua terakhir memuat 'dan', 'atau' atau 'dan/atau'", f"{SRC} butir 88-91",
      "Butir kedua terakhir diakhiri '; dan' (kumulatif), '; atau' (alternatif) atau '; dan/atau' (kumulatif dan "
      "alternatif): tanpa kata sambung itu tidak jelas apakah rincian kumulatif atau alternatif, maka galat (butir 88-91 "
      "menetapkannya; Perbup Tulungagung 33/2022 Pasal 3 yang tidak memakainya memuat cacat yang sebenarnya). Kata "
      "sambung yang diulang pada setiap butir: peringatan.",
      wrong="b. menetapkan standar;\nc. melakukan evaluasi.", right="b. menetapkan standar; dan\nc. melakukan evaluasi.")
def connectors(ctx):
    for owner, items, _mode in _lists(ctx.doc):
        if len(items) < 2:
            continue
        end = _end_text(items[-2])
        # a bare connector ('… atau') is there: only its ';' is missing, which is LST-003's finding
        if end is not None and not CONNECTOR.search(end[1]) and not _BARE_CONNECTOR.search(end[1]):
            ctx.report("butir kedua terakhir tidak memuat kata sambung 'dan', 'atau' atau 'dan/atau'", items[-2], end[0],
                       end[1][-60:], "tambahkan '; dan' (kumulatif), '; atau' (alternatif) atau '; dan/atau'")
        repeated = [it for it in items[:-2] if (e := _end_text(it)) and CONNECTOR.search(e[1])]
        if repeated:
            field, text = _end_text(repeated[0])
            fixed = CONNECTOR.sub(";", text)
            ctx.report("kata sambung diulang pada butir selain butir kedua terakhir", repeated[0], field, text[-60:],
                       "kata sambung hanya pada butir kedua terakhir",
                       Fix(repeated[0].loc + (field,), fixed, "hapus kata sambung berulang"), severity="warning")


@rule("LST-005", "error", "Butir terakhir diakhiri titik (kecuali kalimat berlanjut)", f"{SRC} butir 85, 92 (contoh)",
      "Butir terakhir rincian diakhiri titik bila mengakhiri kalimat. Bila kalimat berlanjut setelah rincian "
      "('teks_akhir'), butir terakhir tidak diakhiri titik dan teks lanjutan yang memakai titik.",
      wrong="b. melakukan evaluasi;", right="b. melakukan evaluasi.")
def last_item(ctx):
    for owner, items, mode in _lists(ctx.doc):
        end = _end_text(items[-1])
        if end is None:
            continue
        field, text = end
        item = items[-1]
        if mode == ENDS_SENTENCE and not text.endswith("."):
            fixed = re.sub(r"[\s;,:]+$", "", CONNECTOR.sub("", text)) + "."
            ctx.report("butir terakhir rincian tidak diakhiri titik", item, field, text[-60:], "akhiri dengan '.'",
                       Fix(item.loc + (field,), fixed, "butir terakhir diakhiri titik"))
        elif mode == CONTINUED_BY_TEXT and text.endswith("."):
            ctx.report("butir terakhir diakhiri titik padahal kalimat berlanjut di 'teks_akhir'", item, field, text[-60:],
                       "hapus titik; titik ada di akhir teks lanjutan",
                       Fix(item.loc + (field,), text[:-1].rstrip(), "hapus titik sebelum teks lanjutan"))
        elif mode == CONTINUES_LIST and not (text.endswith((";", ".")) or CONNECTOR.search(text)):
            ctx.report("butir terakhir rincian bertingkat tidak diakhiri ';'", item, field, text[-60:], "akhiri dengan ';'")


def _proper_words(doc) -> set[str]:
    """Capitalised words seen in mid-sentence somewhere in the document: names, defined terms, institutions."""
    words: set[str] = set()
    for _node, _field, text in iter_texts(doc):
        for m in re.finditer(r"(?<=[a-z,;]\s)([A-Z][a-z]+)", text):
            words.add(m.group(1))
    return words


@rule("LST-006", "warning", "Butir rincian diawali huruf kecil", f"{SRC} butir 87 huruf a, c",
      "Setiap butir rincian dibaca sebagai satu kalimat dengan frasa pengantarnya, sehingga diawali huruf kecil, "
      "kecuali diawali istilah yang didefinisikan atau nama diri.",
      wrong="a. Menyediakan sarana dan prasarana;", right="a. menyediakan sarana dan prasarana;")
def lowercase_items(ctx):
    proper = None
    for owner in owners(ctx.doc):
        for item in owner.rincian:
            words = item.teks.split()
            if not words:
                continue
            first = re.sub(r"\W+$", "", words[0])
            if not first[:1].isupper() or first.isupper():
                continue
            if len(words) > 1 and words[1][:1].isupper():
                continue  # a name of two capitalised words: "Kepala Dinas;"
            if proper is None:
                proper = _proper_words(ctx.doc)
            if first in proper:
                continue
            ctx.report(f"butir rincian diawali huruf kapital '{first}'", item, "teks", item.teks[:60],
                       f"tulis '{first[0].lower() + first[1:]}' kecuali nama diri atau istilah yang didefinisikan",
                       Fix(item.loc + ("teks",), item.teks[0].lower() + item.teks[1:], "butir diawali huruf kecil"))

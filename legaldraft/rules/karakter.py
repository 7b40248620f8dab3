"""Text that does not print as it reads: BHS-011 (bidi controls and zero-width characters) and LAM-006 (raw HTML
inside a Markdown block of a lampiran, which the writers do not print).

A right-to-left override (U+202E) makes "Rp1.000.000" display as something else than the characters a rule,
a search or a comparison sees ("Trojan Source", CVE-2021-42574); a zero-width space splits a defined term so
that it is no longer found. Neither belongs in an Indonesian regulation (butir 242: standard language, exact
wording), so both are errors wherever they occur, with a fix that removes them.
"""
from __future__ import annotations

import re

from ..model import BlokMarkdown
from .engine import Fix, rule
from .text import ALL_KINDS, around

#: U+202A-202E embeddings/overrides, U+2066-2069 isolates, U+200E/200F/061C marks (all bidi controls).
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
#: zero-width space, non-joiner, joiner, word joiner, BOM inside text, soft hyphen, Mongolian vowel separator.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_HIDDEN = re.compile(f"[{BIDI}{ZERO_WIDTH}]")
_JOINERS = "\u200c\u200d"
_NAMES = {"\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO", "\u2066": "LRI",
          "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI", "\u200e": "LRM", "\u200f": "RLM", "\u061c": "ALM",
          "\u200b": "ZWSP", "\u200c": "ZWNJ", "\u200d": "ZWJ", "\u2060": "WJ", "\ufeff": "BOM", "\u00ad": "SHY",
          "\u180e": "MVS"}


def _script_joiner(text: str, i: int) -> bool:
    """ZWJ/ZWNJ between two letters of a joining script (Arabic, Indic) is spelling, not a hidden character."""
    if text[i] not in _JOINERS or i == 0 or i + 1 >= len(text):
        return False
    return all(ch.isalpha() and ord(ch) >= 0x0600 for ch in (text[i - 1], text[i + 1]))


def hidden_characters(text: str) -> list[int]:
    """Offsets of the bidi controls and zero-width characters of ``text``."""
    return [m.start() for m in _HIDDEN.finditer(text) if not _script_joiner(text, m.start())]


def without_hidden(text: str) -> str:
    offsets = set(hidden_characters(text))
    return "".join(ch for i, ch in enumerate(text) if i not in offsets)


@rule("BHS-011", "error", "Tanpa karakter kendali arah teks (bidi) dan karakter lebar-nol",
      "UU 12/2011 Lampiran II butir 242 (bahasa yang lugas dan pasti); Unicode TR #36 dan CVE-2021-42574 (Trojan Source)",
      "Karakter tak terlihat seperti U+202E (RIGHT-TO-LEFT OVERRIDE), U+2066-2069 dan karakter lebar-nol (U+200B) membuat "
      "teks tampil berbeda dari yang sebenarnya tertulis: angka atau kata dapat terbaca terbalik, dan istilah yang "
      "didefinisikan tidak lagi ditemukan. Biasanya terbawa dari salinan web atau PDF. --fix menghapusnya.",
      wrong="teks: \"denda paling banyak Rp\u202e000.05\u202c\"", right="teks: \"denda paling banyak Rp50.000\"",
      applies_to=ALL_KINDS, title_en="No bidi control or zero-width characters")
def hidden_text(ctx):
    for _, node, strings in ctx.index.strings:  # every non-empty string field of every node (the engine's walk)
        for field, text in strings.items():
            if text.isascii():
                continue  # no hidden character is ASCII (and str.isascii costs nothing)
            offsets = hidden_characters(text)
            if not offsets:
                continue
            names = ", ".join(sorted({f"U+{ord(text[i]):04X} ({_NAMES[text[i]]})" for i in offsets}))
            shown = around(text, offsets[0], offsets[0] + 1).translate({ord(c): "\u2423" for c in BIDI + ZERO_WIDTH})
            ctx.report(f"teks memuat karakter tak terlihat {names}", node, field, shown,
                       "hapus karakter itu (check --fix), lalu periksa kembali bunyi teksnya",
                       Fix(node.loc + (field,), without_hidden(text), f"hapus karakter tak terlihat {names}"))


def raw_html(markdown: str) -> list[str]:
    """The raw HTML markdown-it sees in ``markdown`` (blocks and inline tags; code spans and blocks excluded)."""
    from markdown_it import MarkdownIt  # lazy: start-up time

    found: list[str] = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "html_block":
            found.append(token.content.strip())
        for child in token.children or []:
            if child.type == "html_inline":
                found.append(child.content)
    return found


@rule("LAM-006", "warning", "Markdown lampiran tanpa HTML mentah",
      "praktik legaldraft (penulis DOCX/PDF hanya mencetak Markdown: paragraf, daftar, tabel, tebal/miring)",
      "HTML mentah di dalam blok 'markdown:' (mis. <span>, <br>, <table>, komentar <!-- -->) tidak dicetak ke DOCX, "
      "PDF atau pratinjau; isinya hilang dari naskah. Tulis dengan Markdown (tabel dengan '|', tebal dengan '**').",
      wrong="markdown: \"Biaya <b>paling banyak</b> Rp1.000\"", right="markdown: \"Biaya **paling banyak** Rp1.000\"",
      applies_to=ALL_KINDS, title_en="No raw HTML in lampiran Markdown")
def markdown_html(ctx):
    for node in ctx.nodes:
        if isinstance(node, BlokMarkdown) and "<" in node.markdown:
            tags = raw_html(node.markdown)
            if tags:
                first = " ".join(tags[0].split())
                ctx.report(f"blok Markdown memuat HTML mentah yang tidak dicetak: {first[:60]}", node, "markdown", first,
                           "tulis dengan Markdown (tabel '|', tebal '**', miring '*'), tanpa tag HTML")

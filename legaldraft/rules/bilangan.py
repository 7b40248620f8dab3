"""Bilangan rules: BIL-*. Numbers in norms are written as digits followed by words in parentheses."""
from __future__ import annotations

import re

from ..render.numbers import terbilang
from .engine import Fix, iter_texts, rule

SRC = "UU 12/2011 Lampiran II"
_DIGITS_WORDS = re.compile(r"\b(\d{1,3}(?:\.\d{3})+|\d+)\s*\(([a-z ]+)\)")
_BARE = re.compile(r"(?<![\w./,()\-])(\d+)(?!\s*\()(?=\s+(hari|bulan|tahun|jam|orang|kali|minggu|persen|%|unit|lembar|rangkap|anggota)\b)")


def _value(digits: str) -> int:
    return int(digits.replace(".", ""))


@rule("BIL-002", "error", "Terbilang sesuai dengan angka", f"{SRC} butir 86",
      "Bilangan dalam kurung harus mengeja angka di depannya dengan tepat.",
      wrong="14 (empat) hari", right="14 (empat belas) hari")
def words_match(ctx):
    for node, field, text in iter_texts(ctx.doc):
        for m in _DIGITS_WORDS.finditer(text):
            n = _value(m.group(1))
            words = re.sub(r"\s+", " ", m.group(2).strip())
            expected = terbilang(n)
            if words != expected and words.replace("satu ratus", "seratus").replace("satu ribu", "seribu") != expected:
                fixed = text[: m.start(2)] + expected + text[m.end(2):]
                ctx.report(f"'{m.group(1)} ({words})': terbilang tidak sesuai, seharusnya '{expected}'", node, field,
                           m.group(0), f"tulis '{m.group(1)} ({expected})'", Fix(node.loc + (field,), fixed, "perbaiki terbilang"))


@rule("BIL-001", "error", "Bilangan ditulis dengan angka dan huruf", f"{SRC} butir 86",
      "Bilangan dalam pasal atau ayat ditulis dengan angka diikuti huruf dalam kurung, misalnya '14 (empat belas) "
      "hari'. Penomoran, nomor dan tahun peraturan, tanggal, dan kode tidak termasuk.",
      wrong="paling lama 14 hari kerja", right="paling lama 14 (empat belas) hari kerja")
def digits_need_words(ctx):
    for node, field, text in iter_texts(ctx.doc):
        if field == "markdown":
            continue
        for m in _BARE.finditer(text):
            if re.search(r"(Tahun|Nomor|Pasal|ayat|angka)\s*$", text[: m.start()]):
                continue
            n = int(m.group(1))
            fixed = text[: m.end(1)] + f" ({terbilang(n)})" + text[m.end(1):]
            ctx.report(f"bilangan '{m.group(1)} {m.group(2)}' tanpa terbilang", node, field, text[max(0, m.start() - 20): m.end() + 15],
                       f"tulis '{m.group(1)} ({terbilang(n)}) {m.group(2)}'", Fix(node.loc + (field,), fixed, "tambah terbilang"))

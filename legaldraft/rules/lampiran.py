"""Lampiran rules: LAM-* (butir 192-197): every lampiran is declared in the body, numbering, header,
signature, and defined terms keeping their capitals inside the lampiran."""
from __future__ import annotations

import re

from ..model import BlokMarkdown, BlokTeks, Definisi, ItemDaftar, walk
from ..naskah.numbering import REF
from .judul import ALL_KINDS, PERATURAN, PERATURAN_KINDS, blocks_styled
from .engine import Fix, rule
from .text import cached_texts, containing
from ..naskah.numbers import from_roman

SRC = "UU 12/2011 Lampiran II"
_FORMULA = re.compile(r"tercantum dalam\b.*\bbagian (?:yang )?tidak terpisahkan", re.S)
_ROMAN = r"(?:[IVXLC]+)"


def _norm_texts(ctx):
    parts = ("diktum",) if ctx.is_keputusan else ("batang_tubuh",)
    return list(cached_texts(ctx, parts))


def _mentions(ctx, lamp, number: str, count: int) -> list[tuple]:
    """(node, field, text) of the norm texts that refer to ``lamp`` by [[id]] or by its printed name."""
    found = []
    for node, field, text in _norm_texts(ctx):
        ids = {i.strip() for m in REF.finditer(text) for i in m.group(2).split(",")}
        plain = REF.sub("", text)
        # a single lampiran is "Lampiran"; "Lampiran I" for it is LAM-002's concern, not a missing reference
        by_name = re.search(rf"\bLampiran {number}\b", plain) if number else \
            re.search(r"\bLampiran\b(?!\s+(?:[IVXLC]{2,}|[VXLC])\b)", plain)
        if (lamp.id and lamp.id in ids) or by_name:
            found.append((node, field, text))
    return found


@rule("LAM-001", "error", "Setiap lampiran dinyatakan dalam batang tubuh sebagai bagian tidak terpisahkan", f"{SRC} butir 192",
      "Lampiran dinyatakan dalam batang tubuh (Keputusan: diktum) dengan rumusan '… tercantum dalam Lampiran yang "
      "merupakan bagian tidak terpisahkan dari Peraturan Bupati ini.'; tulis [[id-lampiran]] agar nomornya tepat. "
      "Lampiran yang tidak dirujuk adalah galat; rumusan yang menyimpang peringatan.",
      wrong="(lampiran tanpa pasal yang menyebutnya)",
      right="… tercantum dalam [[lampiran-pedoman]] yang merupakan bagian tidak terpisahkan dari Peraturan Bupati ini.")
def declared(ctx):
    lampiran = ctx.doc.lampiran
    for lamp in lampiran:
        number = ctx.numbering.number(lamp)
        found = _mentions(ctx, lamp, number, len(lampiran))
        name = f"Lampiran {number}".strip()
        if not found:
            ctx.report(f"{name} tidak dirujuk dalam {'diktum' if ctx.is_keputusan else 'batang tubuh'}", lamp, None,
                       lamp.judul or "", f"tulis '… tercantum dalam [[{lamp.id or 'id-lampiran'}]] yang merupakan bagian tidak "
                       "terpisahkan dari … ini.'" + ("" if lamp.id else " dan beri lampiran 'id'"))
        elif not any(_FORMULA.search(t) for _, _, t in found):
            node, field, text = found[0]
            ctx.report(f"{name} dirujuk tanpa rumusan 'tercantum dalam … yang merupakan bagian tidak terpisahkan dari …'",
                       node, field, text[:60], "pakai rumusan butir 192", severity="warning")


@rule("LAM-002", "error", "Lebih dari satu lampiran bernomor Romawi; lampiran tunggal tanpa nomor", f"{SRC} butir 194",
      "Lampiran yang lebih dari satu diberi nomor LAMPIRAN I, LAMPIRAN II (otomatis); lampiran tunggal hanya "
      "'LAMPIRAN'. Rujukan ke nomor lampiran yang tidak ada adalah galat; 'Lampiran I' untuk lampiran tunggal masih "
      "jelas rujukannya (dijumpai pada rancangan Keputusan Bupati Cianjur 2026), maka peringatan.", wrong="tercantum dalam Lampiran I (padahal lampiran hanya satu)",
      right="tercantum dalam [[lampiran-pedoman]]", applies_to=ALL_KINDS)
def numbered(ctx):
    count = len(ctx.doc.lampiran)
    parts = ("diktum",) if ctx.is_keputusan else ("batang_tubuh",)
    for node, field, text in containing(ctx, cached_texts(ctx, parts), ("Lampiran",), cased=True):  # in every match
        plain = REF.sub(lambda m: "\x00" * len(m.group(0)), text)
        for m in re.finditer(rf"\bLampiran ({_ROMAN})\b", plain):
            n = from_roman(m.group(1))
            if count == 1 and n == 1:
                ctx.report("'Lampiran I' padahal lampiran hanya satu (ditulis 'Lampiran')", node, field, m.group(0),
                           "tulis 'Lampiran' atau [[id-lampiran]]",
                           Fix(node.loc + (field,), text[:m.start()] + "Lampiran" + text[m.end():], "'Lampiran I' -> 'Lampiran'"),
                           severity="warning")
            elif n is None or n > count:
                ctx.report(f"rujukan ke '{m.group(0)}' yang tidak ada (lampiran ada {count})", node, field, m.group(0),
                           "rujuk lampiran dengan [[id-lampiran]]")
    for lamp in ctx.doc.lampiran:
        if lamp.judul and re.match(r"^\s*LAMPIRAN\b", lamp.judul, re.I):
            ctx.report("nama lampiran diawali 'LAMPIRAN'; kepala lampiran dan nomornya dibuat otomatis", lamp, "judul",
                       lamp.judul[:40], "tulis nama lampiran saja (mis. 'Pedoman …')")


@rule("LAM-003", "error", "Kepala lampiran sama dengan judul induk; nama lampiran tanpa tanda baca", f"{SRC} butir 195, 196",
      "Kepala lampiran berhuruf kapital di kanan atas: 'LAMPIRAN [I]' / jenis dan daerah / 'NOMOR … TAHUN …' / 'TENTANG' / "
      "nama, sama dengan judul induk (dibuat otomatis). Nama lampiran di tengah, huruf kapital, tanpa tanda baca di "
      "akhir (peringatan).", wrong="judul: Pedoman Pelayanan.", right="judul: Pedoman Pelayanan", verification="P/S", applies_to=ALL_KINDS)
def kepala(ctx):
    heads = [b.text for b in blocks_styled(ctx, "LD Lampiran Kepala")]
    judul = [b.text for b in blocks_styled(ctx, "LD Judul") if b.text != "RANCANGAN"][:2]
    if ctx.doc.lampiran and len(judul) == 2 and (judul[0] not in heads or judul[1] not in heads):
        ctx.report("kepala lampiran tidak sama dengan judul induk", ctx.doc, "lampiran", " / ".join(heads[:4]), "periksa templat")
    for lamp in ctx.doc.lampiran:
        if lamp.judul and lamp.judul.rstrip()[-1:] in ".,;:":
            ctx.report("nama lampiran diakhiri tanda baca", lamp, "judul", lamp.judul[-30:], "hapus tanda baca",
                       Fix(lamp.loc + ("judul",), lamp.judul.rstrip().rstrip(".,;:").rstrip(), "hapus tanda baca"),
                       severity="warning")


@rule("LAM-004", "error", "Lampiran ditutup jabatan dan nama penanda tangan", f"{SRC} butir 197",
      "Halaman terakhir setiap lampiran memuat jabatan penanda tangan dengan huruf kapital diakhiri koma dan namanya, "
      "di kanan bawah.", wrong="tanda_tangan: false", right="(bawaan: tanda_tangan: true)", applies_to=PERATURAN_KINDS)
def ttd(ctx):
    for lamp in ctx.doc.lampiran:
        if not lamp.tanda_tangan:
            ctx.report("lampiran tidak ditutup tanda tangan", lamp, "tanda_tangan", "", "hapus 'tanda_tangan: false'",
                       Fix(lamp.loc + ("tanda_tangan",), None, "lampiran ditutup tanda tangan"))


def _defined_terms(ctx) -> list[str]:
    terms = []
    for node in ctx.of(Definisi):
        for term in (node.istilah, node.singkatan):
            if term and (len(term.split()) > 1 or term.isupper()) and term != term.lower():
                terms.append(term)
    return terms


def _lampiran_texts(doc):
    for lamp in doc.lampiran:
        for node in walk(lamp):
            if isinstance(node, (BlokTeks, ItemDaftar)):
                yield node, "teks", node.teks
            elif isinstance(node, BlokMarkdown):
                yield node, "markdown", node.markdown


@rule("LAM-005", "warning", "Istilah yang didefinisikan tetap berhuruf kapital di lampiran", f"{SRC} butir 108, 193",
      "Istilah yang didefinisikan dalam Ketentuan Umum ditulis sama (huruf awal kapital, singkatan kapital) di dalam "
      "lampiran. Susunan BAB pedoman adalah praktik dan tidak diperiksa.",
      wrong="Pedoman ini berlaku bagi perangkat daerah …", right="Pedoman ini berlaku bagi Perangkat Daerah …",
      verification="P/S", applies_to=ALL_KINDS)
def istilah(ctx):
    terms = _defined_terms(ctx)
    if not terms:
        return
    for node, field, text in _lampiran_texts(ctx.doc):
        if text.isupper():
            continue
        fixed = text
        wrong = []
        for term in terms:
            pattern = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])", re.I)
            for m in pattern.finditer(fixed):
                if m.group(0) != term and m.group(0) != term.upper() and m.start() > 0:
                    wrong.append(m.group(0))
            fixed = pattern.sub(lambda m: m.group(0) if m.start() == 0 or m.group(0) == term.upper() else term, fixed)
        if wrong:
            ctx.report(f"istilah yang didefinisikan ditulis '{', '.join(dict.fromkeys(wrong))}'", node, field, wrong[0],
                       "tulis istilah persis seperti di Ketentuan Umum", Fix(node.loc + (field,), fixed, "huruf kapital istilah"))

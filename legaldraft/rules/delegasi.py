"""Pendelegasian rules: DLG-* (no blanket delegation; a delegation names its scope and the jenis of regulation)."""
from __future__ import annotations

import re

from ..model import Pasal
from .engine import rule
from .text import ALL_KINDS, Hit, around, masked, needs, phrase_scanner, run_scanner

SRC = "UU 12/2011 Lampiran II"
_BLANKET = re.compile(r"\bhal(?:-hal)?\s+(?:lain\s+)?yang\s+belum\s+(?:cukup\s+)?diatur\b", re.I)
scan_blanket = phrase_scanner(
    _BLANKET, lambda m: f"pendelegasian blanko '{m.group(0)}'",
    lambda m: "sebut materi yang didelegasikan: 'Ketentuan lebih lanjut mengenai … diatur dengan Peraturan Bupati.'",
    words=("belum",))

_DELEGATION = re.compile(r"\b(?:diatur|ditetapkan)\s+(?:lebih\s+lanjut\s+)?(?:dengan|oleh|dalam|berdasarkan)\s+(?P<who>[^.;,]+)", re.I)
_FURTHER = re.compile(r"\blebih\s+lanjut\b", re.I)
_JENIS = re.compile(r"^(?:atau\s+berdasarkan\s+)?(?:Peraturan|Keputusan)\b")
_STANDARD = re.compile(r"^Ketentuan\s+(?:lebih\s+lanjut\s+)?mengenai\s+.+\s+diatur\s+(?:dengan|dalam|berdasarkan)\s+(?:Peraturan|Keputusan)\b")


@needs(words=("lanjut",))
def scan_delegation_form(text: str) -> list[Hit]:
    view = masked(text)
    if not _FURTHER.search(view):
        return []
    m = _DELEGATION.search(view)
    if m is None:
        return []
    if not _JENIS.match(m.group("who").strip()):
        return [Hit(f"pendelegasian kepada '{m.group('who').strip()}', bukan kepada jenis peraturan",
                    around(text, m.start(), m.end()),
                    "sebut jenis peraturannya: '… diatur dengan Peraturan Bupati.' atau '… dengan Keputusan Bupati.'")]
    if not _STANDARD.match(view.strip()):
        return [Hit("pendelegasian tidak memakai rumusan baku 'Ketentuan lebih lanjut mengenai … diatur dengan …'",
                    around(text, m.start(), m.end()), "tulis 'Ketentuan lebih lanjut mengenai … diatur dengan Peraturan Bupati.'",
                    severity="info")]
    return []


@rule("DLG-001", "error", "Tanpa pendelegasian blanko", f"{SRC} butir 210",
      "Tidak boleh mendelegasikan secara blanko, misalnya 'Hal-hal yang belum diatur dalam Peraturan Bupati ini diatur "
      "lebih lanjut oleh Bupati.' Materi yang didelegasikan disebut dengan jelas.",
      wrong="Hal-hal yang belum diatur dalam Peraturan Bupati ini diatur lebih lanjut oleh Kepala Dinas.",
      right="Ketentuan lebih lanjut mengenai tata cara rujukan diatur dengan Keputusan Bupati.", applies_to=ALL_KINDS)
def blanket(ctx):
    run_scanner(ctx, scan_blanket)


@rule("DLG-002", "warning", "Pendelegasian menyebut materi dan jenis peraturan, di ayat terakhir",
      f"{SRC} butir 200-205, 208, 209",
      "Pendelegasian memakai rumusan 'Ketentuan lebih lanjut mengenai … diatur dengan Peraturan Bupati/Keputusan "
      "Bupati.' dan menyebut jenis peraturannya (bukan pejabat: peringatan; rumusan lain: info). Dalam pasal "
      "beberapa ayat, pendelegasian diletakkan di ayat terakhir atau pasal tersendiri (info).",
      wrong="Tata cara rujukan diatur lebih lanjut oleh Kepala Dinas.",
      right="Ketentuan lebih lanjut mengenai tata cara rujukan diatur dengan Keputusan Bupati.", applies_to=ALL_KINDS)
def delegation_form(ctx):
    run_scanner(ctx, scan_delegation_form)
    for pasal in ctx.of(Pasal):
        if len(pasal.ayat) > 1:
            for ayat in pasal.ayat[:-1]:
                if "lanjut" in ayat.teks.lower() and _FURTHER.search(ayat.teks) and _DELEGATION.search(ayat.teks):
                    ctx.report("pendelegasian bukan di ayat terakhir pasal", ayat, "teks", ayat.teks[:60],
                               "pindahkan ke ayat terakhir atau ke pasal tersendiri", severity="info")

"""Penjelasan rules: PJL-001 (butir 174-191). A Penjelasan is optional for a Perbup (butir 175): its presence is
never reported; only its form is checked."""
from __future__ import annotations

import re
from collections import Counter

from ..model import Pasal
from .engine import Fix, rule

SRC = "UU 12/2011 Lampiran II"
_CUKUP = re.compile(r"^\s*cukup\s+jelas\s*\.?\s*$", re.I)
_NORM = re.compile(r"\b(wajib|dilarang|diatur (?:lebih lanjut )?dengan Peraturan|dikenai sanksi)\b")


@rule("PJL-001", "error", "Bentuk Penjelasan: I. UMUM, II. PASAL DEMI PASAL, 'Cukup jelas.'", f"{SRC} butir 174-191, 190b",
      "Penjelasan tidak wajib untuk Peraturan Bupati (hanya UU dan Perda), maka ada atau tidaknya tidak dilaporkan. Bila "
      "ada: memuat I. UMUM dan II. PASAL DEMI PASAL (dibuat otomatis); setiap pasal yang dijelaskan ada di batang tubuh "
      "dan hanya sekali; 'Cukup jelas.' dengan C kapital dan titik. Penjelasan tidak memuat norma atau delegasi dan tidak "
      "menjelaskan definisi Ketentuan Umum (peringatan).", wrong="- {pasal: tujuan, teks: cukup jelas}",
      right="- {pasal: tujuan, teks: Cukup jelas.}", applies_to=("perbup", "pedoman"))
def bentuk(ctx):
    pj = ctx.doc.penjelasan
    if pj is None:
        return
    if not any(p.strip() for p in pj.umum):
        ctx.report("Penjelasan tanpa uraian umum (I. UMUM)", pj, "umum", "", "isi 'umum:' dengan uraian umum", severity="warning")
    counts = Counter(p.pasal for p in pj.pasal)
    for entry in pj.pasal:
        target = ctx.numbering.by_id.get(entry.pasal)
        if not isinstance(target, Pasal):
            ctx.report(f"penjelasan untuk pasal '{entry.pasal}' yang tidak ada", entry, "pasal", entry.pasal,
                       "tulis id Pasal yang ada di batang tubuh")
            continue
        if counts[entry.pasal] > 1:
            ctx.report(f"pasal '{entry.pasal}' dijelaskan lebih dari sekali", entry, "pasal", entry.pasal, "gabungkan penjelasannya")
        if _CUKUP.match(entry.teks) and entry.teks.strip() != "Cukup jelas.":
            ctx.report(f"'{entry.teks.strip()}' ditulis 'Cukup jelas.'", entry, "teks", entry.teks,
                       "tulis 'Cukup jelas.'", Fix(entry.loc + ("teks",), "Cukup jelas.", "'Cukup jelas.'"))
        if target.definisi and not _CUKUP.match(entry.teks):
            ctx.report("penjelasan menjelaskan definisi Ketentuan Umum", entry, "teks", entry.teks[:50],
                       "definisi tidak dijelaskan lagi; tulis 'Cukup jelas.'", severity="warning")
        m = _NORM.search(entry.teks)
        if m:
            ctx.report(f"penjelasan memuat rumusan norma ('{m.group(0)}')", entry, "teks", m.group(0),
                       "pindahkan norma ke batang tubuh", severity="warning")

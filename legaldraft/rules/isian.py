"""Text a scaffold leaves for the drafter to write: '[ALASAN PERUBAHAN: …]' and the like (KON-012)."""
from __future__ import annotations

import re

from .engine import rule

SRC = "UU 12/2011 Lampiran II"
PLACEHOLDER = re.compile(r"\[[A-Z][A-Z ]{3,}:[^\]]*\]")


@rule("KON-012", "error", "Konsiderans memuat alasan yang sebenarnya, bukan teks isian",
      f"{SRC} butir 18, 19 (diubah UU 13/2022)",
      "Konsiderans memuat uraian singkat pokok pikiran yang menjadi pertimbangan dan alasan pembentukan. "
      "'legaldraft amend' membuat konsiderans Perubahan dengan isian '[ALASAN PERUBAHAN: …]' agar penyusun "
      "menulis alasan perubahan yang sebenarnya (ketentuan yang tidak dapat dilaksanakan, perubahan peraturan "
      "yang lebih tinggi, hasil evaluasi), bukan kalimat umum; isian yang belum diganti adalah galat.",
      wrong="bahwa [ALASAN PERUBAHAN: …], sehingga Peraturan Bupati … perlu diubah;",
      right="bahwa jangka waktu tindak lanjut rujukan 14 (empat belas) hari kerja tidak dapat dipenuhi Perangkat "
            "Daerah di kecamatan terluar, sehingga Peraturan Bupati … perlu diubah;",
      applies_to=("perbup", "pedoman", "keputusan", "perubahan", "pencabutan"))
def konsiderans_placeholder(ctx):
    kon = getattr(ctx.doc, "konsiderans", None)
    for point in getattr(kon, "poin", []) or []:
        m = PLACEHOLDER.search(point.teks)
        if m:
            ctx.report("konsiderans masih memuat teks isian; tulis alasan yang sebenarnya", point, "teks",
                       m.group(0), "ganti isian dalam kurung siku dengan alasan perubahan yang sebenarnya")

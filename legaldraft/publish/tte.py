"""Electronic signature (TTE, BSrE) layout: the placeholders a daerah's signing service stamps over.

The signing service (the daerah's TTE application behind BSrE) finds fixed tags in the PDF and writes the
number, the date and the QR code of the certificate there. With ``tte`` in the daerah profile the document is
laid out for it: a NOMOR not yet given (judul and lampiran heads) carries the nomor tag, an undated "pada tanggal"
of the penetapan the tanggal tag, the empty signature lines one QR tag (in the ruled box the writer draws for a
block marked ``stamp``), and every page's footer the BSrE sentence (``footer_note`` of the page set-up).
Without ``tte`` nothing changes: the wet-signature layout stays.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model.profile import TandaTanganElektronik
from ..naskah.blocks import Blocks

_NOMOR = re.compile(r"^NOMOR \S.*$")


def tte_blocks(blocks, tte: TandaTanganElektronik, is_keputusan: bool = False, tahun: int | None = None):
    """The blocks with the TTE placeholders in place of nomor, date and the blank signature lines."""
    out = []
    in_ttd = False
    blank_run = 0
    for b in blocks:
        if b.style in ("LD Judul", "LD Lampiran Kepala") and _NOMOR.match(b.text) and "..." in b.text:
            b = replace(b, text=f"NOMOR {tte.nomor}" if is_keputusan else f"NOMOR {tte.nomor} TAHUN {tahun or _year(b.text)}")
        if b.style == "LD TTD":
            if b.text.startswith("pada tanggal "):
                in_ttd = True
                if b.text.endswith("..."):
                    b = replace(b, text=f"pada tanggal {tte.tanggal}")
            if b.text == "" and in_ttd:
                blank_run += 1
                b = replace(b, text=tte.ttd, stamp=True) if blank_run == 1 else b
            elif b.text:
                blank_run = 0
        out.append(b)
    return Blocks(out, rancangan=getattr(blocks, "rancangan", False))


def _year(nomor_line: str) -> str:
    m = re.search(r"TAHUN (\S+)$", nomor_line)
    return m.group(1) if m else "..."

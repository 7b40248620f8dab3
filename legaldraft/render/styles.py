"""The named paragraph styles of every legaldraft document, in one table.

The DOCX templates are built from this table (``python -m legaldraft.render.templates``), and the writer
only names a style per paragraph, so a daerah restyles a document by editing its template in Word.
Geometry in millimetres; labels sit in a column ending at ``COLON`` (FMT-005).
"""
from __future__ import annotations

from dataclasses import dataclass, field

COLON = 37.0      # tab stop of ':' after Menimbang/Mengingat/Menetapkan/KESATU
MARK = 41.0       # tab stop of the point marker (a., 1.)
TEXT = 48.0       # where the text of a lettered point starts
SIGN = 92.0       # left edge of the signature block (right half of the page)
HANG = 10.0       # hanging indent of ayat and list levels


@dataclass(frozen=True)
class StyleSpec:
    name: str
    align: str = "justify"          # left | center | right | justify
    bold: bool = False
    left: float = 0.0
    hanging: float = 0.0
    first_line: float = 0.0
    tabs: tuple[float, ...] = ()
    keep_next: bool = False
    before: float = 0.0             # points
    after: float = 0.0              # points
    caps: bool = False
    size: float | None = None       # points; None = document default
    extra: dict = field(default_factory=dict)


def _levels(prefix: str, base: float, step: float, **kw) -> list[StyleSpec]:
    return [StyleSpec(f"{prefix} {n}", left=base + n * step, hanging=step, tabs=(base + n * step,), **kw)
            for n in range(1, 6)]


STYLES: list[StyleSpec] = [
    StyleSpec("LD Salinan", align="left", bold=True, after=6),
    StyleSpec("LD Lambang", align="center", keep_next=True, after=6),
    StyleSpec("LD Kop", align="center", bold=True, keep_next=True),
    StyleSpec("LD Judul", align="center", bold=True, keep_next=True, after=6),
    StyleSpec("LD Pembukaan", align="center", bold=True, before=6, after=12, keep_next=True),
    StyleSpec("LD Jabatan", align="center", bold=True, after=12, keep_next=True),
    StyleSpec("LD Konsiderans", left=TEXT, hanging=TEXT, tabs=(COLON, MARK, TEXT), after=4),
    StyleSpec("LD Konsiderans Tunggal", left=MARK, hanging=MARK, tabs=(COLON, MARK), after=4),
    StyleSpec("LD Memutuskan", align="center", bold=True, before=12, after=12, keep_next=True),
    StyleSpec("LD BAB", align="center", bold=True, keep_next=True),
    StyleSpec("LD Bagian", align="center", bold=True, keep_next=True),
    StyleSpec("LD Pasal", align="center", before=12, after=6, keep_next=True),
    StyleSpec("LD Isi", after=4),
    StyleSpec("LD Definisi", left=HANG, hanging=HANG, tabs=(HANG,), after=4),
    StyleSpec("LD Ayat", left=HANG, hanging=HANG, tabs=(HANG,), after=4),
    *_levels("LD Rincian", 0.0, HANG, after=2),
    *[StyleSpec(f"LD Lanjutan {n}", left=n * HANG, after=2) for n in range(1, 6)],
    StyleSpec("LD Penutup", first_line=12.5, before=12, after=12),
    StyleSpec("LD TTD", align="left", left=SIGN, keep_next=True),
    StyleSpec("LD Pengundangan", align="left", keep_next=True),
    StyleSpec("LD Berita Daerah", align="left", bold=True, before=12),
    StyleSpec("LD Diktum", left=MARK, hanging=MARK, tabs=(COLON, MARK), after=6),
    *_levels("LD Diktum Rincian", MARK - 8.0, 8.0, after=2),
    StyleSpec("LD Diktum Lanjutan", left=MARK, after=6),
    StyleSpec("LD Tembusan Judul", align="left", before=18),
    StyleSpec("LD Tembusan", align="left", left=8.0, hanging=8.0, tabs=(8.0,)),
    StyleSpec("LD Lampiran Kepala", align="left", left=SIGN - 10, keep_next=True),
    StyleSpec("LD Lampiran Judul", align="center", bold=True, before=18, after=12, keep_next=True),
    StyleSpec("LD Lampiran BAB", align="center", bold=True, before=12, keep_next=True),
    StyleSpec("LD Lampiran Sub", align="left", bold=True, left=8.0, hanging=8.0, tabs=(8.0,), before=8, after=4, keep_next=True),
    StyleSpec("LD Lampiran Teks", first_line=12.5, after=6),
    *_levels("LD Lampiran Daftar", 0.0, 8.0, after=2),
    StyleSpec("LD Pasal Penjelasan", align="left", bold=False, before=6, keep_next=True),
    StyleSpec("LD Gambar", align="center", after=6),
    StyleSpec("LD Tabel", align="left"),
    StyleSpec("LD Sel Tabel", align="left", size=11),
]

BY_NAME = {s.name: s for s in STYLES}


def style_id(name: str) -> str:
    """Word's styleId for a style name: spaces removed ('LD Rincian 1' -> 'LDRincian1')."""
    return name.replace(" ", "")

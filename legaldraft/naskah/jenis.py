"""One table of the kinds of document (``jenis``): for each, its assembler, DOCX template, label columns and
wording. A new kind of document (a Peraturan Wali Kota, a Keputusan Gubernur …) is one row here, one model
class in legaldraft/model/ and, when its form differs, one assembler (docs/architecture.md).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..model import ProfilDaerah
from . import rumusan
from .assembler import Assembler, Blocks
from .numbering import Numbering
from .perubahan import PencabutanAssembler, PerubahanAssembler


@dataclass(frozen=True)
class Columns:
    """Tab stops (mm from the left margin) of the labelled rows: ':' after Menimbang/Mengingat/Menetapkan,
    the point marker (a., 1.), and the text of a lettered point. A Keputusan needs a wider label column for
    'Memperhatikan' (32.6 mm in Bookman 12) and 'KEDUA BELAS'."""

    colon: float
    mark: float
    text: float


#: the label columns of each DOCX template
COLUMNS = {
    "perbup": Columns(colon=30.0, mark=33.0, text=40.0),
    "pedoman": Columns(colon=30.0, mark=33.0, text=40.0),
    "skep": Columns(colon=35.0, mark=38.0, text=45.0),
}


@dataclass(frozen=True)
class JenisNaskah:
    jenis: str                                   # the spec's ``jenis:``
    assembler: type[Assembler]
    template: str                                # DOCX template (legaldraft/templates/NAME/)
    bentuk: Literal["peraturan", "keputusan"]    # which wording family: 'Peraturan Bupati' or 'Keputusan Bupati'
    mengubah: bool = False                       # amends or revokes another regulation (no batang tubuh of its own)
    keterangan: str = ""

    @property
    def columns(self) -> Columns:
        return COLUMNS[self.template]

    def nama_jenis(self, profile: ProfilDaerah) -> str:
        """'Peraturan Bupati', 'Peraturan Wali Kota', 'Keputusan Bupati' … as the daerah's profile names it."""
        return rumusan.nama_jenis(self.bentuk, profile)


JENIS_NASKAH: dict[str, JenisNaskah] = {j.jenis: j for j in (
    JenisNaskah("perbup", Assembler, "perbup", "peraturan", keterangan="Peraturan kepala daerah"),
    JenisNaskah("pedoman", Assembler, "pedoman", "peraturan", keterangan="Peraturan yang Lampirannya berisi pedoman"),
    JenisNaskah("keputusan", Assembler, "skep", "keputusan", keterangan="Keputusan kepala daerah"),
    JenisNaskah("perubahan", PerubahanAssembler, "perbup", "peraturan", mengubah=True, keterangan="Perubahan atas Peraturan"),
    JenisNaskah("pencabutan", PencabutanAssembler, "perbup", "peraturan", mengubah=True, keterangan="Pencabutan Peraturan"),
)}

#: kinds of document by what the rules need to know of them
PERATURAN = tuple(j for j, k in JENIS_NASKAH.items() if k.bentuk == "peraturan" and not k.mengubah)
PERATURAN_KINDS = PERATURAN + tuple(j for j, k in JENIS_NASKAH.items() if k.bentuk == "peraturan" and k.mengubah)
KEPUTUSAN_KINDS = tuple(j for j, k in JENIS_NASKAH.items() if k.bentuk == "keputusan")
ALL_KINDS = PERATURAN_KINDS + KEPUTUSAN_KINDS


def jenis_of(doc) -> JenisNaskah:
    return JENIS_NASKAH[doc.jenis]


def assembler_for(doc) -> type[Assembler]:
    return jenis_of(doc).assembler


def assemble(doc, profile: ProfilDaerah, registry, numbering: Numbering | None = None) -> Blocks:
    """The document as styled blocks, by its kind's assembler."""
    return assembler_for(doc)(doc, profile, registry, numbering).run()

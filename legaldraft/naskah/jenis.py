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
    """What one ``jenis`` of document is made of: assembler, template, columns and wording."""

    jenis: str                                   # the spec's ``jenis:``
    assembler: type[Assembler]
    template: str                                # DOCX template (legaldraft/templates/NAME/)
    bentuk: Literal["peraturan", "keputusan"]    # which wording family: 'Peraturan Bupati' or 'Keputusan Bupati'
    mengubah: bool = False                       # amends or revokes another regulation (no batang tubuh of its own)
    keterangan: str = ""
    tingkat: str | None = None                   # the only tingkat of daerah that issues it (None: any)

    @property
    def columns(self) -> Columns:
        return COLUMNS[self.template]

    def nama_jenis(self, profile: ProfilDaerah) -> str:
        """'Peraturan Bupati', 'Peraturan Wali Kota', 'Keputusan Bupati' … as the daerah's profile names it."""
        return rumusan.nama_jenis(self.bentuk, profile)


JENIS_NASKAH: dict[str, JenisNaskah] = {j.jenis: j for j in (
    JenisNaskah("perbup", Assembler, "perbup", "peraturan", keterangan="Peraturan Bupati", tingkat="kabupaten"),
    JenisNaskah("perwali", Assembler, "perbup", "peraturan", keterangan="Peraturan Wali Kota", tingkat="kota"),
    JenisNaskah("pergub", Assembler, "perbup", "peraturan", keterangan="Peraturan Gubernur", tingkat="provinsi"),
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
#: the Peraturan of a kepala daerah by the tingkat of its daerah: one form, three sets of words
PERATURAN_KEPALA_DAERAH = tuple(j for j, k in JENIS_NASKAH.items() if k.tingkat)


def same_form(kinds) -> tuple[str, ...]:
    """``kinds`` with the Peraturan Wali Kota and Gubernur added wherever the Peraturan Bupati is: a rule
    written for 'perbup' holds for every Peraturan of a kepala daerah."""
    kinds = tuple(kinds)
    if any(k in PERATURAN_KEPALA_DAERAH for k in kinds):
        kinds += tuple(k for k in PERATURAN_KEPALA_DAERAH if k not in kinds)
    return kinds


def tingkat_problem(jenis: str, profile: ProfilDaerah) -> str | None:
    """Why ``jenis`` cannot be issued in the daerah of ``profile`` (a Peraturan Wali Kota of a kabupaten), or
    None. A Keputusan, Pedoman, Perubahan and Pencabutan take their words from any tingkat."""
    row = JENIS_NASKAH.get(jenis)
    if row is None or row.tingkat is None or row.tingkat == profile.tingkat:
        return None
    return (f"jenis '{jenis}' ({row.keterangan}) tidak sesuai dengan profil daerah {profile.nama_daerah} "
            f"(tingkat: {profile.tingkat})")


def jenis_for(profile: ProfilDaerah) -> str:
    """The ``jenis`` of a Peraturan of the daerah's head: 'perbup', 'perwali' or 'pergub'."""
    return profile.tingkat_daerah.jenis


def jenis_of(doc) -> JenisNaskah:
    return JENIS_NASKAH[doc.jenis]


def assembler_for(doc) -> type[Assembler]:
    return jenis_of(doc).assembler


def assemble(doc, profile: ProfilDaerah, registry, numbering: Numbering | None = None) -> Blocks:
    """The document as styled blocks, by its kind's assembler."""
    return assembler_for(doc)(doc, profile, registry, numbering).run()

"""Perubahan (an amending Perbup) and Pencabutan (a revoking Perbup).

A Perubahan carries its changes as numbered instructions (Pasal I, butir 233–236c). Each instruction names
what it does (``aksi``), the unit kind and the fixed numbers involved; the instruction sentence itself is
generated at render time from these, so it always follows the catalogue formulae. The restated units
(``isi``) carry their printed number (``Pasal 5A``, ``ayat (1a)``) because an amendment never renumbers.
"""
from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, Optional, Union

from pydantic import Discriminator, Field, Tag, model_validator

from .base import Node
from .body import ID_PATTERN, Butir
from .document import Pengundangan, _Dokumen
from .reference import JenisPeraturan, Peraturan

Label = Annotated[str, Field(min_length=1, max_length=20, pattern=r"^([0-9A-Za-z ]+|-)$")]
OptId = Annotated[Optional[str], Field(default=None, pattern=ID_PATTERN)]


class AngkaUbah(Node):
    """A definition of Pasal 1 as restated: ``angka: "3a"``."""

    angka: Label
    id: OptId
    teks: str


class AyatUbah(Node):
    ayat: Label = Field(description="Nomor ayat tanpa kurung: '2', '1a'.")
    id: OptId
    teks: str
    rincian: list[Butir] = Field(default_factory=list)
    teks_akhir: Optional[str] = None


class PasalUbah(Node):
    pasal: Label = Field(description="Nomor Pasal apa adanya: '6', '5A'.")
    id: OptId
    teks: Optional[str] = None
    rincian: list[Butir] = Field(default_factory=list)
    teks_akhir: Optional[str] = None
    ayat: list[AyatUbah] = Field(default_factory=list)
    definisi: list[AngkaUbah] = Field(default_factory=list)


class ParagrafUbah(Node):
    paragraf: Label
    id: OptId
    judul: str
    isi: list[PasalUbah] = Field(default_factory=list)


def _unit_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        return next((k for k in ("bab", "bagian", "paragraf", "pasal") if k in value), None)
    return {BabUbah: "bab", BagianUbah: "bagian", ParagrafUbah: "paragraf", PasalUbah: "pasal"}.get(type(value))


class BagianUbah(Node):
    bagian: Label = Field(description="Nomor Bagian dalam kata: 'Kedua', 'Kedua A'.")
    id: OptId
    judul: str
    isi: list[Annotated[Union[Annotated[ParagrafUbah, Tag("paragraf")], Annotated[PasalUbah, Tag("pasal")]],
                        Discriminator(_unit_kind)]] = Field(default_factory=list)


class BabUbah(Node):
    bab: Label = Field(description="Nomor BAB dalam angka Romawi: 'IV', 'IXA'.")
    id: OptId
    judul: str
    isi: list[Annotated[Union[Annotated[BagianUbah, Tag("bagian")], Annotated[PasalUbah, Tag("pasal")]],
                        Discriminator(_unit_kind)]] = Field(default_factory=list)


UnitUbah = Annotated[Union[Annotated[BabUbah, Tag("bab")], Annotated[BagianUbah, Tag("bagian")],
                           Annotated[ParagrafUbah, Tag("paragraf")], Annotated[PasalUbah, Tag("pasal")]],
                     Discriminator(_unit_kind)]

Aksi = Literal["ubah", "sisip", "tambah", "hapus", "ganti_lampiran"]
JenisUnit = Literal["bab", "bagian", "paragraf", "pasal", "ayat", "angka", "lampiran"]


class Letak(Node):
    """Where an inserted unit goes, for the naskah konsolidasi: its parent and the sibling it follows."""

    induk: Optional[str] = Field(default=None, description="Unit induk, mis. 'BAB IV/Bagian Kedua'; kosong = batang tubuh.")
    setelah: Optional[str] = Field(default=None, description="Unit sebelumnya dalam induk, mis. 'Pasal 9'; kosong = paling awal.")


class AngkaPerubahan(Node):
    """One numbered change of Pasal I."""

    aksi: Aksi
    unit: JenisUnit
    nomor: list[Label] = Field(min_length=1, description="Nomor unit yang diubah/disisipkan/dihapus.")
    pasal: Optional[Label] = Field(default=None, description="Nomor Pasal tempat ayat/angka berada.")
    induk: Optional[Label] = Field(default=None, description="Nomor BAB tempat Bagian berada.")
    antara: Optional[list[Label]] = Field(default=None, min_length=2, max_length=2,
                                          description="Untuk 'sisip': nomor unit sebelum dan sesudahnya.")
    setelah: Optional[Label] = Field(default=None, description="Untuk 'tambah': nomor unit terakhir sebelumnya.")
    letak: Optional[Letak] = None
    sasaran: list[str] = Field(default_factory=list, description="Id unit yang diubah atau dihapus (untuk konsolidasi).")
    isi: list[UnitUbah] = Field(default_factory=list, description="Unit sebagaimana berbunyi setelah diubah.")
    ayat: list[AyatUbah] = Field(default_factory=list, description="Ayat yang diubah saja (aksi 'ubah' unit 'ayat').")
    definisi: list[AngkaUbah] = Field(default_factory=list, description="Angka Pasal 1 yang diubah saja.")
    lampiran: Optional[str] = Field(default=None, description="Id lampiran baru (aksi 'ganti_lampiran').")
    alasan: Optional[str] = Field(default=None, description="Alasan perubahan ini, ditulis penyusun; tampil di kolom "
                                                           "Keterangan matriks perbandingan.")

    @model_validator(mode="after")
    def _placement(self):
        if self.aksi == "sisip" and not self.antara:
            raise ValueError("perubahan 'sisip' memerlukan 'antara: [nomor sebelum, nomor sesudah]'")
        if self.aksi == "tambah" and not self.setelah:
            raise ValueError("perubahan 'tambah' memerlukan 'setelah: nomor unit terakhir'")
        return self


def _perbup_reference(data):
    if isinstance(data, dict) and "jenis" not in data:
        return {"jenis": "perbup", **data}
    return data


class PeraturanDiubah(Peraturan):
    """The amended (or revoked) Perbup: nomor, tahun, tentang, and its Berita Daerah (``lembaran``)."""

    jenis: JenisPeraturan = JenisPeraturan.perbup
    _default_jenis = model_validator(mode="before")(classmethod(lambda cls, d: _perbup_reference(d)))


class PerubahanBupati(_Dokumen):
    """Peraturan Bupati tentang Perubahan (Kedua, …) atas Peraturan Bupati … ."""

    jenis: Literal["perubahan"] = "perubahan"
    tentang: str = Field(default="", description="Kosongkan: dibuat dari peraturan yang diubah.")
    mengubah: PeraturanDiubah
    perubahan_sebelumnya: list[PeraturanDiubah] = Field(
        default_factory=list, description="Perubahan terdahulu, urut; menentukan 'Perubahan Kedua' dst.")
    perubahan: list[AngkaPerubahan] = Field(default_factory=list)
    pasal_ii: list[str] = Field(default_factory=list, description="Ketentuan peralihan dalam Pasal II sebelum rumusan mulai berlaku.")
    berlaku: Optional[str] = None
    pengundangan: Pengundangan = Field(default_factory=Pengundangan)
    perintah_pengundangan: Optional[str] = None

    nama_jenis: ClassVar[str] = "Peraturan Bupati"
    penjelasan: ClassVar[None] = None

    @property
    def ke(self) -> int:
        """1 for the first amendment, 2 for 'Perubahan Kedua', …"""
        return len(self.perubahan_sebelumnya) + 1


class PencabutanBupati(_Dokumen):
    """A stand-alone Pencabutan: Pasal 1 revokes, Pasal 2 mulai berlaku (butir 225, 227)."""

    jenis: Literal["pencabutan"] = "pencabutan"
    tentang: str = Field(default="", description="Kosongkan: dibuat dari peraturan yang dicabut.")
    dicabut: list[PeraturanDiubah] = Field(min_length=1)
    belum_berlaku: bool = Field(default=False, description="Peraturan yang dicabut sudah diundangkan tetapi belum berlaku (butir 149).")
    berlaku: Optional[str] = None
    pengundangan: Pengundangan = Field(default_factory=Pengundangan)
    perintah_pengundangan: Optional[str] = None

    nama_jenis: ClassVar[str] = "Peraturan Bupati"
    penjelasan: ClassVar[None] = None

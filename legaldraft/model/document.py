"""The three kinds of document: Peraturan Bupati, Keputusan Bupati and Pedoman (a Perbup whose Lampiran is a pedoman).

A spec names its ``jenis``; :data:`Dokumen` is the discriminated union the loader validates against.
"""
# No 'from __future__ import annotations' in model/: pydantic then reads each field's type as an object instead
# of evaluating a string at class creation (start-up time).

import datetime as dt
from enum import Enum
from typing import ClassVar, Literal, Optional

from pydantic import Field, PrivateAttr, field_validator, model_validator

from .asal import Asal
from .base import Node, empty_list
from .body import ID_PATTERN, Butir, BodyNode, Id
from .lampiran import Lampiran, Tabel
from .reference import DasarHukum


class Status(str, Enum):
    rancangan = "rancangan"
    final = "final"
    #: a working full text prepared for an amendment: the issued Perbup as it should read after the change,
    #: never enacted as such (``legaldraft amend`` takes it as the new version; printed as a naskah kerja)
    revisi = "revisi"


class KonsideransPoin(Node):
    id: Id
    teks: str

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, d):
        return {"teks": d} if isinstance(d, str) else d


class Konsiderans(Node):
    """Menimbang. The closing point ("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a
    … perlu menetapkan …;") is generated from the number of points unless ``penutup`` gives it verbatim.
    ``tunggal`` is the single, unlettered pertimbangan of a Perbup that executes a higher regulation
    (butir 24–27); by default it is recognised when the only point already says "perlu menetapkan".
    """

    poin: list[KonsideransPoin] = Field(min_length=1)
    penutup: Optional[str] = None
    tunggal: Optional[bool] = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, d):
        return {"poin": d} if isinstance(d, list) else d

    @property
    def is_tunggal(self) -> bool:
        if self.tunggal is not None:
            return self.tunggal
        return len(self.poin) == 1 and self.penutup is None and "perlu menetapkan" in self.poin[0].teks


class Penetapan(Node):
    """Signature block. Empty fields take the daerah profile's values (tempat, jabatan, nama)."""

    tempat: Optional[str] = None
    tanggal: Optional[dt.date] = None
    jabatan: Optional[str] = Field(default=None, description="Mis. 'BUPATI PURWAKARTA' (koma ditambahkan otomatis); bawaan dari profil.")
    atas_nama: Optional[str] = Field(default=None, description="Baris 'a.n. BUPATI CIANJUR' di atas jabatan bila ditandatangani atas nama.")
    nama: Optional[str] = None


class BeritaDaerah(Node):
    tahun: Optional[int] = None
    nomor: Optional[str | int] = None
    seri: Optional[str] = None


class Pengundangan(Node):
    tempat: Optional[str] = None
    tanggal: Optional[dt.date] = None
    jabatan: Optional[str] = None
    nama: Optional[str] = None
    berita_daerah: BeritaDaerah = Field(default_factory=BeritaDaerah)


class Paraf(Node):
    jabatan: str

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, d):
        return {"jabatan": d} if isinstance(d, str) else d


class Abaikan(Node):
    """Inline suppression of a rule, with a mandatory reason (e.g. the daerah's own practice)."""

    aturan: str = Field(pattern=r"^[A-Z]{2,3}-\d{3}$")
    alasan: str = Field(min_length=5)
    di: Optional[str] = Field(default=None, description="Hanya pada unit ber-id ini; kosong = di seluruh dokumen.")


class PenjelasanPasal(Node):
    pasal: str = Field(description="Id Pasal yang dijelaskan.")
    teks: str = "Cukup jelas."


class Penjelasan(Node):
    """Optional for a Perbup (butir 175): I. UMUM and II. PASAL DEMI PASAL."""

    umum: list[str] = Field(default_factory=empty_list)
    pasal: list[PenjelasanPasal] = Field(default_factory=empty_list)


class _Dokumen(Node):
    daerah: str = Field(description="Nama profil daerah (mis. 'purwakarta'): profil/NAMA.yaml di samping spec, atau profil bawaan.")
    status: Status = Status.rancangan
    nomor: Optional[str] = None
    tahun: Optional[int] = Field(default=None, ge=1945, le=2200)
    tentang: str = Field(min_length=3, description="Nama peraturan/keputusan dalam huruf biasa; judul menuliskannya dengan huruf kapital.")
    salinan: bool = False
    kepala_naskah: list[str] = Field(
        default_factory=empty_list,
        description="Baris kepala apa adanya, menggantikan kop jabatan dan provinsi (mis. kop Dinas, atau "
                    "'LEMBARAN DAERAH … SERI : E' naskah lama); biasanya hasil 'legaldraft import'.")
    konsiderans: Konsiderans
    dasar_hukum: list[DasarHukum] = Field(default_factory=empty_list)
    penetapan: Penetapan = Field(default_factory=Penetapan)
    lampiran: list[Lampiran] = Field(default_factory=empty_list)
    paraf_koordinasi: list[Paraf] = Field(default_factory=empty_list)
    abaikan: list[Abaikan] = Field(default_factory=empty_list)
    asal: Optional[Asal] = Field(default=None, description="Asal spec hasil impor (diisi 'legaldraft import').")

    _context: Optional[object] = PrivateAttr(default=None)  # spec.loader.SpecContext once loaded

    def __eq__(self, other) -> bool:
        """Equal content; where a document was loaded from does not matter."""
        return type(self) is type(other) and self.__dict__ == other.__dict__

    @field_validator("nomor", mode="before")
    @classmethod
    def _nomor_text(cls, v):
        return str(v) if isinstance(v, int) else v

    @property
    def is_rancangan(self) -> bool:
        return self.status == Status.rancangan

    @property
    def is_naskah_kerja(self) -> bool:
        """A working text (``status: revisi``): carries the issued nomor but was never enacted as written."""
        return self.status == Status.revisi


class PeraturanBupati(_Dokumen):
    jenis: Literal["perbup"] = "perbup"
    batang_tubuh: list[BodyNode] = Field(default_factory=empty_list, description="Hanya kosong untuk naskah tidak lengkap (hasil impor); pemeriksa melaporkannya.")
    penjelasan: Optional[Penjelasan] = None
    pengundangan: Pengundangan = Field(default_factory=Pengundangan)
    perintah_pengundangan: Optional[str] = Field(
        default=None, description="Kalimat 'Agar setiap orang mengetahuinya …' apa adanya, bila tidak memakai rumusan baku.")

    nama_jenis: ClassVar[str] = "Peraturan Bupati"


class PeraturanWaliKota(PeraturanBupati):
    """A Peraturan Wali Kota: the form of a Peraturan Bupati, the words of a kota profile (``tingkat: kota``)."""

    jenis: Literal["perwali"] = "perwali"
    nama_jenis: ClassVar[str] = "Peraturan Wali Kota"


class PeraturanGubernur(PeraturanBupati):
    """A Peraturan Gubernur: the form of a Peraturan Bupati, the words of a provinsi profile."""

    jenis: Literal["pergub"] = "pergub"
    nama_jenis: ClassVar[str] = "Peraturan Gubernur"


class Pedoman(PeraturanBupati):
    """A Perbup whose substance is a pedoman carried in its Lampiran (prose chapters)."""

    jenis: Literal["pedoman"] = "pedoman"

    @model_validator(mode="after")
    def _has_pedoman(self):
        if not self.lampiran:
            raise ValueError("dokumen jenis 'pedoman' memerlukan setidaknya satu lampiran berisi pedoman")
        return self


class Diktum(Node):
    id: Optional[str] = Field(default=None, pattern=ID_PATTERN)
    teks: str
    rincian: list[Butir] = Field(default_factory=empty_list)
    teks_akhir: Optional[str] = None
    tabel: Optional[Tabel] = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, d):
        return {"teks": d} if isinstance(d, str) else d


class KeputusanBupati(_Dokumen):
    jenis: Literal["keputusan"] = "keputusan"
    memperhatikan: list[str] = Field(default_factory=empty_list)
    diktum: list[Diktum] = Field(default_factory=empty_list, description="Hanya kosong untuk naskah tidak lengkap (hasil impor); pemeriksa melaporkannya.")
    batang_tubuh: list[BodyNode] = Field(default_factory=empty_list, description=(
        "Hanya untuk Keputusan lama yang isinya ber-Pasal (sebelum bentuk diktum dibakukan, mis. hasil impor "
        "Keputusan tahun 1990-an): Pasal menggantikan diktum."))
    mulai_berlaku: Optional[str] = Field(
        default=None, description="Diktum terakhir apa adanya; bawaan 'Keputusan Bupati ini mulai berlaku pada tanggal ditetapkan.'")
    tembusan: list[str] = Field(default_factory=empty_list)

    nama_jenis: ClassVar[str] = "Keputusan Bupati"

    @model_validator(mode="after")
    def _one_body_form(self):
        if self.diktum and self.batang_tubuh:
            raise ValueError("Keputusan memuat diktum atau batang_tubuh (Pasal), tidak keduanya")
        return self


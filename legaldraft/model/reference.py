"""Legal references: regulations cited in Mengingat (dasar hukum) and the registry entries behind them."""
# No 'from __future__ import annotations' in model/: pydantic then reads each field's type as an object instead
# of evaluating a string at class creation (start-up time).

import datetime as dt
from enum import Enum
from typing import Optional

from pydantic import Field, model_validator

from .base import Node, empty_list


class JenisPeraturan(str, Enum):
    """Kinds of regulation, in the hierarchy order used for Mengingat (DH-004)."""

    uud = "uud"
    tap_mpr = "tap_mpr"
    uu = "uu"
    perppu = "perppu"
    pp = "pp"
    perpres = "perpres"
    permen = "permen"
    perda_prov = "perda_prov"
    pergub = "pergub"
    perda = "perda"
    perbup = "perbup"
    keputusan = "keputusan"
    lainnya = "lainnya"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def label(self) -> str:
        return _LABEL[self]


_ORDER = list(JenisPeraturan)
_RANK = {j: i for i, j in enumerate(_ORDER)}
# perppu shares the rank of uu (UU 12/2011 Pasal 7 ayat (1) huruf c)
_RANK[JenisPeraturan.perppu] = _RANK[JenisPeraturan.uu]
_LABEL = {
    JenisPeraturan.uud: "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945",
    JenisPeraturan.tap_mpr: "Ketetapan Majelis Permusyawaratan Rakyat",
    JenisPeraturan.uu: "Undang-Undang",
    JenisPeraturan.perppu: "Peraturan Pemerintah Pengganti Undang-Undang",
    JenisPeraturan.pp: "Peraturan Pemerintah",
    JenisPeraturan.perpres: "Peraturan Presiden",
    JenisPeraturan.permen: "Peraturan Menteri",
    JenisPeraturan.perda_prov: "Peraturan Daerah Provinsi",
    JenisPeraturan.pergub: "Peraturan Gubernur",
    JenisPeraturan.perda: "Peraturan Daerah",
    JenisPeraturan.perbup: "Peraturan Bupati",
    JenisPeraturan.keputusan: "Keputusan",
    JenisPeraturan.lainnya: "",
}

#: Regulations that are peraturan perundang-undangan and may stand in a Perbup's Mengingat (DH-003).
PERATURAN = frozenset(_ORDER) - {JenisPeraturan.keputusan, JenisPeraturan.lainnya}


class Publikasi(Node):
    """Lembaran/Berita (Negara or Daerah) of a given year and number."""

    tahun: int
    nomor: str | int
    seri: Optional[str] = None


class Peraturan(Node):
    """One regulation, as a registry entry or written in a spec.

    ``lembaran`` is the Lembaran Negara (UU, Perppu, PP, Perpres), the Berita Negara (Permen),
    the Lembaran Daerah (Perda) or the Berita Daerah (Pergub, Perbup); ``tambahan`` the matching
    Tambahan number. ``publikasi_teks`` overrides the generated parenthesis for old laws
    ("(Berita Negara Republik Indonesia tanggal 8 Agustus 1950)").
    """

    jenis: JenisPeraturan = Field(description="uud, tap_mpr, uu, perppu, pp, perpres, permen, perda_prov, pergub, perda, perbup, keputusan, lainnya.")
    penerbit: Optional[str] = Field(
        default=None,
        description="Permen: menterinya ('Menteri Dalam Negeri'); Perda/Perbup: daerahnya ('Kabupaten Purwakarta').",
    )
    nomor: Optional[str] = None
    tahun: Optional[int] = None
    tentang: Optional[str] = Field(default=None, description="Nama peraturan, seperti tertulis dalam judulnya.")
    diundangkan: Optional[dt.date] = Field(default=None, description="Tanggal diundangkan (menentukan rantai perubahan pada tanggal penetapan).")
    lembaran: Optional[Publikasi] = Field(default=None, description="Lembaran Negara/Daerah atau Berita Negara/Daerah: {tahun, nomor}.")
    tambahan: Optional[str | int] = Field(default=None, description="Nomor Tambahan Lembaran Negara/Daerah.")
    publikasi_teks: Optional[str] = Field(default=None, description="Isi kurung publikasi apa adanya (undang-undang lama).")
    mengubah: list[str] = Field(default_factory=empty_list)
    mencabut: list[str] = Field(default_factory=empty_list)
    verifikasi: Optional[str] = Field(default=None, pattern="^[PSUE]$")  # E: extracted, not verified by hand
    sumber: Optional[str] = None

    @model_validator(mode="before")
    @classmethod
    def _nomor_as_text(cls, data):
        if isinstance(data, dict) and isinstance(data.get("nomor"), int):
            data = {**data, "nomor": str(data["nomor"])}
        return data

    @property
    def nama_jenis(self) -> str:
        """'Peraturan Menteri Dalam Negeri', 'Peraturan Daerah Kabupaten Purwakarta', 'Undang-Undang'."""
        if self.jenis in (JenisPeraturan.permen,) and self.penerbit:
            return f"Peraturan {self.penerbit}"
        if self.jenis in (JenisPeraturan.perda, JenisPeraturan.perbup, JenisPeraturan.perda_prov,
                          JenisPeraturan.pergub) and self.penerbit:
            base = {JenisPeraturan.perda: "Peraturan Daerah", JenisPeraturan.perda_prov: "Peraturan Daerah",
                    JenisPeraturan.perbup: "Peraturan Bupati", JenisPeraturan.pergub: "Peraturan Gubernur"}[self.jenis]
            return f"{base} {self.penerbit}"
        return self.jenis.label


class DasarHukum(Node):
    """One Mengingat item.

    Either ``ref`` (a registry key such as ``uu-23-2014``), an inline ``peraturan``, or a verbatim
    ``teks`` (kept as written, e.g. by the importer when a citation cannot be parsed). ``pasal``
    cites articles first, as for the UUD ("Pasal 18 ayat (6)"). ``perubahan`` overrides the
    amendment chain taken from the registry, or gives the chain of a hand-written ``peraturan``: a list of
    registry keys or regulations written out like ``peraturan`` (jenis, nomor, tahun, tentang, lembaran …).
    """

    id: Optional[str] = None
    ref: Optional[str] = Field(default=None, description="Kunci registry, mis. 'uu-23-2014' (cari: 'legaldraft registry search').")
    peraturan: Optional[Peraturan] = Field(default=None, description="Peraturan yang ditulis lengkap (tidak ada di registry).")
    pasal: Optional[str] = Field(default=None, description="Pasal yang dikutip lebih dulu, mis. 'Pasal 18 ayat (6)'.")
    perubahan: Optional[list[str | Peraturan]] = Field(default=None, description=(
        "Rantai perubahan, urut dari yang pertama: kunci registry atau peraturan yang ditulis lengkap seperti "
        "'peraturan:'. Untuk 'ref:' bawaannya diambil dari registry."))
    teks: Optional[str] = Field(default=None, description="Kutipan apa adanya (tanpa pemeriksaan kutipan).")

    def perubahan_keys(self) -> list[str]:
        """The registry keys named in ``perubahan`` (hand-written regulations left out)."""
        return [p for p in (self.perubahan or []) if isinstance(p, str)]

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data):
        if isinstance(data, str):
            return {"ref": data}
        return data

    @model_validator(mode="after")
    def _one_source(self):
        given = [x for x in (self.ref, self.peraturan, self.teks) if x is not None]
        if len(given) != 1:
            raise ValueError("isi tepat satu dari 'ref', 'peraturan', atau 'teks'")
        return self

"""The level of a daerah (``tingkat``) and every word that follows from it, in one table.

A Peraturan of a Bupati, a Wali Kota and a Gubernur have one form (UU 12/2011 Lampiran II; UU 23/2014 Pasal 1
angka 26: "Peraturan Kepala Daerah … adalah peraturan gubernur dan peraturan bupati/wali kota"); only the
words differ: the head's title, the daerah's sebutan, the kop, the Sekretaris Daerah and the Berita Daerah.
The ``jenis`` of a spec decides the form, the profile's ``tingkat`` the words.

Spelling of the head of a kota: UU 23/2014 (disahkan 30 September 2014, diundangkan 2 Oktober 2014) writes
"wali kota" as two words, as KBBI and the Indonesian spelling rules (PUEBI/EYD: a compound of two base words
is written apart) do; documents issued before it, under UU 32/2004, wrote "Walikota" (e.g. Peraturan Walikota
Surabaya Nomor 64 Tahun 2012), and some kota kept that practice afterwards (Peraturan Walikota Mataram Nomor 42
Tahun 2016) while others adopted "Wali Kota" (Peraturan Wali Kota Depok Nomor 45 Tahun 2020). So a kota
profile without ``kepala_daerah`` writes "Wali Kota" for documents from :data:`WALI_KOTA_SEJAK` on and
"Walikota" before it; ``kepala_daerah: Walikota`` in the profile keeps the daerah's practice at any date.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, Optional

TingkatDaerah = Literal["kabupaten", "kota", "provinsi"]

#: UU 23/2014 (writes "wali kota") was promulgated on 2 October 2014 (LN 2014 Nomor 244)
WALI_KOTA_SEJAK = dt.date(2014, 10, 2)


@dataclass(frozen=True)
class Tingkat:
    """The level of a daerah (kabupaten, kota, provinsi) and the words that follow from it."""

    tingkat: str
    sebutan: str                      # 'Kabupaten Purwakarta', 'Kota Bogor', 'Provinsi Jawa Timur'
    kepala: str                       # the head's title as the judul and the formulae write it
    jenis: str                        # the spec's ``jenis`` of its Peraturan
    singkatan: tuple[str, str]        # JDIH singkatan jenis of its Peraturan and Keputusan
    kepala_lama: Optional[str] = None  # the older spelling, before WALI_KOTA_SEJAK
    baris_provinsi: bool = True       # the kop names the province under the head ('PROVINSI JAWA BARAT')
    pembina: str = "Gubernur {provinsi}"  # first tembusan of a Keputusan: the head's supervisor (UU 23/2014 Pasal 8)
    unit_hukum: str = "Bagian Hukum"  # the legal unit of the Sekretariat Daerah (a provinsi: Biro Hukum)
    teu_badan: str = "{provinsi}. {daerah}"  # JDIH T.E.U. Badan (a provinsi: the provinsi alone)

    def kepala_pada(self, tanggal: dt.date | None) -> str:
        """The head's title on a document of ``tanggal`` (None: a draft of today)."""
        if self.kepala_lama and tanggal is not None and tanggal < WALI_KOTA_SEJAK:
            return self.kepala_lama
        return self.kepala


TINGKAT: dict[str, Tingkat] = {t.tingkat: t for t in (
    Tingkat("kabupaten", "Kabupaten", "Bupati", "perbup", ("Perbup", "Kepbup")),
    Tingkat("kota", "Kota", "Wali Kota", "perwali", ("Perwal", "Kepwal"), kepala_lama="Walikota"),
    Tingkat("provinsi", "Provinsi", "Gubernur", "pergub", ("Pergub", "Kepgub"), baris_provinsi=False,
            pembina="Menteri Dalam Negeri", unit_hukum="Biro Hukum", teu_badan="{daerah}"),
)}

#: the ``jenis`` of a Peraturan by tingkat, and the reverse
JENIS_PERATURAN = {t.jenis: t.tingkat for t in TINGKAT.values()}


def tingkat_dari(sebutan: str | None = None, kepala: str | None = None) -> str:
    """The tingkat an older profile implies through its ``sebutan`` or ``kepala_daerah`` (kabupaten when none)."""
    words = f"{sebutan or ''} {kepala or ''}".lower().replace(" ", "")
    if "provinsi" in words or "gubernur" in words:
        return "provinsi"
    if "kota" in words:
        return "kota"
    return "kabupaten"


def kepala_tingkat(tingkat: str) -> tuple[str, ...]:
    """Every spelling of the head's title of ``tingkat`` (for readers of issued text)."""
    t = TINGKAT[tingkat]
    return (t.kepala,) + ((t.kepala_lama,) if t.kepala_lama else ())

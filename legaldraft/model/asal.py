"""Provenance of an imported spec (``asal:``): which copy it came from and what the importer found or filled in.

Written by ``legaldraft import``; a drafter's own spec has none. It lets the checker tell the document's
defects from the copy's (a copy cut off after the Mengingat has no batang tubuh: that is not a defect of the
regulation) and from the importer's placeholders (a konsiderans '-' where the copy has none).
"""
# No 'from __future__ import annotations' in model/: pydantic then reads each field's type as an object instead
# of evaluating a string at class creation (start-up time).

from typing import Literal, Optional

from pydantic import Field

from .base import Node, empty_list

Bagian = Literal["judul", "konsiderans", "mengingat", "batang_tubuh", "diktum", "penutup", "lampiran"]


class Asal(Node):
    berkas: Optional[str] = Field(default=None, description="Nama berkas sumber impor.")
    jenis: Optional[Literal["perbup", "perwali", "pergub", "keputusan", "perubahan", "pencabutan", "pedoman"]] = Field(
        default=None, description="Jenis naskah menurut judul dan baris jabatannya.")
    induk: Optional[Literal["perbup", "perwali", "pergub", "keputusan"]] = Field(
        default=None, description="Untuk Perubahan/Pencabutan: jenis peraturan yang diubah atau dicabut.")
    tingkat: Optional[Literal["kabupaten", "kota", "provinsi"]] = None
    nama_jenis: Optional[str] = Field(default=None, description="Nama jenis seperti tertulis: 'Peraturan Walikota'.")
    mengubah: Optional[str] = Field(default=None, description="Peraturan yang diubah/dicabut, seperti disebut judul.")
    terpotong: Optional[Bagian] = Field(
        default=None, description="Salinan sumber berhenti di bagian ini; bagian sesudahnya tidak ada pada salinan.")
    isian: list[str] = Field(default_factory=empty_list, description="Kolom spec yang berisi isian importer, bukan teks naskah.")

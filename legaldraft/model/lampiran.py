"""Lampiran: prose chapters (a Pedoman), tables (a team's members), images (an organisation chart)."""
# No 'from __future__ import annotations' in model/: pydantic then reads each field's type as an object instead
# of evaluating a string at class creation (start-up time).

from typing import Annotated, Any, Literal, Optional, Union

from pydantic import AliasChoices, Discriminator, Field, Tag, field_validator, model_validator

from .base import Node, empty_list
from .body import ID_PATTERN, Id


class Tabel(Node):
    judul: Optional[str] = None
    sumber: Optional[str] = Field(default=None, description=(
        "Berkas .xlsx atau .csv (relatif terhadap folder spec) tempat isi tabel: baris pertama judul kolom, "
        "baris berikutnya isinya. Pesan menunjuk berkas:baris:kolom."))
    lembar: Optional[str] = Field(default=None, description="Nama lembar (sheet) XLSX; bawaan lembar pertama.")
    kolom: list[str] = Field(default_factory=empty_list, description=(
        "Judul kolom (wajib tanpa 'sumber'); dengan 'sumber': kolom yang diambil dari berkas (bawaan semua)."))
    baris: list[list[str]] = Field(default_factory=empty_list)
    lebar: Optional[list[float]] = Field(default=None, description="Lebar relatif kolom.")
    nomor_otomatis: bool = Field(default=False, description="Tambahkan kolom 'No.' bernomor 1., 2., ...")

    @field_validator("baris", mode="before")
    @classmethod
    def _cells_as_text(cls, rows):
        if isinstance(rows, list):
            return [[("" if c is None else str(c)) for c in r] if isinstance(r, list) else r for r in rows]
        return rows

    @model_validator(mode="after")
    def _widths(self):
        if not self.kolom:
            raise ValueError("tabel tanpa 'kolom': tulis judul kolom, atau 'sumber: berkas.xlsx' (baris pertamanya judul kolom)")
        for i, row in enumerate(self.baris):
            if len(row) != len(self.kolom):
                raise ValueError(f"baris {i + 1} berisi {len(row)} sel, padahal kolom ada {len(self.kolom)}")
        return self


class BlokTabel(Node):
    tabel: Tabel


class BlokGambar(Node):
    gambar: str = Field(description="Path gambar, relatif terhadap folder spec.")
    judul: Optional[str] = None
    lebar_mm: Optional[float] = Field(default=None, gt=0, le=400)


class BlokTeks(Node):
    teks: str


class BlokMarkdown(Node):
    markdown: str


class ItemDaftar(Node):
    teks: str
    daftar: list["ItemDaftar"] = Field(default_factory=empty_list)

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, d):
        return {"teks": d} if isinstance(d, str) else d


class BlokDaftar(Node):
    daftar: list[ItemDaftar]
    penanda: Literal["1.", "a.", "1)", "a)", "-"] = "1."


def _block_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "teks"
    if isinstance(value, dict):
        for key in ("bab", "subbab", "tabel", "gambar", "markdown", "daftar", "teks"):
            if key in value:
                return key
        return None
    return _BLOCK_TAGS.get(type(value))


class SubBab(Node):
    """A heading inside a chapter of a pedoman: A., B. (or 1., 2. one level down)."""

    judul: str = Field(validation_alias=AliasChoices("subbab", "judul"), serialization_alias="subbab")
    id: Id
    isi: list["BlokLampiran"] = Field(default_factory=empty_list)

    _isi = field_validator("isi", mode="before")(classmethod(lambda cls, v: _coerce_text_blocks(v)))


class BabLampiran(Node):
    """A chapter of a pedoman: BAB I PENDAHULUAN ..."""

    judul: str = Field(validation_alias=AliasChoices("bab", "judul"), serialization_alias="bab")
    id: Id
    isi: list["BlokLampiran"] = Field(default_factory=empty_list)

    _isi = field_validator("isi", mode="before")(classmethod(lambda cls, v: _coerce_text_blocks(v)))


BlokLampiran = Annotated[
    Union[
        Annotated[BabLampiran, Tag("bab")],
        Annotated[SubBab, Tag("subbab")],
        Annotated[BlokTabel, Tag("tabel")],
        Annotated[BlokGambar, Tag("gambar")],
        Annotated[BlokMarkdown, Tag("markdown")],
        Annotated[BlokDaftar, Tag("daftar")],
        Annotated[BlokTeks, Tag("teks")],
    ],
    Discriminator(_block_kind),
]
_BLOCK_TAGS = {BabLampiran: "bab", SubBab: "subbab", BlokTabel: "tabel", BlokGambar: "gambar",
               BlokMarkdown: "markdown", BlokDaftar: "daftar", BlokTeks: "teks"}


def _coerce_text_blocks(items):
    if isinstance(items, list):
        return [{"teks": x} if isinstance(x, str) else x for x in items]
    return items


class Lampiran(Node):
    """One lampiran. Numbered LAMPIRAN I, II … when the document has more than one (LAM-002)."""

    id: Optional[str] = Field(default=None, pattern=ID_PATTERN)
    judul: Optional[str] = Field(default=None, description="Nama lampiran, di tengah dengan huruf kapital (mis. PEDOMAN ...).")
    isi: list[BlokLampiran] = Field(default_factory=empty_list)
    tanda_tangan: bool = Field(default=True, description="Tutup lampiran dengan jabatan dan nama penanda tangan (LAM-004).")

    _isi = field_validator("isi", mode="before")(classmethod(lambda cls, v: _coerce_text_blocks(v)))


SubBab.model_rebuild()
BabLampiran.model_rebuild()
ItemDaftar.model_rebuild()

"""Batang tubuh of a Peraturan: BAB -> Bagian -> Paragraf -> Pasal -> ayat -> huruf -> angka.

Numbers are never stored: BAB, Bagian, Paragraf, Pasal, ayat and list markers are computed from the
order of the tree (legaldraft.naskah.numbering). Units carry optional stable ``id``s; text refers to
them as ``[[id]]`` (the citation, e.g. "Pasal 7 ayat (2)") or ``[[dimaksud id]]`` (the whole phrase
"sebagaimana dimaksud dalam Pasal 7 ayat (2)" / "sebagaimana dimaksud pada ayat (2)").
"""
# No 'from __future__ import annotations' in model/: pydantic then reads each field's type as an object instead
# of evaluating a string at class creation (start-up time).

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Annotated, Any, Literal, Optional, Union

from pydantic import AliasChoices, Discriminator, Field, Tag, model_validator

from .base import Node, empty_list
from .reference import Peraturan

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"
#: set while a Perubahan's restated units are validated: they are written as they read after the change,
#: which may join an opening text and ayat (e.g. a mulai berlaku Pasal with ayat)
RESTATING: ContextVar[bool] = ContextVar("restating", default=False)


@contextmanager
def restating():
    token = RESTATING.set(True)
    try:
        yield
    finally:
        RESTATING.reset(token)
Id = Annotated[Optional[str], Field(default=None, pattern=ID_PATTERN, description="Id tetap, untuk rujukan [[id]] dan perubahan.")]


def _text_shorthand(data: Any) -> Any:
    return {"teks": data} if isinstance(data, str) else data


class Butir(Node):
    """A list item (huruf a., angka 1., a), 1) by depth). ``teks`` is written with its punctuation ("…; dan")."""

    id: Id
    teks: str
    rincian: list["Butir"] = Field(default_factory=empty_list)
    teks_akhir: Optional[str] = Field(default=None, description="Teks lanjutan setelah rincian.")

    _shorthand = model_validator(mode="before")(classmethod(lambda cls, d: _text_shorthand(d)))


class Ayat(Node):
    id: Id
    teks: str
    rincian: list[Butir] = Field(default_factory=empty_list)
    teks_akhir: Optional[str] = None

    _shorthand = model_validator(mode="before")(classmethod(lambda cls, d: _text_shorthand(d)))


class Definisi(Node):
    """A Ketentuan Umum definition: "Istilah yang selanjutnya disingkat X adalah arti."

    ``teks`` holds a definition verbatim when it does not follow the generated form.
    """

    id: Id
    istilah: Optional[str] = None
    singkatan: Optional[str] = None
    sebutan: Literal["disingkat", "disebut"] = "disingkat"
    arti: Optional[str] = None
    teks: Optional[str] = None

    @model_validator(mode="after")
    def _complete(self):
        if self.teks is None and (self.istilah is None or self.arti is None):
            raise ValueError("definisi memerlukan 'istilah' dan 'arti' (atau 'teks' utuh)")
        return self

    @property
    def term(self) -> str | None:
        return self.istilah


FormulaPasal = Literal["mulai_berlaku", "ketentuan_umum", "pencabutan", "tetap_berlaku"]


class Pasal(Node):
    """A Pasal. Its text is either ``teks`` (+ ``rincian``) or a list of ``ayat``.

    ``definisi`` makes it a Ketentuan Umum pasal (opening "Dalam Peraturan Bupati ini yang dimaksud
    dengan:" generated). ``formula: mulai_berlaku`` generates "Peraturan Bupati ini mulai berlaku
    pada tanggal diundangkan." (or ``berlaku`` as the tail, e.g. "pada tanggal 1 Januari 2027").
    """

    id: Optional[str] = Field(default=None, pattern=ID_PATTERN,
                              validation_alias=AliasChoices("pasal", "id"), serialization_alias="pasal")
    teks: Optional[str] = None
    rincian: list[Butir] = Field(default_factory=empty_list)
    teks_akhir: Optional[str] = None
    ayat: list[Ayat] = Field(default_factory=empty_list)
    definisi: list[Definisi] = Field(default_factory=empty_list)
    formula: Optional[FormulaPasal] = None
    berlaku: Optional[str] = Field(default=None, description="Ekor rumusan mulai berlaku, mis. 'pada tanggal 1 Januari 2027'.")
    pembuka: Optional[str] = Field(default=None, description="Kalimat pembuka Ketentuan Umum bila bukan rumusan baku.")
    dicabut: list[Peraturan] = Field(default_factory=empty_list, description=(
        "Untuk formula 'pencabutan' (dicabut dan dinyatakan tidak berlaku) dan 'tetap_berlaku' (peraturan "
        "pelaksanaannya tetap berlaku): peraturan yang diganti."))

    @model_validator(mode="before")
    @classmethod
    def _id_as_alias(cls, data):
        """``id:`` beside ``pasal:`` is accepted when it says the same thing or ``pasal:`` is left empty."""
        if isinstance(data, dict) and "pasal" in data and "id" in data:
            pasal, ident = data["pasal"], data["id"]
            if pasal in (None, "") or pasal == ident:
                data = {k: v for k, v in data.items() if k != "id"}
                data["pasal"] = ident
            else:
                raise ValueError(f"pasal ini punya dua id: 'pasal: {pasal}' dan 'id: {ident}'; nilai 'pasal:' adalah "
                                 f"id-nya (untuk rujukan [[{pasal}]]), jadi hapus 'id:' atau tulis 'pasal: {ident}'")
        return data

    @model_validator(mode="after")
    def _one_form(self):
        forms = sum(bool(x) for x in (self.teks or self.rincian, self.ayat, self.definisi,
                                      self.formula in ("mulai_berlaku", "pencabutan", "tetap_berlaku")))
        if forms == 0:
            raise ValueError("pasal kosong: isi 'teks', 'ayat', 'definisi', atau 'formula'")
        if self.ayat and (self.teks or self.rincian) and not RESTATING.get():
            raise ValueError("pasal berisi 'ayat' tidak boleh juga berisi 'teks'/'rincian' langsung")
        if self.formula in ("pencabutan", "tetap_berlaku") and not self.dicabut:
            raise ValueError(f"formula '{self.formula}' memerlukan 'dicabut': daftar peraturan yang diganti")
        return self


class Paragraf(Node):
    judul: str = Field(validation_alias=AliasChoices("paragraf", "judul"), serialization_alias="paragraf")
    id: Id
    isi: list[Pasal] = Field(default_factory=empty_list)


def _kind_of(value: Any) -> str | None:
    if isinstance(value, dict):
        for key in ("bab", "bagian", "paragraf", "pasal"):
            if key in value:
                return key
        return "pasal" if ("teks" in value or "ayat" in value or "definisi" in value) else None
    return UNIT_KIND.get(type(value))


class Bagian(Node):
    judul: str = Field(validation_alias=AliasChoices("bagian", "judul"), serialization_alias="bagian")
    id: Id
    isi: list[Annotated[Union[Annotated[Paragraf, Tag("paragraf")], Annotated[Pasal, Tag("pasal")]],
                        Discriminator(_kind_of)]] = Field(default_factory=empty_list)


class Bab(Node):
    judul: str = Field(validation_alias=AliasChoices("bab", "judul"), serialization_alias="bab")
    id: Id
    isi: list[Annotated[Union[Annotated[Bagian, Tag("bagian")], Annotated[Pasal, Tag("pasal")]],
                        Discriminator(_kind_of)]] = Field(default_factory=empty_list)


#: the key that names each numbered container unit in a spec (and tags it in the unions)
UNIT_KIND = {Bab: "bab", Bagian: "bagian", Paragraf: "paragraf", Pasal: "pasal"}

BodyNode = Annotated[Union[Annotated[Bab, Tag("bab")], Annotated[Pasal, Tag("pasal")]], Discriminator(_kind_of)]

Butir.model_rebuild()

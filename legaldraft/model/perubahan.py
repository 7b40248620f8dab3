"""Perubahan (an amending Perbup) and Pencabutan (a revoking Perbup).

A Perubahan carries its changes as numbered instructions (Pasal I, butir 233–236c). Each instruction names
what it does (``aksi``), the unit kind and the fixed numbers involved; the instruction sentence itself is
generated at render time from these, so it always follows the catalogue formulae. The restated units
(``isi``) carry their printed number (``Pasal 5A``, ``ayat (1a)``) because an amendment never renumbers.
"""
# No 'from __future__ import annotations' in model/: pydantic then reads each field's type as an object instead
# of evaluating a string at class creation (start-up time).

import re
from typing import Annotated, Any, ClassVar, Literal, Optional, Union

from pydantic import Discriminator, Field, Tag, WithJsonSchema, model_serializer, model_validator

from .base import Node, empty_list
from .body import ID_PATTERN, UNIT_KIND, Ayat, Bab, Bagian, Definisi, Paragraf, Pasal, restating
from .document import Pengundangan, _Dokumen
from .reference import JenisPeraturan, Peraturan

Label = Annotated[str, Field(min_length=1, max_length=20, pattern=r"^([0-9A-Za-z ]+|-)$")]
OptId = Annotated[Optional[str], Field(default=None, pattern=ID_PATTERN)]


def _unit_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        return next((k for k in ("bab", "bagian", "paragraf", "pasal") if k in value), None)
    return UNIT_KIND.get(type(value))


#: a unit as an amendment restates it: an ordinary unit whose printed number is fixed (Node.printed_number)
UnitUbah = Annotated[Union[Annotated[Bab, Tag("bab")], Annotated[Bagian, Tag("bagian")],
                           Annotated[Paragraf, Tag("paragraf")], Annotated[Pasal, Tag("pasal")]],
                     Discriminator(_unit_kind)]
_LABEL = re.compile(r"^([0-9A-Za-z ]+|-)$")
_CONTAINERS = ("bab", "bagian", "paragraf")


# The JSON Schema of the restated units as the spec writes them (editors complete and check them with it)
_TEXT = {"type": "string"}
_NUMBER = {"type": "string", "minLength": 1, "maxLength": 20, "pattern": _LABEL.pattern}
_LIST = {"type": "array"}


def _restated_schema(kind: str, fields: dict, required: tuple) -> dict:
    return {"type": "object", "properties": {kind: _NUMBER, "id": _TEXT, **fields},
            "required": [kind, *required], "additionalProperties": False}


_AYAT_SCHEMA = _restated_schema("ayat", {"teks": _TEXT, "rincian": _LIST, "teks_akhir": _TEXT}, ("teks",))
_ANGKA_SCHEMA = _restated_schema("angka", {"teks": _TEXT}, ("teks",))
_PASAL_SCHEMA = _restated_schema("pasal", {"teks": _TEXT, "rincian": _LIST, "teks_akhir": _TEXT,
                                           "ayat": {"type": "array", "items": _AYAT_SCHEMA},
                                           "definisi": {"type": "array", "items": _ANGKA_SCHEMA}}, ())
_PARAGRAF_SCHEMA = _restated_schema("paragraf", {"judul": _TEXT, "isi": {"type": "array", "items": _PASAL_SCHEMA}}, ("judul",))
_BAGIAN_SCHEMA = _restated_schema("bagian", {"judul": _TEXT, "isi": {"type": "array", "items": {
    "anyOf": [_PARAGRAF_SCHEMA, _PASAL_SCHEMA]}}}, ("judul",))
_BAB_SCHEMA = _restated_schema("bab", {"judul": _TEXT, "isi": {"type": "array", "items": {
    "anyOf": [_BAGIAN_SCHEMA, _PASAL_SCHEMA]}}}, ("judul",))


def raw_label(node) -> str | None:
    """The number of a restated unit as the spec writes it: '5A', 'IV', 'Kedua', '1a' (no brackets, no dot)."""
    printed = node.printed_number
    if printed is None:
        return None
    return printed[1:-1] if printed.startswith("(") else printed.rstrip(".") if isinstance(node, Definisi) else printed


def printed_form(kind: str, label: str) -> str:
    """A unit's number as printed from its label: ayat '(1a)', angka '3a.', the others as written ('5A', 'IV')."""
    return f"({label})" if kind == "ayat" else f"{label}." if kind == "angka" else label


def _label(value, kind: str, labels: list) -> None:
    if not isinstance(value, str) or not (1 <= len(value) <= 20) or not _LABEL.match(value):
        raise ValueError(f"nomor {kind} '{value}' tidak sah: tulis nomornya apa adanya, mis. '5A', 'IV', 'Kedua', '1a'")
    labels.append((kind, value))


def _ordinary(data: dict, kind: str, labels: list) -> dict:
    """A restated unit as the spec writes it ({pasal: '5A', …}) in the shape of an ordinary unit; its number
    (and those of its ayat and definitions) go to ``labels``, in document order."""
    if not isinstance(data, dict):
        return data
    data = dict(data)
    if kind in _CONTAINERS:
        _label(data.pop(kind, None), kind, labels)
        judul = data.pop("judul", None)
        out = {kind: judul, **data}
        child = {"bab": "bagian", "bagian": "paragraf", "paragraf": "pasal"}[kind]
        out["isi"] = [_ordinary(c, _unit_kind(c) or child, labels) for c in data.get("isi", [])]
        return out
    _label(data.pop("pasal", None), "pasal", labels)
    ident = data.pop("id", None)
    out = {"pasal": ident} | data  # the key tells the unit's kind, even without an id
    out["ayat"] = [_leaf(a, "ayat", labels) for a in data.get("ayat", [])]
    out["definisi"] = [_leaf(d, "angka", labels) for d in data.get("definisi", [])]
    return out


def _leaf(data, kind: str, labels: list):
    if not isinstance(data, dict):
        return data
    data = dict(data)
    _label(data.pop(kind, None), kind, labels)
    return data


def _fix_numbers(node, labels: list) -> None:
    """Give a validated unit (and its ayat, definitions, children) the numbers ``_ordinary`` collected, in the
    same document order."""
    order = iter(labels)

    def visit(node):
        kind, label = next(order)
        node.fix_printed_number(printed_form(kind, label))
        if isinstance(node, Pasal):
            for ayat in node.ayat:
                visit(ayat)
            for d in node.definisi:
                visit(d)
        else:
            for child in getattr(node, "isi", []):
                visit(child)

    visit(node)


def _restated_dict(node, dumped: dict) -> dict:
    """An ordinary unit dumped back in the spec's restated form ({pasal: '5A', id: …, teks: …})."""
    if isinstance(node, Pasal):
        out = {"pasal": raw_label(node)}
        if node.id:
            out["id"] = node.id
        for key in ("teks", "rincian", "teks_akhir"):
            if key in dumped:
                out[key] = dumped[key]
        if "ayat" in dumped:
            out["ayat"] = [_leaf_dict(a, d, "ayat") for a, d in zip(node.ayat, dumped["ayat"])]
        if "definisi" in dumped:
            out["definisi"] = [_leaf_dict(x, d, "angka") for x, d in zip(node.definisi, dumped["definisi"])]
        return out
    kind = _unit_kind(node)
    out = {kind: raw_label(node)}
    if node.id:
        out["id"] = node.id
    out["judul"] = node.judul
    if "isi" in dumped:
        out["isi"] = [_restated_dict(c, d) for c, d in zip(node.isi, dumped["isi"])]
    return out


def _leaf_dict(node, dumped: dict, kind: str) -> dict:
    out = {kind: raw_label(node)}
    if node.id:
        out["id"] = node.id
    out.update((k, v) for k, v in dumped.items() if k != "id")
    return out


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
    sasaran: list[str] = Field(default_factory=empty_list, description="Id unit yang diubah atau dihapus (untuk konsolidasi).")
    isi: Annotated[list[UnitUbah], WithJsonSchema({"type": "array", "items": {"anyOf": [
        _BAB_SCHEMA, _BAGIAN_SCHEMA, _PARAGRAF_SCHEMA, _PASAL_SCHEMA]}})] = Field(default_factory=empty_list, description=(
        "Unit sebagaimana berbunyi setelah diubah, dengan nomornya apa adanya: {pasal: '5A', teks: …, ayat: "
        "[{ayat: '1', teks: …}], definisi: [{angka: '3a', teks: …}]}, {bab: 'IV', judul: …, isi: […]}."))
    ayat: Annotated[list[Ayat], WithJsonSchema({"type": "array", "items": _AYAT_SCHEMA})] = Field(default_factory=empty_list, description="Ayat yang diubah saja (aksi 'ubah' unit 'ayat'): {ayat: '2', teks: …}.")
    definisi: Annotated[list[Definisi], WithJsonSchema({"type": "array", "items": _ANGKA_SCHEMA})] = Field(default_factory=empty_list, description="Angka Pasal 1 yang diubah saja: {angka: '3a', teks: …}.")
    lampiran: Optional[str] = Field(default=None, description="Id lampiran baru (aksi 'ganti_lampiran').")
    alasan: Optional[str] = Field(default=None, description="Alasan perubahan ini, ditulis penyusun; tampil di kolom "
                                                           "Keterangan matriks perbandingan.")

    @model_validator(mode="wrap")
    @classmethod
    def _restated_units(cls, data, handler):
        """Restated units are ordinary units with their amended number fixed (one tree for every kind)."""
        if not isinstance(data, dict):
            return handler(data)
        data = dict(data)
        numbers: dict[tuple[str, int], list] = {}   # (field, index) -> labels of a unit written as a mapping
        for key, kind in (("isi", None), ("ayat", "ayat"), ("definisi", "angka")):
            units = []
            for i, unit in enumerate(data.get(key, [])):
                if isinstance(unit, dict):
                    labels = numbers[(key, i)] = []
                    unit = _ordinary(unit, _unit_kind(unit) or "pasal", labels) if kind is None else _leaf(unit, kind, labels)
                units.append(unit)  # a unit built in code already carries its number
            data[key] = units
        with restating():
            item = handler(data)
        for (key, i), labels in numbers.items():
            _fix_numbers(getattr(item, key)[i], labels)
        return item

    @model_serializer(mode="wrap")
    def _as_written(self, handler):
        dumped = handler(self)
        if isinstance(dumped, dict):
            for key, kind in (("isi", None), ("ayat", "ayat"), ("definisi", "angka")):
                if key in dumped:
                    nodes = getattr(self, key)
                    dumped[key] = [_restated_dict(n, d) if kind is None else _leaf_dict(n, d, kind)
                                   for n, d in zip(nodes, dumped[key])]
        return dumped

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
        default_factory=empty_list, description="Perubahan terdahulu, urut; menentukan 'Perubahan Kedua' dst.")
    perubahan: list[AngkaPerubahan] = Field(default_factory=empty_list)
    pasal_ii: list[str] = Field(default_factory=empty_list, description="Ketentuan peralihan dalam Pasal II sebelum rumusan mulai berlaku.")
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

"""One numbered-unit tree: the units a Perubahan restates are ordinary Pasal, Ayat, Definisi, Bab … whose amended
number is fixed (Node.printed_number); the spec keeps its restated form ({pasal: '5A', ayat: [{ayat: '1'}]})."""
from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest
import yaml

import legaldraft
from legaldraft.model import Ayat, Definisi, Pasal, raw_label
from legaldraft.naskah import Numbering
from legaldraft.spec.errors import SpecError
from legaldraft.spec.schema import json_schema

SPECS = Path(__file__).resolve().parent.parent / "specs" / "purwakarta" / "perubahan"


def test_restated_units_are_ordinary_units_with_their_amended_number():
    doc = legaldraft.load(SPECS / "slrt-perubahan.yaml")
    restated = [u for item in doc.perubahan for u in item.isi]
    pasal = next(u for u in restated if isinstance(u, Pasal) and u.ayat)
    assert raw_label(pasal) and pasal.printed_number == raw_label(pasal)
    assert all(isinstance(a, Ayat) and a.printed_number == f"({raw_label(a)})" for a in pasal.ayat)
    angka = [d for item in doc.perubahan for d in item.definisi]
    assert angka and all(isinstance(d, Definisi) and d.printed_number == f"{raw_label(d)}." for d in angka)


def test_the_spec_keeps_its_restated_form_when_written_back():
    from legaldraft.amend import to_yaml

    path = SPECS / "slrt-perubahan.yaml"
    written = yaml.safe_load(to_yaml(legaldraft.load(path)))
    original = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert written["perubahan"] == original["perubahan"]


def test_numbering_keeps_a_fixed_number_and_counts_the_others():
    from legaldraft.spec.scaffold import scaffold

    doc = legaldraft.loads(scaffold("perbup", "contoh"))
    pasal = next(n for n in legaldraft.model.walk(doc) if isinstance(n, Pasal) and n.ayat)
    pasal.fix_printed_number("5A")
    numbering = Numbering(doc)
    assert numbering.number(pasal) == "5A" and numbering.number(pasal.ayat[0]) == "(1)"


def test_a_bad_restated_number_is_a_spec_error():
    text = (SPECS / "slrt-perubahan.yaml").read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.strip().startswith("- pasal:"))
    with pytest.raises(SpecError) as info:
        legaldraft.loads(text.replace(first, first.split(":")[0] + ': "5/A"', 1), str(SPECS / "x.yaml"))
    assert "5/A" in str(info.value)


def test_the_json_schema_describes_the_restated_form():
    schema = json_schema("perubahan")
    data = yaml.safe_load((SPECS / "slrt-perubahan.yaml").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []
    item = next(i for i in data["perubahan"] if i.get("isi"))
    item["isi"][0]["nomor_salah"] = "x"
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data))

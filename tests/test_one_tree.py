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


def test_a_fixed_number_is_the_one_cited():
    """A unit whose number an amendment fixed is cited by it (Pasal 5A, ayat (1a)); a range never reads '5A' as a
    number."""
    from legaldraft.spec.scaffold import scaffold

    doc = legaldraft.loads(scaffold("perbup", "contoh"))
    pasal = [n for n in legaldraft.model.walk(doc) if isinstance(n, Pasal)]
    target = next(p for p in pasal if len(p.ayat) > 1)
    target.id, target.ayat[1].id = "sasaran", "sasaran-ayat"
    target.fix_printed_number("5A")
    target.ayat[1].fix_printed_number("(1a)")
    numbering = Numbering(doc)
    assert numbering.cite("sasaran-ayat", pasal[0]) == ("Pasal 5A ayat (1a)", False)
    assert numbering.cite("sasaran-ayat", target.ayat[0]) == ("ayat (1a)", True)
    for i, p in enumerate(pasal[:3]):
        p.id = p.id or f"pasal-{i}"
    pasal[1].fix_printed_number("1A")        # three Pasal in a row, the second inserted: no range, no crash
    joined = Numbering(doc).expand("[[" + ", ".join(p.id for p in pasal[:3]) + "]]", None)
    assert "Pasal 1A" in joined and "sampai dengan" not in joined and joined.count("Pasal") == 3


def test_amend_plans_on_copies_of_the_model_units_and_leaves_the_loaded_documents_alone():
    """Issue 14: amend and consolidate read and edit the one numbered-unit tree: copies of the model's own units
    with their printed numbers (the numbers naskah numbering gives them), never the documents the caller loaded."""
    from legaldraft.amend import plan
    from legaldraft.amend.diff import content, kind_of, units

    base, revisi = legaldraft.load(SPECS / "slrt-2026.yaml"), legaldraft.load(SPECS / "slrt-revisi.yaml")
    perubahan = legaldraft.load(SPECS / "slrt-perubahan.yaml")
    before = [d.model_dump() for d in (base, revisi, perubahan)]
    printed_before = [[n.printed_number for n in legaldraft.model.walk(d)] for d in (base, revisi, perubahan)]
    result = plan(base, revisi)
    k = legaldraft.consolidate(base, perubahan)
    for tree in (result.old_tree, result.new_tree, k.tree):
        numbered = [u for u in units(tree) if kind_of(u) != "root"]
        assert numbered and {type(u) for u in numbered} <= {Pasal, Ayat, Definisi, legaldraft.model.Bab,
                                                             legaldraft.model.Bagian, legaldraft.model.Paragraf}
        numbering = Numbering(tree)
        assert all(numbering.number(u) == u.printed_number for u in numbered)
    assert "5A" not in [raw_label(u) for u in units(k.tree) if isinstance(u, Pasal)]    # this Perubahan inserts 14A
    assert "14A" in [raw_label(u) for u in units(k.tree) if isinstance(u, Pasal)]
    assert content(k.tree) == content(result.new_tree)
    assert [d.model_dump() for d in (base, revisi, perubahan)] == before
    assert [[n.printed_number for n in legaldraft.model.walk(d)] for d in (base, revisi, perubahan)] == printed_before

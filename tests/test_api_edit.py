"""The Python API is safe to edit between calls: nothing derived from the tree (numbering, references) is kept
on the loaded document, so an application may insert, delete and rename units and then check and build."""
from __future__ import annotations

from pathlib import Path

import pytest

import legaldraft
from legaldraft.model import Ayat, Definisi
from legaldraft.spec.errors import SpecError

SPEC = Path(__file__).resolve().parent.parent / "specs" / "purwakarta" / "perbup-slrt.yaml"


def units(doc):
    return {u.id: u for u in legaldraft.model.walk(doc) if getattr(u, "id", None)}


def text_of(doc, tmp_path) -> list[str]:
    out = legaldraft.build(doc, tmp_path, formats=("txt",))
    return Path(out[0]).read_text(encoding="utf-8").splitlines()


def test_insert_pasal_ayat_definition_and_rename_then_check_and_build(tmp_path):
    doc = legaldraft.load(SPEC)
    before = text_of(doc, tmp_path / "before")
    assert "(3) Pengurus SLRT sebagaimana dimaksud pada ayat (2) terdiri atas:" in before
    assert any(line.startswith("(1) Keputusan Bupati sebagaimana dimaksud dalam Pasal 6 ayat (4) ditetapkan") for line in before)

    found = units(doc)
    bab_ii = doc.batang_tubuh[1]
    copy = found["maksud"].model_copy(deep=True, update={"id": "maksud-lain", "teks": "SLRT juga menjadi pintu pengaduan."})
    bab_ii.isi.insert(1, copy)                                            # a Pasal: Pasal 6 becomes Pasal 7
    pengurus_pasal = next(p for p in legaldraft.model.walk(doc) if getattr(p, "ayat", None) and found["pengurus"] in p.ayat)
    pengurus_pasal.ayat.insert(0, Ayat(teks="SLRT dikelola oleh pengurus."))      # an ayat: (2) -> (3), (4) -> (5)
    doc.batang_tubuh[0].isi[0].definisi.insert(0, Definisi(istilah="Aplikasi", arti="aplikasi SLRT."))  # a definition
    found["pengurus-keputusan"].id = "keputusan-pengurus"                 # a renamed id, and its reference
    for node in legaldraft.model.walk(doc):
        if isinstance(getattr(node, "teks", None), str) and "[[pengurus-keputusan]]" in node.teks:
            node.teks = node.teks.replace("[[pengurus-keputusan]]", "[[keputusan-pengurus]]")

    findings = legaldraft.check(doc)
    assert [f for f in findings if f.severity.value == "error"] == []
    after = text_of(doc, tmp_path / "after")
    assert after[after.index("Pasal 3") + 1] == "SLRT juga menjadi pintu pengaduan."
    assert "(1) SLRT dikelola oleh pengurus." in after
    assert "(4) Pengurus SLRT sebagaimana dimaksud pada ayat (3) terdiri atas:" in after
    assert any(line.startswith("(1) Keputusan Bupati sebagaimana dimaksud dalam Pasal 7 ayat (5) ditetapkan") for line in after)
    assert "1. Aplikasi adalah aplikasi SLRT." in after and any(line.startswith("2. Daerah adalah") for line in after)
    assert legaldraft.render_docx_bytes(doc)[:2] == b"PK"


def test_an_edit_that_breaks_a_reference_is_a_spec_error_not_a_traceback(tmp_path):
    doc = legaldraft.load(SPEC)
    units(doc)["pengurus-keputusan"].id = "nama-baru"                    # renamed, its reference not
    with pytest.raises(SpecError) as info:
        legaldraft.build(doc, tmp_path)
    assert "pengurus-keputusan" in str(info.value)


def test_check_and_build_assemble_the_document_once(tmp_path, monkeypatch):
    from legaldraft.batch import build_one
    from legaldraft.naskah.assembler import Assembler

    runs = []
    real = Assembler.run
    monkeypatch.setattr(Assembler, "run", lambda self: runs.append(self) or real(self))
    outcome = build_one(str(SPEC), str(tmp_path), ("docx", "txt"))
    assert len(runs) == 1 and sorted(Path(p).suffix for p in outcome.outputs) == [".docx", ".txt"]


def test_build_runs_the_rules_and_prints_one_summary_line(tmp_path):
    from click.testing import CliRunner

    from legaldraft.cli import main

    spec = Path(__file__).resolve().parent.parent / "examples" / "data" / "perbup-bermasalah.yaml"
    expected = legaldraft.check(legaldraft.load(spec))
    errors = sum(f.severity.value == "error" for f in expected)
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path)])
    summary = [line for line in result.output.splitlines() if line.startswith("pemeriksaan:")]
    assert errors and summary == [summary[0]] and f"{errors} galat" in summary[0]


@pytest.mark.parametrize("spec", [
    "specs/purwakarta/perbup-slrt.yaml",                       # Peraturan Bupati
    "specs/purwakarta/kepbup-struktur-slrt.yaml",              # Keputusan
    "specs/purwakarta/perbup-pedoman-slrt.yaml",               # Pedoman
    "specs/purwakarta/perubahan/slrt-perubahan.yaml",          # Perubahan
])
def test_the_build_command_checks_and_assembles_each_spec_once(spec, tmp_path, monkeypatch):
    """Through the public CLI path of ``build`` (rules run, one summary line): one assembly per spec for all the
    formats written, whatever the kind (every assembler inherits ``Assembler.run``)."""
    from click.testing import CliRunner

    from legaldraft.cli import main
    from legaldraft.naskah.assembler import Assembler

    runs = []
    real = Assembler.run
    monkeypatch.setattr(Assembler, "run", lambda self: runs.append(type(self).__name__) or real(self))
    path = Path(__file__).resolve().parent.parent / spec
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(tmp_path), "--format", "docx,txt,md",
                                       "--no-progress"])
    assert result.exit_code == 0, result.output
    summary = [line for line in result.output.splitlines() if line.startswith("pemeriksaan:")]
    assert len(summary) == 1
    assert len(runs) == 1, runs
    written = sorted(p.suffix for p in tmp_path.iterdir() if p.suffix in (".docx", ".md", ".txt"))
    assert written == [".docx", ".md", ".txt"] and all(p.stat().st_size for p in tmp_path.iterdir() if p.suffix in (".docx", ".md", ".txt"))

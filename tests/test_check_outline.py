"""A check reads the outline of the naskah (no batang tubuh); a build after it adds the body in its place.

The DOCX that ``build`` writes from the blocks its check assembled is the one a build without a check writes, for
every kind of document, and the body is assembled once."""
from __future__ import annotations

from pathlib import Path

import pytest

import legaldraft
from legaldraft.spec.scaffold import scaffold

ROOT = Path(__file__).resolve().parent.parent


def _docx_parts(data: bytes) -> dict[str, bytes]:
    import io
    import re
    import zipfile

    stamps = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: stamps.sub(b"", archive.read(name)) for name in archive.namelist()}


def _specs(tmp_path) -> list[Path]:
    out = []
    for jenis in ("perbup", "keputusan", "pedoman", "pencabutan"):
        path = tmp_path / f"{jenis}.yaml"
        path.write_text(scaffold(jenis, "contoh"), encoding="utf-8")
        out.append(path)
    return out + [ROOT / "specs" / "purwakarta" / "perubahan" / "slrt-perubahan.yaml",
                  ROOT / "examples" / "data" / "keputusan-tim-pendamping.yaml"]


def test_build_after_check_writes_the_document_a_plain_build_writes(tmp_path, monkeypatch):
    from legaldraft.batch import build_one
    from legaldraft.naskah.assembler import Assembler

    for spec in _specs(tmp_path):
        plain = _docx_parts(legaldraft.render_docx_bytes(legaldraft.load(spec)))
        bodies = []
        real = Assembler.batang_tubuh
        monkeypatch.setattr(Assembler, "batang_tubuh", lambda self: bodies.append(self) or real(self))
        out = tmp_path / f"out-{spec.stem}"
        outcome = build_one(str(spec), str(out), ("docx",), accept="all")
        monkeypatch.undo()
        written = [Path(p) for p in outcome.outputs if p.endswith(".docx")]
        assert len(written) == 1, (spec, outcome.problems)
        assert _docx_parts(written[0].read_bytes()) == plain, spec
        assert len(bodies) <= 1, spec  # the batang tubuh once (a Keputusan has none)


@pytest.mark.parametrize("jenis", ["perbup", "keputusan"])
def test_a_check_alone_does_not_assemble_the_batang_tubuh(jenis, monkeypatch):
    from legaldraft.naskah.assembler import Assembler

    bodies = []
    monkeypatch.setattr(Assembler, "batang_tubuh", lambda self: bodies.append(self))
    legaldraft.check(legaldraft.loads(scaffold(jenis, "contoh")))
    assert bodies == []

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"     # the real documents, kept in the repository (corpus/README.md)


@pytest.fixture
def write_spec(tmp_path):
    """Write a spec (text) into a fresh folder and return its path."""

    def _write(text: str, name: str = "spec.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


def python(*args, **kwargs):
    """A fresh interpreter running this checkout's package (``python -m …`` or ``-c``), its output as text."""
    import subprocess  # lazy: only the tests that start an interpreter

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, timeout=300, **kwargs)


@pytest.fixture(scope="session")
def warm_caches(tmp_path_factory) -> Path:
    """Both start-up caches as ``make install`` writes them (``python -m legaldraft.warmstart``), into a folder of
    the tests' own: regex.bin and code.bin."""
    folder = tmp_path_factory.mktemp("warm")
    done = python("-m", "legaldraft.warmstart", "--dir", str(folder), cwd=str(ROOT))
    assert done.returncode == 0, done.stderr
    assert "pola" in done.stdout and "kode" in done.stdout
    assert (folder / "regex.bin").is_file() and (folder / "code.bin").is_file()
    return folder


@pytest.fixture
def cli():
    from click.testing import CliRunner

    from legaldraft.cli import main

    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


def docx_text(path) -> list[str]:
    """Paragraph texts of a DOCX (tables included, row by row), as python-docx reads them back; the
    non-breaking spaces that keep 'Pasal 5' or 'NOMOR 12 TAHUN 2024' on one line read as spaces (their
    placement is asserted in test_page_layout.py)."""
    return [line.replace("\u00a0", " ") for line in _docx_text(path)]


def _docx_text(path) -> list[str]:
    from docx import Document

    doc = Document(str(path))
    out = []
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append("".join(t.text or "" if t.tag.endswith("}t") else "\t" for t in child.iter()
                               if t.tag.endswith("}t") or t.tag.endswith("}tab")))
        elif tag == "tbl":
            for row in child.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tr"):
                cells = []
                for tc in row.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tc"):
                    cells.append("".join(t.text or "" for t in tc.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")))
                out.append(" | ".join(cells))
    return out

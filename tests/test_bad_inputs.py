"""Issue 7: the bad-input catalogue. Every case in tests/bad_inputs/cases.yaml gives its one-line Indonesian
message with file:line:col, the documented exit code, no traceback, and leaves out/ exactly as it was."""
import hashlib
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from legaldraft.cli import main
from legaldraft.spec.errors import SpecError
from legaldraft.spec.loader import load

from conftest import ROOT, docx_text
from hostile_cases import SPEC

BAD = Path(__file__).resolve().parent / "bad_inputs"
CASES = yaml.safe_load((BAD / "cases.yaml").read_text(encoding="utf-8"))
LOCATED = re.compile(r"^[\w.-]+\.yaml:\d+:\d+: \S")
VALID = SPEC.replace("{daerah}", "contoh")  # the smallest valid Perbup, one Pasal whose text is {text}


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    """An out/ that already holds a previous build (DOCX, manifest, lock)."""
    folder = tmp_path_factory.mktemp("bad")
    spec = folder / "arsip.yaml"
    spec.write_text(VALID.format(text="Arsip dikelola oleh Dinas."), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(folder / "out")])
    assert result.exit_code == 0, result.output
    return folder / "out"


def test_catalogue_is_complete():
    files = {p.name for p in BAD.iterdir() if p.name != "cases.yaml"}
    assert files == set(CASES)
    assert len(CASES) >= 30


@pytest.mark.parametrize("command", ["build", "check"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input(name, command, out, monkeypatch):
    case = CASES[name]
    monkeypatch.chdir(BAD)
    before = snapshot(out)
    args = ["build", name, "-o", str(out), "--jobs", "1"] if command == "build" else ["check", name]
    result = CliRunner().invoke(main, args)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == case["keluar"], result.output
    assert case["pesan"] in lines
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    assert all(LOCATED.match(line) for line in lines), lines  # one line per problem, each with file:line:col
    assert snapshot(out) == before


def test_alias_bomb_is_refused_fast():
    start = time.perf_counter()
    with pytest.raises(SpecError):
        load(BAD / "alias_bomb.yaml")
    assert time.perf_counter() - start < 0.5


def test_python_tag_is_never_executed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    spec = tmp_path / "tag.yaml"
    spec.write_text(VALID.replace('"{text}"', '!!python/object/apply:os.mkdir ["dibuat-oleh-yaml"]'), encoding="utf-8")
    with pytest.raises(SpecError):
        load(spec)
    assert not (tmp_path / "dibuat-oleh-yaml").exists()


def test_all_cases_in_a_real_process_without_traceback():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "legaldraft", "check", *sorted(CASES)], cwd=BAD, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "galat internal" not in proc.stderr
    for name, case in CASES.items():
        assert case["pesan"] in proc.stderr.splitlines(), name


def test_template_syntax_in_spec_text_comes_out_literally(tmp_path):
    text = "Biaya {{ 7*7 }} dan {% if true %}ya{% endif %} serta <script>alert(1)</script> & 'kutip'."
    spec = tmp_path / "jinja.yaml"
    spec.write_text(VALID.format(text=text), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "out"), "--format", "docx,html,md"])
    assert result.exit_code == 0, result.output
    assert any(text in line for line in docx_text(tmp_path / "out" / "jinja.docx"))
    html = (tmp_path / "out" / "jinja.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in html and "{% if true %}ya{% endif %}" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Biaya 49" not in html
    assert "{{ 7*7 }}" in (tmp_path / "out" / "jinja.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("text", [
    "a: " + "[" * 100_000,                       # crashed libyaml (segmentation fault) before the guard
    "a: [" + "[], " * 400_000 + "[]]",           # 800 000 values: refused before composing
], ids=["unclosed-brackets", "many-values"])
def test_pathological_yaml_is_refused_fast_with_a_position(text):
    from legaldraft.spec.yamlpos import load_yaml

    start = time.perf_counter()
    with pytest.raises(SpecError) as info:
        load_yaml(text, "besar.yaml")
    assert time.perf_counter() - start < 3
    problem = info.value.problems[0]
    assert problem.position is not None and problem.message.startswith(("struktur terlalu dalam", "spec terlalu besar"))

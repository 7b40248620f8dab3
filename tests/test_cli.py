"""Issue 2: the CLI end to end, through click's runner and as a real subprocess."""
import json
import subprocess
import sys

import pytest

from legaldraft.spec.scaffold import scaffold

from conftest import docx_text


def test_new_check_build(cli, tmp_path):
    spec = tmp_path / "drafts" / "slrt.yaml"
    result = cli("new", "perbup", spec)
    assert result.exit_code == 0, result.output
    assert spec.exists()
    result = cli("check", spec)
    assert result.exit_code == 0, result.output
    assert "0 galat" in result.output
    result = cli("build", spec, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "slrt.docx").exists()
    assert "PERATURAN BUPATI CONTOH" in docx_text(tmp_path / "out" / "slrt.docx")


def test_new_refuses_to_overwrite(cli, tmp_path):
    spec = tmp_path / "a.yaml"
    spec.write_text("x", encoding="utf-8")
    result = cli("new", "perbup", spec)
    assert result.exit_code == 3
    assert spec.read_text(encoding="utf-8") == "x"


def test_check_exit_codes_and_json(cli, tmp_path):
    spec = tmp_path / "s.yaml"
    spec.write_text(scaffold("perbup").replace("1 (satu) kali", "1 (dua) kali"), encoding="utf-8")
    result = cli("check", spec, "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.output)
    hit = next(f for f in findings if f["rule"] == "BIL-002")
    assert hit["severity"] == "error" and hit["line"] > 0 and hit["file"] == str(spec)


def test_check_invalid_spec_exit_2_no_traceback(cli, tmp_path):
    spec = tmp_path / "bad.yaml"
    spec.write_text(scaffold("perbup").replace("tentang:", "tentan:"), encoding="utf-8")
    result = cli("check", spec)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert f"{spec}:" in result.output and "kunci 'tentan' tidak dikenal" in result.output


def test_sarif_output(cli, tmp_path):
    spec = tmp_path / "s.yaml"
    spec.write_text(scaffold("perbup").replace("1 (satu) kali", "1 (dua) kali"), encoding="utf-8")
    result = cli("check", spec, "--format", "sarif")
    data = json.loads(result.output)
    assert data["version"] == "2.1.0"
    res = data["runs"][0]["results"]
    assert res and res[0]["locations"][0]["physicalLocation"]["region"]["startLine"] > 0


def test_schema_and_rules(cli):
    result = cli("schema")
    assert result.exit_code == 0
    assert json.loads(result.output)["$schema"].startswith("https://json-schema.org/")
    result = cli("rules")
    assert result.exit_code == 0 and "KON-004" in result.output
    result = cli("rules", "KON-004")
    assert "butir 23" in result.output and "Salah:" in result.output
    assert cli("rules", "XXX-999").exit_code == 3


def test_real_subprocess(tmp_path):
    spec = tmp_path / "k.yaml"
    run = lambda *a: subprocess.run([sys.executable, "-m", "legaldraft", *map(str, a)], capture_output=True, text=True)
    assert run("new", "keputusan", spec).returncode == 0
    assert run("check", spec).returncode == 0
    out = run("build", spec, "-o", tmp_path / "o")
    assert out.returncode == 0, out.stderr
    texts = docx_text(tmp_path / "o" / "k.docx")
    assert "KESATU\t:\tMembentuk Tim Koordinasi Pelayanan Publik Terpadu dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan Bupati ini." in texts
    assert any(t.startswith("KEEMPAT\t:\tKeputusan Bupati ini mulai berlaku pada tanggal ditetapkan.") for t in texts)
    bad = tmp_path / "bad.yaml"
    bad.write_text("jenis: perbup\n\tx: 1\n", encoding="utf-8")
    res = run("check", bad)
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    assert f"{bad}:2:1: YAML tidak sah: karakter TAB" in res.stderr
    assert run("--version").stdout.startswith("legaldraft ")


def test_new_keputusan_takes_the_province_from_the_profile(cli, tmp_path):
    spec = tmp_path / "k.yaml"
    assert cli("new", "keputusan", spec, "--daerah", "lahat").exit_code == 0
    text = spec.read_text(encoding="utf-8")
    assert "  - Gubernur Sumatera Selatan" in text and "Jawa Barat" not in text
    assert cli("check", spec).exit_code == 0


def test_rules_explains_a_dated_rule_as_docs_rules_md_does(cli):
    """`legaldraft rules ID` and docs/rules.md say from which day a dated rule holds, in one wording."""
    from pathlib import Path

    result = cli("rules", "FMT-003")
    assert result.exit_code == 0
    since = [ln for ln in result.output.splitlines() if ln.startswith("Berlaku untuk naskah yang ditetapkan sejak")]
    assert since == ["Berlaku untuk naskah yang ditetapkan sejak 16-06-2022; naskah yang lebih dahulu hanya diberi info."]
    docs = (Path(__file__).resolve().parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    assert since[0] in docs.split("### FMT-003", 1)[1].split("### ", 1)[0]

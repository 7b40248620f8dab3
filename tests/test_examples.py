"""Issue 5 item 4: every example in examples/ runs (as a subprocess, output into a temporary folder) and
produces what it says."""
import csv
import importlib.util
import json
import subprocess
import sys

import pytest

from conftest import ROOT, docx_text

EXAMPLES = ROOT / "examples"


def run_example(name: str, *args):
    return subprocess.run([sys.executable, str(EXAMPLES / name), *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def member_rows(texts: list[str]) -> list[list[str]]:
    """Table rows of the DOCX that start with a numbered cell ("1.", "2.", ...)."""
    rows = [t.split(" | ") for t in texts if " | " in t]
    return [r for r in rows if r[0].rstrip(".").isdigit()]


def test_keputusan_dari_csv_has_one_row_per_member(tmp_path):
    result = run_example("keputusan_dari_csv.py", tmp_path)
    assert result.returncode == 0, result.stderr
    with (EXAMPLES / "data" / "anggota.csv").open(encoding="utf-8", newline="") as f:
        members = list(csv.DictReader(f))
    assert len(members) == 30
    texts = docx_text(tmp_path / "keputusan-tim-pendamping.docx")
    rows = member_rows(texts)
    assert len(rows) == 30
    assert [r[0] for r in rows] == [f"{i}." for i in range(1, 31)]
    assert [r[2] for r in rows] == [m["nama"] for m in members]
    assert rows[0][1] == "Ketua" and rows[-1][1] == "Anggota"
    assert "KEPUTUSAN BUPATI PURWAKARTA" in texts


def test_keputusan_dari_csv_rejects_a_csv_without_names(tmp_path):
    bad = tmp_path / "anggota.csv"
    bad.write_text("kedudukan,unsur\nKetua,Dinas\n", encoding="utf-8")
    result = run_example("keputusan_dari_csv.py", tmp_path / "out", bad)
    assert result.returncode != 0
    assert "kolom tidak ada" in result.stderr and "nama" in result.stderr
    assert not (tmp_path / "out").exists()


def test_model_dalam_kode_builds_numbered_perbup(tmp_path):
    result = run_example("model_dalam_kode.py", tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    texts = docx_text(tmp_path / "perbup-standar-pelayanan.docx")
    assert "STANDAR PELAYANAN SOSIAL DASAR BAGI WARGA TIDAK MAMPU" in texts
    assert any(t.startswith("c.\tbahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b")
               for t in (x.strip("\t") for x in texts))
    assert "Pasal 4" in texts  # KU, jenis, evaluasi, mulai berlaku
    assert any("sebagaimana dimaksud pada ayat (1) diselesaikan paling lama 5 (lima) hari kerja" in t for t in texts)
    assert any("sebagaimana dimaksud dalam Pasal 2 paling sedikit" in t for t in texts)
    assert any(t.endswith("pendaftaran jaminan kesehatan bagi warga tidak mampu di Dinas Kesehatan.") for t in texts)


def test_validasi_reports_fails_and_fixes(tmp_path):
    result = run_example("validasi.py", tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    report = json.loads((tmp_path / "temuan.json").read_text(encoding="utf-8"))
    (findings,) = report.values()
    by_rule = {f["rule"]: f for f in findings}
    assert {"KON-002", "BT-003", "BIL-002"} <= set(by_rule)
    assert by_rule["BIL-002"]["line"] == 27 and by_rule["BIL-002"]["otomatis"] is True
    assert "perbup-bermasalah.yaml:27:" in result.stdout and "perbaikan: tulis 'satu'" in result.stdout
    fixed = (tmp_path / "diperbaiki" / "perbup-bermasalah.yaml").read_text(encoding="utf-8")
    assert "1 (satu) kali" in fixed and "bab: PENYELENGGARAAN" in fixed
    assert "tersisa 0 galat" in result.stdout


def test_validasi_passes_a_clean_spec(tmp_path):
    result = run_example("validasi.py", tmp_path, ROOT / "specs" / "soppeng" / "perbup-inovasi-daerah.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 galat" in result.stdout


@pytest.fixture(scope="module")
def web():
    spec = importlib.util.spec_from_file_location("web_bytes_example", EXAMPLES / "web_bytes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_web_app_returns_docx(web, tmp_path):
    status, headers, body = web.call("spec=purwakarta/kepbup-struktur-slrt")
    assert status == "200 OK"
    assert headers["Content-Type"] == web.DOCX_TYPE
    assert int(headers["Content-Length"]) == len(body) and body[:2] == b"PK"
    assert headers["Content-Disposition"] == 'attachment; filename="kepbup-struktur-slrt.docx"'
    (tmp_path / "r.docx").write_bytes(body)
    assert "KEPUTUSAN BUPATI PURWAKARTA" in docx_text(tmp_path / "r.docx")


@pytest.mark.parametrize("query", ["spec=tidak-ada", "spec=../README", "spec=/etc/passwd"])
def test_web_app_refuses_unknown_or_outside_specs(web, query):
    status, headers, body = web.call(query)
    assert status == "404 Not Found"
    assert headers["Content-Type"].startswith("text/plain") and "tidak ada di specs/" in body.decode()


def test_web_bytes_script_saves_the_response(tmp_path):
    result = run_example("web_bytes.py", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("200 OK")
    assert "SISTEM LAYANAN RUJUKAN TERPADU DALAM PENANGANAN FAKIR MISKIN DAN ORANG TIDAK MAMPU" in \
        " ".join(docx_text(tmp_path / "perbup-slrt.docx"))

"""Issue 7: outputs are replaced atomically, a killed build leaves the old files, builds into one out/ do not
collide, and a DOCX edited by hand is not overwritten silently."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from docx import Document

from legaldraft.buildcache import JOURNAL, MANIFEST
from legaldraft.ioutil import SLOW_WRITE_ENV, atomic_write_bytes, sha256_file
from legaldraft.spec.scaffold import scaffold

from conftest import ROOT, docx_text


def start_build(spec_dir: Path, out: Path, slow: float = 0.0, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop(SLOW_WRITE_ENV, None)
    if slow:
        env[SLOW_WRITE_ENV] = str(slow)
    return subprocess.Popen([sys.executable, "-m", "legaldraft", "build", str(spec_dir), "-o", str(out), "--jobs", "1", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)


def wait_for(predicate, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.02)


def tmp_files(out: Path, stem: str) -> list[Path]:
    return list(out.glob(f".{stem}.docx.*.tmp"))


@pytest.fixture
def specs(tmp_path):
    folder = tmp_path / "specs"
    folder.mkdir()
    for stem in ("a", "b"):
        (folder / f"{stem}.yaml").write_text(scaffold("perbup"), encoding="utf-8")
    return folder


def retitle(spec: Path, title: str) -> None:
    spec.write_text(spec.read_text(encoding="utf-8").replace("Penyelenggaraan Pelayanan Publik Terpadu", title), encoding="utf-8")


def test_failed_write_leaves_target_and_no_temporary(tmp_path):
    target = tmp_path / "x.docx"
    target.write_bytes(b"old")
    with pytest.raises(TypeError):
        atomic_write_bytes(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.docx"]


def test_killed_build_leaves_previous_outputs_intact(specs, tmp_path):
    out = tmp_path / "out"
    assert start_build(specs, out).wait(60) == 0
    before = {name: sha256_file(out / name) for name in ("a.docx", "b.docx")}
    retitle(specs / "a.yaml", "Pengelolaan Arsip Daerah")
    retitle(specs / "b.yaml", "Pengelolaan Arsip Daerah")
    proc = start_build(specs, out, slow=30)
    try:
        wait_for(lambda: tmp_files(out, "a"))  # half of a.docx is written, the writer sleeps
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    assert {name: sha256_file(out / name) for name in before} == before
    assert "PERATURAN BUPATI CONTOH" in docx_text(out / "a.docx")
    # the next build cleans the leftover temporary file and builds normally (nothing looks hand-edited)
    proc = start_build(specs, out)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr
    assert not tmp_files(out, "a")
    assert any("PENGELOLAAN ARSIP DAERAH" in line for line in docx_text(out / "a.docx"))


def test_build_killed_after_first_output_remembers_it(specs, tmp_path):
    out = tmp_path / "out"
    assert start_build(specs, out).wait(60) == 0
    retitle(specs / "a.yaml", "Pengelolaan Arsip Daerah")
    retitle(specs / "b.yaml", "Pengelolaan Arsip Daerah")
    proc = start_build(specs, out, slow=0.3)
    try:
        wait_for(lambda: tmp_files(out, "b"))  # a.docx replaced, b.docx half-written
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    assert (out / JOURNAL).exists()
    proc = start_build(specs, out)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr  # a.docx, written by the killed build, is not mistaken for a hand edit
    assert "ditulis" in stdout and "a.docx" not in stdout and "b.docx" in stdout
    assert not (out / JOURNAL).exists()
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert len(manifest["specs"]) == 2


def test_two_builds_into_one_folder_take_turns(specs, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    first = start_build(specs, out, slow=1.0)
    wait_for(lambda: tmp_files(out, "a"))  # the first build holds the lock
    second = start_build(specs / "b.yaml", out, 0.0, "--force")
    out1, err1 = first.communicate(timeout=60)
    out2, err2 = second.communicate(timeout=60)
    assert first.returncode == 0 and second.returncode == 0, (err1, err2)
    assert "menunggu build lain" in err2
    assert "b.docx" in out2 and "a.docx" not in out2
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    for name in ("a.docx", "b.docx"):
        Document(str(out / name))  # both intact
    assert len(manifest["specs"]) == 2  # the second build kept the first one's records
    assert manifest["specs"][str((specs / "b.yaml").resolve())]["outputs"]["b.docx"] == sha256_file(out / "b.docx")


def test_hand_edited_docx_is_not_overwritten_without_force(cli, specs, tmp_path):
    out = tmp_path / "out"
    assert cli("build", specs, "-o", out, "--jobs", "1").exit_code == 0
    edited = Document(str(out / "a.docx"))
    edited.add_paragraph("Catatan tangan Kabag Hukum")
    edited.save(str(out / "a.docx"))
    retitle(specs / "a.yaml", "Pengelolaan Arsip Daerah")
    retitle(specs / "b.yaml", "Pengelolaan Arsip Daerah")
    result = cli("build", specs, "-o", out, "--jobs", "1")
    assert result.exit_code == 3
    assert f"{out / 'a.docx'}: diubah tangan sejak build terakhir; tidak ditimpa" in result.output
    assert "Catatan tangan Kabag Hukum" in docx_text(out / "a.docx")
    assert any("PENGELOLAAN ARSIP DAERAH" in line for line in docx_text(out / "b.docx"))  # the others are built
    result = cli("build", specs, "-o", out, "--jobs", "1", "--force")
    assert result.exit_code == 0
    assert "Catatan tangan Kabag Hukum" not in docx_text(out / "a.docx")
    assert any("PENGELOLAAN ARSIP DAERAH" in line for line in docx_text(out / "a.docx"))

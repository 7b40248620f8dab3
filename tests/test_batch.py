"""Issue 5 item 2: batch and incremental builds (content-hash manifest in out/.legaldraft-build.json)."""
import json
import re

import pytest
from docx import Document

from legaldraft.buildcache import MANIFEST
from legaldraft.ioutil import sha256_file
from legaldraft.spec.scaffold import scaffold

from conftest import docx_text



def png(width: int, height: int) -> bytes:
    """A valid white RGB PNG (without needing Pillow)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff" * 3 * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


@pytest.fixture
def tree(tmp_path):
    """specs/ with two daerah profiles (alpha used by a1 and a2, beta by b1) and a template folder for beta."""
    specs = tmp_path / "specs"
    (specs / "profil").mkdir(parents=True)
    for name in ("alpha", "beta"):
        (specs / "profil" / f"{name}.yaml").write_text(scaffold("profil", name), encoding="utf-8")
    for stem, daerah in (("a1", "alpha"), ("a2", "alpha"), ("b1", "beta")):
        (specs / f"{stem}.yaml").write_text(scaffold("perbup", daerah), encoding="utf-8")
    return specs


def written(output: str) -> set[str]:
    return {re.sub(r"^.*/", "", m) for m in re.findall(r"ditulis: (\S+)", output)}


def build(cli, specs, out, *extra):
    return cli("build", specs, "-o", out, "--jobs", "1", *extra)


def test_second_run_rebuilds_nothing_and_says_so(cli, tree, tmp_path):
    out = tmp_path / "out"
    first = build(cli, tree, out)
    assert first.exit_code == 0, first.output
    assert written(first.output) == {"a1.docx", "a2.docx", "b1.docx"}
    mtimes = {p.name: p.stat().st_mtime_ns for p in out.glob("*.docx")}
    second = build(cli, tree, out)
    assert second.exit_code == 0
    assert "tidak ada yang berubah: 3 spec sudah mutakhir" in second.output
    assert written(second.output) == set()
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.docx")} == mtimes


def test_manifest_records_inputs_and_output_hashes(cli, tree, tmp_path):
    out = tmp_path / "out"
    build(cli, tree, out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    entry = manifest["specs"][str((tree / "a1.yaml").resolve())]
    assert entry["spec"] == sha256_file(tree / "a1.yaml")
    assert entry["deps"][str((tree / "profil" / "alpha.yaml").resolve())] == sha256_file(tree / "profil" / "alpha.yaml")
    assert any(d.endswith("perbup/template.docx") for d in entry["deps"])
    assert entry["outputs"] == {"a1.docx": sha256_file(out / "a1.docx")}


def test_changed_spec_rebuilds_only_that_spec(cli, tree, tmp_path):
    out = tmp_path / "out"
    build(cli, tree, out)
    spec = tree / "a2.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("Pelayanan Publik Terpadu\n", "Pelayanan Terpadu Satu Pintu\n", 1),
                    encoding="utf-8")
    result = build(cli, tree, out)
    assert written(result.output) == {"a2.docx"}
    assert "1 spec dibangun, 2 sudah mutakhir" in result.output
    assert any("PELAYANAN TERPADU SATU PINTU" in line for line in docx_text(out / "a2.docx"))


def test_changed_profile_rebuilds_exactly_its_specs(cli, tree, tmp_path):
    out = tmp_path / "out"
    build(cli, tree, out)
    profile = tree / "profil" / "alpha.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("nama: Alpha", "nama: Alfa"), encoding="utf-8")
    result = build(cli, tree, out)
    assert written(result.output) == {"a1.docx", "a2.docx"}
    assert "PERATURAN BUPATI ALFA" in docx_text(out / "a1.docx")


def test_changed_template_rebuilds_exactly_its_specs(cli, tree, tmp_path):
    from legaldraft.render.templates import template_path

    templates = tree / "templates"
    (templates / "perbup").mkdir(parents=True)
    own = templates / "perbup" / "template.docx"
    own.write_bytes(template_path("perbup").read_bytes())
    profile = tree / "profil" / "beta.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "templates: ../templates\n", encoding="utf-8")
    out = tmp_path / "out"
    assert build(cli, tree, out).exit_code == 0
    doc = Document(str(own))
    doc.core_properties.keywords = "diubah"
    doc.save(str(own))
    result = build(cli, tree, out)
    assert written(result.output) == {"b1.docx"}


def test_changed_image_rebuilds_its_spec(cli, tree, tmp_path):
    (tree / "bagan.png").write_bytes(png(4, 3))
    spec = tree / "a1.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace(
        "\npenetapan:", "\nlampiran:\n  - judul: BAGAN\n    isi:\n      - gambar: bagan.png\n\npenetapan:"), encoding="utf-8")
    out = tmp_path / "out"
    assert build(cli, tree, out).exit_code == 0
    (tree / "bagan.png").write_bytes(png(8, 6))
    result = build(cli, tree, out)
    assert written(result.output) == {"a1.docx"}


def test_force_rebuilds_everything(cli, tree, tmp_path):
    out = tmp_path / "out"
    build(cli, tree, out)
    result = build(cli, tree, out, "--force")
    assert written(result.output) == {"a1.docx", "a2.docx", "b1.docx"}


def test_deleted_output_and_new_format_are_rebuilt(cli, tree, tmp_path):
    out = tmp_path / "out"
    build(cli, tree, out)
    (out / "b1.docx").unlink()
    assert written(build(cli, tree, out).output) == {"b1.docx"}
    result = build(cli, tree, out, "--format", "docx,md")
    assert written(result.output) == {f"{s}.{f}" for s in ("a1", "a2", "b1") for f in ("docx", "md")}


def test_new_legaldraft_version_rebuilds_all(tree, tmp_path, monkeypatch):
    from legaldraft import buildcache
    from legaldraft.batch import run_build

    files = sorted(tree.glob("*.yaml"))
    lines = []
    assert run_build(files, tmp_path / "out", ("docx",), jobs=1, echo=lines.append) == 0
    monkeypatch.setattr(buildcache, "__version__", "99.0")
    lines.clear()
    run_build(files, tmp_path / "out", ("docx",), jobs=1, echo=lines.append)
    assert written("\n".join(lines)) == {"a1.docx", "a2.docx", "b1.docx"}


def test_parallel_build_matches_serial(cli, tree, tmp_path):
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    build(cli, tree, serial)
    result = cli("build", tree, "-o", parallel, "--jobs", "2", "--no-progress")
    assert result.exit_code == 0, result.output
    for name in ("a1.docx", "a2.docx", "b1.docx"):
        assert docx_text(serial / name) == docx_text(parallel / name)
    assert "membangun" not in result.output  # no progress bar on a non-terminal for few specs


def test_invalid_spec_in_batch_exit_2_others_built(cli, tree, tmp_path):
    (tree / "rusak.yaml").write_text("jenis: perbup\ndaerah: alpha\ntentan: x\n", encoding="utf-8")
    out = tmp_path / "out"
    result = build(cli, tree, out)
    assert result.exit_code == 2
    assert "rusak.yaml:3:1: kunci 'tentan' tidak dikenal" in result.output
    assert written(result.output) == {"a1.docx", "a2.docx", "b1.docx"}
    assert not (out / "rusak.docx").exists()


def test_same_output_name_from_two_folders_is_refused(cli, tree, tmp_path):
    (tree / "sub").mkdir()
    (tree / "sub" / "a1.yaml").write_text(scaffold("perbup", "alpha"), encoding="utf-8")
    result = build(cli, tree, tmp_path / "out")
    assert result.exit_code == 3
    assert "juga dihasilkan oleh" in result.output


def test_new_profile_nearer_the_spec_rebuilds_it(cli, tree, tmp_path):
    (tree / "c1.yaml").write_text(scaffold("perbup", "contoh"), encoding="utf-8")  # the built-in profile
    out = tmp_path / "out"
    build(cli, tree, out)
    (tree / "profil" / "contoh.yaml").write_text(scaffold("profil", "contoh").replace("nama: Contoh", "nama: Setempat"),
                                                 encoding="utf-8")
    result = build(cli, tree, out)
    assert written(result.output) == {"c1.docx"}
    assert "PERATURAN BUPATI SETEMPAT" in docx_text(out / "c1.docx")


def test_progress_bar_only_for_a_terminal_or_many_specs(tmp_path, monkeypatch):
    import sys

    from legaldraft.batch import PROGRESS_MIN_SPECS, BatchBuild

    def bar(total, progress=True, tty=False):
        monkeypatch.setattr(sys.stderr, "isatty", lambda: tty, raising=False)
        made = BatchBuild([], tmp_path, ("docx",), False, 1, progress, print)._bar(total)
        if made is not None:
            made.close()
        return made is not None

    assert not bar(3)
    assert bar(3, tty=True)
    assert bar(PROGRESS_MIN_SPECS)
    assert not bar(PROGRESS_MIN_SPECS, progress=False)
    assert not bar(1, tty=True)


def test_pdf_outputs_are_recorded_and_kept_current(cli, tree, tmp_path):
    from legaldraft.render.pdf import soffice

    if soffice() is None:
        pytest.skip("LibreOffice tidak terpasang")
    out = tmp_path / "out"
    result = cli("build", tree / "b1.yaml", "-o", out, "--pdf")
    assert result.exit_code == 0, result.output
    assert written(result.output) == {"b1.docx", "b1.pdf"}
    entry = json.loads((out / MANIFEST).read_text(encoding="utf-8"))["specs"][str((tree / "b1.yaml").resolve())]
    assert entry["outputs"]["b1.pdf"] == sha256_file(out / "b1.pdf")
    assert "tidak ada yang berubah: 1 spec sudah mutakhir" in cli("build", tree / "b1.yaml", "-o", out, "--pdf").output
    assert "tidak ada yang berubah" in cli("build", tree / "b1.yaml", "-o", out).output  # docx is part of docx+pdf

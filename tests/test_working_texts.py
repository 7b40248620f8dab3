"""Issue 16 item 7 (working texts marked, one nomor one text) and the final-document lambang gate of item 6."""
import shutil
import zipfile
from pathlib import Path

import pytest

from legaldraft.spec.loader import load

ROOT = Path(__file__).resolve().parent.parent
PERUBAHAN = ROOT / "specs" / "purwakarta" / "perubahan"


@pytest.fixture
def project(tmp_path):
    """specs/purwakarta/perubahan with its profile, copied."""
    target = tmp_path / "perubahan"
    shutil.copytree(PERUBAHAN, target)
    shutil.copytree(ROOT / "specs" / "profil", tmp_path / "profil")
    (tmp_path / ".git").mkdir()  # a project (repository): its profiles are found up to its root, as in specs/
    return target


def header_texts(docx: Path) -> str:
    with zipfile.ZipFile(docx) as zf:
        return " ".join(zf.read(n).decode("utf-8") for n in zf.namelist() if n.startswith("word/header"))


def test_revised_full_texts_in_specs_are_working_texts():
    for name in ("slrt-revisi.yaml", "slrt-revisi-2.yaml"):
        doc = load(PERUBAHAN / name)
        assert doc.status.value == "revisi" and doc.is_naskah_kerja and not doc.is_rancangan
    assert load(PERUBAHAN / "slrt-2026.yaml").status.value == "final"


def test_working_text_printed_as_such_on_every_page(project, tmp_path):
    from legaldraft.api import build

    [docx] = build(load(project / "slrt-revisi.yaml"), tmp_path / "out")
    headers = header_texts(docx)
    assert "NASKAH KERJA \u2014 bukan naskah resmi" in headers and "RANCANGAN" not in headers


def test_daerah_practice_for_the_working_text_mark(project, tmp_path):
    profile = tmp_path / "profil" / "purwakarta.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "formula:\n  naskah_kerja: BAHAN RAPAT HARMONISASI\n",
                       encoding="utf-8")
    from legaldraft.api import build

    [docx] = build(load(project / "slrt-revisi.yaml"), tmp_path / "out")
    assert "BAHAN RAPAT HARMONISASI" in header_texts(docx)


def test_amend_takes_a_working_text_as_new_version_and_warns_on_a_final_one(project, cli, tmp_path):
    result = cli("amend", project / "slrt-2026.yaml", project / "slrt-revisi.yaml", "-o", tmp_path / "p.yaml")
    assert result.exit_code == 0, result.output
    assert "status: revisi" not in result.output
    final = project / "slrt-final.yaml"
    final.write_text((project / "slrt-revisi.yaml").read_text(encoding="utf-8").replace("status: revisi", "status: final"),
                     encoding="utf-8")
    result = cli("amend", project / "slrt-2026.yaml", final, "-o", tmp_path / "q.yaml")
    assert result.exit_code == 0 and "tulis 'status: revisi'" in result.output
    # a working text is never the issued base of a Perubahan
    result = cli("amend", project / "slrt-revisi.yaml", project / "slrt-revisi-2.yaml", "-o", tmp_path / "r.yaml")
    assert result.exit_code == 2 and "naskah kerja" in result.output and not (tmp_path / "r.yaml").exists()


def test_check_warns_on_two_final_texts_with_one_number(project, cli):
    result = cli("check", project, "--format", "json")
    import json

    assert not [f for f in json.loads(result.output) if f["rule"] == "JUD-009"]
    revisi = project / "slrt-revisi.yaml"
    revisi.write_text(revisi.read_text(encoding="utf-8").replace("status: revisi", "status: final"), encoding="utf-8")
    result = cli("check", project)
    lines = [line for line in result.output.splitlines() if "JUD-009" in line]
    assert len(lines) == 2
    assert any(line.startswith(f"{revisi}:") and "slrt-2026.yaml" in line for line in lines)
    assert result.output.strip().splitlines()[-1].startswith("4 spec diperiksa")
    # an identical copy is the same text, not a second one
    revisi.write_text((project / "slrt-2026.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert "JUD-009" not in cli("check", project).output


def test_final_without_lambang_never_prints_the_placeholder(project, cli, tmp_path):
    """FIN-003 refuses the build of a final document whose profile has no lambang; built anyway on the drafter's
    recorded decision (--terima-galat), its kop has no picture at all, never the marked placeholder."""
    final = project / "slrt-2026.yaml"
    text = final.read_text(encoding="utf-8")
    start = text.index("  - aturan: FIN-003")
    end = text.index("\n", text.index("alasan:", start)) + 1
    final.write_text(text[:start] + text[end:], encoding="utf-8")
    out = tmp_path / "out"
    result = cli("build", final, "-o", out, "--no-progress")
    assert result.exit_code == 7 and "FIN-003" in result.output and not (out / "slrt-2026.docx").exists()
    result = cli("build", final, "-o", out, "--no-progress", "--terima-galat", "contoh fiktif tanpa lambang bersumber")
    assert result.exit_code == 0, result.output
    from docx import Document

    document = Document(str(out / "slrt-2026.docx"))
    assert "contoh fiktif tanpa lambang bersumber" in document.core_properties.comments
    assert not document.inline_shapes, "no placeholder picture on a final document"
    # a working text is no final document: built without refusal, its marked placeholder kept
    assert cli("build", project / "slrt-revisi.yaml", "-o", out, "--no-progress").exit_code == 0
    assert Document(str(out / "slrt-revisi.docx")).inline_shapes


def test_final_build_uses_the_profile_lambang(project, tmp_path):
    from importlib import resources

    # any real picture will do for the test; the placeholder's bytes are not what a final one may print
    (tmp_path / "profil" / "garuda.png").write_bytes(
        (ROOT / "docs" / "images" / sorted(p.name for p in (ROOT / "docs" / "images").glob("*.png"))[0]).read_bytes())
    assert resources.files("legaldraft").joinpath("templates/lambang-placeholder.png").read_bytes() != \
        (tmp_path / "profil" / "garuda.png").read_bytes()
    profile = tmp_path / "profil" / "purwakarta.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "lambang: garuda.png\n", encoding="utf-8")
    from legaldraft.api import build
    from docx import Document

    [docx] = build(load(project / "slrt-2026.yaml"), tmp_path / "out")
    document = Document(str(docx))
    [shape] = document.inline_shapes
    blob = document.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
    assert blob == (tmp_path / "profil" / "garuda.png").read_bytes()

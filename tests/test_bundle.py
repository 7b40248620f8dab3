"""Issue 18 item 4: the harmonisasi/fasilitasi bundle holds what its manifest lists."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from legaldraft.publish.bundle import verify
from legaldraft.render import pdf

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"


def manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


@pytest.mark.skipif(pdf.soffice() is None, reason="LibreOffice (soffice) tidak terpasang")
def test_bundle_of_a_rancangan_holds_what_it_lists(tmp_path, cli):
    out = tmp_path / "kirim"
    result = cli("bundle", SPECS / "purwakarta" / "perbup-slrt.yaml", "-o", out)
    assert result.exit_code == 0, result.output
    data = manifest(out)
    assert verify(out) == []
    names = {e["jenis"]: e["berkas"] for e in data["berkas"]}
    assert set(names) == {"naskah-docx", "naskah-pdf", "laporan-temuan", "laporan-temuan-json"}
    stem = "Perbup_Purwakarta_sistem-layanan-rujukan-terpadu-dalam-penanganan"
    assert names["naskah-docx"] == f"{stem}_Rancangan.docx" and names["naskah-pdf"] == f"{stem}_Rancangan.pdf"
    assert (out / names["naskah-pdf"]).read_bytes()[:5] == b"%PDF-"
    assert sorted(p.name for p in out.iterdir()) == sorted([*names.values(), "manifest.json"])
    assert data["judul"] == ("Peraturan Bupati Purwakarta tentang Sistem Layanan Rujukan Terpadu dalam Penanganan "
                             "Fakir Miskin dan Orang Tidak Mampu")
    findings = json.loads((out / names["laporan-temuan-json"]).read_text(encoding="utf-8"))
    from legaldraft.api import check, load

    assert len(findings) == len(check(load(SPECS / "purwakarta" / "perbup-slrt.yaml")))
    from conftest import docx_text

    report = docx_text(out / names["laporan-temuan"])
    assert report[0].startswith("LAPORAN PEMERIKSAAN TATA NASKAH")
    assert sum(1 for line in report if line.split(" | ")[0].endswith(".") and " | " in line) == len(findings)


def test_perubahan_bundle_has_the_matriks(tmp_path, cli):
    out = tmp_path / "kirim"
    spec = SPECS / "purwakarta" / "perubahan" / "slrt-perubahan.yaml"
    result = cli("bundle", spec, "-o", out, "--tanpa-pdf")
    assert result.exit_code == 3 and "--lama" in result.output
    result = cli("bundle", spec, "-o", out, "--tanpa-pdf", "--lama", SPECS / "purwakarta" / "perubahan" / "slrt-2026.yaml")
    assert result.exit_code == 0, result.output
    assert verify(out) == []
    entry = next(e for e in manifest(out)["berkas"] if e["jenis"] == "matriks-perbandingan")
    assert entry["berkas"] == "Perbup_Purwakarta_perubahan-sistem-layanan-rujukan-terpadu-dalam_Matriks-Perbandingan.docx"
    from conftest import docx_text

    rows = docx_text(out / entry["berkas"])
    assert any(r.startswith("No | Ketentuan lama | Ketentuan baru | Keterangan") for r in rows)
    assert any("Ketentuan Pasal 13 diubah" in r for r in rows)


def test_verify_reports_changed_missing_and_unlisted_files(tmp_path, cli):
    out = tmp_path / "kirim"
    assert cli("bundle", SPECS / "soppeng" / "perbup-inovasi-daerah.yaml", "-o", out, "--tanpa-pdf").exit_code == 0
    entries = manifest(out)["berkas"]
    (out / entries[0]["berkas"]).write_bytes(b"diubah")
    (out / entries[1]["berkas"]).unlink()
    (out / "lain.txt").write_text("x", encoding="utf-8")
    problems = verify(out)
    assert any("isinya berbeda" in p for p in problems)
    assert any("tidak ada" in p for p in problems)
    assert any(p.startswith("lain.txt") for p in problems)


def test_bundle_refuses_a_used_folder_and_names_by_profile(tmp_path, cli):
    out = tmp_path / "kirim"
    out.mkdir()
    (out / "lama.docx").write_bytes(b"x")
    result = cli("bundle", SPECS / "purwakarta" / "kepbup-struktur-slrt.yaml", "-o", out, "--tanpa-pdf")
    assert result.exit_code == 3
    (tmp_path / "profil").mkdir()
    (tmp_path / "profil" / "purwakarta.yaml").write_text(
        (SPECS / "profil" / "purwakarta.yaml").read_text(encoding="utf-8")
        + "pengiriman:\n  pola_nama: '{tahun}-{jenis}-{berkas}'\n", encoding="utf-8")
    spec = tmp_path / "kepbup.yaml"
    spec.write_text((SPECS / "purwakarta" / "kepbup-struktur-slrt.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("bundle", spec, "-o", tmp_path / "baru", "--tanpa-pdf")
    assert result.exit_code == 0, result.output
    import datetime as dt

    year = dt.date.today().year
    names = sorted(e["berkas"] for e in manifest(tmp_path / "baru")["berkas"])
    assert names == [f"{year}-Kepbup-Laporan-Pemeriksaan.docx", f"{year}-Kepbup-Laporan-Pemeriksaan.json",
                     f"{year}-Kepbup-Rancangan.docx"]


def test_bundle_papers_are_written_by_the_naskah_writer(tmp_path, cli):
    """Issue 14: the findings report and the matriks go through the one DOCX writer and page set-up: the profile's
    paper (the matriks turned landscape), margins and font, the template's styles, the header row repeated."""
    from docx import Document

    from conftest import docx_text

    out = tmp_path / "kirim"
    spec = SPECS / "purwakarta" / "perubahan" / "slrt-perubahan.yaml"
    result = cli("bundle", spec, "-o", out, "--tanpa-pdf", "--lama", SPECS / "purwakarta" / "perubahan" / "slrt-2026.yaml")
    assert result.exit_code == 0, result.output
    names = {e["jenis"]: out / e["berkas"] for e in manifest(out)["berkas"]}
    naskah, matriks = Document(str(names["naskah-docx"])), Document(str(names["matriks-perbandingan"]))
    flawed = tmp_path / "temuan"       # a spec with findings, for a report with a table
    assert cli("bundle", ROOT / "examples" / "data" / "perbup-bermasalah.yaml", "-o", flawed, "--tanpa-pdf").exit_code == 0
    names = {e["jenis"]: flawed / e["berkas"] for e in manifest(flawed)["berkas"]}
    report = Document(str(names["laporan-temuan"]))
    page = naskah.sections[0]
    assert (report.sections[0].page_width, report.sections[0].page_height) == (page.page_width, page.page_height)
    assert (matriks.sections[0].page_width, matriks.sections[0].page_height) == (page.page_height, page.page_width)
    for paper in (report, matriks):
        section = paper.sections[0]
        assert (section.top_margin, section.left_margin) == (page.top_margin, page.left_margin)
        assert paper.styles["Normal"].font.name == naskah.styles["Normal"].font.name
        assert paper.paragraphs[0].style.name == "LD Judul"
        header = paper.tables[0].rows[0]
        assert header._tr.find(f"{{{header._tr.nsmap['w']}}}trPr/{{{header._tr.nsmap['w']}}}tblHeader") is not None
    lines = docx_text(names["laporan-temuan"])
    assert lines[:2] == ["LAPORAN PEMERIKSAAN TATA NASKAH", manifest(flawed)["judul"].upper()]
    assert "No | Letak | Tingkat | Aturan | Temuan dan saran" in lines

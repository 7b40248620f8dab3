"""Issue 18 item 1: PDF/A-2b through LibreOffice, metadata from the model, checked; TTE placeholders by profile."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from legaldraft.publish.pdfa import check_pdfa
from legaldraft.render import pdf

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"

pytestmark = [
    pytest.mark.skipif(pdf.soffice() is None, reason="LibreOffice (soffice) tidak terpasang"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils tidak terpasang"),
]


def spec_files() -> list[Path]:
    from legaldraft.cli import _spec_files

    return _spec_files([SPECS])


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    from click.testing import CliRunner

    from legaldraft.cli import main

    out = tmp_path_factory.mktemp("pdfa")
    result = CliRunner().invoke(main, ["build", str(SPECS), "-o", str(out), "--format", "pdfa", "--no-progress"])
    assert result.exit_code == 0, result.output
    return out


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_every_spec_is_valid_pdfa_with_model_metadata(built):
    import pikepdf

    from legaldraft.api import context_of, load
    from legaldraft.publish.jdih import judul_lengkap

    files = spec_files()
    assert len(files) >= 9
    for spec in files:
        target = built / f"{spec.stem}.pdf"
        report = check_pdfa(target)
        assert report.ok, (spec, report.problems)
        assert report.pages >= 1 and report.fonts >= 1
        doc = load(spec)
        ctx = context_of(doc)
        with pikepdf.open(target) as p:
            meta = p.open_metadata()
            assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
            assert meta["dc:title"] == judul_lengkap(doc, ctx.profile) == str(p.docinfo["/Title"])
            assert doc.tentang in str(p.docinfo["/Subject"]) or doc.jenis in ("perubahan", "pencabutan")
            keywords = str(p.docinfo["/Keywords"])
            assert ctx.profile.nama_daerah in keywords
            assert ("rancangan" if doc.is_rancangan else "ditetapkan") in keywords
            if not doc.is_rancangan:
                assert f"Nomor {doc.nomor}" in keywords
            assert not p.is_encrypted


def test_every_font_embedded_according_to_pdffonts(built):
    if shutil.which("pdffonts") is None:
        pytest.skip("pdffonts tidak ada")
    out = subprocess.run(["pdffonts", str(built / "perbup-slrt.pdf")], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows and all(" yes " in row.split("Type", 1)[-1] or row.split()[-5] == "yes" for row in rows), out


def test_plain_pdf_fails_the_pdfa_check(tmp_path):
    from legaldraft.api import build, load

    doc = load(SPECS / "purwakarta" / "perbup-slrt.yaml")
    outputs = build(doc, tmp_path, formats=("docx", "pdf"))
    plain = next(p for p in outputs if p.suffix == ".pdf")
    problems = check_pdfa(plain).problems
    assert any("pdfaid" in p for p in problems)
    assert any("OutputIntent" in p for p in problems)


def test_check_names_unembedded_font_and_encryption(tmp_path):
    import pikepdf

    p = pikepdf.new()
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 200, 200],
                              Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                              Contents=p.make_stream(b"BT /F1 12 Tf 10 10 Td (x) Tj ET"))
    p.pages.append(pikepdf.Page(page))
    plain = tmp_path / "helvetica.pdf"
    p.save(plain)
    assert "huruf tidak disematkan: Helvetica" in check_pdfa(plain).problems
    locked = tmp_path / "locked.pdf"
    p.save(locked, encryption=pikepdf.Encryption(owner="a", user="b"))
    assert any("terenkripsi" in x for x in check_pdfa(locked).problems)


def _tte_project(tmp_path: Path, tte: str, nomor: str = "null") -> Path:
    (tmp_path / "profil").mkdir()
    profile = (SPECS / "profil" / "purwakarta.yaml").read_text(encoding="utf-8") + tte
    (tmp_path / "profil" / "purwakarta.yaml").write_text(profile, encoding="utf-8")
    text = (SPECS / "purwakarta" / "perubahan" / "slrt-2026.yaml").read_text(encoding="utf-8")
    text = text.replace("nomor: 12\n", f"nomor: {nomor}\n", 1).replace("penetapan:\n  tanggal: 2026-03-02", "penetapan:\n  tanggal: null")
    spec = tmp_path / "slrt.yaml"
    spec.write_text(text, encoding="utf-8")
    return spec


def test_tte_profile_places_placeholders_and_bsre_footer(tmp_path, cli):
    from legaldraft.model.profile import BSRE_CATATAN

    spec = _tte_project(tmp_path, "tte: {}\n")
    # a final naskah without nomor and date is refused (exit 7) unless the drafter says why: here the signing
    # service stamps them
    refused = cli("build", spec, "-o", tmp_path / "out", "--format", "pdfa")
    assert refused.exit_code == 7 and "JUD-004" in refused.output
    result = cli("build", spec, "-o", tmp_path / "out", "--format", "pdfa",
                 "--terima-galat", "nomor dan tanggal dibubuhkan layanan TTE")
    assert result.exit_code == 0, result.output
    target = tmp_path / "out" / "slrt.pdf"
    assert check_pdfa(target).ok
    text = pdftotext(target)
    assert "NOMOR ${nomor_naskah} TAHUN 2026" in text
    assert "pada tanggal ${tanggal_naskah}" in text
    assert text.count("${ttd_pengirim}") == 2  # penetapan and the lampiran's signature
    pages = text.split("\f")[:-1]
    flat = [" ".join(page.split()) for page in pages]
    assert all("Balai Besar Sertifikasi Elektronik (BSrE), Badan Siber dan Sandi Negara" in page for page in flat)
    assert " ".join(BSRE_CATATAN.split()) in flat[0]
    # the tag stands in the QR box: a bordered paragraph in the signature column
    import io

    from docx import Document
    from docx.oxml.ns import qn

    from legaldraft.api import context_of, load
    from legaldraft.publish.pdfa import signing_docx

    doc = load(spec)
    signing = Document(io.BytesIO(signing_docx(doc, context_of(doc))))
    boxed = [p.text for p in signing.paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None]
    assert boxed == ["${ttd_pengirim}", "${ttd_pengirim}"]
    # the wet-signature DOCX beside it is untouched
    from conftest import docx_text

    assert not any("${" in line for line in docx_text(tmp_path / "out" / "slrt.docx"))


def test_tte_keeps_a_number_already_given_and_custom_tags(tmp_path, cli):
    spec = _tte_project(tmp_path, "tte:\n  ttd: '#TTE#'\n  catatan_kaki: Ditandatangani secara elektronik.\n", nomor="7")
    result = cli("build", spec, "-o", tmp_path / "out", "--format", "pdfa", "--terima-galat", "tanggal dari layanan TTE")
    assert result.exit_code == 0, result.output
    text = pdftotext(tmp_path / "out" / "slrt.pdf")
    assert "NOMOR 7 TAHUN 2026" in text and "${nomor_naskah}" not in text
    assert "#TTE#" in text and "Ditandatangani secara elektronik." in text


def test_without_tte_the_wet_signature_layout_stays(built):
    text = pdftotext(built / "slrt-2026.pdf")
    assert "${" not in text and "BSrE" not in text
    assert "pada tanggal 2 Maret 2026" in text


def test_python_api_builds_checked_pdfa_and_akn(tmp_path):
    from legaldraft.api import build, load

    outputs = build(load(SPECS / "soppeng" / "perbup-inovasi-daerah.yaml"), tmp_path, formats=("docx", "pdfa", "akn"))
    assert sorted(p.name for p in outputs) == ["perbup-inovasi-daerah.docx", "perbup-inovasi-daerah.pdf",
                                               "perbup-inovasi-daerah.xml"]
    assert check_pdfa(tmp_path / "perbup-inovasi-daerah.pdf").ok


def test_tte_blocks_of_a_keputusan():
    from legaldraft.api import context_of, load
    from legaldraft.model.profile import TandaTanganElektronik
    from legaldraft.naskah import assemble
    from legaldraft.publish.tte import tte_blocks

    doc = load(SPECS / "purwakarta" / "kepbup-struktur-slrt.yaml")
    ctx = context_of(doc)
    blocks = tte_blocks(assemble(doc, ctx.profile, ctx.registry), TandaTanganElektronik(), is_keputusan=True)
    texts = [(b.style, b.text) for b in blocks]
    assert ("LD Judul", "NOMOR ${nomor_naskah}") in texts
    ttd = [t for s, t in texts if s == "LD TTD"]
    assert ttd[:5] == ["Ditetapkan di Purwakarta", "pada tanggal ${tanggal_naskah}", "BUPATI PURWAKARTA,",
                       "${ttd_pengirim}", ""]


def test_the_pdfa_docx_is_written_as_build_writes_the_docx():
    """Issue 14: the DOCX the PDF/A is made from goes through build's path: the drafter's reason for building past
    error findings is kept in the document properties (never printed in the page header), and the header is the
    one of the DOCX build writes."""
    import io

    from docx import Document

    from legaldraft.api import context_of, load
    from legaldraft.publish.pdfa import signing_docx
    from legaldraft.render.pipeline import docx_bytes

    doc = load(ROOT / "specs" / "purwakarta" / "perubahan" / "slrt-2026.yaml")
    reason = "nomor dan tanggal dibubuhkan layanan TTE"
    signing = Document(io.BytesIO(signing_docx(doc, context_of(doc), reason)))
    built = Document(io.BytesIO(docx_bytes(doc, context_of(doc), reason)))
    header = lambda d: "".join(t.text or "" for t in d.sections[0].header._element.iter(  # noqa: E731
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
    assert reason not in header(signing) and header(signing) == header(built)
    assert signing.core_properties.comments == built.core_properties.comments == reason
    assert [p.text for p in signing.paragraphs] == [p.text for p in built.paragraphs]

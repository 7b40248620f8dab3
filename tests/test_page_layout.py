"""Issue 16 item 6: grade A on the page. Signature never alone, pengundangan with penetapan, room to sign,
unbreakable 'NOMOR … TAHUN …', Keputusan judul spacing, 'Yth.' in Tembusan, numbers right-aligned, the TANGGAL
line of a Keputusan lampiran, no stretched lines, visible '(nama)' placeholders in a rancangan."""
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import yaml
from docx import Document

import legaldraft
from legaldraft.render import pdf
from legaldraft.spec.scaffold import scaffold

ROOT = Path(__file__).resolve().parent.parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def build(tmp_path, data: dict, name: str = "spec", profile_extra: str = "", **kw) -> Path:
    folder = tmp_path / name
    folder.mkdir(parents=True, exist_ok=True)
    if profile_extra:
        (folder / "profil").mkdir(exist_ok=True)
        base = (ROOT / "legaldraft" / "spec" / "data" / "profiles" / "contoh.yaml").read_text(encoding="utf-8")
        (folder / "profil" / "contoh.yaml").write_text(base + profile_extra, encoding="utf-8")
    spec = folder / f"{name}.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return legaldraft.build(legaldraft.load(spec), folder / "out", **kw)[0]


def paragraphs(docx: Path):
    return list(Document(str(docx)).paragraphs)


def document_xml(docx: Path) -> str:
    with zipfile.ZipFile(docx) as zf:
        return zf.read("word/document.xml").decode("utf-8")


def test_nomor_tahun_and_numbered_words_never_break(tmp_path):
    data = yaml.safe_load(scaffold("perbup"))
    docx = build(tmp_path, data)
    xml = document_xml(docx)
    assert "NOMOR\u00a0...\u00a0TAHUN\u00a0..." in xml
    assert "Undang-Undang Nomor\u00a023 Tahun\u00a02014" in xml        # a citation: word and number together
    assert re.search(r"Pasal\u00a0\d", xml) and "ayat\u00a0(1)" in xml
    assert "Nomor 23" not in xml


def test_signature_kept_with_last_pasal_and_pengundangan_with_penetapan(tmp_path):
    docx = build(tmp_path, yaml.safe_load(scaffold("perbup")))
    paras = paragraphs(docx)
    names = [p.style.name for p in paras]
    start = next(i for i, p in enumerate(paras) if p.text.startswith("Ditetapkan di"))
    last_pasal = max(i for i, n in enumerate(names[:start]) if n == "LD Pasal")
    keeps = [p.paragraph_format.keep_with_next or p.style.paragraph_format.keep_with_next for p in paras]
    assert all(keeps[last_pasal:start]), "the last Pasal and the perintah pengundangan keep with the penetapan"
    pengundangan = next(i for i, p in enumerate(paras) if p.text.startswith("Diundangkan di"))
    assert all(keeps[start:pengundangan]), "the penetapan keeps with the pengundangan"


def test_signature_room_per_profile_and_visible_name_placeholders(tmp_path):
    data = yaml.safe_load(scaffold("perbup"))
    paras = paragraphs(build(tmp_path, data, "empat"))
    texts = [p.text for p in paras]
    jabatan = texts.index("BUPATI CONTOH,", texts.index("Ditetapkan di Contoh"))
    assert texts[jabatan + 1:jabatan + 6] == ["", "", "", "", "NAMA BUPATI"]
    sekda = texts.index("SEKRETARIS DAERAH KABUPATEN CONTOH,")
    assert texts[sekda + 1:sekda + 6] == ["", "", "", "", "NAMA SEKRETARIS DAERAH"]
    # a daerah whose profile does not name its officials yet (Lahat): the rancangan shows where names go
    shutil.copytree(ROOT / "specs" / "profil", tmp_path / "profil")
    texts = [p.text for p in paragraphs(build(tmp_path, dict(data, daerah="lahat"), "lahat"))]
    jabatan = texts.index("BUPATI LAHAT,", texts.index("Ditetapkan di Lahat"))
    assert texts[jabatan + 5] == "(nama)"
    sekda = texts.index("SEKRETARIS DAERAH KABUPATEN LAHAT,")
    assert texts[sekda + 5] == "(nama)"
    paras = paragraphs(build(tmp_path, data, "enam", profile_extra="halaman:\n  baris_tanda_tangan: 6\n"))
    texts = [p.text for p in paras]
    jabatan = texts.index("BUPATI CONTOH,", texts.index("Ditetapkan di Contoh"))
    assert texts[jabatan + 1:jabatan + 8] == [""] * 6 + ["NAMA BUPATI"]


def test_keputusan_tembusan_yth_tanggal_line_and_judul_spacing(tmp_path):
    data = yaml.safe_load(scaffold("keputusan"))
    docx = build(tmp_path, data, "kep")
    texts = [p.text.replace("\u00a0", " ") for p in paragraphs(docx)]
    assert "1.\tYth. Gubernur Jawa Barat" in texts
    head = texts.index("LAMPIRAN")
    assert texts[head:head + 5] == ["LAMPIRAN", "KEPUTUSAN BUPATI CONTOH", "NOMOR ... TAHUN ...", "TANGGAL ...", "TENTANG"]
    document = Document(str(docx))
    jabatan = document.styles["LD Jabatan"].paragraph_format
    assert jabatan.space_before is not None and jabatan.space_before.pt >= 12, "a blank line under the judul"
    texts = [p.text for p in paragraphs(build(tmp_path, data, "tanpa", profile_extra="formula:\n  tembusan_yth: false\n"
                                               "lampiran_tanggal: false\n"))]
    assert "1.\tGubernur Jawa Barat" in texts and not any(t.startswith("TANGGAL") for t in texts)


def test_perbup_lampiran_header_has_no_tanggal_by_default(tmp_path):
    texts = [p.text for p in paragraphs(build(tmp_path, yaml.safe_load(scaffold("pedoman"))))]
    assert not any(t.startswith("TANGGAL") for t in texts)


def test_numbers_right_aligned_in_tables(tmp_path):
    data = yaml.safe_load(scaffold("keputusan"))
    data["lampiran"][0]["isi"].append({"tabel": {"kolom": ["Kecamatan", "Jumlah", "Anggaran"], "nomor_otomatis": True,
                                                 "baris": [["Bojong", "37.430", "Rp 1.250.000"], ["Cibatu", "13.833", "Rp 900.000"]]}})
    document = Document(str(build(tmp_path, data)))
    table = document.tables[-1]
    row = table.rows[1]
    alignment = [c.paragraphs[0].paragraph_format.alignment for c in row.cells]
    from docx.enum.text import WD_ALIGN_PARAGRAPH as A

    assert [c.text for c in row.cells] == ["1.", "Bojong", "37.430", "Rp\u00a01.250.000"]
    assert alignment == [A.CENTER, None, A.RIGHT, A.RIGHT]


def test_no_stretched_line_before_a_manual_break(tmp_path):
    data = yaml.safe_load(scaffold("perbup"))
    data["konsiderans"][0] = "bahwa pelayanan publik terpadu perlu diselenggarakan secara tertib dan berkelanjutan;\n"
    docx = build(tmp_path, data)
    with zipfile.ZipFile(docx) as zf:
        settings = zf.read("word/settings.xml").decode("utf-8")
    assert "<w:doNotExpandShiftReturn/>" in settings
    menimbang = next(p for p in Document(str(docx)).paragraphs if p.text.startswith("Menimbang"))
    assert not menimbang._p.findall(f".//{W}br"), "a trailing newline of a YAML block is no line break"


needs_pdf = pytest.mark.skipif(pdf.soffice() is None or shutil.which("pdftotext") is None,
                               reason="LibreOffice/poppler tidak terpasang")


@needs_pdf
def test_every_spec_keeps_its_signature_with_the_norms_on_the_page(tmp_path, cli):
    """In the PDF of every spec in specs/: the page with 'Ditetapkan di' also holds the last Pasal heading or
    the last diktum label, and the pengundangan; no page holds only a signature block."""
    specs = tmp_path / "specs"
    shutil.copytree(ROOT / "specs", specs)
    (tmp_path / ".git").mkdir()  # a project (repository): specs/profil is found from specs/purwakarta/perubahan
    out = tmp_path / "out"
    result = cli("build", specs, "-o", out, "--pdf", "--no-progress")
    assert result.exit_code == 0, result.output
    checked = 0
    for path in sorted(out.glob("*.pdf")):
        pages = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f")
        page = next((p for p in pages if "Ditetapkan di" in p), None)
        if page is None:
            continue        # a Perubahan built from its own assembler prints its penetapan the same way
        checked += 1
        before = page[: page.index("Ditetapkan di")]
        assert re.search(r"\bPasal [0-9IVX]+\b|^\s*(KE[A-Z]+|PASAL [IVX]+)\s", before, re.M), f"{path.name}: signature alone"
        if "Diundangkan di" in "".join(pages):
            assert "Diundangkan di" in page, f"{path.name}: pengundangan on another page than the penetapan"
        if "Tembusan:" in "".join(pages):
            assert "Tembusan:" in page, f"{path.name}: Tembusan on another page than the signature"
    assert checked >= 8

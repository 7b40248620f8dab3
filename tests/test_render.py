"""Issue 4: faithful, editable DOCX (layout, styles, page numbers, tables, images, emphasis, escaping,
daerah templates) for a Perbup, a Keputusan with a member table and a Perbup with a pedoman lampiran."""
from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
import yaml
from docx import Document
from docx.shared import Mm, Pt

import legaldraft
from legaldraft.spec.scaffold import scaffold

from conftest import docx_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HOSTILE = "Tanda & < > \" ' عربي 中文 😀 tetap utuh"

MARKDOWN = """\
Pedoman ini memuat **ketentuan wajib** dan *contoh* penerapan.

1. langkah **pertama**;
2. langkah kedua.

| Tahap | Waktu |
|---|---|
| Pendaftaran | 1 hari |
| Verifikasi | 3 hari |
"""


def png(width: int, height: int) -> bytes:
    """A plain grey PNG of the given size (no imaging library needed)."""
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def fixture_specs(folder: Path) -> dict[str, Path]:
    """The three documents of issue 4 (and one full of characters that must be escaped), as spec files."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bagan.png").write_bytes(png(1200, 600))
    specs = {}

    perbup = yaml.safe_load(scaffold("perbup"))
    perbup.update(status="final", nomor="12", tahun=2024)
    perbup["penetapan"] = {"tanggal": "2024-03-05"}
    perbup["pengundangan"] = {"tanggal": "2024-03-05", "berita_daerah": {"tahun": 2024, "nomor": 12}}
    specs["perbup"] = perbup

    keputusan = yaml.safe_load(scaffold("keputusan"))
    keputusan["paraf_koordinasi"] = ["Sekretaris Daerah", "Kepala Bagian Hukum"]
    specs["keputusan"] = keputusan

    pedoman = yaml.safe_load(scaffold("pedoman"))
    chapter = pedoman["lampiran"][0]["isi"][0]
    chapter["isi"].append({"subbab": "Tata Cara", "isi": [{"markdown": MARKDOWN}]})
    chapter["isi"].append({"subbab": "Bagan", "isi": [{"gambar": "bagan.png", "judul": "Bagan Alur"}]})
    specs["pedoman"] = pedoman

    hostile = yaml.safe_load(scaffold("perbup"))
    hostile["konsiderans"][0] = f"bahwa {HOSTILE};"
    hostile["batang_tubuh"][1]["isi"][0]["ayat"][0]["teks"] = f"PPT diselenggarakan. {HOSTILE}."
    specs["hostile"] = hostile

    paths = {}
    for name, data in specs.items():
        path = folder / f"{name}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        paths[name] = path
    return paths


def build_fixture_docs(folder: Path) -> dict[str, Path]:
    """Spec name -> DOCX built from it."""
    out = {}
    for name, spec in fixture_specs(folder / "spec").items():
        out[name] = legaldraft.build(legaldraft.load(spec), folder / "out")[0]
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    return build_fixture_docs(tmp_path_factory.mktemp("render"))


def styled(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph (non-breaking spaces read as spaces, as in docx_text)."""
    doc = Document(str(path))
    return [(p.style.name, p.text.replace("\u00a0", " ")) for p in doc.paragraphs]


def in_order(texts: list[str], expected: list[str]) -> bool:
    """Each expected fragment occurs in some text, later than the previous one."""
    i = 0
    for text in texts:
        if i < len(expected) and expected[i] in text:
            i += 1
    return i == len(expected)


@pytest.mark.parametrize("name", ["perbup", "keputusan", "pedoman"])
def test_page_setup_and_font(built, name):
    doc = Document(str(built[name]))
    section = doc.sections[0]
    assert abs(section.page_width - Mm(215)) < Mm(0.1) and abs(section.page_height - Mm(330)) < Mm(0.1)
    assert [abs(m - Mm(v)) < Mm(0.1) for m, v in ((section.top_margin, 30), (section.bottom_margin, 25),
            (section.left_margin, 25), (section.right_margin, 25))] == [True] * 4
    normal = doc.styles["Normal"]
    assert normal.font.name == "Bookman Old Style" and normal.font.size == Pt(12)
    assert normal.paragraph_format.line_spacing == 1.0
    # no theme font left that Word would prefer over Bookman
    defaults = doc.styles.element.find(f"{W}docDefaults").find(f"{W}rPrDefault").find(f"{W}rPr").find(f"{W}rFonts")
    assert not [a for a in defaults.attrib if "heme" in a]
    # every body paragraph carries a named legaldraft style
    assert {s for s, _ in styled(built[name])} <= {s.name for s in doc.styles if s.name.startswith("LD ")}


def test_perbup_text_in_order_and_styles(built):
    paragraphs = styled(built["perbup"])
    texts = [t for _, t in paragraphs]
    assert in_order(texts, [
        "BUPATI CONTOH", "PROVINSI JAWA BARAT", "PERATURAN BUPATI CONTOH", "NOMOR 12 TAHUN 2024", "TENTANG",
        "PENYELENGGARAAN PELAYANAN PUBLIK TERPADU", "DENGAN RAHMAT TUHAN YANG MAHA ESA", "BUPATI CONTOH,",
        "Menimbang\t:\ta.\tbahwa", "Mengingat\t:\t1.\tPasal 18 ayat (6)", "MEMUTUSKAN:",
        "Menetapkan\t:\tPERATURAN BUPATI TENTANG", "BAB I", "KETENTUAN UMUM", "Pasal 1", "1.\tDaerah adalah",
        "Pasal 2", "(1)\tPPT", "a.\tmenyediakan", "Pasal 3", "Agar setiap orang mengetahuinya",
        "Ditetapkan di Contoh", "pada tanggal 5 Maret 2024", "BUPATI CONTOH,", "NAMA BUPATI",
        "Diundangkan di Contoh", "SEKRETARIS DAERAH KABUPATEN CONTOH,", "BERITA DAERAH KABUPATEN CONTOH TAHUN 2024 NOMOR 12"])
    style_of = dict((t, s) for s, t in paragraphs)
    assert style_of["PERATURAN BUPATI CONTOH"] == "LD Judul"
    assert style_of["Pasal 1"] == "LD Pasal"
    assert style_of["BAB I"] == "LD BAB"
    assert style_of["Ditetapkan di Contoh"] == "LD TTD"
    assert style_of["Diundangkan di Contoh"] == "LD Pengundangan"
    assert "RANCANGAN" not in texts


def test_layout_geometry_of_styles(built):
    perbup = Document(str(built["perbup"])).styles
    keputusan = Document(str(built["keputusan"])).styles

    def tabs(styles, name):
        return [round(t.position.mm, 1) for t in styles[name].paragraph_format.tab_stops]

    # "Menimbang :" in a ~30 mm column; a Keputusan's column is wider for "Memperhatikan"
    assert tabs(perbup, "LD Konsiderans") == [30.0, 33.0, 40.0]
    assert tabs(keputusan, "LD Konsiderans")[0] == 35.0
    assert round(perbup["LD Konsiderans"].paragraph_format.first_line_indent.mm) == -40
    for name in ("LD Judul", "LD Kop", "LD BAB", "LD Pasal", "LD Memutuskan", "LD Pembukaan"):
        assert perbup[name].paragraph_format.alignment == 1, name       # centred
        assert perbup[name].paragraph_format.keep_with_next, name
    assert perbup["LD Pasal"].paragraph_format.keep_together
    assert perbup["LD TTD"].paragraph_format.left_indent.mm > 80      # penetapan on the right
    assert not perbup["LD Pengundangan"].paragraph_format.left_indent   # pengundangan on the left
    assert perbup["LD Isi"].paragraph_format.widow_control


def _header_texts(part) -> str:
    return "".join(t.text or "" for t in part._element.iter(f"{W}t"))


def _has_page_field(part) -> bool:
    return any("PAGE" in (i.text or "") for i in part._element.iter(f"{W}instrText"))


def test_page_numbers_from_page_two_and_draft_marker(built):
    final = Document(str(built["perbup"])).sections[0]
    assert final.different_first_page_header_footer
    assert _has_page_field(final.header) and _header_texts(final.header).replace("2", "").strip() == "-  -"
    assert not _has_page_field(final.first_page_header) and not _header_texts(final.first_page_header).strip()
    draft = Document(str(built["keputusan"])).sections[0]
    assert "RANCANGAN" in _header_texts(draft.header) and "RANCANGAN" in _header_texts(draft.first_page_header)
    texts = docx_text(built["keputusan"])
    assert texts.index("RANCANGAN") < texts.index("KEPUTUSAN BUPATI CONTOH")
    assert "NOMOR ... TAHUN ..." in texts and "pada tanggal ..." in texts


def test_page_number_placement_follows_profile(tmp_path):
    profil = tmp_path / "profil"
    profil.mkdir()
    (profil / "uji.yaml").write_text(
        "nama: Uji\nprovinsi: Jawa Barat\ntempat_penetapan: Uji\nhalaman:\n  nomor_halaman: tengah-bawah\n"
        "  format_nomor_halaman: 'Halaman {n}'\n  huruf: Arial\n  ukuran_huruf: 11\n  lebar_mm: 210\n  tinggi_mm: 297\n",
        encoding="utf-8")
    spec = tmp_path / "uji.yaml"
    spec.write_text(scaffold("perbup").replace("daerah: contoh", "daerah: uji"), encoding="utf-8")
    out = legaldraft.build(legaldraft.load(spec), tmp_path / "out")[0]
    doc = Document(str(out))
    section = doc.sections[0]
    assert _has_page_field(section.footer) and "Halaman" in _header_texts(section.footer)
    assert not _has_page_field(section.header)
    assert doc.styles["Normal"].font.name == "Arial" and doc.styles["Normal"].font.size == Pt(11)
    assert abs(section.page_height - Mm(297)) < Mm(0.1)


def test_keputusan_diktum_table_and_paraf(built):
    doc = Document(str(built["keputusan"]))
    texts = docx_text(built["keputusan"])
    assert in_order(texts, ["Menimbang\t:\ta.\tbahwa", "Mengingat\t:\t1.", "MEMUTUSKAN:", "Menetapkan\t:\tKEPUTUSAN BUPATI",
                            "KESATU\t:\tMembentuk", "KEDUA\t:\tTim", "a.\tmenyusun rencana kerja;", "KEEMPAT\t:\tKeputusan Bupati ini mulai berlaku",
                            "Ditetapkan di Contoh", "Tembusan:", "1.\tYth. Gubernur Jawa Barat", "Paraf Koordinasi",
                            "No. | Jabatan | Paraf", "LAMPIRAN", "KEPUTUSAN BUPATI CONTOH", "TENTANG",
                            "SUSUNAN KEANGGOTAAN TIM KOORDINASI PELAYANAN PUBLIK TERPADU",
                            "No. | Jabatan dalam Tim | Jabatan", "1. | Ketua | Sekretaris Daerah", "NAMA BUPATI"])
    members = doc.tables[-1]
    assert [c.text for c in members.rows[0].cells] == ["No.", "Jabatan dalam Tim", "Jabatan"]
    # the header row repeats on every page, and is bold
    assert members.rows[0]._tr.find(f"{W}trPr").find(f"{W}tblHeader") is not None
    assert all(r.bold for r in members.rows[0].cells[1].paragraphs[0].runs)
    total = sum(c.width for c in members.columns)
    assert abs(total - Mm(165)) < Mm(1)              # the table spans the text width
    # lampiran header: its own page, top right
    kepala = [p for p in doc.paragraphs if p.style.name == "LD Lampiran Kepala"]
    assert kepala[0].text == "LAMPIRAN" and kepala[0].paragraph_format.page_break_before
    # diktum rincian hang under the diktum text column
    rincian = doc.styles["LD Diktum Rincian 1"].paragraph_format
    diktum = doc.styles["LD Diktum"].paragraph_format
    assert round(rincian.left_indent.mm + rincian.first_line_indent.mm) == round(diktum.left_indent.mm)


def test_pedoman_lampiran_markdown_emphasis_table_and_image(built):
    doc = Document(str(built["pedoman"]))
    texts = docx_text(built["pedoman"])
    assert in_order(texts, ["LAMPIRAN", "PERATURAN BUPATI CONTOH", "NOMOR ... TAHUN ...", "TENTANG",
                            "PEDOMAN PELAYANAN PUBLIK TERPADU", "BAB I", "PENDAHULUAN", "A.\tLatar Belakang",
                            "C.\tTata Cara", "Pedoman ini memuat ketentuan wajib dan contoh penerapan.",
                            "1.\tlangkah pertama;", "Tahap | Waktu", "Verifikasi | 3 hari", "D.\tBagan",
                            "Bagan Alur", "BAB II", "PENUTUP", "BUPATI CONTOH,", "NAMA BUPATI"])
    para = next(p for p in doc.paragraphs if p.text.startswith("Pedoman ini memuat"))
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in para.runs] == [
        ("Pedoman ini memuat ", False, False), ("ketentuan wajib", True, False), (" dan ", False, False),
        ("contoh", False, True), (" penerapan.", False, False)]
    item = next(p for p in doc.paragraphs if p.text.startswith("1.\tlangkah"))
    assert [r.text for r in item.runs if r.bold] == ["pertama"]
    assert doc.tables[-1].rows[0]._tr.find(f"{W}trPr").find(f"{W}tblHeader") is not None
    # the 1200x600 px picture is scaled to the text width (165 mm), keeping its aspect
    shape = doc.inline_shapes[-1]
    assert abs(shape.width - Mm(165)) < Mm(0.5) and abs(shape.height - Mm(82.5)) < Mm(0.5)
    # the placeholder lambang is the first picture, 25 mm wide
    assert abs(doc.inline_shapes[0].width - Mm(25)) < Mm(0.5)


def test_hostile_text_survives_docx(built):
    texts = docx_text(built["hostile"])
    assert f"Menimbang\t:\ta.\tbahwa {HOSTILE};" in texts
    assert f"(1)\tPPT diselenggarakan. {HOSTILE}." in texts


def test_characters_xml_cannot_hold_are_dropped_not_fatal(tmp_path):
    from legaldraft.naskah import Block
    from legaldraft.render.docx import render_docx
    from legaldraft.render.templates import template_path
    from legaldraft.spec.profiles import load_profile

    profile, _ = load_profile("contoh")
    data = render_docx([Block("LD Isi", "a\x00b\x0bc & <d>")], profile, template_path("perbup"))
    (tmp_path / "x.docx").write_bytes(data)
    assert docx_text(tmp_path / "x.docx") == ["abc & <d>"]


def _restyled_template(folder: Path, kop: str | None = None) -> None:
    """A daerah template: the shipped one with "LD Judul" at 16 pt, optionally with a fixed kop."""
    from legaldraft.render.templates import template_path

    target = folder / "perbup" / "template.docx"
    target.parent.mkdir(parents=True)
    doc = Document(str(template_path("perbup")))
    doc.styles["LD Judul"].font.size = Pt(16)
    if kop:
        doc.add_paragraph(kop, style="LD Kop")
    doc.save(str(target))


def _spec_with_profile(folder: Path, extra: str = "") -> Path:
    (folder / "profil").mkdir(parents=True)
    (folder / "profil" / "uji.yaml").write_text(
        f"nama: Uji\nprovinsi: Jawa Barat\ntempat_penetapan: Uji\ntemplates: ../templat\n{extra}", encoding="utf-8")
    spec = folder / "uji.yaml"
    spec.write_text(scaffold("perbup").replace("daerah: contoh", "daerah: uji"), encoding="utf-8")
    return spec


def test_daerah_template_override_changes_a_style(tmp_path):
    _restyled_template(tmp_path / "templat")
    spec = _spec_with_profile(tmp_path)
    out = legaldraft.build(legaldraft.load(spec), tmp_path / "out")[0]
    doc = Document(str(out))
    assert doc.styles["LD Judul"].font.size == Pt(16)
    assert any(p.style.name == "LD Judul" and p.text == "PERATURAN BUPATI UJI" for p in doc.paragraphs)


def test_daerah_fixed_kop_rendered_with_autoescape(tmp_path):
    _restyled_template(tmp_path / "templat", kop="{{ jabatan }} — {{ provinsi }}")
    spec = _spec_with_profile(tmp_path, "jabatan_kepala: BUPATI UJI & <SEKITARNYA>\n")
    out = legaldraft.build(legaldraft.load(spec), tmp_path / "out")[0]
    texts = docx_text(out)
    assert texts[0] == "BUPATI UJI & <SEKITARNYA> — PROVINSI JAWA BARAT"
    styles = [s for s, _ in styled(out)]
    assert styles.count("LD Kop") == 1 and "LD Lambang" not in styles     # the generated kop gives way
    assert in_order(texts, ["PERATURAN BUPATI UJI", "Menimbang", "Ditetapkan di Uji"])


def test_templates_are_package_data():
    from legaldraft.render.templates import KINDS, template_path

    cfg = (Path(__file__).resolve().parent.parent / "setup.cfg").read_text()
    assert "templates/*/*" in cfg and "templates/*.png" in cfg
    for kind in KINDS:
        doc = Document(str(template_path(kind)))
        assert "LD Konsiderans" in [s.name for s in doc.styles]
        assert not [p for p in doc.paragraphs if p.text.strip()]      # shipped templates carry no fixed kop


def test_shipped_templates_match_the_style_table(tmp_path):
    """The committed templates are what ``python -m legaldraft.render.templates`` builds now."""
    from legaldraft.render.templates import KINDS, build_template, template_path

    def style_xml(path):
        doc = Document(str(path))
        return {s.name: s.element.xml for s in doc.styles if s.name.startswith("LD ")}

    for kind in KINDS:
        fresh = tmp_path / kind / "template.docx"
        build_template(fresh, kind)
        assert style_xml(fresh) == style_xml(template_path(kind)), f"jalankan: python -m legaldraft.render.templates ({kind})"


def test_styles_doc_is_generated_from_table():
    from legaldraft.render.styles import STYLES, styles_markdown

    committed = (Path(__file__).resolve().parent.parent / "docs" / "styles.md").read_text(encoding="utf-8")
    assert committed == styles_markdown(), "jalankan: python -m legaldraft.render.styles > docs/styles.md"
    assert all(f"`{s.name}`" in committed for s in STYLES)


def test_previews_md_and_html(built, tmp_path):
    doc = legaldraft.load(Path(built["pedoman"]).parent.parent / "spec" / "pedoman.yaml")
    md, html = legaldraft.build(doc, tmp_path, formats=["md", "html"])
    md_text, html_text = md.read_text(encoding="utf-8"), html.read_text(encoding="utf-8")
    assert "#### Pasal 1" in md_text and "| Tahap | Waktu |" in md_text
    assert md_text.index("**PERATURAN BUPATI CONTOH**") < md_text.index("Menimbang :")
    assert "<th>Tahap</th>" in html_text and "<td>Verifikasi</td>" in html_text
    assert "memuat **ketentuan wajib** dan _contoh_ penerapan" in md_text
    assert "memuat <strong>ketentuan wajib</strong> dan <em>contoh</em> penerapan" in html_text
    assert "&emsp;1\\. langkah **pertama**;" in md_text          # literal marker, never a code block or renumbered list
    assert "\n    " not in md_text
    hostile = legaldraft.load(Path(built["hostile"]).parent.parent / "spec" / "hostile.yaml")
    page = legaldraft.build(hostile, tmp_path / "h", formats=["html"])[0].read_text(encoding="utf-8")
    assert "Tanda &amp; &lt; &gt; &#34; &#39; عربي 中文 😀" in page and "<script" not in page
    md_page = legaldraft.build(hostile, tmp_path / "h", formats=["md"])[0].read_text(encoding="utf-8")
    assert "Tanda & \\< \\> \" ' عربي 中文 😀" in md_page


def test_pdf_missing_libreoffice_keeps_docx(cli, tmp_path, monkeypatch):
    spec = tmp_path / "perbup.yaml"
    spec.write_text(scaffold("perbup"), encoding="utf-8")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr("legaldraft.render.pdf.soffice", lambda: None)
    result = cli("build", spec, "-o", tmp_path / "out", "--pdf")
    assert (tmp_path / "out" / "perbup.docx").exists() and not (tmp_path / "out" / "perbup.pdf").exists()
    assert "LibreOffice tidak ditemukan" in result.output and "apt-get install" in result.output


def test_warm_server_unreachable_falls_back(monkeypatch, tmp_path):
    from legaldraft.render import pdf

    monkeypatch.setenv(pdf.SERVER_ENV, "127.0.0.1:9")      # nothing listens on the discard port
    assert pdf.warm_server_address() is None
    calls = []
    monkeypatch.setattr(pdf, "convert_batch", lambda files, out, timeout=600: calls.append(files) or [])
    pdf.convert_many([tmp_path / "a.docx"], tmp_path)
    assert calls == [[tmp_path / "a.docx"]]


def test_profile_lambang_replaces_the_placeholder(tmp_path):
    from importlib import resources

    (tmp_path / "profil").mkdir()
    emblem = png(300, 330)
    (tmp_path / "profil" / "garuda.png").write_bytes(emblem)
    (tmp_path / "profil" / "uji.yaml").write_text(
        "nama: Uji\nprovinsi: Jawa Barat\ntempat_penetapan: Uji\nlambang: garuda.png\n", encoding="utf-8")
    spec = tmp_path / "uji.yaml"
    spec.write_text(scaffold("perbup").replace("daerah: contoh", "daerah: uji"), encoding="utf-8")
    doc = Document(str(legaldraft.build(legaldraft.load(spec), tmp_path / "out")[0]))
    first = doc.inline_shapes[0]
    blob = doc.part.related_parts[first._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
    placeholder = resources.files("legaldraft").joinpath("templates/lambang-placeholder.png").read_bytes()
    assert blob == emblem != placeholder
    assert abs(first.width - Mm(25)) < Mm(0.5)
    assert doc.paragraphs[0].style.name == "LD Lambang"


@pytest.mark.parametrize("kop", [None, "BUPATI {{ daerah }}"])
def test_footnotes_are_written_by_the_writer_itself(tmp_path, kop):
    """The notes of the blocks (a naskah konsolidasi's) become a footnotes part written with the package, on the
    writer's own path and on python-docx's (a daerah template with a fixed kop): no second opening of the DOCX."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import parse_xml
    from docx.oxml.ns import qn

    from legaldraft.naskah.blocks import Block
    from legaldraft.render.docx import render_docx
    from legaldraft.render.templates import template_path
    from legaldraft.spec.profiles import load_profile

    template = template_path("perbup")
    if kop:
        _restyled_template(tmp_path / "templat", kop)
        template = tmp_path / "templat" / "perbup" / "template.docx"
    blocks = [Block("LD Pasal", "Pasal 1"), Block("LD Isi", "Teks pertama.", footnote="Diubah dengan A & B."),
              Block("LD Isi", "Teks kedua."), Block("LD Isi", "Teks ketiga.", footnote="Disisipkan dengan C.")]
    data = render_docx(blocks, load_profile("contoh")[0], template, tmp_path, "Uji")
    (tmp_path / "x.docx").write_bytes(data)
    doc = Document(str(tmp_path / "x.docx"))
    parts = [rel.target_part for rel in doc.part.rels.values() if rel.reltype == RT.FOOTNOTES]
    assert len(parts) == 1
    notes = [" ".join(t.text for t in n.iter(qn("w:t"))).strip() for n in parse_xml(parts[0].blob).iter(qn("w:footnote"))
             if n.get(qn("w:type")) is None]
    assert notes == ["Diubah dengan A & B.", "Disisipkan dengan C."]
    references = [r.get(qn("w:id")) for r in doc.element.body.iter(qn("w:footnoteReference"))]
    assert references == ["1", "2"]

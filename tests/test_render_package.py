"""Issue 14 (start-up of ``build``): on a packaged template the DOCX writer sets the page up and writes document.xml
as text (legaldraft/render/package.py), without python-docx or lxml. Every part it writes must be, byte for byte,
what the python-docx path writes (python-docx's page set-up and save, lxml's parse of the body), over page set-ups,
header marks, footer notes, pictures and texts that need escaping, on every packaged template."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib

import pytest

import legaldraft
from legaldraft.model.profile import Halaman
from legaldraft.naskah.blocks import Block, Blocks, Run
from legaldraft.naskah.jenis import jenis_of
from legaldraft.render import docx as docx_writer
from legaldraft import pictures
from legaldraft.render import package as pkg
from legaldraft.render.pipeline import document_blocks
from legaldraft.render.templates import KINDS, template_path
from legaldraft.spec.loader import context_of
from legaldraft.spec.scaffold import scaffold

from test_render import png

HOSTILE = "a & b < c > \"d\" 'e' ]]> f\r\ng\rh 😀 \u00a0i\tj\nk"

PAGES = [
    {},
    {"lebar_mm": 210, "tinggi_mm": 297, "margin_atas_mm": 20, "margin_kiri_mm": 30, "huruf": "Arial",
     "ukuran_huruf": 11.5, "spasi": 1.15, "nomor_halaman": "tengah-bawah", "format_nomor_halaman": "Halaman {n}"},
    {"lebar_mm": 330, "tinggi_mm": 215, "nomor_halaman": "kanan-bawah", "format_nomor_halaman": "{n}",
     "spasi": 1.5, "huruf": 'Tahoma & "Co" <x>'},
    {"nomor_halaman": "tanpa", "ukuran_huruf": 13, "margin_bawah_mm": 40},
    {"format_nomor_halaman": " hlm.\t{n} dari\n", "margin_atas_mm": 15.3, "margin_kanan_mm": 17.7},
]
MARKS = [(None, None), ("RANCANGAN", None), ("NASKAH KERJA — bukan naskah resmi <&>", "Dokumen ini ditandatangani "
                                                                                      "secara elektronik & sah ")]


def _parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        return [(name, zf.read(name)) for name in zf.namelist()]


def _png_with_dpi(width: int, height: int, dpi: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    per_metre = int(round(dpi / 0.0254))
    raw = b"".join(b"\x00" + b"\x40" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


def _write(template, profile, blocks, base_dir, mark, note, fast: bool, monkeypatch) -> bytes:
    monkeypatch.setattr(docx_writer, "FAST_PATH", fast)
    for cache in (docx_writer._VARIANTS, docx_writer._TEMPLATE_FACTS):
        cache.clear()
    writer = docx_writer.DocxWriter(template, profile, base_dir, kind=template.parent.name)
    writer.write(blocks, mark, note)
    writer.set_metadata("Judul & <uji> \"x\"", "subjek", note="catatan 'konsolidasi' & lainnya")
    if fast:
        assert writer._variant is not None and writer._variant.set_up is not None   # the text path was taken
    return writer.to_bytes()


@pytest.fixture(scope="module")
def scaffold_doc(tmp_path_factory):
    folder = tmp_path_factory.mktemp("paket")
    (folder / "bagan.png").write_bytes(_png_with_dpi(640, 320, 150))
    (folder / "peta.PNG").write_bytes(png(300, 500))
    spec = folder / "perbup.yaml"
    spec.write_text(scaffold("perbup", "contoh"), encoding="utf-8")
    doc = legaldraft.load(spec)
    ctx = context_of(doc)
    blocks = document_blocks(doc, ctx)
    extra = [Block("LD Isi", HOSTILE), Block("LD Isi", "", runs=[Run("tebal & ", bold=True), Run(HOSTILE, italic=True)]),
             Block("LD Gambar", image="bagan.png"), Block("LD Gambar", image="peta.PNG", image_width_mm=40.0),
             Block("LD Gambar", image="bagan.png")]
    return Blocks(list(blocks) + extra, rancangan=getattr(blocks, "rancangan", False)), ctx


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("page", range(len(PAGES)))
@pytest.mark.parametrize("marks", range(len(MARKS)))
def test_text_path_writes_what_the_python_docx_path_writes(scaffold_doc, kind, page, marks, monkeypatch):
    blocks, ctx = scaffold_doc
    profile = ctx.profile.model_copy(update={"halaman": Halaman(**PAGES[page])})
    template = template_path(kind)
    mark, note = MARKS[marks]
    fast = _write(template, profile, blocks, ctx.base_dir, mark, note, True, monkeypatch)
    slow = _write(template, profile, blocks, ctx.base_dir, mark, note, False, monkeypatch)
    assert _parts(fast) == _parts(slow)


def test_a_value_xml_cannot_hold_leaves_the_page_set_up_to_python_docx():
    parts = pkg.TemplateParts.read(template_path("perbup"))
    assert pkg.page_setup(parts, Halaman(), mark="RANCANGAN") is not None
    assert pkg.page_setup(parts, Halaman(), mark="RANCANG\x01AN") is None
    assert pkg.page_setup(parts, Halaman(), footer_note="catatan\x0b") is None


def test_png_reader_agrees_with_python_docx():
    from docx.image.image import Image

    for blob in (png(300, 330), _png_with_dpi(640, 320, 150), _png_with_dpi(10, 2000, 96)):
        ours, theirs = pictures.png_picture(blob), Image.from_blob(blob)
        assert (ours.px_width, ours.px_height, ours.horz_dpi, ours.vert_dpi, ours.filename, ours.content_type) == \
            (theirs.px_width, theirs.px_height, theirs.horz_dpi, theirs.vert_dpi, theirs.filename,
             theirs.content_type)
        for width in (900000, 1234567, 5400000):
            assert ours.scaled_dimensions(width) == tuple(theirs.scaled_dimensions(width, None))
    assert pictures.png_picture(b"GIF89a....") is None


def test_default_content_types_are_python_docx_s():
    from docx.opc.spec import default_content_types

    assert pkg.DEFAULT_CONTENT_TYPES == set(default_content_types)


def test_build_of_every_packaged_kind_takes_the_text_path(tmp_path):
    """keputusan, pedoman and pencabutan scaffolds too (their templates: skep, pedoman, perbup)."""
    for jenis in ("perbup", "keputusan", "pedoman", "pencabutan"):
        spec = tmp_path / f"{jenis}.yaml"
        spec.write_text(scaffold(jenis, "contoh"), encoding="utf-8")
        doc = legaldraft.load(spec)
        ctx = context_of(doc)
        template = template_path(jenis_of(doc).template, ctx.profile.templates)
        writer = docx_writer.DocxWriter(template, ctx.profile, ctx.base_dir, kind=template.parent.name)
        writer.write(document_blocks(doc, ctx))
        assert writer._variant.set_up is not None, jenis


def test_zip_package_is_zipfile_s_zip(monkeypatch):
    """Without the stored streams the package is byte for byte what zipfile's writestr writes; with them (the
    template's unchanged parts copied as stored) every part still reads back whole."""
    import time

    template = pkg.TemplateParts.read(template_path("perbup"))
    parts = dict(template.parts)
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:body>", b"<w:body><w:p/>")
    parts["word/media/gambar \u00e9.png"] = png(20, 10)
    monkeypatch.setattr(time, "time", lambda: 1764640000.0)
    expected = io.BytesIO()
    with zipfile.ZipFile(expected, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    plain = pkg.TemplateParts(template.parts, template.document, template.document_rels, template.core,
                              template.rels)
    assert pkg.zip_package(parts, plain) == expected.getvalue()
    copied = pkg.zip_package(parts, template)
    assert _parts(copied) == list(parts.items())
    assert set(template.compressed) >= {"word/styles.xml", "word/stylesWithEffects.xml"}


def test_footnote_text_goes_through_the_one_xml_text_escaper():
    """A note is written as every other text of the writer: characters XML cannot hold dropped, a carriage return
    read as a line end, markup escaped (before, a control character in a konsolidasi note stopped the build)."""
    from docx.oxml.ns import qn

    from legaldraft.render.footnotes import footnotes_element, footnotes_part

    notes = ["Diubah dengan Peraturan Bupati Nomor 3 Tahun 2024 <Pasal 5> & \x01lainnya\r\nbaris"]
    element = footnotes_element(notes)
    texts = ["".join(t.text for t in f.iter(qn("w:t"))) for f in element.iter(qn("w:footnote"))]
    assert texts[-1] == " Diubah dengan Peraturan Bupati Nomor 3 Tahun 2024 <Pasal 5> & lainnya\nbaris"
    assert b"&lt;Pasal 5&gt; &amp; lainnya" in footnotes_part(notes)[3]

"""Blocks -> DOCX.

The template (styles, header with page numbers) is opened with python-docx; the body is written as one
WordprocessingML string and parsed once with lxml, which is an order of magnitude faster than building
paragraph proxies one by one (rendering-notes.md). Every text goes through XML escaping, so "&", "<" and
quotes in a spec can never corrupt the file. Numbers are literal text, never Word auto-numbering.
"""
from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from .assemble import Block
from .styles import BY_NAME, style_id

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
TWIPS_PER_MM = 56.6929


def _twips(mm: float) -> int:
    return int(round(mm * TWIPS_PER_MM))


def _runs(text: str, bold: bool = False) -> str:
    """Runs for ``text``: tabs become <w:tab/>, line breaks <w:br/>."""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    out = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append(f"<w:r>{rpr}<w:br/></w:r>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                out.append(f"<w:r>{rpr}<w:tab/></w:r>")
            if chunk:
                out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(chunk)}</w:t></w:r>')
    return "".join(out)


def paragraph_text(block: Block) -> str:
    """The paragraph's text with the tabs that put label, colon, marker and text into their columns."""
    text = block.text
    if block.style in ("LD Konsiderans", "LD Konsiderans Tunggal", "LD Diktum"):
        head = f"{block.label}\t:\t" if block.label.strip() else "\t\t"
        if block.marker:
            head += f"{block.marker}\t"
        return head + text
    if block.marker:
        return f"{block.marker}\t{text}"
    return text


def _ppr(block: Block) -> str:
    parts = [f'<w:pStyle w:val="{style_id(block.style)}"/>']
    spec = BY_NAME.get(block.style)
    if block.keep_next and not (spec and spec.keep_next):
        parts.append("<w:keepNext/>")
    if block.page_break:
        parts.append("<w:pageBreakBefore/>")
    return f"<w:pPr>{''.join(parts)}</w:pPr>"


def _paragraph(block: Block) -> str:
    return f"<w:p>{_ppr(block)}{_runs(paragraph_text(block))}</w:p>"


def _table(block: Block, width_mm: float) -> str:
    table = block.table
    header = list(table.kolom)
    rows = [list(r) for r in table.baris]
    if table.nomor_otomatis:
        header = ["No."] + header
        rows = [[f"{i + 1}."] + r for i, r in enumerate(rows)]
    n = len(header)
    weights = list(table.lebar) if table.lebar and len(table.lebar) == len(table.kolom) else [1.0] * len(table.kolom)
    if table.nomor_otomatis:
        weights = [0.35 * (sum(weights) / len(weights))] + weights
    total = sum(weights) or 1.0
    widths = [_twips(width_mm * w / total) for w in weights[:n]]
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(border.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
           f"<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>"]

    def row(cells: list[str], head: bool) -> str:
        trpr = "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" if head else "<w:trPr><w:cantSplit/></w:trPr>"
        tcs = []
        for w, cell in zip(widths, cells + [""] * (n - len(cells))):
            jc = '<w:jc w:val="center"/>' if head else ""
            tcs.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p><w:pPr>'
                       f'<w:pStyle w:val="{style_id("LD Sel Tabel")}"/>{jc}</w:pPr>{_runs(cell, bold=head)}</w:p></w:tc>')
        return f"<w:tr>{trpr}{''.join(tcs)}</w:tr>"

    out.append(row(header, True))
    out.extend(row(r, False) for r in rows)
    out.append("</w:tbl>")
    caption = ""
    if table.judul:
        caption = (f'<w:p><w:pPr><w:pStyle w:val="{style_id("LD Lampiran Judul")}"/></w:pPr>'
                   f"{_runs(table.judul)}</w:p>")
    # an empty paragraph after a table keeps two adjacent tables apart
    return caption + "".join(out) + f'<w:p><w:pPr><w:pStyle w:val="{style_id("LD Isi")}"/></w:pPr></w:p>'


class DocxWriter:
    def __init__(self, template: Path, profile, base_dir: Path | None = None):
        from docx import Document

        self.document = Document(str(template))
        self.profile = profile
        self.base_dir = base_dir or Path.cwd()
        self._images: dict[str, str] = {}

    def _page_setup(self) -> None:
        from docx.shared import Mm

        page = self.profile.halaman
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(page.lebar_mm), Mm(page.tinggi_mm)
        section.top_margin, section.bottom_margin = Mm(page.margin_atas_mm), Mm(page.margin_bawah_mm)
        section.left_margin, section.right_margin = Mm(page.margin_kiri_mm), Mm(page.margin_kanan_mm)
        if page.nomor_halaman == "tanpa":
            section.header.is_linked_to_previous = True
        self._fonts(page.huruf, page.ukuran_huruf)

    def _fonts(self, font: str, size: float) -> None:
        from docx.oxml.ns import qn
        from docx.shared import Pt

        normal = self.document.styles["Normal"]
        normal.font.size = Pt(size)
        fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), font)

    def _image(self, block: Block, width_mm: float) -> str:
        from docx.shared import Mm

        path = block.image or ""
        if not path:
            return self._placeholder_lambang()
        full = Path(path)
        if not full.is_absolute():
            full = self.base_dir / full
        width = Mm(min(block.image_width_mm or width_mm, width_mm))
        inline = self.document.part.new_pic_inline(str(full), width, None)
        from lxml import etree

        xml = etree.tostring(inline, encoding="unicode")
        return (f'<w:p><w:pPr><w:pStyle w:val="{style_id(block.style)}"/></w:pPr><w:r><w:drawing>{xml}</w:drawing>'
                "</w:r></w:p>")

    def _placeholder_lambang(self) -> str:
        from importlib import resources

        from docx.shared import Mm

        png = resources.files("legaldraft").joinpath("templates/lambang-placeholder.png")
        inline = self.document.part.new_pic_inline(io.BytesIO(png.read_bytes()), Mm(25), None)
        from lxml import etree

        xml = etree.tostring(inline, encoding="unicode")
        return (f'<w:p><w:pPr><w:pStyle w:val="{style_id("LD Lambang")}"/></w:pPr><w:r><w:drawing>{xml}</w:drawing>'
                "</w:r></w:p>")

    def write(self, blocks: list[Block]) -> None:
        from lxml import etree

        self._page_setup()
        page = self.profile.halaman
        width_mm = page.lebar_mm - page.margin_kiri_mm - page.margin_kanan_mm
        parts: list[str] = []
        for block in blocks:
            if block.table is not None:
                parts.append(_table(block, width_mm))
            elif block.style in ("LD Lambang", "LD Gambar"):
                parts.append(self._image(block, width_mm))
            else:
                parts.append(_paragraph(block))
        fragment = etree.fromstring(f"<w:body {NSDECL}>{''.join(parts)}</w:body>")
        body = self.document.element.body
        sect = body.find(f"{{{W_NS}}}sectPr")
        for child in list(body):
            if child is not sect:
                body.remove(child)
        for child in list(fragment):
            if sect is not None:
                sect.addprevious(child)
            else:
                body.append(child)

    def set_metadata(self, title: str, subject: str = "") -> None:
        props = self.document.core_properties
        props.title = title[:250]
        props.subject = subject[:250]
        props.author = "legaldraft"

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        self.document.save(buf)
        return buf.getvalue()


def render_docx(blocks: list[Block], profile, template: Path, base_dir: Path | None = None, title: str = "") -> bytes:
    writer = DocxWriter(template, profile, base_dir)
    writer.write(blocks)
    writer.set_metadata(title)
    return writer.to_bytes()

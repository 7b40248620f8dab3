"""Blocks -> DOCX.

The template (styles) is opened with python-docx; page set-up, fonts and page numbers follow the profile
(:func:`templates.apply_page_setup`). The body is written as one WordprocessingML string and parsed once
with lxml, which is an order of magnitude faster than building paragraph proxies one by one
(rendering-notes.md). Every text goes through XML escaping (and characters XML cannot carry are dropped),
so "&", "<", quotes or a stray control character in a spec can never corrupt the file. Numbers are literal
text, never Word auto-numbering; columns are tab stops of the named styles, never text boxes.

A daerah template whose body is not empty carries a fixed first-page part (its own kop, with Jinja
placeholders such as ``{{ jabatan }}``): docxtpl renders it in a sandboxed, autoescaping environment and
the generated kop blocks are left out, the rest of the document follows it.
"""
from __future__ import annotations

import io
import re
from pathlib import Path
from xml.sax.saxutils import escape

from .assemble import Block
from .styles import SUB, by_name, style_id
from .templates import apply_page_setup

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
TWIPS_PER_MM = 56.6929
LABELLED = ("LD Konsiderans", "LD Konsiderans Tunggal", "LD Diktum")
KOP_STYLES = ("LD Lambang", "LD Kop")
GROUP_GAP_PT = 8      # space above Mengingat/Memperhatikan after the previous group
PARAF_WIDTH_MM = 95.0
# characters XML 1.0 cannot hold (C0 controls other than tab/newline, lone surrogates, U+FFFE/FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _twips(mm: float) -> int:
    return int(round(mm * TWIPS_PER_MM))


def xml_text(text: str) -> str:
    return escape(_NOT_XML.sub("", text))


def _runs(text: str, bold: bool = False, italic: bool = False) -> str:
    """Runs for ``text``: tabs become <w:tab/>, line breaks <w:br/>."""
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    out = []
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append(f"<w:r>{rpr}<w:br/></w:r>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                out.append(f"<w:r>{rpr}<w:tab/></w:r>")
            if chunk:
                out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{xml_text(chunk)}</w:t></w:r>')
    return "".join(out)


def paragraph_head(block: Block) -> str:
    """Label, colon and marker with the tabs that put them into their columns."""
    if block.style in LABELLED:
        head = f"{block.label}\t:\t" if block.label.strip() else "\t\t"
        if block.marker:
            head += f"{block.marker}\t"
        return head
    if block.marker:
        return f"{block.marker}\t"
    return ""


def paragraph_text(block: Block) -> str:
    """The paragraph's whole text as written into the DOCX (tabs included)."""
    return paragraph_head(block) + block.text


def _body_runs(block: Block) -> str:
    if block.runs:
        return "".join(_runs(r.text, r.bold, r.italic) for r in block.runs)
    return _runs(block.text)


_TEMPLATES: dict[tuple, object] = {}


def _open_template(template: Path):
    """A fresh python-docx Document of ``template``: parsed once per file version, then deep-copied
    (copying the parsed package is about 3x faster than parsing it again for every document)."""
    import copy

    from docx import Document

    stat = Path(template).stat()
    key = (str(template), stat.st_mtime_ns, stat.st_size)
    pristine = _TEMPLATES.get(key)
    if pristine is None:
        pristine = _TEMPLATES[key] = Document(str(template))
    return copy.deepcopy(pristine)


class DocxWriter:
    def __init__(self, template: Path, profile, base_dir: Path | None = None, kind: str = "perbup"):
        from docx import Document

        self.profile = profile
        self.base_dir = base_dir or Path.cwd()
        self.styles = by_name(kind)
        self.document = _open_template(template)
        self.fixed_kop = _has_body_content(self.document)
        self._picture_ids = 100
        if self.fixed_kop:
            self.document = Document(io.BytesIO(_render_kop(template, profile)))
        page = profile.halaman
        self.width_mm = page.lebar_mm - page.margin_kiri_mm - page.margin_kanan_mm
        self.height_mm = page.tinggi_mm - page.margin_atas_mm - page.margin_bawah_mm

    # -- paragraphs -----------------------------------------------------------------------------------
    def _ppr(self, block: Block, extra: str = "") -> str:
        parts = [f'<w:pStyle w:val="{style_id(block.style)}"/>']
        spec = self.styles.get(block.style)
        if block.keep_next and not (spec and spec.keep_next):
            parts.append("<w:keepNext/>")
        if block.page_break:
            parts.append("<w:pageBreakBefore/>")
        return f"<w:pPr>{''.join(parts)}{extra}</w:pPr>"

    def _paragraph(self, block: Block, previous: Block | None) -> str:
        extra = ""
        if (block.style in LABELLED and block.label.strip() and previous is not None
                and previous.style.startswith("LD Konsiderans")):
            extra = f'<w:spacing w:before="{GROUP_GAP_PT * 20}"/>'
        elif block.style == "LD Lampiran Teks" and block.level:
            # prose under a subbab lines up with the subbab's text
            extra = f'<w:ind w:left="{_twips(block.level * SUB)}"/>'
        elif block.indent_mm and (spec := self.styles.get(block.style)) is not None:
            extra = f'<w:ind w:left="{_twips(spec.left + block.indent_mm)}" w:hanging="{_twips(spec.hanging)}"/>'
        return f"<w:p>{self._ppr(block, extra)}{_runs(paragraph_head(block))}{_body_runs(block)}</w:p>"

    # -- tables ---------------------------------------------------------------------------------------
    def _table(self, block: Block) -> str:
        table = block.table
        paraf = block.style == "LD Paraf"
        width_mm = PARAF_WIDTH_MM if paraf else self.width_mm
        cell_style = style_id("LD Paraf" if paraf else "LD Sel Tabel")
        header = list(table.kolom)
        rows = [list(r) for r in table.baris]
        weights = list(table.lebar) if table.lebar and len(table.lebar) == len(table.kolom) else [1.0] * len(header)
        if paraf:
            weights = [1.0, 5.0, 2.5]
        if table.nomor_otomatis:
            header = ["No."] + header
            rows = [[f"{i + 1}."] + r for i, r in enumerate(rows)]
            weights = [0.35 * (sum(weights) / len(weights))] + weights
        n = len(header)
        total = sum(weights) or 1.0
        widths = [_twips(width_mm * w / total) for w in weights[:n]]
        border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        borders = "".join(border.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        margins = ('<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
                   '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>')
        out = [f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
               f'<w:tblLayout w:type="fixed"/>{margins}<w:tblLook w:val="04A0" w:firstRow="1"/></w:tblPr>'
               f"<w:tblGrid>{grid}</w:tblGrid>"]

        keep_tail = block.keep_next  # the last rows stay on the page of what follows (a lampiran's signature)

        def row(cells: list[str], head: bool, keep: bool = False) -> str:
            # the header row repeats on every page the table runs onto; no row splits across pages
            height = '<w:trHeight w:val="454" w:hRule="atLeast"/>' if paraf and not head else ""   # room to sign
            trpr = ("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if head
                    else f"<w:trPr><w:cantSplit/>{height}</w:trPr>")
            tcs = []
            for w, cell in zip(widths, cells + [""] * (n - len(cells))):
                jc = '<w:jc w:val="center"/>' if head else ""
                shade = '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>' if head else ""
                tcs.append(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{shade}</w:tcPr><w:p><w:pPr>'
                           f'<w:pStyle w:val="{cell_style}"/>{"<w:keepNext/>" if keep else ""}{jc}</w:pPr>'
                           f'{_runs(cell, bold=head)}</w:p></w:tc>')
            return f"<w:tr>{trpr}{''.join(tcs)}</w:tr>"

        out.append(row(header, True))
        out.extend(row(r, False, keep_tail and i >= len(rows) - 2) for i, r in enumerate(rows))
        out.append("</w:tbl>")
        caption = ""
        if table.judul:
            style = "LD Paraf" if paraf else "LD Lampiran Judul"
            caption = (f'<w:p><w:pPr><w:pStyle w:val="{style_id(style)}"/><w:keepNext/>'
                       + ('<w:spacing w:before="360" w:after="60"/>' if paraf else "")
                       + f"</w:pPr>{_runs(table.judul, bold=paraf)}</w:p>")
        # an empty paragraph after a table keeps two adjacent tables apart (and Word needs one before sectPr)
        keep = "<w:keepNext/>" if keep_tail else ""
        return caption + "".join(out) + f'<w:p><w:pPr><w:pStyle w:val="{style_id("LD Tabel")}"/>{keep}</w:pPr></w:p>'

    # -- images ---------------------------------------------------------------------------------------
    def _picture(self, source, style: str, width_mm: float) -> str:
        from docx.image.image import Image
        from docx.shared import Mm
        from lxml import etree

        image = Image.from_blob(source) if isinstance(source, bytes) else Image.from_file(str(source))
        ratio = image.px_height / image.px_width if image.px_width else 1.0
        # scaled to the page width, and never taller than most of a page
        width_mm = min(width_mm, self.width_mm, 0.85 * self.height_mm / ratio)
        stream = io.BytesIO(source) if isinstance(source, bytes) else str(source)
        inline = self.document.part.new_pic_inline(stream, Mm(width_mm), None)
        # python-docx numbers a picture from the body as it is now, which is empty while we build: give
        # each picture its own id, or Word reports unreadable content
        self._picture_ids += 1
        inline.docPr.id = self._picture_ids
        for side in ("distT", "distB", "distL", "distR"):   # LibreOffice otherwise pads ~3 mm and shifts it right
            inline.set(side, "0")
        xml = etree.tostring(inline, encoding="unicode")
        return (f'<w:p><w:pPr><w:pStyle w:val="{style_id(style)}"/></w:pPr><w:r><w:drawing>{xml}</w:drawing>'
                "</w:r></w:p>")

    def _image(self, block: Block) -> str:
        if block.style == "LD Lambang" and not block.image:
            from importlib import resources

            png = resources.files("legaldraft").joinpath("templates/lambang-placeholder.png").read_bytes()
            return self._picture(png, "LD Lambang", 25.0)
        full = Path(block.image)
        if not full.is_absolute():
            full = self.base_dir / full
        default = 25.0 if block.style == "LD Lambang" else self.width_mm
        return self._picture(full, block.style, block.image_width_mm or default)

    # -- document -------------------------------------------------------------------------------------
    def write(self, blocks: list[Block]) -> None:
        from lxml import etree

        apply_page_setup(self.document, self.profile.halaman, draft=is_draft(blocks))
        parts: list[str] = []
        previous: Block | None = None
        for block in blocks:
            if self.fixed_kop and block.style in KOP_STYLES:
                continue
            if block.table is not None:
                parts.append(self._table(block))
            elif block.style in ("LD Lambang", "LD Gambar"):
                parts.append(self._image(block))
            else:
                parts.append(self._paragraph(block, previous))
            previous = block
        fragment = etree.fromstring(f"<w:body {NSDECL}>{''.join(parts)}</w:body>")
        body = self.document.element.body
        sect = body.find(f"{{{W_NS}}}sectPr")
        if not self.fixed_kop:
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
        props.title = _NOT_XML.sub("", title)[:250]
        props.subject = _NOT_XML.sub("", subject)[:250]
        props.author = "legaldraft"

    def to_bytes(self) -> bytes:
        buf = io.BytesIO()
        self.document.save(buf)
        return buf.getvalue()


def is_draft(blocks: list[Block]) -> bool:
    """A rancangan: its judul opens with the RANCANGAN line (JUD-004)."""
    return any(b.style == "LD Judul" and b.text == "RANCANGAN" for b in blocks[:8])


def _has_body_content(document) -> bool:
    body = document.element.body
    drawing = f"{{{W_NS}}}drawing"
    return any(child.tag != f"{{{W_NS}}}sectPr" and ("".join(child.itertext()).strip() or child.find(f".//{drawing}") is not None)
               for child in body)


def kop_context(profile) -> dict:
    """What a daerah's fixed kop may name: {{ jabatan }}, {{ provinsi }}, {{ daerah }}, ..."""
    return {"jabatan": profile.jabatan, "provinsi": f"PROVINSI {profile.provinsi.upper()}",
            "daerah": profile.nama_daerah, "nama": profile.nama, "tempat": profile.tempat_penetapan,
            "nama_bupati": profile.nama_bupati or ""}


def _render_kop(template: Path, profile) -> bytes:
    from docxtpl import DocxTemplate
    from jinja2.sandbox import SandboxedEnvironment

    tpl = DocxTemplate(str(template))
    tpl.render(kop_context(profile), jinja_env=SandboxedEnvironment(autoescape=True), autoescape=True)
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


def render_docx(blocks: list[Block], profile, template: Path, base_dir: Path | None = None, title: str = "") -> bytes:
    writer = DocxWriter(template, profile, base_dir, kind=Path(template).parent.name)
    writer.write(blocks)
    writer.set_metadata(title)
    return writer.to_bytes()


__all__ = ["DocxWriter", "render_docx", "paragraph_text", "is_draft", "xml_text"]

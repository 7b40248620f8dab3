"""Blocks -> DOCX.

Page set-up, fonts and page numbers follow the profile. A packaged template is set up and written as text with
zipfile alone (:mod:`legaldraft.render.package`: no python-docx, no lxml, the same bytes; the start-up time of
``build``); a daerah's template is opened with python-docx (:func:`templates.apply_page_setup`). That
template-with-profile is prepared once and cached (``_Variant``):
each document then writes its package with zipfile, the unchanged parts as those bytes, and serialises only
document.xml and docProps/core.xml (plus a media part, its relationship and content type per picture),
byte for byte what python-docx's own save would write, at a fraction of its cost. The body is written as one WordprocessingML string and parsed once
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
import os
import re
import zipfile
from pathlib import Path

from ..naskah.blocks import LABELLED, Block, Run
from .styles import SUB, by_name, style_id
from .footnotes import FOOTNOTE_REFERENCE, add_footnotes, footnotes_part, template_has_footnotes
from . import package as pkg
from .. import pictures
from .package import xml_text
from .templates import apply_page_setup
import copy
from importlib import resources

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (
    f'xmlns:w="{W_NS}" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
TWIPS_PER_MM = 56.6929
KOP_STYLES = ("LD Lambang", "LD Kop")
GROUP_GAP_PT = 8      # space above Mengingat/Memperhatikan after the previous group
PARAF_WIDTH_MM = 95.0
STAMP_BOX_MM = 35.0   # the box a signing service stamps the QR code of the certificate into


def _twips(mm: float) -> int:
    return int(round(mm * TWIPS_PER_MM))


NBSP = "\u00a0"
# a word and the number it names never part at a line end ("Pasal 5", "ayat (2)", "Tahun 2014", "NOMOR 12 TAHUN
# 2026", "huruf a", "BAB IV"); nor a number and the TAHUN after it, so "NOMOR … TAHUN …" is one unit
_NUMBERED = re.compile(
    r"\b(NOMOR|Nomor|TAHUN|Tahun|PASAL|Pasal|ayat|huruf|angka|BAB|Bab|Bagian|Paragraf|LAMPIRAN|Lampiran|SERI|Seri"
    r"|KESATU|KEDUA|Rp\.?) (?=\(?[0-9]|[IVXLC]+\b|[a-z]\b|\.\.\.|…)")
_NUMBER_TAHUN = re.compile(r"([0-9]|\.\.\.|…) (?=TAHUN (?:[0-9]|\.\.\.|…))")   # the judul's NOMOR … TAHUN …


def keep_numbers_with_words(text: str) -> str:
    """``text`` with non-breaking spaces where a line must not break (see _NUMBERED)."""
    if " " not in text:
        return text
    return _NUMBERED.sub(lambda m: m.group(1) + NBSP, _NUMBER_TAHUN.sub(lambda m: m.group(1) + NBSP, text))


def _runs(text: str, bold: bool = False, italic: bool = False, strike: bool = False, highlight: bool = False) -> str:
    """Runs for ``text``: tabs become <w:tab/>, line breaks <w:br/>."""
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "") + ("<w:strike/>" if strike else "") + \
        ('<w:highlight w:val="yellow"/>' if highlight else "")  # the schema's order of w:rPr
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    # a newline at either end (a YAML '>' or '|' scalar) would end the last line with a manual break,
    # and Word stretches a justified line that ends so; inside the text it stays a line break
    text = keep_numbers_with_words(text.strip("\n"))
    if "\t" not in text and "\n" not in text:     # most texts: one run
        return f'<w:r>{rpr}<w:t xml:space="preserve">{xml_text(text)}</w:t></w:r>' if text else ""
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
    return block.head()


def paragraph_text(block: Block) -> str:
    """The paragraph's whole text as written into the DOCX (tabs included)."""
    return paragraph_head(block) + block.text


def _body_runs(block: Block) -> str:
    if block.runs:
        return "".join(_runs(r.text, r.bold, r.italic, r.strike, r.highlight) for r in block.runs)
    return _runs(block.text)


_TEMPLATES: dict[tuple, object] = {}
_TEMPLATE_PARTS: dict[tuple, pkg.TemplateParts] = {}
_TEMPLATE_FACTS: dict[tuple, tuple[bool, bool]] = {}
_VARIANTS: dict[tuple, "_Variant"] = {}
_LAMBANG_PLACEHOLDER: list[bytes] = []
IMAGE_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def _template_key(template: Path) -> tuple:
    stat = Path(template).stat()
    return (str(template), stat.st_mtime_ns, stat.st_size)


def _pristine(template: Path, key: tuple | None = None):
    """The parsed template, once per file version (never modified: callers deep-copy it)."""
    from docx import Document  # lazy: start-up time

    key = key or _template_key(template)
    pristine = _TEMPLATES.get(key)
    if pristine is None:
        if not _bundled(template):  # the templates shipped in the package are ours, not input
            _check_template(template)
        try:
            pristine = _TEMPLATES[key] = Document(str(template))
        except Exception as exc:  # noqa: BLE001 - a daerah's template python-docx cannot open is bad input
            raise template_problem(template, f"bukan DOCX yang dapat dibuka ({type(exc).__name__})") from None
    return pristine


def _bundled(template: Path) -> bool:
    shipped = Path(str(resources.files("legaldraft").joinpath("templates")))
    return Path(template).resolve().is_relative_to(shipped.resolve())


#: False in tests that compare the fast path with python-docx's (tests/test_render_package.py)
FAST_PATH = True


def _fast(template: Path) -> bool:
    """A packaged template is set up without python-docx (:mod:`legaldraft.render.package`); a daerah's template,
    which may lack the parts that path edits in place, goes through python-docx."""
    return FAST_PATH and _bundled(template)


def _template_parts(template: Path, key: tuple | None = None) -> pkg.TemplateParts:
    key = key or _template_key(template)
    parts = _TEMPLATE_PARTS.get(key)
    if parts is None:
        parts = _TEMPLATE_PARTS[key] = pkg.TemplateParts.read(Path(template))
    return parts


def _template_facts(template: Path) -> tuple[bool, bool]:
    """(the body holds a fixed first-page part, the template has a footnotes part of its own)."""
    key = _template_key(template)
    facts = _TEMPLATE_FACTS.get(key)
    if facts is None:
        empty = None
        if _fast(template):
            parts = _template_parts(template, key)
            empty = pkg.body_is_empty(parts.parts[parts.document])
        if empty:
            facts = (False, parts.has_footnotes())
        else:
            pristine = _pristine(template, key)
            facts = (_body_has_content(pristine.element), template_has_footnotes(pristine))
        _TEMPLATE_FACTS[key] = facts
    return facts


def _check_template(template: Path) -> None:
    """A daerah's template is an input like any other: within the zip limits before python-docx opens it."""
    from .. import limits  # lazy: start-up time

    try:
        limits.check_zip(template, "templat DOCX")
    except limits.LimitError as exc:
        raise template_problem(template, str(exc)) from None


def template_problem(template: Path, message: str):
    from ..spec.errors import Position, Problem, SpecError  # lazy: start-up time

    return SpecError([Problem(f"templat daerah: {message}", str(template), Position(1, 1),
                              "perbaiki templat di folder 'templates:' profil, atau hapus 'templates:' untuk templat bawaan",
                              code="TEMPLAT")])


def _open_template(template: Path):
    """A fresh python-docx Document of ``template``: parsed once per file version, then deep-copied
    (copying the parsed package is about 3x faster than parsing it again for every document)."""
    return copy.deepcopy(_pristine(template))


class _Variant:
    """A template with one profile's page set-up applied (paper, margins, fonts, headers), serialised once.

    Every part but document.xml and docProps/core.xml is the same for each document built from it, so
    :meth:`package` writes those parts as the bytes python-docx produced for the variant, and serialises
    only the body and the core properties per document. Pictures add a media part, a relationship and (for
    a new extension) a content type, written the way python-docx would write them.
    """

    def __init__(self, parts: dict[str, bytes], body_root, rel_ids: set[str], next_shape_id: int,
                 document_name: str, rels_name: str, core_name: str | None, image_count: int,
                 set_up: pkg.SetUp | None = None, template: pkg.TemplateParts | None = None):
        self.parts = parts
        self.set_up = set_up                       # a packaged template's: document.xml written as text
        self.template = template                   # its parts as stored (unchanged ones are not compressed again)
        self.body_root = body_root                 # the w:document with an empty body and the sectPr
        self.rel_ids = rel_ids
        self.next_shape_id = next_shape_id         # what python-docx names a picture after ("Picture N")
        self.document_name = document_name
        self.rels_name = rels_name
        self.core_name = core_name
        self.image_count = image_count
        # a template with pictures of its own (python-docx shares and numbers the media) or without core
        # properties (python-docx makes them on first use) is left to python-docx's own save
        self.plain = not image_count and core_name is not None

    @classmethod
    def of_document(cls, document) -> "_Variant":
        """The variant as python-docx saves ``document`` (a daerah's template with the page set-up applied)."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT  # lazy: start-up time

        buf = io.BytesIO()
        document.save(buf)
        with zipfile.ZipFile(buf) as zf:
            parts = {name: zf.read(name) for name in zf.namelist()}
        package = document.part.package
        package_parts = list(package.iter_parts())
        core = next((rel.target_part for rel in package.rels.values()
                     if not rel.is_external and rel.reltype == RT.CORE_PROPERTIES), None)
        return cls(parts, document.element, set(document.part.rels), document.part.next_id,
                   document.part.partname.lstrip("/"), document.part.partname.rels_uri.lstrip("/"),
                   core.partname.lstrip("/") if core is not None else None,
                   sum(1 for part in package_parts if part.partname.startswith("/word/media/")))

    @classmethod
    def of_template(cls, template: pkg.TemplateParts, set_up: pkg.SetUp) -> "_Variant":
        """The variant of a packaged template set up by :func:`legaldraft.render.package.page_setup`."""
        return cls(set_up.parts, None, set(template.rels), set_up.next_shape_id, template.document,
                   template.document_rels, template.core,
                   sum(1 for name in set_up.parts if name.startswith("word/media/")), set_up, template)

    def next_rid(self, used: set[str]) -> str:
        # python-docx's rule: the first free rIdN, gaps reused
        n = 1
        while f"rId{n}" in used:
            n += 1
        return f"rId{n}"

    def package(self, body: bytes, core: bytes | None, related: list) -> bytes:
        """The package with this body and core properties, and the ``related`` parts of the document (its pictures,
        its footnotes: (rId, relationship type, part name, content type, bytes)) written as python-docx would."""
        parts = dict(self.parts)
        parts[self.document_name] = body
        if core is not None:
            parts[self.core_name] = core
        if related:
            rels = parts[self.rels_name]
            extra = "".join(f'<Relationship Id="{rid}" Type="{reltype}" Target="{partname[len("/word/"):]}"/>'
                            for rid, reltype, partname, _, _ in related).encode()
            cut = rels.rindex(b"</Relationships>")
            parts[self.rels_name] = rels[:cut] + extra + rels[cut:]
            parts["[Content_Types].xml"] = pkg.content_types(parts["[Content_Types].xml"],
                                                             [(partname, ctype) for _, _, partname, ctype, _ in related])
            for _, _, partname, _, blob in related:
                parts[partname.lstrip("/")] = blob
        if self.template is not None:
            return pkg.zip_package(parts, self.template)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
            for name, data in parts.items():
                out.writestr(name, data)
        return buf.getvalue()


def _variant(template: Path, halaman, mark: str | None, footer_note: str | None = None) -> "_Variant":
    key = _template_key(template)
    vkey = (key, tuple(sorted(halaman.model_dump().items())), mark, footer_note)
    variant = _VARIANTS.get(vkey)
    if variant is None:
        set_up = None
        if _fast(template):
            parts = _template_parts(template, key)
            set_up = pkg.page_setup(parts, halaman, mark, footer_note)
        if set_up is not None:
            variant = _Variant.of_template(parts, set_up)
        else:
            document = _open_template(template)
            apply_page_setup(document, halaman, mark=mark, footer_note=footer_note)
            variant = _Variant.of_document(document)
        if len(_VARIANTS) >= 16:
            _VARIANTS.clear()
        _VARIANTS[vkey] = variant
    return variant


_NUMBER_CELL = re.compile(r"^(?:Rp\.?\s?)?[-+]?\d[\d.,]*(?:\s?%)?\.?$")


def _cell_alignment(cell: str, head: bool, number_column: bool) -> str:
    """Headers and the 'No.' column centred; a cell holding only a number (amount, count, percentage)
    right-aligned so its digits line up; text as the style says (left)."""
    if head or number_column:
        return '<w:jc w:val="center"/>'
    if _NUMBER_CELL.match(cell.strip()):
        return '<w:jc w:val="right"/>'
    return ""


_TABLE_BORDERS = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                         for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
_CELL_MARGINS = ('<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
                 '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>')
_HEADER_SHADE = '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>'


def _table_start(widths: list[int]) -> str:
    """A table's properties and grid: ruled, fixed column widths (twips), the cell margins of every table."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblBorders>{_TABLE_BORDERS}</w:tblBorders>'
            f'<w:tblLayout w:type="fixed"/>{_CELL_MARGINS}<w:tblLook w:val="04A0" w:firstRow="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>")


def _cell(width: int, paragraphs: str, head: bool) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{_HEADER_SHADE if head else ""}</w:tcPr>{paragraphs}</w:tc>'


class DocxWriter:
    def __init__(self, template: Path, profile, base_dir: Path | None = None, kind: str = "perbup",
                 kop: bool = True):
        """``kop``: a daerah template's fixed first-page part (its own kop) is printed; a working table (the
        matriks perbandingan) leaves it out."""
        self.profile = profile
        self.base_dir = base_dir or Path.cwd()
        self.styles = by_name(kind)
        self.template = Path(template)
        has_kop, has_footnotes = _template_facts(self.template)
        self.fixed_kop = kop and has_kop
        self._picture_ids = 100
        # the common path writes the package itself (_Variant); a fixed kop goes through python-docx
        self.document = None
        if self.fixed_kop:
            from docx import Document  # lazy: start-up time (only a daerah template with a fixed kop)

            self.document = Document(io.BytesIO(_render_kop(template, profile)))
        self._variant: _Variant | None = None
        self._body = None
        self._body_xml: str | None = None
        self._images: list[tuple[str, str, str, bytes]] = []    # rId, partname, content type, blob
        self._rel_ids: set[str] = set()
        self._title = self._subject = None
        self._note = None
        self.footnotes: list[str] = []
        self.notes_as_paragraphs = has_footnotes
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
        if block.stamp:
            return self._stamp(block)
        note = ""
        if block.footnote and not self.notes_as_paragraphs:
            self.footnotes.append(block.footnote)
            note = FOOTNOTE_REFERENCE.format(len(self.footnotes))
        paragraph = f"<w:p>{self._ppr(block, extra)}{_runs(paragraph_head(block))}{_body_runs(block)}{note}</w:p>"
        if block.footnote and self.notes_as_paragraphs:
            paragraph += f'<w:p>{self._ppr(Block("LD Isi"))}{_runs(f"[{block.footnote}]")}</w:p>'
        return paragraph

    def _stamp(self, block: Block) -> str:
        """The place a signing service stamps its QR code: the tag in small type, centred in a ruled box of
        :data:`STAMP_BOX_MM` at the left of the signature column (narrowed from the right; the tag on one line,
        as the service looks for it whole)."""
        right = max(self.width_mm - (self.styles[block.style].left if block.style in self.styles else 0)
                    - STAMP_BOX_MM, 0)
        borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="{space}" w:color="auto"/>'
                          for side, space in (("top", 31), ("left", 4), ("bottom", 31), ("right", 4)))
        extra = f'<w:pBdr>{borders}</w:pBdr><w:ind w:right="{_twips(right)}"/><w:jc w:val="center"/>'
        return (f'<w:p>{self._ppr(block, extra)}<w:r><w:rPr><w:sz w:val="16"/></w:rPr>'
                f'<w:t xml:space="preserve">{xml_text(block.text)}</w:t></w:r></w:p>')

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
            weights = [0.35 * (sum(weights) / len(weights) if weights else 1.0)] + weights  # a table without columns
        n = len(header)
        widths = self._widths(weights[:n], width_mm)
        out = [_table_start(widths)]

        keep_tail = block.keep_next  # the last rows stay on the page of what follows (a lampiran's signature)

        def row(cells: list[str], head: bool, keep: bool = False) -> str:
            # the header row repeats on every page the table runs onto; no row splits across pages
            height = '<w:trHeight w:val="454" w:hRule="atLeast"/>' if paraf and not head else ""   # room to sign
            trpr = ("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if head
                    else f"<w:trPr><w:cantSplit/>{height}</w:trPr>")
            tcs = []
            for j, (w, cell) in enumerate(zip(widths, cells + [""] * (n - len(cells)))):
                jc = _cell_alignment(cell, head, j == 0 and (table.nomor_otomatis or header[0] in ("No.", "No")))
                tcs.append(_cell(w, f'<w:p><w:pPr><w:pStyle w:val="{cell_style}"/>{"<w:keepNext/>" if keep else ""}'
                                    f'{jc}</w:pPr>{_runs(cell, bold=head)}</w:p>', head))
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

    @staticmethod
    def _widths(weights: list[float], width_mm: float) -> list[int]:
        total = sum(weights) or 1.0
        return [_twips(width_mm * w / total) for w in weights]

    def _grid(self, block: Block) -> str:
        """A table of rich cells (:class:`legaldraft.naskah.blocks.Grid`, the matriks perbandingan): ruled and
        shaded like every table, its header row repeated on every page; a long row may run onto the next page."""
        grid = block.grid
        widths = self._widths(list(grid.widths), self.width_mm)
        style = f'<w:pPr><w:pStyle w:val="{style_id("LD Sel Tabel")}"/>'

        def cell(width: int, paragraphs, head: bool = False, centred: bool = False) -> str:
            jc = '<w:jc w:val="center"/>' if centred else ""
            xml = "".join(f"<w:p>{style}{jc}</w:pPr>"
                          + "".join(_runs(r.text, r.bold or head, r.italic, r.strike, r.highlight) for r in runs)
                          + "</w:p>" for runs in paragraphs or [[]])
            return _cell(width, xml, head)

        header = [[[Run(text)]] for text in grid.header]
        out = [_table_start(widths),
               "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
               + "".join(cell(w, c, head=True, centred=True) for w, c in zip(widths, header)) + "</w:tr>"]
        for row in grid.rows:
            out.append("<w:tr>" + "".join(cell(w, c) for w, c in zip(widths, row)) + "</w:tr>")
        out.append("</w:tbl>")
        return "".join(out) + f'<w:p><w:pPr><w:pStyle w:val="{style_id("LD Tabel")}"/></w:pPr></w:p>'

    # -- images ---------------------------------------------------------------------------------------
    def _picture(self, source, style: str, width_mm: float) -> str:
        image = _picture_of(source)
        ratio = image.px_height / image.px_width if image.px_width else 1.0
        # scaled to the page width, and never taller than most of a page
        width_mm = min(width_mm, self.width_mm, 0.85 * self.height_mm / ratio)
        # python-docx numbers a picture from the body as it is now, which is empty while we build: give
        # each picture its own id, or Word reports unreadable content
        self._picture_ids += 1
        if self.document is None:
            xml = self._new_pic_inline(image, pkg.mm_emu(width_mm), self._picture_ids)
        else:
            from docx.shared import Mm  # lazy: start-up time

            stream = io.BytesIO(source) if isinstance(source, bytes) else str(source)
            xml = _inline_text(self.document.part.new_pic_inline(stream, Mm(width_mm), None), self._picture_ids)
        return (f'<w:p><w:pPr><w:pStyle w:val="{style_id(style)}"/></w:pPr><w:r><w:drawing>{xml}</w:drawing>'
                "</w:r></w:p>")

    def _new_pic_inline(self, image: pictures.Picture, width: int, picture_id: int) -> str:
        """python-docx's ``new_pic_inline`` without its package: the same media part name, relationship id
        and inline XML (as it stands in document.xml), recorded for :meth:`_Variant.package`."""
        for rid, _, _, blob in self._images:
            if blob is image.blob or blob == image.blob:
                break
        else:
            n = len(self._images) + 1     # the template has no pictures on this path (_Variant.plain)
            rid = self._variant.next_rid(self._rel_ids)
            self._rel_ids.add(rid)
            self._images.append((rid, f"/word/media/image{n}.{image.ext}", image.content_type, image.blob))
        cx, cy = image.scaled_dimensions(width)
        variant = self._variant
        if variant.set_up is not None:
            return pkg.inline_xml(variant.set_up.declared, variant.next_shape_id, picture_id, rid, image.filename,
                                  cx, cy)
        from docx.oxml.shape import CT_Inline  # lazy: a daerah's template (the python-docx path)

        return _inline_text(CT_Inline.new_pic_inline(variant.next_shape_id, rid, image.filename, cx, cy), picture_id)

    def _image(self, block: Block) -> str:
        if block.style == "LD Lambang" and not block.image:
            if not _LAMBANG_PLACEHOLDER:
                _LAMBANG_PLACEHOLDER.append(
                    resources.files("legaldraft").joinpath("templates/lambang-placeholder.png").read_bytes())
            return self._picture(_LAMBANG_PLACEHOLDER[0], "LD Lambang", 25.0)
        full = Path(block.image)
        if not full.is_absolute():
            full = self.base_dir / full
        default = 25.0 if block.style == "LD Lambang" else self.width_mm
        return self._picture(full, block.style, block.image_width_mm or default)

    # -- document -------------------------------------------------------------------------------------
    def write(self, blocks: list[Block], mark: str | None = None, footer_note: str | None = None) -> None:
        """The body from ``blocks``; ``mark`` is printed at the right of every page's header (a rancangan's
        "RANCANGAN" is found in its judul; a working text passes the profile's naskah kerja mark), ``footer_note``
        in every page's footer (:func:`templates.apply_page_setup`)."""
        mark = mark or ("RANCANGAN" if is_draft(blocks) else None)
        if self.document is None:
            self._variant = _variant(self.template, self.profile.halaman, mark, footer_note)
            if not self._variant.plain:
                self.document = _open_template(self.template)
                self._variant = None
            else:
                self._rel_ids = set(self._variant.rel_ids)
        if self.document is not None:
            apply_page_setup(self.document, self.profile.halaman, mark=mark, footer_note=footer_note)
        parts: list[str] = []
        previous: Block | None = None
        for block in keep_closing_together(blocks):
            if self.fixed_kop and block.style in KOP_STYLES:
                continue
            if block.table is not None:
                parts.append(self._table(block))
            elif block.grid is not None:
                parts.append(self._grid(block))
            elif block.style in ("LD Lambang", "LD Gambar"):
                parts.append(self._image(block))
            else:
                parts.append(self._paragraph(block, previous))
            previous = block
        if self._variant is not None and self._variant.set_up is not None:
            # a packaged template: the body as text between the set-up document's head and section properties
            # (the same bytes lxml writes after parsing it: tests/test_render_package.py)
            self._body_xml = self._variant.set_up.head + "".join(parts) + self._variant.set_up.tail
            return
        from lxml import etree  # lazy: start-up time

        fragment = etree.fromstring(f"<w:body {NSDECL}>{''.join(parts)}</w:body>")
        if self.document is not None:
            root = self.document.element
        else:
            root = copy.deepcopy(self._variant.body_root)
        body = root.find(f"{{{W_NS}}}body")
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
        self._body = root

    def set_metadata(self, title: str, subject: str = "", note: str | None = None) -> None:
        self._title = pkg.NOT_XML.sub("", title)[:250]
        self._subject = pkg.NOT_XML.sub("", subject)[:250]
        self._note = pkg.NOT_XML.sub("", note)[:1000] if note else None
        if self.document is not None:
            props = self.document.core_properties
            props.title, props.subject, props.author = self._title, self._subject, "legaldraft"
            if self._note:
                props.comments = self._note

    def _core_xml(self) -> bytes | None:
        if self._title is None:
            return None
        values = {"title": self._title, "subject": self._subject, "author": "legaldraft"}
        if getattr(self, "_note", None):
            values["comments"] = self._note
        return pkg.core_xml(self._variant.parts[self._variant.core_name], **values)

    def to_bytes(self) -> bytes:
        """The package: the body, core properties, pictures and (for the notes of the blocks) the footnotes part."""
        notes = self.footnotes if not self.notes_as_paragraphs else []
        if self.document is not None:
            add_footnotes(self.document, notes)
            buf = io.BytesIO()
            self.document.save(buf)
            return buf.getvalue()
        if self._body is None and self._body_xml is None:
            self.write([])
        related = [(rid, IMAGE_RELTYPE, partname, ctype, blob) for rid, partname, ctype, blob in self._images]
        if notes:
            partname, ctype, reltype, blob = footnotes_part(notes)
            related.append((self._variant.next_rid(self._rel_ids), reltype, partname, ctype, blob))
        body = self._body_xml.encode("utf-8") if self._body_xml is not None else pkg.serialize_part(self._body)
        return self._variant.package(body, self._core_xml(), related)


#: the paragraphs that open the last unit of the norms (its heading, or the diktum itself)
_UNIT_OPENERS = ("LD Pasal", "LD Diktum")
CLOSING_KEEP_LIMIT = 8   # paragraphs of the last unit kept with the signature (a longer unit may break)


def keep_closing_together(blocks: list[Block]) -> list[Block]:
    """The signature block never stands alone on a page: the last pasal (with the perintah pengundangan) or the
    last diktum is kept with the penetapan, and the pengundangan (or a Keputusan's Tembusan) with the penetapan.
    Returns changed copies."""
    from dataclasses import replace  # lazy: only documents with a penetapan get here

    start = next((i for i, b in enumerate(blocks) if b.style == "LD TTD" and b.text.startswith("Ditetapkan di")), None)
    if start is None:
        return blocks
    out = list(blocks)
    opener = None
    for i in range(start - 1, max(start - 1 - CLOSING_KEEP_LIMIT, -1), -1):
        if out[i].style in _UNIT_OPENERS:
            opener = i
            break
    for i in range(opener if opener is not None else start - 1, start):
        if out[i].table is None and not out[i].keep_next:
            out[i] = replace(out[i], keep_next=True)
    end = start
    while end + 1 < len(out) and out[end + 1].style == "LD TTD":
        end += 1
    if end + 1 < len(out) and out[end + 1].style in ("LD Pengundangan", "LD Tembusan Judul"):
        out[end] = replace(out[end], keep_next=True)
    # a Keputusan's Tembusan stays under its signature, its addressees together
    i = end + 2
    while i + 1 < len(out) and out[i].style == "LD Tembusan" and out[i + 1].style == "LD Tembusan":
        out[i] = replace(out[i], keep_next=True)
        i += 1
    return out


def is_draft(blocks: list[Block]) -> bool:
    """A rancangan (JUD-004): the assembled naskah says so (:class:`legaldraft.naskah.blocks.Blocks`); a plain
    list of blocks is not one."""
    return bool(getattr(blocks, "rancangan", False))


def _body_has_content(root) -> bool:
    body = root.find(f"{{{W_NS}}}body")
    drawing = f"{{{W_NS}}}drawing"
    return any(child.tag != f"{{{W_NS}}}sectPr" and ("".join(child.itertext()).strip() or child.find(f".//{drawing}") is not None)
               for child in body)


def _inline_text(inline, picture_id: int) -> str:
    """A python-docx ``wp:inline`` numbered ``picture_id``, flush with the text, as XML."""
    from lxml import etree  # lazy: start-up time

    inline.docPr.id = picture_id
    for side in ("distT", "distB", "distL", "distR"):   # LibreOffice otherwise pads ~3 mm and shifts it right
        inline.set(side, "0")
    return etree.tostring(inline, encoding="unicode")


def _picture_of(source) -> pictures.Picture:
    """The picture ``source`` (bytes or a path) as the writer needs it: a PNG read here, another format by
    python-docx's image readers (the same figures python-docx's own picture code uses)."""
    blob = source if isinstance(source, bytes) else Path(source).read_bytes()
    filename = None if isinstance(source, bytes) else os.path.basename(str(source))
    picture = pictures.png_picture(blob, filename)
    if picture is None:
        from docx.image.image import Image  # lazy: only a picture that is not a PNG

        image = Image.from_blob(blob)  # the bytes read above, not the file again
        picture = pictures.Picture(image.blob, filename or image.filename, image.content_type, image.px_width,
                                   image.px_height, image.horz_dpi, image.vert_dpi)
    return picture


def kop_context(profile) -> dict:
    """What a daerah's fixed kop may name: {{ jabatan }}, {{ provinsi }}, {{ daerah }}, ..."""
    return {"jabatan": profile.jabatan, "provinsi": f"PROVINSI {profile.provinsi.upper()}",
            "daerah": profile.nama_daerah, "nama": profile.nama, "tempat": profile.tempat_penetapan,
            "nama_bupati": profile.nama_bupati or ""}


def _render_kop(template: Path, profile) -> bytes:
    from docxtpl import DocxTemplate  # lazy: start-up time
    from jinja2 import TemplateError  # lazy: start-up time
    from jinja2.sandbox import SandboxedEnvironment  # lazy: start-up time

    tpl = DocxTemplate(str(template))
    try:
        tpl.render(kop_context(profile), jinja_env=SandboxedEnvironment(autoescape=True), autoescape=True)
    except TemplateError as exc:  # syntax errors, unknown filters, the sandbox refusing an attribute
        where = f" (baris {exc.lineno} XML templat)" if getattr(exc, "lineno", None) else ""
        raise template_problem(template, f"kop Jinja tidak dapat dirender: {exc.message or exc}{where}") from None
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise template_problem(template, f"kop tidak dapat dirender ({type(exc).__name__}: {exc})") from None
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


def render_docx(blocks: list[Block], profile, template: Path, base_dir: Path | None = None, title: str = "",
                mark: str | None = None, note: str | None = None, writer_class: type[DocxWriter] = DocxWriter,
                kop: bool = True, footer_note: str | None = None) -> bytes:
    """The one way a DOCX is written (build, PDF/A, redline, consolidate, compare): ``template`` with the profile's
    page set-up, the blocks, the core properties and the footnotes part. ``writer_class``: a writer that marks what
    it writes (the redline's tracked changes); ``kop``: see :class:`DocxWriter`; ``footer_note``: a sentence in
    every page's footer (the BSrE note of a document laid out for an electronic signature)."""
    writer = writer_class(template, profile, base_dir, kind=Path(template).parent.name, kop=kop)
    writer.write(blocks, mark, footer_note)
    writer.set_metadata(title, note=note)
    return writer.to_bytes()


__all__ = ["DocxWriter", "render_docx", "paragraph_text", "is_draft", "xml_text"]

"""The DOCX templates: built from :mod:`legaldraft.render.styles`, overridable per daerah.

Run ``python -m legaldraft.render.templates`` after changing the style table; the templates are
committed under ``legaldraft/templates/{perbup,skep,pedoman}/template.docx`` and shipped as package
data. A daerah can copy one, restyle it in Word (keeping the style names) and name its folder in the
profile (``templates:``). Page set-up, fonts and page numbers follow the profile at build time
(:func:`apply_page_setup`), so the same template serves F4 and A4 daerah alike.
"""
from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from .styles import styles_for
from ..model.profile import Halaman

KINDS = ("perbup", "skep", "pedoman")
FILENAME = "template.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def template_path(kind: str, override_dir: str | None = None) -> Path:
    """The template for ``kind`` ('perbup', 'skep', 'pedoman'): the daerah's override when it has one."""
    if override_dir:
        candidate = Path(override_dir) / kind / FILENAME
        if candidate.is_file():
            return candidate
        candidate = Path(override_dir) / FILENAME
        if candidate.is_file():
            return candidate
    return Path(str(resources.files("legaldraft").joinpath(f"templates/{kind}/{FILENAME}")))


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# elements that follow w:contextualSpacing inside w:pPr (schema order; Word rejects a misplaced one)
_AFTER_CONTEXTUAL = ("w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                     "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _set_contextual_spacing(ppr, on: bool) -> None:
    from docx.oxml import OxmlElement  # lazy: start-up time

    existing = ppr.find(_w("contextualSpacing"))
    if on and existing is None:
        ppr.insert_element_before(OxmlElement("w:contextualSpacing"), *_AFTER_CONTEXTUAL)
    elif not on and existing is not None:
        ppr.remove(existing)


def set_fonts(document, font: str, size: float) -> None:
    """The document font everywhere it can be named: defaults (without theme fonts, which would win in
    Word) and the Normal style. Every LD style inherits it."""
    from docx.oxml.ns import qn  # lazy: start-up time
    from docx.shared import Pt  # lazy: start-up time

    styles_el = document.styles.element
    defaults = styles_el.find(_w("docDefaults"))
    targets = [document.styles["Normal"].element.get_or_add_rPr()]
    if defaults is not None:
        rpr = defaults.find(f"{_w('rPrDefault')}/{_w('rPr')}")
        if rpr is not None:
            targets.append(rpr)
    for rpr in targets:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            from docx.oxml import OxmlElement  # lazy: start-up time

            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        for attr in list(fonts.attrib):
            if attr.endswith("Theme") or attr.endswith("theme"):
                del fonts.attrib[attr]
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            fonts.set(qn(attr), font)
    document.styles["Normal"].font.size = Pt(size)


def _single_spacing_defaults(document) -> None:
    """python-docx's base template spaces paragraphs 10 pt apart at 1.15 lines; FMT-003 wants single."""
    from docx.oxml.ns import qn  # lazy: start-up time

    spacing = document.styles.element.find(f"{_w('docDefaults')}/{_w('pPrDefault')}/{_w('pPr')}/{_w('spacing')}")
    if spacing is not None:
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), "240")
        spacing.set(qn("w:lineRule"), "auto")
    lang = document.styles.element.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}/{_w('lang')}")
    if lang is not None:
        lang.set(qn("w:val"), "id-ID")


def add_styles(document, kind: str) -> None:
    from docx.enum.style import WD_STYLE_TYPE  # lazy: start-up time
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT  # lazy: start-up time
    from docx.shared import Mm, Pt  # lazy: start-up time

    align = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
             "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
    normal = document.styles["Normal"]
    for spec in styles_for(kind):
        style = document.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        fmt = style.paragraph_format
        fmt.alignment = align[spec.align]
        fmt.left_indent = Mm(spec.left) if spec.left else None
        if spec.hanging:
            fmt.first_line_indent = Mm(-spec.hanging)
        elif spec.first_line:
            fmt.first_line_indent = Mm(spec.first_line)
        fmt.space_before = Pt(spec.before)
        fmt.space_after = Pt(spec.after)
        fmt.keep_with_next = spec.keep_next
        fmt.keep_together = spec.keep_lines
        fmt.widow_control = True
        for tab in spec.tabs:
            fmt.tab_stops.add_tab_stop(Mm(tab), WD_TAB_ALIGNMENT.LEFT)
        _set_contextual_spacing(style.element.get_or_add_pPr(), spec.contextual)
        if spec.bold:
            style.font.bold = True
        if spec.size:
            style.font.size = Pt(spec.size)


def _field_runs(paragraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE) as literal runs: begin, instruction, separate, cached result, end."""
    from docx.oxml import OxmlElement  # lazy: start-up time
    from docx.oxml.ns import qn  # lazy: start-up time

    run = paragraph.add_run()
    for kind, text in (("begin", None), ("instr", f" {instruction} "), ("separate", None), ("text", shown),
                       ("end", None)):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)


def _reset(part) -> object:
    """Empty a header/footer part and return its single fresh paragraph."""
    part.is_linked_to_previous = False
    paragraphs = part.paragraphs
    for extra in paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    paragraph = paragraphs[0]
    for child in list(paragraph._p):
        paragraph._p.remove(child)
    return paragraph


def apply_page_setup(document, halaman, draft: bool = False, mark: str | None = None,
                     footer_note: str | None = None) -> None:
    """Paper, margins, font, and page numbers per the profile's ``halaman``.

    Page numbers ("- 2 -" by default, FMT-006) start on page 2: the first page has its own empty header.
    A rancangan carries "RANCANGAN" at the right of every page's header, so a printed draft page can never
    pass for an issued one (no watermark, no text box); a working text carries ``mark`` there (the profile's
    ``formula.naskah_kerja``, "NASKAH KERJA — bukan naskah resmi"). ``footer_note`` (the BSrE sentence of a
    document laid out for an electronic signature) stands small and centred in every page's footer, first page
    included, below the page number.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT  # lazy: start-up time
    from docx.shared import Mm, Pt  # lazy: start-up time

    section = document.sections[0]
    if halaman.lebar_mm > halaman.tinggi_mm:
        from docx.enum.section import WD_ORIENT  # lazy: start-up time

        section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(halaman.lebar_mm), Mm(halaman.tinggi_mm)
    section.top_margin, section.bottom_margin = Mm(halaman.margin_atas_mm), Mm(halaman.margin_bawah_mm)
    section.left_margin, section.right_margin = Mm(halaman.margin_kiri_mm), Mm(halaman.margin_kanan_mm)
    section.header_distance = Mm(min(12.0, halaman.margin_atas_mm / 2))
    section.footer_distance = Mm(min(12.0, halaman.margin_bawah_mm / 2))
    section.different_first_page_header_footer = True
    set_fonts(document, halaman.huruf, halaman.ukuran_huruf)
    document.styles["Normal"].paragraph_format.line_spacing = halaman.spasi   # every LD style inherits it
    width = halaman.lebar_mm - halaman.margin_kiri_mm - halaman.margin_kanan_mm

    def prepare(paragraph, align):
        paragraph.alignment = align
        fmt = paragraph.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.tab_stops.add_tab_stop(Mm(width / 2), WD_TAB_ALIGNMENT.CENTER)
        fmt.tab_stops.add_tab_stop(Mm(width), WD_TAB_ALIGNMENT.RIGHT)
        return paragraph

    parts = {"header": prepare(_reset(section.header), WD_ALIGN_PARAGRAPH.LEFT),
             "footer": prepare(_reset(section.footer), WD_ALIGN_PARAGRAPH.LEFT),
             "first_header": prepare(_reset(section.first_page_header), WD_ALIGN_PARAGRAPH.LEFT)}
    _reset(section.first_page_footer)
    where = halaman.nomor_halaman
    if where != "tanpa":
        paragraph = parts["header" if where == "tengah-atas" else "footer"]
        before, _, after = halaman.format_nomor_halaman.partition("{n}")
        paragraph.add_run("\t" if where.startswith("tengah") else "\t\t")
        paragraph.add_run(before)
        _field_runs(paragraph, "PAGE", "2")
        paragraph.add_run(after)
    if footer_note:
        for footer in (section.footer, section.first_page_footer):
            paragraph = footer.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(footer_note)
            run.italic = True
            run.font.size = Pt(8)
    mark = mark or ("RANCANGAN" if draft else None)
    if mark:
        for key in ("header", "first_header"):
            numbered = key == "header" and where == "tengah-atas"
            run = parts[key].add_run(("\t" if numbered else "\t\t") + mark)
            run.font.size = Pt(9)
            run.font.bold = True


def _no_stretched_lines(doc) -> None:
    """A justified line that ends in a manual line break is not stretched to the margin (Word's compatibility
    option doNotExpandShiftReturn; LibreOffice reads it too), so such a line reads like a last line."""
    settings = doc.settings.element
    compat = settings.find(_w("compat"))
    if compat is None:
        from docx.oxml import OxmlElement  # lazy: template building only

        compat = OxmlElement("w:compat")
        settings.append(compat)
    if compat.find(_w("doNotExpandShiftReturn")) is None:
        from docx.oxml import OxmlElement  # lazy: template building only

        compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))


def build_template(path: Path, kind: str = "perbup") -> None:
    from docx import Document  # lazy: start-up time

    doc = Document()
    _single_spacing_defaults(doc)
    normal = doc.styles["Normal"]
    pf = normal.paragraph_format
    pf.space_before = pf.space_after = None
    pf.line_spacing = 1.0
    add_styles(doc, kind)
    _no_stretched_lines(doc)
    apply_page_setup(doc, Halaman())
    # the empty first paragraph of python-docx's base document would print a blank line before the body
    body = doc.element.body
    for p in body.findall(_w("p")):
        body.remove(p)
    doc.core_properties.author = "legaldraft"
    doc.core_properties.title = f"legaldraft templat {kind}"
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parent.parent / "templates"
    for kind in KINDS:
        build_template(root / kind / FILENAME, kind)
        print(f"ditulis: {root / kind / FILENAME}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

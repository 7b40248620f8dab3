"""Build the shipped DOCX templates (styles, page set-up, page numbers) from :mod:`legaldraft.render.styles`.

Run ``python -m legaldraft.render.templates`` after changing the style table; the templates are
committed under ``legaldraft/templates/{perbup,skep,pedoman}/template.docx`` and shipped as package
data. A daerah can copy one, restyle it in Word (keeping the style names) and name its folder in the
profile (``templates:``).
"""
from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

KINDS = ("perbup", "skep", "pedoman")
FILENAME = "template.docx"


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


def build_template(path: Path) -> None:
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    from .styles import STYLES

    align = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
             "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Bookman Old Style"
    normal.font.size = Pt(12)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), "Bookman Old Style")
    pf = normal.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    for spec in STYLES:
        style = doc.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
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
        fmt.widow_control = True
        for tab in spec.tabs:
            fmt.tab_stops.add_tab_stop(Mm(tab), WD_TAB_ALIGNMENT.LEFT)
        if spec.bold:
            style.font.bold = True
        if spec.size:
            style.font.size = Pt(spec.size)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(215), Mm(330)
    section.top_margin, section.bottom_margin = Mm(30), Mm(25)
    section.left_margin, section.right_margin = Mm(25), Mm(25)
    section.header_distance = Mm(12)
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    header.add_run("- ")
    run = header.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        elif text.strip() == "PAGE":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:t")
            el.text = text
        run._r.append(el)
    header.add_run(" -")
    doc.core_properties.author = "legaldraft"
    doc.core_properties.title = "legaldraft template"
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))


def main(argv: list[str] | None = None) -> int:
    root = Path(__file__).resolve().parent.parent / "templates"
    for kind in KINDS:
        build_template(root / kind / FILENAME)
        print(f"ditulis: {root / kind / FILENAME}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

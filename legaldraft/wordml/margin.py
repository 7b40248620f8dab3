"""A print copy of a reviewed DOCX with its comments in the margin, for a PDF that shows them (LibreOffice 7.4
exports comments only as PDF annotations; 'comments in margin' came later).

Every page is made wider by the width of a comment column, keeping the text block where it was, and each
comment becomes a small framed text box anchored at its reference, in that column. Tracked changes stay as
they are, so the PDF shows insertions and deletions the way LibreOffice draws them.
"""
from __future__ import annotations

import io
import zipfile

from lxml import etree

from .reader import DOC_PART, W, parse_xml

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
EMU_PER_TWIP = 635
COLUMN_MM = 80


def _box(comment, index: int, x_emu: int, width_emu: int, stack: int, box_id: int) -> etree._Element:
    """A run holding an anchored text box with the comment's paragraphs."""
    author = comment.get(f"{W}initials") or comment.get(f"{W}author") or ""
    paras = []
    for k, p in enumerate(comment.findall(f"{W}p")):
        text = "".join(t.text or "" for t in p.iter(f"{W}t"))
        head = f"[{author} {index}] " if k == 0 else ""
        paras.append(
            f'<w:p><w:pPr><w:spacing w:before="0" w:after="20" w:line="200" w:lineRule="auto"/></w:pPr>'
            f'<w:r><w:rPr><w:rFonts w:ascii="Liberation Sans" w:hAnsi="Liberation Sans"/><w:sz w:val="15"/></w:rPr>'
            f'<w:t xml:space="preserve">{_esc(head + text)}</w:t></w:r></w:p>')
    y = stack * 360000
    xml = (
        f'<w:r xmlns:w="{W[1:-1]}" xmlns:wp="{WP}" xmlns:a="{A}" xmlns:wps="{WPS}"><w:drawing>'
        f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{box_id}" behindDoc="0" '
        f'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{x_emu}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{width_emu}" cy="360000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{box_id}" name="Komentar {index}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{WPS}"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{width_emu}" cy="360000"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="FFF6C8"/></a:solidFill>'
        f'<a:ln w="6350"><a:solidFill><a:srgbClr val="C8A400"/></a:solidFill></a:ln></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{"".join(paras)}</w:txbxContent></wps:txbx>'
        f'<wps:bodyPr lIns="36000" tIns="18000" rIns="36000" bIns="18000"><a:spAutoFit/></wps:bodyPr>'
        f'</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')
    return etree.fromstring(xml)


def _esc(text: str) -> str:
    from xml.sax.saxutils import escape  # lazy: start-up time

    return escape(text)


def with_margin_comments(docx: bytes, column_mm: float = COLUMN_MM) -> bytes:
    """The print copy (DOCX bytes) of a reviewed DOCX."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    if "word/comments.xml" not in parts:
        return docx
    doc = parse_xml(parts[DOC_PART])
    comments = {c.get(f"{W}id"): c for c in parse_xml(parts["word/comments.xml"]).findall(f"{W}comment")}
    column = int(column_mm * 56.6929)
    page_w = 11906
    for sect in doc.iter(f"{W}sectPr"):
        size, mar = sect.find(f"{W}pgSz"), sect.find(f"{W}pgMar")
        if size is not None:
            page_w = int(size.get(f"{W}w", page_w))
            size.set(f"{W}w", str(page_w + column))
        if mar is not None:
            mar.set(f"{W}right", str(int(mar.get(f"{W}right", "1440")) + column))
    x = (page_w + 170) * EMU_PER_TWIP
    width = (column - 340) * EMU_PER_TWIP
    order = {cid: k for k, cid in enumerate(comments)}
    per_para: dict[int, int] = {}
    box_id = 5000
    for ref in list(doc.iter(f"{W}commentReference")):
        cid = ref.get(f"{W}id")
        if cid not in comments:
            continue
        run = ref.getparent()
        p = next((a for a in run.iterancestors(f"{W}p")), None)
        stack = per_para.get(id(p), 0)
        per_para[id(p)] = stack + 1
        box_id += 1
        run.addnext(_box(comments[cid], order[cid], x, width, stack, box_id))
    parts[DOC_PART] = etree.tostring(doc, xml_declaration=True, encoding="UTF-8", standalone=True)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


__all__ = ["with_margin_comments"]

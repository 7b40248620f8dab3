"""A WordprocessingML document as the author sees it, with every character's place in the XML.

:func:`read_package` opens a DOCX; :func:`paragraphs` lists its paragraphs in reading order (body, table
cells, content controls, then the text boxes anchored in a paragraph), each a :class:`SourcePara`: the
accepted-all text (tracked deletions and moved-from text left out, insertions kept, comments ignored), the
label Word's automatic numbering draws in front of it, the page where Word last rendered it (when the file
carries ``w:lastRenderedPageBreak`` or explicit page breaks), and :class:`Segment` s mapping character
offsets back to the ``w:t`` elements, so that a comment or a tracked change can be placed on exact words
however the runs are split (formatting, proofing marks, bookmarks, fields).
"""
from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from lxml import etree

from .numbering import Numbering

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
DOC_PART = "word/document.xml"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)
# containers whose runs are part of the paragraph's text
_TRANSPARENT = {f"{W}ins", f"{W}hyperlink", f"{W}smartTag", f"{W}fldSimple", f"{W}customXml", f"{W}sdt",
                f"{W}sdtContent", f"{W}moveTo", f"{W}dir", f"{W}bdo"}
_SKIPPED = {f"{W}del", f"{W}moveFrom", f"{W}sdtPr", f"{W}sdtEndPr", f"{W}pPr", f"{W}rPr"}


def parse_xml(data: bytes):
    return etree.fromstring(data, _PARSER)


@dataclass
class Segment:
    """Characters [start, end) of the paragraph text; ``node`` is the w:t holding them (offset ``offset`` in
    its text), or the w:tab / w:br / label they stand for (``node`` None for the numbering label)."""

    start: int
    end: int
    node: Optional[object]
    offset: int = 0
    in_field: bool = False

    @property
    def editable(self) -> bool:
        return self.node is not None and self.node.tag == f"{W}t" and not self.in_field


@dataclass
class SourcePara:
    index: int                  # 1-based, in reading order
    element: object             # the w:p
    text: str                   # label + separator + accepted text
    label: str = ""
    body_start: int = 0         # where the paragraph's own text starts (after the label)
    segments: list[Segment] = field(default_factory=list)
    page: Optional[int] = None
    where: str = "body"         # body, table, textbox

    def segment_at(self, offset: int) -> Optional[Segment]:
        for seg in self.segments:
            if seg.start <= offset < seg.end:
                return seg
        return None


@dataclass
class Package:
    path: Optional[Path]
    parts: dict[str, bytes]             # every part of the zip, by name
    document: object                    # parsed word/document.xml root
    numbering: Optional[object] = None
    styles: Optional[object] = None

    def part_xml(self, name: str):
        return parse_xml(self.parts[name]) if name in self.parts else None


MAX_PART = 64 * 1024 * 1024


def read_package(path: str | Path) -> Package:
    path = Path(path)
    parts: dict[str, bytes] = {}
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            if info.file_size > MAX_PART:
                raise ValueError(f"bagian {info.filename} terlalu besar ({info.file_size} bita)")
            parts[info.filename] = z.read(info.filename)
    if DOC_PART not in parts:
        raise ValueError("bukan dokumen Word: word/document.xml tidak ada")
    doc = parse_xml(parts[DOC_PART])
    pkg = Package(path, parts, doc)
    pkg.numbering = pkg.part_xml("word/numbering.xml")
    pkg.styles = pkg.part_xml("word/styles.xml")
    return pkg


class _Reader:
    def __init__(self, numbering: Numbering):
        self.numbering = numbering
        self.out: list[SourcePara] = []
        self.page = 1
        self.rendered = False

    def block(self, el, where: str) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{W}p":
                self.paragraph(child, where)
            elif tag == f"{W}tbl":
                for tr in child.iter(f"{W}tr"):
                    for tc in tr.findall(f"{W}tc"):
                        self.block(tc, "table")
            elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo"):
                self.block(child, where)

    def paragraph(self, p, where: str) -> None:
        ppr = p.find(f"{W}pPr")
        if ppr is not None and ppr.find(f"{W}pageBreakBefore") is not None and \
                _val(ppr.find(f"{W}pageBreakBefore")) not in ("0", "false") and self.out:
            self.page += 1
        label, sep = self.numbering.label(p)
        para = SourcePara(len(self.out) + 1, p, "", label, where=where)
        text: list[str] = []
        if label:
            head = label + sep
            para.segments.append(Segment(0, len(head), None))
            text.append(head)
        para.body_start = len("".join(text))
        para.page = self.page
        boxes: list = []
        self.out.append(para)
        self._inline(p, para, text, boxes, [False])
        para.text = "".join(text)
        if ppr is not None and ppr.find(f"{W}sectPr") is not None:
            kind = _val(ppr.find(f"{W}sectPr/{W}type"))
            if kind in (None, "nextPage", "oddPage", "evenPage"):
                self.page += 1
        for box in boxes:
            self.block(box, "textbox")

    def _inline(self, el, para: SourcePara, text: list[str], boxes: list, field: list[bool]) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIPPED:
                continue
            if tag == f"{W}r":
                self._run(child, para, text, boxes, field)
            elif tag == f"{W}fldSimple":
                was = field[0]
                field[0] = True
                self._inline(child, para, text, boxes, field)
                field[0] = was
            elif tag in _TRANSPARENT:
                self._inline(child, para, text, boxes, field)

    def _run(self, r, para: SourcePara, text: list[str], boxes: list, field: list[bool]) -> None:
        for node in r:
            tag = node.tag
            pos = sum(len(t) for t in text)
            if tag == f"{W}t":
                value = node.text or ""
                if value:
                    para.segments.append(Segment(pos, pos + len(value), node, 0, field[0]))
                    text.append(value)
            elif tag in (f"{W}tab", f"{W}ptab"):
                para.segments.append(Segment(pos, pos + 1, node, 0, field[0]))
                text.append(" ")
            elif tag in (f"{W}br", f"{W}cr"):
                if node.get(f"{W}type") == "page":
                    self.page += 1
                    continue
                if node.get(f"{W}type") == "column":
                    continue
                para.segments.append(Segment(pos, pos + 1, node, 0, field[0]))
                text.append("\n")
            elif tag == f"{W}noBreakHyphen":
                para.segments.append(Segment(pos, pos + 1, node, 0, field[0]))
                text.append("-")
            elif tag == f"{W}lastRenderedPageBreak":
                self.page += 1
                if not any(s.node is not None for s in para.segments):
                    para.page = self.page       # the paragraph starts the new page
                self.rendered = True
            elif tag == f"{W}fldChar":
                kind = node.get(f"{W}fldCharType")
                field[0] = kind in ("begin", "separate")
            elif tag in (f"{W}drawing", f"{W}pict") or tag == f"{MC}AlternateContent":
                boxes.extend(_text_boxes(node))


def _val(el) -> Optional[str]:
    return None if el is None else el.get(f"{W}val")


def _text_boxes(node) -> list:
    """w:txbxContent under a drawing, skipping mc:Fallback (which repeats the mc:Choice)."""
    out = []
    stack = [node]
    while stack:
        cur = stack.pop()
        for child in cur:
            if child.tag == f"{MC}Fallback":
                continue
            if child.tag == f"{W}txbxContent":
                out.append(child)
            else:
                stack.append(child)
    out.reverse()
    return out


def paragraphs(pkg: Package) -> list[SourcePara]:
    reader = _Reader(Numbering(pkg.numbering, pkg.styles))
    body = pkg.document.find(f"{W}body")
    if body is not None:
        reader.block(body, "body")
    if not reader.rendered and reader.page == 1:
        for para in reader.out:
            para.page = None        # nothing says where pages end: the page is not known
    return reader.out


def paragraph_text(p, numbering: Numbering) -> str:
    """The text of one paragraph as the author sees it: numbering label, accepted text; the paragraphs of its
    text boxes follow on lines of their own."""
    reader = _Reader(numbering)
    reader.paragraph(p, "body")
    return "\n".join(x.text for x in reader.out)


def part_paragraphs(root, numbering: Optional[Numbering] = None) -> list[SourcePara]:
    """Paragraphs of any story (header, footer, comments) without page information."""
    reader = _Reader(numbering or Numbering())
    reader.block(root, "body")
    for para in reader.out:
        para.page = None
    return reader.out

"""Comments and tracked changes placed on exact characters of a paragraph read by :mod:`.reader`.

Runs are split where a range starts or ends (the split copies keep their ``w:rPr``, so the author's
formatting is untouched); a tracked change wraps the runs of the old words in ``w:del`` (``w:t`` ->
``w:delText``) and puts the new words in a ``w:ins`` run carrying the first old run's properties; a comment is
``w:commentRangeStart`` / ``w:commentRangeEnd`` around the runs and a ``w:commentReference`` run after them,
with its text in word/comments.xml (part, relationship and content type added when the file has none).
"""
from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from lxml import etree

from .reader import DOC_PART, W, W_NS, Package, Segment, SourcePara, parse_xml

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
COMMENTS_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class NotEditable(ValueError):
    """The range covers what is not text in the file (a numbering label, a field result)."""


def _w(tag: str) -> str:
    return f"{W}{tag}"


def resegment(para: SourcePara) -> None:
    """Recompute the text and segments of ``para`` after its XML changed (label kept)."""
    from .numbering import Numbering  # lazy: start-up time
    from .reader import _Reader  # lazy: start-up time

    reader = _Reader(Numbering())
    reader.paragraph(para.element, para.where)
    fresh = reader.out[0]
    head = para.text[:para.body_start]
    shift = len(head)
    para.segments = ([Segment(0, shift, None)] if head else []) + [
        Segment(s.start + shift, s.end + shift, s.node, s.offset, s.in_field) for s in fresh.segments]
    para.text = head + fresh.text


def split_at(para: SourcePara, offset: int) -> None:
    """Make ``offset`` a run boundary (splitting the w:t and its run there)."""
    seg = next((s for s in para.segments if s.start < offset < s.end), None)
    if seg is None or seg.node is None or seg.node.tag != _w("t"):
        return
    t = seg.node
    run = t.getparent()
    k = offset - seg.start
    text = t.text or ""
    twin = copy.deepcopy(run)
    children = list(run)
    pos = children.index(t)
    for child in children[pos + 1:]:
        run.remove(child)
    t.text = text[:k]
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    twin_children = list(twin)
    for child in twin_children[:pos]:
        if child.tag != _w("rPr"):
            twin.remove(child)
    twin_t = twin_children[pos]
    twin_t.text = text[k:]
    twin_t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.addnext(twin)
    resegment(para)


def _segments_in(para: SourcePara, start: int, end: int) -> list[Segment]:
    return [s for s in para.segments if s.start < end and s.end > start]


def runs_in(para: SourcePara, start: int, end: int, editable: bool) -> list:
    """The w:r elements holding characters [start, end) (split first); NotEditable when a character there
    is drawn by Word (numbering label) or is a field result and ``editable`` is asked."""
    split_at(para, start)
    split_at(para, end)
    segs = _segments_in(para, start, end)
    if editable and any(not s.editable for s in segs if not (s.node is not None and s.node.tag in (_w("tab"), _w("br"), _w("cr")))):
        raise NotEditable("rentang memuat nomor otomatis Word atau hasil field")
    runs = []
    for s in segs:
        if s.node is None:
            continue
        r = s.node.getparent()
        if r.tag == _w("r") and r not in runs:
            runs.append(r)
    return runs


@dataclass
class Stamp:
    author: str
    date: str
    initials: str

    @classmethod
    def make(cls, author: str, when: Optional[dt.datetime] = None) -> "Stamp":
        when = when or dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        initials = "".join(w[0] for w in author.split() if w[:1].isalnum()).upper()[:4] or "LD"
        return cls(author, when.strftime("%Y-%m-%dT%H:%M:%SZ"), initials)


class Editor:
    """Comments and tracked changes on one package; :meth:`save` writes the new DOCX bytes."""

    def __init__(self, pkg: Package, stamp: Stamp):
        self.pkg = pkg
        self.stamp = stamp
        ids = [int(v) for v in pkg.document.xpath("//@w:id", namespaces={"w": W_NS}) if str(v).lstrip("-").isdigit()]
        self.next_id = max(ids, default=0) + 1
        self.comments = pkg.part_xml("word/comments.xml")
        if self.comments is None:
            self.comments = etree.Element(_w("comments"), nsmap={"w": W_NS})
        else:
            cids = [int(c.get(_w("id"))) for c in self.comments.findall(_w("comment")) if c.get(_w("id"), "").isdigit()]
            self.next_id = max([self.next_id] + [c + 1 for c in cids])
        self.added_comments = 0
        self.changes = 0

    def _id(self) -> str:
        value = self.next_id
        self.next_id += 1
        return str(value)

    def _mark(self, tag: str):
        el = etree.Element(_w(tag))
        el.set(_w("id"), self._id())
        el.set(_w("author"), self.stamp.author)
        el.set(_w("date"), self.stamp.date)
        return el

    # -- comments -------------------------------------------------------------------------------------
    def comment(self, para: SourcePara, start: int, end: int, paragraphs: list[str]) -> str:
        """A comment on characters [start, end) of ``para`` (the whole paragraph when the range holds no
        run); returns its id."""
        runs = runs_in(para, start, end, editable=False) if end > start else []
        if not runs:
            runs = runs_in(para, para.body_start, len(para.text), editable=False)
        cid = self._id()
        rs = etree.Element(_w("commentRangeStart"))
        rs.set(_w("id"), cid)
        re_ = etree.Element(_w("commentRangeEnd"))
        re_.set(_w("id"), cid)
        ref = etree.Element(_w("r"))
        rpr = etree.SubElement(ref, _w("rPr"))
        etree.SubElement(rpr, _w("rStyle")).set(_w("val"), "CommentReference")
        etree.SubElement(ref, _w("commentReference")).set(_w("id"), cid)
        if runs:
            runs[0].addprevious(rs)
            runs[-1].addnext(re_)
            re_.addnext(ref)
        else:
            p = para.element
            ppr = p.find(_w("pPr"))
            at = 0 if ppr is None else list(p).index(ppr) + 1
            p.insert(at, rs)
            p.insert(at + 1, re_)
            p.insert(at + 2, ref)
        self._comment_part(cid, paragraphs)
        self.added_comments += 1
        return cid

    def _comment_part(self, cid: str, paragraphs: list[str]) -> None:
        c = etree.SubElement(self.comments, _w("comment"))
        c.set(_w("id"), cid)
        c.set(_w("author"), self.stamp.author)
        c.set(_w("date"), self.stamp.date)
        c.set(_w("initials"), self.stamp.initials)
        for i, text in enumerate(paragraphs):
            p = etree.SubElement(c, _w("p"))
            ppr = etree.SubElement(p, _w("pPr"))
            etree.SubElement(ppr, _w("pStyle")).set(_w("val"), "CommentText")
            if i == 0:
                r = etree.SubElement(p, _w("r"))
                etree.SubElement(etree.SubElement(r, _w("rPr")), _w("rStyle")).set(_w("val"), "CommentReference")
                etree.SubElement(r, _w("annotationRef"))
            r = etree.SubElement(p, _w("r"))
            t = etree.SubElement(r, _w("t"))
            t.text = _XML_BAD.sub("", text)
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")

    # -- tracked changes ------------------------------------------------------------------------------
    def replace(self, para: SourcePara, start: int, end: int, new: str) -> None:
        """Tracked change: characters [start, end) of ``para`` deleted, ``new`` inserted in their place."""
        if end > start:
            runs = runs_in(para, start, end, editable=True)
            if not runs:
                raise NotEditable("tidak ada teks di rentang itu")
        else:
            runs = []
            split_at(para, start)
            seg = _segments_in(para, start, start + 1)
            if seg and not seg[0].editable and seg[0].node is None:
                raise NotEditable("sisipan di dalam nomor otomatis Word")
        template = None
        anchor_after = None
        for r in runs:
            wrapper = self._mark("del")
            r.addprevious(wrapper)
            wrapper.append(r)
            for t in r.findall(_w("t")):
                t.tag = _w("delText")
            for t in r.findall(_w("instrText")):
                t.tag = _w("delInstrText")
            template = template if template is not None else r
            anchor_after = wrapper
        if new:
            if template is None:
                before = [s for s in para.segments if s.end == start and s.node is not None]
                after = [s for s in para.segments if s.start == start and s.node is not None]
                if before:
                    template = before[-1].node.getparent()
                    anchor_after = template
                elif after:
                    template = after[0].node.getparent()
                else:
                    template = None
            ins = self._mark("ins")
            run = etree.SubElement(ins, _w("r"))
            if template is not None and template.find(_w("rPr")) is not None:
                run.append(copy.deepcopy(template.find(_w("rPr"))))
            t = etree.SubElement(run, _w("t"))
            t.text = _XML_BAD.sub("", new)
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            if anchor_after is not None:
                anchor_after.addnext(ins)
            elif template is not None:
                template.addprevious(ins)
            else:
                para.element.append(ins)
        self.changes += 1
        resegment(para)

    # -- package --------------------------------------------------------------------------------------
    def save(self) -> bytes:
        import io  # lazy: start-up time
        import zipfile  # lazy: start-up time

        parts = dict(self.pkg.parts)
        parts[DOC_PART] = etree.tostring(self.pkg.document, xml_declaration=True, encoding="UTF-8", standalone=True)
        if self.added_comments:
            parts["word/comments.xml"] = etree.tostring(self.comments, xml_declaration=True, encoding="UTF-8",
                                                        standalone=True)
            rels_name = "word/_rels/document.xml.rels"
            rels = parse_xml(parts[rels_name])
            if not any(r.get("Type") == COMMENTS_TYPE for r in rels):
                used = {r.get("Id") for r in rels}
                n = 1
                while f"rIdC{n}" in used:
                    n += 1
                rel = etree.SubElement(rels, f"{{{REL_NS}}}Relationship")
                rel.set("Id", f"rIdC{n}")
                rel.set("Type", COMMENTS_TYPE)
                rel.set("Target", "comments.xml")
                parts[rels_name] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
            ct = parse_xml(parts["[Content_Types].xml"])
            if not any(o.get("PartName") == "/word/comments.xml" for o in ct):
                o = etree.SubElement(ct, f"{{{CT_NS}}}Override")
                o.set("PartName", "/word/comments.xml")
                o.set("ContentType", COMMENTS_CT)
                parts["[Content_Types].xml"] = etree.tostring(ct, xml_declaration=True, encoding="UTF-8",
                                                              standalone=True)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            order = ["[Content_Types].xml"] + [n for n in parts if n != "[Content_Types].xml"]
            for name in order:
                z.writestr(name, parts[name])
        return buf.getvalue()

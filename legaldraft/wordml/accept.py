"""Accept all tracked changes of a DOCX as an XML transformation (what Word's "Accept All Changes" does):
deleted and moved-from content goes, inserted and moved-to content stays as ordinary runs, property-change
records are dropped. Comments stay (accepting changes does not resolve comments); ``drop_comments`` removes
their anchors and part too."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from .reader import DOC_PART, W, parse_xml

_REMOVE = (f"{W}del", f"{W}moveFrom", f"{W}pPrChange", f"{W}rPrChange", f"{W}sectPrChange", f"{W}tblPrChange",
           f"{W}trPrChange", f"{W}tcPrChange", f"{W}numberingChange", f"{W}moveFromRangeStart",
           f"{W}moveFromRangeEnd", f"{W}moveToRangeStart", f"{W}moveToRangeEnd")
_UNWRAP = (f"{W}ins", f"{W}moveTo")
_COMMENT_MARKS = (f"{W}commentRangeStart", f"{W}commentRangeEnd")


def accept_all_xml(root, drop_comments: bool = False):
    """Accept every change in a parsed document.xml, in place; returns the root."""
    for el in list(root.iter(*_REMOVE)):
        parent = el.getparent()
        if parent is None:
            continue
        if el.tag == f"{W}del" and parent.tag == f"{W}rPr":
            # a deleted paragraph mark: the paragraph joins the next one
            p = parent.getparent().getparent() if parent.getparent() is not None else None
            parent.remove(el)
            if p is not None and p.tag == f"{W}p":
                nxt = p.getnext()
                if nxt is not None and nxt.tag == f"{W}p":
                    for child in list(nxt):
                        if child.tag != f"{W}pPr":
                            p.append(child)
                    nxt.getparent().remove(nxt)
            continue
        if el.tag == f"{W}ins" and parent.tag == f"{W}rPr":
            parent.remove(el)
            continue
        parent.remove(el)
    for el in list(root.iter(*_UNWRAP)):
        parent = el.getparent()
        if parent is None:
            continue
        if parent.tag == f"{W}rPr":
            parent.remove(el)
            continue
        index = list(parent).index(el)
        for k, child in enumerate(list(el)):
            parent.insert(index + k, child)
        parent.remove(el)
    if drop_comments:
        for el in list(root.iter(*_COMMENT_MARKS)):
            el.getparent().remove(el)
        for ref in list(root.iter(f"{W}commentReference")):
            run = ref.getparent()
            run.remove(ref)
            if run.tag == f"{W}r" and all(c.tag == f"{W}rPr" for c in run):
                run.getparent().remove(run)
    return root


def accept_all(source: str | Path | bytes, target: str | Path | None = None, drop_comments: bool = False) -> bytes:
    """Accept all changes of a DOCX (path or bytes); returns the new DOCX bytes (also written to ``target``)."""
    data = Path(source).read_bytes() if not isinstance(source, bytes) else source
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            content = zin.read(info.filename)
            if info.filename == DOC_PART:
                root = accept_all_xml(parse_xml(content), drop_comments)
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(info, content)
    result = out.getvalue()
    if target is not None:
        from ..ioutil import atomic_write_bytes  # lazy: start-up time

        atomic_write_bytes(Path(target), result)
    return result

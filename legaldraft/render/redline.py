"""Redline: the new text as a DOCX with Word tracked changes (w:ins / w:del) against the old text, in the
naskah layout of ``build`` (the same writer, template, styles, page set-up and keep-with-next).

Paragraphs are the blocks both versions build into; unchanged ones are plain, a changed one carries a
word-level diff, a paragraph only in the old text is deleted (its mark too), one only in the new is
inserted; a renumbered heading is a deleted and an inserted heading. Accepting all changes in Word or
LibreOffice leaves exactly the build of the new text.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
from difflib import SequenceMatcher

from ..naskah.blocks import Blocks
from .docx import NSDECL, DocxWriter, _runs, paragraph_head
from .package import attr
from .pipeline import docx_bytes, document_blocks

_TOKENS = re.compile(r"\s+|[^\s]+")


class _Writer:
    def __init__(self, author: str, date: str):
        self.author_raw = author
        self.author = attr(author)
        self.date = date
        self.ids = itertools.count(1)

    def mark(self, tag: str) -> str:
        return f'<w:{tag} w:id="{next(self.ids)}" w:author="{self.author}" w:date="{self.date}"/>'


def _similar(old: str, new: str, ratio: float = 0.5) -> bool:
    return SequenceMatcher(None, _TOKENS.findall(old), _TOKENS.findall(new), autojunk=False).ratio() >= ratio


_HEADING = re.compile(r"^(Pasal\s\d+[A-Z]*|BAB\s[IVXLC]+[A-Z]*|Bagian\sKe\w+(?:\s\w+)?|Paragraf\s\d+[A-Z]*)$")


def _changed_runs(w: _Writer, old: str, new: str) -> str:
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    parts = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(_plain_runs("".join(a[i1:i2])))
        else:
            parts.append(_tracked_runs(w, "".join(a[i1:i2]), deleted=True))
            parts.append(_tracked_runs(w, "".join(b[j1:j2]), deleted=False))
    return "".join(parts)


def _plain_runs(text: str) -> str:
    return _runs(text)


def _tracked_runs(w: _Writer, text: str, deleted: bool, bold: bool = False) -> str:
    """Runs of ``text`` (tabs as w:tab) inside one w:ins or w:del."""
    if not text:
        return ""
    runs = _runs(text, bold=bold)
    tag = "del" if deleted else "ins"
    if deleted:
        runs = runs.replace("<w:t ", "<w:delText ").replace("</w:t>", "</w:delText>")
    return f'<w:{tag} w:id="{next(w.ids)}" w:author="{w.author}" w:date="{w.date}">{runs}</w:{tag}>'


def _pair_blocks(old_blocks, new_blocks) -> list[tuple[str, object, object]]:
    """(mark, block, old block): the new text's blocks, each 'same', 'changed' (with the old one),
    'inserted', and the old text's 'deleted' blocks where they stood. A renumbered heading ('Pasal 15' ->
    'Pasal 16') is a deleted and an inserted heading, never a digit diff that reads 'Pasal 1516'."""
    out = []
    old_plain, new_plain = [b.plain() for b in old_blocks], [b.plain() for b in new_blocks]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_plain, new_plain, autojunk=False).get_opcodes():
        if tag == "equal":
            out.extend(("same", b, None) for b in new_blocks[j1:j2])
            continue
        olds, news = old_blocks[i1:i2], new_blocks[j1:j2]
        paired = min(len(olds), len(news)) if tag == "replace" else 0
        for o, n in zip(olds[:paired], news[:paired]):
            textual = o.table is None and n.table is None and o.image is None and n.image is None
            heading = _HEADING.match(o.text or "") or _HEADING.match(n.text or "")
            if textual and o.style == n.style and not heading and _similar(o.plain(), n.plain(), 0.6):
                out.append(("changed", n, o))
            else:
                out.extend([("deleted", o, None), ("inserted", n, None)])
        out.extend(("deleted", b, None) for b in olds[paired:])
        out.extend(("inserted", b, None) for b in news[paired:])
    return out


def _tracked_table(w: _Writer, xml: str, deleted: bool) -> str:
    """A whole table (with its caption and the paragraph after it) inserted or deleted: every row marked
    (w:trPr/w:ins|w:del), every run wrapped, every paragraph mark tracked."""
    from lxml import etree  # lazy: start-up time

    tag = "del" if deleted else "ins"
    root = etree.fromstring(f"<w:body {NSDECL}>{xml}</w:body>")
    wns = root.nsmap["w"]

    def mark():
        el = etree.Element(f"{{{wns}}}{tag}")
        el.set(f"{{{wns}}}id", str(next(w.ids)))
        el.set(f"{{{wns}}}author", w.author_raw)
        el.set(f"{{{wns}}}date", w.date)
        return el

    for tr in root.iter(f"{{{wns}}}tr"):
        trpr = tr.find(f"{{{wns}}}trPr")
        if trpr is None:
            trpr = etree.Element(f"{{{wns}}}trPr")
            tr.insert(0, trpr)
        trpr.append(mark())
    for p in root.iter(f"{{{wns}}}p"):
        ppr = p.find(f"{{{wns}}}pPr")
        if ppr is None:
            ppr = etree.Element(f"{{{wns}}}pPr")
            p.insert(0, ppr)
        rpr = ppr.find(f"{{{wns}}}rPr")
        if rpr is None:
            rpr = etree.SubElement(ppr, f"{{{wns}}}rPr")
        rpr.append(mark())
        for r in [r for r in p if r.tag == f"{{{wns}}}r"]:
            wrapper = mark()
            r.addprevious(wrapper)
            wrapper.append(r)
            if deleted:
                for t in r.iter(f"{{{wns}}}t"):
                    t.tag = f"{{{wns}}}delText"
    return "".join(etree.tostring(child, encoding="unicode") for child in root)


def redline_naskah_docx(old_doc, old_ctx, new_doc, new_ctx, author: str = "legaldraft",
                        when: dt.datetime | None = None) -> bytes:
    """The new text in the naskah layout of ``build`` (template, styles, page set-up, keep-with-next), with
    Word tracked changes against the old text. Accepting all changes gives the build of the new text."""

    when = when or dt.datetime.now(dt.timezone.utc)
    w = _Writer(author, when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
    new_blocks = document_blocks(new_doc, new_ctx)
    pairs = _pair_blocks(document_blocks(old_doc, old_ctx), new_blocks)
    marks = {id(block): (mark, old) for mark, block, old in pairs}

    class RedlineWriter(DocxWriter):
        def _paragraph(self, block, previous):
            mark, old = marks.get(id(block), ("same", None))
            plain = super()._paragraph(block, previous)
            if mark == "same":
                return plain
            ppr_end = plain.index("</w:pPr>")
            ppr = plain[len("<w:p>"):ppr_end]
            head, body_text = paragraph_head(block), block.text
            if mark == "changed":
                old_head = paragraph_head(old)
                runs = (_plain_runs(head) if head == old_head else
                        _tracked_runs(w, old_head, True) + _tracked_runs(w, head, False))
                runs += _changed_runs(w, old.text, body_text)
                return f"<w:p>{ppr}</w:pPr>{runs}</w:p>"
            deleted = mark == "deleted"
            bold = bool(block.runs and all(r.bold for r in block.runs))
            runs = _tracked_runs(w, head + body_text, deleted, bold)
            para_mark = w.mark("del" if deleted else "ins")
            return f"<w:p>{ppr}<w:rPr>{para_mark}</w:rPr></w:pPr>{runs}</w:p>"

        def _table(self, block):
            mark, _ = marks.get(id(block), ("same", None))
            xml = super()._table(block)
            return xml if mark == "same" else _tracked_table(w, xml, mark == "deleted")

    # written as build writes the new text (pipeline.docx_bytes): its template, page set-up, page mark, draft flag
    blocks = Blocks([block for mark, block, _ in pairs if not (mark == "deleted" and block.image)],
                    rancangan=new_blocks.rancangan)
    return docx_bytes(new_doc, new_ctx, blocks=blocks, writer_class=RedlineWriter,
                      title=f"{new_doc.nama_jenis} tentang {new_doc.tentang} (perubahan terlacak)")

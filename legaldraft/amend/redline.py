"""Redline: the new text as a DOCX with Word tracked changes (w:ins / w:del) against the old text.

Paragraphs are the blocks both versions build into; unchanged ones are plain, a changed one carries a
word-level diff, a paragraph only in the old text is deleted (its mark too), one only in the new is
inserted. Accepting all changes in Word or LibreOffice leaves exactly the new text.
"""
from __future__ import annotations

import datetime as dt
import io
import itertools
import re
from difflib import SequenceMatcher
from xml.sax.saxutils import escape
from ..naskah.jenis import assemble

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_TOKENS = re.compile(r"\s+|[^\s]+")


class _Writer:
    def __init__(self, author: str, date: str):
        self.author = escape(author, {'"': "&quot;"})
        self.date = date
        self.ids = itertools.count(1)

    def mark(self, tag: str) -> str:
        return f'<w:{tag} w:id="{next(self.ids)}" w:author="{self.author}" w:date="{self.date}"/>'

    @staticmethod
    def run(text: str, deleted: bool = False) -> str:
        tag = "w:delText" if deleted else "w:t"
        return f'<w:r><{tag} xml:space="preserve">{escape(text)}</{tag}></w:r>' if text else ""

    def inserted(self, text: str) -> str:
        return f'<w:ins w:id="{next(self.ids)}" w:author="{self.author}" w:date="{self.date}">{self.run(text)}</w:ins>' if text else ""

    def deleted(self, text: str) -> str:
        return f'<w:del w:id="{next(self.ids)}" w:author="{self.author}" w:date="{self.date}">{self.run(text, True)}</w:del>' if text else ""

    def paragraph(self, body: str, mark: str = "") -> str:
        ppr = f"<w:pPr><w:rPr>{mark}</w:rPr></w:pPr>" if mark else ""
        return f"<w:p {W}>{ppr}{body}</w:p>"

    def same(self, text: str) -> str:
        return self.paragraph(self.run(text))

    def added(self, text: str) -> str:
        return self.paragraph(self.inserted(text), self.mark("ins"))

    def removed(self, text: str) -> str:
        return self.paragraph(self.deleted(text), self.mark("del"))

    def changed(self, old: str, new: str) -> str:
        a, b = _TOKENS.findall(old), _TOKENS.findall(new)
        parts = []
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if tag == "equal":
                parts.append(self.run("".join(a[i1:i2])))
            else:
                parts.append(self.deleted("".join(a[i1:i2])))
                parts.append(self.inserted("".join(b[j1:j2])))
        return self.paragraph("".join(parts))


def redline_paragraphs(old_lines: list[str], new_lines: list[str], author: str, date: str) -> list[str]:
    """The tracked-change paragraphs (WordprocessingML) turning ``old_lines`` into ``new_lines``."""
    w = _Writer(author, date)
    out = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        if tag == "equal":
            out.extend(w.same(t) for t in new_lines[j1:j2])
            continue
        olds, news = old_lines[i1:i2], new_lines[j1:j2]
        paired = min(len(olds), len(news)) if tag == "replace" else 0
        for o, n in zip(olds[:paired], news[:paired]):
            if _similar(o, n):
                out.append(w.changed(o, n))
            else:  # unrelated paragraphs: a word diff between them would only confuse the reviewer
                out.extend([w.removed(o), w.added(n)])
        out.extend(w.removed(t) for t in olds[paired:])
        out.extend(w.added(t) for t in news[paired:])
    return out


def _similar(old: str, new: str) -> bool:
    return SequenceMatcher(None, _TOKENS.findall(old), _TOKENS.findall(new), autojunk=False).ratio() >= 0.5


def document_lines(doc, ctx) -> list[str]:
    """The text of a build, one paragraph a line (the blocks the DOCX is made of)."""
    return [b.plain() for b in assemble(doc, ctx.profile, ctx.registry) if b.plain()]


def redline_docx(old_lines: list[str], new_lines: list[str], profile, title: str, author: str = "legaldraft",
                 when: dt.datetime | None = None) -> bytes:
    from docx import Document  # lazy: start-up time
    from docx.oxml import parse_xml  # lazy: start-up time
    from docx.oxml.ns import qn  # lazy: start-up time
    from docx.shared import Mm, Pt  # lazy: start-up time

    when = when or dt.datetime.now(dt.timezone.utc)
    date = when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    page = profile.halaman
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(page.lebar_mm), Mm(page.tinggi_mm)
    section.left_margin, section.right_margin = Mm(page.margin_kiri_mm), Mm(page.margin_kanan_mm)
    section.top_margin, section.bottom_margin = Mm(page.margin_atas_mm), Mm(page.margin_bawah_mm)
    normal = doc.styles["Normal"]
    normal.font.name = page.huruf
    normal.font.size = Pt(page.ukuran_huruf)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), page.huruf)
    doc.core_properties.title = title
    body = doc.element.body
    sect = body[-1]
    for xml in redline_paragraphs(old_lines, new_lines, author, date):
        sect.addprevious(parse_xml(xml))
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()

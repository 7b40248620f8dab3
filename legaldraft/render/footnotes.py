"""Word footnotes for the notes of a naskah konsolidasi."""
from __future__ import annotations

from ..naskah.perubahan import NOTE_CLOSE, NOTE_OPEN
import io
from xml.sax.saxutils import escape


def notes_as_footnotes(data: bytes) -> bytes:
    """Turn the note paragraphs of a naskah konsolidasi ('[Diubah dengan …]') into Word footnotes on the
    paragraph before them, so the text reads as in force and the history sits at the foot of the page."""
    from docx import Document  # lazy: start-up time
    from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT  # lazy: start-up time
    from docx.opc.packuri import PackURI  # lazy: start-up time
    from docx.opc.part import XmlPart  # lazy: start-up time
    from docx.oxml import parse_xml  # lazy: start-up time
    from docx.oxml.ns import nsdecls, qn  # lazy: start-up time

    doc = Document(io.BytesIO(data))
    body = doc.element.body
    notes = []
    for p in list(body.iter(qn("w:p"))):
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        previous = p.getprevious()
        if not (text.startswith(f"{NOTE_OPEN}Di") and text.endswith(NOTE_CLOSE)) or previous is None or previous.tag != qn("w:p"):
            continue
        notes.append(text[1:-1])
        previous.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                                  f'<w:footnoteReference w:id="{len(notes)}"/></w:r>'))
        body.remove(p) if p.getparent() is body else p.getparent().remove(p)
    if not notes:
        return data

    entries = "".join(
        f'<w:footnote w:id="{i + 1}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="18"/></w:rPr>'
        f'<w:footnoteRef/></w:r><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {escape(n)}</w:t></w:r>'
        f'</w:p></w:footnote>' for i, n in enumerate(notes))
    xml = (f'<w:footnotes {nsdecls("w")}>'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
           f'{entries}</w:footnotes>')
    if any(rel.reltype == RT.FOOTNOTES for rel in doc.part.rels.values()):
        return data  # a template with its own footnotes: keep the notes as paragraphs
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(xml), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()

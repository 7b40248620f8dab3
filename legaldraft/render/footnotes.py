"""Word footnotes: the part that holds the notes of the blocks that carry one (:attr:`Block.footnote`, the notes
of a naskah konsolidasi). The writer puts each reference mark at the end of its paragraph; this adds the
footnotes part, its relationship and content type."""
from __future__ import annotations

from .package import xml_text  # not html/xml.sax.saxutils: their imports cost start-up time

FOOTNOTE_REFERENCE = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{}"/></w:r>'


def template_has_footnotes(document) -> bool:
    """A template with a footnotes part of its own keeps the notes as paragraphs under their heading."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT  # lazy: start-up time

    return any(rel.reltype == RT.FOOTNOTES for rel in document.part.rels.values())


FOOTNOTES_PARTNAME = "/word/footnotes.xml"


def footnotes_element(notes: list[str]):
    """The footnotes part's XML holding ``notes`` (ids 1..n, as the references in the body)."""
    from docx.oxml import parse_xml  # lazy: start-up time
    from docx.oxml.ns import nsdecls  # lazy: start-up time

    entries = "".join(
        f'<w:footnote w:id="{i + 1}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="18"/></w:rPr>'
        f'<w:footnoteRef/></w:r><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> {xml_text(n)}</w:t></w:r>'
        f'</w:p></w:footnote>' for i, n in enumerate(notes))
    return parse_xml(f'<w:footnotes {nsdecls("w")}>'
                     '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                     '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
                     f'</w:p></w:footnote>{entries}</w:footnotes>')


def footnotes_part(notes: list[str]) -> tuple[str, str, str, bytes]:
    """(part name, content type, relationship type, bytes) of the footnotes part, for a package the writer
    assembles itself: the bytes python-docx would write for it."""
    from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT  # lazy: start-up time
    from docx.opc.oxml import serialize_part_xml  # lazy: start-up time

    return FOOTNOTES_PARTNAME, CT.WML_FOOTNOTES, RT.FOOTNOTES, serialize_part_xml(footnotes_element(notes))


def add_footnotes(document, notes: list[str]) -> None:
    """Relate a footnotes part holding ``notes`` to a python-docx ``document`` (written by its own save)."""
    from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT  # lazy: start-up time
    from docx.opc.packuri import PackURI  # lazy: start-up time
    from docx.opc.part import XmlPart  # lazy: start-up time

    if notes:
        part = XmlPart(PackURI(FOOTNOTES_PARTNAME), CT.WML_FOOTNOTES, footnotes_element(notes), document.part.package)
        document.part.relate_to(part, RT.FOOTNOTES)

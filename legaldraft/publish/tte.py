"""Electronic signature (TTE, BSrE) layout: the placeholders a daerah's signing service stamps over.

The signing service (the daerah's TTE application behind BSrE) finds fixed tags in the PDF and writes the
number, the date and the QR code of the certificate there. With ``tte`` in the daerah profile the document is
laid out for it: a NOMOR not yet given (judul and lampiran heads) carries the nomor tag, an undated "pada tanggal"
of the penetapan the tanggal tag, the empty signature lines one QR tag, and every page's footer the BSrE sentence.
Without ``tte`` nothing changes: the wet-signature layout stays.
"""
from __future__ import annotations

import io
import re
from dataclasses import replace

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..model.profile import TandaTanganElektronik
from ..naskah.blocks import Blocks
from ..render.styles import SIGN

_NOMOR = re.compile(r"^NOMOR \S.*$")


def tte_blocks(blocks, tte: TandaTanganElektronik, is_keputusan: bool = False, tahun: int | None = None):
    """The blocks with the TTE placeholders in place of nomor, date and the blank signature lines."""
    out = []
    in_ttd = False
    blank_run = 0
    for b in blocks:
        if b.style in ("LD Judul", "LD Lampiran Kepala") and _NOMOR.match(b.text) and "..." in b.text:
            b = replace(b, text=f"NOMOR {tte.nomor}" if is_keputusan else f"NOMOR {tte.nomor} TAHUN {tahun or _year(b.text)}")
        if b.style == "LD TTD":
            if b.text.startswith("pada tanggal "):
                in_ttd = True
                if b.text.endswith("..."):
                    b = replace(b, text=f"pada tanggal {tte.tanggal}")
            if b.text == "" and in_ttd:
                blank_run += 1
                b = replace(b, text=tte.ttd if blank_run == 1 else "")
            elif b.text:
                blank_run = 0
        out.append(b)
    return Blocks(out, rancangan=getattr(blocks, "rancangan", False))


def _year(nomor_line: str) -> str:
    m = re.search(r"TAHUN (\S+)$", nomor_line)
    return m.group(1) if m else "..."


#: the box the signing service stamps the QR code of the certificate into (mm)
QR_BOX_MM = 35.0


def finish_docx(docx: bytes, tte: TandaTanganElektronik, halaman) -> bytes:
    """Every page's footer carries the BSrE sentence (small, centred), below what the footer already holds;
    the signature tag stands in a bordered box of :data:`QR_BOX_MM` at the left of the signature column."""
    document = Document(io.BytesIO(docx))
    for section in document.sections:
        footers = [section.footer]
        if section.different_first_page_header_footer:
            footers.append(section.first_page_footer)  # the first page has no page number, but has the sentence
        if document.settings.odd_and_even_pages_header_footer:
            footers.append(section.even_page_footer)
        for footer in footers:
            footer.is_linked_to_previous = False
            para = footer.add_paragraph()
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = para.add_run(tte.catatan_kaki)
            run.italic = True
            run.font.size = Pt(8)
    text_width = halaman.lebar_mm - halaman.margin_kiri_mm - halaman.margin_kanan_mm
    for para in document.paragraphs:
        if para.text == tte.ttd and para.style is not None and para.style.name == "LD TTD":
            _box(para, max(text_width - SIGN - QR_BOX_MM, 0))
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _box(para, right_mm: float) -> None:
    """A single-line border round the paragraph, narrowed from the right to a box about as tall as wide."""
    para.paragraph_format.right_indent = Mm(right_mm)
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for run in para.runs:
        run.font.size = Pt(8)  # the tag stays on one line: the signing service looks for it whole
    ppr = para._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side, space in (("top", "31"), ("left", "4"), ("bottom", "31"), ("right", "4")):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "4")
        edge.set(qn("w:space"), space)
        edge.set(qn("w:color"), "auto")
        borders.append(edge)
    ppr.append(borders)

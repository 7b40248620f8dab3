"""PDF/A-2b through LibreOffice, with the document's metadata, checked before it is handed out.

LibreOffice's ``writer_pdf_Export`` filter writes PDF/A-2b with ``SelectPdfVersion=2`` (given as JSON filter
options to ``--convert-to``, LibreOffice 7.4 and later); it embeds every font and writes the sRGB OutputIntent
and the pdfaid XMP. pikepdf then sets title, subject and keywords from the model in the XMP and the Info
dictionary together (PDF/A wants both to agree), and :func:`check_pdfa` verifies the markers a validator
looks at first. veraPDF is not packaged on PyPI, Debian or npm, so these checks stand in for it:

* XMP ``pdfaid:part`` = 2 and ``pdfaid:conformance`` = B;
* an OutputIntent ``GTS_PDFA1`` with an embedded ICC profile;
* every font used on every page (and in its Form XObjects) embedded (FontFile/FontFile2/FontFile3);
* no encryption, no JavaScript, no embedded files, no transparency groups without a blending colour space
  left unchecked (LibreOffice does not write them);
* Info and XMP agree on the title.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from ..ioutil import atomic_write_bytes
from ..render.pdf import convert_batch
from ..render.pipeline import docx_bytes, document_blocks
from .jdih import judul_lengkap, nama_jenis, tentang
from .tte import tte_blocks

FILTER = "pdf:writer_pdf_Export:" + json.dumps({"SelectPdfVersion": {"type": "long", "value": "2"},
                                                 "UseTaggedPDF": {"type": "boolean", "value": "true"}})


@dataclass
class Metadata:
    title: str
    subject: str = ""
    keywords: list[str] = field(default_factory=list)
    author: str = ""
    language: str = "id-ID"


def metadata_of(doc, profile) -> Metadata:
    """Title, subject and keywords from the model: 'Peraturan Bupati Purwakarta Nomor 12 Tahun 2026 tentang …'."""
    subject = tentang(doc, profile)
    keywords = [nama_jenis(doc, profile), profile.nama_daerah]
    if doc.nomor:
        keywords.append(f"Nomor {doc.nomor}")
    if doc.tahun:
        keywords.append(str(doc.tahun))
    keywords.append("rancangan" if doc.is_rancangan else "ditetapkan")
    return Metadata(judul_lengkap(doc, profile), subject, keywords, f"{profile.kepala_daerah} {profile.nama}")


def convert_pdfa(docx_files: list[Path], out_dir: Path, timeout: float | None = None) -> list[Path]:
    """Each DOCX to ``<stem>.pdf`` (PDF/A-2b) in ``out_dir``: one LibreOffice run for the batch."""
    return convert_batch(docx_files, out_dir, timeout, export_filter=FILTER)


def set_metadata(pdf: Path, meta: Metadata) -> None:
    """Title, subject, keywords and author into XMP and Info at once; the file is replaced atomically."""
    with pikepdf.open(pdf) as p:
        with p.open_metadata(set_pikepdf_as_editor=False) as xmp:
            xmp["dc:title"] = meta.title
            xmp["dc:description"] = meta.subject
            xmp["dc:subject"] = meta.keywords
            xmp["pdf:Keywords"] = ", ".join(meta.keywords)
            if meta.author:
                xmp["dc:creator"] = [meta.author]
            xmp["dc:language"] = [meta.language]
        tmp = pdf.with_name(f".{pdf.name}.tmp")
        p.save(tmp)
    os.replace(tmp, pdf)


@dataclass
class PdfaReport:
    path: Path
    problems: list[str] = field(default_factory=list)
    fonts: int = 0
    pages: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def _fonts(resources, seen: set, out: list) -> None:
    if resources is None:
        return
    fonts = resources.get("/Font")
    if fonts is not None:
        for name, font in fonts.items():
            if font.objgen in seen and font.objgen != (0, 0):
                continue
            seen.add(font.objgen)
            out.append((str(name), font))
    xobjects = resources.get("/XObject")
    if xobjects is not None:
        for _, xo in xobjects.items():
            if isinstance(xo, pikepdf.Stream) and xo.get("/Subtype") == "/Form" and xo.objgen not in seen:
                seen.add(xo.objgen)
                _fonts(xo.get("/Resources"), seen, out)


def _embedded(font) -> bool:
    subtype = font.get("/Subtype")
    if subtype == "/Type3":
        return True  # glyphs are content streams of the font itself
    if subtype == "/Type0":
        descendants = font.get("/DescendantFonts")
        return bool(descendants) and all(_embedded(d) for d in descendants)
    desc = font.get("/FontDescriptor")
    return desc is not None and any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def check_pdfa(pdf: Path) -> PdfaReport:
    """The PDF/A-2b markers of one file (see the module docstring); problems in Indonesian."""
    report = PdfaReport(Path(pdf))
    try:
        p = pikepdf.open(pdf)
    except pikepdf.PasswordError:
        report.problems.append("PDF terenkripsi (PDF/A melarang enkripsi)")
        return report
    with p:
        if p.is_encrypted:
            report.problems.append("PDF terenkripsi (PDF/A melarang enkripsi)")
        meta = p.open_metadata()
        part, conf = meta.get("pdfaid:part"), meta.get("pdfaid:conformance")
        if str(part) != "2" or str(conf).upper() != "B":
            report.problems.append(f"penanda XMP PDF/A bukan 2B (pdfaid:part={part}, pdfaid:conformance={conf})")
        intents = p.Root.get("/OutputIntents")
        if not intents or not any(i.get("/S") == "/GTS_PDFA1" and "/DestOutputProfile" in i for i in intents):
            report.problems.append("tidak ada OutputIntent GTS_PDFA1 dengan profil ICC")
        names = p.Root.get("/Names")
        if names is not None and ("/JavaScript" in names or "/EmbeddedFiles" in names):
            report.problems.append("PDF memuat JavaScript atau berkas sisipan")
        info_title = str(p.docinfo.get("/Title", "")) if p.docinfo is not None else ""
        if info_title and meta.get("dc:title") and info_title != str(meta.get("dc:title")):
            report.problems.append("judul di Info dan XMP berbeda")
        seen: set = set()
        fonts: list = []
        for page in p.pages:
            report.pages += 1
            _fonts(page.obj.get("/Resources"), seen, fonts)
        report.fonts = len(fonts)
        for name, font in fonts:
            if not _embedded(font):
                base = str(font.get("/BaseFont", name))
                report.problems.append(f"huruf tidak disematkan: {base.lstrip('/')}")
    return report


def build_pdfa(doc, ctx, out_dir: Path, stem: str) -> tuple[Path, PdfaReport]:
    """DOCX (laid out for TTE when the profile says so) -> PDF/A-2b with metadata -> checked."""
    with tempfile.TemporaryDirectory(prefix="legaldraft-pdfa-docx-") as tmp:
        docx = Path(tmp) / f"{stem}.docx"
        atomic_write_bytes(docx, signing_docx(doc, ctx))
        pdf = convert_pdfa([docx], out_dir)[0]
    set_metadata(pdf, metadata_of(doc, ctx.profile))
    return pdf, check_pdfa(pdf)


def signing_docx(doc, ctx, note: str | None = None) -> bytes:
    """The DOCX the PDF/A is made from: the ordinary one, or with the TTE placeholders and footer (``note``: the
    reason a final document with error findings was built, kept in the document properties as in the DOCX)."""
    blocks = document_blocks(doc, ctx)
    tte = ctx.profile.tte
    if tte is not None:
        blocks = tte_blocks(blocks, tte, is_keputusan=doc.jenis == "keputusan", tahun=doc.tahun)
    # written as build writes the DOCX beside it (page mark, lambang rule, the note in the properties), with the BSrE
    # sentence in every footer when laid out for an electronic signature
    return docx_bytes(doc, ctx, note, blocks, title=metadata_of(doc, ctx.profile).title,
                      footer_note=tte.catatan_kaki if tte is not None else None)

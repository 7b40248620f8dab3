"""The source document under review: its paragraphs (with their places) and its import.

A DOCX is read by :mod:`legaldraft.wordml.reader` (accepted-all text, Word numbering labels, pages where Word
recorded them); an ODT is converted to DOCX by LibreOffice first, so that its paragraphs are read the same
way; a PDF is read with pdftotext (one paragraph per line, pages from the form feeds); a text file line by
line. The import is the ordinary importer's, so a review checks exactly what ``legaldraft import`` would
write, and the findings are then placed back on these paragraphs (:mod:`.locate`).
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..wordml.reader import Package, SourcePara, paragraphs, read_package

SUFFIXES = (".docx", ".odt", ".pdf", ".txt")


class SourceError(ValueError):
    """The file cannot be read as a document (for people: one Indonesian sentence)."""


@dataclass
class SourceDoc:
    path: Path
    kind: str                           # docx, pdf, text
    paras: list[SourcePara]
    package: Optional[Package] = None
    converted_from: Optional[Path] = None   # the ODT a DOCX was made from
    imported: object = None             # importer.Imported
    extra: dict = field(default_factory=dict)

    def unit(self) -> str:
        return "paragraf" if self.kind == "docx" else "baris"


def is_source(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def odt_to_docx(path: Path, out_dir: Path) -> Path:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        raise SourceError("LibreOffice (soffice) tidak ada di PATH; ODT dibaca dengan mengubahnya ke DOCX")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                               "docx:MS Word 2007 XML", "--outdir", str(out_dir), str(path)],
                              capture_output=True, timeout=180)
    target = out_dir / f"{path.stem}.docx"
    if done.returncode != 0 or not target.exists():
        raise SourceError(f"LibreOffice gagal mengubah {path.name} ke DOCX")
    return target


def read_source(path: str | Path, work_dir: Optional[Path] = None) -> SourceDoc:
    """Paragraphs of ``path`` (DOCX, ODT, PDF or text)."""
    path = Path(path)
    suffix = path.suffix.lower()
    from ..importer import ImportError_, check_source  # lazy: start-up time

    try:
        check_source(path)      # the importer's limits (size, zip bombs, DTD, element count) before any work
    except ImportError_ as exc:
        raise SourceError(f"{path.name}: {exc}") from None
    if suffix == ".odt":
        work = work_dir or Path(tempfile.mkdtemp(prefix="legaldraft-odt-"))
        doc = read_source(odt_to_docx(path, work))
        doc.converted_from = path
        return doc
    if suffix == ".docx":
        try:
            pkg = read_package(path)
        except (OSError, ValueError, KeyError) as exc:
            raise SourceError(f"{path.name}: bukan DOCX yang dapat dibaca ({exc})") from None
        except Exception as exc:  # zipfile.BadZipFile, lxml syntax errors
            raise SourceError(f"{path.name}: bukan DOCX yang dapat dibaca ({type(exc).__name__})") from None
        return SourceDoc(path, "docx", paragraphs(pkg), pkg)
    paras = []
    kind = "pdf" if suffix == ".pdf" else "text"
    if kind == "pdf":
        if not shutil.which("pdftotext"):
            raise SourceError("pdftotext tidak ada di PATH (pasang poppler-utils) untuk membaca PDF")
        lines = []
        for page_no, page_text in enumerate(_pdf_pages(path), start=1):
            lines.extend((page_no, ln) for ln in page_text.split("\n"))
    else:
        from ..importer import source_text  # lazy: start-up time

        try:
            text = source_text(path)
        except OSError as exc:
            raise SourceError(f"{path.name}: tidak dapat dibaca ({exc.strerror or exc})") from None
        lines = [(None, ln) for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    for i, (page, line) in enumerate(lines, start=1):
        paras.append(SourcePara(i, None, line, page=page))
    return SourceDoc(path, kind, paras)


def _pdf_pages(path: Path) -> list[str]:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, timeout=120)
    if done.returncode != 0:
        raise SourceError(f"pdftotext gagal membaca {path.name}")
    pages = done.stdout.decode("utf-8", "replace").split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return pages


def import_source(doc: SourceDoc, spec_dir: Optional[Path] = None):
    """The ordinary import of the source (the importer reads the file itself; positions come from
    :mod:`.locate`, so the importer needs no change)."""
    from ..importer import ImportError_, import_file, import_text  # lazy: start-up time

    try:
        if doc.kind == "docx":
            result = import_file(doc.path, spec_dir)
        else:
            result = import_text("\n".join(p.text for p in doc.paras), spec_dir)
    except ImportError_ as exc:
        raise SourceError(f"{doc.path.name}: {exc}") from None
    doc.imported = result
    return result

"""Importer: an existing Peraturan / Keputusan of a regional head (DOCX, ODT, RTF, HTML, text, PDF, a scanned PDF)
becomes a spec.

``import_file(path)`` -> :class:`Imported` (spec dict, daerah profile, notes); ``spec_yaml(imported)`` gives the
YAML; ``write(imported, target)`` writes the spec and, when the daerah has no profile yet, profil/<daerah>.yaml.
The spec is validated with the ordinary loader before it is returned, so an import is always a valid spec.
"""
from __future__ import annotations

from pathlib import Path

from .parse import DocumentParser, Imported
from .text import Notes, source_lines

__all__ = ["import_file", "import_text", "import_lines", "spec_yaml", "write", "source_text", "Imported"]


class ImportError_(Exception):
    """The file cannot be read as a document (format, encoding, pdftotext missing, a limit of legaldraft.limits)."""


#: packages (zip) checked for bombs before anything unpacks them
ZIP_SUFFIXES = {".docx": "DOCX", ".docm": "DOCX", ".odt": "ODT"}
#: read as paragraphs: DOCX directly, ODT/RTF/HTML through pandoc into a DOCX (importer.formats)
WORD_SUFFIXES = (".docx", ".odt", ".rtf", ".html", ".htm")
SUFFIXES = WORD_SUFFIXES + (".pdf", ".txt", ".text", ".md")


def check_source(path: Path) -> None:
    """Limits checked before any work on a source (see :mod:`legaldraft.limits`): a regular file within its size;
    a DOCX/ODT a sound zip whose members stay within their sizes, ratio and XML element count, without DTD."""
    from .. import limits  # lazy: start-up time

    suffix = path.suffix.lower()
    try:
        if suffix in ZIP_SUFFIXES:
            limits.check_zip(path, ZIP_SUFFIXES[suffix])
        elif suffix == ".pdf":
            limits.check_regular(path, limits.limit("MAX_IMPORT_BYTES"), "PDF")
        else:
            limits.check_regular(path, limits.limit("MAX_IMPORT_TEXT_BYTES"), "berkas teks")
    except limits.LimitError as exc:
        raise ImportError_(str(exc)) from None


def _docx_lines(path: Path):
    """python-docx over a package that passed :func:`check_source`; a package it cannot read is bad input."""
    import zipfile  # lazy: start-up time
    import zlib  # lazy: start-up time

    from lxml import etree  # lazy: start-up time

    from .docx import docx_lines  # lazy: start-up time

    try:
        return docx_lines(path)
    except (KeyError, ValueError, TypeError, AttributeError, EOFError, zipfile.BadZipFile, zlib.error,
            etree.LxmlError) as exc:
        raise ImportError_(f"bukan DOCX yang dapat dibaca ({type(exc).__name__}: {str(exc)[:120]})") from None


def _word_lines(path: Path):
    """Paragraph lines of a DOCX, or of an ODT/RTF/HTML converted by pandoc into a DOCX (importer.formats)."""
    if path.suffix.lower() in (".docx", ".docm"):
        return _docx_lines(path)
    from .formats import FormatError, docx_lines_of  # lazy: pandoc only for ODT, RTF and HTML

    try:
        return docx_lines_of(path)
    except FormatError as exc:
        raise ImportError_(str(exc)) from None


_PDF_CACHE: dict = {}     # the last PDF read (OCR takes seconds a page; import and report read it twice)


def source_text(path: Path) -> str:
    """The document's text as the importer reads it (DOCX/ODT/RTF/HTML paragraphs, PDF via pdftotext -layout,
    a scanned PDF via OCR)."""
    from .. import limits  # lazy: start-up time

    check_source(path)
    suffix = path.suffix.lower()
    if suffix in WORD_SUFFIXES:
        text = "\n".join(ln.text if ln.table is None else "\n".join(" | ".join(r) for r in ln.table)
                         for ln in _word_lines(path))
        return _bounded(text)
    if suffix == ".pdf":
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        if key not in _PDF_CACHE:
            _PDF_CACHE.clear()
            _PDF_CACHE[key] = _bounded(_pdf_text(path))
        return _PDF_CACHE[key]
    try:
        raw = limits.read_regular(path, limits.limit("MAX_IMPORT_TEXT_BYTES"), "berkas teks")
    except limits.LimitError as exc:
        raise ImportError_(str(exc)) from None
    try:
        return _bounded(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return _bounded(raw.decode("cp1252", "replace"))


def _pdf_text(path: Path) -> str:
    """pdftotext -layout within the limits; a PDF without a text layer (a scan) through OCR."""
    import shutil  # lazy: start-up time
    import subprocess  # lazy: start-up time

    from .. import limits  # lazy: start-up time
    from .formats import FormatError, needs_ocr, ocr_pdf, pdf_pages  # lazy: OCR only for PDFs

    if not shutil.which("pdftotext"):
        raise ImportError_("pdftotext tidak ada di PATH (pasang poppler-utils) untuk membaca PDF")
    try:
        done = subprocess.run(["pdftotext", "-layout", "-l", str(limits.limit("MAX_PDF_PAGES")), str(path), "-"],
                              capture_output=True, timeout=limits.PDFTOTEXT_TIMEOUT,
                              preexec_fn=limits.cap_child_memory(limits.PDFTOTEXT_MEMORY))
    except subprocess.TimeoutExpired:
        raise ImportError_(f"pdftotext tidak selesai dalam {limits.PDFTOTEXT_TIMEOUT} detik") from None
    if done.returncode != 0:
        raise ImportError_(f"pdftotext gagal membaca {path.name} (bukan PDF yang utuh?)")
    text = done.stdout.decode("utf-8", "replace").replace("\f", "\n")
    pages = min(pdf_pages(path), limits.limit("MAX_PDF_PAGES"))
    if needs_ocr(text, pages):          # a scan without a text layer
        try:
            return ocr_pdf(path, pages)
        except FormatError as exc:
            raise ImportError_(str(exc)) from None
    return text


def _bounded(text: str) -> str:
    from .. import limits  # lazy: start-up time

    try:
        return limits.check_text_length(text)
    except limits.LimitError as exc:
        raise ImportError_(str(exc)) from None


def import_file(path: str | Path, spec_dir: Path | None = None) -> Imported:
    path = Path(path)
    check_source(path)
    if path.suffix.lower() in WORD_SUFFIXES:
        from .text import clean, is_page_furniture, mend_anchor_lines  # lazy: start-up time

        notes = Notes()
        lines = [ln for ln in _word_lines(path) if ln.table is not None or not is_page_furniture(clean(ln.text))]
        lines = mend_anchor_lines(lines, notes)
        _bounded("\n".join(ln.text for ln in lines))
        return import_lines(lines, notes, spec_dir)
    return import_text(source_text(path), spec_dir)


def import_text(text: str, spec_dir: Path | None = None) -> Imported:
    notes = Notes()
    return import_lines(source_lines(text, notes), notes, spec_dir)


def import_lines(lines, notes: Notes, spec_dir: Path | None = None) -> Imported:
    from .. import limits  # lazy: start-up time
    from ..spec.errors import SpecError  # lazy: start-up time
    from .finish import finish  # lazy: start-up time
    from .layout import normalise_opening  # lazy: start-up time

    longest = max(lines, key=lambda ln: len(ln.text), default=None)
    if longest is not None and len(longest.text) > limits.limit("MAX_TEXT_CHARS"):
        # no spec can hold it (the loader refuses such a text), so say so before the work, with its place
        raise ImportError_(f"baris {longest.no}: paragraf terlalu panjang ({len(longest.text)} karakter; "
                           f"batas {limits.limit('MAX_TEXT_CHARS')})")
    result = DocumentParser(normalise_opening(lines, notes), notes, spec_dir).parse()
    try:
        return finish(result)
    except SpecError as exc:      # the structure read from this copy is not one the model accepts: said, not a crash
        first = exc.problems[0].message if getattr(exc, "problems", None) else str(exc)
        raise ImportError_(f"susunan naskah tidak dapat dibaca menjadi spec yang sah ({first[:160]}); "
                           "periksa salinan sumber (judul BAB, Pasal) atau kirimkan contohnya") from None


def spec_yaml(result: Imported) -> str:
    from .finish import dump  # lazy: start-up time

    return dump(result.spec)


def write(result: Imported, target: Path, force_profile: bool = False) -> list[Path]:
    from .finish import write_files  # lazy: start-up time

    return write_files(result, Path(target), force_profile)

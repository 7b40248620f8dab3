"""Importer: an existing Perbup / Keputusan (DOCX, text, PDF) becomes a spec.

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
    """The file cannot be read as a document (format, encoding, pdftotext missing)."""


def _lines_text(lines) -> str:
    return "\n".join(ln.text if ln.table is None else "\n".join(" | ".join(r) for r in ln.table) for ln in lines)


def _word_lines(path: Path):
    """Paragraph lines of a DOCX, or of an ODT/RTF/HTML through pandoc (importer.formats)."""
    if path.suffix.lower() == ".docx":
        from .docx import docx_lines  # lazy: start-up time

        return docx_lines(path)
    from .formats import FormatError, docx_lines_of  # lazy: pandoc only for ODT, RTF and HTML

    try:
        return docx_lines_of(path)
    except FormatError as exc:
        raise ImportError_(str(exc)) from None


WORD_SUFFIXES = (".docx", ".odt", ".rtf", ".html", ".htm")
SUFFIXES = WORD_SUFFIXES + (".pdf", ".txt", ".text", ".md")


_PDF_CACHE: dict = {}     # the last PDF read (OCR takes seconds a page; import and report read it twice)


def source_text(path: Path) -> str:
    """The document's text as the importer reads it (DOCX/ODT/RTF/HTML paragraphs, PDF via pdftotext -layout,
    a scanned PDF via OCR)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        if key not in _PDF_CACHE:
            _PDF_CACHE.clear()
            _PDF_CACHE[key] = _pdf_text(path)
        return _PDF_CACHE[key]
    if suffix in WORD_SUFFIXES:
        return _lines_text(_word_lines(path))
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def _pdf_text(path: Path) -> str:
    import shutil  # lazy: start-up time
    import subprocess  # lazy: start-up time

    from .formats import FormatError, needs_ocr, ocr_pdf, pdf_pages  # lazy: OCR only for PDFs

    if not shutil.which("pdftotext"):
        raise ImportError_("pdftotext tidak ada di PATH (pasang poppler-utils) untuk membaca PDF")
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, timeout=120)
    if done.returncode != 0:
        raise ImportError_(f"pdftotext gagal membaca {path.name}")
    text = done.stdout.decode("utf-8", "replace").replace("\f", "\n")
    pages = pdf_pages(path)
    if needs_ocr(text, pages):          # a scan without a text layer
        try:
            return ocr_pdf(path, pages)
        except FormatError as exc:
            raise ImportError_(str(exc)) from None
    return text


def import_file(path: str | Path, spec_dir: Path | None = None) -> Imported:
    path = Path(path)
    if path.suffix.lower() in WORD_SUFFIXES:
        from .text import clean, is_page_furniture  # lazy: start-up time

        notes = Notes()
        lines = [ln for ln in _word_lines(path) if ln.table is not None or not is_page_furniture(clean(ln.text))]
        return import_lines(lines, notes, spec_dir)
    return import_text(source_text(path), spec_dir)


def import_text(text: str, spec_dir: Path | None = None) -> Imported:
    notes = Notes()
    return import_lines(source_lines(text, notes), notes, spec_dir)


def import_lines(lines, notes: Notes, spec_dir: Path | None = None) -> Imported:
    from .finish import finish  # lazy: start-up time
    from .layout import normalise_opening  # lazy: start-up time

    from ..spec.errors import SpecError  # lazy: start-up time

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

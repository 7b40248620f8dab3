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


def source_text(path: Path) -> str:
    """The document's text as the importer reads it (DOCX paragraphs, PDF via pdftotext -layout)."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        from .docx import docx_lines

        return "\n".join(ln.text if ln.table is None else "\n".join(" | ".join(r) for r in ln.table)
                         for ln in docx_lines(path))
    if suffix == ".pdf":
        import shutil
        import subprocess

        if not shutil.which("pdftotext"):
            raise ImportError_("pdftotext tidak ada di PATH (pasang poppler-utils) untuk membaca PDF")
        done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, timeout=120)
        if done.returncode != 0:
            raise ImportError_(f"pdftotext gagal membaca {path.name}")
        return done.stdout.decode("utf-8", "replace").replace("\f", "\n")
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def import_file(path: str | Path, spec_dir: Path | None = None) -> Imported:
    path = Path(path)
    if path.suffix.lower() == ".docx":
        from .docx import docx_lines
        from .text import clean, is_page_furniture

        notes = Notes()
        lines = [ln for ln in docx_lines(path) if ln.table is not None or not is_page_furniture(clean(ln.text))]
        return import_lines(lines, notes, spec_dir)
    return import_text(source_text(path), spec_dir)


def import_text(text: str, spec_dir: Path | None = None) -> Imported:
    notes = Notes()
    return import_lines(source_lines(text, notes), notes, spec_dir)


def import_lines(lines, notes: Notes, spec_dir: Path | None = None) -> Imported:
    from .finish import finish
    from .layout import normalise_opening

    result = DocumentParser(normalise_opening(lines, notes), notes, spec_dir).parse()
    return finish(result)


def spec_yaml(result: Imported) -> str:
    from .finish import dump

    return dump(result.spec)


def write(result: Imported, target: Path, force_profile: bool = False) -> list[Path]:
    from .finish import write_files

    return write_files(result, Path(target), force_profile)

"""Other input formats, brought onto the paths the importer already reads.

* ODT (LibreOffice, common in pemda), RTF and HTML (JDIH pages) are converted by pandoc (``pypandoc`` with the
  ``pypandoc-binary`` wheel, which carries pandoc itself) into DOCX, then read as any DOCX: same paragraphs,
  same tables, same layout-table handling.
* A PDF without a text layer (a scan: most of a Bagian Hukum's archive and many JDIH files) is read by OCR:
  ``pdftoppm`` rasterises each page, ``tesseract`` with Indonesian data (``-l ind``; Debian packages
  ``tesseract-ocr`` and ``tesseract-ocr-ind``) reads it. Without them the import is refused with a message that
  says what to install. Every external step is bounded in time and in pages.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

PANDOC_SUFFIXES = {".odt": "odt", ".rtf": "rtf", ".html": "html", ".htm": "html"}
PANDOC_SECONDS = 60
OCR_MAX_PAGES = 80
OCR_DPI = 300
OCR_SECONDS_PER_PAGE = 60
# a page with fewer words than this in its text layer is taken for a scan
MIN_WORDS_PER_PAGE = 15


class FormatError(Exception):
    """The input cannot be converted (a tool missing, a conversion failed); the message says what to do."""


def to_docx(path: Path, workdir: Path) -> Path:
    """ODT/RTF/HTML -> DOCX in ``workdir`` through pandoc (the binary of pypandoc-binary), bounded in time."""
    try:
        import pypandoc  # lazy: the pandoc binary is located on first use
    except ImportError:   # pragma: no cover - a dependency of the package
        raise FormatError("pypandoc tidak terpasang (pip install pypandoc-binary) untuk membaca "
                          f"{path.suffix.lower()}") from None
    try:
        pandoc = pypandoc.get_pandoc_path()
    except OSError:
        raise FormatError("pandoc tidak ditemukan (pip install pypandoc-binary)") from None
    target = workdir / "naskah.docx"
    try:
        done = subprocess.run([pandoc, "--from", PANDOC_SUFFIXES[path.suffix.lower()], "--to", "docx", "--quiet",
                               "--output", str(target), str(path)], capture_output=True, timeout=PANDOC_SECONDS)
    except subprocess.TimeoutExpired:
        raise FormatError(f"pandoc tidak selesai membaca {path.name} dalam {PANDOC_SECONDS} detik") from None
    if done.returncode != 0 or not target.is_file():
        first = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["gagal"])[0]
        raise FormatError(f"pandoc tidak dapat membaca {path.name}: {first[:200]}")
    return target


def docx_lines_of(path: Path):
    """Lines of an ODT/RTF/HTML file, read through a temporary DOCX."""
    from .docx import docx_lines  # lazy: start-up time

    with tempfile.TemporaryDirectory(prefix="legaldraft-") as tmp:
        return docx_lines(to_docx(path, Path(tmp)))


def pdf_pages(path: Path) -> int:
    done = subprocess.run(["pdfinfo", str(path)], capture_output=True, timeout=60)
    m = re.search(rb"^Pages:\s+(\d+)", done.stdout, re.M)
    return int(m.group(1)) if m else 0


def needs_ocr(text: str, pages: int) -> bool:
    words = len(re.findall(r"[A-Za-z]{2,}", text))
    return words < MIN_WORDS_PER_PAGE * max(pages, 1)


def ocr_available() -> str | None:
    """None when OCR can run, else what to install (in Indonesian, for the message)."""
    if not shutil.which("pdftoppm"):
        return "pdftoppm (poppler-utils)"
    if not shutil.which("tesseract"):
        return "tesseract-ocr dan tesseract-ocr-ind"
    done = subprocess.run(["tesseract", "--list-langs"], capture_output=True, timeout=30)
    if b"\nind" not in done.stdout and not done.stdout.startswith(b"ind"):
        return "data bahasa Indonesia tesseract (tesseract-ocr-ind)"
    return None


def ocr_pdf(path: Path, pages: int) -> str:
    missing = ocr_available()
    if missing:
        raise FormatError(f"{path.name} adalah hasil pindai tanpa lapisan teks; untuk membacanya dengan OCR pasang "
                          f"{missing} (Debian/Ubuntu: sudo apt-get install tesseract-ocr tesseract-ocr-ind poppler-utils; "
                          "'make install' memasangnya bila dapat)")
    if pages > OCR_MAX_PAGES:
        raise FormatError(f"{path.name}: {pages} halaman pindaian; batas OCR {OCR_MAX_PAGES} halaman")
    out = []
    with tempfile.TemporaryDirectory(prefix="legaldraft-ocr-") as tmp:
        prefix = Path(tmp) / "hal"
        subprocess.run(["pdftoppm", "-r", str(OCR_DPI), "-gray", "-png", str(path), str(prefix)],
                       capture_output=True, timeout=OCR_SECONDS_PER_PAGE * max(pages, 1), check=False)
        images = sorted(Path(tmp).glob("hal*.png"))
        if not images:
            raise FormatError(f"{path.name}: halaman PDF tidak dapat dirasterkan untuk OCR")
        for image in images:
            done = subprocess.run(["tesseract", str(image), "stdout", "-l", "ind", "--psm", "4"],
                                  capture_output=True, timeout=OCR_SECONDS_PER_PAGE)
            if done.returncode != 0:
                raise FormatError(f"{path.name}: tesseract gagal membaca {image.name}")
            out.append(done.stdout.decode("utf-8", "replace"))
    return "\n".join(out)

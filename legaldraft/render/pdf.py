"""DOCX -> PDF with LibreOffice in headless mode.

A batch is converted by one LibreOffice process (``soffice --convert-to pdf a.docx b.docx …``), so the
start-up cost (~1 s) is paid once per batch, not once per document. Each run gets its own throw-away
user profile, so two builds at once never fight over LibreOffice's profile lock. Output is converted into
a temporary folder and moved into place atomically.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..ioutil import atomic_copy

INSTALL_HINT = ("LibreOffice tidak ditemukan; DOCX tetap ditulis. Untuk PDF pasang LibreOffice: "
                "Debian/Ubuntu 'sudo apt-get install libreoffice-writer-nogui fonts-texgyre fonts-liberation', "
                "Windows/macOS: unduh dari libreoffice.org, lalu jalankan ulang dengan --pdf.")


class PdfUnavailable(RuntimeError):
    pass


def soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in ("/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice"):
        if os.path.exists(candidate):
            return candidate
    return None


def convert_many(docx_files: list[Path], out_dir: Path, timeout: float = 600) -> list[Path]:
    """Convert every DOCX into ``out_dir``; returns the PDFs written. Raises PdfUnavailable without LibreOffice."""
    if not docx_files:
        return []
    exe = soffice()
    if exe is None:
        raise PdfUnavailable(INSTALL_HINT)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="legaldraft-pdf-") as tmp:
        profile = Path(tmp) / "profile"
        stage = Path(tmp) / "out"
        stage.mkdir()
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore", "--nologo",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(stage), *[str(p) for p in docx_files]]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout,
                              env={**os.environ, "HOME": tmp})
        written = []
        for docx in docx_files:
            pdf = stage / (Path(docx).stem + ".pdf")
            if not pdf.exists():
                raise RuntimeError(f"LibreOffice gagal mengubah {docx} ke PDF: {proc.stderr.decode(errors='replace')[-300:]}")
            target = out_dir / pdf.name
            atomic_copy(pdf, target)
            written.append(target)
        return written

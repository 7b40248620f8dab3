"""DOCX -> PDF with LibreOffice in headless mode.

Two ways, the faster first:

* **warm**: a LibreOffice kept running behind unoserver (``pip install unoserver``; the server needs a
  python3 with LibreOffice's ``uno`` module, on Debian ``apt-get install python3-uno``). legaldraft uses
  it when one answers at ``LEGALDRAFT_UNOSERVER`` (``host:port``, e.g. ``127.0.0.1:2003``); start one with
  :func:`start_warm_server` or ``python3 -m unoserver.server``. About 0.1–0.6 s per document.
* **batch** (fallback, and the default): one ``soffice --convert-to pdf a.docx b.docx …`` per batch, so the
  start-up cost (~1 s) is paid once per batch, not once per document. Each run gets its own throw-away
  user profile, so two builds at once never fight over LibreOffice's profile lock.

Output is converted into a temporary folder and moved into place atomically. Without LibreOffice the
caller keeps the DOCX and shows :data:`INSTALL_HINT`.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

INSTALL_HINT = ("LibreOffice tidak ditemukan; DOCX tetap ditulis. Untuk PDF pasang LibreOffice: "
                "Debian/Ubuntu 'sudo apt-get install libreoffice-writer-nogui fonts-texgyre fonts-liberation', "
                "Windows/macOS: unduh dari libreoffice.org, lalu jalankan ulang dengan --pdf.")
SERVER_ENV = "LEGALDRAFT_UNOSERVER"


class PdfError(RuntimeError):
    """No PDF: LibreOffice missing, failed, or past its time (the DOCX stay written)."""


class PdfUnavailable(PdfError):
    pass


class PdfFailed(PdfError):
    pass


class PdfTimeout(PdfError):
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


def _move_into(pdf: Path, out_dir: Path) -> Path:
    from ..ioutil import atomic_copy  # lazy: start-up time

    target = out_dir / pdf.name
    atomic_copy(pdf, target)
    return target


# -- batch: one soffice process for the whole list ------------------------------------------------------
def convert_batch(docx_files: list[Path], out_dir: Path, timeout: float | None = None,
                  export_filter: str = "pdf:writer_pdf_Export") -> list[Path]:
    """One soffice for the whole list. Past ``timeout`` seconds soffice and every process it started (its own
    process group) are killed and :class:`PdfTimeout` is raised; a failed conversion raises :class:`PdfFailed`."""
    from ..limits import PDF_TIMEOUT  # lazy: start-up time

    timeout = PDF_TIMEOUT if timeout is None else timeout
    exe = soffice()
    if exe is None:
        raise PdfUnavailable(INSTALL_HINT)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="legaldraft-pdf-") as tmp:
        profile = Path(tmp) / "profile"
        stage = Path(tmp) / "out"
        stage.mkdir()
        cmd = [exe, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nologo",
               "--convert-to", export_filter, "--outdir", str(stage), *[str(p) for p in docx_files]]
        try:
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "HOME": tmp},
                                    start_new_session=True)
        except OSError as exc:
            raise PdfFailed(f"LibreOffice ({exe}) tidak dapat dijalankan: {exc.strerror or exc}") from None
        try:
            _, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            raise PdfTimeout(f"LibreOffice tidak selesai dalam {timeout:g} detik; prosesnya dihentikan "
                             "(naikkan --pdf-timeout bila naskahnya memang besar)") from None
        except BaseException:
            _kill_group(proc)
            raise
        written = []
        for docx in docx_files:
            pdf = stage / (Path(docx).stem + ".pdf")
            if not pdf.exists():
                detail = " ".join(stderr.decode(errors="replace").split())[-200:]
                raise PdfFailed(f"LibreOffice gagal mengubah {Path(docx).name} ke PDF (kode {proc.returncode}"
                                + (f": {detail}" if detail else "") + ")")
            written.append(_move_into(pdf, out_dir))
        return written


def _kill_group(proc: subprocess.Popen) -> None:
    """Kill soffice and everything it started (soffice.bin, oosplash): the whole process group."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, AttributeError):
        proc.kill()
    try:
        proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:  # pragma: no cover - a process that survives SIGKILL
        pass


# -- warm: a running unoserver --------------------------------------------------------------------------
def warm_server_address() -> tuple[str, int] | None:
    """``(host, port)`` of a unoserver named by LEGALDRAFT_UNOSERVER that accepts connections, else None."""
    value = os.environ.get(SERVER_ENV, "").strip()
    if not value:
        return None
    host, _, port = value.rpartition(":")
    try:
        address = (host or "127.0.0.1", int(port))
        with socket.create_connection(address, timeout=0.5):
            return address
    except (ValueError, OSError):
        return None


def convert_warm(docx_files: list[Path], out_dir: Path, address: tuple[str, int], timeout: float | None = None) -> list[Path]:
    """Through a running unoserver; its XML-RPC calls time out after ``timeout`` seconds (then the caller falls
    back to the batch call, which has its own timeout)."""
    previous = socket.getdefaulttimeout()
    socket.setdefaulttimeout(timeout)
    try:
        return _convert_warm(docx_files, out_dir, address)
    finally:
        socket.setdefaulttimeout(previous)


def _convert_warm(docx_files: list[Path], out_dir: Path, address: tuple[str, int]) -> list[Path]:
    from unoserver.client import UnoClient  # lazy: start-up time

    client = UnoClient(server=address[0], port=str(address[1]), host_location="remote")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="legaldraft-pdf-") as tmp:
        for docx in docx_files:
            data = client.convert(indata=Path(docx).read_bytes(), convert_to="pdf", filtername="writer_pdf_Export")
            pdf = Path(tmp) / (Path(docx).stem + ".pdf")
            pdf.write_bytes(data)
            written.append(_move_into(pdf, out_dir))
    return written


def convert_many(docx_files: list[Path], out_dir: Path, timeout: float | None = None) -> list[Path]:
    """Convert every DOCX into ``out_dir``; returns the PDFs written. Raises PdfUnavailable without LibreOffice."""
    if not docx_files:
        return []
    address = warm_server_address()
    if address is not None:
        try:
            from ..limits import PDF_TIMEOUT  # lazy: start-up time

            return convert_warm(docx_files, out_dir, address, PDF_TIMEOUT if timeout is None else timeout)
        except Exception:  # noqa: BLE001 - any failure of the warm path falls back to the batch call
            pass
    return convert_batch(docx_files, out_dir, timeout)


def uno_python() -> str | None:
    """A python3 that can ``import uno`` (LibreOffice's bridge): the system one on Debian with python3-uno."""
    for candidate in (os.environ.get("LEGALDRAFT_UNO_PYTHON"), "/usr/bin/python3", shutil.which("python3"), sys.executable):
        if not candidate or not os.path.exists(candidate):
            continue
        try:
            ok = subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=20).returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            ok = False
        if ok:
            return candidate
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WarmServer:
    """A unoserver (and its LibreOffice) started for as long as the ``with`` block lasts.

    unoserver itself is pure Python; it is run by the python that has ``uno``, with unoserver's own
    folder appended to its path, so the project's virtualenv never needs LibreOffice's bridge.
    """

    def __init__(self, startup_timeout: float = 60):
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen | None = None
        self.address: tuple[str, int] | None = None
        self._tmp: tempfile.TemporaryDirectory | None = None

    def __enter__(self) -> "WarmServer":
        import unoserver  # lazy: start-up time

        python, exe = uno_python(), soffice()
        if python is None or exe is None:
            raise PdfUnavailable("unoserver memerlukan LibreOffice dan python3 dengan modul uno "
                                 "(Debian: apt-get install python3-uno)")
        self._tmp = tempfile.TemporaryDirectory(prefix="legaldraft-uno-")
        port, uno_port = _free_port(), _free_port()
        site = str(Path(unoserver.__file__).resolve().parent.parent)
        code = f"import sys; sys.path.append({site!r}); from unoserver.server import main; sys.exit(main())"
        cmd = [python, "-c", code, "--port", str(port), "--uno-port", str(uno_port), "--executable", exe,
               "--user-installation", self._tmp.name, "--quiet"]
        self.process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        env={**os.environ, "HOME": self._tmp.name})
        self.address = ("127.0.0.1", port)
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                from xmlrpc.client import ServerProxy  # lazy: start-up time

                with ServerProxy(f"http://127.0.0.1:{port}") as proxy:
                    proxy.info()
                return self
            except OSError:
                time.sleep(0.2)
        self.__exit__(None, None, None)
        raise PdfUnavailable("unoserver tidak dapat dijalankan")

    def convert(self, docx_files: list[Path], out_dir: Path) -> list[Path]:
        return convert_warm(docx_files, out_dir, self.address)

    def __exit__(self, *exc) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self._tmp is not None:
            self._tmp.cleanup()


def start_warm_server(startup_timeout: float = 60) -> WarmServer:
    """Start a warm server; use as a context manager, or set LEGALDRAFT_UNOSERVER to its address."""
    return WarmServer(startup_timeout)

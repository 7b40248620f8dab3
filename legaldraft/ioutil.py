"""Atomic file output: a reader never sees a half-written DOCX, an interrupted build leaves the old file.

Every file legaldraft writes goes through here: the data goes to a temporary file in the target's folder
(same file system, so the rename is atomic), is flushed to disk, and only then replaces the target.
A target that is a symlink is refused (never followed, never replaced); a new file gets the mode the umask
allows (like any other program's output), a rewritten file keeps the mode it had.
"""
from __future__ import annotations

import errno
import hashlib
import os
import shutil
import stat
import tempfile
import time
from pathlib import Path

TMP_SUFFIX = ".tmp"
#: Test hook: seconds to sleep after half of the data is written (to kill a build mid-write in tests).
SLOW_WRITE_ENV = "LEGALDRAFT_TEST_SLOW_WRITE"


def _tmp_for(path: Path) -> tuple[int, str]:
    return tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=str(path.parent))


def SymlinkRefused(path: Path) -> OSError:  # noqa: N802 - used like an exception class; a plain OSError pickles
    """An output path that is a symlink: legaldraft writes only regular files it creates itself."""
    return OSError(errno.ELOOP, "berkas keluaran adalah symlink; legaldraft tidak menulis lewat symlink", str(path))


def refuse_symlink(path: Path) -> None:
    if os.path.islink(path):
        raise SymlinkRefused(path)


def umask() -> int:
    """The process umask now: read from /proc on Linux (no change, so no race with other threads), else
    set and restored."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current


def _mode_for(path: Path) -> int:
    """The existing file's mode, or 0666 less the umask for a new file."""
    try:
        return stat.S_IMODE(os.lstat(path).st_mode)
    except FileNotFoundError:
        return 0o666 & ~umask()


def open_no_follow(path: Path, flags: int, mode: int = 0o666) -> int:
    """``os.open`` that refuses a symlink at ``path`` (journal, lock): O_NOFOLLOW where the system has it."""
    refuse_symlink(path)
    try:
        return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0), mode)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise SymlinkRefused(path) from None
        raise


def _write_then_rename(path: Path, fill) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    refuse_symlink(path)
    mode = _mode_for(path)
    fd, tmp = _tmp_for(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            fill(handle)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        refuse_symlink(path)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    delay = float(os.environ.get(SLOW_WRITE_ENV) or 0)

    def fill(handle):
        if delay:
            half = len(data) // 2
            handle.write(data[:half])
            handle.flush()
            time.sleep(delay)
            handle.write(data[half:])
        else:
            handle.write(data)

    _write_then_rename(Path(path), fill)


def atomic_write_text(path: str | Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_copy(source: str | Path, target: str | Path) -> None:
    with open(source, "rb") as src:
        _write_then_rename(Path(target), lambda handle: shutil.copyfileobj(src, handle))


def is_leftover_tmp(path: Path) -> bool:
    """A temporary file of an interrupted write (``.NAME.xxxx.tmp``)."""
    return path.name.startswith(".") and path.name.endswith(TMP_SUFFIX)


def sha256_file(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def describe_os_error(exc: OSError) -> str:
    """One line for a file that cannot be read or written: which file, why, what to do (data already on disk
    stays whole: every write goes to a temporary file first)."""
    where = exc.filename or "<berkas>"
    known = {errno.ENOSPC: ("disk penuh", "kosongkan ruang lalu ulangi; berkas lama tetap utuh"),
             errno.EDQUOT: ("kuota disk habis", "kosongkan ruang lalu ulangi; berkas lama tetap utuh"),
             errno.EACCES: ("izin ditolak", "periksa izin folder keluaran atau pilih folder lain dengan -o"),
             errno.EPERM: ("izin ditolak", "periksa izin folder keluaran atau pilih folder lain dengan -o"),
             errno.EROFS: ("sistem berkas hanya-baca", "pilih folder keluaran lain dengan -o"),
             errno.ENOENT: ("folder atau berkas tidak ada", "periksa path-nya"),
             errno.ENOTDIR: ("bagian path bukan folder", "periksa path-nya"),
             errno.EISDIR: ("ini folder, bukan berkas", "periksa path-nya")}
    reason, hint = known.get(exc.errno, (exc.strerror or str(exc), "periksa berkas dan foldernya"))
    if exc.errno == errno.ELOOP:
        reason, hint = exc.strerror or "symlink", "hapus symlink itu; legaldraft menulis berkas biasa"
    return f"{where}:1:1: berkas tidak dapat dibaca atau ditulis: {reason} ({hint})"

"""Atomic file output: a reader never sees a half-written DOCX, an interrupted build leaves the old file.

Every file legaldraft writes goes through here: the data goes to a temporary file in the target's folder
(same file system, so the rename is atomic), is flushed to disk, and only then replaces the target.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path

TMP_SUFFIX = ".tmp"
#: Test hook: seconds to sleep after half of the data is written (to kill a build mid-write in tests).
SLOW_WRITE_ENV = "LEGALDRAFT_TEST_SLOW_WRITE"


def _tmp_for(path: Path) -> tuple[int, str]:
    return tempfile.mkstemp(prefix=f".{path.name}.", suffix=TMP_SUFFIX, dir=str(path.parent))


def _write_then_rename(path: Path, fill) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _tmp_for(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            fill(handle)
            handle.flush()
            os.fsync(handle.fileno())
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

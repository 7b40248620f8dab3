"""Reading a spec, profile or configuration file: a regular UTF-8 text file within the size limit."""
from __future__ import annotations

from pathlib import Path

from .. import limits
from .errors import Position, Problem, SpecError


def read_text(path: Path, what: str = "spec") -> str:
    """The UTF-8 text of a spec, profile or configuration: a regular file within ``MAX_SPEC_BYTES``."""
    name = str(path)
    try:
        raw = limits.read_regular(path, limits.limit("MAX_SPEC_BYTES"), what)
    except limits.LimitError as exc:
        raise SpecError([Problem(str(exc), name, Position(1, 1), code="BERKAS")]) from None
    except FileNotFoundError:
        raise SpecError([Problem("berkas tidak ditemukan", name, hint="periksa nama dan folder berkas", code="BERKAS")]) from None
    except IsADirectoryError:
        raise SpecError([Problem("ini folder, bukan berkas spec", name, code="BERKAS")]) from None
    except PermissionError:
        raise SpecError([Problem("berkas tidak dapat dibaca (izin ditolak)", name, code="BERKAS")]) from None
    except OSError as exc:
        raise SpecError([Problem(f"berkas tidak dapat dibaca ({exc.strerror or exc})", name, code="BERKAS")]) from None
    if b"\x00" in raw[:8192]:
        raise SpecError([Problem("berkas biner, bukan spec YAML", name, Position(1, 1),
                                 "spec adalah berkas teks .yaml; untuk DOCX gunakan 'legaldraft import'", code="BERKAS")])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise SpecError([Problem("berkas bukan UTF-8", name, Position(line, column),
                                 "simpan ulang berkas dengan pengodean UTF-8", code="BERKAS")]) from None

"""Limits on everything legaldraft reads from outside, checked before the work starts.

A spec, a profile, a DOCX/ODT/PDF to import, an image or a regular expression from a profile may come from
anyone (a colleague's e-mail, a downloaded file, a shared folder). Each limit below is far above what a real
regulation needs and far below what exhausts a laptop (target: every hostile input refused within 10 s and
512 MB). The limits marked *overridable* can be raised for one run with an environment variable
``LEGALDRAFT_LIMIT_<NAME>`` (e.g. ``LEGALDRAFT_LIMIT_MAX_IMPORT_CHARS=20000000`` for a very long compilation),
because a real document could need more; the others guard the program itself.

Every check raises :class:`LimitError` with an Indonesian message; callers turn it into a positioned problem.
Files are opened only as regular files: a FIFO, a device (``/dev/zero``) or a folder given where a file is
expected is refused without being read.
"""
from __future__ import annotations

import os
import stat
import zipfile
import zlib
from pathlib import Path

from .pictures import png_picture

MiB = 1024 * 1024

# -- specs, profiles, configuration (YAML) ---------------------------------------------------------------
#: bytes of one spec, profile or .legaldraft.yaml file (a 400-Pasal Perbup is about 100 kB). Overridable.
MAX_SPEC_BYTES = 20 * MiB
#: characters of one text value of a spec (one ayat, one lampiran paragraph). Overridable.
MAX_TEXT_CHARS = 100_000
#: YAML values after anchors and aliases are expanded (alias bombs of many small values).
MAX_YAML_NODES = 200_000
#: characters of all YAML scalars after anchors and aliases are expanded (alias bombs of long strings). Overridable.
MAX_YAML_CHARS = 20_000_000

# -- documents to import ------------------------------------------------------------------------------
#: bytes of a DOCX, ODT or PDF given to ``import``. Overridable.
MAX_IMPORT_BYTES = 64 * MiB
#: bytes of a plain-text source (.txt, .md). Overridable.
MAX_IMPORT_TEXT_BYTES = 16 * MiB
#: characters of the text taken out of a source (about 1,500 pages). Overridable.
MAX_IMPORT_CHARS = 5_000_000
#: members of a DOCX/ODT package.
MAX_ZIP_MEMBERS = 5_000
#: uncompressed bytes of one member of a DOCX/ODT package. Overridable.
MAX_ZIP_MEMBER_BYTES = 64 * MiB
#: uncompressed bytes of all members together. Overridable.
MAX_ZIP_TOTAL_BYTES = 256 * MiB
#: uncompressed / compressed size of a member larger than ZIP_RATIO_FROM (a zip bomb is 1000:1; XML ~10-30:1).
MAX_ZIP_RATIO = 200
ZIP_RATIO_FROM = 1 * MiB
#: XML elements (start tags) of all XML parts of a package. Overridable.
MAX_XML_ELEMENTS = 2_000_000
#: entity declarations allowed in an XML part: none (OOXML and ODF never declare entities; a DTD is refused).
MAX_XML_ENTITIES = 0
#: pages pdftotext reads of a PDF, and seconds it may take. Overridable (pages).
MAX_PDF_PAGES = 2_000
PDFTOTEXT_TIMEOUT = 120
#: address space of the pdftotext process (POSIX): a hostile PDF cannot make it eat the machine.
PDFTOTEXT_MEMORY = 1024 * MiB

# -- images (lampiran gambar, lambang) -------------------------------------------------------------------
#: bytes of one image. Overridable.
MAX_IMAGE_BYTES = 20 * MiB
#: pixels of one image (width x height, e.g. a 600 dpi A3 scan is 70 million). Overridable.
MAX_IMAGE_PIXELS = 100_000_000
#: pixels of the longer side.
MAX_IMAGE_SIDE = 30_000

# -- regular expressions from profiles ------------------------------------------------------------------
#: characters of a pattern (``nomor_keputusan``); patterns run on RE2 (linear time, no backtracking).
MAX_PATTERN_CHARS = 500
#: memory RE2 may use for one pattern.
MAX_PATTERN_MEMORY = 8 * MiB

# -- LibreOffice -----------------------------------------------------------------------------------------
#: seconds one LibreOffice conversion batch may take before it is killed (``build --pdf-timeout``).
PDF_TIMEOUT = 300.0

OVERRIDABLE = ("MAX_SPEC_BYTES", "MAX_TEXT_CHARS", "MAX_YAML_CHARS", "MAX_IMPORT_BYTES", "MAX_IMPORT_TEXT_BYTES",
               "MAX_IMPORT_CHARS", "MAX_ZIP_MEMBER_BYTES", "MAX_ZIP_TOTAL_BYTES", "MAX_XML_ELEMENTS", "MAX_PDF_PAGES",
               "MAX_IMAGE_BYTES", "MAX_IMAGE_PIXELS")
ENV_PREFIX = "LEGALDRAFT_LIMIT_"


class LimitError(ValueError):
    """An input refused before any work is done on it (message in Indonesian, without the file name)."""


def limit(name: str) -> int:
    """The limit ``name``, raised (never lowered below 1) by ``LEGALDRAFT_LIMIT_<name>`` when overridable."""
    value = globals()[name]
    if name in OVERRIDABLE:
        raw = os.environ.get(ENV_PREFIX + name, "").strip().replace("_", "")
        if raw.isdigit() and int(raw) > 0:
            return int(raw)
    return value


def size_text(n: int) -> str:
    return f"{n / MiB:.1f} MB" if n >= MiB else f"{n} bita"


# -- regular files only ----------------------------------------------------------------------------------
def read_regular(path: str | Path, max_bytes: int, what: str = "berkas") -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes``; else :class:`LimitError`.

    Opened non-blocking, so a named pipe never blocks; the type and size come from the open descriptor (no
    race between a check and the read), and at most ``max_bytes + 1`` bytes are ever read.
    Raises FileNotFoundError / IsADirectoryError / PermissionError like ``open``.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise LimitError(f"{what} bukan berkas biasa ({_kind(info.st_mode)}); hanya berkas biasa yang dibaca")
        if info.st_size > max_bytes:
            raise LimitError(f"{what} terlalu besar ({size_text(info.st_size)}; batas {size_text(max_bytes)})")
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 * MiB, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise LimitError(f"{what} terlalu besar (lebih dari {size_text(max_bytes)})")
        return b"".join(chunks)
    finally:
        os.close(fd)


def check_regular(path: str | Path, max_bytes: int, what: str = "berkas") -> int:
    """Like :func:`read_regular` without reading: the size of a regular file within the limit."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
    finally:
        os.close(fd)
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(21, "Is a directory", str(path))
    if not stat.S_ISREG(info.st_mode):
        raise LimitError(f"{what} bukan berkas biasa ({_kind(info.st_mode)}); hanya berkas biasa yang dibaca")
    if info.st_size > max_bytes:
        raise LimitError(f"{what} terlalu besar ({size_text(info.st_size)}; batas {size_text(max_bytes)})")
    return info.st_size


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "pipa bernama/FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "perangkat"
    if stat.S_ISSOCK(mode):
        return "soket"
    return "jenis khusus"


# -- zip packages (DOCX, ODT) ----------------------------------------------------------------------------
_XML_SUFFIXES = (".xml", ".rels")


def check_zip(path: str | Path, what: str = "DOCX") -> None:
    """Refuse a package before unpacking it: not a zip, truncated, too many members, members too large or
    compressed too well (zip bomb), XML parts with a DTD or entity declarations, too many XML elements.

    The sizes come from the central directory; Python's zipfile never inflates a member beyond its declared
    size (it stops and reports a bad CRC), so a lying header cannot get past these limits either.
    """
    check_regular(path, limit("MAX_IMPORT_BYTES"), what)
    try:
        with zipfile.ZipFile(path) as package:
            members = package.infolist()
            if len(members) > MAX_ZIP_MEMBERS:
                raise LimitError(f"{what} memuat {len(members)} bagian (batas {MAX_ZIP_MEMBERS})")
            total = 0
            one, everything = limit("MAX_ZIP_MEMBER_BYTES"), limit("MAX_ZIP_TOTAL_BYTES")
            for info in members:
                if info.file_size > one:
                    raise LimitError(f"bagian '{info.filename}' dari {what} mengembang menjadi {size_text(info.file_size)} "
                                     f"(batas {size_text(one)}; 'bom zip'?)")
                if info.file_size > ZIP_RATIO_FROM and info.file_size > MAX_ZIP_RATIO * max(info.compress_size, 1):
                    raise LimitError(f"bagian '{info.filename}' dari {what} dimampatkan "
                                     f"{info.file_size // max(info.compress_size, 1)}:1 (batas {MAX_ZIP_RATIO}:1; 'bom zip')")
                total += info.file_size
                if total > everything:
                    raise LimitError(f"isi {what} mengembang menjadi lebih dari {size_text(everything)} ('bom zip'?)")
            elements = 0
            for info in members:
                if info.filename.lower().endswith(_XML_SUFFIXES):
                    elements += _check_xml_member(package, info, what, limit("MAX_XML_ELEMENTS") - elements)
    except LimitError:
        raise
    except zipfile.BadZipFile as exc:
        raise LimitError(f"bukan {what} yang utuh (bukan arsip zip, atau terpotong: {exc})") from None
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, RuntimeError, zlib.error, ValueError) as exc:
        raise LimitError(f"{what} tidak dapat dibuka ({exc})") from None
    except OSError as exc:
        if isinstance(exc, (FileNotFoundError, PermissionError, IsADirectoryError)):
            raise
        raise LimitError(f"bukan {what} yang utuh ({exc})") from None


def _check_xml_member(package: zipfile.ZipFile, info: zipfile.ZipInfo, what: str, budget: int) -> int:
    """Stream one XML part (never whole in memory): DTD/entity declarations refused, start tags counted."""
    elements = 0
    tail = b""
    with package.open(info) as handle:
        while True:
            chunk = handle.read(1 * MiB)
            if not chunk:
                break
            window = tail + chunk
            if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                raise LimitError(f"bagian '{info.filename}' dari {what} memuat deklarasi DTD/ENTITY "
                                 f"(batas {MAX_XML_ENTITIES}; tidak pernah ada dalam dokumen Word/ODF)")
            elements += chunk.count(b"<") - chunk.count(b"</") - chunk.count(b"<?") - chunk.count(b"<!")
            if elements > budget:
                raise LimitError(f"{what} memuat lebih dari {limit('MAX_XML_ELEMENTS')} elemen XML")
            tail = chunk[-16:]
    return elements


def check_text_length(text: str, what: str = "teks sumber") -> str:
    cap = limit("MAX_IMPORT_CHARS")
    if len(text) > cap:
        raise LimitError(f"{what} terlalu panjang ({len(text)} karakter; batas {cap})")
    return text


# -- images ----------------------------------------------------------------------------------------------
def check_image(path: str | Path) -> tuple[int, int]:
    """(width, height) in pixels of a readable PNG/JPEG/GIF/BMP/TIFF within the limits; else LimitError.

    The header is parsed by the reader the DOCX writer uses (:mod:`legaldraft.pictures` for a PNG, python-docx for
    the rest), so an image that passes here is one the writer can place; a renamed text file or a 0x0 image is
    refused here instead."""
    data = read_regular(path, limit("MAX_IMAGE_BYTES"), "gambar")
    try:
        image = png_picture(data)
        if image is None:
            from docx.image.image import Image  # lazy: start-up time (python-docx and lxml), a PNG does not need it

            image = Image.from_blob(data)
        width, height = int(image.px_width), int(image.px_height)
    except Exception:  # noqa: BLE001 - any header python-docx cannot read: not an image we can embed
        raise LimitError("bukan gambar yang dapat dibaca (isi berkas bukan PNG, JPEG, GIF, BMP atau TIFF yang utuh)") from None
    if width <= 0 or height <= 0:
        raise LimitError(f"gambar berukuran {width}x{height} piksel (kosong)")
    if max(width, height) > MAX_IMAGE_SIDE or width * height > limit("MAX_IMAGE_PIXELS"):
        raise LimitError(f"gambar terlalu besar ({width}x{height} piksel; batas {limit('MAX_IMAGE_PIXELS')} piksel, "
                         f"sisi {MAX_IMAGE_SIDE})")
    return width, height


# -- regular expressions ---------------------------------------------------------------------------------
def compile_pattern(pattern: str):
    """A profile's pattern compiled with RE2 (linear time: no pattern can make ``check`` hang).

    RE2 has no backreferences or look-around; such a pattern is refused with its reason."""
    if len(pattern) > MAX_PATTERN_CHARS:
        raise LimitError(f"pola terlalu panjang ({len(pattern)} karakter; batas {MAX_PATTERN_CHARS})")
    import re2  # lazy: start-up time

    options = re2.Options()
    options.max_mem = MAX_PATTERN_MEMORY
    options.log_errors = False
    try:
        return re2.compile(pattern, options)
    except re2.error as exc:
        reason = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise LimitError(f"pola bukan regex RE2 yang sah ({reason}; RE2 tidak mengenal rujukan balik dan lookaround)") from None


def read_head(path: str | Path, n: int) -> bytes:
    """The first ``n`` bytes of a regular file (LimitError for a FIFO or a device; never blocks)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise LimitError(f"bukan berkas biasa ({_kind(info.st_mode)})")
        return os.read(fd, n)
    finally:
        os.close(fd)


def cap_child_memory(limit_bytes: int):
    """A ``preexec_fn`` for subprocess that caps the child's address space (None where POSIX rlimits are missing)."""
    try:
        import resource  # lazy: POSIX only
    except ImportError:  # pragma: no cover - Windows
        return None

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit_bytes, limit_bytes))

    return cap

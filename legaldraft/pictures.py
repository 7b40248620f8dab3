"""What the DOCX writer needs of an image, read from a PNG's header without python-docx (whose import pulls in
lxml and the whole package: a tenth of a ``build``). The limits check reads a lambang with it, and the writer
embeds it; other formats go to python-docx's reader, where they are rare.
"""
from __future__ import annotations

import os
import struct
from dataclasses import dataclass

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass
class Picture:
    """What the writer needs of an image (python-docx's ``Image``): pixels, dots per inch, name, type, bytes."""

    blob: bytes
    filename: str
    content_type: str
    px_width: int
    px_height: int
    horz_dpi: int
    vert_dpi: int

    @property
    def ext(self) -> str:
        return os.path.splitext(self.filename)[1][1:]

    def scaled_dimensions(self, width: int) -> tuple[int, int]:
        """(cx, cy) in EMU for ``width`` EMU, the height keeping the aspect (python-docx's rounding)."""
        native_width = int(self.px_width / self.horz_dpi * 914400)
        native_height = int(self.px_height / self.vert_dpi * 914400)
        return int(width), int(round(native_height * (float(width) / float(native_width))))


def png_picture(blob: bytes, filename: str | None = None) -> Picture | None:
    """A PNG's size and resolution (IHDR, pHYs; 72 dpi without one), or None for another format."""
    if not blob.startswith(PNG_SIGNATURE):
        return None
    width = height = None
    horz = vert = 72
    offset = 8
    while offset + 8 <= len(blob):
        length, kind = struct.unpack_from(">I4s", blob, offset)
        if kind == b"IHDR" and length >= 8 and offset + 16 <= len(blob):
            width, height = struct.unpack_from(">II", blob, offset + 8)
        elif kind == b"pHYs" and length >= 9 and offset + 17 <= len(blob):
            x, y, unit = struct.unpack_from(">IIB", blob, offset + 8)
            if unit == 1:
                horz = int(round(x * 0.0254)) if x else 72
                vert = int(round(y * 0.0254)) if y else 72
            break
        elif kind == b"IEND":
            break
        offset += 12 + length
    if not width or not height:
        return None
    return Picture(blob, filename or "image.png", "image/png", width, height, horz, vert)

"""The text of a build as lines, for comparing two versions (the redline itself is written by
:mod:`legaldraft.render.redline`, in the naskah layout)."""
from __future__ import annotations

from ..naskah.jenis import assemble


def document_lines(doc, ctx) -> list[str]:
    """The text of a build, one paragraph a line (the blocks the DOCX is made of)."""
    return [b.plain() for b in assemble(doc, ctx.profile, ctx.registry) if b.plain()]

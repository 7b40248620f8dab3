"""One document from model to files: blocks -> DOCX (and text previews), written atomically."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..ioutil import atomic_write_bytes, atomic_write_text
from ..naskah.assembler import plain_text
from ..naskah.jenis import assemble, jenis_of
from .templates import template_path
from .docx import render_docx
from .preview import preview



@dataclass
class BuildResult:
    stem: str
    outputs: list[Path] = field(default_factory=list)
    skipped: bool = False
    message: str = ""


def slug(text: str) -> str:
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return text[:60] or "dokumen"


def output_stem(doc, ctx) -> str:
    if ctx.path is not None:
        return ctx.path.stem
    return f"{doc.jenis}-{slug(doc.tentang)}"


def document_blocks(doc, ctx):
    return assemble(doc, ctx.profile, ctx.registry)


def page_mark(doc, profile) -> str | None:
    """What the header of every page says: a working text (status: revisi) is marked as such."""
    return profile.formula.naskah_kerja if getattr(doc, "is_naskah_kerja", False) else None


@dataclass(frozen=True)
class BuildOptions:
    """How a document is written past a lifted build refusal (spec/gates.py): ``comments`` for the DOCX core
    properties, and no lambang at all when a final one has none (never a placeholder on a final)."""

    comments: str = ""
    without_lambang: bool = False


def docx_bytes(doc, ctx, options: BuildOptions = BuildOptions()) -> bytes:
    template = template_path(jenis_of(doc).template, ctx.profile.templates)
    title = f"{doc.nama_jenis} tentang {doc.tentang}"
    blocks = document_blocks(doc, ctx)
    if options.without_lambang:
        blocks = [b for b in blocks if b.style != "LD Lambang" or b.image]
    return render_docx(blocks, ctx.profile, template, ctx.base_dir, title, mark=page_mark(doc, ctx.profile),
                       comments=options.comments)


def write_outputs(doc, ctx, out_dir: Path, formats: tuple[str, ...] = ("docx",), stem: str | None = None,
                  options: BuildOptions = BuildOptions()) -> BuildResult:
    """The outputs of ``doc``; the build refusals are the caller's (legaldraft.api.build_options)."""
    stem = stem or output_stem(doc, ctx)
    result = BuildResult(stem)
    out_dir = Path(out_dir)
    blocks = None
    for fmt in formats:
        target = out_dir / f"{stem}.{fmt}"
        if fmt == "docx":
            atomic_write_bytes(target, docx_bytes(doc, ctx, options))
        elif fmt in ("txt", "md", "html"):
            blocks = blocks or document_blocks(doc, ctx)
            atomic_write_text(target, plain_text(blocks) + "\n" if fmt == "txt" else preview(blocks, fmt, doc))
        else:
            continue
        result.outputs.append(target)
    return result

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


def docx_bytes(doc, ctx, blocks=None) -> bytes:
    template = template_path(jenis_of(doc).template, ctx.profile.templates)
    title = f"{doc.nama_jenis} tentang {doc.tentang}"
    return render_docx(blocks if blocks is not None else document_blocks(doc, ctx), ctx.profile, template,
                       ctx.base_dir, title)


def write_outputs(doc, ctx, out_dir: Path, formats: tuple[str, ...] = ("docx",), stem: str | None = None,
                  blocks=None) -> BuildResult:
    """Write ``formats`` of ``doc``; ``blocks``: the document as already assembled (by the check before), else
    it is assembled here, once for all formats."""
    stem = stem or output_stem(doc, ctx)
    result = BuildResult(stem)
    out_dir = Path(out_dir)
    for fmt in formats:
        target = out_dir / f"{stem}.{fmt}"
        blocks = blocks if blocks is not None else document_blocks(doc, ctx)
        if fmt == "docx":
            atomic_write_bytes(target, docx_bytes(doc, ctx, blocks))
        elif fmt in ("txt", "md", "html"):
            atomic_write_text(target, plain_text(blocks) + "\n" if fmt == "txt" else preview(blocks, fmt, doc))
        else:
            continue
        result.outputs.append(target)
    return result

"""One document from model to files: blocks -> DOCX (and text previews), written atomically."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..ioutil import atomic_write_bytes, atomic_write_text
from ..naskah.assembler import plain_text
from ..naskah.jenis import assemble, jenis_of
from .templates import template_path
from .docx import DocxWriter, render_docx
from .preview import preview



@dataclass
class BuildResult:
    """What one build wrote (or skipped, when the outputs were up to date)."""

    stem: str
    outputs: list[Path] = field(default_factory=list)
    skipped: bool = False
    message: str = ""


#: File suffix of each output format where it is not the format's name (Akoma Ntoso is XML; PDF/A is a PDF).
SUFFIX = {"akn": "xml", "pdfa": "pdf"}


def output_name(stem: str, fmt: str) -> str:
    return f"{stem}.{SUFFIX.get(fmt, fmt)}"


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


def without_placeholder_lambang(doc, profile, blocks):
    """A final document never prints the placeholder lambang: built without a lambang file (past FIN-003, on the
    drafter's recorded decision), its kop has no picture at all. A rancangan or working text keeps the marked place."""
    if doc.is_rancangan or getattr(doc, "is_naskah_kerja", False) or profile.lambang:
        return blocks
    return [b for b in blocks if b.style != "LD Lambang"]   # a final is no rancangan: no draft flag to keep


def docx_bytes(doc, ctx, note: str | None = None, blocks=None, title: str | None = None,
               writer_class: type[DocxWriter] = DocxWriter, footer_note: str | None = None) -> bytes:
    """The DOCX of ``doc`` as ``build`` writes it: the template of its kind, the profile's page set-up, the page
    mark of a working text, no placeholder lambang in a final. ``blocks``: the document as already assembled (by the
    check before, or the redline's blocks of both versions), else assembled here; ``title``: the core property
    (default '<jenis> tentang <tentang>'); ``writer_class``: the redline's writer, which marks tracked changes;
    ``footer_note``: the BSrE sentence in every page's footer of the DOCX a PDF/A for an electronic signature is
    made from."""
    template = template_path(jenis_of(doc).template, ctx.profile.templates)
    title = title or f"{doc.nama_jenis} tentang {doc.tentang}"
    blocks = without_placeholder_lambang(doc, ctx.profile, blocks if blocks is not None else document_blocks(doc, ctx))
    return render_docx(blocks, ctx.profile, template, ctx.base_dir, title, mark=page_mark(doc, ctx.profile), note=note,
                       writer_class=writer_class, footer_note=footer_note)


def landscape(profile):
    """The profile with its paper turned (long side across) for a wide working table: the same paper, margins,
    font and styles."""
    page = profile.halaman
    if page.lebar_mm >= page.tinggi_mm:
        return profile
    return profile.model_copy(update={"halaman": page.model_copy(update={"lebar_mm": page.tinggi_mm,
                                                                           "tinggi_mm": page.lebar_mm})})


def table_docx(blocks, profile, title: str, base_dir: Path | None = None, turned: bool = True) -> bytes:
    """A working paper beside a naskah (the matriks perbandingan of a Perubahan, the findings report of a bundle):
    the naskah's writer, template and styles on the profile's paper (turned landscape unless ``turned`` is False),
    without the daerah's fixed kop."""
    return render_docx(blocks, landscape(profile) if turned else profile, template_path("perbup", profile.templates),
                       base_dir, title, kop=False)


def write_outputs(doc, ctx, out_dir: Path, formats: tuple[str, ...] = ("docx",), stem: str | None = None,
                  note: str | None = None, blocks=None) -> BuildResult:
    """Write ``formats`` of ``doc``; ``blocks``: the document as already assembled (by the check before), else
    it is assembled here, once for all formats."""
    stem = stem or output_stem(doc, ctx)
    result = BuildResult(stem)
    out_dir = Path(out_dir)
    for fmt in formats:
        target = out_dir / output_name(stem, fmt)
        if fmt in ("docx", "txt", "md", "html"):
            blocks = blocks if blocks is not None else document_blocks(doc, ctx)
        if fmt == "docx":
            atomic_write_bytes(target, docx_bytes(doc, ctx, note, blocks))
        elif fmt in ("txt", "md", "html"):
            atomic_write_text(target, plain_text(blocks) + "\n" if fmt == "txt" else preview(blocks, fmt, doc))
        elif fmt == "akn":
            from .akn import akn_bytes  # lazy: only an AKN build needs it (lxml schema tables)

            atomic_write_bytes(target, akn_bytes(doc, ctx))
        else:
            continue
        result.outputs.append(target)
    return result

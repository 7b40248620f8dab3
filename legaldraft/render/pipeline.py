"""One document from model to files: blocks -> DOCX (and text previews), written atomically."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..ioutil import atomic_write_bytes, atomic_write_text
from .assemble import assemble, plain_text
from .templates import template_path

TEMPLATE_KIND = {"perbup": "perbup", "pedoman": "pedoman", "keputusan": "skep", "perubahan": "perbup", "pencabutan": "perbup"}


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
    return assemble(doc, ctx.profile, ctx.registry, ctx.numbering)


def page_mark(doc, profile) -> str | None:
    """What the header of every page says: a working text (status: revisi) is marked as such."""
    return profile.formula.naskah_kerja if getattr(doc, "is_naskah_kerja", False) else None


#: Refusals of a build that a named override may lift (``allow``); the override is recorded in the DOCX
#: core properties (comments), so a document built past a refusal says so itself.
GATES = {
    "lambang": "naskah final tanpa lambang",
}


def gate_problems(doc, ctx, allow: tuple[str, ...] = ()) -> list:
    """Why a document may not be built as it stands (each a Problem with the gate's name as ``code``)."""
    from ..spec.errors import Problem

    problems = []
    final = not doc.is_rancangan and not getattr(doc, "is_naskah_kerja", False)
    if final and not ctx.profile.lambang and "lambang" not in allow:
        where = ctx.profile_path or f"profil bawaan '{doc.daerah}'"
        problems.append(Problem(
            f"naskah final tidak dibangun tanpa lambang: profil daerah ({where}) tidak menyebut berkas 'lambang:'",
            ctx.filename, ctx.position(("status",)),
            "isi 'lambang:' di profil daerah dengan path gambar lambang (PNG), atau bangun sebagai 'status: rancangan'",
            code="lambang"))
    return problems


def lifted_gates(doc, ctx, allow: tuple[str, ...]) -> list[str]:
    """The refusals in ``allow`` that would have stopped this document."""
    return [name for name in allow if name in GATES and gate_problems(doc, ctx, tuple(a for a in allow if a != name))]


def overrides_note(doc, ctx, allow: tuple[str, ...]) -> str:
    """The core-properties record of the refusals lifted for this document ('' when none applied)."""
    return "; ".join(f"dibangun meskipun {GATES[name]} (izinkan_galat: {name})" for name in lifted_gates(doc, ctx, allow))


def project_allow(ctx) -> tuple[str, ...]:
    """The refusals the project's ``.legaldraft.yaml`` lifts (``izinkan_galat``)."""
    from ..rules.config import project_config

    return tuple(project_config(ctx).izinkan_galat)


def docx_bytes(doc, ctx, allow: tuple[str, ...] = ()) -> bytes:
    from ..spec.errors import SpecError
    from .docx import render_docx

    allow = tuple(allow) + project_allow(ctx)
    problems = gate_problems(doc, ctx, allow)
    if problems:
        raise SpecError(problems)
    template = template_path(TEMPLATE_KIND[doc.jenis], ctx.profile.templates)
    title = f"{doc.nama_jenis} tentang {doc.tentang}"
    blocks = document_blocks(doc, ctx)
    if "lambang" in lifted_gates(doc, ctx, allow):
        blocks = [b for b in blocks if b.style != "LD Lambang" or b.image]   # never a placeholder on a final
    return render_docx(blocks, ctx.profile, template, ctx.base_dir, title,
                       mark=page_mark(doc, ctx.profile), comments=overrides_note(doc, ctx, allow))


def write_outputs(doc, ctx, out_dir: Path, formats: tuple[str, ...] = ("docx",), stem: str | None = None,
                  allow: tuple[str, ...] = ()) -> BuildResult:
    """``allow``: names of :data:`GATES` refusals to lift for this build (recorded in the DOCX)."""
    stem = stem or output_stem(doc, ctx)
    result = BuildResult(stem)
    out_dir = Path(out_dir)
    blocks = None
    for fmt in formats:
        target = out_dir / f"{stem}.{fmt}"
        if fmt == "docx":
            atomic_write_bytes(target, docx_bytes(doc, ctx, allow))
        elif fmt in ("txt", "md", "html"):
            from .preview import preview

            blocks = blocks or document_blocks(doc, ctx)
            atomic_write_text(target, plain_text(blocks) + "\n" if fmt == "txt" else preview(blocks, fmt, doc))
        else:
            continue
        result.outputs.append(target)
    return result

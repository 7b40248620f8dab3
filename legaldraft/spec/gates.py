"""Refusals of a build that a named override may lift: a final document without a lambang is not built.

The override is named (``izinkan_galat`` in the project's ``.legaldraft.yaml``, ``allow=`` in the API) and
recorded in the DOCX core properties, so a document built past a refusal says so itself.
"""
from __future__ import annotations

from .errors import Problem

GATES = {
    "lambang": "naskah final tanpa lambang",
}


def is_final(doc) -> bool:
    return not doc.is_rancangan and not getattr(doc, "is_naskah_kerja", False)


def gate_problems(doc, ctx, allow: tuple[str, ...] = ()) -> list[Problem]:
    """Why ``doc`` may not be built as it stands (each a Problem whose ``code`` is the gate's name)."""
    problems = []
    if is_final(doc) and not ctx.profile.lambang and "lambang" not in allow:
        where = ctx.profile_path or f"profil bawaan '{doc.daerah}'"
        problems.append(Problem(
            f"naskah final tidak dibangun tanpa lambang: profil daerah ({where}) tidak menyebut berkas 'lambang:'",
            ctx.filename, ctx.position(("status",)),
            "isi 'lambang:' di profil daerah dengan path gambar lambang (PNG), atau bangun sebagai 'status: rancangan'",
            code="lambang"))
    return problems


def lifted_gates(doc, ctx, allow: tuple[str, ...]) -> list[str]:
    """The refusals in ``allow`` that would have stopped ``doc``."""
    return [name for name in allow if name in GATES and gate_problems(doc, ctx, tuple(a for a in allow if a != name))]


def overrides_note(lifted: list[str]) -> str:
    """The core-properties record of the lifted refusals ('' when none applied)."""
    return "; ".join(f"dibangun meskipun {GATES[name]} (izinkan_galat: {name})" for name in lifted)

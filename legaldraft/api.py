"""The Python API: ``load``, ``loads``, ``check``, ``build``, ``render_docx_bytes``."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .spec.loader import context_of, load, loads  # noqa: F401  (re-exported)


def check(doc, profile=None, only: Iterable[str] | None = None, severities: dict[str, str] | None = None):
    """Tata Naskah findings for a loaded (or code-built) document, ordered by position.

    ``severities`` ({'KON-005': 'off'}) wins over the project's ``.legaldraft.yaml``, which wins over the
    daerah profile's ``aturan`` (legaldraft.rules.config)."""
    from .naskah.numbering import Numbering  # lazy: start-up time
    from .rules.config import apply_suppressions, merged_severities, project_config  # lazy: start-up time
    from .rules.engine import run_rules  # lazy: start-up time

    ctx = context_of(doc, profile)
    config = project_config(ctx)
    numbering = Numbering(doc)  # computed per call: the document may have been edited since the last one
    findings = run_rules(doc, ctx, only, merged_severities(ctx, config, severities), numbering)
    return apply_suppressions(findings, config, numbering)


def build_options(doc, ctx, allow: Iterable[str] = ()):
    """The refusals of a build (spec/gates.py) for ``doc``: raises SpecError unless each is lifted by ``allow``
    or the project's ``izinkan_galat``; returns how to write it past the lifted ones."""
    from .render.pipeline import BuildOptions  # lazy: start-up time
    from .rules.config import project_config  # lazy: start-up time
    from .spec.errors import SpecError  # lazy: start-up time
    from .spec.gates import gate_problems, lifted_gates, overrides_note  # lazy: start-up time

    allowed = tuple(allow) + tuple(project_config(ctx).izinkan_galat)
    problems = gate_problems(doc, ctx, allowed)
    if problems:
        raise SpecError(problems)
    lifted = lifted_gates(doc, ctx, allowed)
    return BuildOptions(comments=overrides_note(lifted), without_lambang="lambang" in lifted)


def build(doc, out_dir: str | Path = "out", formats: Iterable[str] = ("docx",), profile=None, stem: str | None = None,
          allow: Iterable[str] = ()):
    """Write the document into ``out_dir`` (atomically). Returns the list of files written.

    A final document is refused (SpecError) when a build gate says no, such as a profile without ``lambang``;
    ``allow=("lambang",)`` lifts that refusal and records it in the DOCX core properties."""
    from .render.pipeline import write_outputs  # lazy: start-up time

    ctx = context_of(doc, profile)
    formats = tuple(formats)
    options = build_options(doc, ctx, allow)
    result = write_outputs(doc, ctx, Path(out_dir), tuple(f for f in formats if f != "pdf"), stem, options)
    if "pdf" in formats:
        from .render.pdf import convert_many  # lazy: start-up time

        docx = [p for p in result.outputs if p.suffix == ".docx"]
        result.outputs.extend(convert_many(docx, Path(out_dir)))
    return result.outputs


def render_docx_bytes(doc, profile=None, allow: Iterable[str] = ()) -> bytes:
    """The DOCX as bytes (for a web response), nothing written to disk; refused like :func:`build`."""
    from .render.pipeline import docx_bytes  # lazy: start-up time

    ctx = context_of(doc, profile)
    return docx_bytes(doc, ctx, build_options(doc, ctx, allow))

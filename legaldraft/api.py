"""The Python API: ``load``, ``loads``, ``check``, ``build``, ``render_docx_bytes``."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .spec.loader import context_of, load, loads  # noqa: F401  (re-exported)


def check(doc, profile=None, only: Iterable[str] | None = None, severities: dict[str, str] | None = None,
          for_build: bool = False):
    """Tata Naskah findings for a loaded (or code-built) document, ordered by position.

    ``severities`` ({'KON-005': 'off'}) wins over the project's ``.legaldraft.yaml``, which wins over the
    daerah profile's ``aturan`` (legaldraft.rules.config). ``for_build`` adds the findings about the output itself
    (FIN-003: the placeholder lambang of a final document), which ``build`` gates on."""
    from .rules.engine import cycle_collection_paused  # lazy: start-up time

    with cycle_collection_paused():  # until the run's caches are freed: the collector then finds less to walk
        findings = check_run(doc, profile, only, severities, for_build)[0]
    return findings


def check_run(doc, profile=None, only: Iterable[str] | None = None, severities: dict[str, str] | None = None,
              for_build: bool = False):
    """(findings, the rule run's context) — for a tool that builds after checking: the run's ``blocks`` (the
    document assembled once) and ``numbering`` serve the build (:func:`legaldraft.batch.build_one`)."""
    from .naskah.numbering import Numbering  # lazy: start-up time
    from .rules.config import apply_suppressions, merged_severities, project_config  # lazy: start-up time
    from .rules.engine import check_document, cycle_collection_paused  # lazy: start-up time
    from .rules.provenance import through_provenance  # lazy: start-up time

    with cycle_collection_paused():
        numbering = Numbering(doc)  # computed per call: the document may have been edited since the last one
        ctx = context_of(doc, profile, numbering)
        config = project_config(ctx)
        run = check_document(doc, ctx, only, merged_severities(ctx, config, severities), numbering, for_build=for_build)
        # an imported spec: what its copy lacks and the importer's placeholders are not the document's defects
        return through_provenance(apply_suppressions(run.findings, config, numbering), doc), run


def build(doc, out_dir: str | Path = "out", formats: Iterable[str] = ("docx",), profile=None, stem: str | None = None):
    """Write the document into ``out_dir`` (atomically). Returns the list of files written.

    Formats: docx, pdf, pdfa (PDF/A-2b, checked: a PDF that fails the check raises ValueError), akn, md, html, txt."""
    from .render.pipeline import write_outputs  # lazy: start-up time

    ctx = context_of(doc, profile)
    formats = tuple(formats)
    result = write_outputs(doc, ctx, Path(out_dir), tuple(f for f in formats if f not in ("pdf", "pdfa")), stem)
    if "pdfa" in formats:
        from .publish.pdfa import build_pdfa  # lazy: start-up time

        pdf, report = build_pdfa(doc, ctx, Path(out_dir), result.stem)
        if not report.ok:
            raise ValueError(f"{pdf}: PDF/A tidak sah: {'; '.join(report.problems)}")
        result.outputs.append(pdf)
    elif "pdf" in formats:
        from .render.pdf import convert_many  # lazy: start-up time

        docx = [p for p in result.outputs if p.suffix == ".docx"]
        result.outputs.extend(convert_many(docx, Path(out_dir)))
    return result.outputs


def render_docx_bytes(doc, profile=None) -> bytes:
    """The DOCX as bytes (for a web response), nothing written to disk."""
    from .render.pipeline import docx_bytes  # lazy: start-up time

    return docx_bytes(doc, context_of(doc, profile))

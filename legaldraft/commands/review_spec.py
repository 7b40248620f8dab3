"""``legaldraft review SPEC.yaml -o NAMA.html|NAMA.pdf``: the review render of a spec (the YAML branch of ``review``).

No ``register`` here: ``review`` dispatches to :func:`review_spec` when its argument is a spec. The page is made by
:mod:`legaldraft.render.review_html`."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ._common import refuse_overwrite

SPEC_SUFFIXES = (".yaml", ".yml")


def review_spec(spec: Path, target: Path | None, severity: str, only, pdf: bool, force: bool) -> None:
    """Write the review page(s); exit 1 when a finding is an error (as 'check'), 5 when the PDF is not made."""
    from ..api import check, load  # lazy: start-up time
    from ..exitcodes import EXIT_FINDINGS, EXIT_OK, EXIT_PDF, EXIT_USAGE  # lazy: start-up time
    from ..render.pdf import PdfError  # lazy: start-up time
    from ..render.review_html import build_review, write_review  # lazy: start-up time
    from ..rules.engine import Severity  # lazy: start-up time
    from ..spec.loader import context_of  # lazy: start-up time

    target = target or spec.with_name(f"{spec.stem}-tinjauan.html")
    if target.suffix.lower() not in (".html", ".htm", ".pdf"):
        click.echo(f"{target}: tinjauan spec ditulis sebagai .html atau .pdf (mis. -o {spec.stem}-tinjauan.html)",
                   err=True)
        sys.exit(EXIT_USAGE)
    targets = [target]
    if pdf and target.suffix.lower() != ".pdf":
        targets.append(target.with_suffix(".pdf"))
    for t in targets:
        refuse_overwrite(t, force)
    doc = load(spec)  # a SpecError is reported by the command group (exit 2)
    findings = check(doc, only=only or None)
    rank = Severity(severity).rank
    shown = [f for f in findings if f.severity.rank >= rank]
    review = build_review(doc, shown, context_of(doc), file=str(spec))
    counts = review.counts
    summary = f"{counts['error']} galat, {counts['warning']} peringatan, {counts['info']} info; {len(review.ids)} id"
    code = EXIT_FINDINGS if any(f.severity.value == "error" for f in findings) else EXIT_OK
    for t in targets:
        try:
            write_review(review, t)
        except PdfError as exc:
            click.echo(f"{t}: PDF tidak dibuat: {exc}", err=True)
            if t.suffix.lower() == ".pdf" and t is target:
                click.echo(f"Tinjauan HTML tetap dapat dibuat: legaldraft review {spec} -o "
                           f"{t.with_suffix('.html').name}", err=True)
            code = EXIT_PDF
            continue
        click.echo(f"ditulis: {t} ({summary})")
    sys.exit(code)

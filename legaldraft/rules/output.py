"""Findings for people (Indonesian text, or English with --lang en) and for machines (JSON, SARIF 2.1.0)."""
from __future__ import annotations

import json
import sys

import click

from .. import __version__
from ..spec.errors import EXIT_FINDINGS, EXIT_OK
from .engine import Severity, load_rules

_EN = {"galat": "error", "peringatan": "warning", "info": "info"}


def _file(finding, spec_path) -> str:
    """The file a finding points into: the spec, or a table file the spec reads (``anggota.xlsx``)."""
    return getattr(finding.position, "file", None) or str(spec_path)


def _visible(findings, threshold: str):
    limit = Severity(threshold).rank
    return [f for f in findings if f.severity.rank >= limit]


def emit(results, fmt: str, threshold: str = "info", lang: str = "id", unreadable: int = 0) -> int:
    """Print the findings of every (path, findings); return the exit code (1 when any error).

    ``unreadable`` specs (their problems already printed) are named in the summary, never counted as checked.
    """
    has_error = any(f.severity == Severity.error for _, fs in results for f in fs)
    if fmt == "json":
        payload = [dict(f.to_dict(), file=_file(f, path)) for path, fs in results for f in _visible(fs, threshold)]
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
    elif fmt == "sarif":
        click.echo(json.dumps(sarif(results, threshold), indent=2, ensure_ascii=False))
    else:
        report = TextReport(threshold, lang)
        for path, findings in results:
            report.add(path, findings)
        report.unreadable = unreadable
        report.finish()
    return EXIT_FINDINGS if has_error else EXIT_OK


class TextReport:
    """Findings as lines for people, printed as each spec is checked; the summary line always comes last."""

    def __init__(self, threshold: str = "info", lang: str = "id"):
        self.threshold, self.lang = threshold, lang
        self.counts = {"error": 0, "warning": 0, "info": 0}
        self.checked = 0
        self.unreadable = 0
        self.noun = ("spec", "spec(s)")

    def add(self, path, findings, counted: bool = True) -> None:
        """Print ``findings`` of the spec at ``path`` (``counted``: the spec itself was checked now)."""
        self.checked += counted
        if str(path).lower().endswith((".docx", ".odt", ".pdf", ".txt")):
            self.noun = ("berkas", "file(s)")      # Word/PDF drafts checked where they live
        for f in _visible(findings, self.threshold):
            self.counts[f.severity.value] += 1
            label = f.severity.label if self.lang == "id" else _EN[f.severity.label]
            where = f"{_file(f, path)}:{f.position}" if f.position else str(path)
            line = f"{where}: {label} {f.rule.id}: {f.message}"
            if f.hint:
                line += f" -> {f.hint}"
            if f.fixable:
                line += " [--fix]"
            click.echo(line)
            if f.snippet:
                click.echo(f"    | {f.snippet}")

    def failed(self, problems) -> None:
        """A spec that could not be loaded: its problems, in order with the findings (stdout flushed first)."""
        self.unreadable += 1
        sys.stdout.flush()
        for p in problems:
            click.echo(str(p), err=True)

    def summary(self) -> str:
        c = self.counts
        if self.lang == "en":
            text = (f"{self.checked} {self.noun[1]} checked: {c['error']} error(s), {c['warning']} warning(s), "
                    f"{c['info']} info")
            if self.unreadable:
                text += f"; {self.unreadable} spec(s) could not be read (see the messages above)"
        else:
            text = f"{self.checked} {self.noun[0]} diperiksa: {c['error']} galat, {c['warning']} peringatan, {c['info']} info"
            if self.unreadable:
                text += f"; {self.unreadable} spec tidak dapat dibaca (lihat pesan di atas)"
        return text

    def finish(self) -> None:
        sys.stderr.flush()
        click.echo(self.summary())


def sarif(results, threshold: str = "info") -> dict:
    rules = load_rules()
    used = sorted({f.rule.id for _, fs in results for f in fs})
    level = {"error": "error", "warning": "warning", "info": "note"}
    sarif_rules = [{
        "id": rid,
        "name": rid.replace("-", ""),
        "shortDescription": {"text": rules[rid].title},
        "fullDescription": {"text": rules[rid].explanation},
        "help": {"text": f"Sumber: {rules[rid].source}. Salah: {rules[rid].wrong} Benar: {rules[rid].right}"},
        "defaultConfiguration": {"level": level[rules[rid].severity.value]},
        "properties": {"source": rules[rid].source, "verification": rules[rid].verification},
    } for rid in used]
    index = {rid: i for i, rid in enumerate(used)}
    out = []
    for path, findings in results:
        for f in _visible(findings, threshold):
            region = {"startLine": f.position.line, "startColumn": f.position.column} if f.position else {"startLine": 1}
            if getattr(f, "quote", ""):     # a finding in a Word/PDF draft: the author's words at that place
                region["snippet"] = {"text": f.quote}
            out.append({
                "ruleId": f.rule.id,
                "ruleIndex": index[f.rule.id],
                "level": level[f.severity.value],
                "message": {"text": f.message + (f" ({f.hint})" if f.hint else "")},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": _file(f, path).replace("\\", "/")},
                                                    "region": region}}],
            })
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "legaldraft", "version": __version__,
                                      "informationUri": "https://github.com/legaldraft/legaldraft",
                                      "rules": sarif_rules}},
                  "results": out}],
    }


def list_rules(fmt: str = "text") -> str:
    rules = load_rules()
    ordered = sorted(rules.values(), key=lambda r: (r.id.split("-")[0], r.id))
    if fmt == "json":
        return json.dumps([{"id": r.id, "severity": r.severity.value, "title": r.title, "source": r.source,
                            "verification": r.verification, "applies_to": list(r.applies_to)} for r in ordered],
                          indent=2, ensure_ascii=False)
    if fmt == "markdown":
        lines = ["| id | tingkat | aturan | sumber | ver |", "|---|---|---|---|---|"]
        lines += [f"| {r.id} | {r.severity.value} | {r.title} | {r.source} | {r.verification} |" for r in ordered]
        return "\n".join(lines)
    width = max(len(r.title) for r in ordered) if ordered else 0
    lines = [f"{r.id:<8} {r.severity.value:<8} {r.title:<{width}}  [{r.source}]" for r in ordered]
    lines.append(f"{len(ordered)} aturan. Penjelasan: legaldraft rules ID")
    return "\n".join(lines)


def describe_rule(rule_id: str, fmt: str = "text") -> str | None:
    r = load_rules().get(rule_id)
    if r is None:
        return None
    if fmt == "json":
        return json.dumps({"id": r.id, "severity": r.severity.value, "title": r.title, "source": r.source,
                           "explanation": r.explanation, "wrong": r.wrong, "right": r.right,
                           "verification": r.verification, "applies_to": list(r.applies_to)}, indent=2, ensure_ascii=False)
    lines = [f"{r.id} ({r.severity.value}): {r.title}", f"Sumber: {r.source} (verifikasi: {r.verification})", "",
             r.explanation]
    if r.wrong:
        lines += ["", f"Salah: {r.wrong}"]
    if r.right:
        lines += [f"Benar: {r.right}"]
    lines += ["", f"Berlaku untuk: {', '.join(r.applies_to)}"]
    from .docs import dated_lines, since_line  # the dated forms of this rule, as docs/rules.md prints them

    if r.since:
        lines.append(since_line(r))
    lines += [line for line in dated_lines(r.id) if line]
    return "\n".join(lines)

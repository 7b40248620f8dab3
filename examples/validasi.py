"""Validate specs and act on the findings, as a CI step or a review script would.

    python examples/validasi.py OUT_DIR [SPEC ...]

For each spec (default: data/perbup-bermasalah.yaml, which has deliberate mistakes):
  * print every finding with its place in the file and how to fix it;
  * write all findings to OUT_DIR/temuan.json (for a dashboard or a review ticket);
  * apply the safe mechanical fixes to a copy in OUT_DIR/diperbaiki/ (what `legaldraft check --fix` does
    to the file itself) and check the copy again, listing what still needs a drafter.
Exit code: 0 when the original specs have no error, 1 when they do, 2 when a spec cannot be read.
"""
from __future__ import annotations

import json
import shutil
import sys
from collections import Counter
from pathlib import Path

import legaldraft
from legaldraft.api import context_of
from legaldraft.rules.fix import apply_fixes
from legaldraft.spec.errors import SpecError

HERE = Path(__file__).resolve().parent
DEFAULT_SPEC = HERE / "data" / "perbup-bermasalah.yaml"
LABEL = {"error": "GALAT", "warning": "peringatan", "info": "info"}


def describe(finding) -> str:
    line = f"{finding.location()}: {LABEL[finding.severity.value]} {finding.rule.id}: {finding.message}"
    if finding.hint:
        line += f"\n    perbaikan: {finding.hint}"
    if finding.fix is not None:
        line += "  (otomatis: legaldraft check --fix)"
    return line


def validate(spec: Path, out_dir: Path) -> tuple[list[dict], int]:
    """Findings of ``spec`` as dicts, and the number of errors left after the mechanical fixes."""
    doc = legaldraft.load(spec)
    findings = legaldraft.check(doc)
    for f in findings:
        print(describe(f))
    fixable = [f for f in findings if f.fix is not None]
    remaining = [f for f in findings if f.severity.value == "error"]
    if fixable:
        copy = out_dir / "diperbaiki" / spec.name
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(spec, copy)
        for change in apply_fixes(copy, fixable):
            print(f"  diperbaiki pada salinan: {change}")
        # the copy lies elsewhere: give it the daerah profile the original was checked with
        profile = context_of(doc).profile
        remaining = [f for f in legaldraft.check(legaldraft.load(copy, profile=profile))
                     if f.severity.value == "error"]
    for f in remaining:
        print(f"  masih perlu diperbaiki penyusun: {f.rule.id} {f.message}")
    records = [dict(f.to_dict(), otomatis=f.fix is not None) for f in findings]
    return records, len(remaining)


def main(argv: list[str]) -> int:
    if not argv:
        print("pemakaian: python examples/validasi.py OUT_DIR [SPEC ...]", file=sys.stderr)
        return 3
    out_dir = Path(argv[0])
    out_dir.mkdir(parents=True, exist_ok=True)
    specs = [Path(p) for p in argv[1:]] or [DEFAULT_SPEC]
    report: dict[str, list[dict]] = {}
    counts: Counter = Counter()
    for spec in specs:
        try:
            records, left = validate(spec, out_dir)
        except SpecError as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            return 2
        report[str(spec)] = records
        counts.update(r["severity"] for r in records)
        counts["sisa_galat"] += left
    (out_dir / "temuan.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"{len(specs)} spec: {counts['error']} galat, {counts['warning']} peringatan, {counts['info']} info; "
          f"setelah perbaikan otomatis tersisa {counts['sisa_galat']} galat")
    return 1 if counts["error"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

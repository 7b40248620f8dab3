"""Real-defect benchmark: recall on the project's own set of wrong/right pairs from real documents.

    python bench/defects.py [-v]

Prints, per family and overall: recall at the severity the law implies, recall at any severity, and the
false-alarm errors on right texts (target, issue 13: ≥ 95 % at the expected severity, 0 false errors).
-v lists every pair that is not caught at its expected severity.
"""
from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "defects"))

import defect_harness as harness  # noqa: E402


def pct(part: int, whole: int) -> str:
    return f"{part:>3}/{whole:<3} {100 * part / whole:5.1f} %" if whole else "  -"


def main(verbose: bool = False) -> int:
    start = time.perf_counter()
    results = harness.run_all()
    families = defaultdict(list)
    for outcome in results:
        families[outcome.pair.family].append(outcome)
    print(f"{'keluarga':<20} {'pada tingkat yang benar':>24} {'pada tingkat apa pun':>22} {'galat palsu':>12}")
    for name in sorted(families) + ["SEMUA"]:
        group = results if name == "SEMUA" else families[name]
        at = sum(o.caught_at_severity for o in group)
        any_ = sum(o.caught for o in group)
        false = sum(len(o.false_errors) for o in group)
        if name == "SEMUA":
            print("-" * 82)
        print(f"{name:<20} {pct(at, len(group)):>24} {pct(any_, len(group)):>22} {false:>12}")
    if verbose:
        print()
        for o in results:
            if not o.caught_at_severity:
                print(f"  {harness.status(o):<18} {o.pair.name}  {o.pair.rule} ({o.pair.severity})")
    print(f"\n{len(results)} pasangan dalam {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main("-v" in sys.argv))

"""Seeded-defect benchmark: per-rule catch results and the overall rate.

    python bench/seeded_defects.py [-v]

Each defect (tests/seeded/defects.yaml) is a correct spec with one injected fault and the rule that must
catch it; -v also lists the other rules each fault set off.
"""
from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "seeded"))

import harness  # noqa: E402


def main(verbose: bool = False) -> int:
    start = time.perf_counter()
    results, pending = harness.run_all()
    by_rule = defaultdict(list)
    for outcome in results:
        by_rule[outcome.defect.rule].append(outcome)
    print(f"{'aturan':<9}{'tertangkap':>11}")
    for rule_id in sorted(by_rule):
        group = by_rule[rule_id]
        print(f"{rule_id:<9}{sum(o.caught for o in group):>5}/{len(group):<5}")
        for o in group:
            if not o.caught or verbose:
                mark = "ok  " if o.caught else "MISS"
                print(f"    {mark} {o.defect.label}  lain: {', '.join(r for r in o.found if r != rule_id) or '-'} {o.problem}")
    for defect in pending:
        print(f"menunggu aturan {defect.rule}: {defect.label}")
    print(harness.summary(results) + f" in {time.perf_counter() - start:.1f} s")
    return 0 if results and sum(o.caught for o in results) / len(results) >= 0.95 else 1


if __name__ == "__main__":
    sys.exit(main("-v" in sys.argv))

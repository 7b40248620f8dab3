"""The amend/consolidate property on many generated cases, with timings.

    python bench/amend_bench.py [CASES] [--edits N]

For each case: a random Perbup A (BAB, Bagian, Pasal, ayat, huruf, definitions), a revision B and a
second revision C made by random inserts, deletes, moves and edits; checks that consolidate(A, amend(A, B))
reads as B, that consolidate(A, P1, amend(A, C, earlier=[P1])) reads as C, and that no existing number
shifts. Same generator as tests/test_amend_property.py (which runs 500 cases in the test suite).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_amend_property import check_case  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", type=int, nargs="?", default=5000)
    parser.add_argument("--edits", type=int, default=0, help="edits per revision (0: 1 to 8, varying)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    failures = []
    start = time.perf_counter()
    for n in range(args.cases):
        seed = args.seed * 1_000_003 + n
        edits = args.edits or 1 + n % 8
        try:
            check_case(seed, edits)
        except Exception as exc:  # report every failing case, not only the first
            failures.append((seed, edits, f"{type(exc).__name__}: {exc}"))
    elapsed = time.perf_counter() - start
    print(f"{args.cases} kasus, {len(failures)} gagal, {elapsed:.1f} s ({1000 * elapsed / max(args.cases, 1):.1f} ms/kasus)")
    for seed, edits, message in failures[:20]:
        print(f"  seed={seed} edits={edits}: {message[:200]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

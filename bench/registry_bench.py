"""Registry benchmark: loading the generated registry of national regulations, and searching it.

    python bench/registry_bench.py

Each load is timed in a fresh interpreter (the registry is cached per process), median of 7.
Target: loading ≤ 50 ms (issue 13); ``legaldraft --version`` never loads it (bench/run.py times start-up).
"""
from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LOAD_TARGET = 0.050
PROBE = """
import time
from legaldraft.spec import registry
t = time.perf_counter(); registry.bulk(); t1 = time.perf_counter(); registry.national(); t2 = time.perf_counter()
from legaldraft.spec.search import registry_search
registry_search('pengelolaan keuangan daerah'); t3 = time.perf_counter()
registry_search('pp 12 2019'); t4 = time.perf_counter()
print(t1 - t, t2 - t1, t3 - t2, t4 - t3)
"""


def measure(runs: int = 7) -> dict[str, float]:
    rows = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, cwd=ROOT)
        rows.append([float(x) for x in out.stdout.split()])
    names = ("bulk", "national", "search_first", "search_warm")
    return {name: statistics.median(r[i] for r in rows) for i, name in enumerate(names)}


def registry_rows(table) -> None:
    from legaldraft.spec.registry import national

    reg = national()
    figures = measure()
    bulk = figures["bulk"]
    table.add(f"registry: {len(reg)} entri ({len(reg.verified)} diverifikasi tangan)", "")
    table.add("registry: muat data-peraturan (json.gz, median 7 proses)", f"{bulk * 1000:.0f} ms",
              f"≤ 50 ms {'tercapai' if bulk <= LOAD_TARGET else 'BELUM'}")
    table.add("registry: muat entri tangan (YAML) di atasnya", f"{figures['national'] * 1000:.0f} ms")
    table.add("registry search pertama (membangun indeks kata)", f"{figures['search_first'] * 1000:.0f} ms")
    table.add("registry search berikutnya", f"{figures['search_warm'] * 1000:.1f} ms")


def main() -> int:
    class Table:
        def add(self, what, value, target=""):
            print(f"  {what:<58} {value:>10}  {target}")

    registry_rows(Table())
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Per-document round-trip figure of the importer over the project corpus (or the files given).

    python bench/import_report.py [FILE ...]

For every document: the share of its words that the imported spec reproduces when built again
(legaldraft.naskah.assembler.plain_text, word tokens, case-insensitive, page furniture removed), the parts
kept verbatim, and the validator's findings by severity.
"""
from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def main(argv: list[str]) -> int:
    from legaldraft.importer import import_file, source_text
    from legaldraft.importer.report import round_trip

    files = [Path(a) for a in argv] or sorted(CORPUS.glob("*.txt"))
    worst = 1.0
    print(f"{'dokumen':45} {'cakupan':>8} {'dua arah':>8} {'kata':>6} {'mentah':>6}  temuan")
    for path in files:
        start = time.perf_counter()
        result = import_file(path)
        rt = round_trip(result, source_text(path))
        counts = Counter(str(getattr(f.severity, "value", f.severity)) for f in rt.findings)
        worst = min(worst, rt.coverage)
        print(f"{path.name:45} {rt.coverage:8.2%} {rt.ratio:8.2%} {rt.source_words:6} {len(rt.raw_parts):6}  "
              f"{dict(counts)}  ({time.perf_counter() - start:.1f} s)")
    print(f"terendah: {worst:.2%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

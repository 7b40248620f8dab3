"""Importer figures on a folder of real documents (issue 12): per document and in total.

    python bench/import_corpus.py [DIR]          (default: corpus/)

DIR is any folder of .txt/.docx/.pdf/.odt/.rtf/.html documents, searched recursively; with a manifest.yaml
(the form of corpus/manifest.yaml) the kind and the konsiderans/Mengingat/BAB/Pasal counts are compared with
the hand-verified ones. Printed per document: kind found (and expected), words kept, typed coverage, counts
(found/expected), seconds; in total: kind right, words kept mean and worst, typed coverage mean, share of
documents whose counts equal the manifest's, internal errors, import time median and p95.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _pct(x) -> str:
    return "   -  " if x is None else f"{x:6.1%}"


def main(argv: list[str]) -> int:
    from legaldraft.importer.quality import COUNTED, measure_folder, totals

    folder = Path(argv[0]) if argv else ROOT / "corpus"
    if not folder.is_dir():
        print(f"{folder}: bukan folder", file=sys.stderr)
        return 3
    print(f"{'dokumen':46} {'jenis (manifest)':34} {'kata':>6} {'bertipe':>7}  "
          f"{'kons':>5} {'meng':>5} {'bab':>5} {'pasal':>5} {'detik':>6}")

    def row(m):
        if m.error or m.refused:
            print(f"{m.name[:46]:46} {'GALAT INTERNAL: ' + m.error if m.error else 'ditolak: ' + m.refused}")
            return
        f = m.figures
        kind = f"{m.kind}/{m.tingkat}"
        if m.kind_expected is not None and not m.kind_ok:
            kind += f" ({m.kind_expected}/{m.expected.get('tingkat')})"
        cells = []
        for name in COUNTED:
            got = f.counts.get(name, 0)
            exp = m.expected.get(name)
            cells.append(f"{got:>5}" if exp is None or exp == got else f"{got:>2}/{exp:<2}")
        print(f"{m.name[:46]:46} {kind[:34]:34} {_pct(f.words_kept)} {_pct(f.typed_coverage)}  "
              f"{' '.join(cells)} {m.seconds:6.2f}")

    measures = measure_folder(folder, progress=row)
    t = totals(measures)
    print()
    print(f"dokumen: {t.documents}; galat internal: {t.errors}; ditolak: {t.refused}")
    print(f"jenis benar: {_pct(t.kind_right)}")
    print(f"kata terbawa: rata-rata {_pct(t.words_kept_mean)}, terendah {_pct(t.words_kept_worst)}")
    print(f"cakupan bertipe: rata-rata {_pct(t.typed_mean)}")
    print("jumlah sama dengan manifest: " + ", ".join(f"{k} {_pct(v)}" for k, v in t.counts_equal.items()))
    print(f"waktu impor per dokumen: median {t.median_s:.2f} s, p95 {t.p95_s:.2f} s")
    print()
    print("per jenis (jenis manifest, atau yang terbaca bila tanpa manifest):")
    groups: dict[str, list] = {}
    for m in measures:
        groups.setdefault((m.expected or {}).get("jenis") or (m.kind or "?").split("/")[0], []).append(m)
    for jenis, group in sorted(groups.items()):
        g = totals(group)
        counts = " ".join(f"{k} {_pct(v).strip()}" for k, v in g.counts_equal.items())
        print(f"  {jenis:11} {g.documents:3} dok.; jenis benar {_pct(g.kind_right).strip()}; kata {_pct(g.words_kept_mean).strip()} "
              f"(terendah {_pct(g.words_kept_worst).strip()}); bertipe {_pct(g.typed_mean).strip()}; sama: {counts}; "
              f"galat {g.errors}; median {g.median_s:.2f} s, p95 {g.p95_s:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

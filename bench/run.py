"""legaldraft benchmarks (issue 7): prints a table, no pass/fail.

    python bench/run.py [--no-pdf] [--specs 500] [--jobs 2]

Measures load+check+DOCX of generated 10-, 100- and 400-Pasal Perbup (median of several runs) against
the lxml lower bound (serialising the same document.xml and zipping it); ``check`` alone; CLI start-up;
a cold and an incremental batch build; PDF per document (cold, batch, warm: bench/render_bench.py);
and peak memory.
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from registry_bench import registry_rows  # noqa: E402
from render_bench import long_perbup, lxml_lower_bound, pdf_times, timed  # noqa: E402

import legaldraft  # noqa: E402
from legaldraft.spec.scaffold import scaffold  # noqa: E402

TARGETS = {
    "docx100": 3.0,      # DOCX of 100 Pasal within 3x the lxml lower bound
    "startup": 0.3,      # seconds
    "batch_cold": 60.0,  # seconds for 500 specs on 2 cores
    "batch_incr": 2.0,   # seconds, nothing changed
}


class Table:
    def __init__(self):
        self.rows: list[tuple[str, str, str]] = []

    def add(self, what: str, value: str, target: str = "") -> None:
        self.rows.append((what, value, target))
        print(f"  {what:<58} {value:>14}  {target}", flush=True)

    def markdown(self) -> str:
        lines = ["| pengukuran | hasil | sasaran |", "|---|---:|---|"]
        lines += [f"| {w} | {v} | {t} |" for w, v, t in self.rows]
        return "\n".join(lines)


def verdict(ok: bool, text: str) -> str:
    return f"{text} {'tercapai' if ok else 'BELUM'}"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def document_pipeline(table: Table, work: Path) -> None:
    from legaldraft.api import check, render_docx_bytes

    for pasal, repeat in ((10, 7), (100, 5), (400, 3)):
        spec = work / f"perbup{pasal}.yaml"
        spec.write_text(long_perbup(pasal), encoding="utf-8")

        def pipeline():
            doc = legaldraft.load(spec)
            check(doc)
            return render_docx_bytes(doc)

        data = pipeline()  # warm the caches (profile, registry, template) first
        total = timed(pipeline, repeat)
        doc = legaldraft.load(spec)
        docx = timed(lambda: render_docx_bytes(doc), repeat)
        writer = timed(writer_only(doc), repeat)
        floor = lxml_lower_bound(data)
        table.add(f"Perbup {pasal} Pasal: load+check+DOCX (median {repeat})", ms(total))
        table.add(f"Perbup {pasal} Pasal: DOCX (susun blok + tulis) / batas bawah lxml ({ms(floor)})",
                  f"{ms(docx)} = {docx / floor:.1f}×")
        target = verdict(writer / floor <= TARGETS["docx100"], "≤ 3× batas bawah") if pasal == 100 else ""
        table.add(f"Perbup {pasal} Pasal: penulis DOCX saja (blok -> byte) / batas bawah",
                  f"{ms(writer)} = {writer / floor:.1f}×", target)
    for pasal in (200, 400):
        spec = work / f"perbup{pasal}.yaml"
        spec.write_text(long_perbup(pasal), encoding="utf-8")
        doc = legaldraft.load(spec)
        table.add(f"check saja, {pasal} Pasal (median 5)", ms(timed(lambda: check(doc), 5)))
        table.add(f"load saja, {pasal} Pasal (median 5)", ms(timed(lambda: legaldraft.load(spec), 5)))


def writer_only(doc):
    """blocks -> bytes, the part of the DOCX time that the lxml lower bound stands for."""
    from legaldraft.render.docx import render_docx
    from legaldraft.naskah.jenis import jenis_of
from legaldraft.render.pipeline import document_blocks
    from legaldraft.render.templates import template_path
    from legaldraft.spec.loader import context_of

    ctx = context_of(doc)
    blocks = document_blocks(doc, ctx)
    template = template_path(jenis_of(doc).template, ctx.profile.templates)
    return lambda: render_docx(blocks, ctx.profile, template, ctx.base_dir, doc.tentang)


def peak_memory(table: Table, work: Path) -> None:
    from legaldraft.api import check, render_docx_bytes

    spec = work / "perbup400.yaml"
    tracemalloc.start()
    doc = legaldraft.load(spec)
    check(doc)
    render_docx_bytes(doc)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    table.add("memori puncak Python, 400 Pasal (tracemalloc)", f"{peak / 2**20:.1f} MiB")
    table.add("RSS puncak proses bench ini", f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


def cli() -> list[str]:
    exe = shutil.which("legaldraft")
    return [exe] if exe else [sys.executable, "-m", "legaldraft"]


def startup(table: Table) -> None:
    runs = []
    for _ in range(9):
        start = time.perf_counter()
        subprocess.run([*cli(), "--version"], check=True, capture_output=True)
        runs.append(time.perf_counter() - start)
    median = statistics.median(runs)
    table.add("start CLI: legaldraft --version (median 9)", ms(median),
              verdict(median < TARGETS["startup"], "< 0,3 s"))


def batch_specs(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    kinds = ("perbup", "keputusan", "pedoman")
    for i in range(count):
        text = scaffold(kinds[i % 3]).replace("Terpadu", f"Terpadu Tahap {i + 1}", 1)
        (folder / f"spec-{i:04d}.yaml").write_text(text, encoding="utf-8")


def batch(table: Table, work: Path, count: int, jobs: int) -> None:
    specs, out = work / "batch", work / "batch-out"
    batch_specs(specs, count)

    def build() -> float:
        start = time.perf_counter()
        proc = subprocess.run([*cli(), "build", str(specs), "-o", str(out), "-j", str(jobs), "--no-progress"],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr[-2000:])
        return time.perf_counter() - start

    cold = build()
    table.add(f"batch {count} spec dingin, {jobs} proses", f"{cold:.1f} s",
              verdict(cold < TARGETS["batch_cold"], "< 60 s"))
    incremental = statistics.median(build() for _ in range(3))
    table.add(f"batch {count} spec, tidak ada yang berubah (median 3)", f"{incremental:.2f} s",
              verdict(incremental < TARGETS["batch_incr"], "< 2 s"))
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    table.add("RSS puncak satu proses anak (CLI/pekerja batch)", f"{child:.0f} MiB")


def pdf(work: Path, docs: int) -> None:
    paths = []
    for i in range(docs):
        kind = ("perbup", "keputusan", "pedoman")[i % 3]
        spec = work / "pdf" / f"{kind}-{i}.yaml"
        spec.parent.mkdir(exist_ok=True)
        spec.write_text(scaffold(kind) if i else long_perbup(100), encoding="utf-8")
        paths.extend(legaldraft.build(legaldraft.load(spec), work / "pdf-docx"))
    pdf_times(paths, work)  # bench/render_bench.py: cold, batch and warm per document


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} inti, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--specs", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--pdf-docs", type=int, default=6)
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--markdown", action="store_true", help="Cetak juga tabel Markdown (untuk README).")
    args = parser.parse_args()
    print(f"legaldraft {legaldraft.__version__} — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"mesin: {machine()}\n")
    table = Table()
    with tempfile.TemporaryDirectory(prefix="legaldraft-bench-") as tmp:
        work = Path(tmp)
        document_pipeline(table, work)
        peak_memory(table, work)
        startup(table)
        registry_rows(table)
        batch(table, work, args.specs, args.jobs)
        if not args.no_pdf:
            print()
            pdf(work, args.pdf_docs)
    if args.markdown:
        print("\n" + table.markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())

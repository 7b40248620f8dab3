"""Rendering benchmark (issue 4).

    python bench/render_bench.py [--docs 8] [--no-pdf]

Prints
  * the DOCX time of a 100-Pasal Perbup (median of 5 builds, blocks -> bytes),
  * the lxml lower bound: serialising the same document.xml with lxml and zipping the package (median of 5),
  * per-document PDF time for a batch of N documents: cold (one soffice per file), batch (one soffice call)
    and warm (a unoserver started once; its start-up is printed apart).
"""
from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import yaml  # noqa: E402

import legaldraft  # noqa: E402
from legaldraft.spec.scaffold import scaffold  # noqa: E402


def long_perbup(pasal: int = 100) -> str:
    """A Perbup of ``pasal`` Pasal in 10 BAB, each Pasal with three ayat, one of them with a list."""
    data = yaml.safe_load(scaffold("perbup"))
    per_bab = pasal // 10
    babs = [data["batang_tubuh"][0]]
    for b in range(10):
        isi = []
        for p in range(per_bab - (1 if b == 0 else 0)):
            n = f"b{b}p{p}"
            isi.append({"pasal": n, "ayat": [
                {"id": f"{n}-1", "teks": "Perangkat Daerah menyelenggarakan pelayanan publik secara terpadu sesuai "
                                          "dengan standar pelayanan yang ditetapkan oleh Bupati."},
                {"teks": f"Penyelenggaraan [[dimaksud {n}-1]] meliputi:",
                 "rincian": ["perencanaan;", "pelaksanaan;", "pemantauan; dan", "evaluasi."]},
                {"teks": "Ketentuan lebih lanjut mengenai tata cara penyelenggaraan diatur oleh Kepala Perangkat Daerah."},
            ]})
        babs.append({"bab": f"MATERI POKOK {b + 1}", "isi": isi})
    babs.append(data["batang_tubuh"][-1])
    data["batang_tubuh"] = babs
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def timed(fn, repeat: int = 5) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def lxml_lower_bound(docx: bytes) -> float:
    """Serialise the document's own document.xml with lxml and zip the package: the floor for any writer."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    tree = etree.fromstring(parts["word/document.xml"])

    def write():
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
            for name, data in parts.items():
                out.writestr(name, etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)
                             if name == "word/document.xml" else data)
        return buf.getvalue()

    return timed(write)


def pdf_times(docs: list[Path], work: Path) -> None:
    from legaldraft.render import pdf

    if pdf.soffice() is None:
        print("PDF: LibreOffice tidak terpasang, dilewati")
        return
    n = len(docs)
    start = time.perf_counter()
    for doc in docs:
        pdf.convert_batch([doc], work / "cold")
    cold = time.perf_counter() - start
    start = time.perf_counter()
    pdf.convert_batch(docs, work / "batch")
    batch = time.perf_counter() - start
    print(f"PDF, {n} dokumen: dingin (satu soffice per berkas) {cold / n:.2f} s/dokumen ({cold:.1f} s total)")
    print(f"PDF, {n} dokumen: batch (satu panggilan soffice)   {batch / n:.2f} s/dokumen ({batch:.1f} s total)")
    try:
        start = time.perf_counter()
        with pdf.start_warm_server() as server:
            started = time.perf_counter() - start
            start = time.perf_counter()
            server.convert(docs, work / "warm")
            warm = time.perf_counter() - start
        print(f"PDF, {n} dokumen: hangat (unoserver)               {warm / n:.2f} s/dokumen ({warm:.1f} s total; "
              f"menyalakan server {started:.1f} s, sekali saja)")
    except Exception as exc:  # noqa: BLE001 - the warm path is optional
        print(f"PDF hangat: tidak tersedia ({exc})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=8)
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="legaldraft-bench-") as tmp:
        work = Path(tmp)
        spec = work / "perbup100.yaml"
        spec.write_text(long_perbup(100), encoding="utf-8")
        doc = legaldraft.load(spec)
        data = legaldraft.render_docx_bytes(doc)
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            paragraphs = zf.read("word/document.xml").count(b"<w:p>")
        docx_time = timed(lambda: legaldraft.render_docx_bytes(doc))
        print(f"DOCX, Perbup 100 Pasal ({paragraphs} paragraf): median dari 5 = {docx_time * 1000:.0f} ms")
        print(f"Batas bawah lxml (serialisasi document.xml yang sama + zip): {lxml_lower_bound(data) * 1000:.0f} ms")
        if args.no_pdf:
            return 0
        docs = []
        for i in range(args.docs):
            kind = ("perbup", "keputusan", "pedoman")[i % 3]
            path = work / f"{kind}-{i}.yaml"
            path.write_text(scaffold(kind) if i else long_perbup(100), encoding="utf-8")
            docs.extend(legaldraft.build(legaldraft.load(path), work / "docx"))
        pdf_times(docs, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Review time of a 60-page Word draft (target: at most 2 s without PDF).

    python bench/review.py [--pasal N] [--repeat R] [--pdf]

The draft is the review fixture (tests/fixtures/review/make_drafts.py: python-docx, Word numbering, split
runs, text box, table) with its batang tubuh repeated until it has N Pasal (default 195: 60 pages of F4
in Bookman 12: --pdf converts it with LibreOffice and prints the page count), each copy carrying the
fixture's defects. Prints the time of `check` (read, import, rules, placing) and of `review` (the same plus
comments and tracked changes), best of R runs, and what was written.
"""
from __future__ import annotations

import argparse
import copy
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "tests" / "fixtures" / "review" / "draft-pythondocx.docx"


def make_draft(target: Path, pasal: int) -> int:
    """The fixture with Pasal 2 .. 5 (and their BAB) repeated; returns the number of Pasal headings."""
    import re

    from docx import Document

    doc = Document(str(DRAFT))
    body = doc.element.body
    children = list(body)
    texts = ["".join(t.text or "" for t in el.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
             for el in children]
    start = texts.index("BAB II")
    end = texts.index("BAB IV")
    block = children[start:end]
    anchor = children[end]
    count = sum(1 for t in texts if re.fullmatch(r"Pasal \d+", t))
    while count < pasal:
        for el in block:
            anchor.addprevious(copy.deepcopy(el))
        count += sum(1 for el in block if re.fullmatch(r"Pasal \d+", "".join(
            t.text or "" for t in el.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))))
    doc.save(str(target))
    return count


def pages(docx: Path) -> int:
    from legaldraft.render.pdf import convert_batch

    with tempfile.TemporaryDirectory() as tmp:
        pdf = convert_batch([docx], Path(tmp))[0]
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pasal", type=int, default=195)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pdf", action="store_true", help="count the pages with LibreOffice")
    args = parser.parse_args()
    from legaldraft.review.core import check_source
    from legaldraft.review.writer import review_docx

    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / "draf-besar.docx"
        n = make_draft(draft, args.pasal)
        print(f"draf: {n} Pasal, {draft.stat().st_size // 1024} KiB" +
              (f", {pages(draft)} halaman" if args.pdf else ""))
        check_times, review_times = [], []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            report = check_source(draft)
            check_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            data, report = review_docx(draft, Path(tmp) / "koreksi.docx")
            review_times.append(time.perf_counter() - t0)
        edits = sum(len(f.edits) for f in report.findings)
        print(f"check : {min(check_times):.2f} s ({len(report.findings)} temuan)")
        print(f"review: {min(review_times):.2f} s ({len(report.findings) + 1} komentar, {edits} perubahan terlacak, "
              f"{len(data) // 1024} KiB)  [target <= 2 s]")
    return 0


if __name__ == "__main__":
    sys.exit(main())

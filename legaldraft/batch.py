"""Building many specs: parallel across cores, with a progress bar, PDF through one LibreOffice per batch."""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .spec.errors import EXIT_INVALID, EXIT_OK, SpecError


def _build_one(args):
    path, out_dir, formats = args
    from .render.pipeline import write_outputs
    from .spec.loader import context_of, load

    try:
        doc = load(path)
    except SpecError as exc:
        return path, None, [str(p) for p in exc.problems]
    result = write_outputs(doc, context_of(doc), Path(out_dir), tuple(f for f in formats if f != "pdf"))
    return path, [str(p) for p in result.outputs], []


def run_build(files: list[Path], out_dir: Path, formats: tuple[str, ...], force: bool = False, jobs: int = 0,
              progress: bool = True, echo=print) -> int:
    if not files:
        echo("tidak ada spec untuk dibangun")
        return EXIT_OK
    jobs = jobs or min(os.cpu_count() or 1, len(files))
    tasks = [(str(f), str(out_dir), formats) for f in files]
    results = []
    bar = None
    if progress and len(files) > 1:
        from tqdm import tqdm

        bar = tqdm(total=len(files), desc="membangun", unit="spec", leave=False)
    if jobs > 1 and len(files) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for res in pool.map(_build_one, tasks):
                results.append(res)
                if bar:
                    bar.update(1)
    else:
        for task in tasks:
            results.append(_build_one(task))
            if bar:
                bar.update(1)
    if bar:
        bar.close()
    code = EXIT_OK
    docx_written: list[Path] = []
    for path, outputs, problems in results:
        if outputs is None:
            for p in problems:
                echo(p, err=True) if _accepts_err(echo) else echo(p)
            code = EXIT_INVALID
            continue
        for out in outputs:
            echo(f"ditulis: {out}")
            if out.endswith(".docx"):
                docx_written.append(Path(out))
    if "pdf" in formats and docx_written:
        from .render.pdf import PdfUnavailable, convert_many

        try:
            for pdf in convert_many(docx_written, out_dir):
                echo(f"ditulis: {pdf}")
        except PdfUnavailable as exc:
            echo(str(exc))
    return code


def _accepts_err(echo) -> bool:
    return getattr(echo, "__module__", "").startswith("click")

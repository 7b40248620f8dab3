"""Hostile inputs (issue 17): time, peak memory and exit code of each attack case, no pass/fail.

    python bench/hostile.py [--markdown] [--keep DIR]

Every case of tests/hostile_cases.py (zip bombs, billion laughs, 2 million XML elements, a 20 MB text, the
cubic dot-leader line, FIFO and /dev/zero, alias bombs of long strings, a catastrophic profile regex, broken
profiles, images and templates, a hung or failing soffice, usage errors) runs as ``python -m legaldraft …`` in
its own process; its own peak RSS comes from ``os.wait4``. Target: each within 10 s and 512 MB, with its
documented exit code and one clear line, no traceback.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import hostile_cases  # noqa: E402

TARGET_SECONDS = 10
TARGET_MB = 512


def measure(case: hostile_cases.Case, folder: Path) -> tuple[float, float, int, str]:
    """(seconds, peak RSS in MB, exit code, first line of stderr) of one case in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), **case.env}
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "legaldraft", *case.args], cwd=folder / case.cwd, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out_chunks, err_chunks = [], []
    import threading

    readers = [threading.Thread(target=lambda s=s, b=b: b.append(s.read())) for s, b in
               ((proc.stdout, out_chunks), (proc.stderr, err_chunks))]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - start
    for reader in readers:
        reader.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = b"".join(err_chunks).decode("utf-8", "replace")
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    shown = next((ln for ln in lines if case.message in ln), lines[0] if lines else "")
    if "Traceback" in stderr:
        shown = "TRACEBACK: " + shown
    return seconds, usage.ru_maxrss / 1024, proc.returncode, shown


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table (for README)")
    parser.add_argument("--keep", type=Path, help="make the cases in this folder and keep it")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="legaldraft-hostile-"))
    try:
        # made in a child process: this one stays small, since a child's peak RSS counts what it had at fork
        made = subprocess.run([sys.executable, "-c", f"import sys, json, dataclasses, pathlib; "
                               f"sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / 'tests')!r}]; import hostile_cases; "
                               f"print(json.dumps([dataclasses.asdict(c) for c in "
                               f"hostile_cases.make(pathlib.Path({str(folder)!r}))]))"],
                              check=True, capture_output=True, text=True)
        cases = [hostile_cases.Case(**data) for data in json.loads(made.stdout.splitlines()[-1])]
        rows = []
        for case in cases:
            seconds, mb, code, line = measure(case, folder)
            ok = code == case.code and seconds <= TARGET_SECONDS and mb <= TARGET_MB and not line.startswith("TRACEBACK")
            rows.append((case.name, seconds, mb, code, case.code, ok, line))
        print(f"# legaldraft bench/hostile.py, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
              f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
        if args.markdown:
            print("| kasus | waktu | memori puncak | kode keluar | sasaran |")
            print("|---|---:|---:|---:|---|")
            for name, seconds, mb, code, expected, ok, _ in rows:
                print(f"| {name} | {seconds:.2f} s | {mb:.0f} MB | {code} | {'tercapai' if ok else 'BELUM'} |")
        else:
            width = max(len(r[0]) for r in rows)
            for name, seconds, mb, code, expected, ok, line in rows:
                flag = "ok " if ok else "!! "
                print(f"{flag}{name:<{width}}  {seconds:6.2f} s  {mb:6.0f} MB  exit {code} (dokumen: {expected})  {line[:110]}")
        worst_t = max(r[1] for r in rows)
        worst_m = max(r[2] for r in rows)
        missed = [r[0] for r in rows if not r[5]]
        print(f"terlama {worst_t:.2f} s, memori puncak terbesar {worst_m:.0f} MB; "
              f"sasaran {TARGET_SECONDS} s / {TARGET_MB} MB: " + ("tercapai semua" if not missed else f"belum: {', '.join(missed)}"))
        return 0
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

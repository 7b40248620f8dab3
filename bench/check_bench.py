"""Check and start-up benchmark (issue 14): the figures of this tree beside those of an older one, as ratios.

    python bench/check_bench.py [--baseline DIR] [--repeat 5] [--processes-only] [--instructions]

``--baseline DIR``: a checkout of an earlier commit (e.g. ``git worktree add /tmp/base 51ea618`` or
``git archive 51ea618 | tar -x -C /tmp/base``); every row is measured for both trees, the same way, on the
same generated specs, each tree in its own interpreter. Rows:

* ``check`` of generated Perbup of 100, 200, 400 and 800 Pasal (is the cost linear in the text?);
* ``check`` of a scaffold whose BAB II holds N copies of one Pasal (N = 50 … 400);
* ``check`` of 400 Pasal written with thousands of defects (the cost of findings and their fixes);
* load + check + DOCX of 100 Pasal in one process;
* whole processes: ``legaldraft check`` and ``legaldraft build`` of a 10-Pasal spec, ``check`` of a real spec
  (specs/purwakarta/perbup-slrt.yaml, whose words load the spelling dictionary), and pandoc turning the same
  10-Pasal document's Markdown into DOCX as the peer figure (pandoc on PATH, else the one pypandoc-binary bundles).
  Both trees are byte-compiled first (``compileall``) and given their start-up caches (compiled regular
  expressions and code), as ``make install`` does. These rows are measured in turn (each round runs every command once, both trees and pandoc), so a machine
  whose speed drifts during the measurement moves them alike.

``--instructions`` adds the instruction count of each whole process (valgrind callgrind, when installed): on a
shared 2-core machine the wall clock of the same command moves ±25 % within minutes, the count does not.

Medians of wall-clock seconds, and of CPU seconds (in-process rows: ``time.process_time`` of the worker; whole
processes: user + sys of the child); the machine's load is printed, since other processes on a 2-core machine move
every figure.
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFECT = ("perangkat daerah wajib menyelesaikan permohonan selambat-lambatnya 14 hari dan / atau sesuai dengan "
          "peraturan perundang-undangan yang berlaku.")


# -- specs ----------------------------------------------------------------------------------------------------
def specs(work: Path) -> dict[str, Path]:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(HERE))
    import yaml

    from render_bench import long_perbup
    from legaldraft.spec.scaffold import scaffold

    out = {}
    for n in (10, 100, 200, 400, 800):
        out[f"long{n}"] = work / f"long{n}.yaml"
        out[f"long{n}"].write_text(long_perbup(n), encoding="utf-8")
    base = yaml.safe_load(scaffold("perbup", "contoh"))
    first = copy.deepcopy(base["batang_tubuh"][1]["isi"][0])
    first.pop("pasal", None)
    for ayat in first.get("ayat", []):
        ayat.pop("id", None)
        ayat["teks"] = ayat["teks"].replace("[[dimaksud penyelenggara-1]]", "sebagaimana dimaksud pada ayat (1)")
    for n in (50, 100, 200, 400):
        data = copy.deepcopy(base)
        data["batang_tubuh"][1]["isi"] = [dict(copy.deepcopy(first), pasal=f"p{i}") for i in range(n)]
        out[f"copies{n}"] = work / f"copies{n}.yaml"
        out[f"copies{n}"].write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    data = yaml.safe_load(out["long400"].read_text(encoding="utf-8"))
    for bab in data["batang_tubuh"][1:-1]:
        for pasal in bab["isi"]:
            for ayat in pasal.get("ayat", []):
                if "rincian" not in ayat:
                    ayat["teks"] = DEFECT
    out["defects400"] = work / "defects400.yaml"
    out["defects400"].write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


# -- measuring (run inside the tree measured) -----------------------------------------------------------------
def worker(task: str, spec: str, repeat: int) -> None:
    import legaldraft
    from legaldraft.api import check, render_docx_bytes

    path = Path(spec)
    if task == "check":
        doc = legaldraft.load(path)
        findings = check(doc)
        fn = lambda: check(doc)  # noqa: E731
    else:
        def fn():
            doc = legaldraft.load(path)
            found = check(doc)
            render_docx_bytes(doc)
            return found

        findings = fn()
    runs, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        runs.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    print(json.dumps({"seconds": statistics.median(runs), "cpu": statistics.median(cpu), "findings": len(findings)}))


def in_tree(tree: Path, task: str, spec: Path, repeat: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    proc = subprocess.run([sys.executable, str(HERE / "check_bench.py"), "--worker", task, str(spec), str(repeat)],
                          capture_output=True, text=True, env=env, cwd=str(spec.parent))
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr[-1500:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def timed(command: list[str], repeat: int, **kwargs) -> tuple[float, float]:
    """Medians of the wall-clock and of the CPU seconds (user + sys of the child) of ``repeat`` runs: the CPU
    figure moves less than the wall clock when other processes share the cores."""
    return timed_together([(command, kwargs)], repeat)[0]


def timed_together(commands: list[tuple[list[str], dict]], repeat: int) -> list[tuple[float, float]]:
    """``timed`` for several commands run in turn (one run of each per round): a machine that speeds up or slows
    down during the measurement moves every row alike, so the rows can be compared with each other."""
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    for _ in range(repeat):
        for i, (command, kwargs) in enumerate(commands):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, **kwargs)
            walls[i].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[i].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return [(statistics.median(w), statistics.median(c)) for w, c in zip(walls, cpus)]


def compile_bytecode(tree: Path) -> None:
    """Byte-compile the package as ``make install`` does: with PYTHONDONTWRITEBYTECODE set (some environments
    set it) Python never writes the .pyc files itself, and every run would compile the whole package again;
    then the start-up caches (legaldraft/warmstart.py: compiled regular expressions and code; a tree older than it
    may have the regular expressions only, legaldraft/regexcache.py, or none)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "legaldraft")], capture_output=True)
    for module in ("warmstart", "regexcache"):
        if (tree / "legaldraft" / f"{module}.py").exists():
            subprocess.run([sys.executable, "-m", f"legaldraft.{module}"], capture_output=True,
                           env={**os.environ, "PYTHONPATH": str(tree)}, cwd=str(tree))
            break


def process_command(tree: Path, args: list[str], cwd: Path) -> tuple[list[str], dict]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return [sys.executable, "-m", "legaldraft", *args], {"env": env, "cwd": str(cwd)}


def pandoc_exe() -> str | None:
    """pandoc on PATH, else the one pypandoc-binary bundles (a dependency of legaldraft)."""
    exe = shutil.which("pandoc")
    if exe is None:
        try:
            import pypandoc

            exe = pypandoc.get_pandoc_path()
        except (ImportError, OSError):
            return None
    return exe


def pandoc_command(spec: Path, work: Path) -> tuple[list[str], dict] | None:
    exe = pandoc_exe()
    if exe is None:
        return None
    import legaldraft

    md = work / "p10.md"
    legaldraft.build(legaldraft.load(spec), work / "md", formats=("md",))
    shutil.copy(work / "md" / f"{spec.stem}.md", md)
    return [exe, str(md), "-o", str(work / "p10-pandoc.docx")], {}


# -- the table ------------------------------------------------------------------------------------------------
def row(what: str, now: float, before: float | None, target: str = "", extra: str = "") -> None:
    ratio = f"{before / now:5.1f}× lebih cepat" if before else ""
    old = f"{before * 1000:8.0f} ms" if before else " " * 11
    print(f"  {what:<52} {now * 1000:8.0f} ms  {old}  {ratio:<18} {target} {extra}".rstrip(), flush=True)


def process_row(what: str, now: tuple[float, float], before: tuple[float, float] | None, target: str = "") -> None:
    """Wall clock in the columns, CPU time (user + sys) beside it."""
    cpu = f"(CPU {now[1] * 1000:.0f} ms" + (f"; sebelumnya {before[1] * 1000:.0f} ms)" if before else ")")
    row(what, now[0], before[0] if before else None, target, cpu)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", type=Path, help="checkout of the earlier commit to compare with")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--processes-only", action="store_true", help="only the whole-process rows (start-up)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the instructions of each whole process (valgrind callgrind; slow, but the "
                             "figure does not move with the machine's load)")
    parser.add_argument("--worker", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        sys.path.insert(0, os.environ.get("PYTHONPATH", str(ROOT)))
        worker(args.worker[0], args.worker[1], int(args.worker[2]))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = specs(work)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"beban mesin (load average 1 menit): {load:.1f} pada {os.cpu_count()} inti")
        print(f"  {'pengukuran':<52} {'sekarang':>11}  {'sebelumnya':>11}  rasio")
        base = args.baseline

        def both(task, key, label, target=""):
            now = in_tree(ROOT, task, files[key], args.repeat)
            before = in_tree(base, task, files[key], args.repeat) if base else None
            cpu = f"; CPU {now['cpu'] * 1000:.0f}" + (f" / {before['cpu'] * 1000:.0f}" if before and "cpu" in before else "") + " ms"
            row(label, now["seconds"], before["seconds"] if before else None, target, f"({now['findings']} temuan{cpu})")

        if not args.processes_only:
            for n in (100, 200, 400, 800):
                both("check", f"long{n}", f"check, {n} Pasal", "sasaran ≤ 200 ms" if n == 400 else "")
            for n in (50, 100, 200, 400):
                both("check", f"copies{n}", f"check, BAB II berisi {n} salinan satu Pasal")
            both("check", "defects400", "check, 400 Pasal penuh cacat", "sasaran ≤ 200 ms")
            both("pipeline", "long100", "load + check + DOCX, 100 Pasal (satu proses)", "sasaran ≤ 250 ms")
        ten = files["long10"]
        for tree in filter(None, (ROOT, base)):
            compile_bytecode(tree)
        print(f"  (proses utuh: bytecode paket dikompilasi dengan compileall, seperti paket terpasang; "
              f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r})")
        real = ROOT / "specs" / "purwakarta" / "perbup-slrt.yaml"
        commands = [("10 Pasal", ["check", ten.name]),
                    ("10 Pasal", ["build", ten.name, "-o", "out", "--force", "--no-progress"]),
                    ("perbup-slrt (kamus ejaan dimuat)", ["check", str(real)])]
        runs = []  # (label, tree) -> command; all measured in turn, round after round
        for label, command in commands:
            for tree in filter(None, (ROOT, base)):
                # each tree builds into its own folder: one build cache (out/.legaldraft-build.json) per tree
                argv = [f"out-{'now' if tree == ROOT else 'base'}" if a == "out" else a for a in command]
                runs.append(((label, command[0], tree), process_command(tree, argv, work)))
        peer = pandoc_command(ten, work)
        if peer is not None:
            runs.append((("pandoc", "", None), peer))
        figures = dict(zip((key for key, _ in runs), timed_together([run for _, run in runs], args.repeat)))
        print(f"  (proses utuh diukur bergiliran, satu jalan setiap baris per putaran, {args.repeat} putaran)")
        for label, command in commands:
            now, before = figures[(label, command[0], ROOT)], figures.get((label, command[0], base)) if base else None
            process_row(f"proses utuh: legaldraft {command[0]}, {label}" if label == "10 Pasal"
                        else f"proses utuh: check {label}", now, before,
                        "sasaran ≤ 250 ms" if label == "10 Pasal" else "")
        if peer is None:
            print("  pandoc md -> docx, dokumen yang sama: pandoc tidak ada (PATH, pypandoc-binary) — tidak diukur")
        else:
            process_row("pembanding: pandoc md -> docx, dokumen yang sama", figures[("pandoc", "", None)], None)
        if args.instructions:
            instruction_rows(runs, base)
    return 0


def instructions(command: list[str], kwargs: dict) -> int | None:
    """Instructions the process executes (valgrind callgrind, children not followed): the same figure on an idle
    and on a busy machine. None when valgrind is not installed or the count cannot be read."""
    if shutil.which("valgrind") is None:
        return None
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
                          capture_output=True, text=True, **kwargs)
    found = re.search(r"Collected : (\d+)", done.stderr)
    return int(found.group(1)) if found else None


def instruction_rows(runs, base) -> None:
    counts = {key: instructions(*run) for key, run in runs if key[2] is not None}
    if not any(counts.values()):
        print("  jumlah instruksi: valgrind tidak ada — tidak diukur (apt-get install valgrind)")
        return
    print("  (jumlah instruksi: valgrind callgrind, satu jalan; tidak bergeser dengan beban mesin)")
    for (label, command, tree), count in counts.items():
        if tree != ROOT or count is None:
            continue
        before = counts.get((label, command, base)) if base else None
        ratio = f"{before / count:5.2f}× lebih sedikit" if before else ""
        old = f"{before / 1e6:8.0f} jt" if before else " " * 11
        what = f"instruksi: legaldraft {command}, {label}" if label == "10 Pasal" else f"instruksi: check {label}"
        print(f"  {what:<52} {count / 1e6:8.0f} jt  {old}  {ratio}".rstrip(), flush=True)


if __name__ == "__main__":
    sys.exit(main())

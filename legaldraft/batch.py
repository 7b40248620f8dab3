"""Building many specs: incremental, parallel across cores, safe for outputs edited by hand.

Only specs whose inputs changed since the last build into the same folder are rebuilt (see
:mod:`legaldraft.buildcache`); ``force`` rebuilds all. The folder is locked for the whole build, so two
builds into one ``out/`` run one after the other. An output whose content differs from what the last
build wrote was edited by hand: it is not overwritten (warning, exit code 3) unless ``force``.
PDFs are made by one LibreOffice process for the whole batch.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .ioutil import sha256_file
from .buildcache import Entry, FileHashes, Manifest, environment_hash, output_lock, remove_leftovers
from .spec.errors import EXIT_INVALID, EXIT_OK, EXIT_USAGE, SpecError

#: Show a progress bar on a non-terminal stderr only from this many specs on.
PROGRESS_MIN_SPECS = 50


@dataclass
class Outcome:
    """What a worker did with one spec."""

    spec: str
    problems: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    deps: list[str] = field(default_factory=list)
    daerah: str = ""
    profile: str = ""
    shadows: list[str] = field(default_factory=list)
    findings: dict[str, int] = field(default_factory=dict)   # severity -> count (build runs the rules too)


def dependencies(doc, ctx) -> list[str]:
    """Every file besides the spec that its outputs are made from: profile, template(s), images."""
    from .model import BlokGambar, walk  # lazy: start-up time
    from .naskah.jenis import jenis_of  # lazy: start-up time
    from .render.templates import template_path  # lazy: start-up time

    deps = [template_path(jenis_of(doc).template, ctx.profile.templates)]
    if ctx.profile_path:
        deps.append(ctx.profile_path)
    if ctx.profile.lambang:
        deps.append(Path(ctx.profile.lambang))
    deps.extend(ctx.base_dir / node.gambar for node in walk(doc) if isinstance(node, BlokGambar))
    return sorted({str(Path(p).resolve()) for p in deps})


def profile_shadows(daerah: str, spec_dir: Path, found: Path | None) -> list[str]:
    """Profile paths looked at before the one found: if one of them appears later, it would win."""
    from .spec.profiles import candidates  # lazy: start-up time

    shadows = []
    for path in candidates(daerah, spec_dir):
        if found is not None and path.resolve() == found.resolve():
            break
        shadows.append(str(path))
    return shadows


def build_one(spec: str, out_dir: str, formats: tuple[str, ...]) -> Outcome:
    """Check and build one spec: the rules run on the document the outputs are written from (one assembly)."""
    from .api import check_and_build  # lazy: start-up time
    from .spec.loader import load  # lazy: start-up time

    try:
        doc = load(spec)
        findings, outputs = check_and_build(doc, Path(out_dir), tuple(f for f in formats if f != "pdf"))
    except SpecError as exc:
        return Outcome(spec, problems=[str(p) for p in exc.problems])
    ctx = doc._context
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.severity.value] = counts.get(finding.severity.value, 0) + 1
    return Outcome(spec, outputs=[str(p) for p in outputs], deps=dependencies(doc, ctx),
                   daerah=doc.daerah, profile=str(ctx.profile_path or ""),
                   shadows=profile_shadows(doc.daerah, ctx.base_dir, ctx.profile_path), findings=counts)


def _build_task(args) -> Outcome:
    return build_one(*args)


class BatchBuild:
    def __init__(self, files: list[Path], out_dir: Path, formats: tuple[str, ...], force: bool, jobs: int,
                 progress: bool, echo):
        self.files = files
        self.out_dir = Path(out_dir)
        self.formats = formats
        self.force = force
        self.jobs = jobs
        self.progress = progress
        self.echo = echo
        self.hashes = FileHashes()
        self.env = environment_hash(self.hashes)
        self.manifest = Manifest(self.out_dir)
        self.code = EXIT_OK
        self.current = 0
        self._exists: dict[str, bool] = {}

    def say(self, text: str, err: bool = False) -> None:
        if err and getattr(self.echo, "__module__", "").startswith("click"):
            self.echo(text, err=True)
        else:
            self.echo(text)

    def fail(self, code: int) -> None:
        self.code = max(self.code, code)

    # -- planning -----------------------------------------------------------------------------------
    def outputs_of(self, spec: Path) -> list[str]:
        return [f"{spec.stem}.{fmt}" for fmt in self.formats]

    def is_current(self, key: str, entry: Entry | None) -> bool:
        if entry is None or entry.env != self.env or self.hashes(key) != entry.spec_hash:
            return False
        if not set(self.formats) <= set(entry.formats):
            return False
        if any(self.hashes(dep) != digest for dep, digest in entry.deps.items()):
            return False
        if any(self.exists(path) for path in entry.shadows):
            return False  # a new profil/NAME.yaml nearer the spec now wins over the one the outputs were made with
        return all((self.out_dir / name).exists() for name in self.outputs_of(Path(key)))

    def exists(self, path: str) -> bool:
        known = self._exists.get(path)
        if known is None:
            known = self._exists[path] = os.path.exists(path)
        return known

    def hand_edited(self, key: str, spec: Path) -> list[str]:
        entry = self.manifest.entries.get(key)
        if entry is None:
            return []
        edited = []
        for name in self.outputs_of(spec):
            recorded = entry.outputs.get(name)
            target = self.out_dir / name
            if recorded and target.exists() and self.hashes(target) != recorded:
                edited.append(str(target))
        return edited

    def plan(self) -> list[Path]:
        todo: list[Path] = []
        claimed: dict[str, Path] = {}
        for spec in self.files:
            key = str(spec.resolve())
            clash = next((claimed[n] for n in self.outputs_of(spec) if n in claimed), None)
            if clash is not None:
                self.say(f"{spec}: keluaran {self.out_dir / f'{spec.stem}.docx'} juga dihasilkan oleh {clash}; "
                         "tidak dibangun (ganti nama salah satu spec)", err=True)
                self.fail(EXIT_USAGE)
                continue
            claimed.update({n: spec for n in self.outputs_of(spec)})
            if not self.force and self.is_current(key, self.manifest.entries.get(key)):
                self.current += 1
                continue
            edited = [] if self.force else self.hand_edited(key, spec)
            if edited:
                for target in edited:
                    self.say(f"{target}: diubah tangan sejak build terakhir; tidak ditimpa "
                             "(simpan perubahan itu di spec, atau pakai --force untuk menimpa)", err=True)
                self.fail(EXIT_USAGE)
                continue
            self.hashes(key)  # hashed before building: an edit made during the build triggers the next one
            todo.append(spec)
        return todo

    # -- building -----------------------------------------------------------------------------------
    def _bar(self, total: int):
        interactive = sys.stderr.isatty()
        if not self.progress or total < 2 or not (interactive or total >= PROGRESS_MIN_SPECS):
            return None
        from tqdm import tqdm  # lazy: start-up time

        return tqdm(total=total, desc="membangun", unit="spec", leave=False, file=sys.stderr)

    def _outcomes(self, todo: list[Path]):
        tasks = [(str(spec), str(self.out_dir), self.formats) for spec in todo]
        jobs = self.jobs or os.cpu_count() or 1
        jobs = min(jobs, len(tasks))
        if jobs <= 1:
            yield from (build_one(*task) for task in tasks)
            return
        from concurrent.futures import ProcessPoolExecutor  # lazy: start-up time
        import multiprocessing  # lazy: start-up time

        import legaldraft.render.pipeline  # noqa: F401  (imported once here, inherited by forked workers)
        import legaldraft.spec.loader  # noqa: F401

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method)) as pool:
            yield from pool.map(_build_task, tasks, chunksize=max(1, len(tasks) // (jobs * 8)))

    def record(self, outcome: Outcome) -> None:
        key = str(Path(outcome.spec).resolve())
        entry = Entry(self.hashes(key) or "", {d: self.hashes(d) or "" for d in outcome.deps}, self.env,
                      outcome.daerah, outcome.profile, outcome.shadows,
                      [Path(p).suffix[1:] for p in outcome.outputs],
                      {Path(p).name: sha256_file(p) for p in outcome.outputs})  # fresh: the cache may hold the old file
        self.manifest.record(key, entry)

    def build(self, todo: list[Path]) -> list[Outcome]:
        built: list[Outcome] = []
        bar = self._bar(len(todo))
        try:
            for outcome in self._outcomes(todo):
                if outcome.problems:
                    for line in outcome.problems:
                        self.say(line, err=True)
                    self.fail(EXIT_INVALID)
                else:
                    self.record(outcome)
                    built.append(outcome)
                if bar is not None:
                    bar.update(1)
        finally:
            if bar is not None:
                bar.close()
        return built

    def make_pdfs(self, built: list[Outcome]) -> None:
        from .render.pdf import PdfUnavailable, convert_many  # lazy: start-up time

        docx = [Path(p) for o in built for p in o.outputs if p.endswith(".docx")]
        try:
            pdfs = {Path(p).stem: p for p in convert_many(docx, self.out_dir)}
        except PdfUnavailable as exc:
            self.say(str(exc), err=True)
            return
        for outcome in built:
            pdf = pdfs.get(Path(outcome.spec).stem)
            if pdf is not None:
                outcome.outputs.append(str(pdf))
                self.record(outcome)

    def run(self) -> int:
        if not self.files:
            self.say("tidak ada spec untuk dibangun")
            return EXIT_OK
        wait = lambda: self.say(f"menunggu build lain yang sedang menulis ke {self.out_dir} …", err=True)  # noqa: E731
        with output_lock(self.out_dir, wait):
            remove_leftovers(self.out_dir)
            self.manifest.load()
            todo = self.plan()
            if not todo:
                self.manifest.save()
                if self.current:
                    self.say(f"tidak ada yang berubah: {self.current} spec sudah mutakhir")
                return self.code
            try:
                built = self.build(todo)
                if "pdf" in self.formats and built:
                    self.make_pdfs(built)
            finally:
                self.manifest.save()
        for outcome in built:
            for path in outcome.outputs:
                self.say(f"ditulis: {path}")
        if built:
            self.say(findings_summary(built))
        summary = f"{len(built)} spec dibangun"
        if self.current:
            summary += f", {self.current} sudah mutakhir"
        if len(built) < len(todo):
            summary += f", {len(todo) - len(built)} gagal"
        if len(self.files) > 1:
            self.say(summary)
        return self.code


def findings_summary(built: list[Outcome]) -> str:
    """The one line a build prints after its outputs: what the rules found in the specs just built."""
    total = {level: sum(o.findings.get(level, 0) for o in built) for level in ("error", "warning", "info")}
    if not any(total.values()):
        return "pemeriksaan: tidak ada temuan"
    words = {"error": "galat", "warning": "peringatan", "info": "info"}
    parts = ", ".join(f"{n} {words[level]}" for level, n in total.items() if n)
    return f"pemeriksaan: {parts} (rinciannya: legaldraft check)"


def run_build(files: list[Path], out_dir: Path, formats: tuple[str, ...], force: bool = False, jobs: int = 0,
              progress: bool = True, echo=print) -> int:
    return BatchBuild(list(files), Path(out_dir), tuple(formats), force, jobs, progress, echo).run()

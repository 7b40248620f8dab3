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
from .exitcodes import EXIT_FINAL_REFUSED, EXIT_INVALID, EXIT_IO, EXIT_OK, EXIT_PDF, EXIT_USAGE
from .spec.errors import SpecError

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
    pdfa: dict = field(default_factory=dict)  # 'docx': the DOCX laid out for signing, 'meta': PDF/A metadata
    io_error: bool = False
    refused: bool = False      # a final document with error findings, built only with --terima-galat
    findings: dict[str, int] = field(default_factory=dict)   # severity -> count (build runs the rules too)


def dependencies(doc, ctx) -> list[str]:
    """Every file besides the spec that its outputs are made from: profile, template(s), images, table files, and the
    project configuration (its severities and suppressions decide whether a final document is built)."""
    from .model import BlokGambar, Tabel, walk  # lazy: start-up time
    from .rules.config import find_config  # lazy: start-up time
    from .naskah.jenis import jenis_of  # lazy: start-up time
    from .render.templates import template_path  # lazy: start-up time

    deps = [template_path(jenis_of(doc).template, ctx.profile.templates)]
    if ctx.profile_path:
        deps.append(ctx.profile_path)
    if ctx.profile.lambang:
        deps.append(Path(ctx.profile.lambang))
    deps.extend(ctx.base_dir / node.gambar for node in walk(doc) if isinstance(node, BlokGambar))
    deps.extend(ctx.base_dir / node.sumber for node in walk(doc) if isinstance(node, Tabel) and node.sumber)
    config = find_config(ctx.base_dir)
    if config is not None:
        deps.append(config)
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


def final_gate(doc, accept: str | None, findings) -> tuple[list[str], str | None]:
    """(lines refusing the build, note for the DOCX properties) of a ``status: final`` document: its error findings
    refuse the build unless ``accept`` names the reason, which is then recorded in the DOCX."""
    if doc.is_rancangan or getattr(doc, "is_naskah_kerja", False):  # a working text is no final document either
        return [], None
    errors = [f for f in findings if f.severity.value == "error"]
    if not errors:
        return [], None
    ids = ", ".join(dict.fromkeys(f.rule.id for f in errors))
    if accept:
        return [], f"Dibangun dengan temuan galat ({ids}) atas keputusan penyusun: {accept}"
    lines = [f"{f.location()}: galat {f.rule.id}: {f.message}" for f in errors]
    lines.append(f"{doc._context.filename if doc._context else 'spec'}: naskah final dengan {len(errors)} temuan galat tidak "
                 "dibangun; perbaiki, atau bangun dengan --terima-galat \"alasan\" (dicatat di properti DOCX)")
    return lines, None


def build_one(spec: str, out_dir: str, formats: tuple[str, ...], accept: str | None = None) -> Outcome:
    """Check and build one spec: the rules run once (with the output checks), gate a final document, and the
    outputs are written from the blocks the check assembled (one assembly)."""
    from .api import check_run  # lazy: start-up time
    from .render.pipeline import write_outputs  # lazy: start-up time
    from .spec.loader import load  # lazy: start-up time

    try:
        doc = load(spec)
        findings, run = check_run(doc, for_build=True)
    except SpecError as exc:
        return Outcome(spec, problems=[str(p) for p in exc.problems])
    ctx = run.spec
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.severity.value] = counts.get(finding.severity.value, 0) + 1
    refusal, note = final_gate(doc, accept, findings)
    if refusal:
        return Outcome(spec, problems=refusal, refused=True)
    try:
        result = write_outputs(doc, ctx, Path(out_dir), tuple(f for f in formats if f not in ("pdf", "pdfa")), note=note,
                               blocks=run.blocks)
    except OSError as exc:  # read-only out/, full disk, a symlink refused: reported, the other specs still built
        from .ioutil import describe_os_error  # lazy: start-up time

        return Outcome(spec, problems=[describe_os_error(exc)], io_error=True)
    outcome = Outcome(spec, outputs=[str(p) for p in result.outputs], deps=dependencies(doc, ctx),
                      daerah=doc.daerah, profile=str(ctx.profile_path or ""),
                      shadows=profile_shadows(doc.daerah, ctx.base_dir, ctx.profile_path), findings=counts)
    if "pdfa" in formats:
        from dataclasses import asdict  # lazy: only a PDF/A build needs it

        from .publish.pdfa import metadata_of, signing_docx  # lazy: only a PDF/A build needs it
        from .ioutil import atomic_write_bytes  # lazy: only a PDF/A build needs it

        stage = Path(out_dir) / ".pdfa"
        source = stage / f"{result.stem}.docx"
        atomic_write_bytes(source, signing_docx(doc, ctx, note))
        outcome.pdfa = {"docx": str(source), "meta": asdict(metadata_of(doc, ctx.profile))}
    return outcome


def _build_task(args) -> Outcome:
    return build_one(*args)


class BatchBuild:
    def __init__(self, files: list[Path], out_dir: Path, formats: tuple[str, ...], force: bool, jobs: int,
                 progress: bool, echo, pdf_timeout: float | None = None, pdf_optional: bool = False,
                 accept: str | None = None):
        self.pdf_timeout = pdf_timeout
        self.pdf_optional = pdf_optional
        self.accept = accept
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
        from .render.pipeline import output_name  # lazy: start-up time

        return [output_name(spec.stem, fmt) for fmt in self.formats]

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
        tasks = [(str(spec), str(self.out_dir), self.formats, self.accept) for spec in todo]
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
                      [f for f in self.formats if f not in ("pdf", "pdfa")] + [
                          f for f in ("pdf", "pdfa") if f in self.formats and any(p.endswith(".pdf") for p in outcome.outputs)],
                      {Path(p).name: sha256_file(p) for p in outcome.outputs})  # fresh: the cache may hold the old file
        self.manifest.record(key, entry)

    def name_env_profile(self, outcome: Outcome, named: set) -> None:
        """A profile taken from $LEGALDRAFT_PROFILES is an explicit opt-in: say so, once per profile."""
        from .spec.profiles import origin_note  # lazy: start-up time

        note = origin_note(outcome.daerah, Path(outcome.profile)) if outcome.profile else None
        if note and outcome.profile not in named:
            named.add(outcome.profile)
            self.say(note, err=True)

    def build(self, todo: list[Path]) -> list[Outcome]:
        built: list[Outcome] = []
        named: set[str] = set()
        bar = self._bar(len(todo))
        try:
            for outcome in self._outcomes(todo):
                if outcome.problems:
                    for line in outcome.problems:
                        self.say(line, err=True)
                    self.fail(EXIT_IO if outcome.io_error else EXIT_FINAL_REFUSED if outcome.refused else EXIT_INVALID)
                else:
                    self.name_env_profile(outcome, named)
                    self.record(outcome)
                    built.append(outcome)
                if bar is not None:
                    bar.update(1)
        finally:
            if bar is not None:
                bar.close()
        return built

    def converted(self, built: list[Outcome], convert) -> dict | None:
        """``convert()``'s PDFs by stem. Without LibreOffice: a warning with --pdf-optional, else exit EXIT_PDF;
        a failed or timed-out LibreOffice: one line per spec left without its PDF, exit EXIT_PDF."""
        from .render.pdf import PdfError, PdfUnavailable  # lazy: start-up time

        try:
            return {Path(p).stem: p for p in convert()}
        except PdfUnavailable as exc:
            if self.pdf_optional:
                self.say(f"peringatan: {exc}", err=True)
                return None
            for outcome in built:
                self.say(f"{outcome.spec}:1:1: PDF tidak dibuat: {exc} (atau pakai --pdf-optional)", err=True)
            self.fail(EXIT_PDF)
        except PdfError as exc:
            for outcome in built:
                self.say(f"{outcome.spec}:1:1: PDF tidak dibuat: {exc}; DOCX tetap ditulis", err=True)
            self.fail(EXIT_PDF)
        return None

    def make_pdfs(self, built: list[Outcome]) -> None:
        """PDFs of the DOCX just built, in one LibreOffice run."""
        from .render.pdf import convert_many  # lazy: start-up time

        docx = [Path(p) for o in built for p in o.outputs if p.endswith(".docx")]
        pdfs = self.converted(built, lambda: convert_many(docx, self.out_dir, self.pdf_timeout))
        for outcome in built:
            pdf = (pdfs or {}).get(Path(outcome.spec).stem)
            if pdf is not None:
                outcome.outputs.append(str(pdf))
                self.record(outcome)

    def make_pdfas(self, built: list[Outcome]) -> None:
        """PDF/A-2b of every built spec in one LibreOffice run, with metadata, each checked (publish/pdfa.py);
        one that fails the check is reported and the build exits EXIT_PDF."""
        import shutil  # lazy: only a PDF/A build needs it

        from .publish.pdfa import Metadata, check_pdfa, convert_pdfa, set_metadata  # lazy: only a PDF/A build needs it

        stage = self.out_dir / ".pdfa"
        try:
            sources = [Path(o.pdfa["docx"]) for o in built if o.pdfa]
            pdfs = self.converted(built, lambda: convert_pdfa(sources, self.out_dir, self.pdf_timeout)) or {}
            for outcome in built:
                pdf = pdfs.get(Path(outcome.spec).stem)
                if pdf is None:
                    continue
                set_metadata(pdf, Metadata(**outcome.pdfa["meta"]))
                report = check_pdfa(pdf)
                for problem in report.problems:
                    self.say(f"{pdf}: PDF/A tidak sah: {problem}", err=True)
                if not report.ok:
                    self.fail(EXIT_PDF)
                outcome.outputs.append(str(pdf))
                self.record(outcome)
        finally:
            shutil.rmtree(stage, ignore_errors=True)

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
                if "pdfa" in self.formats and built:
                    self.make_pdfas(built)
                elif "pdf" in self.formats and built:
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
              progress: bool = True, echo=print, pdf_timeout: float | None = None, pdf_optional: bool = False,
              accept: str | None = None) -> int:
    return BatchBuild(list(files), Path(out_dir), tuple(formats), force, jobs, progress, echo, pdf_timeout,
                      pdf_optional, accept).run()

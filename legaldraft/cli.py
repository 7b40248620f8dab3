"""legaldraft command line: thin over the library (parse arguments, call, print).

Heavy modules are imported inside commands so that ``legaldraft --version`` starts fast.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .exitcodes import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_INVALID, EXIT_IO, EXIT_OK, EXIT_USAGE, help_text
from .spec.errors import SpecError
from .startup import short_run

EXIT_CODES = help_text()


class Command(click.Command):
    """A command that refuses an option given twice (click would silently keep the last one)."""

    def parse_args(self, ctx, args):
        seen: dict[str, int] = {}
        try:
            _, _, order = self.make_parser(ctx).parse_args(args=list(args))
        except click.UsageError:
            order = []  # the real parse below reports it
        for param in order:
            if isinstance(param, click.Option) and not param.multiple and not param.count:
                seen[param.name] = seen.get(param.name, 0) + 1
                if seen[param.name] == 2:
                    raise click.UsageError(f"opsi {param.opts[-1] if param.opts else param.name} diberikan dua kali; "
                                           "tulis sekali saja", ctx)
        return super().parse_args(ctx, args)


class Group(click.Group):
    command_class = Command

    def main(self, args=None, *rest, **kwargs):
        with short_run(whole_process=args is None):  # no args: the command line of this process (not CliRunner)
            return super().main(args, *rest, **kwargs)

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            exc.exit_code = EXIT_USAGE  # README: usage errors exit 3 (click's own default is 2)
            raise

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except SpecError as exc:
            print_problems(exc.problems)
            ctx.exit(EXIT_INVALID)
        except click.UsageError as exc:
            exc.exit_code = EXIT_USAGE
            raise
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("dihentikan.", err=True)
            ctx.exit(130)
        except OSError as exc:  # read-only out/, a full disk, a symlink refused: the data stayed safe
            from .ioutil import describe_os_error  # lazy: start-up time

            click.echo(describe_os_error(exc), err=True)
            ctx.exit(EXIT_IO)
        except Exception as exc:  # never a traceback for a drafter
            import traceback  # lazy: start-up time

            if os.environ.get("LEGALDRAFT_DEBUG"):
                traceback.print_exc()
            click.echo(f"galat internal legaldraft: {type(exc).__name__}: {exc}\n"
                       "Mohon laporkan, dengan spec yang dipakai (LEGALDRAFT_DEBUG=1 menampilkan rinciannya).", err=True)
            ctx.exit(EXIT_INTERNAL)


def print_problems(problems) -> None:
    for p in problems:
        click.echo(str(p), err=True)


@click.group(cls=Group, epilog=EXIT_CODES, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="legaldraft", message="%(prog)s %(version)s")
def main():
    """legaldraft: menyusun Peraturan dan Keputusan Bupati, Wali Kota dan Gubernur dari spec YAML.

    \b
    Alur: spec YAML -> model -> pemeriksaan Tata Naskah -> DOCX/PDF.
      legaldraft new perbup drafts/slrt.yaml     spec awal yang sah, dengan komentar
      legaldraft check drafts/slrt.yaml          temuan dengan berkas:baris:kolom
      legaldraft build drafts/slrt.yaml -o out/  DOCX (dan --pdf)
      legaldraft schema > legaldraft.schema.json JSON Schema untuk editor
      legaldraft rules [KON-004]                 daftar aturan / penjelasan satu aturan
    """


# -- new ----------------------------------------------------------------------------------------------
NEW_KINDS = ("perbup", "perwali", "pergub", "keputusan", "pedoman", "pencabutan", "profil")


@main.command()
@click.argument("args", nargs=-1, metavar="[JENIS] FILE")
@click.option("--daerah", default=None, help="Nama profil daerah yang dirujuk spec (bawaan: contoh, contoh-kota untuk perwali, "
                                            "contoh-provinsi untuk pergub).")
@click.option("--tanya", is_flag=True, help="Susun spec dengan menjawab pertanyaan: jenis, daerah, tentang, "
                                             "konsiderans, dasar hukum (dicari di registry).")
@click.option("--force", is_flag=True, help="Timpa berkas yang sudah ada.")
def new(args, daerah, tanya, force):
    """Buat spec awal (atau profil daerah) yang sah dan berkomentar.

    \b
    JENIS: perbup, perwali, pergub, keputusan, pedoman, pencabutan, profil (dengan --tanya boleh dilewati:
    ditanyakan). Kata-katanya (Bupati, Wali Kota, Gubernur) mengikuti tingkat profil daerah.
      legaldraft new perbup drafts/slrt.yaml --daerah purwakarta
      legaldraft new perwali drafts/parkir.yaml --daerah kota-surabaya
      legaldraft new drafts/slrt.yaml --tanya
    """
    from .spec.scaffold import scaffold  # lazy: start-up time

    jenis, target = _new_arguments(args, tanya)
    if target.exists() and not force:
        click.echo(f"{target}: berkas sudah ada; pakai --force untuk menimpa", err=True)
        sys.exit(EXIT_USAGE)
    from .ioutil import atomic_write_text  # lazy: start-up time

    if tanya:
        from .spec.guided import ask, write_spec  # lazy: start-up time

        target.parent.mkdir(parents=True, exist_ok=True)
        answers = ask(jenis, daerah, target.parent)
        atomic_write_text(target, write_spec(answers, target.parent))
        jenis = answers.jenis
    else:
        from .spec.scaffold import mismatch  # lazy: start-up time

        problem = mismatch(jenis, daerah, target.parent)
        if problem:
            click.echo(problem, err=True)
            sys.exit(EXIT_USAGE)
        atomic_write_text(target, scaffold(jenis, daerah, target.parent))
    click.echo(f"dibuat: {target}")
    if jenis != "profil":
        click.echo(f"lanjut: legaldraft check {target}")


def _new_arguments(args, tanya: bool) -> tuple[str | None, Path]:
    usage = "pakai: legaldraft new JENIS FILE (JENIS: " + ", ".join(NEW_KINDS) + "), atau legaldraft new FILE --tanya"
    if len(args) == 2 and args[0] in NEW_KINDS:
        if tanya and args[0] in ("pencabutan", "profil"):
            click.echo(f"--tanya menyusun perbup, keputusan atau pedoman, bukan {args[0]}", err=True)
            sys.exit(EXIT_USAGE)
        return args[0], Path(args[1])
    if len(args) == 1 and tanya:
        return None, Path(args[0])
    if len(args) == 2:
        click.echo(f"jenis '{args[0]}' tidak dikenal; {usage}", err=True)
    else:
        click.echo(usage, err=True)
    sys.exit(EXIT_USAGE)


# -- check --------------------------------------------------------------------------------------------
def _spec_files(paths) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            files.extend(sorted(x for x in p.rglob("*.yaml") if _is_spec(x)))
        else:
            files.append(p)
    return files


def _is_spec(path: Path) -> bool:
    """A YAML file of a folder that starts like a spec; a *.yaml that is not a regular file (a FIFO, a symlink
    to a device) is kept, so that loading it reports it instead of hanging on it."""
    if any(part in ("profil", "profiles") for part in path.parts) or path.name.startswith("."):
        return False
    from .limits import LimitError, read_head  # lazy: start-up time

    try:
        head = read_head(path, 4000).decode("utf-8", errors="replace")
    except LimitError:
        return True
    except OSError:
        return False
    return any(line.startswith("jenis:") for line in head.splitlines())


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif"]), default="text", show_default=True)
@click.option("--severity", type=click.Choice(["error", "warning", "info"]), default="info", show_default=True,
              help="Tampilkan temuan mulai tingkat ini.")
@click.option("--rule", "only", multiple=True, help="Hanya aturan ini (boleh berulang).")
@click.option("--fix", is_flag=True, help="Terapkan perbaikan mekanis yang aman ke spec (komentar dipertahankan).")
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True)
@click.option("--aturan", "levels", multiple=True, metavar="ID=TINGKAT",
              help="Ubah tingkat aturan, mis. KON-005=off atau BT-009=error (mengalahkan .legaldraft.yaml dan profil).")
def check(paths, fmt, severity, only, fix, lang, levels):
    """Periksa spec terhadap aturan Tata Naskah (UU 12/2011 Lampiran II).

    Draf .docx/.odt/.pdf/.txt diimpor di belakang layar; setiap temuan dilaporkan di tempatnya pada naskah
    sumber (paragraf atau baris, halaman bila diketahui, kutipan kata-katanya). Untuk mengembalikan draf Word
    dengan komentar dan perubahan terlacak: legaldraft review DRAF.docx.
    """
    overrides = _rule_levels(levels)
    from .rules.output import TextReport, emit  # lazy: start-up time
    from .spec.loader import load  # lazy: start-up time

    results = []
    loaded = []
    invalid = 0
    report = TextReport(severity, lang) if fmt == "text" else None
    notes: set[str] = set()
    for path in _spec_files(paths):
        if path.suffix.lower() not in (".yaml", ".yml") and _is_draft(path):
            # a Word/ODT/PDF/text draft: imported, findings placed in the source
            findings = _check_source(path, only, overrides, fix)
            if findings is None:
                invalid += 1
                continue
            results.append((path, findings))
            if report is not None:
                report.add(path, findings)
            continue
        try:
            doc = load(path)
        except SpecError as exc:
            if report is not None:
                report.failed(exc.problems)
            else:
                print_problems(exc.problems)
            invalid += 1
            continue
        from .api import check as run_check  # lazy: start-up time
        from .spec.loader import context_of  # lazy: start-up time
        from .spec.profiles import origin_note  # lazy: start-up time

        note = origin_note(doc.daerah, context_of(doc).profile_path)
        if note and note not in notes:
            notes.add(note)
            click.echo(note, err=True)

        findings = run_check(doc, only=only or None, severities=overrides)
        if fix:
            from .rules.fix import apply_fixes  # lazy: start-up time

            from .spec.loader import loads  # lazy: start-up time

            def recheck(text, path=path):
                return run_check(loads(text, str(path)), only=only or None, severities=overrides)

            changed = apply_fixes(path, findings, recheck)
            for line in changed:
                click.echo(f"{path}: diperbaiki: {line}")
            if changed:
                doc = load(path)
                findings = run_check(doc, only=only or None, severities=overrides)
        results.append((path, findings))
        loaded.append((path, doc))
        if report is not None:
            report.add(path, findings)
    _across_specs(results, loaded, report, only, overrides)
    if report is not None:
        report.finish()
        code = EXIT_FINDINGS if any(f.severity.value == "error" for _, fs in results for f in fs) else EXIT_OK
    else:
        code = emit(results, fmt, severity, lang)
    if invalid:
        sys.exit(EXIT_INVALID)
    sys.exit(code)


def _is_draft(path: Path) -> bool:
    from .review.source import is_source  # lazy: start-up time (the review package reads Word files)

    return is_source(path)


def _check_source(path: Path, only, overrides, fix: bool) -> list | None:
    """Findings of a Word/ODT/PDF/text draft placed in its source, or None (said why) when it cannot be read."""
    from .review.core import check_source  # lazy: start-up time
    from .review.source import SourceError  # lazy: start-up time

    if fix:
        click.echo(f"{path}: --fix berlaku untuk spec; untuk naskah Word gunakan 'legaldraft review {path.name} "
                   f"-o {path.stem}-koreksi.docx' (perbaikan sebagai perubahan terlacak)", err=True)
    try:
        return check_source(path, only=only or None, severities=overrides).findings
    except SourceError as exc:
        message = str(exc).removeprefix(f"{path.name}: ")  # one positioned line, the file named once
        click.echo(f"{path}:1:1: {message}", err=True)
        return None


def _across_specs(results, loaded, report, only, overrides) -> None:
    """Findings that compare the specs of one run (JUD-009: one nomor and tahun, one text)."""
    from .rules.judul import same_number  # lazy: start-up time

    if (only and "JUD-009" not in only) or overrides.get("JUD-009") == "off":
        return
    extra = same_number(loaded)
    for path, findings in results:
        found = extra.get(path, [])
        findings.extend(found)
        if report is not None and found:
            report.add(path, found, counted=False)


def _rule_levels(levels) -> dict[str, str]:
    out = {}
    for item in levels:
        rule_id, _, level = item.partition("=")
        if level.strip().lower() not in ("off", "error", "warning", "info"):
            click.echo(f"--aturan {item}: tulis ID=TINGKAT dengan tingkat off, error, warning atau info", err=True)
            sys.exit(EXIT_USAGE)
        out[rule_id.strip().upper()] = level.strip().lower()
    return out


# -- build --------------------------------------------------------------------------------------------
@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--pdf", is_flag=True, help="Buat juga PDF lewat LibreOffice (satu proses untuk seluruh batch).")
@click.option("--format", "formats", default="docx", show_default=True,
              help="Daftar format dipisah koma: docx, pdf, pdfa (PDF/A-2b, siap TTE), akn (Akoma Ntoso XML), md, html, txt.")
@click.option("--force", is_flag=True, help="Bangun ulang semua, dan timpa DOCX yang diubah tangan.")
@click.option("--jobs", "-j", type=int, default=0, help="Jumlah proses paralel (0 = jumlah inti).")
@click.option("--no-progress", is_flag=True, help="Tanpa bilah kemajuan.")
@click.option("--pdf-timeout", type=click.FloatRange(min=0, min_open=True), default=None, metavar="DETIK",
              help="Batas waktu LibreOffice per batch; lewat batas, prosesnya dihentikan (kode keluar 5). Bawaan: 300.")
@click.option("--pdf-optional", is_flag=True, help="Tanpa LibreOffice: DOCX saja dengan peringatan (tanpa itu: kode keluar 5).")
@click.option("--terima-galat", "accept", metavar="ALASAN",
              help="Bangun naskah final walau ada temuan galat; ALASAN dicatat di properti DOCX (Komentar).")
def build(paths, out_dir, pdf, formats, force, jobs, no_progress, pdf_timeout, pdf_optional, accept):
    """Bangun DOCX (dan PDF atau PDF/A, Akoma Ntoso, md, html) dari spec atau folder spec."""
    from .batch import run_build  # lazy: start-up time

    fmts = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = [f for f in fmts if f not in ("docx", "pdf", "pdfa", "akn", "md", "html", "txt")]
    if unknown:
        click.echo(f"format tidak dikenal: {', '.join(unknown)} (pilih: docx, pdf, pdfa, akn, md, html, txt)", err=True)
        sys.exit(EXIT_USAGE)
    if pdf and "pdf" not in fmts:
        fmts.append("pdf")
    if "pdfa" in fmts and "pdf" in fmts:
        fmts.remove("pdf")  # one PDF per document: the PDF/A
    if ("pdf" in fmts or "pdfa" in fmts) and "docx" not in fmts:
        fmts.insert(0, "docx")
    if accept is not None and len(accept.strip()) < 5:
        click.echo("--terima-galat: tulis alasannya (sedikitnya 5 huruf)", err=True)
        sys.exit(EXIT_USAGE)
    code = run_build(_spec_files(paths), out_dir, tuple(fmts), force=force, jobs=jobs,
                     progress=not no_progress, echo=click.echo, pdf_timeout=pdf_timeout, pdf_optional=pdf_optional,
                     accept=accept)
    sys.exit(code)


# -- schema / rules -----------------------------------------------------------------------------------
@main.command()
@click.option("--jenis", type=click.Choice(["semua", "perbup", "perwali", "pergub", "keputusan", "pedoman", "perubahan",
                                              "pencabutan", "profil"]),
              default="semua", show_default=True)
def schema(jenis):
    """Cetak JSON Schema spec (untuk pelengkapan otomatis di editor)."""
    import json  # lazy: start-up time

    from .spec.schema import json_schema  # lazy: start-up time

    click.echo(json.dumps(json_schema(jenis), indent=2, ensure_ascii=False))


@main.command()
@click.argument("rule_id", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
def rules(rule_id, fmt):
    """Daftar aturan (id, tingkat, sumber), atau penjelasan satu aturan."""
    from .rules.output import describe_rule, list_rules  # lazy: start-up time

    if rule_id:
        text = describe_rule(rule_id.upper(), fmt)
        if text is None:
            click.echo(f"aturan '{rule_id}' tidak dikenal; lihat 'legaldraft rules'", err=True)
            sys.exit(EXIT_USAGE)
        click.echo(text)
    else:
        click.echo(list_rules(fmt))


from .commands import register_all  # noqa: E402  (commands of later stages: import, amend, …)

register_all(main)

if __name__ == "__main__":  # pragma: no cover
    main()

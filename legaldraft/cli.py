"""legaldraft command line: thin over the library (parse arguments, call, print).

Heavy modules are imported inside commands so that ``legaldraft --version`` starts fast.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .spec.errors import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, EXIT_USAGE, SpecError

EXIT_CODES = f"""\b
Kode keluar (exit code):
  {EXIT_OK}  berhasil; 'check': tidak ada temuan bertingkat galat (error)
  {EXIT_FINDINGS}  'check': ada temuan bertingkat galat (error)
  {EXIT_INVALID}  spec tidak dapat dibaca atau tidak sah (YAML, skema, profil daerah,
     kunci registry, referenksi [[id]] yang tidak ada, gambar)
  {EXIT_USAGE}  pemakaian perintah salah, atau berkas keluaran tidak boleh ditimpa
  {EXIT_INTERNAL}  galat internal legaldraft (mohon laporkan)
""".replace("referenksi", "referensi")


class Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except SpecError as exc:
            print_problems(exc.problems)
            ctx.exit(EXIT_INVALID)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("dihentikan.", err=True)
            ctx.exit(130)
        except Exception as exc:  # never a traceback for a drafter
            import os  # lazy: start-up time
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
    """legaldraft: menyusun Peraturan Bupati, Keputusan Bupati dan Pedoman dari spec YAML.

    \b
    Alur: spec YAML -> model -> pemeriksaan Tata Naskah -> DOCX/PDF.
      legaldraft new perbup drafts/slrt.yaml     spec awal yang sah, dengan komentar
      legaldraft check drafts/slrt.yaml          temuan dengan berkas:baris:kolom
      legaldraft build drafts/slrt.yaml -o out/  DOCX (dan --pdf)
      legaldraft schema > legaldraft.schema.json JSON Schema untuk editor
      legaldraft rules [KON-004]                 daftar aturan / penjelasan satu aturan
    """


# -- new ----------------------------------------------------------------------------------------------
@main.command()
@click.argument("jenis", type=click.Choice(["perbup", "keputusan", "pedoman", "pencabutan", "profil"]))
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--daerah", default="contoh", show_default=True, help="Nama profil daerah yang dirujuk spec.")
@click.option("--force", is_flag=True, help="Timpa berkas yang sudah ada.")
def new(jenis, target, daerah, force):
    """Buat spec awal (atau profil daerah) yang sah dan berkomentar."""
    from .spec.scaffold import scaffold  # lazy: start-up time

    if target.exists() and not force:
        click.echo(f"{target}: berkas sudah ada; pakai --force untuk menimpa", err=True)
        sys.exit(EXIT_USAGE)
    from .ioutil import atomic_write_text  # lazy: start-up time

    atomic_write_text(target, scaffold(jenis, daerah, target.parent))
    click.echo(f"dibuat: {target}")
    if jenis != "profil":
        click.echo(f"lanjut: legaldraft check {target}")


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
    if any(part in ("profil", "profiles") for part in path.parts) or path.name.startswith("."):
        return False
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
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
    """Periksa spec terhadap aturan Tata Naskah (UU 12/2011 Lampiran II)."""
    overrides = _rule_levels(levels)
    from .rules.output import emit  # lazy: start-up time
    from .spec.loader import load  # lazy: start-up time

    results = []
    invalid = False
    for path in _spec_files(paths):
        try:
            doc = load(path)
        except SpecError as exc:
            print_problems(exc.problems)
            invalid = True
            continue
        from .api import check as run_check  # lazy: start-up time

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
                findings = run_check(load(path), only=only or None, severities=overrides)
        results.append((path, findings))
    code = emit(results, fmt, severity, lang)
    if invalid:
        sys.exit(EXIT_INVALID)
    sys.exit(code)


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
              help="Daftar format dipisah koma: docx, pdf, md, html, txt.")
@click.option("--force", is_flag=True, help="Bangun ulang semua, dan timpa DOCX yang diubah tangan.")
@click.option("--jobs", "-j", type=int, default=0, help="Jumlah proses paralel (0 = jumlah inti).")
@click.option("--no-progress", is_flag=True, help="Tanpa bilah kemajuan.")
def build(paths, out_dir, pdf, formats, force, jobs, no_progress):
    """Bangun DOCX (dan PDF, md, html) dari spec atau folder spec."""
    from .batch import run_build  # lazy: start-up time

    fmts = [f.strip() for f in formats.split(",") if f.strip()]
    unknown = [f for f in fmts if f not in ("docx", "pdf", "md", "html", "txt")]
    if unknown:
        click.echo(f"format tidak dikenal: {', '.join(unknown)} (pilih: docx, pdf, md, html, txt)", err=True)
        sys.exit(EXIT_USAGE)
    if pdf and "pdf" not in fmts:
        fmts.append("pdf")
    if "pdf" in fmts and "docx" not in fmts:
        fmts.insert(0, "docx")
    code = run_build(_spec_files(paths), out_dir, tuple(fmts), force=force, jobs=jobs,
                     progress=not no_progress, echo=click.echo)
    sys.exit(code)


# -- schema / rules -----------------------------------------------------------------------------------
@main.command()
@click.option("--jenis", type=click.Choice(["semua", "perbup", "keputusan", "pedoman", "perubahan", "pencabutan", "profil"]),
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

"""``legaldraft import FILE -o SPEC.yaml [--report]``: an existing Perbup / Keputusan becomes a spec."""
from __future__ import annotations

from pathlib import Path

import click


def register(main) -> None:
    @main.command("import")
    @click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("-o", "--output", "target", type=click.Path(dir_okay=False, path_type=Path),
                  help="Spec YAML yang ditulis (bawaan: nama sumber dengan .yaml, di folder kerja).")
    @click.option("--report", is_flag=True, help="Cetak laporan pulang-pergi: berapa persen teks sumber dibangun ulang, "
                                                 "bagian yang disimpan apa adanya, dan temuan pemeriksa.")
    @click.option("--force", is_flag=True, help="Timpa spec (dan profil daerah) yang sudah ada.")
    def import_command(source: Path, target: Path | None, report: bool, force: bool) -> None:
        """Impor naskah Peraturan/Keputusan kepala daerah (.docx, .odt, .rtf, .html, .txt, .pdf; PDF hasil pindai
        lewat OCR; atau Akoma Ntoso .xml) menjadi spec YAML."""
        from ..importer import SUFFIXES, ImportError_, import_file, source_text, write  # lazy: start-up time
        from ..spec.errors import EXIT_INVALID, EXIT_USAGE  # lazy: start-up time

        if not source.exists():
            click.echo(f"{source}: berkas tidak ditemukan", err=True)
            raise SystemExit(EXIT_USAGE)
        if source.suffix.lower() not in SUFFIXES + (".xml",):
            click.echo(f"{source}: format '{source.suffix}' tidak didukung (gunakan .docx, .odt, .rtf, .html, .txt, "
                       ".pdf, atau Akoma Ntoso .xml)", err=True)
            raise SystemExit(EXIT_USAGE)
        target = target or Path.cwd() / f"{source.stem}.yaml"
        if target.exists() and not force:
            click.echo(f"{target}: sudah ada (gunakan --force untuk menimpa)", err=True)
            raise SystemExit(EXIT_USAGE)
        from ..importer.akn import AknError, import_akn  # lazy: start-up time

        akn = source.suffix.lower() == ".xml"  # Akoma Ntoso (legaldraft build --format akn, or of the same shape)
        try:
            result = import_akn(source, spec_dir=target.parent) if akn else import_file(source, spec_dir=target.parent)
        except (ImportError_, AknError) as exc:
            click.echo(f"{source}:1:1: {exc}", err=True)
            raise SystemExit(EXIT_INVALID) from None
        from ..exitcodes import EXIT_IMPORT_BELOW  # lazy: start-up time
        from ..importer.quality import MIN_TYPED_COVERAGE, figures, format_figures  # lazy: start-up time

        for path in write(result, target, force_profile=force):
            click.echo(f"ditulis: {path}")
        fig = None
        if not akn:      # a structured source has no typed coverage to measure
            try:
                fig = figures(result, source_text(source))
            except ImportError_ as exc:
                click.echo(f"{source}:1:1: {exc}", err=True)
                raise SystemExit(EXIT_INVALID) from None
        poor = fig is not None and fig.typed_coverage < MIN_TYPED_COVERAGE
        if not poor:
            for note in result.notes.items:
                if note.level == "warning":
                    click.echo(f"{source}:{note.line or 1}: peringatan: {note.message}", err=True)
        if report and not akn:
            from ..importer.report import format_report, round_trip  # lazy: start-up time

            rt = round_trip(result, source_text(source))
            click.echo(format_report(source.name, rt, result.notes if not poor else type(result.notes)()))
            click.echo(format_figures(fig, result.spec.get("asal")))
        if poor:
            click.echo(f"{source}: impor tidak lengkap: hanya {fig.typed_coverage:.0%} kata sumber masuk ke unit "
                       f"bertipe (ambang {MIN_TYPED_COVERAGE:.0%}); {len(result.notes.warnings)} peringatan tidak "
                       "dicetak satu per satu. Spec tetap ditulis; lihat --report.", err=True)
            raise SystemExit(EXIT_IMPORT_BELOW)

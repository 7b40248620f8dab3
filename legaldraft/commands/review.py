"""``legaldraft review DRAFT.docx -o DRAFT-koreksi.docx [--author NAMA]``: the author's own file back with the
findings as Word comments and the mechanical fixes as tracked changes. ``legaldraft review SPEC.yaml -o NAMA.html|.pdf``:
the review render of a spec (commands/review_spec.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ._common import FILE, force_option, refuse_overwrite


def register(main) -> None:
    @main.command()
    @click.argument("draft", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("-o", "--out", "target", type=FILE,
                  help="DOCX hasil (bawaan: NAMA-koreksi.docx di samping draf); untuk spec YAML: NAMA.html atau "
                       "NAMA.pdf (bawaan: NAMA-tinjauan.html).")
    @click.option("--author", default="legaldraft", show_default=True,
                  help="Nama pemeriksa pada komentar dan perubahan terlacak (mis. 'Bagian Hukum').")
    @click.option("--severity", type=click.Choice(["error", "warning", "info"]), default="info", show_default=True,
                  help="Komentar mulai tingkat ini.")
    @click.option("--rule", "only", multiple=True, help="Hanya aturan ini (boleh berulang).")
    @click.option("--pdf", is_flag=True,
                  help="Buat juga PDF (LibreOffice) dengan komentar di margin kanan dan perubahan terlacak terlihat.")
    @force_option
    def review(draft, target, author, severity, only, pdf, force):
        """Kembalikan draf Word (DOCX/ODT) dengan temuan sebagai komentar dan perbaikan mekanis sebagai
        perubahan terlacak (track changes), siap diterima atau ditolak penyusun di Word/LibreOffice.

        Untuk spec YAML: halaman tinjauan (HTML, atau PDF lewat LibreOffice) berisi naskah yang dirakit dengan
        setiap temuan sebagai catatan di margin kanan, rujukan [[id]] disorot dengan id sasarannya, dan peta
        id -> nomor (BAB/Pasal/ayat/huruf)."""
        from .review_spec import SPEC_SUFFIXES, review_spec  # lazy: start-up time

        if draft.suffix.lower() in SPEC_SUFFIXES:
            review_spec(draft, target, severity, only, pdf, force)
        from ..review.source import SourceError  # lazy: start-up time
        from ..review.writer import review_docx  # lazy: start-up time

        if draft.suffix.lower() not in (".docx", ".odt"):
            click.echo(f"{draft}: review menulis komentar ke DOCX atau ODT; untuk PDF atau teks gunakan "
                       f"'legaldraft check {draft.name}'", err=True)
            sys.exit(3)
        target = target or draft.with_name(f"{draft.stem}-koreksi.docx")
        if target.resolve() == draft.resolve():
            click.echo(f"{target}: hasil tidak boleh menimpa draf penyusun; pilih nama lain dengan -o", err=True)
            sys.exit(3)
        refuse_overwrite(target, force)
        try:
            _, report = review_docx(draft, target, author=author, only=only or None, threshold=severity)
        except SourceError as exc:
            click.echo(f"{draft}: {exc}", err=True)
            sys.exit(2)
        counts = {"error": 0, "warning": 0, "info": 0}
        for f in report.findings:
            counts[f.severity.value] += 1
        fixes = sum(1 for f in report.findings if f.edits)
        click.echo(f"ditulis: {target} ({counts['error']} galat, {counts['warning']} peringatan, {counts['info']} info; "
                   f"{fixes} temuan dengan perbaikan terlacak)")
        if pdf:
            from ..review.writer import margin_pdf  # lazy: start-up time

            try:
                written = margin_pdf(target)
            except Exception as exc:  # noqa: BLE001 - LibreOffice missing or failing: the DOCX stands
                click.echo(f"PDF tidak dibuat: {exc}", err=True)
            else:
                click.echo(f"ditulis: {written} (komentar di margin)")
        sys.exit(1 if counts["error"] else 0)

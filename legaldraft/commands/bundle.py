"""``legaldraft bundle SPEC -o FOLDER``: the submission for harmonisasi (e-Harmonisasi) or fasilitasi (e-Perda)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

EPILOG = """\b
Isi FOLDER (nama berkas menurut 'pengiriman.pola_nama' di profil daerah):
  naskah DOCX dan PDF, laporan pemeriksaan (DOCX dan JSON),
  untuk Perubahan: matriks perbandingan (perlu --lama),
  manifest.json: daftar berkas dengan ukuran dan sha256.
\b
Kode keluar: 0 ditulis; 2 spec tidak sah; 3 pemakaian salah (folder berisi berkas lain,
Perubahan tanpa --lama).
"""


def register(main) -> None:
    @main.command("bundle", epilog=EPILOG)
    @click.argument("spec", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("-o", "--out", "folder", required=True, type=click.Path(file_okay=False, path_type=Path),
                  help="Folder berkas kiriman (dibuat; harus kosong, kecuali --force).")
    @click.option("--lama", "base", type=click.Path(dir_okay=False, path_type=Path),
                  help="Spec Peraturan kepala daerah yang diubah (untuk matriks perbandingan sebuah Perubahan).")
    @click.option("--perubahan", "earlier", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
                  help="Perubahan terdahulu atas --lama, urut (boleh berulang).")
    @click.option("--tanpa-pdf", "no_pdf", is_flag=True, help="Tanpa PDF (tanpa LibreOffice).")
    @click.option("--force", is_flag=True, help="Tulis ke folder yang sudah berisi berkas.")
    def bundle_command(spec: Path, folder: Path, base: Path | None, earlier, no_pdf: bool, force: bool) -> None:
        """Berkas kiriman harmonisasi/fasilitasi: naskah, laporan pemeriksaan, matriks, manifest."""
        from ..publish.bundle import build_bundle  # lazy: start-up time
        from ..spec.loader import context_of, load  # lazy: start-up time

        if folder.exists() and any(folder.iterdir()) and not force:
            click.echo(f"{folder}: folder sudah berisi berkas; pakai folder kosong atau --force", err=True)
            sys.exit(3)
        doc = load(spec)
        ctx = context_of(doc)
        if doc.jenis == "perubahan" and base is None:
            click.echo(f"{spec}: Perubahan memerlukan --lama SPEC (Peraturan kepala daerah yang diubah) untuk matriks "
                       "perbandingan", err=True)
            sys.exit(3)
        base_doc = load(base) if base is not None else None
        if force and folder.exists():
            from ..publish.bundle import MANIFEST  # lazy: start-up time

            for old in folder.iterdir():
                if old.is_file() and (old.name == MANIFEST or old.suffix in (".docx", ".pdf", ".json")):
                    old.unlink()
        result = build_bundle(doc, ctx, folder, base_doc, [load(p) for p in earlier], pdf=not no_pdf)
        for warning in result.warnings:
            click.echo(f"peringatan: {warning}", err=True)
        for entry in result.files:
            click.echo(f"ditulis: {folder / entry['berkas']}")
        click.echo(f"ditulis: {folder / 'manifest.json'} ({len(result.files)} berkas)")

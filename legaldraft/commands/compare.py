"""``legaldraft compare OLD NEW -o matriks.docx``: the matriks perbandingan of two versions of a Perbup."""
from __future__ import annotations

import sys
from pathlib import Path

import click


def register(main) -> None:
    @main.command()
    @click.argument("old", type=click.Path(dir_okay=False, path_type=Path))
    @click.argument("new", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("-o", "--out", "target", required=True, type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--perubahan", "earlier", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
                  help="Perubahan terdahulu atas OLD, urut (boleh berulang).")
    @click.option("--force", is_flag=True, help="Timpa berkas keluaran yang sudah ada.")
    def compare(old, new, target, earlier, force):
        """Matriks perbandingan (No | Ketentuan lama | Ketentuan baru | Keterangan) sebagai DOCX."""
        from ..amend import plan
        from ..amend.compare import matriks_docx
        from ..ioutil import atomic_write_bytes
        from ..spec.loader import context_of, load

        if target.exists() and not force:
            click.echo(f"{target}: berkas sudah ada; pakai --force untuk menimpa", err=True)
            sys.exit(3)
        old_doc, new_doc = load(old), load(new)
        result = plan(old_doc, new_doc, [load(p) for p in earlier])
        profile = context_of(new_doc).profile
        title = f"{profile.formula.nama_jenis_peraturan} tentang {new_doc.tentang}"
        atomic_write_bytes(target, matriks_docx(result, profile, title))
        click.echo(f"ditulis: {target} ({len(result.perubahan.perubahan)} perubahan)")

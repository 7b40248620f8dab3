"""``legaldraft compare OLD NEW -o matriks.docx``: the matriks perbandingan of two versions of a Perbup."""
from __future__ import annotations

import click

from ._common import FILE, force_option, old_new_out, refuse_overwrite


def register(main) -> None:
    @main.command()
    @old_new_out()
    @click.option("--perubahan", "earlier", multiple=True, type=FILE,
                  help="Perubahan terdahulu atas OLD, urut (boleh berulang).")
    @click.option("--alasan", "reasons", type=FILE,
                  help="Spec Perubahan (hasil 'amend', disunting) yang memuat 'alasan' setiap perubahan untuk kolom Keterangan.")
    @force_option
    def compare(old, new, target, earlier, reasons, force):
        """Matriks perbandingan (No | Ketentuan lama | Ketentuan baru | Keterangan) sebagai DOCX."""
        from ..amend import plan  # lazy: start-up time
        from ..amend.compare import matriks_blocks  # lazy: start-up time
        from ..render.pipeline import table_docx  # lazy: start-up time
        from ..ioutil import atomic_write_bytes  # lazy: start-up time
        from ..spec.loader import context_of, load  # lazy: start-up time

        refuse_overwrite(target, force)
        old_doc, new_doc = load(old), load(new)
        result = plan(old_doc, new_doc, [load(p) for p in earlier])
        ctx = context_of(new_doc)
        profile = ctx.profile
        from ..amend.compare import alasan_of  # lazy: start-up time
        from ..naskah.names import full_tentang  # lazy: start-up time

        alasan = alasan_of(load(reasons)) if reasons else None
        title = full_tentang(result.perubahan, profile)
        atomic_write_bytes(target, table_docx(matriks_blocks(result, profile, title, alasan), profile, title, ctx.base_dir))
        click.echo(f"ditulis: {target} ({len(result.perubahan.perubahan)} perubahan)")

"""``legaldraft compare OLD NEW -o matriks.docx``: the matriks perbandingan of two versions of a Perbup."""
from __future__ import annotations

import click

from ._common import FILE, force_option, old_new_out, refuse_overwrite


def register(main) -> None:
    @main.command()
    @old_new_out()
    @click.option("--perubahan", "earlier", multiple=True, type=FILE,
                  help="Perubahan terdahulu atas OLD, urut (boleh berulang).")
    @force_option
    def compare(old, new, target, earlier, force):
        """Matriks perbandingan (No | Ketentuan lama | Ketentuan baru | Keterangan) sebagai DOCX."""
        from ..amend import plan  # lazy: start-up time
        from ..amend.compare import matriks_blocks  # lazy: start-up time
        from ..render.docx import render_docx  # lazy: start-up time
        from ..render.templates import landscape, template_path  # lazy: start-up time
        from ..ioutil import atomic_write_bytes  # lazy: start-up time
        from ..spec.loader import context_of, load  # lazy: start-up time

        refuse_overwrite(target, force)
        old_doc, new_doc = load(old), load(new)
        result = plan(old_doc, new_doc, [load(p) for p in earlier])
        profile = context_of(new_doc).profile
        title = f"{profile.formula.nama_jenis_peraturan} tentang {new_doc.tentang}"
        blocks = matriks_blocks(result, title, profile.formula.nama_jenis_peraturan)
        data = render_docx(blocks, landscape(profile), template_path("perbup", profile.templates),
                           context_of(new_doc).base_dir, f"Matriks perbandingan {title}")
        atomic_write_bytes(target, data)
        click.echo(f"ditulis: {target} ({len(result.perubahan.perubahan)} perubahan)")

"""``legaldraft redline OLD NEW -o redline.docx``: the new text with Word tracked changes against the old."""
from __future__ import annotations

import click

from ._common import force_option, old_new_out, refuse_overwrite


def register(main) -> None:
    @main.command()
    @old_new_out()
    @click.option("--penulis", "author", default="Bagian Hukum", show_default=True, help="Nama penulis perubahan terlacak.")
    @force_option
    def redline(old, new, target, author, force):
        """DOCX naskah baru dengan perubahan terlacak (track changes) terhadap naskah lama."""
        from ..amend import check_pair  # lazy: start-up time
        from ..amend.redline import redline_blocks  # lazy: start-up time
        from ..naskah.jenis import assemble, jenis_of  # lazy: start-up time
        from ..render.docx import render_docx  # lazy: start-up time
        from ..render.templates import template_path  # lazy: start-up time
        from ..ioutil import atomic_write_bytes  # lazy: start-up time
        from ..spec.loader import context_of, load  # lazy: start-up time

        refuse_overwrite(target, force)
        old_doc, new_doc = load(old), load(new)
        check_pair(old_doc, new_doc)
        old_ctx, new_ctx = context_of(old_doc), context_of(new_doc)
        title = f"{new_doc.nama_jenis} tentang {new_doc.tentang} (perubahan terlacak)"
        blocks = redline_blocks(assemble(old_doc, old_ctx.profile, old_ctx.registry),
                                assemble(new_doc, new_ctx.profile, new_ctx.registry), author)
        data = render_docx(blocks, new_ctx.profile, template_path(jenis_of(new_doc).template, new_ctx.profile.templates),
                           new_ctx.base_dir, title)
        atomic_write_bytes(target, data)
        click.echo(f"ditulis: {target}")

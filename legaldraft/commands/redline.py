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
        from ..render.redline import redline_naskah_docx  # lazy: start-up time
        from ..ioutil import atomic_write_bytes  # lazy: start-up time
        from ..spec.loader import context_of, load  # lazy: start-up time

        refuse_overwrite(target, force)
        old_doc, new_doc = load(old), load(new)
        check_pair(old_doc, new_doc)
        old_ctx, new_ctx = context_of(old_doc), context_of(new_doc)
        data = redline_naskah_docx(old_doc, old_ctx, new_doc, new_ctx, author)
        atomic_write_bytes(target, data)
        click.echo(f"ditulis: {target}")

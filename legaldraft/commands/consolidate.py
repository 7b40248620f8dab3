"""``legaldraft consolidate BASE PERUBAHAN… -o konsolidasi.docx``: the text as in force."""
from __future__ import annotations

import sys

import click

from ..exitcodes import EXIT_INVALID
from ._common import FILE, force_option, refuse_overwrite


def register(main) -> None:
    @main.command()
    @click.argument("base", type=FILE)
    @click.argument("amendments", nargs=-1, required=True, type=FILE)
    @click.option("-o", "--out", "target", required=True, type=FILE,
                  help="Berkas keluaran: .docx (atau .txt untuk teks polos).")
    @click.option("--tanpa-catatan", "no_notes", is_flag=True, help="Tanpa catatan Perubahan di bawah unit yang diubah.")
    @force_option
    def consolidate(base, amendments, target, no_notes, force):
        """Naskah konsolidasi: BASE dengan semua Perubahan diterapkan berurutan."""
        from ..amend import check_issued, check_same_daerah, consolidate as run  # lazy: start-up time
        from ..amend.consolidate import ConsolidationError  # lazy: start-up time
        from ..ioutil import atomic_write_bytes, atomic_write_text  # lazy: start-up time
        from ..naskah.assembler import plain_text  # lazy: start-up time
        from ..amend.consolidate import konsolidasi_naskah  # lazy: start-up time
        from ..spec.loader import context_of, load  # lazy: start-up time

        refuse_overwrite(target, force)
        base_doc = load(base)
        check_issued(base_doc)
        docs = [load(p) for p in amendments]
        for doc in docs:
            check_same_daerah(base_doc, doc)
        try:
            k = run(base_doc, *docs, notes=not no_notes)
        except ConsolidationError as exc:
            click.echo(f"{amendments[-1]}:1:1: Perubahan tidak cocok dengan naskah yang diubah: {exc}", err=True)
            sys.exit(EXIT_INVALID)
        ctx = context_of(base_doc)
        doc, blocks = konsolidasi_naskah(k, ctx.profile, ctx.registry)
        if target.suffix.lower() == ".txt":
            atomic_write_text(target, plain_text(blocks) + "\n")
        else:
            from ..render.pipeline import docx_bytes  # lazy: start-up time

            # written as build writes the base: the template of its kind, page set-up, lambang rule
            atomic_write_bytes(target, docx_bytes(doc, ctx, blocks=blocks, title=f"Naskah konsolidasi {base_doc.tentang}"))
        click.echo(f"ditulis: {target}")

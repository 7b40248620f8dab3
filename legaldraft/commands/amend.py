"""``legaldraft amend OLD NEW -o PERUBAHAN.yaml``: the Perubahan that turns an issued Perbup into its revision."""
from __future__ import annotations

import click

from ._common import FILE, force_option, old_new_out, refuse_overwrite


def register(main) -> None:
    @main.command()
    @old_new_out("Spec Perubahan yang ditulis (YAML).")
    @click.option("--perubahan", "earlier", multiple=True, type=FILE,
                  help="Perubahan terdahulu atas OLD, urut (boleh berulang): hasilnya 'Perubahan Kedua' dst.")
    @click.option("--replace", is_flag=True, help="Tulis Peraturan kepala daerah pengganti (dengan pasal pencabutan), bukan Perubahan.")
    @force_option
    def amend(old, new, target, earlier, replace, force):
        """Buat spec Perubahan dari spec lama (sudah diundangkan) dan spec baru (sebagaimana seharusnya berbunyi)."""
        from ..amend import plan, to_yaml  # lazy: start-up time
        from ..amend.instructions import sentence  # lazy: start-up time
        from ..amend.replace import replacement_yaml  # lazy: start-up time
        from ..ioutil import atomic_write_text  # lazy: start-up time
        from ..spec.loader import load  # lazy: start-up time

        refuse_overwrite(target, force)
        old_doc, new_doc = load(old), load(new)
        earlier_docs = [load(p) for p in earlier]
        result = plan(old_doc, new_doc, earlier_docs)
        if not result.perubahan.perubahan:
            click.echo(f"{old} dan {new} berbunyi sama: tidak ada perubahan, tidak ada yang ditulis")
            return
        for warning in result.warnings:
            click.echo(f"{new}: peringatan {warning}", err=True)
        if replace:
            atomic_write_text(target, replacement_yaml(old_doc, new_doc, new))
            click.echo(f"ditulis: {target} (Peraturan kepala daerah pengganti, mencabut {old.name})")
            return
        header = (f"# Perubahan atas {old.name}, dihitung oleh 'legaldraft amend {old} {new}'.\n"
                  "# Tulis alasan perubahan di konsiderans ([ALASAN PERUBAHAN: ...]) dan 'alasan' tiap perubahan; "
                  "kalimat perintah dibuat dari 'aksi', 'unit' dan 'nomor'.\n")
        atomic_write_text(target, to_yaml(result.perubahan, header))
        click.echo(f"ditulis: {target}")
        for i, item in enumerate(result.perubahan.perubahan):
            click.echo(f"  {i + 1}. {sentence(item)}")
        click.echo("tulis alasan perubahan di konsiderans (isian [ALASAN PERUBAHAN: ...]), lalu:")
        click.echo(f"lanjut: legaldraft check {target}")

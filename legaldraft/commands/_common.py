"""What the two-version commands (amend, compare, redline, consolidate) share: the OLD/NEW arguments with
``-o/--out`` and ``--force``, and the refusal to overwrite. No ``register`` here, so no command of its own."""
from __future__ import annotations

import sys
from pathlib import Path

import click

FILE = click.Path(dir_okay=False, path_type=Path)


def old_new_out(out_help: str | None = None):
    """``OLD NEW -o/--out TARGET``: the two spec versions and the output file, as the command's first parameters."""
    def decorate(command):
        command = click.option("-o", "--out", "target", required=True, type=FILE, help=out_help)(command)
        command = click.argument("new", type=FILE)(command)
        return click.argument("old", type=FILE)(command)
    return decorate


force_option = click.option("--force", is_flag=True, help="Timpa berkas keluaran yang sudah ada.")


def refuse_overwrite(target: Path, force: bool) -> None:
    if target.exists() and not force:
        click.echo(f"{target}: berkas sudah ada; pakai --force untuk menimpa", err=True)
        sys.exit(3)

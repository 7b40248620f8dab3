"""``legaldraft jdih SPEC… -o FOLDER``: JDIH metadata (Permenkumham 8/2019) and the JDIHN feed of enacted documents."""
from __future__ import annotations

import sys
from pathlib import Path

import click

EPILOG = """\b
Keluaran di FOLDER:
  <spec>.jdih.json  rekaman metadata Permenkumham 8/2019 (dengan relasi dan abstrak)
  jdihn.json        umpan JSON untuk JDIHN: satu entri per dokumen, kunci yang dipanen JDIHN
\b
Kode keluar: 0 semua ditulis; 2 ada spec yang tidak sah, masih rancangan,
atau kurang data penetapan (disebut dengan berkas:baris:kolom); 3 pemakaian salah.
"""


def register(main) -> None:
    @main.command("jdih", epilog=EPILOG)
    @click.argument("specs", nargs=-1, required=True, type=click.Path(path_type=Path))
    @click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
                  help="Folder keluaran; PDF <spec>.pdf yang sudah ada di sana dipakai untuk nama berkas dan jumlah halaman.")
    def jdih_command(specs, out_dir: Path) -> None:
        """Metadata JDIH dan umpan JDIHN untuk dokumen yang sudah ditetapkan."""
        import json  # lazy: start-up time

        from ..cli import _spec_files, print_problems  # lazy: start-up time
        from ..ioutil import atomic_write_text  # lazy: start-up time
        from ..publish.jdih import NotEnacted, metadata  # lazy: start-up time
        from ..spec.errors import EXIT_INVALID, SpecError  # lazy: start-up time
        from ..spec.loader import context_of, load  # lazy: start-up time

        files = _spec_files(specs)
        if not files:
            click.echo("tidak ada spec", err=True)
            sys.exit(3)
        feed, failed = [], False
        for path in files:
            try:
                doc = load(path)
                ctx = context_of(doc)
                pdf = out_dir / f"{path.stem}.pdf"
                meta = metadata(doc, ctx, file_name=pdf.name, pages=_pages(pdf) if pdf.exists() else None)
            except SpecError as exc:
                print_problems(exc.problems)
                failed = True
                continue
            except NotEnacted as exc:
                print_problems(exc.problems)
                click.echo(f"{path}: tidak dibuat metadata JDIH", err=True)
                failed = True
                continue
            target = out_dir / f"{path.stem}.jdih.json"
            atomic_write_text(target, json.dumps(meta.record, ensure_ascii=False, indent=2) + "\n")
            click.echo(f"ditulis: {target}")
            feed.append(meta.feed)
        if feed:
            target = out_dir / "jdihn.json"
            atomic_write_text(target, json.dumps(feed, ensure_ascii=False, indent=2) + "\n")
            click.echo(f"ditulis: {target} ({len(feed)} dokumen)")
        sys.exit(EXIT_INVALID if failed else 0)


def _pages(pdf: Path) -> int | None:
    try:
        import pikepdf  # lazy: start-up time

        with pikepdf.open(pdf) as p:
            return len(p.pages)
    except Exception:  # noqa: BLE001 - a PDF that cannot be read just gives no page count
        return None

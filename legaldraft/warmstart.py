"""The start-up caches of the command line: compiled regular expressions (:mod:`legaldraft.regexcache`) and code
compiled from source strings (:mod:`legaldraft.codecache`), kept in the package's ``__pycache__`` like bytecode.

``python -m legaldraft.warmstart`` (``make install`` runs it after ``compileall``) runs a representative workload
(every scaffold kind loaded, checked and rendered, then every module imported) once, records what it compiles
and writes both caches. :func:`warm` loads them when a command is the whole process (never for the library).
"""
from __future__ import annotations

import sys
from pathlib import Path

from . import codecache, regexcache


def warm(folder: Path | None = None) -> tuple[int, codecache.Compiler | None]:
    """Load both caches: the number of patterns put into ``re``'s cache, and the installed code compiler
    (None when there is no usable code cache); ``folder`` holds ``regex.bin`` and ``code.bin`` (tests)."""
    patterns = regexcache.warm(folder / "regex.bin" if folder else None)
    compiler = codecache.warm(folder / "code.bin" if folder else None)
    return patterns, compiler


def workload() -> None:
    """What a command-line run compiles, in the order a ``check`` or ``build`` needs it (the cache is put into
    ``re``'s up to its room): a document of each kind loaded, checked and rendered, then the patterns of every
    other module (importer, amend, review …)."""
    import importlib  # lazy: the workload runs only when the cache is written
    from importlib import resources  # lazy: as above
    import pkgutil  # lazy: as above
    import tempfile  # lazy: as above
    import warnings  # lazy: as above

    import legaldraft  # lazy: as above
    from legaldraft import api  # lazy: as above
    from legaldraft.spec.scaffold import FILE, scaffold  # lazy: as above

    shipped = resources.files("legaldraft.spec").joinpath("data/scaffold")
    kinds = sorted({Path(p.name).stem for p in shipped.iterdir() if p.name.endswith(".yaml")} - {"profil"} | set(FILE))
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for jenis in kinds:
            try:
                doc = api.loads(scaffold(jenis, None, Path(tmp)), filename=str(Path(tmp) / f"{jenis}.yaml"))
                api.check(doc)
                api.render_docx_bytes(doc)
            except Exception:  # noqa: BLE001 - a kind that does not build still leaves the patterns it compiled
                pass
        for info in pkgutil.walk_packages(legaldraft.__path__, "legaldraft."):
            if not info.name.endswith(("__main__", ".docs", ".warmstart")):
                try:
                    importlib.import_module(info.name)
                except Exception:  # noqa: BLE001 - an optional module (a missing extra) only misses its patterns
                    pass


def main(argv: list[str] | None = None) -> int:
    import argparse  # lazy: only when the caches are written

    parser = argparse.ArgumentParser(prog="python -m legaldraft.warmstart",
                                     description="Tulis cache waktu mulai: pola regex dan kode yang dikompilasi dari "
                                                 "teks (make install menjalankannya).")
    parser.add_argument("--dir", type=Path, default=None,
                        help=f"folder cache (bawaan: {regexcache.cache_path().parent}; nama berkas regex.bin dan "
                             "code.bin bila folder diberikan)")
    args = parser.parse_args(argv)
    with regexcache.Recorder() as patterns, codecache.Recorder() as codes:
        workload()
    try:
        regex_path = regexcache.write(patterns.patterns, args.dir / "regex.bin" if args.dir else None)
        code_path = codecache.write(codes.codes, args.dir / "code.bin" if args.dir else None)
    except OSError as exc:  # a read-only installation: the commands still work, compiling as they go
        from .exitcodes import EXIT_IO  # lazy: only when the caches are written
        from .ioutil import describe_os_error  # lazy: as above

        print(f"cache waktu mulai tidak ditulis: {describe_os_error(exc)}", file=sys.stderr)
        return EXIT_IO
    print(f"cache regex: {min(len(patterns.patterns), regexcache.room())} pola -> {regex_path}")
    print(f"cache kode: {len(codes.codes)} kode -> {code_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Compiled regular expressions kept between runs, like the bytecode in ``__pycache__``.

Why: a ``legaldraft check`` process compiles about 250 patterns (the rules' and PyYAML's), and Python's
``re`` compiler is written in Python: 25-45 ms of a 10-Pasal check, a sixth of the whole process. The
compiled form (the ``_sre`` code of each pattern) is a list of integers that depends only on the pattern,
its flags and the interpreter, so it can be computed once and loaded in a millisecond.

- ``python -m legaldraft.regexcache`` (``make install`` runs it after ``compileall``) runs a representative
  workload (every module imported, every scaffold kind loaded, checked and rendered), records each pattern
  that ``re`` compiles and writes their compiled form to ``__pycache__/regex.<interpreter tag>.bin``.
- :func:`warm` (called by the CLI when it is the whole process, never by the library) puts those patterns into
  ``re``'s own cache, so that ``re.compile`` finds them instead of compiling them.

It is only a cache: a file that is missing, stale, truncated, too large or written by another interpreter
(version, build, ``_sre`` magic or code size differ) is ignored and every pattern is compiled as usual; a
pattern that is not in it is compiled as usual. The file is written by this module only, into the package's
own ``__pycache__``, with the trust of the ``.pyc`` files beside it (``marshal``, as they are).
"""
from __future__ import annotations

import marshal
import re
import sys
from pathlib import Path

import _sre

#: the cache is refused above this size (a full cache is ~0.3 MB)
MAX_BYTES = 8 * 1024 * 1024
FORMAT = 1
#: room left in ``re``'s cache (512 patterns) for the patterns a run compiles itself
HEADROOM = 128


def cache_path() -> Path:
    return Path(__file__).resolve().parent / "__pycache__" / f"regex.{sys.implementation.cache_tag}.bin"


def interpreter_key() -> tuple:
    """What the compiled code depends on besides the pattern: the interpreter build and its regex engine."""
    return (FORMAT, sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, sys.maxunicode)


def warm(path: Path | None = None) -> int:
    """Put the cached patterns into ``re``'s cache; the number put, 0 when there is no usable cache."""
    cache = getattr(re, "_cache", None)
    limit = getattr(re, "_MAXCACHE", 0)
    if not isinstance(cache, dict) or not limit:  # another re module than CPython 3.10-3.13's: nothing to do
        return 0
    path = path or cache_path()
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return 0
        key, entries = marshal.loads(data)
        if key != interpreter_key():
            return 0
        put = 0
        for kind, pattern, flags, final_flags, code, groups, groupindex, indexgroup in entries:
            if len(cache) >= limit - HEADROOM:
                break
            type_ = str if kind == "s" else bytes
            cache.setdefault((type_, pattern, flags),
                             _sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup)))
            put += 1
        return put
    except Exception:  # noqa: BLE001 - a cache that cannot be read is no cache; the patterns compile as usual
        return 0


# -- writing (development and install time) -------------------------------------------------------------------
def compiled_form(pattern: str | bytes, flags: int) -> tuple | None:
    """The arguments of ``_sre.compile`` for one pattern, as ``re`` computes them; None where it cannot say."""
    compiler = getattr(re, "_compiler", None)
    parser = getattr(re, "_parser", None)
    if compiler is None:  # Python 3.10
        import sre_compile as compiler  # lazy: only when writing the cache, and only on 3.10
        import sre_parse as parser  # lazy: as above
    parsed = parser.parse(pattern, flags)
    code = [int(op) for op in compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, indexgroup)


def entries_for(patterns) -> list[tuple]:
    entries = []
    for pattern, flags in patterns:
        if flags & (re.DEBUG | re.LOCALE):  # re never caches a DEBUG pattern; LOCALE depends on the locale
            continue
        form = compiled_form(pattern, flags)
        entries.append(("s" if isinstance(pattern, str) else "b", pattern, flags) + form)
    return entries


def write(patterns, path: Path | None = None) -> Path:
    from .ioutil import atomic_write_bytes  # lazy: only when writing the cache

    path = path or cache_path()
    path.parent.mkdir(exist_ok=True)
    room = getattr(re, "_MAXCACHE", 512) - HEADROOM  # the rest would never be put into re's cache
    atomic_write_bytes(path, marshal.dumps((interpreter_key(), entries_for(list(patterns)[:room]))))
    return path


class Recorder:
    """Records every (pattern, flags) that ``re`` compiles while it is active (in order, once each)."""

    def __init__(self):
        self.patterns: dict[tuple, None] = {}

    def __enter__(self):
        self._original = re._compile

        def recording(pattern, flags):
            if isinstance(flags, re.RegexFlag):
                flags = flags.value
            if isinstance(pattern, (str, bytes)):
                self.patterns.setdefault((pattern, flags))
            return self._original(pattern, flags)

        re._compile = recording
        return self

    def __exit__(self, *exc):
        re._compile = self._original


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
            if not info.name.endswith(("__main__", ".docs", "regexcache")):
                try:
                    importlib.import_module(info.name)
                except Exception:  # noqa: BLE001 - an optional module (a missing extra) only misses its patterns
                    pass


def main(argv: list[str] | None = None) -> int:
    import argparse  # lazy: only when the cache is written

    parser = argparse.ArgumentParser(prog="python -m legaldraft.regexcache",
                                     description="Tulis cache pola regex yang dikompilasi (make install menjalankannya).")
    parser.add_argument("--out", type=Path, default=None, help=f"berkas cache (bawaan: {cache_path()})")
    args = parser.parse_args(argv)
    with Recorder() as recorder:
        workload()
    try:
        path = write(recorder.patterns, args.out)
    except OSError as exc:  # a read-only installation: the commands still work, compiling their patterns
        from .exitcodes import EXIT_IO  # lazy: only when the cache is written
        from .ioutil import describe_os_error  # lazy: as above

        print(f"cache regex tidak ditulis: {describe_os_error(exc)}", file=sys.stderr)
        return EXIT_IO
    print(f"cache regex: {min(len(recorder.patterns), re._MAXCACHE - HEADROOM)} pola -> {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

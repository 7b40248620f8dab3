"""Compiled regular expressions kept between runs, like the bytecode in ``__pycache__``.

Why: a ``legaldraft check`` process compiles about 250 patterns (the rules' and PyYAML's), and Python's
``re`` compiler is written in Python: 25-45 ms of a 10-Pasal check, a sixth of the whole process. The
compiled form (the ``_sre`` code of each pattern) is a list of integers that depends only on the pattern,
its flags and the interpreter, so it can be computed once and loaded in a millisecond.

- ``python -m legaldraft.warmstart`` (``make install`` runs it after ``compileall``) runs a representative
  workload (every module imported, every scaffold kind loaded, checked and rendered); :class:`Recorder` records
  each pattern that ``re`` compiles and :func:`write` writes their compiled form to
  ``__pycache__/regex.<interpreter tag>.bin``.
- :func:`warm` (called by the CLI when it is the whole process, never by the library) puts those patterns into
  ``re``'s own cache, so that ``re.compile`` finds them instead of compiling them.

It is only a cache: a file that is missing, stale, truncated, too large or written by another interpreter
(version, build, ``_sre`` magic or code size differ) is ignored and every pattern is compiled as usual; a
pattern that is not in it is compiled as usual. The file is written by this module only, into the package's
own ``__pycache__``, with the trust of the ``.pyc`` files beside it (``marshal``, as they are).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import _sre

from . import cachefile

FORMAT = 1
#: room left in ``re``'s cache (512 patterns) for the patterns a run compiles itself
HEADROOM = 128


def cache_path() -> Path:
    return cachefile.cache_path("regex")


def interpreter_key() -> tuple:
    """What the compiled code depends on besides the pattern: the interpreter build and its regex engine."""
    return (FORMAT, sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE, sys.maxunicode)


def warm(path: Path | None = None) -> int:
    """Put the cached patterns into ``re``'s cache; the number put, 0 when there is no usable cache."""
    cache = getattr(re, "_cache", None)
    limit = getattr(re, "_MAXCACHE", 0)
    if not isinstance(cache, dict) or not limit:  # another re module than CPython 3.10-3.13's: nothing to do
        return 0
    entries = cachefile.read(path or cache_path(), interpreter_key())
    if entries is None:
        return 0
    try:
        put = 0
        for kind, pattern, flags, final_flags, code, groups, groupindex, indexgroup in entries:
            if len(cache) >= room():
                break
            type_ = str if kind == "s" else bytes
            cache.setdefault((type_, pattern, flags),
                             _sre.compile(pattern, final_flags, code, groups, groupindex, tuple(indexgroup)))
            put += 1
        return put
    except Exception:  # noqa: BLE001 - a payload of the wrong shape is no cache; the patterns compile as usual
        return put


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


def room() -> int:
    """How many patterns the cache keeps: the rest would never be put into ``re``'s cache."""
    return getattr(re, "_MAXCACHE", 512) - HEADROOM


def write(patterns, path: Path | None = None) -> Path:
    return cachefile.write(path or cache_path(), interpreter_key(), entries_for(list(patterns)[:room()]))


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



if __name__ == "__main__":  # the command of earlier versions, which wrote this cache only
    from legaldraft.exitcodes import EXIT_USAGE

    print("cache waktu mulai (pola regex dan kode) kini ditulis oleh: python -m legaldraft.warmstart", file=sys.stderr)
    sys.exit(EXIT_USAGE)

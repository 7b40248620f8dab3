"""Code compiled from source strings at run time, kept between runs like the bytecode in ``__pycache__``.

Why: a ``legaldraft check`` process compiles about 1,200 snippets of Python source that exist only as strings,
a fifth of the whole process (valgrind: ~200 of 1,040 million instructions for 10 Pasal):

- ``typing.ForwardRef`` compiles each string annotation (pydantic-core's ``core_schema`` alone defines
  hundreds of TypedDicts whose annotations are strings);
- ``dataclasses`` writes ``__init__``, ``__repr__``, ``__eq__`` … of every dataclass as source and ``exec``\\ s it
  (pydantic's own internal dataclasses, the rule engine's, the model's);
- ``collections.namedtuple`` ``eval``\\ s its ``__new__``.

A code object depends only on the source, the file name, the mode, the compiler flags and the interpreter, so
it can be compiled once and loaded from ``marshal`` (the format of ``.pyc`` files) in a fraction of the time.

- :func:`warm` (called by the CLI when it is the whole process, never by the library) gives those three
  modules a ``compile``/``exec``/``eval`` of their own (a module global, which the module's code finds before
  the builtin) that looks the source up in the cache and compiles it as usual when it is not there.
- :class:`Recorder` does the same with an empty cache and keeps what was compiled; ``python -m
  legaldraft.warmstart`` (``make install``) writes it to ``__pycache__/code.<interpreter tag>.bin``.

The cached code is the code the builtin would compile: the same source, file name and mode, and the compiler
flags the builtin would use (the ``from __future__`` features of the calling code, which the builtin inherits).
Anything else (bytes, a compiler flag other than a future feature, an optimisation level, keyword arguments)
goes to the builtin unchanged. A file that is missing, damaged, too large or written by another interpreter
(version, build, bytecode magic, ``-O`` level) is ignored.
"""
from __future__ import annotations

import __future__
import builtins
import importlib
import sys
from importlib.util import MAGIC_NUMBER
from pathlib import Path

from . import cachefile

FORMAT = 1
#: where the run-time compilations happen: (module, the builtin it calls)
SITES = (("typing", "compile"), ("dataclasses", "exec"), ("collections", "eval"))
#: the compiler flags a ``compile``/``exec``/``eval`` inherits from its caller (CPython's ``PyCF_MASK``)
FUTURE_FLAGS = 0
for _feature in __future__.all_feature_names:
    FUTURE_FLAGS |= getattr(__future__, _feature).compiler_flag
del _feature


def cache_path() -> Path:
    return cachefile.cache_path("code")


def interpreter_key() -> tuple:
    """What a code object depends on besides its source: the interpreter build, its bytecode and ``-O``."""
    return (FORMAT, sys.version, sys.implementation.cache_tag, MAGIC_NUMBER, sys.flags.optimize)


class Compiler:
    """A ``compile``, ``exec`` and ``eval`` that take the code of a source string from :attr:`codes`; with
    ``record``, what they compile is added to it."""

    def __init__(self, codes: dict, record: bool = False):
        self.codes = codes
        self.record = record
        self.hits = 0  # sources found in the cache (the tests check that a command used it)
        self._replaced: list[tuple] = []

    def code(self, source: str, filename: str, mode: str, flags: int):
        key = (source, filename, mode, flags)
        code = self.codes.get(key)
        if code is not None:
            self.hits += 1
        else:
            code = builtins.compile(source, filename, mode, flags, True)
            if self.record:
                self.codes[key] = code
        return code

    def compile(self, source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **kwargs):
        if not dont_inherit:  # what the builtin inherits from the code that called it
            flags |= sys._getframe(1).f_code.co_flags & FUTURE_FLAGS
        if type(source) is str and type(filename) is str and not flags & ~FUTURE_FLAGS and optimize == -1 \
                and not kwargs:
            return self.code(source, filename, mode, flags)
        return builtins.compile(source, filename, mode, flags, True, optimize, **kwargs)

    def exec(self, source, globals=None, locals=None, **kwargs):  # noqa: A002 - the builtin's own names
        caller = sys._getframe(1)
        if globals is None:  # the builtin runs in its caller's namespace
            globals, locals = caller.f_globals, caller.f_locals if locals is None else locals
        if type(source) is str:
            source = self.code(source, "<string>", "exec", caller.f_code.co_flags & FUTURE_FLAGS)
        return builtins.exec(source, globals, locals, **kwargs)

    def eval(self, source, globals=None, locals=None):  # noqa: A002 - the builtin's own names
        caller = sys._getframe(1)
        if globals is None:
            globals, locals = caller.f_globals, caller.f_locals if locals is None else locals
        if type(source) is str:  # the builtin strips leading blanks from a string (not from bytes)
            source = self.code(source.lstrip(" \t"), "<string>", "eval", caller.f_code.co_flags & FUTURE_FLAGS)
        return builtins.eval(source, globals, locals)

    def install(self) -> Compiler:
        for module_name, builtin in SITES:
            module = sys.modules.get(module_name) or importlib.import_module(module_name)
            self._replaced.append((module, builtin, module.__dict__.get(builtin)))
            setattr(module, builtin, getattr(self, builtin))
        return self

    def uninstall(self) -> None:
        for module, builtin, before in reversed(self._replaced):
            if before is None:
                module.__dict__.pop(builtin, None)
            else:
                setattr(module, builtin, before)
        self._replaced.clear()


def warm(path: Path | None = None) -> Compiler | None:
    """Install the cached code (until :meth:`Compiler.uninstall`); None, and nothing installed, when there is no
    usable cache."""
    codes = cachefile.read(path or cache_path(), interpreter_key())
    if not isinstance(codes, dict):
        return None
    return Compiler(codes).install()


class Recorder:
    """Records the code compiled by the three modules while it is active."""

    def __enter__(self) -> Recorder:
        self.compiler = Compiler({}, record=True).install()
        return self

    def __exit__(self, *exc) -> None:
        self.compiler.uninstall()

    @property
    def codes(self) -> dict:
        return self.compiler.codes


def write(codes: dict, path: Path | None = None) -> Path:
    return cachefile.write(path or cache_path(), interpreter_key(), codes)

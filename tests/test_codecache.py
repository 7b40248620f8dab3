"""Issue 14 (start-up): code compiled from source strings kept between runs (legaldraft/codecache.py).

The cache is only worth having if the code loaded from it is the code the builtin would have compiled: CPython's
code objects compare equal when their bytecode, constants, names, flags and positions are equal, so equality below
is equality of what the interpreter runs. The builtins inherit the ``from __future__`` features of their caller;
the stand-ins must do the same. A cache that does not fit the interpreter, or is damaged, must change nothing.
"""
from __future__ import annotations

import ast
import collections
import dataclasses
import json
import marshal
import typing
import zipfile
from pathlib import Path

import pytest

from legaldraft import codecache

from conftest import ROOT, python


@pytest.fixture
def written(warm_caches) -> Path:
    return warm_caches


COMPARE = r"""
import json, sys
from pathlib import Path
from legaldraft import cachefile, codecache
codes = cachefile.read(Path(sys.argv[1]), codecache.interpreter_key())
report = {"entries": len(codes), "different": [], "kinds": {}}
for (source, filename, mode, flags), cached in codes.items():
    fresh = compile(source, filename, mode, flags, True)
    if cached != fresh or cached.co_qualname != fresh.co_qualname:
        report["different"].append(source[:80])
    kind = "dataclass" if source.startswith("def __create_fn__") else mode
    report["kinds"][kind] = report["kinds"].get(kind, 0) + 1
print(json.dumps(report))
"""


def test_every_cached_code_is_the_code_the_builtin_compiles(written):
    """Loaded in a fresh interpreter, each cached code object equals a fresh compilation of its source."""
    done = python("-c", COMPARE, str(written / "code.bin"))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["different"] == []
    assert report["entries"] > 400
    # the three sites: dataclass methods, string annotations (ForwardRef, mode eval), namedtuple's __new__ (eval)
    assert report["kinds"]["dataclass"] > 100 and report["kinds"]["eval"] > 200


FUTURE = '''
from __future__ import annotations
def compiled_by(compile_):
    return compile_("def f(x: int) -> str: pass", "<s>", "exec")
def executed_by(exec_):
    namespace = {}
    exec_("def f(x: int) -> str: pass", namespace)
    return namespace["f"].__annotations__
'''


def test_the_stand_ins_inherit_the_future_features_of_their_caller_as_the_builtins_do():
    """Code of a module with ``from __future__ import annotations`` keeps its annotations as strings when it
    compiles or executes a source string; the stand-ins must compile with the same flags (a stand-in that used
    its own module's flags, or none, gives other code)."""
    compiler = codecache.Compiler({}, record=True)
    with_future: dict = {}
    exec(compile(FUTURE, "<future>", "exec", dont_inherit=True), with_future)
    assert with_future["compiled_by"](compiler.compile) == with_future["compiled_by"](compile)
    assert with_future["executed_by"](compiler.exec) == {"x": "int", "return": "str"}
    without_future: dict = {}
    exec(compile(FUTURE.replace("from __future__ import annotations", ""), "<plain>", "exec", dont_inherit=True),
         without_future)
    assert without_future["executed_by"](compiler.exec) == {"x": int, "return": str}
    assert without_future["compiled_by"](compiler.compile) == without_future["compiled_by"](compile)
    # the two differ, so the comparison above did test the flags
    assert with_future["compiled_by"](compile) != without_future["compiled_by"](compile)
    assert len(compiler.codes) == 4  # one per (source, file name, mode, flags): compile and exec, with and without
    assert compiler.hits == 0
    assert with_future["compiled_by"](compiler.compile) == with_future["compiled_by"](compile)
    assert compiler.hits == 1 and len(compiler.codes) == 4  # the same call again: taken from the cache


def test_the_stand_ins_behave_as_the_builtins():
    compiler = codecache.Compiler({})
    assert compiler.eval("  \t6 * 7", {}) == 42  # eval strips leading blanks of a string, as the builtin does
    assert compiler.eval(b"6 * 7", {}) == 42  # bytes go to the builtin
    namespace = {"x": 2}
    compiler.exec("y = x + 1", namespace)
    assert namespace["y"] == 3
    x = 5  # noqa: F841 - read by the evaluated string from this frame's locals
    assert compiler.eval("x * 2") == 10  # no globals: the caller's namespace, as the builtin
    tree = compiler.compile("x = 1", "<s>", "exec", ast.PyCF_ONLY_AST)  # another flag: the builtin answers
    assert isinstance(tree, ast.Module) and compiler.codes == {}
    with pytest.raises(SyntaxError):
        compiler.compile("1 +", "<s>", "exec")


def test_installed_the_three_modules_make_the_same_classes(tmp_path):
    """While installed, dataclasses, namedtuples and string annotations come out as without; uninstalled, the
    modules are as before (no name of ours left in them)."""
    compiler = codecache.Compiler({}, record=True).install()
    try:
        @dataclasses.dataclass(frozen=True, order=True)
        class Pasal:
            nomor: int
            ayat: list = dataclasses.field(default_factory=list, compare=False)

        Point = collections.namedtuple("Point", "x y", defaults=(0,))
        ref = typing.ForwardRef("list[int]")
    finally:
        compiler.uninstall()
    assert Pasal(2) > Pasal(1) and Pasal(1) == Pasal(1, [3]) and repr(Pasal(1)).endswith("Pasal(nomor=1, ayat=[])")
    with pytest.raises(dataclasses.FrozenInstanceError):
        Pasal(1).nomor = 2
    assert Point(1) == (1, 0) and Point._fields == ("x", "y")
    assert ref.__forward_code__ == compile("list[int]", "<string>", "eval", dont_inherit=True)  # typing has no future
    assert len(compiler.codes) >= 5 and compiler.hits == 0
    assert "exec" not in vars(dataclasses) and "compile" not in vars(typing) and "eval" not in vars(collections)


def test_a_cache_of_another_interpreter_or_a_damaged_one_installs_nothing(tmp_path):
    good = tmp_path / "good.bin"
    codecache.write({("1 + 1", "<string>", "eval", 0): compile("1 + 1", "<string>", "eval")}, good)
    compiler = codecache.warm(good)
    try:
        assert compiler is not None and len(compiler.codes) == 1 and vars(typing)["compile"] == compiler.compile
    finally:
        compiler.uninstall()
    cases = {
        "other interpreter": marshal.dumps((("lain",) + codecache.interpreter_key()[1:], {})),
        "truncated": good.read_bytes()[:30],
        "not marshal": b"\x00garbage\xff" * 10,
        "wrong shape": marshal.dumps((codecache.interpreter_key(), [1, 2])),
        "too large": b"\x00" * (codecache.cachefile.MAX_BYTES + 1),
    }
    for name, data in cases.items():
        path = tmp_path / f"{name}.bin"
        path.write_bytes(data)
        assert codecache.warm(path) is None, name
        assert "compile" not in vars(typing), name
    assert codecache.warm(tmp_path / "absent.bin") is None


#: a whole-process command on the caches of a folder ("-": on none); writes what it loaded and used
HITS = r"""
import sys
from pathlib import Path
from legaldraft import warmstart
folder, out = sys.argv[1], sys.argv[2]
loaded = []
warm = (lambda: (0, None)) if folder == "-" else (lambda _w=warmstart.warm: _w(Path(folder)))
warmstart.warm = lambda: loaded.append(warm()) or loaded[-1]
from legaldraft.cli import main
sys.argv = ["legaldraft", *sys.argv[3:]]
try:
    main()
except SystemExit:
    pass
patterns, compiler = loaded[0]
print(patterns, compiler.hits if compiler else 0, len(compiler.codes) if compiler else 0, file=open(out, "w"))
"""


def test_a_whole_process_build_uses_the_cache_and_writes_the_same_docx(written, tmp_path):
    spec = ROOT / "specs" / "purwakarta" / "perbup-slrt.yaml"
    outputs = {}
    for folder in (str(written), "-"):
        outputs[folder] = tmp_path / ("tanpa" if folder == "-" else "dengan")
        used = tmp_path / "used.txt"
        done = python("-c", HITS, folder, str(used), "build", str(spec), "-o", str(outputs[folder]))
        assert done.returncode == 0, done.stderr
        patterns, hits, codes = map(int, used.read_text().split())
        if folder == "-":
            assert (patterns, hits, codes) == (0, 0, 0)
        else:
            assert patterns > 200 and hits > 300 and codes > 400  # the build did run on the caches
    with_cache, without = outputs[str(written)], outputs["-"]
    built = sorted(p.name for p in with_cache.iterdir() if p.suffix == ".docx")
    assert built and built == sorted(p.name for p in without.iterdir() if p.suffix == ".docx")
    for name in built:  # the zip stamps each part with the build time: compare the parts
        with zipfile.ZipFile(with_cache / name) as a, zipfile.ZipFile(without / name) as b:
            assert a.namelist() == b.namelist(), name
            assert all(a.read(part) == b.read(part) for part in a.namelist()), name

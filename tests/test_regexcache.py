"""Issue 14 (start-up): the compiled regular expressions kept between runs (legaldraft/regexcache.py, written by
``python -m legaldraft.warmstart``).

The cache is only worth having if a pattern loaded from it is the pattern ``re`` would have compiled: CPython's
``Pattern.__eq__`` compares the pattern, its flags and its compiled code, so equality below is equality of the
code the matcher runs. A cache that does not fit the interpreter, or is damaged, must change nothing.
"""
from __future__ import annotations

import json
import marshal
import re
from pathlib import Path

import pytest

from legaldraft import regexcache

from conftest import ROOT, python


@pytest.fixture
def written_cache(warm_caches) -> Path:
    return warm_caches / "regex.bin"


COMPARE = r"""
import json, re, sys
from pathlib import Path
from legaldraft import regexcache
compiler = getattr(re, "_compiler", None)
if compiler is None:
    import sre_compile as compiler
texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[2:]]
put = regexcache.warm(Path(sys.argv[1]))
report = {"put": put, "different": [], "checked": 0, "matches": 0}
for (kind, pattern, flags), cached in list(re._cache.items()):
    fresh = compiler.compile(pattern, flags)  # what re.compile computes, bypassing its cache
    report["checked"] += 1
    if cached != fresh or cached.groupindex != fresh.groupindex or cached.groups != fresh.groups:
        report["different"].append(repr(pattern)[:80])
        continue
    if kind is str:
        for text in texts:
            a = [m.span() for m in cached.finditer(text)][:50]
            if a != [m.span() for m in fresh.finditer(text)][:50]:
                report["different"].append("match: " + repr(pattern)[:80])
            report["matches"] += len(a)
print(json.dumps(report))
"""


def test_every_cached_pattern_is_the_pattern_re_compiles(written_cache):
    """Loaded in a fresh interpreter, each cached pattern equals a fresh compilation (code included) and finds
    the same spans in real documents."""
    corpus = sorted((ROOT / "corpus").glob("*.txt"))[:3]
    done = python("-c", COMPARE, str(written_cache), *map(str, corpus))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["put"] > 200  # the rules' patterns, PyYAML's, the loader's
    assert report["checked"] >= report["put"]
    assert report["different"] == []
    assert report["matches"] > 1000  # the comparison did look at matches


def test_the_cache_holds_the_rule_patterns_a_check_compiles(written_cache):
    key, entries = marshal.loads(written_cache.read_bytes())
    assert key == regexcache.interpreter_key()
    patterns = {pattern for _, pattern, *_ in entries}
    from legaldraft.rules import dasar_hukum, konsiderans  # module-level patterns of two rule modules

    for module in (dasar_hukum, konsiderans):
        compiled = [v.pattern for v in vars(module).values() if isinstance(v, re.Pattern)]
        assert compiled and set(compiled) <= patterns, module.__name__


def test_a_cache_of_another_interpreter_or_a_damaged_one_changes_nothing(tmp_path, monkeypatch):
    fake = {}
    monkeypatch.setattr(re, "_cache", fake)
    pattern = r"\bPasal\s+(?P<nomor>\d+)"
    good = tmp_path / "good.bin"
    regexcache.write([(pattern, 0)], good)
    assert regexcache.warm(good) == 1 and fake[(str, pattern, 0)] == re._compiler.compile(pattern, 0)

    cases = {
        "other interpreter": marshal.dumps((("lain",) + regexcache.interpreter_key()[1:],
                                            regexcache.entries_for([(pattern, 0)]))),
        "truncated": good.read_bytes()[:40],
        "entries of the wrong shape": marshal.dumps((regexcache.interpreter_key(), [("s", pattern)])),
        "not marshal": b"\x00garbage\xff" * 10,
        "wrong shape": marshal.dumps([1, 2, 3]),
    }
    for name, data in cases.items():
        fake.clear()
        path = tmp_path / f"{name}.bin"
        path.write_bytes(data)
        assert regexcache.warm(path) == 0, name
        assert fake == {}, name
    assert regexcache.warm(tmp_path / "absent.bin") == 0
    big = tmp_path / "big.bin"
    big.write_bytes(b"\x00" * (regexcache.cachefile.MAX_BYTES + 1))
    assert regexcache.warm(big) == 0


def test_warm_leaves_room_in_re_cache(tmp_path, monkeypatch):
    fake = {}
    monkeypatch.setattr(re, "_cache", fake)
    monkeypatch.setattr(re, "_MAXCACHE", regexcache.HEADROOM + 3)
    path = tmp_path / "many.bin"
    regexcache.write([(f"a{i}b", 0) for i in range(10)], path)
    assert regexcache.warm(path) == 3 and len(fake) == 3


#: a whole-process command with both start-up caches from a folder ("-": with none)
PROBE = r"""
import sys
from pathlib import Path
from legaldraft import warmstart
folder = sys.argv[1]
warmstart.warm = (lambda: (0, None)) if folder == "-" else (lambda _w=warmstart.warm: _w(Path(folder)))
from legaldraft.cli import main
sys.argv = ["legaldraft", *sys.argv[2:]]
main()
"""


def test_a_whole_process_check_reports_the_same_with_and_without_the_cache(written_cache):
    args = ["check", str(ROOT / "specs"), str(ROOT / "corpus" / "perbup-bandung-2021-47.txt"), "--format", "json"]
    without = python("-c", PROBE, "-", *args, cwd=str(ROOT))
    with_cache = python("-c", PROBE, str(written_cache.parent), *args, cwd=str(ROOT))
    assert without.returncode == with_cache.returncode
    assert with_cache.stdout == without.stdout and with_cache.stderr == without.stderr
    assert json.loads(without.stdout)  # findings were printed


def test_a_cache_that_cannot_be_written_is_said_without_a_traceback(tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder", encoding="utf-8")
    done = python("-m", "legaldraft.warmstart", "--dir", str(blocker / "cache"), cwd=str(tmp_path))
    assert done.returncode == 8  # EXIT_IO
    assert "cache waktu mulai tidak ditulis" in done.stderr and "Traceback" not in done.stderr


def test_the_earlier_command_says_which_command_writes_the_caches_now(tmp_path):
    done = python("-m", "legaldraft.regexcache", cwd=str(tmp_path))
    assert done.returncode == 3  # EXIT_USAGE: nothing written, and said so
    assert "python -m legaldraft.warmstart" in done.stderr and "Traceback" not in done.stderr

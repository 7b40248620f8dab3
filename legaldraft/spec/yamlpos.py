"""Safe YAML loading that remembers where every value came from.

The document is composed into YAML nodes (safe resolver only: no Python tags), then built into plain
dicts/lists while recording ``path -> Position`` for every value and every mapping key. Duplicate keys
are refused (plain PyYAML silently keeps the last), and so are alias bombs: the number of values
built is capped, so exponentially nested anchors fail fast instead of eating memory.
"""
from __future__ import annotations

import itertools
import operator
import re
from typing import Any

import yaml

from .. import limits
from .errors import Position, Problem, SpecError

try:  # the C composer is much faster and gives the same marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

MAX_NODES = limits.MAX_YAML_NODES
MAX_DEPTH = 60
MAX_FLOW_NESTING = 1000
LARGE_TEXT = 1_000_000  # characters; a real spec (400 Pasal) is about 100 kB
_BRACKETS = re.compile(r"[\[\]{}]")
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = str.maketrans({"[": "\x02", "{": "\x02", "]": "\x00", "}": "\x00"})
KEY = "__key__"
_SAFE_TAGS = frozenset("tag:yaml.org,2002:" + t for t in
                       ("map", "seq", "str", "int", "float", "bool", "null", "timestamp", "binary", "merge", "omap", "set"))


class SourceMap(dict):
    """path tuple -> Position of the value; (*path, KEY) -> Position of the mapping key.

    ``spans`` holds the same paths -> (start, end, style, kind): character offsets of the value (or key) in
    the text, the scalar style (None plain, "'", '"', '|', '>') and kind ('map', 'seq', 'scalar'), for
    edits that rewrite only what they change (legaldraft.spec.edits)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.spans: dict[tuple, tuple[int, int, str | None, str]] = {}

    def find(self, path: tuple) -> Position | None:
        """Position of ``path`` or of its nearest ancestor that has one."""
        path = tuple(path)
        while True:
            if path in self:
                return self[path]
            if "poin" in path:  # the shorthand 'konsiderans: [..]' has no 'poin:' key in the YAML
                short = tuple(step for step in path if step != "poin")
                if short in self:
                    return self[short]
            if not path:
                return None
            path = path[:-1]


def _pos(mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


class _Builder:
    def __init__(self, filename: str):
        self.filename = filename
        self.count = 0
        self.smap = SourceMap()
        self.constructor = yaml.constructor.SafeConstructor()

    def check_size(self, root) -> None:
        """Refuse alias bombs before expanding anything: the expanded number of values and the expanded
        characters of all scalars (an alias bomb of long strings) are counted per distinct node."""
        sizes: dict[int, tuple[int, int]] = {}
        max_chars = limits.limit("MAX_YAML_CHARS")

        def size(node, depth: int) -> tuple[int, int]:
            known = sizes.get(id(node))
            if known is not None:
                return known
            if depth > MAX_DEPTH:
                return 1, 0  # build() reports the depth with its position
            sizes[id(node)] = (1, 0)  # an alias cycle counts once here; build() reports it
            total, chars = 1, 0
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    for n, c in (size(k, depth + 1), size(v, depth + 1)):
                        total, chars = total + n, chars + c
            elif isinstance(node, yaml.SequenceNode):
                for item in node.value:
                    n, c = size(item, depth + 1)
                    total, chars = total + n, chars + c
            else:
                chars = len(node.value) if isinstance(node.value, str) else 0
            sizes[id(node)] = (min(total, MAX_NODES + 1), min(chars, max_chars + 1))
            return sizes[id(node)]

        nodes, chars = size(root, 0)
        if nodes > MAX_NODES:
            self.fail(self._first_alias(root) or root,
                      f"spec terlalu besar atau berisi 'alias bomb' (lebih dari {MAX_NODES} nilai setelah anchor diperluas)",
                      "hapus anchor '&' dan alias '*' yang bersarang")
        if chars > max_chars:
            self.fail(self._first_alias(root) or root,
                      f"spec terlalu besar atau berisi 'alias bomb' (lebih dari {max_chars} karakter teks setelah anchor diperluas)",
                      "hapus anchor '&' dan alias '*' yang mengulang teks panjang")

    @staticmethod
    def _first_alias(root):
        """The first node that is reached twice (where the expansion starts), for the position."""
        seen: set[int] = set()
        stack = [root]
        while stack:
            node = stack.pop()
            if id(node) in seen:
                return node
            seen.add(id(node))
            if isinstance(node, yaml.MappingNode):
                stack.extend(v for _, v in reversed(node.value))
            elif isinstance(node, yaml.SequenceNode):
                stack.extend(reversed(node.value))
        return None

    def scalar(self, node) -> Any:
        try:
            return self.constructor.construct_object(node)
        except (ValueError, OverflowError, yaml.YAMLError):
            if node.tag == "tag:yaml.org,2002:timestamp":
                self.fail(node, f"tanggal '{node.value}' tidak sah", "tulis sebagai YYYY-MM-DD, contoh: 2026-03-17")
            self.fail(node, f"nilai '{node.value}' tidak dapat dibaca", "beri tanda kutip bila maksudnya teks")

    def fail(self, node, message: str, hint: str | None = None):
        raise SpecError([Problem(message, self.filename, _pos(node.start_mark), hint, code="YAML")])

    def build(self, node, path: tuple, depth: int, active: frozenset) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            self.fail(node, f"spec terlalu besar atau berisi 'alias bomb' (lebih dari {MAX_NODES} nilai setelah anchor diperluas)",
                      "hapus anchor '&' dan alias '*' yang bersarang")
        if depth > MAX_DEPTH:
            self.fail(node, f"struktur terlalu dalam (lebih dari {MAX_DEPTH} tingkat)", "pecah rincian ke pasal atau ayat lain")
        if id(node) in active:
            self.fail(node, "alias merujuk ke dirinya sendiri (siklus)", "hapus alias yang berputar")
        self.smap[path] = _pos(node.start_mark)
        self.smap.spans[path] = (node.start_mark.index, node.end_mark.index, getattr(node, "style", None) or None,
                                 "map" if isinstance(node, yaml.MappingNode) else
                                 "seq" if isinstance(node, yaml.SequenceNode) else "scalar")
        if node.tag not in _SAFE_TAGS:
            self.fail(node, f"tag YAML '{node.tag.replace('tag:yaml.org,2002:', '!!')}' tidak diizinkan dalam spec", "hapus tag yang diawali '!'")
        if isinstance(node, yaml.MappingNode):
            active = active | {id(node)}
            result: dict = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.fail(key_node, "kunci gabung '<<' tidak didukung", "tulis kunci-kuncinya secara eksplisit")
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SAFE_TAGS:
                    self.fail(key_node, "kunci harus berupa teks sederhana")
                key = self.scalar(key_node)
                if not isinstance(key, (str, int)) or isinstance(key, bool):
                    key = str(key)
                if key in result:
                    self.fail(key_node, f"kunci '{key}' ditulis dua kali dalam pemetaan yang sama", "hapus salah satunya")
                self.smap[path + (key, KEY)] = _pos(key_node.start_mark)
                self.smap.spans[path + (key, KEY)] = (key_node.start_mark.index, key_node.end_mark.index, None, "key")
                result[key] = self.build(value_node, path + (key,), depth + 1, active)
            return result
        if isinstance(node, yaml.SequenceNode):
            active = active | {id(node)}
            return [self.build(item, path + (i,), depth + 1, active) for i, item in enumerate(node.value)]
        value = self.scalar(node)
        if isinstance(value, bytes):
            self.fail(node, "nilai biner (!!binary) tidak diterima")
        return value


def load_yaml(text: str, filename: str = "<spec>") -> tuple[Any, SourceMap]:
    """Parse ``text`` safely. Raises :class:`SpecError` with line:column on any YAML problem."""
    too_deep = _deep_flow_nesting(text)
    if too_deep is not None:
        raise SpecError([Problem(f"struktur terlalu dalam (lebih dari {MAX_FLOW_NESTING} kurung '[' atau '{{' bersarang)",
                                 filename, _offset_position(text, too_deep), "pecah rincian ke pasal atau ayat lain",
                                 code="YAML")])
    if len(text) > LARGE_TEXT:
        _refuse_too_many_values(text, filename)
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        position = _pos(mark) if mark else None
        problem = (exc.problem or "").strip()
        if position and _char_at(text, position) == "\t":
            problem = "found a tab character"  # libyaml does not say so; the drafter needs to know
        raise SpecError([Problem(_yaml_message(problem), filename, position, _yaml_hint(problem), code="YAML")]) from None
    except yaml.reader.ReaderError as exc:
        raise SpecError([_reader_problem(exc, text, filename)]) from None
    except yaml.YAMLError as exc:
        raise SpecError([Problem(f"YAML tidak sah: {str(exc).splitlines()[0]}", filename, Position(1, 1), code="YAML")]) from None
    except RecursionError:
        raise SpecError([Problem(f"struktur terlalu dalam (lebih dari {MAX_DEPTH} tingkat)", filename, Position(1, 1),
                                 "pecah rincian ke pasal atau ayat lain", code="YAML")]) from None
    if root is None:
        raise SpecError([Problem("spec kosong", filename, Position(1, 1), "mulai dari 'legaldraft new perbup FILE'", code="YAML")])
    builder = _Builder(filename)
    builder.check_size(root)
    data = builder.build(root, (), 0, frozenset())
    return data, builder.smap


def _deep_flow_nesting(text: str) -> int | None:
    """Offset of a bracket where '[ {' nesting passes MAX_FLOW_NESTING, else None.

    libyaml handles deep flow nesting in time that grows with the square of the depth, and a few tens of
    thousands of '[' crash the process, so such text must never reach it. Brackets inside text only ever
    count too high, and the limit is far above any real spec, so a valid spec is never refused.
    The depth is computed with C-level iterators (max over i of prefix[i] - min(prefix[:i])), so even
    20 MB of brackets take well under a second.
    """
    if text.count("[") + text.count("{") <= MAX_FLOW_NESTING:
        return None
    steps = _NOT_BRACKET.sub("", text).translate(_STEP).encode("latin-1")
    prefix = list(itertools.accumulate(b - 1 for b in steps))  # '[' '{' -> +1, ']' '}' -> -1
    lowest = itertools.accumulate(itertools.chain((0,), prefix), min)
    depths = list(map(operator.sub, prefix, lowest))
    if max(depths) <= MAX_FLOW_NESTING:
        return None
    nth = next(i for i, d in enumerate(depths) if d > MAX_FLOW_NESTING)
    return next(itertools.islice((m.start() for m in _BRACKETS.finditer(text)), nth, None))


def _refuse_too_many_values(text: str, filename: str) -> None:
    """Count parser events before composing: a huge text of tiny values would take minutes to compose."""
    loader = _Loader(text)
    try:
        count = 0
        while loader.check_event():
            event = loader.get_event()
            count += 1
            if count > 2 * MAX_NODES:
                raise SpecError([Problem(f"spec terlalu besar (lebih dari {MAX_NODES} nilai)", filename,
                                         _pos(event.start_mark), "pecah menjadi beberapa spec", code="YAML")])
    except yaml.YAMLError:
        return  # the real parse below reports it with its position
    finally:
        loader.dispose()


def _offset_position(text: str, offset: int) -> Position:
    before = text[:offset]
    return Position(before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1)


def _char_at(text: str, position: Position) -> str:
    lines = text.split("\n")
    if position.line - 1 < len(lines):
        line = lines[position.line - 1]
        if position.column - 1 < len(line):
            return line[position.column - 1]
    return ""


def _reader_problem(exc, text: str, filename: str) -> Problem:
    """A character YAML refuses outright (control characters): say which one, and where."""
    char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
    return Problem(f"YAML tidak sah: berkas memuat karakter kendali U+{char:04X} yang tidak diizinkan", filename,
                   _offset_position(text, exc.position), "hapus karakter tak terlihat itu", code="YAML")


_PROBLEMS = {
    "found character '\\t' that cannot start any token": "karakter TAB tidak boleh dipakai untuk indentasi YAML",
    "found a tab character": "karakter TAB tidak boleh dipakai untuk indentasi YAML",
    "found unexpected end of stream": "tanda kutip tidak ditutup sampai akhir berkas",
    "mapping values are not allowed here": "titik dua ':' tidak diharapkan di sini",
    "could not find expected ':'": "tanda ':' yang diharapkan tidak ditemukan",
    "did not find expected key": "kunci yang diharapkan tidak ditemukan; indentasi tidak konsisten?",
    "did not find expected '-' indicator": "tanda '-' butir daftar yang diharapkan tidak ditemukan; indentasi tidak konsisten?",
    "found undefined alias": "alias (*nama) merujuk ke anchor yang tidak ada",
    "found unknown escape character": "karakter escape tidak dikenal dalam teks berkutip ganda",
    "found character that cannot start any token": "karakter yang tidak dapat mengawali token YAML",
    "expected <block end>, but found '<block sequence start>'": "butir daftar pada indentasi yang salah",
    "expected <block end>, but found '<scalar>'": "teks pada indentasi yang salah",
}


def _yaml_message(problem: str) -> str:
    for english, indonesian in _PROBLEMS.items():
        if problem.startswith(english):
            return f"YAML tidak sah: {indonesian}"
    if "control characters are not allowed" in problem or "special characters are not allowed" in problem:
        return "YAML tidak sah: berkas memuat karakter kendali yang tidak diizinkan"
    return f"YAML tidak sah: {problem or 'struktur tidak dapat dibaca'}"


def _yaml_hint(problem: str) -> str | None:
    if "\\t" in problem or "tab character" in problem:
        return "ganti TAB dengan spasi"
    if "end of stream" in problem:
        return "tutup tanda kutip pada baris yang ditunjuk"
    if "undefined alias" in problem:
        return "definisikan anchor (&nama) sebelum memakainya"
    if "control characters" in problem or "special characters" in problem:
        return "hapus karakter tak terlihat dari teks"
    return "periksa indentasi dan tanda baca YAML pada baris ini"

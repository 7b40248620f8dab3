"""Safe YAML loading that remembers where every value came from.

The document is composed into YAML nodes (safe resolver only: no Python tags), then built into plain
dicts/lists while recording ``path -> Position`` for every value and every mapping key. Duplicate keys
are refused (plain PyYAML silently keeps the last), and so are alias bombs: the number of values
built is capped, so exponentially nested anchors fail fast instead of eating memory.
"""
from __future__ import annotations

from typing import Any

import yaml

from .errors import Position, Problem, SpecError

try:  # the C composer is much faster and gives the same marks
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader

MAX_NODES = 200_000
MAX_DEPTH = 60
KEY = "__key__"


class SourceMap(dict):
    """path tuple -> Position of the value; (*path, KEY) -> Position of the mapping key."""

    def find(self, path: tuple) -> Position | None:
        """Position of ``path`` or of its nearest ancestor that has one."""
        path = tuple(path)
        while True:
            if path in self:
                return self[path]
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

    def fail(self, node, message: str, hint: str | None = None):
        raise SpecError([Problem(message, self.filename, _pos(node.start_mark), hint, code="YAML")])

    def build(self, node, path: tuple, depth: int, active: frozenset) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            self.fail(node, f"spec terlalu besar atau berisi 'alias bomb' (lebih dari {MAX_NODES} nilai setelah anchor diperluas)",
                      "hapus anchor/alias (&, *) yang bersarang")
        if depth > MAX_DEPTH:
            self.fail(node, f"struktur terlalu dalam (lebih dari {MAX_DEPTH} tingkat)", "pecah rincian ke pasal atau ayat lain")
        if id(node) in active:
            self.fail(node, "alias merujuk ke dirinya sendiri (siklus)", "hapus alias yang berputar")
        self.smap[path] = _pos(node.start_mark)
        if isinstance(node, yaml.MappingNode):
            active = active | {id(node)}
            result: dict = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    self.fail(key_node, "kunci gabung '<<' tidak didukung", "tulis kunci-kuncinya secara eksplisit")
                if not isinstance(key_node, yaml.ScalarNode):
                    self.fail(key_node, "kunci harus berupa teks sederhana")
                key = self.constructor.construct_object(key_node)
                if not isinstance(key, (str, int)) or isinstance(key, bool):
                    key = str(key)
                if key in result:
                    self.fail(key_node, f"kunci '{key}' ditulis dua kali dalam pemetaan yang sama", "hapus salah satunya")
                self.smap[path + (key, KEY)] = _pos(key_node.start_mark)
                result[key] = self.build(value_node, path + (key,), depth + 1, active)
            return result
        if isinstance(node, yaml.SequenceNode):
            active = active | {id(node)}
            return [self.build(item, path + (i,), depth + 1, active) for i, item in enumerate(node.value)]
        value = self.constructor.construct_object(node)
        if isinstance(value, bytes):
            self.fail(node, "nilai biner (!!binary) tidak diterima")
        return value


def load_yaml(text: str, filename: str = "<spec>") -> tuple[Any, SourceMap]:
    """Parse ``text`` safely. Raises :class:`SpecError` with line:column on any YAML problem."""
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise SpecError([Problem(_yaml_message(exc), filename, _pos(mark) if mark else None, _yaml_hint(exc), code="YAML")]) from None
    except yaml.YAMLError as exc:
        raise SpecError([Problem(f"YAML tidak sah: {exc}", filename, code="YAML")]) from None
    if root is None:
        raise SpecError([Problem("spec kosong", filename, Position(1, 1), "mulai dari 'legaldraft new perbup FILE'", code="YAML")])
    builder = _Builder(filename)
    data = builder.build(root, (), 0, frozenset())
    return data, builder.smap


_PROBLEMS = {
    "found character '\\t' that cannot start any token": "karakter TAB tidak boleh dipakai untuk indentasi YAML",
    "found a tab character that violates indentation": "karakter TAB tidak boleh dipakai untuk indentasi YAML",
    "found a tab character where an indentation space is expected": "karakter TAB tidak boleh dipakai untuk indentasi YAML",
    "found unexpected end of stream": "tanda kutip tidak ditutup sampai akhir berkas",
    "mapping values are not allowed here": "titik dua ':' tidak diharapkan di sini",
    "could not find expected ':'": "tanda ':' yang diharapkan tidak ditemukan",
    "did not find expected key": "kunci yang diharapkan tidak ditemukan (indentasi tidak konsisten?)",
    "did not find expected '-' indicator": "tanda '-' butir daftar yang diharapkan tidak ditemukan (indentasi tidak konsisten?)",
    "found undefined alias": "alias (*nama) merujuk ke anchor yang tidak ada",
    "found unknown escape character": "karakter escape tidak dikenal dalam teks berkutip ganda",
    "found character that cannot start any token": "karakter yang tidak dapat mengawali token YAML",
    "expected <block end>, but found '<block sequence start>'": "butir daftar pada indentasi yang salah",
    "expected <block end>, but found '<scalar>'": "teks pada indentasi yang salah",
}


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    for english, indonesian in _PROBLEMS.items():
        if problem.startswith(english):
            return f"YAML tidak sah: {indonesian}"
    if "control characters are not allowed" in problem or "special characters are not allowed" in problem:
        return "YAML tidak sah: berkas memuat karakter kendali yang tidak diizinkan"
    return f"YAML tidak sah: {problem or exc}"


def _yaml_hint(exc: yaml.MarkedYAMLError) -> str | None:
    problem = exc.problem or ""
    if "\\t" in problem or "tab character" in problem:
        return "ganti TAB dengan spasi"
    if "end of stream" in problem:
        return "tutup tanda kutip pada baris yang ditunjuk"
    if "undefined alias" in problem:
        return "definisikan anchor (&nama) sebelum memakainya"
    if "control characters" in problem or "special characters" in problem:
        return "hapus karakter tak terlihat dari teks"
    return "periksa indentasi dan tanda baca YAML pada baris ini"

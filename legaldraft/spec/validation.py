"""Turn pydantic validation errors into located, Indonesian problems with a "did you mean"."""
from __future__ import annotations

import difflib
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import Problem
from .yamlpos import KEY, SourceMap
from .. import model

_UNION_TAGS = {"perbup", "perwali", "pergub", "pedoman", "keputusan", "perubahan", "pencabutan", "bab", "bagian", "paragraf", "pasal", "subbab", "tabel",
               "gambar", "markdown", "daftar", "teks", "function-after", "function-before", "function-plain"}


@lru_cache(maxsize=1)
def known_keys() -> tuple[str, ...]:
    """Every field name and alias of the spec models (the vocabulary for suggestions)."""
    names: set[str] = {"jenis"}
    for obj in vars(model).values():
        if isinstance(obj, type) and issubclass(obj, BaseModel):
            for name, info in obj.model_fields.items():
                names.add(name)
                if info.serialization_alias:
                    names.add(info.serialization_alias)
    return tuple(sorted(names))


def data_path(data: Any, loc: tuple) -> tuple:
    """Map a pydantic ``loc`` onto the path in the YAML data, dropping the union tags pydantic inserts.

    A tag can also be a real key ('pasal' is both), so every reading is tried and the one that
    follows the data furthest while skipping the fewest elements wins.
    """
    best: list = []

    def walk(node, rest, acc, skips, last_real):
        if not rest:
            best.append(((len(acc), 0, last_real, -skips), acc))
            return
        head, tail = rest[0], rest[1:]
        if isinstance(node, dict) and head in node:
            walk(node[head], tail, acc + (head,), skips, 1)
        elif isinstance(node, list) and isinstance(head, int) and 0 <= head < len(node):
            walk(node[head], tail, acc + (head,), skips, 1)
        elif not tail:  # a key that is not there (a missing field)
            best.append(((len(acc), -1, 0, -skips), acc + (head,)))
        if isinstance(head, str) and (head in _UNION_TAGS or head.startswith("function-") or "[" in head):
            walk(node, tail, acc, skips + 1, 0)

    walk(data, tuple(loc), (), 0, 0)
    if not best:
        return tuple(loc)
    return max(best, key=lambda b: b[0])[1]


def _expected(ctx: dict | None) -> str:
    return str((ctx or {}).get("expected", "")).replace("'", "").replace(" or ", " atau ")


_MESSAGES = {
    "missing": lambda e, key: (f"bagian wajib '{key}' tidak ada", f"tambahkan kunci '{key}'"),
    "string_type": lambda e, key: ("nilai harus berupa teks", "tulis sebagai teks, beri tanda kutip bila perlu"),
    "int_type": lambda e, key: ("nilai harus bilangan bulat", "contoh: 2026"),
    "int_parsing": lambda e, key: ("nilai harus bilangan bulat", "contoh: 2026"),
    "int_from_float": lambda e, key: ("nilai harus bilangan bulat", "hapus angka di belakang koma"),
    "bool_type": lambda e, key: ("nilai harus true atau false", None),
    "bool_parsing": lambda e, key: ("nilai harus true atau false", None),
    "float_type": lambda e, key: ("nilai harus bilangan", None),
    "float_parsing": lambda e, key: ("nilai harus bilangan", None),
    "date_type": lambda e, key: ("nilai harus tanggal", "tulis sebagai YYYY-MM-DD, contoh: 2026-03-17"),
    "date_parsing": lambda e, key: ("nilai harus tanggal", "tulis sebagai YYYY-MM-DD, contoh: 2026-03-17"),
    "date_from_datetime_parsing": lambda e, key: ("nilai harus tanggal", "tulis sebagai YYYY-MM-DD, contoh: 2026-03-17"),
    "list_type": lambda e, key: ("nilai harus berupa daftar (butir diawali '- ')", None),
    "dict_type": lambda e, key: ("nilai harus berupa pemetaan 'kunci: nilai'", None),
    "model_type": lambda e, key: ("nilai harus berupa pemetaan 'kunci: nilai'", None),
    "model_attributes_type": lambda e, key: ("nilai harus berupa pemetaan 'kunci: nilai'", None),
    "literal_error": lambda e, key: (f"nilai tidak sah; yang diterima: {_expected(e.get('ctx'))}", None),
    "enum": lambda e, key: (f"nilai tidak sah; yang diterima: {_expected(e.get('ctx'))}", None),
    "too_short": lambda e, key: ("tidak boleh kosong", "isi setidaknya satu butir"),
    "string_too_short": lambda e, key: ("teks terlalu pendek", None),
    "string_pattern_mismatch": lambda e, key: (
        ("id hanya boleh berisi huruf, angka, '-', '_' dan '.', tanpa spasi", "contoh: pasal-tujuan") if key in ("id", "pasal")
        else ("format tidak sah", "kode aturan ditulis seperti 'KON-005'") if key == "aturan"
        else (f"format tidak sah (pola: {(e.get('ctx') or {}).get('pattern')})", None)),
    "greater_than": lambda e, key: (f"nilai harus lebih besar dari {(e.get('ctx') or {}).get('gt')}", None),
    "less_than_equal": lambda e, key: (f"nilai paling besar {(e.get('ctx') or {}).get('le')}", None),
    "greater_than_equal": lambda e, key: (f"nilai paling kecil {(e.get('ctx') or {}).get('ge')}", None),
    "union_tag_not_found": lambda e, key: (
        "jenis unit tidak dikenali",
        "unit harus memuat salah satu kunci: bab, bagian, paragraf, pasal; di lampiran: bab, subbab, teks, daftar, tabel, gambar, markdown"),
    "union_tag_invalid": lambda e, key: (
        f"jenis dokumen tidak dikenal; yang diterima: {_expected(e.get('ctx'))}", "contoh: jenis: perbup"),
}


def problems_from_validation(exc: ValidationError, data: Any, smap: SourceMap, filename: str) -> list[Problem]:
    problems: list[Problem] = []
    seen: set = set()
    errors = [(err, data_path(data, err["loc"])) for err in exc.errors(include_url=False)]
    misspelt = _misspelt_keys(errors)
    for err, path in errors:
        etype = err["type"]
        key = path[-1] if path else ""
        if etype == "extra_forbidden":
            position = smap.get(path + (KEY,)) or smap.find(path)
            close = _suggest(key)
            hint = (f"maksud Anda '{close}'?" if close and close != key else
                    f"kunci '{key}' tidak dipakai di tempat ini; hapus, atau lihat 'legaldraft schema'" if close
                    else "hapus kunci ini; lihat 'legaldraft schema'")
            message = f"kunci '{key}' tidak dikenal"
        elif etype == "missing":
            position = smap.find(path[:-1])
            message, hint = _MESSAGES["missing"](err, key)
            wrong = misspelt.get((path[:-1], key))
            if wrong is not None:
                where_wrong = smap.get(path[:-1] + (wrong, KEY))
                hint = f"salah eja? kunci '{wrong}'" + (f" di baris {where_wrong.line}" if where_wrong else "")
        elif etype == "value_error":
            position = smap.find(path)
            message, hint = str(err.get("ctx", {}).get("error", err["msg"])), None
        elif etype in _MESSAGES:
            position = smap.find(path)
            message, hint = _MESSAGES[etype](err, key)
        else:
            position = smap.find(path)
            message, hint = f"nilai tidak sah: {err['msg']}", None
        # a missing or unknown key names itself in the message: prefix only the mapping it belongs to
        where = ".".join(str(p) for p in (path[:-1] if etype in ("missing", "extra_forbidden") else path))
        if where:
            message = f"{where}: {message}"
        ident = (position, message)
        if ident in seen:
            continue
        seen.add(ident)
        problems.append(Problem(message, filename, position, hint, code="SKEMA"))
    problems.sort(key=lambda p: (p.position.line, p.position.column) if p.position else (0, 0))
    return problems


def _suggest(key) -> str | None:
    close = difflib.get_close_matches(str(key), known_keys(), n=1, cutoff=0.75)
    return close[0] if close else None


def _misspelt_keys(errors) -> dict[tuple[tuple, str], str]:
    """(mapping path, required key) -> the unknown key beside it that looks like a misspelling of it."""
    missing = {(path[:-1], path[-1]) for err, path in errors if err["type"] == "missing" and path}
    found = {}
    for err, path in errors:
        if err["type"] == "extra_forbidden" and path:
            pair = (path[:-1], _suggest(path[-1]))
            if pair in missing:
                found[pair] = path[-1]
    return found

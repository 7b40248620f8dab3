"""The batang tubuh of a Perbup as amend reads it, and the stable numbering of a revised version.

There is one tree: the model's own units (Bab, Bagian, Paragraf, Pasal, Ayat, Definisi), each carrying the number
printed for it (``Node.printed_number``, as a Perubahan's restated units and a naskah konsolidasi do), numbered and
cited by :class:`legaldraft.naskah.numbering.Numbering` like any document. ``amend`` compares two such trees,
``consolidate`` edits one, ``compare`` prints them. They are copies (:func:`tree_of`), never the documents a caller
loaded: a unit's text is written out as printed (the mulai berlaku sentence, a definition as one sentence, the
Ketentuan Umum opening, every ``[[id]]`` with the numbers of the tree), and amend's facts about it ride on the copy
beside its printed number: its key and whether it is a "Dihapus." placeholder. :func:`units` walks the numbered
units only (the model's walk would also enter every list item, which amend never reads: a third of its time).

A unit's number is a number and a suffix (Pasal 5 + "A"), so that an amendment never renumbers: a unit kept from
the old version keeps its number, a unit inserted between two takes the preceding number plus a letter (butir
234, 235), a unit added after the last takes the next number (butir 234a), a deleted unit stays as "Dihapus."
(butir 236, 190b).

Units are matched by their stable ``id``, never by position; a unit without id is recognised only by its
unchanged text (its key: a digest of that text).
"""
from __future__ import annotations

import hashlib
import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from ..model import Ayat, Bab, Butir, Definisi, Node, Pasal, PeraturanBupati, printed_form, raw_label
from ..model.body import UNIT_KIND
from ..naskah import rumusan
from ..naskah.assembler import definisi_text
from ..naskah.numbering import Numbering
from ..naskah.numbers import from_ordinal, from_roman, marker, ordinal, roman

DIHAPUS = rumusan.DIHAPUS
CONTAINERS = ("root", "bab", "bagian", "paragraf")
KIND_WORD = {"bab": "BAB", "bagian": "Bagian", "paragraf": "Paragraf", "pasal": "Pasal", "ayat": "ayat", "angka": "angka"}
KIND = {**UNIT_KIND, Ayat: "ayat", Definisi: "angka"}
MODEL = {kind: cls for cls, kind in KIND.items()}


def restated_ayat(u) -> Ayat:
    """A fresh model Ayat of a tree unit, keeping the number it is printed with (a Perubahan, a konsolidasi)."""
    return Ayat(id=u.id, teks=u.teks, rincian=u.rincian, teks_akhir=u.teks_akhir).fix_printed_number(u.printed_number)


def restated_angka(u) -> Definisi:
    """A fresh model Definisi of a tree unit, keeping the number it is printed with."""
    return Definisi(id=u.id, teks=u.teks).fix_printed_number(u.printed_number)


class ConsolidationError(ValueError):
    """A change that does not fit the text it amends (a unit that is not there)."""


# -- a unit of the tree ---------------------------------------------------------------------------------
def kind_of(node) -> str | None:
    """'root' (the document), 'bab', 'bagian', 'paragraf', 'pasal', 'ayat', 'angka'; None for what is not a unit."""
    kind = KIND.get(type(node))
    if kind is None and isinstance(node, PeraturanBupati):
        return "root"
    return kind


def children(node) -> list:
    """The numbered units directly under ``node`` (a Pasal: its ayat, then its definitions)."""
    cls = type(node)
    if cls is Pasal:
        return node.ayat + node.definisi
    if cls is Ayat or cls is Definisi:
        return []
    if cls in KIND:
        return node.isi
    return node.batang_tubuh


def siblings(parent, child) -> list:
    """The list of ``parent`` that holds ``child`` (to replace or insert in place)."""
    if kind_of(parent) == "pasal":
        return parent.ayat if isinstance(child, Ayat) else parent.definisi
    return children(parent)


def units(tree) -> Iterator:
    """``tree`` and every numbered unit under it, in document order."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(children(node)))


def label_of(node) -> str:
    """The number as printed, without brackets or dot: 'IXA', 'Kedua A', '5A', '1a'."""
    return raw_label(node) or ""


def title_of(kind: str, label: str) -> str:
    """'Pasal 5A', 'BAB IXA', 'ayat (1a)', 'angka 3a'."""
    return f"ayat ({label})" if kind == "ayat" else f"{KIND_WORD[kind]} {label}"


def title(node) -> str:
    return title_of(kind_of(node), label_of(node))


@lru_cache(maxsize=4096)  # the numbering of a merge asks for the same labels again and again
def parse_label(kind: str, label: str) -> tuple[int, str]:
    """(number, suffix) of a printed number: ('IXA' of a BAB) -> (9, 'A'), ('Kedua A') -> (2, 'A'), ('5a') -> (5, 'a')."""
    if kind == "bab":
        m = re.match(r"^([IVXLCDM]+)([A-Z]*)$", label)
        if m and from_roman(m.group(1)):
            return from_roman(m.group(1)), m.group(2)
        if label.startswith("0"):
            return 0, label[1:]
    elif kind == "bagian":
        parts = label.split()
        suf = parts.pop() if len(parts) > 1 and len(parts[-1]) <= 2 and parts[-1].isupper() else ""
        words = " ".join(parts)
        n = from_ordinal(words)
        if n and ordinal(n) == words:  # written as the numbering prints it
            return n, suf
        if words == "Nol":
            return 0, suf
    else:
        m = re.match(r"^(\d+)([A-Za-z]*)$", label)
        if m:
            return int(m.group(1)), m.group(2)
    raise ConsolidationError(f"nomor {kind} '{label}' tidak dapat dibaca")


def number_of(node) -> tuple[int, str]:
    return parse_label(kind_of(node), label_of(node))


def set_number(node, num: int, suf: str):
    """Fix the number printed for ``node``: BAB in Roman numerals, Bagian in words, the others in digits; the
    suffix after it ('IXA', 'Kedua A', '5A', '(1a)', '3a.')."""
    kind = kind_of(node)
    if kind == "bab":
        label = roman(num) + suf if num > 0 else f"0{suf}"
    elif kind == "bagian":
        label = (ordinal(num) if num > 0 else "Nol") + (f" {suf}" if suf else "")
    else:
        label = f"{num}{suf}"
    node.fix_printed_number(printed_form(kind, label))
    return node


_FIELDS: dict[type, tuple] = {}


def new_unit(cls, **values):
    """A unit of amend's tree built without validation, from parts that are valid already: what pydantic's
    ``model_construct`` does for these classes (fields with their defaults, fields set, the private slot with its
    default location), without the per-field default lookups that made up a third of amend's time."""
    fields = _FIELDS.get(cls)
    if fields is None:
        fields = _FIELDS[cls] = tuple((name, info.default_factory, info.default) for name, info in cls.model_fields.items())
    node = cls.__new__(cls)
    object.__setattr__(node, "__dict__", {name: values[name] if name in values else factory() if factory else default
                                          for name, factory, default in fields})
    object.__setattr__(node, "__pydantic_fields_set__", set(values))
    object.__setattr__(node, "__pydantic_extra__", None)
    object.__setattr__(node, "__pydantic_private__", {"_loc": ()})
    return node


# amend's facts about a unit of its copy, beside the printed number and footnote the model keeps
def key_of(node) -> str:
    """The unit's id, or (without id) the digest of its text as printed: only unchanged text matches."""
    return node.__pydantic_private__.get("_key", "")


def set_key(node, key: str):
    node.__pydantic_private__["_key"] = key
    return node


def is_deleted(node) -> bool:
    """A "Dihapus." placeholder: the number of a deleted unit, kept in its place."""
    return node.__pydantic_private__.get("_deleted", False)


def set_footnote(node, note: str | None) -> None:
    """The note of the Perubahan that last changed the unit (naskah konsolidasi)."""
    if note:
        node.fix_printed_number(node.printed_number, note)


def own(node) -> tuple:
    """Everything of the unit itself, its units excluded (what 'diubah' compares)."""
    kind = kind_of(node)
    container = kind in CONTAINERS
    fields = node.__dict__    # the unit's own fields (an Ayat has no pembuka, a Bab no teks)
    return (kind, node.judul if container and kind != "root" else "", fields.get("pembuka"),
            None if container else node.teks, _dump(fields.get("rincian", ())), fields.get("teks_akhir"),
            is_deleted(node))


def _dump(items: list[Butir]) -> tuple:
    return tuple((b.teks, _dump(b.rincian), b.teks_akhir) for b in items)


def content(unit, labels: bool = True) -> tuple:
    """The text of a tree as data, "Dihapus." units left out: what must be equal after consolidation."""
    head = (kind_of(unit), label_of(unit) if labels else "", getattr(unit, "id", None)) + own(unit)
    return head + (tuple(content(c, labels) for c in children(unit) if not is_deleted(c)),)


def digest(*parts) -> str:
    return "~" + hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()[:12]


def with_key(unit):
    """Fix the unit's key: its id, or (without id) a digest of its text, so that only unchanged text matches."""
    kind = kind_of(unit)
    if kind == "root" or is_deleted(unit):
        return unit
    if unit.id:
        return set_key(unit, unit.id)
    if kind in CONTAINERS:
        return set_key(unit, digest(kind, unit.judul))
    fields = unit.__dict__
    return set_key(unit, digest(kind, fields.get("pembuka"), unit.teks, _dump(fields.get("rincian", ())),
                                fields.get("teks_akhir"), [c.teks for c in children(unit)]))


# -- model -> tree ------------------------------------------------------------------------------------
def tree_of(doc, nama_jenis: str = "Peraturan Bupati"):
    """A copy of the document whose batang tubuh reads as printed (a mulai berlaku formula as its sentence, a
    definition as one sentence, the Ketentuan Umum opening), numbered by position (as the Perbup was issued)
    and keyed. The units' ``[[id]]`` are written out by :func:`expand_texts`."""
    counters = {"pasal": 0}
    tree = doc.model_copy(update={"batang_tubuh": []})
    bab_no = 0
    for node in doc.batang_tubuh:
        if isinstance(node, Bab):
            bab_no += 1
            tree.batang_tubuh.append(_copy(node, counters, nama_jenis, bab_no))
        else:
            tree.batang_tubuh.append(_copy(node, counters, nama_jenis, 0))
    return tree


def _copy(node, counters, nama_jenis, position):
    if isinstance(node, Pasal):
        return _pasal(node, counters, nama_jenis)
    isi, count = [], 0
    for child in node.isi:
        if isinstance(child, Pasal):
            isi.append(_pasal(child, counters, nama_jenis))
        else:
            count += 1
            isi.append(_copy(child, counters, nama_jenis, count))
    unit = new_unit(type(node), judul=node.judul, id=node.id, isi=isi)
    return with_key(set_number(unit, position, ""))


def _pasal(pasal: Pasal, counters, nama_jenis) -> Pasal:
    counters["pasal"] += 1
    teks = pasal.teks
    if pasal.formula == "mulai_berlaku" and not teks:
        teks = rumusan.mulai_berlaku(nama_jenis, pasal.berlaku)
    pembuka = (pasal.pembuka or rumusan.pembuka_ketentuan_umum(nama_jenis)) if pasal.definisi else None
    ayat = [with_key(set_number(new_unit(Ayat, id=a.id, teks=a.teks, rincian=a.rincian, teks_akhir=a.teks_akhir), i + 1, ""))
            for i, a in enumerate(pasal.ayat)]
    definisi = [with_key(set_number(new_unit(Definisi, id=d.id, teks=definisi_text(d)), i + 1, ""))
                for i, d in enumerate(pasal.definisi)]
    unit = new_unit(Pasal, id=pasal.id, teks=teks, pembuka=pembuka, rincian=pasal.rincian,
                                 teks_akhir=pasal.teks_akhir, ayat=ayat, definisi=definisi)
    return with_key(set_number(unit, counters["pasal"], ""))


# -- stable numbering ---------------------------------------------------------------------------------
def _lcs(a: list, b: list) -> set[int]:
    """Indices into ``b`` of a longest common subsequence of ``a`` and ``b``."""
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            table[i][j] = table[i + 1][j + 1] + 1 if a[i] == b[j] else max(table[i + 1][j], table[i][j + 1])
    i = j = 0
    out = set()
    while i < n and j < m:
        if a[i] == b[j]:
            out.add(j)
            i += 1
            j += 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


def parents(root) -> dict[int, Node]:
    return {id(c): u for u in units(root) for c in children(u)}


def sequences(root) -> dict[tuple, list]:
    """The numbering sequences of a tree: pasal run through the whole body, BAB through the root,
    Bagian within a BAB, Paragraf within a Bagian, ayat and angka within a Pasal."""
    seqs: dict[tuple, list] = {("pasal",): [u for u in units(root) if kind_of(u) == "pasal"]}
    for u in units(root):
        for kind in ("bab", "bagian", "paragraf", "ayat", "angka"):
            kids = [c for c in children(u) if kind_of(c) == kind]
            if kids:
                seqs[(kind, key_of(u))] = kids
    return seqs


@dataclass
class Matching:
    """Which units of the new tree continue units of the old one (same key, same parent, same order)."""

    old_of: dict[int, Node] = field(default_factory=dict)        # id(new unit) -> old unit
    new_of: dict[int, Node] = field(default_factory=dict)        # id(old unit) -> new unit

    def old(self, unit):
        return self.old_of.get(id(unit))

    def new(self, unit):
        return self.new_of.get(id(unit))


def match(old, new) -> Matching:
    """Match top-down: a unit is the same only if its parent is the same unit (else it moved: deleted
    there, inserted here)."""
    m = Matching()
    m.old_of[id(new)] = old
    m.new_of[id(old)] = new
    old_parent, new_parent = parents(old), parents(new)
    old_pasal = [u for u in units(old) if kind_of(u) == "pasal" and not is_deleted(u)]
    _match_level(m, old, new, old_parent, new_parent, old_pasal)
    return m


def _match_level(m, old_root, new_root, old_parent, new_parent, old_pasal) -> None:
    # containers first (top-down), then the global pasal sequence, then ayat/angka within matched pasal
    for kind in ("bab", "bagian", "paragraf"):
        for new_container in [u for u in units(new_root) if kind_of(u) in CONTAINERS]:
            old_container = m.old(new_container)
            kids_new = [c for c in children(new_container) if kind_of(c) == kind]
            if old_container is None or not kids_new:
                continue
            kids_old = [c for c in children(old_container) if kind_of(c) == kind and not is_deleted(c)]
            _pair(m, kids_old, kids_new)
    new_pasal = [u for u in units(new_root) if kind_of(u) == "pasal"]

    def sig(u, parents, side):
        p = parents.get(id(u))
        owner = m.old(p) if side == "new" else p
        return (key_of(u), id(owner) if owner is not None else None)

    _pair(m, old_pasal, new_pasal, [sig(u, old_parent, "old") for u in old_pasal],
          [sig(u, new_parent, "new") for u in new_pasal])
    for np in new_pasal:
        op = m.old(np)
        if op is None:
            continue
        for kind in ("ayat", "angka"):
            _pair(m, [c for c in children(op) if kind_of(c) == kind and not is_deleted(c)],
                  [c for c in children(np) if kind_of(c) == kind])


def _pair(m: Matching, olds: list, news: list, old_keys=None, new_keys=None) -> None:
    old_keys = old_keys or [key_of(u) for u in olds]
    new_keys = new_keys or [key_of(u) for u in news]
    kept = _lcs(old_keys, new_keys)
    oi = 0
    for j in sorted(kept):
        while old_keys[oi] != new_keys[j]:
            oi += 1
        m.old_of[id(news[j])] = olds[oi]
        m.new_of[id(olds[oi])] = news[j]
        oi += 1


def _letters(kind: str) -> str:
    if kind == "bab":  # a suffix must not read as a Roman digit (IXC would be 91)
        return "".join(c for c in string.ascii_uppercase if c not in "IVXLCDM")
    return string.ascii_lowercase if kind in ("ayat", "angka") else string.ascii_uppercase


def _next_suffix(kind: str, prev, used: set[tuple[int, str]]) -> tuple[int, str]:
    letters = _letters(kind)
    num, suf = number_of(prev) if prev is not None else (0, "")
    start = letters.index(suf[-1]) + 1 if suf and suf[-1] in letters else 0
    prefix = suf[:-1]
    for c in letters[start:]:
        if (num, prefix + c) not in used:
            return num, prefix + c
    for c in letters:  # more insertions than letters: a second letter
        if (num, suf + c) not in used:
            return num, suf + c
    raise ValueError("terlalu banyak sisipan di satu tempat")


def number_stably(old, new, m: Matching) -> None:
    """Give every unit of ``new`` its number relative to ``old`` (in place)."""
    old_seqs = sequences(old)
    new_parents = parents(new)
    for key, news in sequences(new).items():
        kind = key[0]
        if kind == "pasal":
            olds = old_seqs.get(("pasal",), [])
        else:
            owner = m.old(new_parents[id(news[0])])
            olds = old_seqs.get((kind, key_of(owner)), []) if owner is not None else []
            olds = [u for u in olds if kind_of(u) == kind]
        _number_sequence(kind, olds, news, m)


def _number_sequence(kind: str, olds: list, news: list, m: Matching) -> None:
    used = {number_of(u) for u in olds}
    position = {id(u): i for i, u in enumerate(olds)}
    last_old = max((number_of(u)[0] for u in olds), default=0)
    prev = None          # the old unit after which the current run is inserted
    prev_printed = None  # the unit just numbered (old or new)
    for u in news:
        o = m.old(u)
        if o is not None:
            set_number(u, *number_of(o))
            prev = prev_printed = o
            continue
        after_prev = position[id(prev)] + 1 if prev is not None else 0
        at_end = after_prev >= len(olds) or all(position[id(x)] < after_prev for x in olds)
        if at_end:
            last_old += 1
            set_number(u, last_old, "")
        else:
            set_number(u, *_next_suffix(kind, prev_printed, used))
        used.add(number_of(u))
        prev_printed = u


# -- the consolidated order ---------------------------------------------------------------------------
def merged(old_kids: list, new_kids: list, m: Matching) -> list[tuple[str, Node]]:
    """The children of one container as the amended text reads them, tagged 'kept', 'new' or 'deleted'
    (old units not continued, which keep their place as "Dihapus."), in document order."""
    out: list[tuple[str, Node]] = []
    pending = list(old_kids)
    for u in new_kids:
        o = m.old(u)
        if o is not None and any(x is o for x in pending):
            while pending and pending[0] is not o:
                gone = pending.pop(0)
                out.append(("deleted", gone))
            pending.pop(0)
            out.append(("kept", u))
        else:
            out.append(("new", u))
    out.extend(("deleted", g) for g in pending)
    return out


def placeholder(unit):
    """What stays of a deleted unit: its number and "Dihapus." (a BAB keeps its pasal numbers, deleted too)."""
    if is_deleted(unit):
        return unit
    kind = kind_of(unit)
    if kind in CONTAINERS:
        kids = [placeholder(p) for p in units(unit) if kind_of(p) == "pasal" and p is not unit]
        gone = new_unit(MODEL[kind], judul=DIHAPUS, id=None, isi=kids)
    else:
        gone = new_unit(MODEL[kind], id=None, teks=DIHAPUS)
    num, suf = number_of(unit)
    gone.__pydantic_private__["_deleted"] = True
    return set_key(set_number(gone, num, suf), digest("dihapus", kind, num, suf, key_of(unit)))


# -- texts --------------------------------------------------------------------------------------------
def expand_texts(tree) -> None:
    """Write out every ``[[id]]`` of the units' texts with the units' own (stable) numbers (in place)."""
    num = Numbering(tree)     # the numbers fixed on the units are the ones cited
    for u in units(tree):
        if kind_of(u) == "root":
            continue
        fields = u.__dict__     # an Ayat has no pembuka, a Definisi no rincian
        for name in ("pembuka", "teks", "teks_akhir"):
            value = fields.get(name)
            if value:
                setattr(u, name, num.expand(value, u))
        rincian = fields.get("rincian")
        if rincian:
            u.rincian = [_expand_butir(b, num) for b in rincian]


def _expand_butir(b: Butir, num) -> Butir:
    return b.model_copy(update={
        "teks": num.expand(b.teks, b),
        "teks_akhir": num.expand(b.teks_akhir, b) if b.teks_akhir else b.teks_akhir,
        "rincian": [_expand_butir(c, num) for c in b.rincian],
    })


# -- printing ---------------------------------------------------------------------------------------------
def butir_lines(items: list[Butir], depth: int = 0) -> list[str]:
    out = []
    for i, b in enumerate(items):
        out.append(f"{marker(depth, i)} {b.teks}")
        out.extend(butir_lines(b.rincian, depth + 1))
        if b.teks_akhir:
            out.append(b.teks_akhir)
    return out


def unit_lines(u) -> list[str]:
    """A unit as printed, one paragraph a line: 'Pasal 5A', '(1) …', 'a. …'."""
    kind = kind_of(u)
    if kind in CONTAINERS and kind != "root":
        out = [title(u), u.judul]
    elif kind == "pasal":
        out = [title(u)] + [text for text in (u.pembuka, u.teks) if text]
    elif kind == "ayat":
        out = [f"({label_of(u)}) {u.teks}"]
    elif kind == "angka":
        return [f"{label_of(u)}. {u.teks}"]
    else:
        out = []
    out.extend(butir_lines(getattr(u, "rincian", [])))
    if getattr(u, "teks_akhir", None):
        out.append(u.teks_akhir)
    for c in children(u):
        out.extend(unit_lines(c))
    return out

"""The text of a Perbup as a tree of numbered units, and the stable numbering of a revised version.

:class:`Unit` is the one shape the amendment tools share: ``amend`` compares two trees, ``consolidate``
edits one, ``compare`` and ``redline`` print them. A unit's number is ``num`` + ``suf`` (Pasal 5 + "A"),
so that an amendment never renumbers: a unit kept from the old version keeps its number, a unit inserted
between two takes the preceding number plus a letter (butir 234, 235), a unit added after the last takes
the next number (butir 234a), a deleted unit stays as "Dihapus." (butir 236, 190b).

Units are matched by their stable ``id``, never by position; a unit without id is recognised only by its
unchanged text (``key``).
"""
from __future__ import annotations

import hashlib
import string
from dataclasses import dataclass, field, replace
from typing import Iterator, Optional

from ..naskah import rumusan
from ..model import Bab, Bagian, Butir, Paragraf, Pasal
from ..naskah.numbers import ordinal, roman
from ..naskah.assembler import definisi_text
from ..naskah.numbering import Numbering
from ..naskah.numbers import marker

DIHAPUS = rumusan.DIHAPUS
CONTAINERS = ("root", "bab", "bagian", "paragraf")
KIND_WORD = {"bab": "BAB", "bagian": "Bagian", "paragraf": "Paragraf", "pasal": "Pasal", "ayat": "ayat", "angka": "angka"}


@dataclass
class Unit:
    kind: str                              # root, bab, bagian, paragraf, pasal, ayat, angka
    key: str                               # id, or a digest of the text of a unit without id
    id: Optional[str] = None
    num: int = 0
    suf: str = ""
    judul: str = ""
    pembuka: Optional[str] = None          # opening of a Ketentuan Umum pasal
    teks: Optional[str] = None
    rincian: list[Butir] = field(default_factory=list)
    teks_akhir: Optional[str] = None
    children: list["Unit"] = field(default_factory=list)
    deleted: bool = False
    node: object = field(default=None, repr=False, compare=False)
    footnote: Optional[str] = None         # the amending Perbup of the last change (naskah konsolidasi)

    @property
    def label(self) -> str:
        """The number as printed: 'IXA', 'Kedua A', '5A', '1a'."""
        if self.kind == "bab":
            return roman(self.num) + self.suf if self.num > 0 else f"0{self.suf}"
        if self.kind == "bagian":
            return (ordinal(self.num) if self.num > 0 else "Nol") + (f" {self.suf}" if self.suf else "")
        return f"{self.num}{self.suf}"

    @property
    def title(self) -> str:
        """'Pasal 5A', 'BAB IXA', 'ayat (1a)', 'angka 3a'."""
        if self.kind == "ayat":
            return f"ayat ({self.label})"
        return f"{KIND_WORD[self.kind]} {self.label}"

    def own(self) -> tuple:
        """Everything of the unit itself, children excluded (what 'diubah' compares)."""
        return (self.kind, self.judul, self.pembuka, self.teks, _dump(self.rincian), self.teks_akhir, self.deleted)

    def walk(self) -> Iterator["Unit"]:
        yield self
        for c in self.children:
            yield from c.walk()

    def copy(self) -> "Unit":
        return replace(self, children=[c.copy() for c in self.children], rincian=list(self.rincian))


def _dump(items: list[Butir]) -> tuple:
    return tuple((b.teks, _dump(b.rincian), b.teks_akhir) for b in items)


def content(unit: Unit, labels: bool = True) -> tuple:
    """The text of a tree as data, "Dihapus." units left out: what must be equal after consolidation."""
    head = (unit.kind, unit.label if labels else "", unit.id) + unit.own()
    return head + (tuple(content(c, labels) for c in unit.children if not c.deleted),)


def digest(*parts) -> str:
    return "~" + hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()[:12]


# -- model -> tree ------------------------------------------------------------------------------------
def tree_of(doc, nama_jenis: str = "Peraturan Bupati") -> Unit:
    """The batang tubuh of a Perbup as units, numbered by position (as the Perbup was issued)."""
    root = Unit("root", "root")
    counters = {"bab": 0, "pasal": 0}
    for node in doc.batang_tubuh:
        root.children.append(_bab(node, counters, nama_jenis) if isinstance(node, Bab) else _pasal(node, counters, nama_jenis))
    return root


def _bab(bab: Bab, counters, nama_jenis) -> Unit:
    counters["bab"] += 1
    unit = Unit("bab", bab.id or digest("bab", bab.judul), bab.id, counters["bab"], judul=bab.judul, node=bab)
    n_bagian = 0
    for child in bab.isi:
        if isinstance(child, Bagian):
            n_bagian += 1
            bag = Unit("bagian", child.id or digest("bagian", child.judul), child.id, n_bagian, judul=child.judul, node=child)
            n_par = 0
            for sub in child.isi:
                if isinstance(sub, Paragraf):
                    n_par += 1
                    par = Unit("paragraf", sub.id or digest("paragraf", sub.judul), sub.id, n_par, judul=sub.judul, node=sub)
                    par.children = [_pasal(p, counters, nama_jenis) for p in sub.isi]
                    bag.children.append(par)
                else:
                    bag.children.append(_pasal(sub, counters, nama_jenis))
            unit.children.append(bag)
        else:
            unit.children.append(_pasal(child, counters, nama_jenis))
    return unit


def _pasal(pasal: Pasal, counters, nama_jenis) -> Unit:
    counters["pasal"] += 1
    teks = pasal.teks
    if pasal.formula == "mulai_berlaku" and not teks:
        teks = rumusan.mulai_berlaku(nama_jenis, pasal.berlaku)
    pembuka = (pasal.pembuka or rumusan.pembuka_ketentuan_umum(nama_jenis)) if pasal.definisi else None
    unit = Unit("pasal", "", pasal.id, counters["pasal"], pembuka=pembuka, teks=teks, rincian=pasal.rincian,
                teks_akhir=pasal.teks_akhir, node=pasal)
    for i, ayat in enumerate(pasal.ayat):
        unit.children.append(with_key(Unit("ayat", "", ayat.id, i + 1, teks=ayat.teks, rincian=ayat.rincian,
                                           teks_akhir=ayat.teks_akhir, node=ayat)))
    for i, d in enumerate(pasal.definisi):
        text = definisi_text(d)
        unit.children.append(with_key(Unit("angka", "", d.id, i + 1, teks=text, node=d)))
    return with_key(unit)


def with_key(unit: Unit) -> Unit:
    """A unit's key: its id, or (without id) a digest of its text, so that only unchanged text matches."""
    if unit.kind == "root" or unit.deleted:
        return unit
    if unit.id:
        unit.key = unit.id
    elif unit.kind in CONTAINERS:
        unit.key = digest(unit.kind, unit.judul)
    else:
        unit.key = digest(unit.kind, unit.pembuka, unit.teks, _dump(unit.rincian), unit.teks_akhir,
                          [c.teks for c in unit.children])
    return unit


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


def _parents(root: Unit) -> dict[int, Unit]:
    return {id(c): u for u in root.walk() for c in u.children}


def sequences(root: Unit) -> dict[tuple, list[Unit]]:
    """The numbering sequences of a tree: pasal run through the whole body, BAB through the root,
    Bagian within a BAB, Paragraf within a Bagian, ayat and angka within a Pasal."""
    seqs: dict[tuple, list[Unit]] = {("pasal",): [u for u in root.walk() if u.kind == "pasal"]}
    for u in root.walk():
        for kind in ("bab", "bagian", "paragraf", "ayat", "angka"):
            kids = [c for c in u.children if c.kind == kind]
            if kids:
                seqs[(kind, u.key)] = kids
    return seqs


@dataclass
class Matching:
    """Which units of the new tree continue units of the old one (same key, same parent, same order)."""

    old_of: dict[int, Unit] = field(default_factory=dict)        # id(new unit) -> old unit
    new_of: dict[int, Unit] = field(default_factory=dict)        # id(old unit) -> new unit

    def old(self, unit: Unit) -> Unit | None:
        return self.old_of.get(id(unit))

    def new(self, unit: Unit) -> Unit | None:
        return self.new_of.get(id(unit))


def match(old: Unit, new: Unit) -> Matching:
    """Match top-down: a unit is the same only if its parent is the same unit (else it moved: deleted
    there, inserted here)."""
    m = Matching()
    m.old_of[id(new)] = old
    m.new_of[id(old)] = new
    old_parent, new_parent = _parents(old), _parents(new)
    old_pasal = [u for u in old.walk() if u.kind == "pasal" and not u.deleted]
    _match_level(m, old, new, old_parent, new_parent, old_pasal)
    return m


def _match_level(m, old_root, new_root, old_parent, new_parent, old_pasal) -> None:
    # containers first (top-down), then the global pasal sequence, then ayat/angka within matched pasal
    for kind in ("bab", "bagian", "paragraf"):
        for new_container in [u for u in new_root.walk() if u.kind in CONTAINERS]:
            old_container = m.old(new_container)
            kids_new = [c for c in new_container.children if c.kind == kind]
            if old_container is None or not kids_new:
                continue
            kids_old = [c for c in old_container.children if c.kind == kind and not c.deleted]
            _pair(m, kids_old, kids_new)
    new_pasal = [u for u in new_root.walk() if u.kind == "pasal"]

    def sig(u, parents, side):
        p = parents.get(id(u))
        owner = m.old(p) if side == "new" else p
        return (u.key, id(owner) if owner is not None else None)

    _pair(m, old_pasal, new_pasal, [sig(u, old_parent, "old") for u in old_pasal],
          [sig(u, new_parent, "new") for u in new_pasal])
    for np in new_pasal:
        op = m.old(np)
        if op is None:
            continue
        for kind in ("ayat", "angka"):
            _pair(m, [c for c in op.children if c.kind == kind and not c.deleted], [c for c in np.children if c.kind == kind])


def _pair(m: Matching, olds: list[Unit], news: list[Unit], old_keys=None, new_keys=None) -> None:
    old_keys = old_keys or [u.key for u in olds]
    new_keys = new_keys or [u.key for u in news]
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


def _next_suffix(kind: str, prev: Unit | None, used: set[tuple[int, str]]) -> tuple[int, str]:
    letters = _letters(kind)
    num = prev.num if prev is not None else 0
    start = letters.index(prev.suf[-1]) + 1 if prev is not None and prev.suf and prev.suf[-1] in letters else 0
    prefix = prev.suf[:-1] if prev is not None and prev.suf else ""
    for c in letters[start:]:
        if (num, prefix + c) not in used:
            return num, prefix + c
    base = prev.suf if prev is not None else ""
    for c in letters:  # more insertions than letters: a second letter
        if (num, base + c) not in used:
            return num, base + c
    raise ValueError("terlalu banyak sisipan di satu tempat")


def number_stably(old: Unit, new: Unit, m: Matching) -> None:
    """Give every unit of ``new`` its number relative to ``old`` (in place)."""
    old_seqs = sequences(old)
    for key, news in sequences(new).items():
        kind = key[0]
        if kind == "pasal":
            olds = old_seqs.get(("pasal",), [])
        else:
            owner = m.old(_find_owner(new, news[0]))
            olds = old_seqs.get((kind, owner.key), []) if owner is not None else []
            olds = [u for u in olds if u.kind == kind]
        _number_sequence(kind, olds, news, m)


def _find_owner(root: Unit, unit: Unit) -> Unit:
    return _parents(root)[id(unit)]


def _number_sequence(kind: str, olds: list[Unit], news: list[Unit], m: Matching) -> None:
    used = {(u.num, u.suf) for u in olds}
    position = {id(u): i for i, u in enumerate(olds)}
    last_old = max((u.num for u in olds), default=0)
    prev: Unit | None = None          # the old unit after which the current run is inserted
    prev_printed: Unit | None = None  # the unit just numbered (old or new)
    for u in news:
        o = m.old(u)
        if o is not None:
            u.num, u.suf = o.num, o.suf
            prev = prev_printed = o
            continue
        after_prev = position[id(prev)] + 1 if prev is not None else 0
        at_end = after_prev >= len(olds) or all(position[id(x)] < after_prev for x in olds)
        if at_end:
            last_old += 1
            u.num, u.suf = last_old, ""
        else:
            u.num, u.suf = _next_suffix(kind, prev_printed if prev_printed is not None else None, used)
        used.add((u.num, u.suf))
        prev_printed = u


# -- the consolidated order ---------------------------------------------------------------------------
def merged(old_kids: list[Unit], new_kids: list[Unit], m: Matching) -> list[tuple[str, Unit]]:
    """The children of one container as the amended text reads them, tagged 'kept', 'new' or 'deleted'
    (old units not continued, which keep their place as "Dihapus."), in document order."""
    out: list[tuple[str, Unit]] = []
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


def placeholder(unit: Unit) -> Unit:
    """What stays of a deleted unit: its number and "Dihapus." (a BAB keeps its pasal numbers, deleted too)."""
    if unit.deleted:
        return unit
    kids = [placeholder(p) for p in unit.walk() if p.kind == "pasal" and p is not unit] if unit.kind in CONTAINERS else []
    text = None if unit.kind in CONTAINERS else DIHAPUS
    return Unit(unit.kind, digest("dihapus", unit.kind, unit.num, unit.suf, unit.key), None, unit.num, unit.suf,
                judul=DIHAPUS if unit.kind in CONTAINERS else "", teks=text, children=kids, deleted=True)


# -- texts --------------------------------------------------------------------------------------------
def expand_texts(doc, root: Unit) -> None:
    """Write out every ``[[id]]`` of the units' texts with the units' own (stable) numbers."""
    num = Numbering(doc)
    by_node = {id(u.node): u for u in root.walk() if u.node is not None}
    for unit in num.units.values():
        owner = by_node.get(id(unit.node))
        if owner is not None:
            unit.number = owner.label if owner.kind != "ayat" else f"({owner.label})"
    for unit in num.units.values():
        unit.chain = _chain(unit, by_node, num)
    for u in root.walk():
        if u.node is None:
            continue
        where = u.node
        for name in ("pembuka", "teks", "teks_akhir"):
            value = getattr(u, name)
            if value:
                setattr(u, name, num.expand(value, where))
        u.rincian = [_expand_butir(b, num) for b in u.rincian]


def _chain(unit, by_node, num) -> tuple:
    owner = by_node.get(id(unit.node))
    if owner is not None:
        if owner.kind in ("ayat", "angka"):
            pasal = by_node[id(unit.pasal)]
            return (pasal.title, owner.title)
        return (owner.title,)
    if unit.kind == "butir":
        parent = unit.ayat if unit.ayat is not None else unit.pasal
        parent_unit = num.units.get(id(parent)) if parent is not None else None
        if parent_unit is None:
            return unit.chain
        width = 2 if unit.ayat is not None else 1
        head = _chain(parent_unit, by_node, num)
        return head + unit.chain[width:]
    return unit.chain


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


def unit_lines(u: Unit) -> list[str]:
    """A unit as printed, one paragraph a line: 'Pasal 5A', '(1) …', 'a. …'."""
    if u.kind in CONTAINERS and u.kind != "root":
        out = [u.title, u.judul]
    elif u.kind == "pasal":
        out = [u.title]
    elif u.kind == "ayat":
        out = [f"({u.label}) {u.teks}"]
    elif u.kind == "angka":
        return [f"{u.label}. {u.teks}"]
    else:
        out = []
    for text in (u.pembuka, u.teks):
        if text and u.kind in ("pasal",):
            out.append(text)
    out.extend(butir_lines(u.rincian))
    if u.teks_akhir:
        out.append(u.teks_akhir)
    for c in u.children:
        out.extend(unit_lines(c))
    return out

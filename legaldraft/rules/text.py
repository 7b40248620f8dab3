"""Helpers shared by the text-level rules (part 2): which texts a rule reads, and how a pure text scanner's
hits become findings with a fix.

A scanner is a function ``text -> list[Hit]``; it knows nothing of the document, so the heuristics can be
tested directly on lines of the real documents in corpus/ (the project corpus).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Iterator, Optional

from ..model import Node, walk
from ..naskah.numbering import REF
from .engine import Fix

#: parts of a document whose texts are norms (pasal, ayat, rincian, diktum, the amended provisions of a perubahan)
NORM_PARTS = ("batang_tubuh", "diktum", "perubahan")
#: every kind of document, for the rules that read only the wording of texts
from ..naskah.jenis import ALL_KINDS  # noqa: E402,F401  (re-exported to the rule modules)
TEXT_FIELDS = ("teks", "teks_akhir", "arti", "berlaku", "pembuka", "penutup")
#: every drafted text, Markdown of a lampiran included (:func:`legaldraft.rules.engine.iter_texts`)
ALL_TEXT_FIELDS = ("teks", "teks_akhir", "arti", "markdown")


@dataclass
class Hit:
    """One problem found in a text. ``fixed`` is the whole corrected text when the fix is mechanical."""

    message: str
    snippet: str = ""
    hint: str = ""
    fixed: Optional[str] = None
    severity: Optional[str] = None
    fix_description: str = ""


Scanner = Callable[[str], list[Hit]]


def texts(doc, parts: Iterable[str] | None = NORM_PARTS, fields: Iterable[str] = TEXT_FIELDS,
          nodes: Iterable[Node] | None = None) -> Iterator[tuple[Node, str, str]]:
    """(node, field, text) of the drafted texts inside ``parts`` (None: the whole document, lampiran prose and
    Mengingat ``teks`` included; Markdown blocks are left to the lampiran rules). ``nodes``: the document's
    nodes already walked (the engine's one walk)."""
    wanted = tuple(parts) if parts is not None else None
    for node in (walk(doc) if nodes is None else nodes):
        if wanted is not None and (not node.loc or node.loc[0] not in wanted):
            continue
        values = node.__dict__  # fields only (no text property exists); getattr on a missing name is slow in pydantic
        for name in fields:
            value = values.get(name)
            if isinstance(value, str) and value:
                yield node, name, value


@lru_cache(maxsize=65536)
def masked(text: str) -> str:
    """``text`` with every ``[[ref]]`` blanked out (same length, so match offsets stay valid)."""
    return REF.sub(lambda m: "\x00" * len(m.group(0)), text)


def around(text: str, start: int, end: int, margin: int = 25) -> str:
    left = max(0, start - margin)
    right = min(len(text), end + margin)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def report_hits(ctx, node: Node, field: str, hits: list[Hit]) -> None:
    for hit in hits:
        fix = None
        if hit.fixed is not None:
            fix = Fix(node.loc + (field,), hit.fixed, hit.fix_description or hit.hint or hit.message)
        ctx.report(hit.message, node, field, hit.snippet, hit.hint, fix, hit.severity)


def cached_texts(ctx, parts: Iterable[str] | None = NORM_PARTS, fields: Iterable[str] = TEXT_FIELDS):
    """:func:`texts` of ``ctx.doc``, collected once per check run (some twenty scanners read the same texts)."""
    cache = ctx.__dict__.setdefault("_text_cache", {})
    key = (tuple(parts) if parts is not None else None, tuple(fields))
    if key not in cache:
        index = ctx.index
        if set(fields) <= set(index.TEXT_FIELDS):
            wanted, names = key[0], set(fields)
            cache[key] = [(node, name, text) for part, node, name, text in index.texts
                          if name in names and (wanted is None or part in wanted)]
        else:
            cache[key] = list(texts(ctx.doc, parts, fields, ctx.nodes))
    return cache[key]


def run_scanner(ctx, scanner: Scanner, parts: Iterable[str] | None = NORM_PARTS, fields: Iterable[str] = TEXT_FIELDS) -> None:
    found = cached_texts(ctx, parts, fields)
    patterns = getattr(scanner, "patterns", ())
    if patterns and all(_SEPARABLE(p) for p in patterns) and not any(p.search(_joined(ctx, found)) for p in patterns):
        return  # none of the scanner's phrases is in these texts: no need to scan them one by one
    for node, field, text in found:
        hits = scanner(text)
        if hits:
            report_hits(ctx, node, field, hits)


_SEP = "\x00\x00"


def _SEPARABLE(pattern: re.Pattern) -> bool:
    """A phrase pattern found in no text is not found in the texts joined by NULs either (and the converse is
    all the pre-check needs): true unless the pattern anchors to the start or end of a string."""
    return not re.search(r"(?<!\\)[\^$]|\\[AZ]", pattern.pattern.replace("[^", "["))


def _joined(ctx, found: list) -> str:
    """The masked texts of ``found`` joined by NULs (which no phrase pattern matches), once per text list."""
    cache = ctx.__dict__.setdefault("_joined_cache", {})
    key = id(found)
    if key not in cache:
        cache[key] = _SEP.join(masked(text) for _, _, text in found)
    return cache[key]


def phrase_scanner(pattern: re.Pattern, message: Callable[[re.Match], str], hint: Callable[[re.Match], str],
                   replacement: Callable[[re.Match], str | None] | None = None, severity: str | None = None) -> Scanner:
    """A scanner for a forbidden phrase; one hit per occurrence, the fix replacing every occurrence at once."""

    def scan(text: str) -> list[Hit]:
        view = masked(text)
        hits = []
        for m in pattern.finditer(view):
            fixed = None
            if replacement is not None and replacement(m) is not None:
                fixed = pattern.sub(lambda x: replacement(x) or x.group(0), text)
            hits.append(Hit(message(m), around(text, m.start(), m.end()), hint(m), fixed, severity))
        return hits

    return needs(pattern)(scan)


def needs(*patterns: re.Pattern):
    """Declare that a scanner finds nothing in a text none of ``patterns`` matches: run_scanner then looks for
    them in all the texts at once first, and skips the text-by-text scan when they are nowhere."""

    def mark(scan: Scanner) -> Scanner:
        scan.patterns = patterns
        return scan

    return mark


# -- sentences ---------------------------------------------------------------------------------------------
_ABBREVIATIONS = ("Rp", "No", "Dr", "dr", "Drs", "Ir", "Prof", "H", "Hj", "S", "M", "Jl", "Kab", "Kec", "Kel", "Tbk",
                  "a.n", "u.p", "dll", "dsb", "dst", "hlm", "Ket", "St", "Sdr", "Yth", "tgl", "Pj", "Plt", "Plh")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[A-Z])")


def sentences(text: str) -> list[str]:
    """Split on '. ' + capital, except after abbreviations, single initials and list numbers ('1.')."""
    view = masked(text).strip()
    parts, start = [], 0
    for m in _SENTENCE_END.finditer(view):
        before = view[start:m.start()]
        last_word = before.rsplit(None, 1)[-1] if before.split() else ""
        token = last_word.rstrip(".!?")
        if token in _ABBREVIATIONS or len(token) <= 1 or token.isdigit() or "." in token:
            continue
        parts.append(text.strip()[start:m.start()])
        start = m.end()
    parts.append(text.strip()[start:])
    return [p for p in parts if p.strip()]


# -- capitals ----------------------------------------------------------------------------------------------
PARTICLES = frozenset("dan atau di ke dari yang untuk pada dalam serta bagi oleh dengan tentang terhadap sebagai "
                      "antara atas dan/atau melalui kepada sampai".split())


def title_case(title: str) -> str:
    """'Tugas dan fungsi' -> 'Tugas dan Fungsi': every word capitalised except particles not opening the title."""
    words = title.split()
    out = []
    for i, w in enumerate(words):
        if i > 0 and w.lower() in PARTICLES:
            out.append(w.lower())
        elif w.isupper() and len(w) > 1:
            out.append(w)  # an abbreviation keeps its capitals
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


def report_written_label(ctx, node, pattern: re.Pattern, label: str, what: str) -> None:
    """A label the template prints ('Menimbang :', 'Mengingat :') written again at the start of ``node.teks``:
    reported with the fix that removes it."""
    m = pattern.match(node.teks)
    if m:
        ctx.report(f"teks {what} memuat label '{label}'", node, "teks", node.teks[:40],
                   f"hapus '{label} :'; label dicetak otomatis",
                   Fix(node.loc + ("teks",), node.teks[m.end():], f"hapus label '{label}'"))

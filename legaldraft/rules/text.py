"""Helpers shared by the text-level rules (part 2): which texts a rule reads, and how a pure text scanner's
hits become findings with a fix.

A scanner is a function ``text -> list[Hit]``; it knows nothing of the document, so the heuristics can be
tested directly on lines of the real documents in corpus/ (the project corpus).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from operator import add
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
        else:  # the same as texts(ctx.doc, parts, fields, ctx.nodes), from the fields read on the engine's walk
            wanted, names = key[0], key[1]
            cache[key] = [(node, name, strings[name]) for part, node, strings in index.strings
                          if wanted is None or part in wanted for name in names if name in strings]
    return cache[key]


def run_scanner(ctx, scanner: Scanner, parts: Iterable[str] | None = NORM_PARTS, fields: Iterable[str] = TEXT_FIELDS) -> None:
    for node, field, text in scanned_texts(ctx, scanner, cached_texts(ctx, parts, fields)):
        hits = scanner(text)
        if hits:
            report_hits(ctx, node, field, hits)


def scanned_texts(ctx, scanner: Scanner, found: list) -> list:
    """The entries of ``found`` that ``scanner`` may find something in: those its declared words or phrases
    (:func:`needs`) occur in, all of them when it declares none."""
    words = getattr(scanner, "words", ())
    if words:
        kept = containing(ctx, found, words, getattr(scanner, "cased", False))
        phrases = getattr(scanner, "phrases", ())
        if phrases and len(kept) < len(found):  # the texts holding a word, and those a phrase matches
            also = {id(entry) for entry in kept} | {id(entry) for entry in matching(ctx, found, phrases)}
            kept = [entry for entry in found if id(entry) in also]
        return kept
    patterns = getattr(scanner, "patterns", ())
    return matching(ctx, found, patterns) if patterns else found


_SEP = "\x00\x00"
_SEPARABLE: dict[re.Pattern, bool] = {}
#: a negative look-around that a NUL (the separator of the joined texts) could satisfy or defeat
_NUL_SENSITIVE = re.compile(r"\(\?<?!(?:[^()\\]|\\.)*?(?:\\[SWDB]|\.|\[\^)")


def _separable(pattern: re.Pattern) -> bool:
    """A pattern that matches a text at some place matches the texts joined by NULs at that same place (so the
    joined texts, searched once, show which texts it occurs in): true unless the pattern anchors to the start
    or end of a string, or has a negative look-around that the NUL before or after a text could defeat."""
    known = _SEPARABLE.get(pattern)
    if known is None:
        source = pattern.pattern
        known = _SEPARABLE[pattern] = not (re.search(r"(?<!\\)[\^$]|\\[AZ]", source.replace("[^", "["))
                                           or _NUL_SENSITIVE.search(source))
    return known


def matching(ctx, found: list, patterns, raw: bool = False) -> list:
    """The entries (node, field, text) of ``found`` whose masked text (``raw``: as written) one of ``patterns`` may
    match, in order. Never fewer: every match of a pattern in the joined texts is mapped to the texts it touches, and
    a match inside one text alone is found there or touches it. A case-insensitive pattern written in lowercase is
    searched without IGNORECASE in the case-folded texts (much faster, and it matches wherever the pattern does).
    ``found`` as is when a pattern is not :func:`_separable`."""
    if not all(_separable(p) for p in patterns):
        return found
    hit: set[int] = set()
    for pattern in patterns:
        lower = _lowercase_form(pattern)
        joined, starts, ends = _views(ctx, found, False, raw) if lower is not None else _joined(ctx, found, raw)
        pattern = lower or pattern
        m = pattern.search(joined)
        while m is not None:
            first = bisect_left(ends, m.start())      # the first text ending at or after the match's start
            last = bisect_right(starts, m.end()) - 1  # the last text starting at or before its end
            hit.update(range(first, last + 1))
            # on from the end of the last text touched: one match is enough to scan a text
            at = max(ends[last] if last >= first else 0, m.end() + (m.end() == m.start()))
            m = pattern.search(joined, at) if at <= len(joined) else None
    if len(hit) == len(found):
        return found
    return [found[i] for i in sorted(hit)]


_LOWER_FORMS: dict[re.Pattern, re.Pattern | None] = {}


def _lowercase_form(pattern: re.Pattern) -> re.Pattern | None:
    """``pattern`` without IGNORECASE, when it is case-insensitive and written in ASCII lowercase (letters outside
    escapes): on the text made by :func:`fold_case` it matches at least wherever ``pattern`` matches the text."""
    if pattern not in _LOWER_FORMS:
        form = None
        source = pattern.pattern
        if pattern.flags & re.IGNORECASE and source.isascii() and not any(c.isupper() for c in re.sub(r"\\.", "", source)):
            form = re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
        _LOWER_FORMS[pattern] = form
    return _LOWER_FORMS[pattern]


def _joined(ctx, found: list, raw: bool = False) -> tuple[str, list[int], list[int]]:
    """The masked texts of ``found`` (``raw``: as written) joined by NULs (which no phrase pattern matches), with
    where each text starts and ends in it; once per text list."""
    cache = ctx.__dict__.setdefault("_joined_cache", {})
    key = (id(found), raw)
    entry = cache.get(key)
    if entry is None or entry[0] is not found:
        joined = Joined([text if raw else masked(text) for _, _, text in found])
        entry = cache[key] = (found, (joined.text, joined.starts, joined.ends))
    return entry[1]


class Joined:
    """Texts joined by NULs: which of them hold a literal, found with one substring search over all of them."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        lengths = list(map(len, texts))
        #: where each text starts in ``text``, and where it ends (counted in C: thousands of texts per list)
        self.starts: list[int] = list(accumulate(map(len(_SEP).__add__, lengths), initial=0))[:len(texts)]
        self.ends: list[int] = list(map(add, self.starts, lengths))
        self.text = _SEP.join(texts)

    def holding(self, word: str) -> Iterator[int]:
        """Indexes of the texts that contain ``word``, ascending (each once)."""
        if "\x00" in word:  # could straddle two texts: text by text
            yield from (i for i, text in enumerate(self.texts) if word in text)
            return
        starts, n = self.starts, len(self.starts)
        at = self.text.find(word)
        while at >= 0:
            i = bisect_right(starts, at) - 1
            yield i
            if i + 1 >= n:
                return
            at = self.text.find(word, starts[i + 1])


def containing(ctx, found: list, words: Iterable[str], cased: bool = False, raw: bool = False) -> list:
    """The entries (node, field, text) of ``found`` whose masked text (``[[ref]]`` blanked; ``raw``: the text as
    written), lowercased, contains one of ``words`` (lowercase literals; ``cased``: as written, case kept), in order.
    One substring search over all the texts at once (fast) where a regex would read every text."""
    joined, starts, ends = _views(ctx, found, cased, raw)
    hit: set[int] = set()
    for word in words:
        at = joined.find(word)
        while at >= 0:
            i = bisect_right(starts, at) - 1
            hit.add(i)
            at = joined.find(word, ends[i])
    if len(hit) == len(found):
        return found
    return [found[i] for i in sorted(hit)]


def fold_case(text: str) -> str:
    """``text`` with every letter replaced by one representative of the letters a case-insensitive regex takes
    for it (its lowercase, and one of 'i'/'ı', 's'/'ſ', 'µ'/'μ' …), one character for one: offsets stay valid, and
    an ASCII lowercase pattern matches this text wherever its IGNORECASE form matches the text."""
    if text.isascii():
        return text.lower()
    table = {}
    for char in set(text):
        if not char.isascii():
            same = _case_representative(char)
            if same != char:
                table[ord(char)] = same
    base = text.translate(table) if table else text
    lower = base.lower()
    return lower if len(lower) == len(base) else "".join(c.lower()[:1] or c for c in base)


def _case_representative(char: str) -> str:
    lower = char.lower()[:1] or char  # 'İ' -> 'i̇': its first letter, as the regex engine's simple lowercase
    try:  # the equivalences IGNORECASE adds beyond lowercase (CPython's own table)
        from re._casefix import _EXTRA_CASES  # lazy: only for a text with non-ASCII letters
    except ImportError:  # pragma: no cover - another Python: the ones that matter for ASCII patterns
        _EXTRA_CASES = {0x69: (0x131,), 0x131: (0x69,), 0x73: (0x17f,), 0x17f: (0x73,)}
    return chr(min((ord(lower),) + tuple(_EXTRA_CASES.get(ord(lower), ()))))


def _views(ctx, found: list, cased: bool, raw: bool = False) -> tuple[str, list[int], list[int]]:
    """The masked texts of ``found`` (lowercased unless ``cased``) joined by NULs, with where each text starts and
    ends in it; once per text list."""
    cache = ctx.__dict__.setdefault("_views_cache", {})
    key = (id(found), cased, raw)
    entry = cache.get(key)
    if entry is None or entry[0] is not found:
        joined, starts, ends = _joined(ctx, found, raw)
        entry = cache[key] = (found, (joined if cased else fold_case(joined), starts, ends))
    return entry[1]


def phrase_scanner(pattern: re.Pattern, message: Callable[[re.Match], str], hint: Callable[[re.Match], str],
                   replacement: Callable[[re.Match], str | None] | None = None, severity: str | None = None,
                   words: Iterable[str] = ()) -> Scanner:
    """A scanner for a forbidden phrase; one hit per occurrence, the fix replacing every occurrence at once.
    ``words``: lowercase literals one of which every match contains (see :func:`needs`)."""

    def scan(text: str) -> list[Hit]:
        view = masked(text)
        hits = []
        whole = None  # the text with every occurrence replaced, computed once per text
        for m in pattern.finditer(view):
            fixed = None
            if replacement is not None and replacement(m) is not None:
                if whole is None:
                    whole = pattern.sub(lambda x: replacement(x) or x.group(0), text)
                fixed = whole
            hits.append(Hit(message(m), around(text, m.start(), m.end()), hint(m), fixed, severity))
        return hits

    return needs(pattern, words=words)(scan)


def needs(*patterns: re.Pattern, words: Iterable[str] = (), cased: bool = False, phrases: Iterable[re.Pattern] = ()):
    """Declare that a scanner finds nothing in a text none of ``patterns`` matches (or, with ``words``, in a text
    whose masked view, lowercased unless ``cased``, contains none of these literals and none of ``phrases`` matches):
    run_scanner then looks for them in all the texts at once first, and scans only the texts they occur in."""

    def mark(scan: Scanner) -> Scanner:
        scan.patterns = patterns
        if words:
            scan.words = tuple(words)
            scan.cased = cased
            scan.phrases = tuple(phrases)
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

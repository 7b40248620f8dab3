"""Search the registry of national regulations by key, jenis, number/year and words of the judul.

``search(registry, "pp 12 2019")``, ``search(registry, "pengelolaan keuangan daerah")``,
``search(registry, "UU 23/2014")``, ``search(registry, "perpres-96-2015")``: ranked hits, accent- and
case-insensitive; words match whole judul words or their beginnings ("keuang" finds "Keuangan").
Used by ``legaldraft registry search``, by ``legaldraft.registry_search`` (the guided ``new``) and by the
"maksud Anda …?" hint for an unknown key.
"""
from __future__ import annotations

import bisect
import difflib
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .registry import Registry, national

JENIS_WORDS = {
    "uu": "uu", "undang-undang": "uu", "undang": "uu", "uud": "uud",
    "perppu": "perppu", "perpu": "perppu",
    "pp": "pp", "perpres": "perpres", "permen": "permen", "permendagri": "permen",
    "perda": "perda", "perbup": "perbup", "pergub": "pergub",
}
PHRASES = [("peraturan pemerintah pengganti undang-undang", "perppu"), ("peraturan pemerintah", "pp"),
           ("peraturan presiden", "perpres"), ("peraturan menteri", "permen"), ("undang-undang", "uu")]
FILLER = {"nomor", "no", "tahun", "thn", "th", "tentang", "ttg", "dan", "atas", "di", "ke", "dari", "yang",
          "untuk", "dengan", "pada", "dalam", "republik", "indonesia"}
KEY = re.compile(r"^([a-z_]+)-([0-9a-z.]+)-(\d{4})$")


def fold(text: str) -> str:
    """Lowercase, accents off, every dash a hyphen, spacing single."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"\s*-\s*", "-", text)
    return " ".join(text.split())


def words_of(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", fold(text).replace("-", " ")) if w]


@dataclass(frozen=True)
class Query:
    key: str | None
    jenis: str | None
    nomor: str | None
    tahun: int | None
    words: tuple[str, ...]


def parse_query(words) -> Query:
    text = fold(" ".join(words) if isinstance(words, (list, tuple)) else str(words))
    key = text if KEY.match(text) else None
    jenis = nomor = tahun = None
    if key:
        jenis, nomor, tahun = KEY.match(key).group(1), KEY.match(key).group(2), int(KEY.match(key).group(3))
        return Query(key, jenis, nomor, tahun, ())
    for phrase, code in PHRASES:
        if phrase in text:
            jenis = jenis or code
            text = text.replace(phrase, " ")
    m = re.search(r"\b(\d+[a-z]?)\s*/\s*(\d{4})\b", text)
    if m:
        nomor, tahun = m.group(1), int(m.group(2))
        text = text[:m.start()] + " " + text[m.end():]
    m = re.search(r"\bnomor\s+(\d+[a-z]?)\b", text)
    if m and nomor is None:
        nomor = m.group(1)
        text = text[:m.start()] + " " + text[m.end():]
    m = re.search(r"\btahun\s+(\d{4})\b", text)
    if m and tahun is None:
        tahun = int(m.group(1))
        text = text[:m.start()] + " " + text[m.end():]
    rest = []
    for w in words_of(text):
        if w in JENIS_WORDS and jenis is None:
            jenis = JENIS_WORDS[w]
        elif w.isdigit() and len(w) == 4 and 1900 <= int(w) <= 2100 and tahun is None:
            tahun = int(w)
        elif w.isdigit() and nomor is None:
            nomor = w
        elif w not in FILLER and w not in JENIS_WORDS:
            rest.append(w)
    return Query(None, jenis, nomor, tahun, tuple(rest))


@dataclass(frozen=True)
class Hit:
    key: str
    score: float
    jenis: str
    nomor: str | None
    tahun: int | None
    judul: str | None
    verified: bool


class Index:
    """Folded judul words per key, and how rare each word is (rare words weigh more)."""

    def __init__(self, registry):
        self.registry = registry
        self.rows: list[tuple[str, str, str, int | None, frozenset[str], str]] = []
        df: dict[str, int] = {}
        for key, jenis, nomor, tahun, judul in _records(registry):
            words = frozenset(words_of(judul or ""))
            self.rows.append((key, jenis, str(nomor or "").lower(), tahun, words, judul or ""))
            for w in words:
                df[w] = df.get(w, 0) + 1
        n = max(len(self.rows), 1)
        self.idf = {w: math.log(1 + n / c) for w, c in df.items()}
        self.vocab = sorted(df)

    def expand(self, word: str) -> list[str]:
        """Judul words that ``word`` is, or begins (at least 3 letters), at most 50."""
        if word in self.idf and len(word) < 3:
            return [word]
        i = bisect.bisect_left(self.vocab, word)
        out = []
        while i < len(self.vocab) and self.vocab[i].startswith(word) and len(out) < 50:
            out.append(self.vocab[i])
            i += 1
        return out

    def _weight(self, word: str) -> float:
        if word in self.idf:
            return self.idf[word]
        forms = self.expand(word)
        if not forms:
            return 0.0
        n = max(len(self.rows), 1)
        df = sum(n / (math.exp(self.idf[f]) - 1) for f in forms)  # idf = log(1 + n/df), so df = n/(e^idf - 1)
        return math.log(1 + n / max(df, 1.0))

    def search(self, query: Query, limit: int = 10) -> list[Hit]:
        # each query word weighs by its own rarity (the exact word, else all the words it begins), so that a
        # rare longer form ('keuangannya') does not outrank the word itself
        expanded = [(w, set(self.expand(w)), self._weight(w)) for w in query.words]
        scored = []
        for key, jenis, nomor, tahun, words, judul in self.rows:
            score = 0.0
            if query.key and key == query.key:
                score += 100
            if query.jenis:
                if jenis != query.jenis:
                    if query.key or not query.words:
                        continue
                    score -= 2
                else:
                    score += 2
            mismatch = False
            for wanted, value, weight in ((query.nomor, nomor, 6), (query.tahun, tahun, 4)):
                if wanted is not None:
                    if value == wanted:
                        score += weight
                    elif not query.words:  # a number or year asked for alone must match
                        mismatch = True
            if mismatch:
                continue
            matched = 0
            for w, forms, weight in expanded:
                hit = forms & words
                if hit:
                    matched += 1
                    score += weight * (1.0 if w in hit else 0.8)
            if query.words:
                if matched == 0:
                    continue
                score *= matched / len(query.words)
                score -= 0.01 * len(words)  # of two equal matches, the shorter judul first
            if score <= 0:
                continue
            verified = self.registry.is_verified(key)
            scored.append((score + (0.5 if verified else 0), key, jenis, nomor, tahun, judul, verified))
        scored.sort(key=lambda r: (-r[0], -(r[4] or 0), r[1]))
        return [Hit(k, round(s, 2), j, n or None, t, ju or None, v) for s, k, j, n, t, ju, v in scored[:limit]]


def _records(registry):
    for key, reg in registry.verified.items():
        yield key, reg.jenis.value, reg.nomor, reg.tahun, reg.tentang
    raw = registry._bulk.raw if registry._bulk is not None else {}
    for key, rec in raw.items():
        if key not in registry.verified:
            yield key, rec["j"], rec["n"], rec["t"], rec.get("judul")


_INDEXES: dict[int, Index] = {}


def index_of(registry) -> Index:
    found = _INDEXES.get(id(registry))
    if found is None or found.registry is not registry:
        found = _INDEXES[id(registry)] = Index(registry)
    return found


def search(registry, words, limit: int = 10) -> list[Hit]:
    return index_of(registry).search(parse_query(words), limit)


def key_suggestions(registry, key: str) -> list[str]:
    """Registry keys a mistyped key may mean: the same jenis with the same number and year, or the same
    number in a neighbouring/transposed year, or the same year with a number one keystroke away."""
    m = KEY.match(fold(key))
    if not m:
        return []
    jenis, nomor, tahun = m.group(1), m.group(2), m.group(3)
    jenis = {"perpu": "perppu", "undang": "uu"}.get(jenis, jenis)
    exact = f"{jenis}-{nomor}-{tahun}"
    if exact != key and exact in registry:
        return [exact]
    out = []
    years = {tahun[:2] + tahun[3] + tahun[2], tahun[0] + tahun[2] + tahun[1] + tahun[3]} - {tahun}
    for y in sorted(years):
        if f"{jenis}-{nomor}-{y}" in registry:
            out.append(f"{jenis}-{nomor}-{y}")
    if len(nomor) > 1 and f"{jenis}-{nomor[::-1]}-{tahun}" in registry:
        out.append(f"{jenis}-{nomor[::-1]}-{tahun}")
    return out[:3]


def unknown_key_hint(registry, key: str) -> str:
    """The fix line for an unknown registry key: a close key, else where to look and what the registry holds."""
    close = keys_like(registry, key)
    if close:
        return f"maksud Anda '{close[0]}'?"
    m = KEY.match(fold(key))
    scope = ""
    if m and m.group(1) not in ("uu", "pp"):
        scope = f"registry bawaan memuat UU dan PP dari data-peraturan; '{m.group(1)}' hanya sebagian; "
    return (scope + "tidak ada di registry: cari kuncinya dengan 'legaldraft registry search KATA' atau "
            "'legaldraft new FILE --tanya', tulis 'peraturan:' lengkap (docs/spec.md), atau tambahkan ke 'registry:' "
            "di profil daerah")


def keys_like(registry, key: str) -> list[str]:
    """Keys a mistyped ``key`` may have meant: :func:`key_suggestions` first (same jenis, number or year,
    e.g. 'pp-12-2091' -> 'pp-12-2019'), then close spellings among the hand-verified keys of the same jenis
    with the same number or year."""
    found = key_suggestions(registry, key) if isinstance(registry, Registry) else []
    if found:
        return found
    keys = list(registry.verified) if isinstance(registry, Registry) else list(registry)
    parts = key.split("-")
    if len(parts) == 3 and parts[2].isdigit():  # jenis-nomor-tahun: only the same jenis with its number or year
        keys = [k for k in keys if k.split("-")[0] == parts[0] and
                (k.split("-")[1:2] == parts[1:2] or k.split("-")[-1] == parts[2])]
    return difflib.get_close_matches(key, keys, n=3, cutoff=0.5)


@lru_cache(maxsize=1)
def _national_index():
    return index_of(national())


def registry_search(words, limit: int = 10, daerah: str | None = None) -> list[dict]:
    """Public API (``legaldraft.registry_search``): ranked registry entries for ``words`` (a string or a
    list of words: key, jenis, 'nomor/tahun', words of the judul), as plain dicts:
    ``{key, jenis, nomor, tahun, judul, lembaran, tambahan, status, verified, score}``. With ``daerah`` (a
    profile name), the profile's own entries (formation law, Perda, Perbup) are searched too."""
    if daerah:
        from .profiles import load_profile  # lazy: profiles only when a daerah is asked for

        registry = national().extended(load_profile(daerah, Path.cwd())[0].registry)
        index = index_of(registry)
    else:
        registry, index = national(), _national_index()
    hits = index.search(parse_query(words), limit)
    return [describe(registry, hit) for hit in hits]


def status_of(registry, key: str) -> str | None:
    """'dicabut oleh uu-23-2014' (revoked, per the registry) or None."""
    by = registry.revoked_by(key)
    if not by:
        return None
    # a revocation is hand-verified when the revoking entry is (its 'mencabut' was read by hand)
    return f"dicabut oleh {by}" + ("" if registry.is_verified(by) else " (ekstraksi)")


def describe(registry, hit: Hit) -> dict:
    reg = registry[hit.key]
    return {
        "key": hit.key, "jenis": hit.jenis, "nomor": hit.nomor, "tahun": hit.tahun, "judul": hit.judul,
        "lembaran": {"tahun": reg.lembaran.tahun, "nomor": reg.lembaran.nomor} if reg.lembaran else None,
        "tambahan": reg.tambahan, "status": status_of(registry, hit.key), "verified": hit.verified,
        "score": hit.score,
    }

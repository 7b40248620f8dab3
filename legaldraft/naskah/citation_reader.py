"""A written Mengingat citation read back into its parts: the inverse of :mod:`legaldraft.naskah.citation`.

``parse_citation`` reads one dasar hukum text, e.g. "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan
Daerah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia
Nomor 5587) sebagaimana telah beberapa kali diubah terakhir dengan Undang-Undang Nomor 9 Tahun 2015 …", into one
:class:`Citation`: jenis (as written and as :class:`JenisPeraturan`), pasal, penerbit, nomor, tahun, tentang,
the publication parenthesis (Lembaran/Berita Negara/Daerah and Tambahan) and the amendment (its wording and the
last amending regulation, itself a :class:`Citation`). It accepts the variants found in issued texts (case of the
jenis, 'Nomor:', the year only inside the nomor, Peraturan Badan/Wali Kota, Keputusan …); what the text does not
say stays None.

Both readers of written citations use it: the importer (:mod:`legaldraft.importer.citation`, which keeps a
structured form only when it renders back to the same text, and :mod:`legaldraft.importer.amendment`, which takes
the amended or revoked Perbup with its Berita Daerah (:attr:`Citation.series`, :attr:`Citation.seri`) and the
amendments before it (:attr:`Citation.amendments`, :func:`split_citations`)) and the DH-* rules
(:mod:`legaldraft.rules.dasar_hukum`, which compare verbatim ``teks:`` items with the registry).

A publication bracket that a copy writes with a slip ('Lernbaran', 'Lembaga Negara', 'Noomor', the year without
'Tahun') is read here too, once for both rules that need it: :func:`publication_slips` names each slip with its mend
(DH-014), :func:`publication_attempted` tells such a bracket from one that is not written at all (DH-008),
:func:`tambahan_written` whether its Tambahan is written (DH-015).

Which bracket holds the publication data is defined here once too: the series names (:func:`series_pattern`,
:data:`PUBLICATION_SERIES`, :data:`PUBLICATION_OPENING`), :func:`publication_bracket` (DH-014) with
:func:`looks_like_publication_data` and :func:`names_publication`, :func:`before_publication` (a title without the
bracket a cut text leaves in it) and :func:`own_publication` (a law whose title names others with their brackets).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

from ..model.reference import JenisPeraturan as J, Peraturan


def series_pattern(scope: str = "Negara|Daerah", tambahan: bool = True) -> str:
    """The pattern (no group, no flag) of a publication series named in full as butir 47-49 write it: 'Lembaran
    Negara', 'Berita Daerah', 'Tambahan Lembaran Negara'. ``scope`` narrows it to 'Negara' or 'Daerah'; without
    ``tambahan`` it is the Lembaran or Berita itself. Every reader of a publication bracket builds on it."""
    return (r"(?:Tambahan\s+)?" if tambahan else "") + rf"(?:Lembaran|Berita)\s+(?:{scope})\b"


#: a publication series named in full, its Tambahan too: what the publication bracket of a citation opens with
PUBLICATION_SERIES = series_pattern()
#: a bracket that opens with a publication word as the renderer writes it, the series not read further ('(Berita …',
#: '(Tambahan …': a copy may cite the Tambahan alone); where the normaliser and the JDIH summary look for the data
PUBLICATION_OPENING = r"\((?:Lembaran|Berita|Tambahan)"

# (regex, jenis, canonical spelling or None when the jenis has several names); the longest names first
JENIS = [
    (r"Undang[- ]Undang Dasar", J.uud, "Undang-Undang Dasar"),
    (r"Ketetapan Majelis Permusyawaratan Rakyat", J.tap_mpr, "Ketetapan Majelis Permusyawaratan Rakyat"),
    (r"Peraturan Pemerintah Pengganti Undang[- ]Undang", J.perppu, "Peraturan Pemerintah Pengganti Undang-Undang"),
    (r"Undang[- ]Undang", J.uu, "Undang-Undang"),
    (r"Peraturan Pemerintah", J.pp, "Peraturan Pemerintah"),
    (r"Peraturan Presiden", J.perpres, "Peraturan Presiden"),
    (r"Peraturan (?:Menteri|Badan|Lembaga|Kepala)", J.permen, None),
    (r"Peraturan Daerah Provinsi", J.perda_prov, "Peraturan Daerah Provinsi"),
    (r"Peraturan Gubernur", J.pergub, "Peraturan Gubernur"),
    (r"Peraturan Daerah", J.perda, "Peraturan Daerah"),
    (r"Peraturan (?:Bupati|Wali ?kota(?:madya)?)", J.perbup, None),
    (r"Keputusan|Instruksi|Surat Edaran|Nota Kesepahaman|Memorandum|Dokumen Pelaksanaan|Perjanjian", J.keputusan, None),
]
_JENIS_RE = [(re.compile(rf"^(?:(Pasal .+?)\s+)?({pattern})\b", re.I), jenis) for pattern, jenis, _ in JENIS]
_NOMOR = re.compile(r"\bNomor\s*:?\s*(\S+?)(?:\s+Tahun\s+(\d{4}))?(?=[\s,;(]|$)", re.I)
_UUD_TAHUN = re.compile(r"\bTahun\s+(\d{4})\b")
_PAREN = re.compile(r"\(((?:[^()]|\([^()]*\))*)\)\s*$")
LEMBARAN = re.compile(series_pattern(tambahan=False) + r"[^()]*?(?i:Tahun) (\d{4}) (?i:Nomor) (\d+)")
_SERIES = re.compile(series_pattern(tambahan=False))
#: the series letter a Lembaran/Berita Daerah may give after its number: 'Nomor 1 Seri D', 'Nomor 5, Seri: E'
_SERI = re.compile(r"\s*,?\s*Seri\s*:?\s*(\w+)", re.I)
@lru_cache(maxsize=256)
def _lembaran_in(pub: str):
    """The Lembaran/Berita match of a publication parenthesis, searched once for its tahun, nomor, series and seri."""
    return LEMBARAN.search(pub)


TAMBAHAN = re.compile(r"Tambahan Lembaran (?:Negara|Daerah)[^()]*?Nomor (\d+)")
# also as a copy that drops a letter writes it ('sebagamana telah beberapa kal dubah', Perbup Pacitan 3/2011)
_SEBAGAIMANA = re.compile(r",?\s+sebagai?mana\s+(?:telah\s+)?(?=di?ubah|beberapa kali?\b)")
_LAST_AMENDMENT = re.compile(r"(?:diubah|terakhir)\s+dengan\s+(.+)$", re.S)


@dataclass
class Citation:
    """What a written citation says; ``jenis`` is None when the text is not read as a citation at all."""

    text: str                          # the citation read (for a whole Mengingat item: its main regulation)
    jenis: Optional[J] = None
    jenis_text: str = ""               # the jenis as written ('Undang-undang', 'Peraturan Menteri' …)
    pasal: Optional[str] = None
    penerbit: Optional[str] = None     # what stands between jenis and 'Nomor' ('Dalam Negeri', 'Kabupaten Purwakarta')
    nomor: Optional[str] = None
    tahun: Optional[int] = None
    tahun_in_nomor: bool = False       # no 'Tahun' written: the year was read from the nomor ('P.18/MENLHK-II/2015')
    tentang: Optional[str] = None
    pub: str = ""                      # the publication parenthesis, without the brackets
    wording: str = ""                  # 'diubah beberapa kali, ' … between 'sebagaimana telah' and '… dengan'
    amendment: Optional[Citation] = None   # the (last) amending regulation written after '… dengan'

    @classmethod
    def of(cls, reg: Peraturan, pasal: str | None = None, pub: str = "") -> Citation:
        """The citation a structured reference stands for (nothing to read)."""
        return cls("", reg.jenis, reg.jenis.label, pasal, reg.penerbit, reg.nomor, reg.tahun, tentang=reg.tentang, pub=pub)

    @property
    def readable(self) -> bool:
        return self.jenis is not None

    @property
    def lembaran(self) -> Optional[tuple[int, str]]:
        """(tahun, nomor) of the Lembaran/Berita Negara/Daerah in the parenthesis."""
        m = _lembaran_in(self.pub)
        return (int(m.group(1)), m.group(2)) if m else None

    @property
    def series(self) -> Optional[str]:
        """The series whose (tahun, nomor) :attr:`lembaran` is, as written: 'Lembaran Negara', 'Berita Daerah' …"""
        m = _lembaran_in(self.pub)
        return _SERIES.match(m.group(0)).group(0) if m else None

    @property
    def seri(self) -> Optional[str]:
        """The series letter written after the number of :attr:`lembaran` ('… Tahun 2016 Nomor 1 Seri D': 'D')."""
        m = _lembaran_in(self.pub)
        seri = _SERI.match(self.pub, m.end()) if m else None
        return seri.group(1) if seri else None

    @property
    def tambahan(self) -> Optional[str]:
        m = TAMBAHAN.search(self.pub)
        return m.group(1) if m else None

    @property
    def amended(self) -> bool:
        """'sebagaimana telah … diubah …' is written after the regulation."""
        return self.amendment is not None or bool(self.wording)

    @property
    def chain(self) -> list[str]:
        """The amending citations as written (only the last one ever is)."""
        return [self.amendment.text] if self.amendment is not None else []

    @property
    def amendments(self) -> list[Citation]:
        """Each amending regulation named after '… dengan', in the order written: 'diubah dengan A dan B' gives A and
        B (:attr:`amendment` reads 'A dan B' as one citation); what does not read as a citation is left out."""
        if self.amendment is None:
            return []
        return [cited for part in split_citations(self.amendment.text) if (cited := parse_one(part)).readable]


def segments(text: str) -> tuple[str, str | None, str]:
    """(main citation, amendment citation or None, amendment wording) of one Mengingat text."""
    parts = _SEBAGAIMANA.split(text.strip().rstrip(";").strip(), maxsplit=1)
    if len(parts) == 1:
        return parts[0], None, ""
    m = _LAST_AMENDMENT.search(parts[1])
    return parts[0], (m.group(1) if m else None), parts[1][:m.start()] if m else parts[1]


#: where one citation of a run ends and the next begins: ';' (and '; dan'), or 'dan' before a jenis that a 'Nomor'
#: soon follows (not the 'dan Peraturan Bupati' inside a title: '… tentang Penyusunan Peraturan Daerah dan Peraturan
#: Bupati (Berita Daerah …)')
_NEXT_CITATION = re.compile(r"\s*;\s*(?:dan\s+)?|\s*,?\s+dan\s+(?=(?:%s)\b(?:\s+[\w.-]+){0,5}?\s+Nomor\b)"
                            % "|".join(p for p, _, _ in JENIS), re.I)


def split_citations(text: str) -> list[str]:
    """A run of citations ('Peraturan Bupati A …; dan Peraturan Bupati B …', 'diubah dengan A dan B') cut into one
    text per citation; empty pieces are dropped."""
    return [part for part in _NEXT_CITATION.split(text) if part.strip()]


def parse_citation(text: str) -> Citation:
    """One Mengingat item (without its number): the main regulation, with the amendment written after it."""
    main, amendment, wording = segments(text)
    found = parse_one(main)
    found.wording = wording
    found.amendment = parse_one(amendment) if amendment is not None else None
    return found


# -- typography that hides a citation from comparison ------------------------------------------------------
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2212]")
_SPACED_HYPHEN = re.compile(r"(?<=\w) +- *(?=\w)|(?<=\w) *- +(?=\w)")
_INNER_PAREN_SPACE = re.compile(r"\(\s+|\s+\)")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+(?=[,;:])")
_MISSING_SPACE_AFTER_COMMA = re.compile(r",(?=[A-Za-z])")
_SPACES = re.compile(r"\s+")
DOUBLED_WORD = re.compile(r"\b(\w+)(\s+\1\b)+", re.I)
_PUB_SEGMENT = re.compile(PUBLICATION_OPENING + r"[^()]*\)", re.I)
_PUB_WORD = re.compile(r"\b(nomor|tahun|tambahan|lembaran|negara|berita|daerah|republik|indonesia)\b")
_NOMOR_COLON = re.compile(r"\bNomor\s*:\s*", re.I)


def doubled_words(text: str) -> list[re.Match]:
    """Words written twice in a row ('tentang tentang'); numbers ('Nomor 1 1') are left to the reader."""
    return [m for m in DOUBLED_WORD.finditer(text) if not m.group(1).isdigit()]


def normalise(text: str) -> str:
    """One written citation in the typography the registry and the renderer use, so that a comparison sees the
    wording and the numbers only: dashes, spaced hyphens ('Undang - Undang'), spaces inside brackets and before
    punctuation, runs of spaces, doubled words, and the case of the words 'Nomor', 'Tahun', 'Tambahan'."""
    out = _DASHES.sub("-", text)
    out = _SPACED_HYPHEN.sub("-", out)
    out = _INNER_PAREN_SPACE.sub(lambda m: m.group(0).strip(), out)
    out = _SPACE_BEFORE_PUNCT.sub("", out)
    out = _MISSING_SPACE_AFTER_COMMA.sub(", ", out)
    out = _SPACES.sub(" ", out).strip()
    for m in reversed(doubled_words(out)):
        out = out[:m.start()] + m.group(1) + out[m.end():]
    out = _NOMOR_COLON.sub("Nomor ", out)
    return _PUB_SEGMENT.sub(lambda m: _PUB_WORD.sub(lambda w: w.group(1).capitalize(), m.group(0)), out)


@lru_cache(maxsize=4096)
def read_written(text: str) -> Citation:
    """:func:`parse_citation` of the normalised text (what a written Mengingat item means, typography aside).
    Cached: several rules read the same item; callers do not change the result."""
    return parse_citation(normalise(text))


def parse_one(text: str) -> Citation:
    """One citation, without looking for an amendment chain."""
    found = Citation(text)
    text = text.strip().rstrip(";.").strip()
    for regex, jenis in _JENIS_RE:
        m = regex.match(text)
        if m:
            break
    else:
        return found
    found.jenis, found.jenis_text, found.pasal = jenis, m.group(2), m.group(1)
    rest = text[m.end():]
    paren = _PAREN.search(rest)
    found.pub = paren.group(1) if paren else ""
    body = rest[:paren.start()] if paren else rest
    nomor_m = _NOMOR.search(body)
    penerbit = body.strip()
    if nomor_m:
        penerbit = body[:nomor_m.start()].strip()
        found.nomor = nomor_m.group(1)
        year = nomor_m.group(2) or (re.findall(r"(?:19|20)\d\d", found.nomor) or [None])[-1]
        found.tahun = int(year) if year else None
        found.tahun_in_nomor = bool(year) and not nomor_m.group(2)
        t = re.match(r"\s*tentang\s+(.+)$", body[nomor_m.end():], re.S)
        found.tentang = t.group(1).strip() if t else None
    elif jenis == J.uud and (y := _UUD_TAHUN.search(body)):
        found.tahun = int(y.group(1))   # 'Undang-Undang Dasar Negara Republik Indonesia Tahun 1945'
    found.penerbit = penerbit or None
    return found


# -- the publication bracket as a copy writes it: its slips, and whether it is written at all ---------------
#: the words of the publication bracket as Lampiran II butir 47-49 write them
PUBLICATION_WORDS = ("Lembaran", "Negara", "Republik", "Indonesia", "Tambahan", "Nomor", "Tahun")
#: a bracket (closed or not) with a publication word as printed: where slips are looked for
_PUBLICATION_REGION = re.compile(r"\(([^()]*\b(?:Lembar|Tambahan|Negar|Neger)[^()]*)\)?")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{4,}\b")  # 5 letters at least: a copy cut short ends in a stub
_OPENED_BRACKET = re.compile(r"\(([^()]*)")
_LETTERS = re.compile(r"[^\W\d_]+")
_KEYWORDS = ("Lembaran", "Berita", "Negara")    # what a publication bracket opens with
_NUMBER_WORDS = ("Tahun", "Nomor")

MISSPELT, NO_TAHUN_WORD, NO_YEAR, NO_REPUBLIK, NO_COMMA = "misspelt", "no_tahun_word", "no_year", "no_republik", "no_comma"


@dataclass(frozen=True)
class PublicationSlip:
    """One slip inside a publication bracket that keeps it from being read: its ``kind`` (:data:`MISSPELT`,
    :data:`NO_TAHUN_WORD`, :data:`NO_YEAR`, :data:`NO_REPUBLIK`, :data:`NO_COMMA`), the text at fault, the word meant
    (a misspelling) and the whole citation with every slip mended (None when it cannot be: a year not written)."""

    kind: str
    found: str
    meant: Optional[str] = None
    mended: Optional[str] = None


def publication_word(word: str, vocabulary: tuple[str, ...] = PUBLICATION_WORDS) -> Optional[str]:
    """The word of the prescribed wording that a written word stands for: itself, or the word it misspells
    ('Lernbaran', 'kmbaran', 'Negera', 'Noomor', 'Repulik': four fifths of the letters in place); None for any other
    word."""
    import difflib  # lazy: only for publication brackets that are not written as prescribed

    if word in vocabulary:
        return word
    if word == "Negeri":  # 'Dalam Negeri'
        return None
    meant = difflib.get_close_matches(word.capitalize(), vocabulary, n=1, cutoff=0.8)
    return meant[0] if meant else None


def publication_slips(text: str) -> list[PublicationSlip]:
    """The slips inside the publication brackets of one citation: a misspelt word ('Lembar', 'Negera', 'Noomor',
    'Repulik'), the year without 'Tahun', 'Tahun' without the year, 'Lembaran Negara' without 'Republik Indonesia',
    no comma before 'Tambahan'. Each slip that can be mended carries the text with every slip mended."""
    found = _slips(text)
    final = text  # every mend applied: each slip's mend gives the same, fully mended text
    for _ in range(10):
        pending = [slip.mended for slip in _slips(final) if slip.mended is not None and slip.mended != final]
        if not pending:
            break
        final = pending[0]
    return [replace(slip, mended=final if slip.mended is not None else None) for slip in found]


def _slips(text: str) -> list[PublicationSlip]:
    out = []
    for m in _PUBLICATION_REGION.finditer(text):
        region = m.group(1)
        for word in dict.fromkeys(_CAPITALISED.findall(region)):
            meant = publication_word(word)
            if meant and meant != word:
                out.append(PublicationSlip(MISSPELT, word, meant, re.sub(rf"\b{word}\b", meant, text)))
        year = re.search(r"Negara(?: Republik Indonesia)? (\d{4}) Nomor", region)
        if year:
            out.append(PublicationSlip(NO_TAHUN_WORD, year.group(0), mended=text.replace(
                year.group(0), year.group(0).replace(year.group(1), "Tahun " + year.group(1)), 1)))
        if re.search(r"\bTahun Nomor\b", region):
            out.append(PublicationSlip(NO_YEAR, "Tahun Nomor"))
        bare = re.search(r"\b(?:Tambahan )?Lembaran Negara(?= (?:Tahun|Nomor)\b)", region)
        if bare:
            out.append(PublicationSlip(NO_REPUBLIK, bare.group(0), mended=re.sub(
                r"\b((?:Tambahan )?Lembaran Negara)(?= (?:Tahun|Nomor)\b)", r"\1 Republik Indonesia", text)))
        comma = re.search(r"Nomor \d+ (?=Tambahan\b)", region)
        if comma:
            out.append(PublicationSlip(NO_COMMA, comma.group(0) + "Tambahan",
                                       mended=re.sub(r"(Nomor \d+) (?=Tambahan\b)", r"\1, ", text)))
    return out


_TAMBAHAN_WORD = re.compile(r"\bT[a-z]?m?bah\w*")  # 'Tambahan', 'Tmbahan', also glued to the next word


def tambahan_written(pub: str) -> bool:
    """A publication bracket writes a Tambahan: spelt right, misspelt ('Tmbahan', 'Tambaharr', 'Tambzrhan': DH-014
    names the slip) or glued to the next word ('TambahanLembaran')."""
    return bool(_TAMBAHAN_WORD.search(pub)) or any(publication_word(word) == "Tambahan" for word in _LETTERS.findall(pub))


def publication_attempted(text: str) -> bool:
    """A publication bracket is written in ``text`` though :data:`LEMBARAN` may not read it: it opens with Lembaran,
    Berita or Negara spelt right, misspelt, split or cut short ('Lernbaran', 'kmbaran', 'Lembaga Negara', 'tembaran
    Negra', 'Le mbaran', 'Lemb'), and a 'Tahun' or 'Nomor' follows, its year or number maybe garbled ('Tahun 1g6s').
    Data that is written, not data that is missing; a bracket of the Tambahan alone is not one (its Lembaran is
    missing)."""
    for m in _OPENED_BRACKET.finditer(text):
        words = _LETTERS.findall(m.group(1))
        if not words or _reads_as(words[0], ("Tambahan",)):
            continue
        opening = [words[0], *words[1:2], "".join(words[:2])]  # a word the copy split: 'Le mbaran'
        at = next((n for n, word in enumerate(opening) if _reads_as(word, _KEYWORDS)), None)
        if at is not None and any(_reads_as(word, _NUMBER_WORDS) for word in words[min(at, 1) + 1:]):
            return True
    return False


def _reads_as(word: str, vocabulary: tuple[str, ...]) -> bool:
    """A written word stands for one of ``vocabulary``, case aside: it begins as one does (its first five letters,
    'Lembaga'; or all of a stub of four, 'Lemb'), or misspells one (:func:`publication_word`, also with the OCR's
    'rn' for 'm': 'Nornor')."""
    low = word.lower()
    return (len(low) >= 4 and any(v.lower().startswith(low[:5]) for v in vocabulary)) \
        or any(publication_word(w, vocabulary) is not None for w in {word, word.replace("rn", "m")})


# -- which bracket of a citation holds its publication data -------------------------------------------------
# Three tests, each tolerant of a copy's slips in its own measure, on purpose:
# - :func:`looks_like_publication_data` (DH-014): any word of the data misspelt or cut short and a number; it picks
#   the bracket whose pieces DH-014 rewrites, and a piece that fails the prescribed form is called unreadable;
# - the slips region above (:func:`publication_slips`): only brackets with the words of the Lembaran Negara wording,
#   since the slips it mends are those of that wording (a Berita Daerah follows the daerah's own practice);
# - :func:`publication_attempted` (DH-008): the opening word and a 'Tahun' or 'Nomor' after it, stricter, so that a
#   bracket that merely mentions a 'Daerah' does not hide a missing Lembaran.
#: a word of the publication data as a copy may write it: any case, misspelt or cut short ('Lemb', 'Negera', 'Tambhn')
_PUBLICATION_STEM = re.compile(r"\b(?:lemb\w*|berit\w*|tamb\w*|negar\w*|negera|daerah)\b", re.I)
_DIGIT = re.compile(r"\d")
#: the bracket at the end of a citation (a trailing ';', ',' or '.' aside), one inner bracket allowed
_LAST_BRACKET = re.compile(r"\(((?:[^()]|\([^()]*\))*)\)\s*[;,.]?\s*$")
#: a bracket that names a Lembaran or Berita, in full or abbreviated ('LN', 'T.L.N', 'BN'), any case
_NAMING_BRACKET = re.compile(r"\((?=[^()]*\b(?:Lembaran|Berita|L\.?N|T\.?L\.?N|B\.?N)\b)([^()]*)\)", re.I)


def names_publication(text: str) -> bool:
    """``text`` has a word of publication data in any case, cut short or misspelt after its stem ('Lemb', 'Beritta',
    'Tambhn', 'negera': the stems of Lembaran, Berita, Tambahan, Negara and Daerah)."""
    return bool(_PUBLICATION_STEM.search(text))


def looks_like_publication_data(text: str) -> bool:
    """``text`` (a bracket's content or one piece of it) reads as publication data: a word of it (:func:`names_publication`)
    and a number."""
    return names_publication(text) and bool(_DIGIT.search(text))


def publication_bracket(text: str) -> Optional[re.Match]:
    """The publication bracket of one citation (group 1: its content): the bracket at the end of the citation when it
    looks like publication data (:func:`looks_like_publication_data`, misspelt words included), else the last bracket
    that names a Lembaran or Berita, abbreviated too (a title may hold a bracket of its own); None without either."""
    m = _LAST_BRACKET.search(text)
    if m is not None and looks_like_publication_data(m.group(1)):
        return m
    m = None
    for m in _NAMING_BRACKET.finditer(text):
        pass  # the last one
    return m


#: from where a publication series is named on, its opening bracket and the spaces before it included
_SERIES_ONWARD = re.compile(rf"\s*\(?\s*\b{PUBLICATION_SERIES}")


def before_publication(text: str) -> str:
    """``text`` up to where a publication series is named: the title of a citation whose bracket the reader did not
    take (a text cut short, the bracket never closed) without that bracket."""
    return _SERIES_ONWARD.split(text, maxsplit=1)[0]


#: a closed bracket of Lembaran/Berita Negara data inside a title. Negara only: the titles that name other
#: regulations with their brackets are those of laws (Pembentukan …, Penetapan … sebagai Undang-Undang), whose
#: brackets are of the Lembaran Negara; a Lembaran Daerah in a title stays part of the title
_NATIONAL_BRACKET = re.compile(rf"\s*\(({series_pattern('Negara')}[^()]*)\)")


def own_publication(cited: Optional[Citation]) -> Optional[Citation]:
    """A title that names other regulations with their brackets: 'UU 8/1965 tentang Pembentukan … (LN 1965/51) dengan
    mengubah UU 27/1959 … (LN 1959/72)', 'UU 27/1959 tentang Penetapan UU Darurat 3/1953 … (LN 1953/9) sebagai
    Undang-Undang (LN 1959/72)'. The reader takes the last bracket; the regulation's own is the one of its own year
    (a law is promulgated in the year of its number). Without such a bracket the reader's stands."""
    if cited is None or not cited.tentang or not cited.tahun:
        return cited
    own_year = []
    for inner in list(_NATIONAL_BRACKET.finditer(cited.tentang)) + [None]:  # None: the reader's (last) bracket
        pub_text = inner.group(1) if inner else cited.pub
        ln = LEMBARAN.search(pub_text or "")
        if ln and int(ln.group(1)) == cited.tahun:
            own_year.append((inner, "Tambahan" in pub_text))
    # of the brackets of its own year, the one with its Tambahan: 'UU 14/1964 tentang Penetapan Perppu 3/1964 …
    # (LN 1964 No. 8) menjadi Undang-Undang (LN 1964 No. 95, TLN 2688)' — the first is the Perppu's
    best = next((b for b in own_year if b[1]), own_year[0] if own_year else None)
    if best is None or best[0] is None:
        return cited
    inner = best[0]
    return replace(cited, tentang=cited.tentang[:inner.start()].strip(), pub=inner.group(1))

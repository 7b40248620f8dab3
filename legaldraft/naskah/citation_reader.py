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
structured form only when it renders back to the same text) and the DH-* rules (:mod:`legaldraft.rules.dasar_hukum`,
which compare verbatim ``teks:`` items with the registry).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..model.reference import JenisPeraturan as J, Peraturan

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
    (r"Peraturan (?:Bupati|Wali ?kota)", J.perbup, None),
    (r"Keputusan|Instruksi|Surat Edaran|Nota Kesepahaman|Memorandum|Dokumen Pelaksanaan|Perjanjian", J.keputusan, None),
]
_JENIS_RE = [(re.compile(rf"^(?:(Pasal .+?)\s+)?({pattern})\b", re.I), jenis) for pattern, jenis, _ in JENIS]
_NOMOR = re.compile(r"\bNomor\s*:?\s*(\S+?)(?:\s+Tahun\s+(\d{4}))?(?=[\s,;(]|$)")
_UUD_TAHUN = re.compile(r"\bTahun\s+(\d{4})\b")
_PAREN = re.compile(r"\(((?:[^()]|\([^()]*\))*)\)\s*$")
LEMBARAN = re.compile(r"(?:Lembaran|Berita) (?:Negara|Daerah)[^()]*?Tahun (\d{4}) Nomor (\d+)")
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
        m = LEMBARAN.search(self.pub)
        return (int(m.group(1)), m.group(2)) if m else None

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


def segments(text: str) -> tuple[str, str | None, str]:
    """(main citation, amendment citation or None, amendment wording) of one Mengingat text."""
    parts = _SEBAGAIMANA.split(text.strip().rstrip(";").strip(), maxsplit=1)
    if len(parts) == 1:
        return parts[0], None, ""
    m = _LAST_AMENDMENT.search(parts[1])
    return parts[0], (m.group(1) if m else None), parts[1][:m.start()] if m else parts[1]


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
_PUB_SEGMENT = re.compile(r"\((?:Lembaran|Berita|Tambahan)[^()]*\)", re.I)
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

"""Source text -> numbered lines: whitespace, editorial notes, page furniture, OCR slips.

Every line keeps its line number in the source so that warnings can point at it. Blank lines are
kept (as empty text): the title block and the lampiran use them to tell a heading from what follows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from .spacing import is_letter_spaced, unspace


@dataclass
class Line:
    no: int
    text: str
    table: Optional[list[list[str]]] = None   # a DOCX table, kept as rows of cells

    @property
    def blank(self) -> bool:
        return not self.text and self.table is None


@dataclass
class Note:
    """Something the importer wants the drafter to know: level 'info' or 'warning', with a source line."""

    level: str
    line: Optional[int]
    message: str

    def __str__(self) -> str:
        where = f"baris {self.line}: " if self.line else ""
        return f"{self.level}: {where}{self.message}"


@dataclass
class Notes:
    items: list[Note] = field(default_factory=list)
    truncated_at: Optional[int] = None      # source line where the copy says its text was cut off
    corrected: int = 0                      # OCR slips in fixed words and numbers set right (ocr_normalise)
    respaced: int = 0                       # letter-spaced lines whose words were put back (spacing.unspace)
    garbled: list[int] = field(default_factory=list)   # source lines dropped as garbled decoration (named)
    headings: dict[int, str] = field(default_factory=dict)  # source line -> the OCR'd heading as read ('Pasal 19')

    def info(self, line: int | None, message: str) -> None:
        self.items.append(Note("info", line, message))

    def warn(self, line: int | None, message: str) -> None:
        self.items.append(Note("warning", line, message))

    def mended(self, line: int, before: str, after: str) -> None:
        self.corrected += 1
        self.info(line, f"salah baca OCR dibetulkan: '{before[:50]}' -> '{after[:50]}'")

    @property
    def warnings(self) -> list[Note]:
        return [n for n in self.items if n.level == "warning"]


_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_TRUNCATED = re.compile(r"\[\s*(?:\.\.\.|…)\s*[A-Za-z][^\]]*\]")
# a page number glued before the next page's first words: '1 BUPATI NGANJUK …', '2 Mengingat c. bahwa …'
# ('- 3 MEMUTUSKAN', '-3MEMUTUSKAN :', '- 12 Pasal 37': a page mark written with dashes, before a fixed word)
_GLUED_PAGE = re.compile(r"^(?:(\d{1,3})\s+|[-–~]\s?(\d{1,3})\s?[-–~]?\s*)(?=(?:Menimbang|Mengingat|MEMUTUSKAN|Menetapkan|"
                         r"BUPATI|WALI ?KOTA|GUBERNUR|PERATURAN|KEPUTUSAN|SALINAN|BERITA DAERAH|LAMPIRAN|Ditetapkan|"
                         r"Diundangkan)\b|(?:Pasal|BAB|Bagian|Paragraf)\s+\w+\s*$|[a-z]\.\s+bahwa\b)")
_GLUED_MARK = re.compile(r"^[-–~]\s?\d{1,3}\s?[-–~]?\s*")
# a scanner app's stamp printed on every page
_SCANNER_STAMP = re.compile(r"\s*\b(?:Dipindai|Scanned)\s+(?:dengan|with)\s+CamScanner\b\s*", re.I)
# "2", "- 3 -", "~1~", "-3-", "Halaman 2", "2 of 9"
_PAGE_NUMBER = re.compile(r"^(?:[-~–—]\s*)?\d{1,3}(?:\s*[-~–—])?$|^halaman\s+\d+(\s+dari\s+\d+)?$", re.I)
# the catchword at a page's foot: "2. Undang-undang ………….. 2" (text, a run of dots, the next page number)
# a page-turn catchword repeating the next page's first words: '2. Undang-Undang...' on a line of its own
_CATCHWORD_NEXT = re.compile(r"^\d{1,2}\.\s+[\w-]+(?:\s+[\w-]+)?\s*(?:…|\.{3})$")
# was the regex (?:…|\.{4,}|…\.+|\.+…)[.…\s]*\d{1,3}$ , cubic on a long run of dots (3,000 dots: 58 s);
# is_catchword() decides the same in linear time, scanning back from the end of the line.


def is_catchword(text: str) -> bool:
    """1-3 digits at the end, after a run of dots/ellipses/spaces holding '…' or at least four dots."""
    end = len(text)
    i = end
    while i > 0 and text[i - 1].isdecimal():
        i -= 1
    if not 1 <= end - i <= 3:
        return False
    j = i
    while j > 0 and (text[j - 1] in ".…" or text[j - 1].isspace()):
        j -= 1
    run = text[j:i]
    return "…" in run or "...." in run

_TABLE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")


def clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def is_editorial_note(text: str) -> bool:
    """A whole line in square brackets is an editorial note of the corpus, unless it is a short capitalised
    placeholder that stands for document text ('[NAMA KEPALA DINAS]')."""
    if not (text.startswith("[") and text.endswith("]")):
        return False
    inner = text[1:-1].strip()
    return not (inner.isupper() and len(inner.split()) <= 5 and ":" not in inner)


def is_page_furniture(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text) or is_catchword(text) or _CATCHWORD_NEXT.match(text))


# a Mengingat number that lost its point at a line start: '3 Undang-Undang Nomor 20 Tahun 2003 …'
_POINTLESS_ITEM = re.compile(r"^(\d{1,2})\s+(?=(?:Undang-Undang|Peraturan|Keputusan|Qanun|Instruksi)\s+(?:\w+\s+){0,4}Nomor\b)")


def _item_may_start(lines: list[Line]) -> bool:
    """The line before closed its item (';' or '.'), a paraf's initials between them aside: not a number that
    ends a broken line ('… dalam Pasal' / '11 Undang-Undang Nomor 14 …')."""
    for ln in reversed(lines[-4:]):
        if len(ln.text) > 3:
            return ln.text.rstrip().endswith((";", "."))
    return True


#: a line that ends with a word always followed by a number: the bare number on the next line is that number, not
#: a page number ('bahwa berdasarkan Pasal' / '72' / 'ayat (1)' in a copy of one word or a few per line)
_WANTS_NUMBER = re.compile(r"\b(?:Pasal|PASAL|Nomor|NOMOR|Tahun|TAHUN|ayat|angka|BAB|Bab)\s*$")


def _next_text(raws: list[str], no: int) -> str:
    """The next non-blank source line after line ``no`` (1-based), within a few lines."""
    return next((r for r in raws[no: no + 6] if r.strip()), "")


def _last_text(lines: list[Line]) -> str:
    return next((ln.text for ln in reversed(lines[-6:]) if ln.text), "")


def source_lines(text: str, notes: Notes) -> list[Line]:
    """Split and clean a source text; editorial notes and page furniture are dropped with an info note."""
    lines: list[Line] = []
    raws = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for no, raw in enumerate(raws, start=1):
        line = clean(raw.replace("\ufeff", ""))
        if _TRUNCATED.search(line):
            notes.info(no, "catatan '[... text truncated ...]' dari sumber dibuang; naskah sumber terpotong di sini")
            notes.truncated_at = notes.truncated_at or no
            line = clean(_TRUNCATED.sub("", line))
            if not line:
                continue
        if is_editorial_note(line):
            notes.info(no, f"catatan editorial dibuang: {line[:70]}")
            continue
        if is_page_furniture(line) and not (line.isdigit() and _WANTS_NUMBER.search(_last_text(lines))
                                            and not re.match(r"\s*\d", _next_text(raws, no))):
            notes.info(no, f"nomor halaman/kepala halaman dibuang: '{line[:40]}'")
            continue
        if _SCANNER_STAMP.search(line):
            notes.info(no, "cap aplikasi pemindai ('Dipindai dengan CamScanner') dibuang")
            line = clean(_SCANNER_STAMP.sub(" ", line))
            if not line:
                continue
        glued = _GLUED_PAGE.match(line)
        if glued is None and (mark := _GLUED_MARK.match(line)) and _GLUED_PAGE.match("1 " + ocr_normalise(line[mark.end():])):
            glued = mark        # '- 13 LAMPI.RAN …': the fixed word after the mark is an OCR slip
        if glued:
            notes.info(no, f"nomor halaman '{line[:glued.end()].strip()}' yang menempel pada teks dibuang")
            line = line[glued.end():]
        if is_letter_spaced(line):
            notes.respaced += 1
            notes.info(no, "teks berspasi per huruf; kata-katanya disusun kembali")
            line = unspace(line)
        fixed = ocr_normalise(line)
        if fixed != line:
            notes.mended(no, line, fixed)
            line = fixed
        if (lost := _POINTLESS_ITEM.match(line)) and _item_may_start(lines):
            line = f"{lost.group(1)}. {line[lost.end():]}"    # '3 Undang-Undang Nomor 20 …': the item's point lost
        if is_garbled(line):
            notes.garbled.append(no)
            notes.warn(no, f"baris hiasan yang rusak (huruf tak terbaca) dibuang: '{line[:50]}'")
            continue
        lines.append(Line(no, line))
    return lines


# -- the regional head's title ---------------------------------------------------------------------------
#: BUPATI, WALIKOTA / WALI KOTA / WALIKOTAMADYA, GUBERNUR (an OCR's 'BUPAT', 'WALKOTA': :data:`_ANCHOR_SLIPS`)
KEPALA_DAERAH = r"BUPATI|WALI\s?KOTA(?:MADYA)?|GUBERNUR"


# -- OCR: the fixed words of a regulation and the numbers after them --------------------------------------
def _rahmat(m: re.Match) -> str:
    """'DENGAN RAIIMAT' -> 'DENGAN RAHMAT' where the pembukaan stands: at the line's start, or before the formula's
    next word ('… DENGAN RAIIMAT TI'HAN YANG …' in a flattened opening); 'DENGAN RAPAT …' elsewhere is text."""
    if not m.string[: m.start()].strip() or re.match(r"\s+T\S{2,4}N\b", m.string[m.end():]):
        return m.group(1) + "RAHMAT"
    return m.group(0)


#: the anchor words that importer.layout and importer.parse find the structure by, as an OCR misreads them: mended
#: here (in every source: :func:`mend_anchor_words` runs on a Word file's lines too, as one made from a scan carries
#: the same slips), so that those modules match the clean word only and a new slip is taught in this one place
_ANCHOR_SLIPS = [
    (re.compile(r"\bMenmbang\b"), "Menimbang"), (re.compile(r"\bMengngat\b"), "Mengingat"),
    (re.compile(r"\b(N\s?O\s?M\s?O)\s?I(\s?R)\b", re.I), r"\1\2"),                     # 'NOMOIR', 'Nomoir'
    # the head's title with its 'i' dropped: 'BUPAT', 'Bupat', 'WALKOTA', 'Wal Kota'
    (re.compile(r"\b(bupat(?=\b)|wal(?=\s?kota(?:madya)?\b))", re.I), lambda m: m.group(1) + ("I" if m.group(1).isupper() else "i")),
    # ATAS in the name of a Perubahan or Pencabutan read as 'ATA' or 'ATA5': 'PERUBAHAN KEDUA ATA PERATURAN …'
    (re.compile(r"\b((?:PERUBAHAN|PENCABUTAN)(?:\s+[A-Z]+)?\s+)ATA5?\b"), r"\1ATAS"),
    (re.compile(r"\bATA5?(?=\s+(?:PER\w*AN|KEPUTUSAN|INSTRUKSI)\b)|^ATA5?$"), "ATAS"),
    # the pembukaan's DENGAN read as 'DENGA', 'OENGAN', 'DENGAM', and its RAHMAT as 'RAIIMAT'
    (re.compile(r"\b[DO]ENGA[NM]?(?=\s+(?:RAHMAT|RAKHMAT|NAMA|RA\w{1,2}MAT)\b)"), "DENGAN"),
    (re.compile(r"\b(DENGAN\s+)(?!RAHMAT\b|RAKHMAT\b)RA\w{1,2}MAT\b"), _rahmat),
    (re.compile(r"\bsALINAN\b"), "SALINAN"),
    # a hyphen read inside 'Undang': '2.U-ndang-Undang'
    (re.compile(r"\bU-ndang\b"), "Undang"),
    # 'rn' read for 'm' in the konsiderans' closing 'berdasarkan pertimbangan': 'pertirnbangan'
    (re.compile(r"\b(pert\w{0,3})rn(bangan)\b", re.I),
     lambda m: m.group(1) + ("M" if m.group(2).isupper() else "m") + m.group(2)),
]


def mend_anchor_words(text: str) -> str:
    """The OCR slips in the anchor words set right (:data:`_ANCHOR_SLIPS`); also part of :func:`ocr_normalise`."""
    for pattern, repl in _ANCHOR_SLIPS:
        text = pattern.sub(repl, text)
    return text


def mend_anchor_lines(lines: list[Line], notes: Notes) -> list[Line]:
    """A Word file's lines with the anchor words' OCR slips set right, each said in a note (a text source's lines
    are mended with the rest of :func:`ocr_normalise` in :func:`source_lines`)."""
    out = []
    for ln in lines:
        fixed = mend_anchor_words(ln.text) if ln.table is None else ln.text
        if fixed != ln.text:
            notes.mended(ln.no, ln.text, fixed)
            ln = Line(ln.no, fixed)
        out.append(ln)
    return out


_OCR_WORDS = [
    # an I read as 'l' or '1' inside or at the end of a word in capitals (the daerah of the jabatan line 'WALIKOTA
    # KENDARl,', 'ORGANlSASl'); a word's first 'l' may as well be an L ('lAMPUNG') and is left alone. Text
    # sources only (a Word file's 'KEP1AB' or 'ABC1' in a register number is as written)
    (re.compile(r"(?<=[A-Z]{3})l\b|(?<=[A-Z]{2})[l1](?=[A-Z]{2})|(?<=[A-Z]{3})1(?=,)"), "I"),
    (re.compile(r"\bN\s?[O0]\s?M\s?[O0]\s?I?\s?R\b"), "NOMOR"),           # 'NOM OR', 'NOMOIR', 'N0MOR'
    (re.compile(r"\bN[co0]m[o0]r\b"), "Nomor"),                             # 'Ncmor', 'N0mor'
    (re.compile(r"\bT\s?A\s?H\s?U\s?N\b"), "TAHUN"),
    (re.compile(r"\bTA[}\]]I?UN\b"), "TAHUN"),                                   # 'TA}IUN': an H read as '}I'

    (re.compile(r"\bT\s?E\s?N\s?T\s?A\s?N\s?G\b"), "TENTANG"),
    (re.compile(r"\bBUPA(?:'TI|I\]I|T)\b"), "BUPATI"),                       # "BUPA'TI", 'BUPAI]I', 'BUPAT'
    (re.compile(r"\bPROVINS[T!l1]\b"), "PROVINSI"),
    (re.compile(r"\b(\d{1,4})(TAHUN|Tahun)\b"), r"\1 \2"),                    # '3TAHUN'
    (re.compile(r"\bLembaian\b"), "Lembaran"),
    # a fixed word that lost its last letter, before what always follows it: 'Tahu 2015', 'Nomo 5', 'Negar Republik'
    (re.compile(r"\b(Tahu|TAHU|Nomo|NOMO)(?=\s+\d)"), lambda m: m.group(1) + ("n" if m.group(1) == "Tahu" else
                                                                          "N" if m.group(1) == "TAHU" else
                                                                          "r" if m.group(1) == "Nomo" else "R")),
    (re.compile(r"\bNegar[_\W]{0,4}(?=\s+Republik\b)"), "Negara"),
    (re.compile(r"\bPasa[1Il](?=\s+\d)"), "Pasal"),                             # 'Pasa1 5'
    # a word broken at a line end and joined with a space: 'Undang- Undang'
    (re.compile(r"\b(Undang|undang)-\s+(Undang|undang)\b"), r"\1-\2"),
    # specks of a scan before a label at a line start: "-'Menimbang: a. …"
    (re.compile(r"^[^\w\s(]{1,3}\s?(?=(?:Menimbang|Mengingat|Memperhatikan|MEMUTUSKAN|Menetapkan)\b)"), ""),
    # a comma read before the slash of a register number: 'NOMOR: G,/613/B.X/HK/2016'
    (re.compile(r"(?<=\b[A-Z0-9]),(?=/\w)"), ""),
    # a point letter read as a symbol that looks like it: '@. bahwa' (a), '©. bahwa' (c)
    (re.compile(r"(?<!\S)([@©])\s?\.(?=\s+[Bb]ahwa\b)"), lambda m: {"@": "a.", "©": "c."}[m.group(1)]),
    # the first item's '1.' read as 'l.' or '|.' at a line start or after its label: 'Mengingat : l. Pasal 18 …'
    (re.compile(r"(?:^|(?<=: ))[l|]\s?\.\s+(?=[A-Z])"), "1. "),
    # a list marker whose digit was read as a bar or a letter, or lost, inside a flattened line: '…3518); |. Undang-Undang',
    # '…4237); . Undang-Undang' (Pergub Kepri 4/2019)
    (re.compile(r"(?<=[;:] )[|lI!]?\s?[.,]\s+(?=(?:Undang|Peraturan|Keputusan|Qanun|Instruksi)\b|bahwa\b)"), ""),
    # specks of a scan: a column rule read as '|' against a word ('Pemerintahan| Daerah', 'Nomor |83'), and
    # underscores in running text ('Negar_—_', '_percepatan'); a table row ('| a | b |') and a blank to fill
    # in ('____') are left alone
    (re.compile(r"(?<=[^\s|])\|(?=\s)|(?<=\s)\|(?=[^\s|])"), ""),
    (re.compile(r"(?<!_)_{1,2}(?!_)"), " "),
    # an item number read as '3-' before a citation written in lower case: '3- undang-undang Nomor …'
    (re.compile(r"^(\d{1,2})\s?[-–]\s+(?=[uU]ndang|[pP]eraturan|[kK]eputusan)"), r"\1. "),
    (re.compile(r"^(\d{1,2}\.\s+)(undang|peraturan|keputusan)\b"), lambda m: m.group(1) + m.group(2).capitalize()),
]
# a number after Nomor/Tahun with letters read for digits: '2O2O', '2Ol4', 'l998'
_OCR_NUMBER = re.compile(r"\b(Nomor|NOMOR|Tahun|TAHUN)(\s+)([0-9OolI]{2,4})\b")


#: the fixed words that anchor a regulation's structure, set right when the OCR read one letter wrong
#: ('Menimbalg', 'GUBPRNUR', 'BUPATE', 'Undalg-Undalg') or left a speck inside ('Mer:gingat', 'LAMPI.RAN'); only
#: where they stand as anchors (a label at a line start or before its colon, the head's title in capitals, the
#: two halves of 'Undang-Undang'), so that a misspelling in a clean copy's text stays the document's
_LABELS = ("MENIMBANG", "MENGINGAT", "MEMPERHATIKAN", "MEMUTUSKAN", "MENETAPKAN", "DITETAPKAN", "DIUNDANGKAN",
           "LAMPIRAN")
_LABEL_FORMS = {form for w in _LABELS for form in (w, w.capitalize())}
_HEAD_FORMS = {"BUPATI", "WALIKOTA", "GUBERNUR"}
_WORD = r"[A-Za-z][A-Za-z.:'!|]{4,14}[A-Za-z]"
_LABEL_AT = re.compile(rf"^({_WORD})(?=\s*(?::|$)|\s+[a-z1-9]\.\s|\s+(?:PERATURAN|KEPUTUSAN)\b|\s+[Bb]ahwa\b)"
                       rf"|(?<=[;.] )({_WORD})(?=\s*:)")
_HEAD_AT = re.compile(r"\b([A-Z][A-Z.:'!|]{4,10}[A-Z])(?=\s+[A-Z]{3,})")
_UNDANG_AT = re.compile(r"\b([Uu][a-z.:'!|]{4,6})-([Uu][a-z.:'!|]{4,6})\b")


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one substitution, insertion or deletion."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i:] == b[i + 1:]


def _nearest(token: str, forms) -> Optional[str]:
    bare = re.sub(r"[.:'!|]", "", token)
    if bare in forms:
        return bare
    if len(bare) < 6 or not (bare.isupper() or (bare[0].isupper() and bare[1:].islower())):
        return None
    return next((f for f in forms if f[0] == bare[0] and f.isupper() == bare.isupper() and _one_edit(bare, f)), None)


def _anchor_words(text: str) -> str:
    def label(m: re.Match) -> str:
        group = 1 if m.group(1) else 2
        return _nearest(m.group(group), _LABEL_FORMS) or m.group(group)

    text = _LABEL_AT.sub(label, text)
    text = _HEAD_AT.sub(lambda m: _nearest(m.group(1), _HEAD_FORMS) or m.group(1), text)

    def undang(m: re.Match) -> str:
        a, b = (_nearest(x[0].upper() + x[1:], {"Undang"}) for x in (m.group(1), m.group(2)))
        if a and b:
            return f"{m.group(1)[0]}ndang-{m.group(2)[0]}ndang"
        return m.group(0)

    return _UNDANG_AT.sub(undang, text)


def ocr_normalise(text: str) -> str:
    text = mend_anchor_words(text)
    for pattern, repl in _OCR_WORDS:
        text = pattern.sub(repl, text)
    text = _anchor_words(text)

    def number(m):
        token = m.group(3)
        if any(c.isdigit() for c in token) and not token.isdigit():
            token = ocr_number(token)
        return f"{m.group(1)}{m.group(2)}{token}"

    return _OCR_NUMBER.sub(number, text)


def is_garbled(text: str) -> bool:
    """A decoration line extracted as garbage: a kop in a decorative font ('jtÄ|~Éàt gtá|~ÅtÄtçt'), or an
    OCR'd emblem ('GI]BTRI{URSWI]TARA'): mostly no readable word."""
    if len(text) < 6 or len(text) > 80 or (text.startswith("|") and text.endswith("|")):    # a table row
        return False
    tokens = text.split()
    # a bracket inside a word ('GI]BTRI'), a bar or tilde, or Latin-1 letters Indonesian does not use;
    # a placeholder in brackets ('[NAMA KEPALA DINAS]') is text
    odd = sum(1 for t in tokens if re.search(r"[|~{}^]|\w[\]\[]\w", t) or re.search(r"[À-ÿ]", t))
    return odd >= max(1, (len(tokens) + 1) // 2)


# -- OCR slips ------------------------------------------------------------------------------------
_OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "O": "0", "o": "0"})


def ocr_number(token: str) -> str:
    """'l' -> '1', '1O' -> '10' in a token that stands where a number must be."""
    if re.fullmatch(r"[0-9lIOo]+", token) and (any(c.isdigit() for c in token) or token in ("l", "I", "O")
                                                 or re.fullmatch(r"[lI]{2,3}", token)):      # 'II' for 11
        return token.translate(_OCR_DIGITS)
    return token


# -- comparison -----------------------------------------------------------------------------------
_TOKEN = re.compile(r"\w+|[^\w\s|]")


def tokens(text: str) -> list[str]:
    """Word and punctuation tokens, lower case; whitespace, table rules and page furniture ignored."""
    kept = []
    for line in text.split("\n"):
        line = clean(line)
        if not line or is_page_furniture(line) or is_editorial_note(line) or _TABLE_RULE.match(line):
            continue
        kept.append(_TRUNCATED.sub(" ", line))
    joined = " ".join(kept).replace("…", "...").casefold()
    return _TOKEN.findall(joined)

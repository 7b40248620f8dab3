"""Findings only the source shows: what the import would normalise without a word.

- letters and numbers typed by hand (or drawn by Word's numbering) that skip, repeat or go back: konsiderans
  (KON-003), Mengingat (DH-005), ayat (BT-008), rincian (LST-001);
- Pasal headings typed out of sequence (BT-007), and the references to the Pasal so renumbered;
- a fixed formula written with a typo: mulai berlaku (PNT-001), perintah pengundangan (PNT-003), the
  Ketentuan Umum opening (KU-002), 'DENGAN RAHMAT …' (PMB-001), 'MEMUTUSKAN:' (DIK-001).

Each finding carries its place (:class:`~.locate.Place`) and, when the correction is mechanical, the
replacement of exactly those characters.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Optional

from ..naskah import rumusan
from ..naskah.numbers import letters
from .locate import Place, squash

_LABEL = re.compile(r"^(Menimbang|Mengingat|Memperhatikan)\s*:?\s*", re.I)
_MARK = re.compile(r"^(?:\((?P<ayat>\d+)\)|(?P<pl>[a-z])\)|(?P<pn>\d+)\)|(?P<l>[a-z])\.|(?P<u>[A-Z])\.|(?P<n>\d{1,3})\.)(?=\s|[A-Z])")
# markers run on inside one paragraph of a web or PDF copy: '…; 2. Undang-Undang …'
_INLINE = re.compile(r"[;:]\s+(?:\((\d+)\)|([a-z])\.|(\d{1,3})\.)\s+(?=\S)")
_LEAD = re.compile(r"^\s*(?::\s*)?")
_PASAL = re.compile(r"^Pasal\s+(\d+)\s*$")
_PASAL_ROMAN = re.compile(r"^Pasal\s+[IVX]+\s*$")
_PASAL_REF = re.compile(r"\bPasal\s(\d+)\b")
_STOP = re.compile(r"^(PENJELASAN|LAMPIRAN)\b|^Ditetapkan\s+di\b", re.I)
_BAB = re.compile(r"^BAB\s+[IVXLC]+\b")
# a page-turn catchword: the next page's first words, cut off with an ellipsis ('2. Undang-Undang...')
_CATCHWORD = re.compile(r"^\S+(?:\s+\S+){0,3}?\s*(?:\.{3,}|…)$")
_DIKTUM_LEAD = re.compile(r"^\s*(?:KE[A-Z]+(?:\s+[A-Z]+)?\s*)?:\s*")


@dataclass
class SourceIssue:
    rule: str
    message: str
    hint: str
    place: Place
    new: Optional[str] = None           # replacement of place's characters (None: a comment only)
    drawn_by_word: bool = False         # the characters are a label Word's numbering draws
    severity: Optional[str] = None      # instead of the rule's (a formula off only by spacing/punctuation)
    insert_at: Optional[int] = None     # the replacement is an insertion here (the place quotes the words around)


def _marker(text: str, start: int) -> Optional[tuple[str, int, int, int]]:
    """(kind, index, start, end) of a list marker at ``start`` of ``text``."""
    m = _MARK.match(text[start:])
    if not m:
        return None
    for kind, group in (("ayat", "ayat"), ("pletter", "pl"), ("pnumber", "pn"), ("letter", "l"), ("uletter", "u"),
                        ("number", "n")):
        value = m.group(group)
        if value is not None:
            if kind in ("letter", "pletter"):
                index = ord(value) - ord("a")
            elif kind == "uletter":
                index = ord(value) - ord("A")
            else:
                index = int(value) - 1
            return kind, index, start + m.start(group), start + m.end(group)
    return None


def _format(kind: str, index: int) -> str:
    if kind == "uletter":
        return letters(index).upper()
    return letters(index) if kind in ("letter", "pletter") else str(index + 1)


def _is_instruction(text: str) -> bool:
    from ..importer.amendment import is_instruction  # lazy: the importer's reading of a change's sentence

    return is_instruction(text)


class SourceChecker:
    def __init__(self, paras, nama_jenis: str = "Peraturan Bupati", berita_daerah: str = "", jenis: str = "perbup"):
        self.paras = paras
        self.nama_jenis = nama_jenis
        self.berita = berita_daerah
        self.jenis = jenis
        self.issues: list[SourceIssue] = []

    def run(self) -> list[SourceIssue]:
        self.sequences()
        if self.jenis in ("perbup", "pedoman"):
            self.pasal_numbers()
        self.formulas()
        return self.issues

    # -- list markers ---------------------------------------------------------------------------------
    def sequences(self) -> None:
        """Each marker continues the innermost open list of its kind, or starts a new (nested) list at its
        first value; anything else skips, repeats or goes back. Lists are the konsiderans letters, the
        Mengingat numbers and, in the batang tubuh, the ayat and rincian of each Pasal."""
        from ..importer.text import clean, is_editorial_note, is_page_furniture  # lazy: the importer's notion of page furniture

        section = None          # konsiderans, mengingat, body
        stack: list[list] = []  # [kind, last index], outermost first
        changes = 0             # the numbered changes of a Perubahan's Pasal I seen so far
        between: list = []      # unmarked paragraphs since the last marker
        for para in self.paras:
            text = para.text
            stripped = clean(text)
            if not stripped or is_page_furniture(stripped) or is_editorial_note(stripped) or _CATCHWORD.match(stripped):
                continue
            lab = _LABEL.match(text)
            if lab:
                section = {"menimbang": "konsiderans", "mengingat": "mengingat"}.get(lab.group(1).lower(), "other")
                stack = []
            elif re.match(r"^M\s?E\s?M\s?U\s?T\s?U\s?S\s?K\s?A\s?N\b", stripped) or _BAB.match(stripped):
                section, stack = "body", []
            elif _STOP.match(stripped):
                section, stack = None, []
            if section is None:
                continue
            if section == "body" and (_PASAL.match(stripped) or _PASAL_ROMAN.match(stripped)):
                stack = []
                continue
            if section == "body" and self.jenis == "perubahan" and _is_instruction(stripped):
                # Pasal I's numbered changes count among themselves; what each restates opens lists of its own
                changes = self._change(para, text, changes)
                stack = []
                continue
            start = lab.end() if lab else _LEAD.match(text).end()
            if start >= len(text):
                continue
            found = _marker(text, start)
            if found is None:
                between.append((para, start))
                continue
            kind, index, m_start, m_end = found
            if section == "konsiderans" and kind != "letter" or section == "mengingat" and kind != "number":
                continue
            level = self._place(stack, kind, index)
            if level is None and self.jenis == "perubahan" and section == "body" and not stack:
                stack.append([kind, index])     # a restated unit keeps its number (Pasal 1 angka 5, ayat (2))
                level = 0
            if level is None and self._bare(stack, kind, index, between, section):
                level = self._place(stack, kind, index)
            if level is None:
                self._out_of_sequence(para, stack, kind, index, m_start, m_end, section)
                level = len(stack) - 1
            between = []
            self._inline(stack[level], text[m_end:])

    def _change(self, para, text: str, seen: int) -> int:
        """One numbered change of Pasal I ('3. Di antara Pasal 14 dan Pasal 15 disisipkan …'): its number follows
        the one before it."""
        m = re.match(r"^(\s*)(\d{1,3})\.", text)
        if m is None:
            return seen
        written, start = int(m.group(2)), len(m.group(1))
        if written != seen + 1:
            drawn = start < para.body_start
            self.issues.append(SourceIssue("LST-001", f"angka perubahan '{written}.' tidak berurutan; seharusnya "
                                           f"'{seen + 1}.'", f"tulis '{seen + 1}.'", Place(para, start, start + len(str(written)) + 1),
                                           None if drawn else f"{seen + 1}.", drawn))
        return seen + 1

    def _bare(self, stack, kind, index, between, section) -> bool:
        """'b bahwa …' (the marker lost its '.') between 'a.' and 'c.': that paragraph is item b, its marker
        wants the punctuation; the sequence goes on."""
        depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][0] == kind), None)
        if depth is None or kind not in ("letter", "number") or index != stack[depth][1] + 2:
            return False
        want = _format(kind, stack[depth][1] + 1)
        for para, start in between:
            m = re.match(rf"{re.escape(want)}([-,:;]?)(?=\s+\S)", para.text[start:])
            if m and (m.group(1) or re.match(r"\s+[a-z]", para.text[start + m.end():])):
                rule = {"konsiderans": "KON-003", "mengingat": "DH-005"}.get(section) or "LST-001"
                at = start + len(want)
                if m.group(1):      # '3-' for '3.' (an OCR or typing slip)
                    self.issues.append(SourceIssue(rule, f"penanda '{want}{m.group(1)}' seharusnya '{want}.'",
                                                   f"tulis '{want}.'", Place(para, start, at + 1), f"{want}.",
                                                   start < para.body_start))
                else:
                    self.issues.append(SourceIssue(rule, f"penanda '{want}' tanpa titik", f"tulis '{want}.'",
                                                   Place(para, start, at), ".", start < para.body_start,
                                                   insert_at=at))
                del stack[depth + 1:]
                stack[depth][1] += 1
                return True
        return False

    @staticmethod
    def _place(stack: list[list], kind: str, index: int) -> Optional[int]:
        """Continue the innermost open list of ``kind`` (closing the lists inside it), or open a new one."""
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == kind and stack[depth][1] + 1 == index:
                del stack[depth + 1:]
                stack[depth][1] = index
                return depth
        if index == 0:
            stack.append([kind, 0])
            return len(stack) - 1
        return None

    def _out_of_sequence(self, para, stack, kind, index, m_start, m_end, section) -> None:
        depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][0] == kind), None)
        last = stack[depth][1] if depth is not None else None
        expected = 0 if last is None else last + 1
        rule = {"konsiderans": "KON-003", "mengingat": "DH-005"}.get(section) or \
            ("BT-008" if kind == "ayat" else "LST-001")
        written, right = para.text[m_start:m_end], _format(kind, expected)
        what = "berulang" if last is not None and index == last else (
            "meloncat" if index > expected else "tidak berurutan")
        drawn = m_start < para.body_start
        unit = {"ayat": "nomor ayat", "letter": "huruf", "pletter": "huruf", "uletter": "huruf", "number": "angka",
                "pnumber": "angka"}[kind]
        hint = (f"nomor ini dibuat penomoran otomatis Word: atur ulang penomoran daftar (mulai ulang/lanjutkan) "
                f"agar menjadi '{right}'" if drawn else f"tulis '{right}'")
        self.issues.append(SourceIssue(rule, f"{unit} '{written}' {what}; seharusnya '{right}'", hint,
                                       Place(para, m_start, m_end), None if drawn else right, drawn))
        # a typed list is renumbered from here on (each later number its own change); a list Word numbers
        # follows its own count, so one wrong start is one finding
        value = index if drawn else expected
        if depth is None:
            stack.append([kind, value])
        else:
            del stack[depth + 1:]
            stack[depth][1] = value

    @staticmethod
    def _inline(entry: list, rest: str) -> None:
        """Markers that continue the same list inside the paragraph ('…; 2. …; 3. …')."""
        kind = entry[0]
        for m in _INLINE.finditer(rest):
            ayat, letter, number = m.groups()
            if kind == "ayat" and ayat:
                value = int(ayat) - 1
            elif kind == "letter" and letter:
                value = ord(letter) - ord("a")
            elif kind == "number" and number:
                value = int(number) - 1
            else:
                continue
            if value == entry[1] + 1:
                entry[1] = value

    # -- Pasal headings -------------------------------------------------------------------------------
    def pasal_numbers(self) -> None:
        if any(_PASAL_ROMAN.match(p.text.strip()) for p in self.paras):
            return      # a Perubahan: Pasal I/II and the restated Pasal inside them
        expected = 1
        renumbered: dict[str, str] = {}
        headings = set()
        body = False
        for para in self.paras:
            stripped = para.text.strip()
            if re.match(r"^M\s?E\s?M\s?U\s?T\s?U\s?S\s?K\s?A\s?N\b", stripped):
                body = True
            if body and _STOP.match(stripped):
                break
            m = _PASAL.match(stripped)
            if not (body and m):
                continue
            headings.add(para.index)
            number = int(m.group(1))
            if number != expected:
                off = para.text.index(m.group(1), para.text.index("Pasal") + 5)
                what = "berulang" if number == expected - 1 else ("meloncat" if number > expected else "tidak berurutan")
                self.issues.append(SourceIssue(
                    "BT-007", f"nomor 'Pasal {number}' {what}; seharusnya 'Pasal {expected}'",
                    f"tulis 'Pasal {expected}' (dan rujukan kepadanya)", Place(para, off, off + len(m.group(1))),
                    str(expected), off < para.body_start))
                renumbered.setdefault(str(number), str(expected))
            expected += 1
        if not renumbered:
            return
        body = False
        for para in self.paras:
            stripped = para.text.strip()
            if re.match(r"^M\s?E\s?M\s?U\s?T\s?U\s?S\s?K\s?A\s?N\b", stripped):
                body = True
            if not body or para.index in headings:
                continue
            if _STOP.match(stripped):
                break
            for m in _PASAL_REF.finditer(para.text):
                new = renumbered.get(m.group(1))
                if new and new != m.group(1):
                    self.issues.append(SourceIssue(
                        "BT-007", f"rujukan 'Pasal {m.group(1)}' menunjuk pasal yang nomornya menjadi {new}",
                        f"tulis 'Pasal {new}'", Place(para, m.start(1), m.end(1)), new))

    # -- fixed formulae -------------------------------------------------------------------------------
    def formulas(self) -> None:
        nama = self.nama_jenis
        sejak = rumusan.DITETAPKAN if self.jenis == "keputusan" else rumusan.DIUNDANGKAN
        fixed = [
            ("PNT-001", rumusan.mulai_berlaku(nama, sejak), "rumusan mulai berlaku"),
            ("KU-002", rumusan.pembuka_ketentuan_umum(nama), "kalimat pembuka Ketentuan Umum"),
            ("PMB-001", "DENGAN RAHMAT TUHAN YANG MAHA ESA", "frasa pembukaan"),
        ]
        if self.berita:
            fixed.append(("PNT-003", rumusan.perintah_pengundangan(nama, self.berita), "perintah pengundangan"))
        for para in self.paras:
            own = para.text[para.body_start:]
            lead = _DIKTUM_LEAD.match(own)       # ': Keputusan … ditetapkan.' under a 'KELIMA' label
            start = para.body_start + (lead.end() if lead else 0)
            text = squash(para.text[start:])
            if len(text) < 15 or any(text == formula for _, formula, _ in fixed):
                continue
            for rule, formula, name in fixed:
                if abs(len(text) - len(formula)) > 6:
                    continue
                sm = difflib.SequenceMatcher(None, text, formula, autojunk=False)
                if sm.real_quick_ratio() < 0.9 or sm.quick_ratio() < 0.9 or sm.ratio() < 0.9:
                    continue
                self._typo(para, text, formula, rule, name, start)
                break

    def _typo(self, para, text: str, formula: str, rule: str, name: str, start: int) -> None:
        """Word by word: each changed word is one finding and one replacement; a difference of spacing or
        punctuation only is a warning."""
        a, b = text.split(" "), formula.split(" ")
        sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
        letters_only = re.sub(r"[\W_]+", "", text) == re.sub(r"[\W_]+", "", formula)
        # offsets of words in the paragraph's own text
        raw = para.text
        positions, cursor = [], start
        for word in a:
            k = raw.find(word, cursor)
            positions.append((k, k + len(word)))
            cursor = k + len(word)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                continue
            new = " ".join(b[j1:j2])
            if i2 > i1:
                start, end = positions[i1][0], positions[i2 - 1][1]
                old = raw[start:end]
            else:
                start = end = positions[i1][0] if i1 < len(positions) else positions[-1][1]
                new = new + " " if i1 < len(positions) else " " + new
                old = ""
            self.issues.append(SourceIssue(rule, f"{name} ditulis dengan '{old or '…'}'; rumusan baku: '{formula}'",
                                           f"tulis '{new.strip()}'", Place(para, start, end), new,
                                           severity="warning" if letters_only else None))

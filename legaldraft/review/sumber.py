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
_MARK = re.compile(r"^(?:\((?P<ayat>\d+)\)|(?P<pl>[a-z])\)|(?P<pn>\d+)\)|(?P<l>[a-z])\.|(?P<n>\d+)\.)(?=\s|[A-Z])")
_PASAL = re.compile(r"^Pasal\s+(\d+)\s*$")
_PASAL_ROMAN = re.compile(r"^Pasal\s+[IVX]+\s*$")
_PASAL_REF = re.compile(r"\bPasal (\d+)\b")
_STOP = re.compile(r"^(PENJELASAN|LAMPIRAN)\b|^Ditetapkan\s+di\b", re.I)
_BAB = re.compile(r"^BAB\s+[IVXLC]+\b")
DEPTH = {"ayat": 0, "letter": 1, "number": 2, "pletter": 3, "pnumber": 4}


@dataclass
class SourceIssue:
    rule: str
    message: str
    hint: str
    place: Place
    new: Optional[str] = None           # replacement of place's characters (None: a comment only)
    drawn_by_word: bool = False         # the characters are a label Word's numbering draws


def _marker(text: str, start: int) -> Optional[tuple[str, int, int, int]]:
    """(kind, index, start, end) of a list marker at ``start`` of ``text``."""
    m = _MARK.match(text[start:])
    if not m:
        return None
    for kind, group in (("ayat", "ayat"), ("pletter", "pl"), ("pnumber", "pn"), ("letter", "l"), ("number", "n")):
        value = m.group(group)
        if value is not None:
            index = ord(value) - ord("a") if kind in ("letter", "pletter") else int(value) - 1
            return kind, index, start + m.start(group), start + m.end(group)
    return None


def _format(kind: str, index: int) -> str:
    return letters(index) if kind in ("letter", "pletter") else str(index + 1)


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
        section = None          # konsiderans, mengingat, body
        state: dict[str, int] = {}
        for para in self.paras:
            text = para.text
            stripped = text.strip()
            if not stripped:
                continue
            lab = _LABEL.match(text)
            if lab:
                section = {"menimbang": "konsiderans", "mengingat": "mengingat"}.get(lab.group(1).lower(), "other")
                state = {}
            elif re.match(r"^M\s?E\s?M\s?U\s?T\s?U\s?S\s?K\s?A\s?N\b", stripped) or _BAB.match(stripped):
                section, state = "body", {}
            elif _STOP.match(stripped):
                section, state = None, {}
            if section is None:
                continue
            if section == "body" and (_PASAL.match(stripped) or _PASAL_ROMAN.match(stripped)):
                state = {}
                continue
            start = lab.end() if lab else len(text) - len(text.lstrip())
            found = _marker(text, start)
            if found is None:
                if stripped.endswith(":") and section == "body":
                    for kind in [k for k in state if k != "ayat"]:
                        del state[kind]
                continue
            kind, index, m_start, m_end = found
            if section == "konsiderans" and kind != "letter" or section == "mengingat" and kind != "number":
                continue
            for deeper in [k for k in state if DEPTH[k] > DEPTH[kind]]:
                del state[deeper]
            last = state.get(kind)
            expected = 0 if last is None else last + 1
            if index == 0 and last is not None and section == "body" and kind != "ayat":
                state[kind] = 0             # a new list under a new introduction
                continue
            if index != expected:
                rule = {"konsiderans": "KON-003", "mengingat": "DH-005"}.get(section) or \
                    ("BT-008" if kind == "ayat" else "LST-001")
                written = text[m_start:m_end]
                right = _format(kind, expected)
                what = "berulang" if last is not None and index == last else (
                    "meloncat" if index > expected else "tidak berurutan")
                drawn = m_start < para.body_start
                unit = {"ayat": "nomor ayat", "letter": "huruf", "pletter": "huruf", "number": "angka",
                        "pnumber": "angka"}[kind]
                hint = (f"nomor ini dibuat penomoran otomatis Word: atur ulang penomoran daftar (mulai ulang/"
                        f"lanjutkan) agar menjadi '{right}'" if drawn else f"tulis '{right}'")
                self.issues.append(SourceIssue(rule, f"{unit} '{written}' {what}; seharusnya '{right}'", hint,
                                               Place(para, m_start, m_end), None if drawn else right, drawn))
            # a typed list is renumbered from here on (each later number its own change); a list Word numbers
            # follows its own count, so one wrong start is one finding
            state[kind] = index if (index == expected or m_start < para.body_start) else expected

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
            text = squash(para.text[para.body_start:])
            if len(text) < 15 or any(text == formula for _, formula, _ in fixed):
                continue
            for rule, formula, name in fixed:
                if abs(len(text) - len(formula)) > 6:
                    continue
                sm = difflib.SequenceMatcher(None, text, formula, autojunk=False)
                if sm.real_quick_ratio() < 0.9 or sm.quick_ratio() < 0.9 or sm.ratio() < 0.9:
                    continue
                self._typo(para, text, formula, rule, name)
                break

    def _typo(self, para, text: str, formula: str, rule: str, name: str) -> None:
        """Word by word: each changed word is one finding and one replacement."""
        a, b = text.split(" "), formula.split(" ")
        sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
        # offsets of words in the paragraph's own text
        raw = para.text
        positions, cursor = [], para.body_start
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
                                           f"tulis '{new.strip()}'", Place(para, start, end), new))

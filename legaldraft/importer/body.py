"""Batang tubuh (BAB / Bagian / Paragraf / Pasal / ayat / rincian / definisi) and Keputusan diktum -> spec dicts.

Whatever does not form a structure that the model prints identically is kept as the verbatim ``teks`` of its
Pasal (or diktum), with a warning naming the source line.
"""
from __future__ import annotations

import re

from ..naskah import rumusan
from ..naskah.numbers import from_roman, ordinal, roman
from .items import Mismatch, Para, butir_list, is_open, paragraphs, tree
from .text import Line, Notes
from ..naskah.assembler import definisi_text
from ..model import Definisi
from .tables import table_from_lines

BAB = re.compile(r"^BAB\s+([IVXLC]+|[0-9lIO]+)\s*$", re.I)
BAB_INLINE = re.compile(r"^BAB\s+([IVXLC]+)\s+(\S.*)$")
BAGIAN = re.compile(r"^Bagian\s+(Ke\w+(?:\s+(?:Belas|Puluh))?)\s*$", re.I)
PARAGRAF = re.compile(r"^Paragraf\s+([0-9lIO]+)\s*$", re.I)
PASAL = re.compile(r"^Pasal\s+([0-9lIO]+[A-Z]?)\s*$")
DIKTUM = re.compile(r"^(KE(?:SATU|DUA|TIGA|EMPAT|LIMA|ENAM|TUJUH|DELAPAN|SEMBILAN|SEPULUH|SEBELAS)"
                    r"(?:\s+(?:BELAS|PULUH(?:\s+\w+)?))?)\s*(?::\s*(.*))?$")
KETENTUAN_UMUM = re.compile(r"yang dimaksud dengan\s*:?\s*$", re.I)


def raw_text(lines: list[Line]) -> str:
    """Verbatim text, one paragraph a line: lines broken mid-sentence are joined, markers kept as written."""
    return "\n".join(f"{p.marker} {p.text}".strip() for p in paragraphs(lines, expect_sequence=False))


_PASAL_GLUED = re.compile(r"^(Pasal\s+\d+[A-Z]?)\s+(?=[A-Z(])(?!Ayat\b)(\S.*)$")


def _headings_apart(lines: list[Line]) -> list[Line]:
    """'Pasal 1 Dengan Keputusan ini, …' (a copy that lost the line break after a heading) -> the heading and its
    text; only where a new paragraph can begin (the line before is closed), not a reference at a line start."""
    out: list[Line] = []
    for ln in lines:
        m = _PASAL_GLUED.match(ln.text)
        if m and (not out or not is_open(out[-1].text) or is_heading(out[-1].text)):
            out += [Line(ln.no, m.group(1)), Line(ln.no, m.group(2))]
        else:
            out.append(ln)
    return out


_LOOSE_BAB = re.compile(r"^B\s?A\s?B\s*([IVXLC1lm]{1,6})\s*$")
_LOOSE_PASAL = re.compile(r"^P[a-z.,:'!]{1,5}\s*[.,]?\s*([0-9lIO]{1,3})\s*$")
_ROMAN_OCR = str.maketrans({"l": "I", "1": "I"})


def loose_headings(lines: list[Line], notes: Notes) -> list[Line]:
    """OCR'd headings in the body ('BABI', 'BABm', 'Paaal 1', 'Paw 24', 'Pasa.119') read as BAB / Pasal where the
    number is the one that comes next in the document's own sequence, so that a line of text is never taken
    for a heading on its shape alone."""
    out: list[Line] = []
    bab = pasal = 0
    for ln in lines:
        text = ln.text.strip()
        if (m := BAB.match(text)) or (m := BAB_INLINE.match(text)):
            bab = from_roman(m.group(1)) or (int(m.group(1)) if m.group(1).isdigit() else 0) or bab + 1
        elif (m := PASAL.match(text)) and m.group(1).isdigit():
            pasal = int(m.group(1))
        elif (m := _LOOSE_BAB.match(text)):
            label = m.group(1).translate(_ROMAN_OCR).replace("m", "III")
            if label == roman(bab + 1):
                bab += 1
                notes.info(ln.no, f"judul BAB hasil OCR '{text}' dibaca 'BAB {label}'")
                notes.headings[ln.no] = f"BAB {label}"
                ln = Line(ln.no, f"BAB {label}")
        elif (m := _LOOSE_PASAL.match(text)) and not text.startswith("Pasal "):
            number = m.group(1).translate(str.maketrans({"l": "1", "I": "1", "O": "0"}))
            for cand in (number, number[1:]):          # 'Pasa.119': the 'l' of Pasal read as '1'
                if cand.isdigit() and int(cand) == pasal + 1:
                    pasal += 1
                    notes.info(ln.no, f"judul Pasal hasil OCR '{text}' dibaca 'Pasal {pasal}'")
                    notes.headings[ln.no] = f"Pasal {pasal}"
                    ln = Line(ln.no, f"Pasal {pasal}")
                    break
        out.append(ln)
    return out


def is_heading(text: str) -> bool:
    return bool(BAB.match(text) or BAB_INLINE.match(text) or BAGIAN.match(text) or PARAGRAF.match(text)
                or PASAL.match(text))


class BodyParser:
    def __init__(self, nama_jenis: str, notes: Notes):
        self.nama_jenis = nama_jenis
        self.notes = notes
        self.pasal_no = 0

    # -- structure ----------------------------------------------------------------------------------
    def parse(self, lines: list[Line]) -> list[dict]:
        body: list[dict] = []
        bab = bagian = paragraf = None
        i = 0
        lines = _headings_apart([ln for ln in lines if not ln.blank])
        while i < len(lines):
            text = lines[i].text
            if (m := BAB.match(text)) or (m := BAB_INLINE.match(text)):
                title, i = self._title(lines, i + 1) if m.re is BAB else (m.group(2), i + 1)
                bab = {"bab": title or "", "isi": []}
                body.append(bab)
                bagian = paragraf = None
                continue
            if BAGIAN.match(text):
                title, i = self._title(lines, i + 1)
                bagian = {"bagian": title or "", "isi": []}
                paragraf = None
                self._container(body, bab, None, None, lines[i - 1].no).append(bagian)
                continue
            if PARAGRAF.match(text):
                title, i = self._title(lines, i + 1)
                paragraf = {"paragraf": title or "", "isi": []}
                self._container(body, bab, bagian, None, lines[i - 1].no).append(paragraf)
                continue
            if PASAL.match(text):
                start = i + 1
                i = start
                while i < len(lines) and not is_heading(lines[i].text):
                    i += 1
                self.pasal_no += 1
                pasal = self.pasal(lines[start:i], lines[start - 1].no)
                self._container(body, bab, bagian, paragraf, lines[start - 1].no).append(pasal)
                continue
            # text before the first Pasal: kept as a Pasal of its own so that nothing is lost
            start = i
            while i < len(lines) and not is_heading(lines[i].text):
                i += 1
            self.notes.warn(lines[start].no, "teks di luar Pasal disimpan sebagai Pasal apa adanya; periksa")
            self.pasal_no += 1
            body.append(self._raw(lines[start:i]))
        return body

    def _container(self, body, bab, bagian, paragraf, no) -> list:
        for holder in (paragraf, bagian, bab):
            if holder is not None:
                return holder["isi"]
        return body

    def _title(self, lines: list[Line], i: int) -> tuple[str, int]:
        """A heading's name runs up to the next heading (a BAB, Bagian or Paragraf is always followed by one),
        which also rejoins a name broken over two lines."""
        parts = []
        while i < len(lines) and not is_heading(lines[i].text):
            parts.append(lines[i].text)
            i += 1
        return " ".join(parts), i

    # -- one Pasal ----------------------------------------------------------------------------------
    def _raw(self, lines: list[Line]) -> dict:
        return {"pasal": f"pasal-{self.pasal_no}", "teks": raw_text(lines) or "-"}

    def pasal(self, lines: list[Line], heading_no: int) -> dict:
        ident = f"pasal-{self.pasal_no}"
        if not lines:
            self.notes.warn(heading_no, f"Pasal {self.pasal_no} kosong")
            return {"pasal": ident, "teks": "-"}
        paras = paragraphs(lines)
        try:
            return {"pasal": ident, **self._pasal_content(paras, ident)}
        except Mismatch as exc:
            self.notes.warn(exc.no, f"Pasal {self.pasal_no}: {exc}; isi Pasal disimpan apa adanya (teks)")
            return self._raw(lines)

    def _pasal_content(self, paras: list[Para], ident: str) -> dict:
        first = paras[0]
        if first.kind is None and KETENTUAN_UMUM.search(first.text) and len(paras) > 1 \
                and all(p.kind == "number" for p in paras[1:]):
            return self._definisi(first, paras[1:])
        mulai = re.fullmatch(rf"{re.escape(self.nama_jenis)} ini mulai berlaku (.+)\.", first.text)
        if len(paras) == 1 and mulai:
            tail = mulai.group(1)
            return {"formula": "mulai_berlaku", **({"berlaku": tail} if tail != rumusan.DIUNDANGKAN else {})}
        ayat_kind = "ayat" if first.kind == "ayat" else ("number" if first.kind == "number" and first.index == 0
                                                          and any(p.kind == "letter" for p in paras) else None)
        if ayat_kind is None and first.kind == "number" and first.index == 0 \
                and sum(p.kind == "number" for p in paras) >= 2 and not any(p.kind for p in paras if p.kind not in ("number",)):
            ayat_kind = "number"
        if ayat_kind:
            return {"ayat": self._ayat(paras, ayat_kind, ident)}
        root = tree(paras)
        if not root.children and len(root.tail) > 1:
            raise Mismatch(root.tail[1].no, "beberapa paragraf tanpa penanda")
        head = root.tail[0] if root.tail and (not root.children or root.tail[0].no < root.children[0].para.no) else None
        if head is None:
            raise Mismatch(paras[0].no, "rincian tanpa kalimat pembuka")
        out: dict = {"teks": head.text}
        if root.children:
            out["rincian"] = butir_list(root.children, 0)
        rest = [t for t in root.tail if t is not head]
        if rest:
            out["teks_akhir"] = " ".join(t.text for t in rest)
        return out

    def _ayat(self, paras: list[Para], ayat_kind: str, ident: str) -> list[dict]:
        groups: list[list[Para]] = []
        expected = 0
        for p in paras:
            if p.kind == ayat_kind and p.index == expected and (ayat_kind == "ayat" or not self._nested_number(groups, p)):
                groups.append([p])
                expected += 1
            elif groups:
                groups[-1].append(p)
            else:
                raise Mismatch(p.no, "teks sebelum ayat (1)")
        out = []
        for n, group in enumerate(groups, start=1):
            head, rest = group[0], group[1:]
            item: dict = {"id": f"{ident}-ayat-{n}", "teks": head.text}
            root = tree(rest)
            if root.tail and root.children and root.tail[0].no < root.children[0].para.no:
                raise Mismatch(root.tail[0].no, "paragraf tanpa penanda di dalam ayat")
            if root.children:
                item["rincian"] = butir_list(root.children, 0)
            if root.tail:
                if not root.children:
                    raise Mismatch(root.tail[0].no, "paragraf tanpa penanda di dalam ayat")
                item["teks_akhir"] = " ".join(t.text for t in root.tail)
            out.append(item)
        return out

    @staticmethod
    def _nested_number(groups: list[list[Para]], p: Para) -> bool:
        """In an ayat written '1.', a '2.' continues a numbered list nested under a letter when one is open."""
        if not groups:
            return False
        current = groups[-1][1:]
        kinds = [q.kind for q in current]
        if "number" not in kinds:
            return False
        last_number = max(i for i, q in enumerate(current) if q.kind == "number")
        last_letter = max((i for i, q in enumerate(current) if q.kind == "letter"), default=-1)
        return last_number > last_letter and current[last_number].index + 1 == p.index

    def _definisi(self, opening: Para, items: list[Para]) -> dict:
        out: dict = {"definisi": [definisi(p.text) for p in items]}
        if opening.text != rumusan.pembuka_ketentuan_umum(self.nama_jenis):
            out["pembuka"] = opening.text
        for expected, p in enumerate(items):
            if p.index != expected:
                raise Mismatch(p.no, "nomor definisi tidak berurutan")
        return out


_DEF = re.compile(r"^(?P<istilah>.+?)(?:,)? yang selanjutnya (?P<sebutan>disingkat|disebut) (?P<singkatan>.+?) adalah (?P<arti>.+)$")
_DEF_PLAIN = re.compile(r"^(?P<istilah>.+?) adalah (?P<arti>.+)$")


def definisi(text: str) -> dict:
    """'Istilah yang selanjutnya disingkat X adalah arti' -> fields, when printing them gives back the text."""
    for pattern in (_DEF, _DEF_PLAIN):
        m = pattern.match(text)
        if m:
            data = {k: v for k, v in m.groupdict().items() if v}
            if data.get("sebutan") == "disingkat":
                data.pop("sebutan")
            if definisi_text(Definisi.model_validate(data)) == text:
                return data
    return {"teks": text}


# -- Keputusan --------------------------------------------------------------------------------------
def diktum_label(text: str) -> tuple[str, str] | None:
    m = DIKTUM.match(text)
    if not m:
        return None
    return m.group(1), (m.group(2) or "").strip()


def parse_diktum(lines: list[Line], nama_jenis: str, notes: Notes) -> tuple[list[dict], str | None]:
    """Diktum paragraphs -> (diktum dicts, verbatim mulai_berlaku or None when it is the generated one)."""
    groups: list[list[Line]] = []
    for ln in lines:
        if ln.blank:
            continue
        label = diktum_label(ln.text)
        if label:
            text = label[1]
            groups.append([Line(ln.no, text)] if text else [])
            continue
        if ln.text.startswith(":") and groups is not None and groups and not groups[-1]:
            groups[-1].append(Line(ln.no, ln.text[1:].strip()))
            continue
        if not groups:
            notes.warn(ln.no, "teks sebelum diktum KESATU disimpan sebagai diktum; periksa")
            groups.append([])
        groups[-1].append(ln)
    out = [d for d in (_diktum(g, i, notes) for i, g in enumerate(groups)) if d]
    mulai = None
    if out and "mulai berlaku" in out[-1].get("teks", "") and len(out[-1]) <= 2 and "rincian" not in out[-1]:
        last = out.pop()["teks"]
        if last != rumusan.mulai_berlaku(nama_jenis, rumusan.DITETAPKAN):
            mulai = last
    return out, mulai


def _diktum(lines: list[Line], i: int, notes: Notes) -> dict | None:
    ident = f"diktum-{ordinal(i + 1).lower().replace(' ', '-')}"
    if not lines:
        notes.warn(None, f"Diktum {ordinal(i + 1).upper()} kosong")
        return {"id": ident, "teks": "-"}
    table_lines = [ln for ln in lines if ln.table is not None or ln.text.startswith("|")]
    text_lines = [ln for ln in lines if ln not in table_lines]
    paras = paragraphs(text_lines)
    try:
        root = tree(paras)
        head = root.tail[0] if root.tail else None
        if head is None or (root.children and head.no > root.children[0].para.no):
            raise Mismatch(paras[0].no, "rincian tanpa kalimat pembuka")
        out: dict = {"id": ident, "teks": head.text}
        if root.children:
            out["rincian"] = butir_list(root.children, 0)
        if len(root.tail) > 1:
            if not root.children:
                raise Mismatch(root.tail[1].no, "beberapa paragraf tanpa penanda")
            out["teks_akhir"] = " ".join(t.text for t in root.tail[1:])
    except Mismatch as exc:
        notes.warn(exc.no, f"Diktum {ordinal(i + 1).upper()}: {exc}; disimpan apa adanya (teks)")
        out = {"id": ident, "teks": raw_text(text_lines)}
    if table_lines:
        out["tabel"] = table_from_lines(table_lines)
    return out

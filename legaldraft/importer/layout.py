"""The opening of a real copy in any layout -> the canonical lines the parser reads.

Copies of issued regulations come flattened (a whole title block and konsiderans on one line), with labels
displaced ('Menimbang Mengingat : :' before the points, 'Menimbang' before 'DENGAN RAHMAT'), with point letters
lost or detached into a column ('a. b. c.' before the texts), OCR'd ('NOM OR', 'NOMOIR', '2O2O'). The parser
expects the opening as lines: the kop, ``PERATURAN <JABATAN> <DAERAH>``, ``NOMOR n TAHUN t``, ``TENTANG``, the
name, the pembukaan, ``<JABATAN>,``, ``Menimbang : a. bahwa …``, ``b. …``, ``Mengingat : 1. …``.

:func:`normalise_opening` leaves an opening that is already in that form untouched; otherwise it joins the
opening (everything before MEMUTUSKAN / Menetapkan / the first BAB or Pasal) and cuts it again by content:
the title block by its fixed words, the konsiderans as the run of 'bahwa …' points, the Mengingat as the run
of numbered (or ';'-separated) citations of regulations. Nothing of the source's words is dropped except
the labels and markers it re-writes.
"""
from __future__ import annotations

import re
from typing import Optional

from .items import join
from .text import KEPALA_DAERAH, Line, Notes

_LABEL_WORD = r"(?:Menimbang|MENIMBANG|Mengingat|MENGINGAT)"
_BODY = re.compile(r"^(?:M\s?E\s?M\s?U\s?T\s?U\s?S\s?K\s?A\s?N|Memutuskan|MENETAPKAN|Menetapkan|BAB\s+[IVX]+\b|Pasal\s+1\b)")
_KIND = re.compile(rf"\b(PERATURAN|KEPUTUSAN|INSTRUKSI)\s+({KEPALA_DAERAH})\b")
_NOMOR = re.compile(r"\b(?:N\s?O\s?M\s?O\s?R|NO)\b\s*:?\s*", re.I)
_TENTANG = re.compile(r"\bT\s?E\s?N\s?T\s?A\s?N\s?G\b\s*:?")
_PEMBUKAAN = re.compile(r"\b(?:BI\s?SMI\s?LLA\S*(?:\s+\S+){0,4}?\s+)?DENGAN\s+(?:RAHMAT|NAMA|RAKHMAT)\b.*?\b(?:ESA|KUASA|PENYAYANG)\b"
                        r"(?:\s+ATAS\s+RAHMAT\s+ALLAH\s+YANG\s+MAHA\s+ESA)?\.?")
_CITATION_START = r"(?:Undang|UNDANG|Peraturan|PERATURAN|Keputusan|Pasal|Qanun|Instruksi|Surat|Penetapan)\b"
# a Mengingat number: not the number of an ayat, angka, Nomor or Tahun running on into a citation
_NUM_ITEM = re.compile(rf"(?<![\w(/.-])(?<!ayat )(?<!Ayat )(?<!angka )(?<!Nomor )(?<!Tahun )(?<!Pasal )"
                       rf"(\d{{1,2}})(?:\s?[.,\-]?\s+|[.,](?=[A-Z]))(?={_CITATION_START})")
_LETTER_POINT = re.compile(r"(?<![\w(])(?<!huruf )([a-zA-Z])\s?\.?\s+(?=(?:bahwa|Bahwa|berdasarkan)\b)")


def _amended_name(texts: list[str], i: int) -> bool:
    """The name of a Perubahan or Pencabutan ('PERUBAHAN ATAS PERATURAN BUPATI X NOMOR 4 TAHUN 2019 TENTANG …',
    over one line or more) holds a judul of its own: no sign of a flattened opening."""
    for k in range(i, max(-1, i - 3), -1):
        if re.match(r"^(?:PERUBAHAN|PENCABUTAN)\b", texts[k]):
            return True
        if k < i and (re.match(r"^TENTANG\b", texts[k]) or not texts[k].isupper()):
            return False
    return False


def _has_flattening(texts: list[str]) -> bool:
    if any((p := _PEMBUKAAN.search(t)) and p.start() > 0 for t in texts):
        return True         # the pembukaan glued after other words ('… KABUPATEN BANGLI DENGAN RAHMAT …')
    texts = [t for i, t in enumerate(texts) if not _amended_name(texts, i)]
    for t in texts:
        anchors = 0
        anchors += bool(_KIND.search(t)) and bool(_TENTANG.search(t))
        anchors += len(re.findall(r"(?:^|[;.]\s|\s[a-z]\.\s)bahwa\b", t)) >= 2
        anchors += len(_NUM_ITEM.findall(t)) >= 2
        anchors += bool(re.search(rf"\S\s+{_LABEL_WORD}\b", t)) and not re.match(r"^[a-z0-9]", t)
        kind = _KIND.search(t)      # the kop glued before the judul, or the judul glued to its NOMOR line
        anchors += bool(kind) and kind.start() > 0 and not re.search(r"\bATAS$", t[: kind.start()].strip().upper()) \
            and bool(re.search(r"\bNOMOR\b", t[kind.end():]))
        if anchors:
            return True
    if any(re.match(r"^[a-z]\s+bahwa\b", t) or (re.search(r"\bNOMOR\b", t) and _TENTANG.search(t))
           or re.fullmatch(r"[a-z]\s?\.|\d{1,2}\s?\.", t)                       # a marker alone on its line
           or re.match(rf"^{_LABEL_WORD}\s*:?\s+[a-z](?![.)]\s)", t)             # a label inside a running sentence
           for t in texts):
        return True
    labels = [i for i, t in enumerate(texts) if re.match(rf"^{_LABEL_WORD}\b\s*:?\s*$", t)]
    judul = next((i for i, t in enumerate(texts) if _KIND.match(t)), None)
    if labels and judul is not None and labels[0] < judul:
        return True         # a label displaced above the judul (a scan read column by column)
    for i in labels:       # a label alone on its line followed by another label or a detached marker column
        k = i + 1 + (i + 1 < len(texts) and texts[i + 1].strip() == ":")      # (its colon on a line of its own)
        nxt = texts[k] if k < len(texts) else ""
        if re.match(rf"^({_LABEL_WORD}\b|:\s*[a-z1-9]\.|[a-z1-9]\.\s*$)", nxt):
            return True
    if not any(re.match(rf"^{_LABEL_WORD}\b", t) for t in texts):
        return any(re.search(r"\bbahwa\b", t) for t in texts)
    return False


def _labels_apart(lines: list[Line]) -> list[Line]:
    """A label left at the end of the point before it ('… ditetapkan dengan Peraturan Bupati. Mengingat', the
    items on the next lines) goes on a line of its own."""
    out: list[Line] = []
    for ln in lines:
        m = re.match(rf"^(.*[.;,])\s+({_LABEL_WORD})\s*:?\s*$", ln.text)
        out += [Line(ln.no, m.group(1)), Line(ln.no, m.group(2))] if m else [ln]
    return out


def normalise_opening(lines: list[Line], notes: Notes) -> list[Line]:
    lines = _labels_apart(lines)
    end = next((i for i, ln in enumerate(lines) if _BODY.match(ln.text)), len(lines))
    head = [ln for ln in lines[:end] if not ln.blank]
    if not head or not _has_flattening([ln.text for ln in head]):
        return lines
    no = head[0].no
    text = ""
    for ln in head:      # a word broken at a line end by a hyphen ('Undang-' / 'Undang') is one word again
        text = join(text, ln.text) if text else ln.text
    rebuilt = _opening_lines(text)
    if rebuilt is None:
        return lines
    notes.info(no, "tata letak bagian pembuka (judul, Menimbang, Mengingat) disusun ulang dari isinya")
    out = [Line(no, t) if t else Line(no, "") for t in rebuilt]
    return out + lines[end:]


#: the judul's daerah, a number and 'TAHUN yyyy' with nothing between: a title block whose NOMOR and TENTANG the
#: OCR lost (the name follows the year)
_BARE_TAHUN = re.compile(r"(?:\s+[A-Z][A-Z.'-]*){1,4}?\s+(?P<nomor>[0-9IlO]{1,4})\s+TAHUN\s+(?P<tahun>(?:19|20)\d{2})\b")


def _opening_lines(text: str) -> Optional[list[str]]:
    # the judul: the last title block (kind, NOMOR, TENTANG) before the pembukaan; an earlier one is a cover
    # (a Berita Daerah cover repeats the judul), one inside a name is the regulation amended or revoked
    opening = _PEMBUKAAN.search(text)
    kind = None
    for cand in _KIND.finditer(text):
        if opening is not None and cand.start() > opening.start() and kind is not None:
            break
        window = text[cand.end(): cand.end() + 220]
        before = text[max(0, cand.start() - 14): cand.start()].strip().upper()
        if re.search(r"(?:\bATAS|PENCABUTAN|PELAKSANAAN|MENCABUT)$", before):
            continue
        t = _TENTANG.search(window)
        if t and _NOMOR.search(window[: t.start()]) or not t and _BARE_TAHUN.match(window):
            kind = cand
            if opening is None:
                break
    if kind is None:
        return None
    kop = re.sub(r"^\(\d{1,3}\)\s*", "", text[: kind.start()].strip())
    kop = re.sub(rf"\b{_LABEL_WORD}\b\s*:?", " ", kop).strip()     # labels displaced above the title
    rest = text[kind.start():]
    t = _TENTANG.search(rest, 0, 240)
    bare = _BARE_TAHUN.match(rest, kind.end() - kind.start()) if t is None else None
    if t is None and bare is None:
        return None
    if bare is not None:
        # NOMOR and TENTANG lost to the OCR ('PERATURAN WALIKOTA X / II / TAHUN / 2015 / ALOKASI DANA DESA'): the
        # number before 'TAHUN yyyy' ends the judul, the name follows it
        judul = rest[: bare.start("nomor")].strip()
        nomor_line = f"NOMOR {bare.group('nomor')} TAHUN {bare.group('tahun')}"
        before, after = rest[: bare.end()].strip(), rest[bare.end():].strip()
        n = None
    else:
        before, after = rest[: t.start()].strip(), rest[t.end():].strip()
        n = _NOMOR.search(before)
        judul = before[: n.start()].strip() if n else before
        nomor_line = "NOMOR " + before[n.end():].strip() if n else ""
    extra_top: list[str] = []
    # 'SALINAN' and page marks glued into the title block belong above it
    if "SALINAN" in nomor_line:
        nomor_line = nomor_line.replace("SALINAN", " ")
        extra_top.append("SALINAN")
    nomor_line = re.sub(r"(\d)(TAHUN)\b", r"\1 \2", re.sub(r"\s+", " ", nomor_line)).strip()
    nomor_line = re.sub(r"\s+[^\w\s]+$", "", nomor_line)          # OCR specks after the year
    # the name runs to the pembukaan, or to the jabatan line, or to the first label / point
    jabatan = _jabatan_pattern(judul)
    # (the jabatan line of an older Keputusan has no comma: it is the jabatan when a label follows it)
    jab = re.search(rf"{jabatan}\s*(?:,|(?=\s*\b{_LABEL_WORD}\b))", after) if jabatan else None
    hard = [m.start() for m in (_PEMBUKAAN.search(after), jab) if m is not None]
    soft = [m.start() for m in (re.search(rf"\b{_LABEL_WORD}\b", after), re.search(r"(?:^|\s)[a-z]?\.?\s*bahwa\b", after))
            if m is not None]
    # the name runs to the pembukaan or the jabatan line; a label displaced into it is not part of it
    cut = min(hard) if hard and (not soft or min(hard) < min(soft) + 200) else min(soft) if soft else len(after)
    nama = re.sub(rf"\s*\b{_LABEL_WORD}\b\s*:?\s*(?:[a-z]\s?\.\s+)?", " ", after[:cut]).strip()
    after = after[cut:]
    pembukaan = _PEMBUKAAN.search(after[:400])
    opening: list[str] = []
    if pembukaan:
        opening.append(pembukaan.group(0).strip())
        after = after[: pembukaan.start()] + " " + after[pembukaan.end():]
    jab_line = None
    if jabatan and (m := re.search(rf"{jabatan}\s*(?:,|(?=\s*\b{_LABEL_WORD}\b))", after[:400])):
        jab_line = m.group(0).replace(" ,", ",").strip()
        after = after[: m.start()] + " " + after[m.end():]
    head = [*extra_top, *_kop_lines(kop), judul, nomor_line, "TENTANG", nama, "", *opening]
    if jab_line:
        head.append(jab_line)
    body = _sections(after)
    if body is None:
        return None
    return [h for h in head if h is not None] + body


def _jabatan_pattern(judul: str) -> Optional[str]:
    m = re.match(r"^(?:PERATURAN|KEPUTUSAN|INSTRUKSI)\s+(.+)$", judul)
    if not m:
        return None
    words = m.group(1).split()
    # (and a daerah cut short in the judul by a broken text layer, 'PESAWAR' for PESAWARAN, still ends it)
    # (a speck inside a word, 'KOTA.MOBAGU', is not in the jabatan line)
    return r"\s+".join(re.escape(re.sub(r"(?<=\w)[.'](?=\w)", "", w)) for w in words) + r"[A-Z]{0,4}"


def _kop_lines(kop: str) -> list[str]:
    if not kop:
        return []
    parts = re.split(r"\s+(?=PROVINSI|PROPINSI|SALINAN\b)|(?<=SALINAN)\s+", kop)     # ('PROVINSISULAWESI…' glued)
    return [p.strip() for p in parts if p.strip()]


def _sections(text: str) -> Optional[list[str]]:
    """'… bahwa …; b. bahwa …; 1. Undang-Undang …; 2. …' (labels anywhere) -> Menimbang / Mengingat lines."""
    text = re.sub(rf"\b{_LABEL_WORD}\b\s*:?", " ", text)
    text = re.sub(r"(?<=\s):(?=\s)|^\s*:", " ", text)
    # a column of detached markers ('a. b. c.', '1. 2. 3.') carries no text: drop it, the points are cut by content
    text = re.sub(r"(?:(?<=\s)|^)(?:[a-z]\s?\.\s+){2,}(?=\S)", " ", text)
    text = re.sub(r"(?:(?<=\s)|^)(?:\d{1,2}\s?\.\s+){2,}(?=\S)", " ", text)
    # a final ';' stays: where the copy stops after the konsiderans it closes the last point (Balangan 20/2012)
    text = re.sub(r"\s+", " ", text).lstrip(" ,;:").rstrip(" ,:")
    first_cite = _first_citation(text)
    kons, ing = (text[:first_cite], text[first_cite:]) if first_cite is not None else (text, "")
    points = _points(kons)
    items = _items(ing)
    if not points:
        return None
    out = []
    if len(points) == 1 and not _LETTER_POINT.match(kons.strip()):
        out.append(f"Menimbang : {points[0]}")
    else:
        for i, p in enumerate(points):
            out.append(("Menimbang : " if i == 0 else "") + f"{chr(ord('a') + i)}. {p}")
    for i, item in enumerate(items):
        out.append(("Mengingat : " if i == 0 else "") + f"{i + 1}. {item}")
    return out


def _first_citation(text: str) -> Optional[int]:
    """Where the Mengingat begins: the first numbered citation, or the first citation after the last point's
    closing ';' / '.'."""
    m = _NUM_ITEM.search(text)
    if m and m.group(1) == "1":
        return m.start()
    # (an item whose number was lost to a bare point: '…; .Undang-Undang …')
    closing = [c.end() for c in re.finditer(rf"[;.]\s+(?:[.,]\s?)?(?={_CITATION_START})", text)]
    last_bahwa = max((b.start() for b in re.finditer(r"\bbahwa\b", text)), default=0)
    after = [c for c in closing if c > last_bahwa]
    if after:
        return after[0]
    return m.start() if m else None


def _points(text: str) -> list[str]:
    text = text.strip()
    starts = [m.start() for m in _LETTER_POINT.finditer(text)]
    # points whose letter was lost: 'bahwa' after a closing ';' or '.'
    # (or after a ':' that should have been ';': '… dalam menjalankan tugas: bahwa berdasarkan …')
    starts += [m.start() + 1 for m in re.finditer(r"(?<![\s(][a-zA-Z])(?<!^[a-zA-Z])[;.:]\s+(?=bahwa\b)", text)]
    starts = sorted(set(s for s in starts))
    if not starts or starts[0] > 0 and not text[: starts[0]].strip(" .:"):
        starts = [0] + starts if starts and starts[0] > 0 else starts or [0]
    if starts[0] != 0:
        starts = [0] + starts
    out = []
    for a, b in zip(starts, starts[1:] + [len(text)]):
        seg = text[a:b].strip()
        if not out:      # residue before the first point: a marker, a page number, a colon
            seg = re.sub(r"^(?:(?:[a-zA-Z]\s?\.|\d{1,3}|[.:,])\s+)+(?=(?:[a-zA-Z]\s?\.?\s+)?(?:bahwa|Bahwa|berdasarkan)\b)", "", seg)
        seg = re.sub(r"^[a-zA-Z]\s?\.?\s+(?=(?:bahwa|Bahwa|berdasarkan)\b)", "", seg).strip(" :")
        if re.fullmatch(r"[a-zA-Z]\s?\.?|[.,;:]", seg):      # a marker cut off from its point by the second rule
            continue
        if seg:
            out.append(seg)
    return out


def _items(text: str) -> list[str]:
    text = text.strip()
    if not text:
        return []
    starts = [m.start() for m in _NUM_ITEM.finditer(text)]
    starts += [m.end() for m in re.finditer(rf"[;:]\s+(?:[.,]\s?)?(?={_CITATION_START})", text)]   # ':' is an OCR'd ';' 
    if (tail := re.search(r"(?<=[;.]\s)\d{1,2}\s?\.\s+[A-Z][\w-]*$", text)):    # the copy stops inside an item
        starts.append(tail.start())
    starts = sorted(set([0] + starts))
    out = []
    for a, b in zip(starts, starts[1:] + [len(text)]):
        seg = re.sub(r"^\d{1,2}\s?[.,\-]?\s+", "", text[a:b].strip()).strip()
        if seg:
            out.append(seg)
    return out

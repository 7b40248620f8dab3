"""One lampiran: header (generated, so only read), judul, prose chapters, lists, tables, closing signature."""
from __future__ import annotations

import re

from .items import paragraphs
from .tables import is_table_line, table_from_lines
from .text import Line

_HEAD = re.compile(r"^(LAMPIRAN\b|(PERATURAN|KEPUTUSAN)\s+(BUPATI|WALI)|NOMOR\b|TANGGAL\b|TENTANG\b)")
_BAB = re.compile(r"^BAB\s+([IVXLC]+)\s*$")
_SUB = re.compile(r"^([A-Z])\.\s+(\S.*)$")


def _squash(text: str) -> str:
    return re.sub(r"\W", "", text.upper())


def parse_lampiran(lines: list[Line], doc, index: int) -> dict:
    i = 0
    tentang = None     # the name repeated in the header, read until it is complete
    title = _squash(doc.title_upper)
    while i < len(lines):
        ln = lines[i]
        if ln.blank:
            if tentang is not None:
                break
            i += 1
            continue
        if tentang is None and _HEAD.match(ln.text):
            if ln.text.startswith("TENTANG"):
                tentang = ln.text[len("TENTANG"):].strip(" :")
            if ln.text.startswith("TANGGAL") and doc.profile_data is not None:
                doc.profile_data["lampiran_tanggal"] = True
            i += 1
            if tentang is not None and title and _squash(tentang) == title:
                break
            continue
        if tentang is not None and ln.text.isupper() and (not title or len(_squash(tentang)) < len(title)):
            tentang = f"{tentang} {ln.text}"
            i += 1
            if title and _squash(tentang) == title:
                break
            continue
        break
    lines = lines[i:]
    out: dict = {}
    judul, lines = _judul(lines)
    if judul:
        out["judul"] = judul
    lines, signed = _signature(lines, doc)
    if not signed:
        out["tanda_tangan"] = False
    isi = blocks([ln for ln in lines])
    if isi:
        out["isi"] = isi
    return out


def _judul(lines: list[Line]) -> tuple[str, list[Line]]:
    k = 0
    while k < len(lines) and lines[k].blank:
        k += 1
    parts = []
    while k < len(lines) and not lines[k].blank and lines[k].text.isupper() and not is_table_line(lines[k]) \
            and not _BAB.match(lines[k].text):
        parts.append(lines[k].text)
        k += 1
    return " ".join(parts), lines[k:]


def _signature(lines: list[Line], doc) -> tuple[list[Line], bool]:
    body = [ln for ln in lines if not ln.blank]
    if len(body) >= 2:
        jabatan = body[-2].text
        expected = (doc.spec.get("penetapan", {}).get("jabatan") or doc.profile_.jabatan)
        if jabatan.rstrip(",") == expected and jabatan.endswith(","):
            cut = lines.index(body[-2])
            return lines[:cut], True
    return lines, False


def blocks(lines: list[Line]) -> list:
    """Lampiran body lines -> blocks: BAB chapters, 'A.' sub-chapters, tables, lists and paragraphs."""
    out: list = []
    target = out
    chapter = None
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.blank:
            i += 1
            continue
        if _BAB.match(ln.text) and i + 1 < len(lines):
            chapter = {"bab": lines[i + 1].text, "isi": []}
            out.append(chapter)
            target = chapter["isi"]
            i += 2
            continue
        if is_table_line(ln):
            j = i
            while j < len(lines) and is_table_line(lines[j]):
                j += 1
            target.append({"tabel": table_from_lines(lines[i:j])})
            i = j
            continue
        m = _SUB.match(ln.text)
        if m and chapter is not None and not ln.text.rstrip().endswith((".", ";", ":", ",")):
            sub = {"subbab": m.group(2), "isi": []}
            chapter["isi"].append(sub)
            target = sub["isi"]
            i += 1
            continue
        j = i
        while j < len(lines) and not lines[j].blank and not is_table_line(lines[j]) and not _BAB.match(lines[j].text) \
                and not (j > i and _SUB.match(lines[j].text) and chapter is not None):
            j += 1
        j = max(j, i + 1)  # a 'BAB' heading on the last line stops the loop above at once: never loop forever
        target.extend(_prose(lines[i:j]))
        i = j
    return out


def _prose(lines: list[Line]) -> list:
    """Paragraphs; a run of numbered or lettered items becomes a 'daftar'."""
    out: list = []
    runs: list[list[Line]] = []
    for ln in lines:   # capitalised lines (boxes of a chart, headings) stand alone; prose lines may be joined
        if ln.text.isupper() or not runs or runs[-1][-1].text.isupper():
            runs.append([ln])
        else:
            runs[-1].append(ln)
    for p in [p for run in runs for p in paragraphs(run)]:
        if p.kind in ("number", "letter") and out and isinstance(out[-1], dict) and "daftar" in out[-1] \
                and len(out[-1]["daftar"]) == p.index:
            out[-1]["daftar"].append(p.text)
        elif p.kind in ("number", "letter") and p.index == 0:
            out.append({"daftar": [p.text], "penanda": "1." if p.kind == "number" else "a."})
        else:
            out.append({"teks": (p.marker + " " + p.text).strip() if p.kind else p.text})
    return out

"""PENJELASAN ATAS PERATURAN BUPATI …: I. UMUM (paragraphs) and II. PASAL DEMI PASAL ('Pasal N' + its text)."""
from __future__ import annotations

import re

from .items import join, is_open
from .text import Line, Notes, ocr_number

_UMUM = re.compile(r"^I\.?\s*UMUM\s*$|^UMUM$")
_PASAL_DEMI = re.compile(r"^(II\.?\s*)?PASAL DEMI PASAL\s*$")
_PASAL = re.compile(r"^Pasal\s+([0-9lIO]+)\s*$")


def parse_penjelasan(lines: list[Line], pasal_count: int, notes: Notes) -> dict:
    lines = [ln for ln in lines if not ln.blank]
    i = 0
    while i < len(lines) and not _UMUM.match(lines[i].text) and lines[i].text != "I.":
        i += 1          # 'PENJELASAN ATAS …', NOMOR, TENTANG and the name are generated
    if i < len(lines) and lines[i].text == "I.":
        i += 1
    i += 1
    umum: list[str] = []
    while i < len(lines) and not _PASAL_DEMI.match(lines[i].text) and lines[i].text != "II.":
        if umum and is_open(umum[-1]):
            umum[-1] = join(umum[-1], lines[i].text)
        else:
            umum.append(lines[i].text)
        i += 1
    pasal: list[dict] = []
    for ln in lines[i + 1:]:
        if ln.text == "PASAL DEMI PASAL":
            continue
        m = _PASAL.match(ln.text)
        if m:
            number = int(ocr_number(m.group(1)))
            if not 1 <= number <= pasal_count:
                notes.warn(ln.no, f"penjelasan menyebut Pasal {number} yang tidak ada; teksnya digabung ke penjelasan sebelumnya")
                continue
            pasal.append({"pasal": f"pasal-{number}", "teks": ""})
        elif pasal:
            pasal[-1]["teks"] = join(pasal[-1]["teks"], ln.text).strip() if pasal[-1]["teks"] else ln.text
        else:
            notes.warn(ln.no, "teks penjelasan sebelum 'Pasal 1' digabung ke penjelasan umum")
            umum.append(ln.text)
    out: dict = {}
    if umum:
        out["umum"] = umum
    if pasal:
        out["pasal"] = [p if p["teks"] not in ("", "Cukup jelas.") else {"pasal": p["pasal"]} for p in pasal]
    return out

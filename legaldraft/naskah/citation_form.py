"""The written form of a hand-written citation (a ``teks:`` Mengingat item, an imported one), read word by word.

:func:`normalise` undoes the typography that hides a citation from comparison (dash variants, spaced or missing
hyphens, doubled spaces, doubled words, 'No.'); :func:`form_issues` lists what in the written form departs from
UU 12/2011 Lampiran II butir 44-52, each with the rule that reports it and, where mechanical, the corrected text.
It reads text only (no registry); the rules compare the numbers with the registry.

Each issue names a rule id: DH-005 (item punctuation), DH-006 (UUD wording), DH-007 (jenis, 'Nomor … Tahun …
tentang'), DH-008 (the publication parenthesis) and DH-010 (the amendment phrase and the amendment's citation).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Optional

from . import rumusan

DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
_JENIS_DASH = re.compile(r"\bUndang(?:\s*[" + DASHES + r"-]\s*|\s+|)[Uu]ndang\b")
_STANDARD_CHAIN = (rumusan.DIUBAH_DENGAN, rumusan.BEBERAPA_KALI_DIUBAH)
_CHAIN = re.compile(r"\b[Ss]ebagaimana\s+telah\s+(?:[\w,]+\s+){0,6}?dengan\b")
_PUB_WORDS = ("Lembaran", "Negara", "Republik", "Indonesia", "Tambahan", "Nomor", "Tahun", "Berita", "Daerah")


@dataclass(frozen=True)
class FormIssue:
    rule: str                      # 'DH-007' …
    message: str                   # Indonesian, for the drafter
    found: str                     # the text at fault
    hint: str
    severity: Optional[str] = None  # None: the rule's own severity
    fixed: Optional[str] = None     # the whole text corrected, when the correction is mechanical


def normalise(text: str) -> str:
    """Comparison form: one kind of hyphen, 'Undang-Undang' however written, single spaces, no doubled words,
    'Nomor' for 'No.'. Case is kept (titles are compared including case)."""
    text = re.sub("[" + DASHES + "]", "-", text)
    text = _JENIS_DASH.sub(lambda m: "Undang-" + m.group(0)[-6:], text)
    text = re.sub(r"\b(\w+)-\s+(\w)", r"\1-\2", text)         # 'Perundang- undangan' (a broken line)
    text = re.sub(r"\bNo\.\s*(?=\d)", "Nomor ", text)
    text = re.sub(r"\b(\w{3,})(\s+\1\b)+", r"\1", text)         # doubled words
    text = re.sub(r"\s*,\s*", ", ", text)
    text = re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", text))
    return " ".join(text.split())


def _pub_region(text: str) -> list[tuple[int, int]]:
    """Spans of the publication data: from the first 'Lembaran'/'Berita' (or an opening parenthesis before it)
    to the closing parenthesis or the end of that citation."""
    spans = []
    for m in re.finditer(r"\(?\s*(?:Tambahan\s+)?(?:Lembar\w*|Berita)\s+(?:Negar|Negr|Neger|Daerah)", text, re.I):
        end = text.find(")", m.end())
        end = len(text) if end < 0 else end + 1
        spans.append((m.start(), end))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _misspelt(word: str) -> Optional[str]:
    """The publication word ``word`` was meant to be, when it is a near miss ('Rapublik', 'Lembar', 'Noomor')."""
    if word in _PUB_WORDS or len(word) < 5 or not word[0].isupper():
        return None
    best = difflib.get_close_matches(word, _PUB_WORDS, n=1, cutoff=0.8)
    if best and best[0] != word and word != "Negeri":
        return best[0]
    return None


def form_issues(text: str, *, last: bool = False, uud: bool = False) -> list[FormIssue]:
    """What departs from the prescribed written form in one Mengingat item."""
    issues: list[FormIssue] = []
    body = text.strip()
    if uud:
        m = re.search(r"\bPasal\s+\d+[A-Z]?\s+(Ayat|AYAT)\b", body)
        if m:
            issues.append(FormIssue("DH-006", f"'{m.group(1)}' ditulis dengan huruf kapital; yang benar 'ayat'", m.group(0),
                                    "tulis 'ayat' dengan huruf kecil", fixed=body.replace(m.group(0), m.group(0)[:-len(m.group(1))] + "ayat")))
        return issues + _punctuation(body, last)
    issues += _jenis_form(body)
    issues += _publication(body)
    issues += _chain(body)
    issues += _punctuation(body, last)
    return issues


def _jenis_form(body: str) -> list[FormIssue]:
    out = []
    for m in _JENIS_DASH.finditer(body):
        written = m.group(0)
        if written in ("Undang-Undang", "Undang-undang"):  # the second is DH-007's case warning
            continue
        out.append(FormIssue("DH-007", f"jenis ditulis '{written}'; yang benar 'Undang-Undang'", written,
                             "tulis 'Undang-Undang' dengan tanda hubung biasa, tanpa spasi", severity="warning",
                             fixed=body.replace(written, "Undang-" + written[-6:].capitalize())))
    m = re.search(r"\bTahun\s+\d{4}\s+(Tentang|TENTANG)\b", body)
    if m:
        out.append(FormIssue("DH-007", f"'{m.group(1)}' ditulis dengan huruf kapital; yang benar 'tentang'", m.group(0),
                             "tulis 'tentang' dengan huruf kecil", fixed=body.replace(m.group(0), m.group(0)[:-len(m.group(1))] + "tentang", 1)))
    m = re.search(r"\bNomor\s+\S+\s+(tahun)\s+\d{4}", body)
    if m:
        out.append(FormIssue("DH-007", "'tahun' ditulis dengan huruf kecil; yang benar 'Tahun'", m.group(0),
                             "tulis 'Tahun'", fixed=body.replace(m.group(0), m.group(0).replace(" tahun ", " Tahun "), 1)))
    m = re.search(r"\bNo\.\s*\d", body)
    if m:
        out.append(FormIssue("DH-007", "'No.' disingkat; yang benar 'Nomor'", m.group(0), "tulis 'Nomor'",
                             fixed=re.sub(r"\bNo\.\s*(?=\d)", "Nomor ", body)))
    if "(" in body and re.search(r"\bLembaran\s+Negara", body) and not re.match(
            r"^(?:Pasal\b|Undang|Peraturan|Keputusan|Instruksi|Ketetapan|Penetapan|Qanun)", body):
        out.append(FormIssue("DH-007", "butir dasar hukum tidak diawali jenis, nomor dan tahun peraturannya",
                             body[:40], "awali dengan jenisnya, mis. 'Undang-Undang Nomor … Tahun … tentang …'"))
    return out


def _publication(body: str) -> list[FormIssue]:
    out = []
    # a copy cut short (an opening-only corpus text) is not read for what is missing at its end
    complete = body.rstrip().endswith((";", ".", ")", ","))
    if complete and body.count("(") != body.count(")"):
        out.append(FormIssue("DH-008", "tanda kurung data pengundangan tidak lengkap", body[-40:],
                             "tulis data pengundangan di dalam '( … )'"))
    for start, end in _pub_region(body):
        region = body[start:end]
        if not region.lstrip().startswith("(") and not body[:start].rstrip().endswith("("):
            out.append(FormIssue("DH-008", "data pengundangan tidak diawali tanda kurung buka", region[:40],
                                 "tulis '(Lembaran Negara … , Tambahan … )'"))
        seen = set()
        for word in re.findall(r"[A-Za-z]+", region):
            meant = _misspelt(word)
            if meant and word not in seen:
                seen.add(word)
                out.append(FormIssue("DH-008", f"salah tulis '{word}' dalam data pengundangan; yang benar '{meant}'", word,
                                     f"tulis '{meant}'", fixed=re.sub(rf"\b{word}\b", meant, body)))
        lower = sorted({w for w in re.findall(r"\b(lembaran|negara|tambahan|republik|berita)\b", region)})
        if lower:
            fixed = re.sub(r"\b(lembaran|negara|tambahan|republik|berita)\b", lambda w: w.group(1).capitalize(), body)
            out.append(FormIssue("DH-008", f"'{', '.join(lower)}' dalam data pengundangan ditulis dengan huruf kecil",
                                 lower[0], "tulis 'Lembaran Negara Republik Indonesia', 'Tambahan …' dengan huruf kapital",
                                 fixed=fixed))
        year = re.search(r"\bNomor\s+\S+\s+Tahun\s+(\d{4})\b", body[:start])
        ln_year = re.search(r"Lembaran\s+Negara(?:\s+\w+){0,3}?\s+Tahun\s+(\d{4})\s+Nomor", region)
        if year and ln_year and not region.lstrip("( ").startswith("Tambahan") and int(ln_year.group(1)) < int(year.group(1)):
            out.append(FormIssue("DH-008", f"Lembaran Negara Tahun {ln_year.group(1)} mendahului tahun peraturannya "
                                 f"({year.group(1)}): tahun pengundangan tidak mungkin lebih awal", ln_year.group(0),
                                 "periksa tahun Lembaran Negara di JDIH"))
        m = re.search(r"Tambahan\s+Lembaran\s+Negara(?:\s+Republik\s+Indonesia)?\s+Tahun\s+\d{4}\s+Nomor", region)
        if m:
            out.append(FormIssue("DH-008", "Tambahan Lembaran Negara ditulis dengan tahun; Tambahan hanya bernomor", m.group(0),
                                 "hapus 'Tahun …' setelah 'Tambahan Lembaran Negara Republik Indonesia'",
                                 fixed=body.replace(m.group(0), re.sub(r"\s+Tahun\s+\d{4}", "", m.group(0)))))
        for m in re.finditer(r"(?<!Tambahan )Lembaran\s+Negara(?:\s+Republik\s+Indonesia)?\s+(\d{4})\s+Nomor", region):
            out.append(FormIssue("DH-008", "kata 'Tahun' tidak ada sebelum tahun Lembaran Negara", m.group(0),
                                 "tulis 'Lembaran Negara Republik Indonesia Tahun … Nomor …'",
                                 fixed=body.replace(m.group(0), m.group(0).replace(m.group(1), "Tahun " + m.group(1)))))
        if re.search(r"\bTahun\s+Nomor\b", region):
            out.append(FormIssue("DH-008", "tahun Lembaran Negara tidak ditulis ('Tahun Nomor …')", "Tahun Nomor",
                                 "tulis tahunnya: 'Tahun 2023 Nomor …'"))
        for m in re.finditer(r"\b(?:Tambahan\s+)?Lembaran\s+Negara\b", region):
            rest = region[m.end():].lstrip()
            if rest and not rest.startswith("R"):  # 'Republik' (a misspelling is reported above)
                out.append(FormIssue("DH-008", f"'{m.group(0)}' tanpa 'Republik Indonesia'", m.group(0),
                                     f"tulis '{m.group(0)} Republik Indonesia'"))
        m = re.search(r"Nomor\s+\d+\s+(Tambahan)\b", region)
        if m:
            out.append(FormIssue("DH-008", "tanda koma tidak ada sebelum 'Tambahan'", m.group(0),
                                 "tulis '…Nomor …, Tambahan …'", severity="warning",
                                 fixed=body.replace(m.group(0), m.group(0).replace(" Tambahan", ", Tambahan"), 1)))
        m = re.search(r",(?=[A-Za-z])", region)
        if m:
            out.append(FormIssue("DH-008", "tidak ada spasi setelah koma dalam data pengundangan", region[max(0, m.start() - 10):m.start() + 10],
                                 "beri spasi setelah koma", severity="warning", fixed=re.sub(r",(?=[A-Za-z])", ", ", body)))
    return out


def _chain(body: str) -> list[FormIssue]:
    out = []
    for m in _CHAIN.finditer(body):
        phrase = " ".join(m.group(0).replace(",", " ").split())
        if phrase in _STANDARD_CHAIN:
            after = body[m.end():]
            nxt = re.match(r"\s*((?:Undang-Undang|Peraturan)[^()]*?)\s*\(", after)
            if nxt and " tentang " not in nxt.group(1):
                out.append(FormIssue("DH-010", "peraturan perubahan dikutip tanpa namanya ('tentang …')", nxt.group(1)[:50],
                                     "kutip perubahan lengkap: jenis, nomor, tahun, 'tentang' dan namanya", severity="warning"))
            continue
        if m.group(0).replace(",", "") in _STANDARD_CHAIN:
            continue
        many = "beberapa" in phrase or "kali" in phrase or "terakhir" in phrase
        want = _STANDARD_CHAIN[1] if many else _STANDARD_CHAIN[0]
        out.append(FormIssue("DH-010", f"rumusan rantai perubahan '{m.group(0)}' tidak baku", m.group(0),
                             f"tulis '{want}'", severity="warning", fixed=body.replace(m.group(0), want, 1)))
    return out


def _punctuation(body: str, last: bool) -> list[FormIssue]:
    if body.endswith(","):
        return [FormIssue("DH-005", "butir dasar hukum diakhiri koma, bukan titik koma", body[-30:],
                          "akhiri dengan ';'", severity="warning" if last else None, fixed=body[:-1].rstrip() + ";")]
    return []

"""One Mengingat item -> a structured reference, then the most structured spec form that renders the same text.

``parse_citation`` reads jenis, nomor, tahun, tentang, Lembaran/Tambahan and the amendment chain of a
written citation. ``dasar_hukum_item`` then tries, in order: a registry key (``ref``, with ``pasal`` for the
UUD), an inline ``peraturan``, and finally the verbatim ``teks``. A structured form is only taken when the
citation it generates equals the written one after normalising whitespace, so nothing is ever lost.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from ..model.reference import DasarHukum, JenisPeraturan as J, Peraturan
from ..render.citation import cite
from .text import clean

# longest names first: "Peraturan Pemerintah Pengganti Undang-Undang" before "Undang-Undang"
_JENIS = [
    (r"Undang-Undang Dasar Negara Republik Indonesia Tahun 1945", J.uud),
    (r"Peraturan Pemerintah Pengganti Undang-Undang", J.perppu),
    (r"Undang\s*-\s*Undang", J.uu),
    (r"Peraturan Pemerintah", J.pp),
    (r"Peraturan Presiden", J.perpres),
    (r"Peraturan Daerah Provinsi", J.perda_prov),
    (r"Peraturan Gubernur", J.pergub),
    (r"Peraturan Daerah", J.perda),
    (r"Peraturan Bupati", J.perbup),
    (r"Peraturan Menteri", J.permen),
]
_HEAD = re.compile(
    r"^(?P<pasal>Pasal \d+[A-Z]?(?: ayat \(\d+\))?(?: huruf [a-z])? )?(?P<jenis>" + "|".join(p for p, _ in _JENIS) + r")"
    r"(?P<penerbit>[^,;()]*?)\s+Nomor\s*:?\s*(?P<nomor>\S+?)(?:\s+Tahun\s+(?P<tahun>\d{4}))?"
    r"(?:\s+tentang\s+(?P<tentang>.*?))?\s*(?P<rest>\(.*)?$", re.I)
_LN = re.compile(r"Lembaran Negara Republik Indonesia Tahun (\d{4}) Nomor (\w+)")
_TLN = re.compile(r"Tambahan Lembaran Negara(?: Republik Indonesia)? Nomor (\w+)")
_CHAIN = re.compile(r",?\s*sebagaimana (?:telah )?(?:beberapa kali )?(?:diubah|dicabut)", re.I)


@dataclass
class ParsedCitation:
    """What a written citation says (fields are None when the text does not say it)."""

    text: str
    jenis: Optional[J] = None
    pasal: Optional[str] = None
    penerbit: Optional[str] = None
    nomor: Optional[str] = None
    tahun: Optional[int] = None
    tentang: Optional[str] = None
    lembaran: Optional[tuple[int, str]] = None
    tambahan: Optional[str] = None
    chain: list[str] = field(default_factory=list)


def parse_citation(text: str) -> ParsedCitation:
    text = clean(text).rstrip(";").rstrip()
    found = ParsedCitation(text)
    if re.search(r"Undang-Undang Dasar Negara Republik Indonesia Tahun 1945", text):
        found.jenis = J.uud
        m = re.match(r"^(Pasal .+?) Undang-Undang Dasar", text)
        found.pasal = m.group(1) if m else None
        found.tahun = 1945
        return found
    head, *chain = _CHAIN.split(text, maxsplit=1)
    found.chain = [clean(c) for c in chain]
    m = _HEAD.match(head.strip())
    if not m:
        return found
    for pattern, jenis in _JENIS:
        if re.fullmatch(pattern, m.group("jenis"), re.I):
            found.jenis = jenis
            break
    found.pasal = (m.group("pasal") or "").strip() or None
    found.penerbit = clean(m.group("penerbit") or "") or None
    found.nomor = m.group("nomor").rstrip(",")
    found.tahun = int(m.group("tahun")) if m.group("tahun") else None
    found.tentang = clean(m.group("tentang") or "") or None
    rest = m.group("rest") or ""
    if (ln := _LN.search(rest)):
        found.lembaran = (int(ln.group(1)), ln.group(2))
    if (tln := _TLN.search(rest)):
        found.tambahan = tln.group(1)
    return found


def _same(a: str, b: str) -> bool:
    return clean(a).rstrip(";").rstrip() == clean(b).rstrip(";").rstrip()


def dasar_hukum_item(text: str, registry, on: dt.date | None) -> tuple[dict, ParsedCitation]:
    """The spec form of one Mengingat item, and what was read from it."""
    parsed = parse_citation(text)
    written = clean(text).rstrip(";").rstrip()
    if parsed.jenis is not None and parsed.tahun is not None:
        key = registry.find(parsed.jenis.value, parsed.nomor, parsed.tahun) if parsed.jenis != J.uud else "uud-1945"
        if key and key in registry:
            candidate = {"ref": key, **({"pasal": parsed.pasal} if parsed.pasal else {})}
            if _same(cite(DasarHukum.model_validate(candidate), registry, on), written):
                return candidate, parsed
            # the chain of amendments written may stop earlier than the registry's: cite without a chain
            plain = {**candidate, "perubahan": []}
            if not parsed.chain and _same(cite(DasarHukum.model_validate(plain), registry, on), written):
                return plain, parsed
    if parsed.jenis not in (None, J.uud) and not parsed.chain and parsed.nomor:
        inline = _inline(parsed)
        if inline is not None and _same(cite(DasarHukum(peraturan=inline), registry, on), written):
            return {"peraturan": inline.model_dump(exclude_defaults=True, mode="json")}, parsed
    return {"teks": written}, parsed


def _inline(parsed: ParsedCitation) -> Peraturan | None:
    data: dict = {"jenis": parsed.jenis, "nomor": parsed.nomor, "tahun": parsed.tahun, "tentang": parsed.tentang}
    if parsed.penerbit:
        data["penerbit"] = parsed.penerbit
    if parsed.lembaran:
        data["lembaran"] = {"tahun": parsed.lembaran[0], "nomor": parsed.lembaran[1]}
    if parsed.tambahan:
        data["tambahan"] = parsed.tambahan
    try:
        return Peraturan.model_validate(data)
    except Exception:  # noqa: BLE001 - an unreadable citation simply stays verbatim
        return None

"""One Mengingat item -> a structured reference, then the most structured spec form that renders the same text.

``parse_citation`` reads jenis, nomor, tahun, tentang, Lembaran/Tambahan and the amendment chain of a
written citation with :mod:`legaldraft.naskah.citation_reader`, the reader the DH rules use too. ``dasar_hukum_item``
then tries, in order: a registry key (``ref``, with ``pasal`` for the UUD), an inline ``peraturan``, and
finally the verbatim ``teks``. A structured form is only taken when the citation it generates equals the
written one after normalising whitespace, so nothing is ever lost.
"""
from __future__ import annotations

import datetime as dt
import re

from ..naskah.citation_reader import Citation, parse_citation as read_citation
from ..model.reference import DasarHukum, JenisPeraturan as J, Peraturan
from ..naskah.citation import cite
from .text import clean

def parse_citation(text: str) -> Citation:
    """A Mengingat item as the importer reads it: whitespace normalised, the closing ';' dropped, and the
    'Undang - Undang' of typed copies read as 'Undang-Undang' (the written text, kept verbatim, still has it)."""
    return read_citation(re.sub(r"Undang\s+-\s*Undang|Undang\s*-\s+Undang", "Undang-Undang", clean(text).rstrip(";").rstrip()))


def _same(a: str, b: str) -> bool:
    return clean(a).rstrip(";").rstrip() == clean(b).rstrip(";").rstrip()


def dasar_hukum_item(text: str, registry, on: dt.date | None, parsed: Citation | None = None) -> tuple[dict, Citation]:
    """The spec form of one Mengingat item, and what was read from it (``parsed``: :func:`parse_citation` of ``text``
    when the caller has read it already)."""
    parsed = parsed if parsed is not None else parse_citation(text)
    written = clean(text).rstrip(";").rstrip()
    if parsed.jenis is not None and parsed.tahun is not None:
        key = registry.find(parsed.jenis.value, parsed.nomor, parsed.tahun) if parsed.jenis != J.uud else "uud-1945"
        if key and key in registry:
            candidate = {"ref": key, **({"pasal": parsed.pasal} if parsed.pasal else {})}
            if _same(cite(DasarHukum.model_validate(candidate), registry, on), written):
                return candidate, parsed
            # the chain of amendments written may stop earlier than the registry's: cite without a chain
            plain = {**candidate, "perubahan": []}
            if not parsed.amended and _same(cite(DasarHukum.model_validate(plain), registry, on), written):
                return plain, parsed
    if parsed.jenis not in (None, J.uud) and not parsed.amended and parsed.nomor and _fields_plain(parsed):
        inline = _inline(parsed)
        if inline is not None and _same(cite(DasarHukum(peraturan=inline), registry, on), written):
            return {"peraturan": inline.model_dump(exclude_defaults=True, mode="json")}, parsed
    return {"teks": written}, parsed


def _fields_plain(parsed: Citation) -> bool:
    """Brackets in the tentang may be a publication parenthesis cut off in the copy, and punctuation before
    'Nomor' is a sentence rather than a penerbit: such items stay verbatim."""
    return "(" not in (parsed.tentang or "") and not re.search(r"[,;()]", parsed.penerbit or "")


def _inline(parsed: Citation) -> Peraturan | None:
    tahun = None if parsed.tahun_in_nomor else parsed.tahun   # a structured form writes 'Tahun' only when given
    data: dict = {"jenis": parsed.jenis, "nomor": parsed.nomor, "tahun": tahun, "tentang": parsed.tentang}
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

"""Dasar hukum citations generated from structured references (DH-006, DH-007, DH-008, DH-010)."""
from __future__ import annotations

import datetime as dt

from ..model.reference import DasarHukum, JenisPeraturan as J, Peraturan
from .rumusan import rantai_perubahan

LN = "Lembaran Negara Republik Indonesia"
TLN = "Tambahan Lembaran Negara Republik Indonesia"
BN = "Berita Negara Republik Indonesia"


class UnknownRegistryKey(KeyError):
    pass


def publikasi(reg: Peraturan) -> str:
    """The parenthesis with publication data (butir 47–49), '' when nothing is known."""
    if reg.publikasi_teks:
        return reg.publikasi_teks
    pub = reg.lembaran
    if pub is None:
        return ""
    seri = f" Seri {pub.seri}" if pub.seri else ""
    where = f"Tahun {pub.tahun} Nomor {pub.nomor}{seri}"
    if reg.jenis in (J.uu, J.perppu, J.pp, J.perpres):
        text = f"{LN} {where}"
        if reg.tambahan:
            text += f", {TLN} Nomor {reg.tambahan}"
    elif reg.jenis == J.permen:
        text = f"{BN} {where}"
    elif reg.jenis in (J.perda, J.perda_prov):
        daerah = reg.penerbit or ""
        text = f"Lembaran Daerah {daerah} {where}".replace("  ", " ")
        if reg.tambahan:
            text += f", Tambahan Lembaran Daerah {daerah} Nomor {reg.tambahan}".replace("  ", " ")
    elif reg.jenis in (J.perbup, J.pergub):
        text = f"Berita Daerah {reg.penerbit or ''} {where}".replace("  ", " ")
    else:
        return ""
    return f"({text})"


def judul_peraturan(reg: Peraturan, pasal: str | None = None) -> str:
    """'Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah' (no publication data)."""
    if reg.jenis == J.uud:
        return f"{pasal} {J.uud.label}" if pasal else J.uud.label
    parts = [reg.nama_jenis]
    if reg.nomor:
        parts.append(f"Nomor {reg.nomor}")
    if reg.tahun:
        parts.append(f"Tahun {reg.tahun}")
    text = " ".join(parts)
    if reg.tentang:
        text += f" tentang {reg.tentang}"
    if pasal:
        text = f"{pasal} {text}"
    return text


def cite_one(reg: Peraturan, pasal: str | None = None) -> str:
    pub = publikasi(reg)
    return f"{judul_peraturan(reg, pasal)} {pub}".strip()


def cite(item: DasarHukum, registry, on: dt.date | None = None) -> str:
    """The Mengingat item without its closing ';'."""
    if item.teks is not None:
        return item.teks.rstrip().rstrip(";").rstrip()
    if item.ref is not None:
        if item.ref not in registry:
            raise UnknownRegistryKey(item.ref)
        reg = registry[item.ref]
        chain = item.perubahan if item.perubahan is not None else registry.chain(item.ref, on)
    else:
        reg = item.peraturan
        chain = item.perubahan or []
    for key in chain:
        if isinstance(key, str) and key not in registry:
            raise UnknownRegistryKey(key)
    last = None
    if chain:  # a registry key, or an amendment written out like 'peraturan:'
        last = cite_one(registry[chain[-1]] if isinstance(chain[-1], str) else chain[-1])
    return rantai_perubahan(cite_one(reg, item.pasal), len(chain), last)


def peraturan_of(item: DasarHukum, registry) -> Peraturan | None:
    if item.ref is not None:
        return registry.get(item.ref)
    return item.peraturan

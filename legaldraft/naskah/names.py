"""The names of regulations as a Perubahan or Pencabutan writes them: the regulation changed or revoked, the
tentang built from it, and the amendment chain."""
from __future__ import annotations

import re

from ..model.reference import JenisPeraturan
from . import rumusan
from .citation import judul_peraturan, publikasi
from .numbers import ordinal


def nama_peraturan(reg, profile, publication: bool = True) -> str:
    """'Peraturan Bupati Purwakarta Nomor 12 Tahun 2026 tentang … (Berita Daerah Kabupaten Purwakarta
    Tahun 2026 Nomor 12)'."""
    if reg.jenis in (JenisPeraturan.perbup, JenisPeraturan.perda):
        base = profile.formula.nama_jenis_peraturan if reg.jenis == JenisPeraturan.perbup else f"Peraturan Daerah {profile.nama_daerah}"
        name = f"{base} {profile.nama}" if reg.jenis == JenisPeraturan.perbup else base
        text = f"{name} Nomor {reg.nomor or '...'} Tahun {reg.tahun or '...'} tentang {reg.tentang or '...'}"
        if publication and reg.lembaran is not None:
            where = profile.nama_berita_daerah if reg.jenis == JenisPeraturan.perbup else f"Lembaran Daerah {profile.nama_daerah}"
            text += f" ({where} Tahun {reg.lembaran.tahun} Nomor {reg.lembaran.nomor})"
        return text
    text = judul_peraturan(reg)
    return f"{text} {publikasi(reg)}".strip() if publication else text


def full_tentang(doc, profile) -> str:
    """The tentang of the judul: 'Perubahan Kedua atas Peraturan Bupati Purwakarta Nomor 12 Tahun 2026 tentang …'."""
    if doc.jenis == "perubahan":
        return rumusan.judul_perubahan(doc.ke, nama_peraturan(doc.mengubah, profile, publication=False), ordinal)
    if doc.jenis == "pencabutan":
        return rumusan.judul_pencabutan([nama_peraturan(r, profile, publication=False) for r in doc.dicabut])
    return doc.tentang


def amended_chain(doc, profile) -> str:
    """The amended Perbup with its publication data and the Perubahan before this one (butir 233a)."""
    earlier = doc.perubahan_sebelumnya
    last = nama_peraturan(earlier[-1], profile) if earlier else None
    return rumusan.rantai_perubahan(nama_peraturan(doc.mengubah, profile), len(earlier), last)


def pencabutan_sentence(regs, profile, belum_berlaku: bool = False, nama_jenis: str | None = None) -> tuple[str, list[str], str]:
    """Formula 23 (or 24): opening, the tabulated regulations (several), and the closing words."""
    nama_jenis = nama_jenis or profile.formula.nama_jenis_peraturan
    return rumusan.pencabutan(nama_jenis, [nama_peraturan(r, profile) for r in regs], belum_berlaku)


# -- the document's own name, as JDIH, PDF metadata and Akoma Ntoso give it --------------------------------
def nama_jenis_dokumen(doc, profile) -> str:
    """'Peraturan Bupati' / 'Peraturan Wali Kota' / 'Keputusan Bupati' (without the daerah)."""
    return rumusan.nama_jenis("keputusan" if doc.jenis == "keputusan" else "peraturan", profile)


def judul_lengkap(doc, profile) -> str:
    """'Peraturan Bupati Purwakarta Nomor 12 Tahun 2026 tentang …' (nomor and tahun left out while unknown; a
    Keputusan numbered '188.45/792/HK/2016' carries its year inside the number)."""
    parts = [f"{nama_jenis_dokumen(doc, profile)} {profile.nama}"]
    if doc.nomor and not doc.is_rancangan:
        parts.append(f"Nomor {doc.nomor}")
        if doc.tahun and not (doc.jenis == "keputusan" and "/" in doc.nomor):
            parts.append(f"Tahun {doc.tahun}")
    return " ".join(parts) + f" tentang {full_tentang(doc, profile)}"


def singkatan_jenis(doc, profile) -> str:
    """'Perbup', 'Kepwal' …: the profile's ``jdih.singkatan`` first, else by the daerah's tingkat."""
    keputusan = doc.jenis == "keputusan"
    own = profile.jdih.singkatan.get("keputusan" if keputusan else doc.jenis) or \
        profile.jdih.singkatan.get("keputusan" if keputusan else "perbup")
    if own:
        return own
    peraturan, keputusan_ = profile.tingkat_daerah.singkatan
    return keputusan_ if keputusan else peraturan


# -- the rules' messages in the daerah's words ------------------------------------------------------------
_KATA_BUPATI = re.compile(r"\b(Peraturan Bupati|Keputusan Bupati|PERATURAN BUPATI|KEPUTUSAN BUPATI|BUPATI|Bupati"
                          r"|Daerah Kabupaten|DAERAH KABUPATEN|Perbup)\b")


def kata_daerah(text: str, profile, words: dict[str, str] | None | bool = False) -> str:
    """A message written once in a Bupati's words ('Peraturan Bupati ini …', 'BUPATI [DAERAH],', 'Berita Daerah
    Kabupaten …') in the words of the profile's tingkat ('Peraturan Wali Kota ini …', 'GUBERNUR [DAERAH],').
    ``words``: :func:`daerah_words` of the profile when the caller has it already (a check reports thousands)."""
    if not text:
        return text
    if words is False:
        words = daerah_words(profile)
    if words is None:
        return text
    return _KATA_BUPATI.sub(lambda m: words[m.group(1)], text)


def daerah_words(profile) -> dict[str, str] | None:
    """The Bupati's words -> the profile's words; None when they are the same (a kabupaten)."""
    nama_peraturan = profile.formula.nama_jenis_peraturan
    kepala = profile.kepala_daerah
    words = {"Peraturan Bupati": nama_peraturan, "Keputusan Bupati": f"Keputusan {kepala}",
             "PERATURAN BUPATI": nama_peraturan.upper(), "KEPUTUSAN BUPATI": f"KEPUTUSAN {kepala.upper()}",
             "BUPATI": kepala.upper(), "Bupati": kepala, "Daerah Kabupaten": f"Daerah {profile.sebutan}",
             "DAERAH KABUPATEN": f"DAERAH {profile.sebutan.upper()}", "Perbup": profile.tingkat_daerah.singkatan[0]}
    return None if all(k == v for k, v in words.items()) else words

"""JDIH metadata of an enacted document: the Permenkumham 8/2019 record and the JDIHN feed entry.

Every Perkada issued must be published on the daerah's JDIH with the metadata of Permenkumham 8/2019
(tipe dokumen, judul, T.E.U. badan, nomor, jenis and its singkatan, tempat and tanggal penetapan, tanggal
pengundangan, sumber, subjek, status, bahasa, lokasi, bidang hukum, and the relations to the regulations it
changes or revokes). JDIH sites expose the same facts to JDIHN as a JSON array with fixed keys (``idData``,
``tahun_pengundangan``, ``noPeraturan``, ``singkatanJenis``, ``teuBadan``, ``urlDetailPeraturan`` …; the key
set is the one JDIH sites' integration endpoints publish, ``operasi`` "4" and ``display`` "1" included).

Everything comes from the spec and the daerah profile (``jdih:`` in the profile sets T.E.U. badan, singkatan,
bidang hukum, lokasi and the JDIH address). A rancangan has no metadata: :class:`NotEnacted` says why, with
the place in the spec (file:line:column) of each missing fact.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import Bab, Pasal, walk
from ..naskah import rumusan
from ..naskah.citation import judul_peraturan
from ..naskah.citation_reader import PUBLICATION_OPENING
from ..naskah.jenis import assembler_for
from ..naskah.names import full_tentang, judul_lengkap, nama_peraturan, singkatan_jenis  # noqa: F401  (re-exported)
from ..naskah.names import nama_jenis_dokumen as nama_jenis
from ..spec.errors import Problem

#: The keys of a JDIHN feed entry, in the order JDIH sites write them.
JDIHN_KEYS = ("idData", "tahun_pengundangan", "tanggal_penetapan", "tanggal_pengundangan", "jenis", "noPeraturan",
              "judul", "noPanggil", "singkatanJenis", "tempatTerbit", "penerbit", "deskripsiFisik", "sumber", "subjek",
              "isbn", "status", "bahasa", "bidangHukum", "teuBadan", "nomorIndukBuku", "fileDownload", "urlDownload",
              "abstrak", "urlabstrak", "urlDetailPeraturan", "operasi", "display")

class NotEnacted(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def is_keputusan(doc) -> bool:
    return doc.jenis == "keputusan"


def tentang(doc, profile) -> str:
    return full_tentang(doc, profile)


def teu_badan(profile) -> str:
    return profile.jdih.teu_badan or profile.tingkat_daerah.teu_badan.format(provinsi=profile.provinsi,
                                                                             daerah=profile.nama_daerah)


def lokasi(profile) -> str:
    return profile.jdih.lokasi or f"{profile.tingkat_daerah.unit_hukum} Sekretariat Daerah {profile.nama_daerah}"


def sumber(doc, profile) -> str:
    """'Berita Daerah Kabupaten Purwakarta Tahun 2026 Nomor 12' ('-' for a Keputusan, which is not promulgated)."""
    if is_keputusan(doc):
        return "-"
    pg = doc.pengundangan
    bd = pg.berita_daerah
    tahun = bd.tahun or (pg.tanggal.year if pg.tanggal else None)
    text = f"{profile.nama_berita_daerah} Tahun {tahun} Nomor {bd.nomor}"
    seri = bd.seri or profile.seri_berita_daerah
    return text + (f" Seri {seri}" if seri else "")


# -- enacted or not ---------------------------------------------------------------------------------------
def missing_facts(doc, ctx) -> list[Problem]:
    """What an enacted document must state and this one does not, each with where to write it."""
    need: list[tuple[tuple, str, str]] = []
    if doc.is_rancangan:
        return [Problem("dokumen masih rancangan (status: rancangan); JDIH hanya memuat dokumen yang sudah ditetapkan",
                        ctx.filename, ctx.position(("status",)), "setelah ditetapkan tulis 'status: final' dengan nomor, "
                        "tahun, tanggal penetapan" + ("" if is_keputusan(doc) else ", tanggal pengundangan dan Berita Daerah"),
                        code="JDIH")]
    if not doc.nomor:
        need.append((("nomor",), "nomor kosong", "isi 'nomor:' dengan nomor yang diberikan saat penetapan"))
    if not doc.tahun:
        need.append((("tahun",), "tahun kosong", "isi 'tahun:'"))
    if doc.penetapan.tanggal is None:
        need.append((("penetapan", "tanggal"), "tanggal penetapan kosong", "isi 'penetapan: {tanggal: 2026-03-02}'"))
    if not is_keputusan(doc):
        pg = doc.pengundangan
        if pg.tanggal is None:
            need.append((("pengundangan", "tanggal"), "tanggal pengundangan kosong",
                         "isi 'pengundangan: {tanggal: …}'"))
        if pg.berita_daerah.nomor in (None, ""):
            need.append((("pengundangan", "berita_daerah", "nomor"), "nomor Berita Daerah kosong",
                         "isi 'pengundangan: {berita_daerah: {tahun: …, nomor: …}}'"))
    return [Problem(msg, ctx.filename, ctx.position(loc), hint, code="JDIH") for loc, msg, hint in need]


def require_enacted(doc, ctx) -> None:
    problems = missing_facts(doc, ctx)
    if problems:
        raise NotEnacted(problems)


# -- relations and abstrak ---------------------------------------------------------------------------------
def relations(doc, profile) -> list[dict]:
    """[{'relasi': 'mengubah', 'judul': …, 'nomor': …, 'tahun': …}] for a Perubahan, Pencabutan, or a
    Perbup whose Pasal revokes others."""
    out = []

    def add(kind, reg):
        out.append({"relasi": kind, "judul": nama_peraturan(reg, profile, publication=False),
                    "nomor": reg.nomor, "tahun": reg.tahun})

    if doc.jenis == "perubahan":
        add("mengubah", doc.mengubah)
    elif doc.jenis == "pencabutan":
        for reg in doc.dicabut:
            add("mencabut", reg)
    else:
        for node in walk(doc):
            if isinstance(node, Pasal) and node.formula == "pencabutan":
                for reg in node.dicabut:
                    add("mencabut", reg)
    return out


def status_text(rels: list[dict]) -> str:
    return "Berlaku"


def abstrak(doc, ctx) -> str:
    """A scaffold in the JDIH abstrak form: judul, the considerations, dasar hukum, what is regulated, notes.

    The Bagian Hukum reviews it before publication; everything in it is read from the document itself."""
    profile = ctx.profile
    asm = assembler_for(doc)(doc, profile, ctx.registry)
    lines = [judul_lengkap(doc, profile).upper(), ""]
    lines.append("ABSTRAK:")
    for _, text, _ in asm.konsiderans_points()[:-1] or asm.konsiderans_points():
        lines.append(f"- {_strip_bahwa(text)}")
    lines.append("")
    lines.append("Dasar Hukum:")
    for item in doc.dasar_hukum:
        lines.append(f"- {_short_citation(item, ctx.registry)}")
    lines.append("")
    lines.append(f"Dalam {nama_jenis(doc, profile)} ini diatur tentang:")
    for topic in _topics(doc, ctx, asm.num):
        lines.append(f"- {topic}")
    lines.append("")
    rels = relations(doc, profile)
    catatan = [f"{nama_jenis(doc, profile)} ini {r['relasi']} {r['judul']}." for r in rels]
    catatan.append(_berlaku(doc, profile))
    lines.append("CATATAN:")
    lines.extend(f"- {c}" for c in catatan)
    return "\n".join(lines)


def _short_citation(item, registry) -> str:
    """A Mengingat item without publication data: 'Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah'."""
    if item.ref is not None and item.ref in registry:
        return judul_peraturan(registry[item.ref], item.pasal)
    if item.peraturan is not None:
        return judul_peraturan(item.peraturan, item.pasal)
    text = (item.teks or "").rstrip(" ;")
    return re.sub(r"\s*" + PUBLICATION_OPENING + r"[^()]*(?:\([^()]*\)[^()]*)*\)", "", text)


def _strip_bahwa(text: str) -> str:
    text = re.sub(r"^bahwa\s+", "", text).rstrip(";").rstrip()
    return text[:1].upper() + text[1:]


def _topics(doc, ctx, numbering) -> list[str]:
    if doc.jenis == "keputusan":
        return [d.teks.rstrip(":;.") for d in doc.diktum][:12]
    if doc.jenis == "perubahan":
        return [f"perubahan {len(doc.perubahan)} ketentuan"]
    if doc.jenis == "pencabutan":
        return [tentang(doc, ctx.profile)]
    babs = [node for node in doc.batang_tubuh if isinstance(node, Bab)]
    if babs:
        return [f"BAB {numbering.number(b)} {_title(b.judul) if b.judul.isupper() else b.judul}" for b in babs]
    return [doc.tentang]


_SMALL = {"dan", "atau", "dalam", "di", "ke", "dari", "untuk", "pada", "yang", "serta", "terhadap", "bagi", "oleh"}


def _title(upper: str) -> str:
    words = upper.lower().split()
    return " ".join(w if i and w in _SMALL else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _berlaku(doc, profile) -> str:
    if doc.jenis == "keputusan":
        return doc.mulai_berlaku or rumusan.mulai_berlaku(nama_jenis(doc, profile), rumusan.DITETAPKAN)
    tail = getattr(doc, "berlaku", None)
    for node in walk(doc):
        if isinstance(node, Pasal) and node.formula == "mulai_berlaku" and node.berlaku:
            tail = node.berlaku
    return rumusan.mulai_berlaku(nama_jenis(doc, profile), tail)


# -- the two records ---------------------------------------------------------------------------------------
@dataclass
class JdihMetadata:
    record: dict
    feed: dict


def _date(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def id_data(doc, profile) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", f"{singkatan_jenis(doc, profile)} {profile.nama} {doc.tahun} {doc.nomor}".lower())
    return slug.strip("-")


def metadata(doc, ctx, file_name: str | None = None, pages: int | None = None) -> JdihMetadata:
    """Both records of an enacted document; raises :class:`NotEnacted` otherwise."""
    require_enacted(doc, ctx)
    profile = ctx.profile
    keputusan = is_keputusan(doc)
    ditetapkan = doc.penetapan.tanggal
    diundangkan = ditetapkan if keputusan else doc.pengundangan.tanggal
    rels = relations(doc, profile)
    judul = judul_lengkap(doc, profile)
    subjek = tentang(doc, profile).upper()
    file_name = file_name or f"{id_data(doc, profile)}.pdf"
    base = (profile.jdih.url or "").rstrip("/")
    ident = id_data(doc, profile)
    text_abstrak = abstrak(doc, ctx)
    record = {
        "tipe_dokumen": "Peraturan Perundang-undangan" if not keputusan else "Keputusan",
        "judul": judul,
        "teu_badan": teu_badan(profile),
        "nomor": str(doc.nomor),
        "tahun": doc.tahun,
        "jenis": nama_jenis(doc, profile),
        "singkatan_jenis": singkatan_jenis(doc, profile),
        "tempat_penetapan": doc.penetapan.tempat or profile.tempat_penetapan,
        "tanggal_penetapan": _date(ditetapkan),
        "tanggal_pengundangan": "" if keputusan else _date(diundangkan),
        "sumber": sumber(doc, profile),
        "subjek": subjek,
        "status": status_text(rels),
        "bahasa": "Indonesia",
        "lokasi": lokasi(profile),
        "bidang_hukum": profile.jdih.bidang_hukum,
        "penandatangan": doc.penetapan.nama or profile.nama_bupati or "",
        "relasi": rels,
        "abstrak": text_abstrak,
        "berkas": file_name,
    }
    feed = {
        "idData": ident,
        "tahun_pengundangan": str(diundangkan.year),
        "tanggal_penetapan": _date(ditetapkan),
        "tanggal_pengundangan": _date(diundangkan),
        "jenis": record["jenis"],
        "noPeraturan": record["nomor"],
        "judul": judul,
        "noPanggil": "-",
        "singkatanJenis": record["singkatan_jenis"],
        "tempatTerbit": record["tempat_penetapan"],
        "penerbit": f"Pemerintah {profile.nama_daerah}",
        "deskripsiFisik": f"{pages} hlm." if pages else "-",
        "sumber": record["sumber"],
        "subjek": subjek,
        "isbn": "-",
        "status": record["status"],
        "bahasa": "Indonesia",
        "bidangHukum": record["bidang_hukum"],
        "teuBadan": record["teu_badan"],
        "nomorIndukBuku": "-",
        "fileDownload": file_name,
        "urlDownload": f"{base}/{file_name}" if base else "",
        "abstrak": text_abstrak,
        "urlabstrak": "",
        "urlDetailPeraturan": f"{base}/peraturan/{ident}" if base else "",
        "operasi": "4",
        "display": "1",
    }
    feed = {k: feed[k] for k in JDIHN_KEYS}
    feed["relasi"] = rels  # not harvested by JDIHN; kept for the daerah's own JDIH (status 'mengubah'/'mencabut')
    return JdihMetadata(record, feed)

"""One list of every regulation the document cites: REF-011 (one regulation, one way of writing it) and REF-012
(none cited before it existed).

:func:`cited_regulations` collects each mention of a regulation, wherever it is: the konsiderans, the Mengingat
(registry keys, inline ``peraturan:`` and hand-written ``teks:``), the batang tubuh, diktum, lampiran, penjelasan,
Memperhatikan, the document's own name (the amended Perbup of a Perubahan), and the structured ``mengubah:`` /
``dicabut:`` regulations. A mention is (jenis, issuer, nomor, tahun, title). REF-011 reports one regulation written
with two titles, two years or two numbers, and a title that differs from the registry's (case included).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..naskah.citation_reader import normalise, read_written
from ..model.reference import JenisPeraturan as J, Peraturan
from .engine import rule
from .judul import ALL_KINDS
from .dasar_hukum import penetapan_window, registry_keys
from .konsiderans import slip_only
from .kutipan import PARTICLES
from .text import TEXT_FIELDS

SRC = "UU 12/2011 Lampiran II"


@dataclass
class Mention:
    """One mention of a regulation in the text, normalised for comparison."""

    jenis: J
    issuer: str            # normalised: '' for national jenis, the daerah or the minister otherwise
    nomor: str
    tahun: Optional[int]
    title: Optional[str]   # None when the text does not delimit it
    node: object
    field: Optional[str]
    written: str           # as written (for the message)
    structured: bool = False
    rest: str = ""         # the text after 'tentang' (to read a known title through its case)
    pub: Optional[tuple] = None   # ((tahun, nomor) of the Lembaran/Berita, Tambahan nomor) when the text gives them
    issuer_written: str = ""      # what stands between the jenis and 'Nomor', as written

    @property
    def label(self) -> str:
        return f"{self.written.split(' Nomor ')[0]} Nomor {self.nomor}" + (f" Tahun {self.tahun}" if self.tahun else "")


_JENIS = (r"(?P<jenis>Undang-Undang Dasar|Peraturan Pemerintah Pengganti Undang-Undang|Undang-Undang|Peraturan Pemerintah|"
          r"Peraturan Presiden|Peraturan Menteri|Peraturan Badan|Peraturan Lembaga|Peraturan Daerah|Peraturan Gubernur|"
          r"Peraturan Bupati|Peraturan Wali ?[Kk]ota|Keputusan Bupati|Keputusan Gubernur|Keputusan Wali ?[Kk]ota|"
          r"Keputusan Menteri|Keputusan Presiden|Instruksi Presiden|Instruksi Bupati|Qanun)")
_ISSUER = r"(?P<issuer>(?:\s+(?:[A-Z][\w/.-]*|dan|dan/atau))*?)"
_CITED = re.compile(_JENIS + _ISSUER + r"\s+Nomor\s*:?\s*(?P<nomor>[^\s,;()]+?)(?:\s+Tahun\s+(?P<tahun>\d{4}))?"
                    r"(?=[\s,;()]|\.(?:\s|$)|$)(?:\s+tentang\s+(?P<rest>.*))?", re.S)
_JENIS_OF = {"Undang-Undang Dasar": J.uud, "Peraturan Pemerintah Pengganti Undang-Undang": J.perppu, "Undang-Undang": J.uu,
             "Peraturan Pemerintah": J.pp, "Peraturan Presiden": J.perpres, "Peraturan Menteri": J.permen,
             "Peraturan Badan": J.permen, "Peraturan Lembaga": J.permen, "Peraturan Gubernur": J.pergub,
             "Peraturan Bupati": J.perbup, "Peraturan Walikota": J.perbup, "Peraturan Wali Kota": J.perbup}
_PARTICLE_SET = frozenset(PARTICLES)
_TITLE_WORD = re.compile(r"[A-Z0-9][\w/.'-]*$|[\w/-]+$")
_REGIONAL = (J.perda, J.perda_prov, J.perbup, J.pergub)


def _title(rest: str) -> Optional[str]:
    """The title at the start of ``rest``: capitalised words and particles, ended by a bracket, ';', a full stop,
    'sebagaimana', 'Pasal n' (the next reference), a comma before a lowercase word, or the first lowercase word that
    is not a particle. None when the end is not clear: a comma before a capital ('Kedudukan, Susunan …' or the
    subject of the sentence) or a title cut by the text itself."""
    tokens = rest.split()
    words = []
    for i, token in enumerate(tokens):
        word = token.rstrip(",;.:)")
        tail = token[len(word):]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if word.startswith("(") or (word == "Pasal" and nxt[:1].isdigit()):
            break
        if word and (word[0].isupper() or word[0].isdigit() or word.lower() in _PARTICLE_SET):
            words.append(word)
        else:
            if not words or words[-1].lower() in _PARTICLE_SET:
                return None  # 'Kabupaten Subang dengan mengubah …': a lowercase word after a particle may belong to it
            break
        if tail.startswith(","):
            if nxt[:1].isupper():
                return None  # ambiguous: the title goes on, or the sentence does
            break
        if tail:
            break
    else:
        if not words:
            return None
    while words and (words[-1].lower() in _PARTICLE_SET or words[-1] == "Pasal"):
        words.pop()
    return " ".join(words) or None


def _issuer(jenis: J, written: str, daerah: str) -> str:
    text = re.sub(r"\s*\b(?:Republik Indonesia|RI)$", "", " ".join(written.split()))  # REF-013's, not another issuer
    if jenis in _REGIONAL:
        text = re.sub(r"^(?:Provinsi|Kabupaten|Kota)\s+", "", text)
        return (text or daerah).lower()
    if jenis == J.permen:
        return text.lower().removeprefix("menteri ")
    if jenis == J.keputusan:
        return text.lower() or daerah
    return ""


def _jenis(name: str, issuer: str) -> J:
    if name in ("Peraturan Daerah", "Qanun"):  # Qanun: the Perda of Aceh and its kabupaten/kota
        return J.perda_prov if issuer.strip().startswith("Provinsi") else J.perda
    return _JENIS_OF.get(name, J.keputusan)


def mentions_in(text: str, node, field, daerah: str) -> list[Mention]:
    text = normalise(text)
    out = []
    for start in [m.start() for m in re.finditer(_JENIS, text)]:
        m = _CITED.match(text, start)
        if not m:
            continue
        jenis = _jenis(m.group("jenis"), m.group("issuer"))
        if jenis == J.uud:
            continue
        nomor, tahun = m.group("nomor"), m.group("tahun")
        if nomor in ("...", "…") or set(nomor) <= set(".…"):
            continue  # a placeholder number in a rancangan
        if tahun is None:
            year = re.findall(r"(?:19|20)\d\d", nomor)
            tahun = year[-1] if year else None
        title = _title(m.group("rest")) if m.group("rest") else None
        written = m.group(0)[:m.end("nomor") - m.start()]
        out.append(Mention(jenis, _issuer(jenis, m.group("issuer"), daerah), nomor, int(tahun) if tahun else None, title,
                           node, field, written, rest=m.group("rest") or "", issuer_written=m.group("issuer").strip()))
    return out


def _structured(reg: Peraturan, node, field, daerah: str, provinsi: bool = False) -> Mention:
    # the amended or revoked regulation of a Perubahan/Pencabutan is the regional head's Peraturan, 'perbup' in the
    # model whatever the level: in a province's document it is a Pergub, as the text names it
    jenis = J.pergub if provinsi and reg.jenis == J.perbup and node.loc[:1] in _AMENDED_FIELDS else reg.jenis
    issuer = _issuer(jenis, reg.penerbit or "", daerah)
    pub = ((reg.lembaran.tahun, str(reg.lembaran.nomor)), str(reg.tambahan) if reg.tambahan else None) \
        if reg.lembaran is not None else None
    return Mention(jenis, issuer, str(reg.nomor), reg.tahun, reg.tentang, node, field,
                   f"{reg.nama_jenis} Nomor {reg.nomor}", structured=True, pub=pub)


_AMENDED_FIELDS = {("mengubah",), ("perubahan_sebelumnya",), ("dicabut",)}


def _publication(text: str, mentions: list[Mention]) -> None:
    """Attach the publication data a written Mengingat item gives (its main regulation and the last amendment)."""
    whole = read_written(text)
    for cited in (whole, whole.amendment):
        if cited is None or not cited.readable or cited.lembaran is None:
            continue
        for m in mentions:
            if (m.jenis, m.nomor, m.tahun) == (cited.jenis, str(cited.nomor), cited.tahun) and m.pub is None:
                m.pub = (cited.lembaran, cited.tambahan)
                break


def cited_regulations(ctx) -> list[Mention]:
    """Every mention of a regulation in the document, in document order (collected once per check run)."""
    cache = ctx.__dict__.get("_cited_regulations")
    if cache is not None:
        return cache
    daerah = ctx.profile.nama.lower()
    provinsi = ctx.profile.tingkat == "provinsi"
    found: list[Mention] = []
    doc = ctx.doc
    if doc.tentang:
        found += mentions_in(doc.tentang, doc, "tentang", daerah)
    # the engine's walk: nodes with a non-empty string field (a node without one names no regulation: a Peraturan
    # needs its tentang, a Mengingat item its ref, a text the word 'Nomor')
    for _, node, strings in ctx.index.strings:
        if isinstance(node, Peraturan):
            if node.nomor and node.tentang:
                found.append(_structured(node, node, "tentang", daerah, provinsi))
            continue
        ref = strings.get("ref")
        if ref is not None and ref in ctx.registry and node.loc[:1] == ("dasar_hukum",):
            reg = ctx.registry[ref]
            if reg.jenis != J.uud:
                found.append(_structured(reg, node, None, daerah))
        for name in TEXT_FIELDS:
            value = strings.get(name)
            if value is not None and "Nomor" in value:
                here = mentions_in(value, node, name, daerah)
                if name == "teks" and node.loc[:1] == ("dasar_hukum",):
                    _publication(value, here)
                found += here
    for owner, name in ((doc, "memperhatikan"), (getattr(doc, "penjelasan", None), "umum")):
        for text in (getattr(owner, name, None) or []) if owner is not None else []:
            if "Nomor" in text:
                found += mentions_in(text, owner, name, daerah)
    ctx.__dict__["_cited_regulations"] = found
    return found


def _differs(a: tuple, b: tuple) -> bool:
    """Two publication data disagree: other Lembaran, or both give a Tambahan and they differ."""
    return a[0] != b[0] or (a[1] is not None and b[1] is not None and a[1] != b[1])


def _pub_label(pub: tuple) -> str:
    (tahun, nomor), tambahan = pub
    return f"Tahun {tahun} Nomor {nomor}" + (f", Tambahan Nomor {tambahan}" if tambahan else "")


def _prefix(a: str, b: str) -> bool:
    """One title is the start of the other: a title cut by the text, not a second name."""
    a, b = _key(a), _key(b)
    return a != b and (a.startswith(b) or b.startswith(a))


def _key(title: str) -> str:
    return re.sub(r"[\s,]+", " ", title.lower()).strip()


@rule("REF-011", "error", "Satu peraturan ditulis satu cara di seluruh dokumen: nama, tahun dan nomor yang sama",
      f"{SRC} butir 45, 46 (nama dikutip apa adanya), butir 272-274 (pengacuan); katalog §22 (registry)",
      "Setiap peraturan yang disebut (di konsiderans, Mengingat, batang tubuh, diktum, lampiran, penjelasan, "
      "Memperhatikan, penjelasan, nama peraturan yang diubah atau dicabut) dikumpulkan dalam satu daftar. Satu peraturan "
      "yang ditulis dengan nama lain, tahun lain, nomor lain atau data pengundangan lain di tempat lain adalah galat: "
      "salah satunya keliru; ini juga berlaku bagi peraturan yang tidak ada di registry. Nama yang "
      "hanya berbeda huruf besar/kecilnya, dan nama yang berbeda dengan registry (huruf besar/kecil ikut dibandingkan), "
      "peringatan bila registry belum memverifikasi entrinya.",
      wrong="konsiderans: '… Peraturan Daerah Nomor 3 Tahun 2020 tentang Pelayanan Publik …'; Pasal 2: '… Peraturan "
            "Daerah Nomor 3 Tahun 2021 tentang Pelayanan Publik …'",
      right="kedua tempat: 'Peraturan Daerah Nomor 3 Tahun 2020 tentang Pelayanan Publik'", applies_to=ALL_KINDS)
def one_way(ctx):
    mentions = cited_regulations(ctx)
    by_number: dict[tuple, Mention] = {}
    by_title: dict[tuple, Mention] = {}
    by_pub: dict[tuple, Mention] = {}
    reported: set = set()

    def report(m: Mention, message: str, hint: str, severity=None):
        key = (id(m.node), m.field, message)
        if key not in reported:
            reported.add(key)
            ctx.report(message, m.node, m.field, m.written[:60], hint, severity=severity)

    for m in mentions:
        if not m.structured and m.rest and m.node.loc[:1] != ("dasar_hukum",) and _against_registry(ctx, m, report):
            continue  # the registry knows it: its title is the yardstick (Mengingat items are DH-009's)
        ident = (m.jenis, m.issuer, m.nomor)
        first = by_number.get(ident + (m.tahun,))
        if first is not None and m.title and first.title and first.title != m.title:
            # case only, or one title the start of the other (the text may go on in a way the reader cannot see): warning
            # a slip only (spacing, punctuation, a doubled word, a non-word: KON-006's reading): warning, as spelling
            slip = None if _key(first.title) == _key(m.title) or _prefix(first.title, m.title) else slip_only(m.title, first.title)
            doubtful = _key(first.title) == _key(m.title) or _prefix(first.title, m.title) or slip is not None
            report(m, f"{m.label} disebut dengan nama '{m.title}', di tempat lain '{first.title}'" + (f" ({slip})" if slip else ""),
                   "samakan nama peraturan di seluruh dokumen", "warning" if doubtful else None)
        elif first is None or (m.title and not first.title):
            by_number[ident + (m.tahun,)] = m
        if m.pub is not None:
            other_pub = by_pub.setdefault(ident + (m.tahun,), m)
            if other_pub is not m and other_pub.pub != m.pub and _differs(other_pub.pub, m.pub):
                report(m, f"{m.label}: data pengundangan {_pub_label(m.pub)}, di tempat lain {_pub_label(other_pub.pub)}",
                       "periksa data pengundangan di JDIH; satu peraturan satu data pengundangan")
        if m.title:
            tkey = (m.jenis, m.issuer, _key(m.title))
            other = by_title.setdefault(tkey, m)
            if other is not m and m.tahun and other.tahun and (other.nomor, other.tahun) != (m.nomor, m.tahun):
                report(m, f"'{m.title}' disebut sebagai Nomor {m.nomor} Tahun {m.tahun}, di tempat lain Nomor "
                          f"{other.nomor} Tahun {other.tahun}", "periksa nomor dan tahun peraturan itu")


def _against_registry(ctx, m: Mention, report) -> bool:
    """Compare a title written in the text with the registry's (case included); True when the registry knows the
    regulation (then the registry, not the other mentions, is what the title is measured against)."""
    if m.tahun is None or m.jenis in (J.keputusan, J.lainnya):
        return False
    for key in registry_keys(ctx.registry, m.jenis, m.nomor, m.tahun):
        reg = ctx.registry[key]
        if not reg.tentang or (m.issuer and reg.penerbit and _issuer(reg.jenis, reg.penerbit, "") != m.issuer):
            continue
        sev = None if reg.verifikasi == "P" else "warning"
        written = m.rest[:len(reg.tentang)]
        after = m.rest[len(reg.tentang):len(reg.tentang) + 1]
        if written.lower() == reg.tentang.lower() and not after.isalnum():
            if written != reg.tentang:  # other capitals only: a warning, as in DH-009
                report(m, f"huruf besar/kecil nama {m.label} berbeda dengan registry: '{reg.tentang}'",
                       f"tulis '{reg.tentang}'", "warning")
        elif m.title and not _prefix(m.title, reg.tentang) and _key(m.title) != _key(reg.tentang):
            report(m, f"{m.label} disebut dengan nama '{m.title}'; registry: '{reg.tentang}'", f"tulis '{reg.tentang}'", sev)
        return True
    return False


@rule("REF-012", "warning", "Peraturan yang disebut sudah ada pada tanggal penetapan",
      f"{SRC} butir 28, 42 (dasar hukum yang berlaku); UU 12/2011 Pasal 87 (berlaku sejak diundangkan)",
      "Peraturan yang dikutip di konsiderans, Mengingat (termasuk perubahannya), batang tubuh atau penjelasan sudah "
      "diundangkan pada tanggal penetapan naskah ini. Peraturan yang tahunnya sesudah tahun penetapan, atau yang menurut "
      "registry diundangkan sesudah tanggal penetapan, menandakan tahun yang salah ketik atau kutipan yang disalin dari "
      "naskah lain. Bila tanggal penetapan belum ada, tahun naskah (atau hari ini) yang dipakai.",
      wrong="ditetapkan 3 Maret 2013; Mengingat: Undang-Undang Nomor 23 Tahun 2014 …",
      right="ditetapkan 3 Maret 2013; Mengingat: Undang-Undang Nomor 32 Tahun 2004 …", applies_to=ALL_KINDS)
def not_yet(ctx):
    latest = penetapan_window(ctx)[1]
    for m in cited_regulations(ctx):
        if m.tahun is None or m.node is ctx.doc and m.field == "tentang":
            continue
        when = None
        for key in registry_keys(ctx.registry, m.jenis, m.nomor, m.tahun):
            when = ctx.registry[key].diundangkan
            break
        if m.tahun > latest.year or (when is not None and when > latest):
            ctx.report(f"{m.label} belum ada pada tanggal penetapan ({latest:%d-%m-%Y})", m.node, m.field, m.written[:60],
                       "periksa tahun peraturan yang dikutip, atau tanggal penetapan")


_RI = re.compile(r"\b(?:republik indonesia|ri)$")


@rule("REF-013", "warning", "Peraturan disebut tanpa 'Republik Indonesia' setelah jenis atau menterinya",
      f"{SRC} butir 46 (bentuk kutipan), butir 272-274 (pengacuan)",
      "Di konsiderans, batang tubuh, diktum, lampiran dan penjelasan, peraturan disebut seperti di Mengingat: "
      "'Undang-Undang Nomor 23 Tahun 2014 tentang …', 'Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang …', "
      "tanpa 'Republik Indonesia' atau 'RI' di antara jenis dan nomornya (di Mengingat: DH-007, galat). Bentuk itu "
      "lazim dalam naskah yang diundangkan, maka peringatan.",
      wrong="bahwa berdasarkan Undang-Undang Republik Indonesia Nomor 23 Tahun 2014 …",
      right="bahwa berdasarkan Undang-Undang Nomor 23 Tahun 2014 …", applies_to=ALL_KINDS)
def without_ri(ctx):
    for m in cited_regulations(ctx):
        if m.structured or m.node.loc[:1] == ("dasar_hukum",) or not _RI.search(m.issuer_written.lower()):
            continue
        ctx.report(f"'{m.written}': tanpa 'Republik Indonesia' di antara jenis dan nomor", m.node, m.field, m.written[:60],
                   "hapus 'Republik Indonesia'")

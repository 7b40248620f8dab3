"""Dasar hukum (Mengingat) rules: DH-* (butir 28-52).

Items given by registry key or inline ``peraturan:`` are cited by the renderer, so most form rules concern
verbatim ``teks:`` items (imported or copied texts), which are read back (:mod:`legaldraft.naskah.citation_reader`, the
reader the importer uses too) into jenis, nomor, tahun, tentang and publication data to be compared with the
registry.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..naskah import rumusan
from ..naskah.citation_reader import (JENIS, LEMBARAN, TAMBAHAN, Citation, before_publication, normalise, own_publication,
                                      parse_citation, publication_attempted, read_written)
from ..model.reference import JenisPeraturan as J, PERATURAN
from ..naskah.citation import cite
from .judul import ALL_KINDS, PERATURAN as PERATURAN_DOCS, PERATURAN_KINDS, amended_perbup
from .dated import CHAIN, LD_TLD, LN_TLN, UNDANG_UNDANG, UUD_NAME
from .engine import UU_13_2022, Fix, rule
from .text import cached_texts, report_written_label
from ..naskah.citation import publikasi as pub

SRC = "UU 12/2011 Lampiran II"


def _read(text: str) -> Citation | None:
    """The main regulation of a verbatim Mengingat text, None when no jenis is read from it."""
    cited = read_written(text)
    return cited if cited.readable else None


_INDEX: dict[int, tuple[object, dict]] = {}


def registry_index(registry) -> dict:
    """(jenis, nomor, tahun) -> keys of ``registry``, built once per registry object (a registry of thousands of
    entries is not scanned once per citation)."""
    cached = _INDEX.get(id(registry))
    if cached is not None and cached[0] is registry:
        return cached[1]
    index: dict = {}
    for key, reg in registry.items():
        index.setdefault((reg.jenis, str(reg.nomor), reg.tahun), []).append(key)
    if len(_INDEX) > 64:
        _INDEX.clear()
    _INDEX[id(registry)] = (registry, index)
    return index


def registry_keys(registry, jenis, nomor, tahun) -> list[str]:
    """Keys of the regulations (jenis, nomor, tahun) in ``registry``: through the registry's own index when it
    has one, so its generated layer of thousands of entries is never materialised as a whole."""
    if hasattr(registry, "find_all"):
        return [k for k in registry.find_all(jenis.value, nomor, tahun) if str(registry[k].nomor) == str(nomor)]
    return list(registry_index(registry).get((jenis, str(nomor), tahun), ()))


def registry_key(ctx, cited: Citation) -> str | None:
    registry = ctx.registry if hasattr(ctx, "registry") else ctx
    if cited.jenis is None:
        return None
    for key in registry_keys(registry, cited.jenis, cited.nomor, cited.tahun):
        reg = registry[key]
        if cited.jenis == J.permen and reg.penerbit and cited.penerbit and \
                _minister(reg.penerbit) != _minister(cited.penerbit):
            continue
        return key
    return None


def _minister(penerbit: str) -> str:
    """'Menteri Dalam Negeri' (registry) and 'Dalam Negeri' (read after 'Peraturan Menteri') name the same issuer."""
    text = " ".join(penerbit.lower().split())
    return text[len("menteri "):] if text.startswith("menteri ") else text


def penetapan_date(ctx) -> dt.date:
    doc = ctx.doc
    return doc.penetapan.tanggal or (dt.date(doc.tahun, 12, 31) if doc.tahun else dt.date.today())


def penetapan_window(ctx) -> tuple[dt.date, dt.date]:
    """(earliest, latest) possible penetapan date: the date itself, or the whole year when only 'tahun' is known. A
    rule that would blame the document for a law of the same year asks for the side that gives it the benefit."""
    doc = ctx.doc
    if doc.penetapan.tanggal:
        return doc.penetapan.tanggal, doc.penetapan.tanggal
    if doc.tahun:
        return dt.date(doc.tahun, 1, 1), dt.date(doc.tahun, 12, 31)
    today = dt.date.today()
    return today, today


def items(ctx):
    """(item, rendered text or None, Citation of the main regulation or None) of every Mengingat item (computed once
    per check run: a dozen rules read them)."""
    cached = ctx.__dict__.get("_dasar_hukum_items")
    if cached is not None:
        return cached
    out = []
    for item in ctx.doc.dasar_hukum:
        try:
            text = cite(item, ctx.registry, penetapan_date(ctx))
        except KeyError:
            text = None
        reg = ctx.registry.get(item.ref) if item.ref else item.peraturan
        if reg is not None:
            cited = Citation.of(reg, item.pasal)
        else:
            cited = _read(item.teks) if item.teks else None
        out.append((item, text, cited))
    ctx.__dict__["_dasar_hukum_items"] = out
    return out


def citing(ctx, jenis: J | None, nomor: str, tahun: int):
    """The Mengingat item that cites (as its main regulation) jenis/nomor/tahun, or None."""
    return next((item for item, _, c in items(ctx) if c is not None and str(c.nomor) == str(nomor) and c.tahun == tahun
                 and (jenis is None or c.jenis == jenis)), None)


def mentions(ctx, jenis: J | None, nomor: str, tahun: int) -> bool:
    return citing(ctx, jenis, nomor, tahun) is not None


# ---------------------------------------------------------------------------------------------------------
_LABEL = re.compile(r"^\s*Mengingat\s*:?\s*")


@rule("DH-001", "error", "Dasar hukum diawali 'Mengingat' diikuti ':'", f"{SRC} butir 28",
      "Kata 'Mengingat :' dicetak di kolom label; teks butir dasar hukum tidak boleh memuatnya lagi.",
      wrong="- teks: 'Mengingat : 1. Undang-Undang …'", right="- teks: 'Undang-Undang …'", applies_to=ALL_KINDS)
def mengingat_label(ctx):
    for item in ctx.doc.dasar_hukum:
        if item.teks:
            report_written_label(ctx, item, _LABEL, "Mengingat", "dasar hukum")
    labels = [b.label for b in ctx.outline if b.style.startswith("LD Konsiderans") and b.label.strip()]
    if ctx.doc.dasar_hukum and "Mengingat" not in labels:
        ctx.report("dasar hukum tidak diawali label 'Mengingat'", ctx.doc, "dasar_hukum", "", "periksa templat")


@rule("DH-002", "warning", "Dasar hukum memuat dasar kewenangan (UU 23/2014) dan peraturan yang memerintahkan",
      f"{SRC} butir 28; UU 23/2014 Pasal 246 ayat (1)",
      "Dasar hukum Peraturan Bupati memuat dasar kewenangan pembentukannya, lazimnya Undang-Undang Nomor 23 Tahun 2014 "
      "tentang Pemerintahan Daerah, dan peraturan yang memerintahkan pembentukannya bila ada.",
      wrong="dasar_hukum: []", right="dasar_hukum: [uu-23-2014, …]", applies_to=PERATURAN_KINDS)
def kewenangan(ctx):
    earliest, latest = penetapan_window(ctx)
    nomor, tahun = pemerintahan_daerah_law(latest)
    key = f"uu-{nomor}-{tahun}"
    if not ctx.doc.dasar_hukum:
        ctx.report("dasar hukum kosong", ctx.doc, "konsiderans", "", f"tambahkan 'dasar_hukum:' dengan sedikitnya {key}")
    elif not any(mentions(ctx, J.uu, *law) for law in {(nomor, tahun), pemerintahan_daerah_law(earliest)}):
        ctx.report(f"dasar hukum tidak memuat Undang-Undang Nomor {nomor} Tahun {tahun} tentang Pemerintahan Daerah "
                   "(dasar kewenangan pada tanggal penetapan)", ctx.doc, "dasar_hukum", "",
                   f"tambahkan '{key}' sebagai dasar kewenangan")


# The laws on Pemerintahan Daerah and the day each was promulgated: a document is asked only for the one in force on
# its penetapan date (a 2012 Perbup cites UU 32/2004, not a law of 2014).
_PEMDA_LAWS = (("23", 2014), ("32", 2004), ("22", 1999), ("5", 1974))
_PEMDA_FROM = (dt.date(2014, 10, 2), dt.date(2004, 10, 15), dt.date(1999, 5, 7), dt.date(1974, 7, 23))


def pemerintahan_daerah_law(on: dt.date) -> tuple[str, int]:
    for law, since in zip(_PEMDA_LAWS, _PEMDA_FROM):
        if on >= since:
            return law
    return _PEMDA_LAWS[-1]


@rule("DH-003", "error", "Hanya peraturan yang sederajat atau lebih tinggi", f"{SRC} butir 41",
      "Dasar hukum hanya memuat peraturan perundang-undangan yang sederajat atau lebih tinggi. Keputusan, Instruksi, "
      "Surat Edaran, nota kesepahaman dan DPA tidak dimuat dalam Mengingat; pada Keputusan Bupati tempatnya "
      "'Memperhatikan' (peringatan).", wrong="Keputusan Bupati … Nomor 12 Tahun 2023 …", right="(di 'memperhatikan:')", applies_to=ALL_KINDS)
def only_peraturan(ctx):
    for item, _, cited in items(ctx):
        if cited is None or cited.jenis in PERATURAN:
            continue
        field = "teks" if item.teks else None
        if ctx.is_keputusan:
            ctx.report("naskah yang bukan peraturan perundang-undangan ada di dasar hukum", item, field, (item.teks or "")[:60],
                       "pindahkan ke 'memperhatikan:'", severity="warning")
        else:
            ctx.report("naskah yang bukan peraturan perundang-undangan ada di dasar hukum Peraturan Bupati", item, field,
                       (item.teks or "")[:60], "hapus dari dasar hukum")


def _date_key(ctx, item, cited: Citation) -> tuple[int, Optional[dt.date]]:
    reg = ctx.registry.get(item.ref) if item.ref else item.peraturan
    return (cited.tahun or 0, reg.diundangkan if reg is not None else None)


@rule("DH-004", "error", "Urutan dasar hukum: hierarki, lalu kronologis", f"{SRC} butir 43; UU 12/2011 Pasal 7 ayat (1), Pasal 8",
      "Dasar hukum diurutkan menurut hierarki (UUD 1945, UU/Perppu, PP, Perpres, Peraturan Menteri, Perda Provinsi, "
      "Peraturan Gubernur, Perda Kabupaten, Peraturan Bupati) dan, dalam jenis yang sama, menurut tahun/tanggal "
      "pengundangan. Hierarki terbalik adalah galat (pada Keputusan, yang bentuknya dari praktik, peringatan: rancangan "
      "Keputusan Bupati Cianjur 2026); urutan tahun yang keliru hanya peringatan.",
      wrong="1. Peraturan Pemerintah …  2. Undang-Undang …", right="1. Undang-Undang …  2. Peraturan Pemerintah …",
      verification="P (peringkat Permen: S)", applies_to=ALL_KINDS)
def order(ctx):
    top_rank, top_label = -1, ""
    last: dict[int, tuple] = {}
    for item, _, cited in items(ctx):
        if cited is None:
            continue
        rank = _rank_here(ctx, cited)
        field = "teks" if item.teks else None
        if rank < top_rank:
            ctx.report(f"{cited.jenis_text} ditulis setelah {top_label} (hierarki lebih rendah di depan)", item, field,
                       f"{cited.jenis_text} Nomor {cited.nomor}", "urutkan: UUD, UU, PP, Perpres, Permen, Perda, Perbup",
                       severity="warning" if ctx.is_keputusan else None)
            continue
        if rank > top_rank:
            top_rank, top_label = rank, cited.jenis_text
        key = _date_key(ctx, item, cited)
        prev = last.get(rank)
        if prev and key[0] and prev[0]:
            earlier = key[0] < prev[0] or (key[0] == prev[0] and key[1] and prev[1] and key[1] < prev[1])
            if earlier:
                ctx.report(f"{cited.jenis_text} Nomor {cited.nomor} Tahun {cited.tahun} lebih lama daripada butir "
                           "sebelumnya yang sederajat", item, field, "", "urutkan menurut tahun pengundangan",
                           severity="warning")
        last[rank] = key


def _rank_here(ctx, cited: Citation) -> int:
    """The rank of a cited regulation in this document: in a provincial document a 'Peraturan Daerah' that names no
    kabupaten or kota is the province's own Perda (ranking above the Pergub), not a kabupaten/kota one (Pergub DKI
    112/2012 cites 'Peraturan Daerah Nomor 10 Tahun 2008' before its Pergub 38/2009)."""
    if cited.jenis == J.perda and ctx.profile.tingkat == "provinsi" and \
            not re.search(r"\b(?:Kabupaten|Kota)\b", cited.penerbit or ""):
        return J.perda_prov.rank
    return cited.jenis.rank


_NUMBERED = re.compile(r"^\s*\d+\.\s+")


@rule("DH-005", "error", "Butir dasar hukum bernomor otomatis dan diakhiri ';'", f"{SRC} butir 52; contoh butir 32, 44",
      "Dasar hukum yang lebih dari satu diberi nomor 1., 2., 3. (otomatis) dan setiap butir diakhiri titik koma; titik "
      "pada butir terakhir dijumpai pada naskah yang diundangkan (peringatan).",
      wrong="- teks: '1. Undang-Undang … .'", right="- teks: 'Undang-Undang …'", applies_to=ALL_KINDS)
def numbering(ctx):
    entries = ctx.doc.dasar_hukum
    for i, item in enumerate(entries):
        if not item.teks:
            continue
        text = item.teks
        m = _NUMBERED.match(text)
        if m:
            ctx.report("teks dasar hukum diawali nomor sendiri; nomor dicetak dua kali", item, "teks", text[:30],
                       "hapus nomor di awal teks", Fix(item.loc + ("teks",), text[m.end():], "hapus nomor yang ditulis tangan"))
        if text.rstrip().endswith("."):
            last = i == len(entries) - 1
            ctx.report("butir dasar hukum diakhiri titik, bukan titik koma", item, "teks", text[-40:],
                       "akhiri dengan ';' (ditambahkan otomatis bila tidak ada tanda baca)",
                       Fix(item.loc + ("teks",), text.rstrip()[:-1].rstrip(), "akhiri dengan ';'"),
                       severity="warning" if last else None)


_UUD_NAME = "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"
_JENIS_WORD = re.compile(r"\b(?:Undang|Peraturan|Keputusan|Qanun|Ketetapan)\b", re.I)
_CAPITAL_UNIT = re.compile(r"\bPasal\s+\w+\s+(Ayat|Huruf|Angka)\s+\(?\w")
_AYAT_ALONE = re.compile(r"(?:,|dan)\s+ayat\s+\(")


@rule("DH-006", "error", "Pasal UUD 1945 disebut lebih dahulu; 'Undang-Undang Dasar' dengan dua huruf U kapital",
      f"{SRC} butir 44; butir 33 (diubah UU 13/2022)",
      "Dasar hukum dari UUD 1945 menyebut pasalnya lebih dahulu, lalu 'Undang-Undang Dasar Negara Republik Indonesia "
      "Tahun 1945'. Setiap ayat ditulis bersama pasalnya ('Pasal 28H ayat (1), Pasal 28H ayat (2)'; peringatan).",
      wrong="Undang-undang Dasar Negara Republik Indonesia Tahun 1945 Pasal 18 ayat (6)",
      right="Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945", applies_to=ALL_KINDS)
def uud(ctx):
    for item, _, cited in items(ctx):
        if cited is None or cited.jenis != J.uud:
            continue
        if item.teks:
            text = item.teks
            m = re.search(r"Undang[- ][Uu]ndang Dasar", text)
            if m and m.group(0) != "Undang-Undang Dasar":
                ctx.report(f"ditulis '{m.group(0)}'; yang benar 'Undang-Undang Dasar'", item, "teks", m.group(0),
                           "tulis 'Undang-Undang Dasar'", Fix(item.loc + ("teks",), text.replace(m.group(0), "Undang-Undang Dasar"),
                                                               "'Undang-Undang Dasar'"), since=UUD_NAME)
            unit = _CAPITAL_UNIT.search(text)
            if unit:
                ctx.report(f"'{unit.group(1)}' dalam kutipan pasal UUD ditulis dengan huruf kapital", item, "teks", unit.group(0),
                           f"tulis '{unit.group(1).lower()}'", Fix(item.loc + ("teks",), _CAPITAL_UNIT.sub(
                               lambda x: x.group(0).replace(x.group(1), x.group(1).lower()), text), "ayat/huruf huruf kecil"))
            if re.search(r"Tahun 1945,?\s+Pasal\s+\d", text):
                ctx.report("pasal UUD 1945 ditulis setelah nama UUD", item, "teks", text[:60],
                           f"tulis 'Pasal … {_UUD_NAME}'")
        pasal = item.pasal or cited.pasal or ""
        if item.ref and not item.pasal:
            ctx.report("UUD 1945 dikutip tanpa pasal", item, None, item.ref, "tambahkan 'pasal: Pasal 18 ayat (6)'",
                       severity="warning")
        if _AYAT_ALONE.search(pasal):
            ctx.report("ayat ditulis tanpa pasalnya; sejak UU 13/2022 setiap ayat disertai pasalnya", item,
                       "pasal" if item.pasal else "teks", pasal, "tulis 'Pasal 28H ayat (1), Pasal 28H ayat (2)'",
                       severity="info" if ctx.set_before(UU_13_2022) else "warning")


_RI_AFTER_JENIS = re.compile(r"^((?:Undang-Undang|Peraturan Pemerintah(?: Pengganti Undang-Undang)?|Peraturan Presiden|"
                             r"Peraturan (?:Menteri|Badan|Lembaga|Kepala)(?: [A-Z][\w,-]*| dan)*?))\s+"
                             r"(?:Republik Indonesia|RI)\s+(?=Nomor)")


@rule("DH-007", "error", "Jenis, 'Nomor … Tahun … tentang …', tanpa pasal dan tanpa 'Republik Indonesia'", f"{SRC} butir 45, 46",
      "Dasar hukum selain UUD memuat jenis dengan huruf awal kapital (Undang-Undang, Peraturan Pemerintah …), nomor, "
      "tahun dan nama, tanpa menyebut pasal dan tanpa 'Republik Indonesia' setelah jenisnya. 'Undang-undang' dengan u "
      "kecil di butir mana pun selain UUD adalah galat (butir 46; sejak UU 10/2004 Lampiran butir 31: 'kedua huruf u "
      "ditulis dengan huruf kapital'), dilaporkan di sini saja, tidak juga oleh BHS-009; ejaan jenis yang lain "
      "('Undang Undang', 'PERATURAN PEMERINTAH') peringatan.",
      wrong="Pasal 12 Undang-undang Republik Indonesia Nomor 23 Tahun 2014 …",
      right="Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah …", applies_to=ALL_KINDS)
def bentuk(ctx):
    for item, _, cited in items(ctx):
        if cited is not None and cited.jenis == J.uud:
            continue  # the UUD's name: DH-006 (butir 44)
        if cited is None and item.teks and LEMBARAN.search(normalise(item.teks)) and not _JENIS_WORD.search(item.teks.split("(")[0]):
            ctx.report("butir dasar hukum tidak diawali jenis, nomor dan tahun peraturan", item, "teks", item.teks[:60],
                       "tulis 'Undang-Undang Nomor … Tahun … tentang …' di awal butir")
            continue
        if cited is None or cited.jenis in (J.keputusan, J.lainnya):
            if item.teks:
                _jenis_case(ctx, item, item.teks, None)
            continue
        if item.pasal:
            ctx.report("dasar hukum selain UUD tidak menyebut pasal", item, "pasal", item.pasal, "hapus 'pasal:'",
                       Fix(item.loc + ("pasal",), None, "hapus pasal"))
        if not item.teks:
            continue
        text = item.teks
        if cited.pasal:
            ctx.report("dasar hukum selain UUD tidak menyebut pasal", item, "teks", cited.pasal,
                       "kutip peraturannya saja, tanpa pasal")
        text = _jenis_case(ctx, item, text, cited)
        m = _RI_AFTER_JENIS.match(text)
        if m:
            ctx.report("'Republik Indonesia' ditulis setelah jenis peraturan", item, "teks", text[:60],
                       "hapus 'Republik Indonesia' setelah jenisnya",
                       Fix(item.loc + ("teks",), f"{m.group(1)} {text[m.end():]}", "hapus 'Republik Indonesia'"))
        lower = _lowercase_nomor_tahun(text)
        if lower:
            fixed = text
            for found in reversed(lower):
                fixed = fixed[:found.start()] + found.group(1).capitalize() + fixed[found.end(1):]
            ctx.report(f"'{lower[0].group(1)}' dalam kutipan ditulis dengan huruf kecil; bentuknya 'Nomor … Tahun …'", item,
                       "teks", lower[0].group(0), "tulis 'Nomor' dan 'Tahun' dengan huruf awal kapital",
                       Fix(item.loc + ("teks",), fixed, "'Nomor … Tahun …'"))


#: 'Undang-Undang' with a lowercase u (an error: butir 46), and every miswritten form that the fix writes right
_UNDANG_LOWER = re.compile(r"\b(?:Undang-undang|undang-[Uu]ndang)\b")
_UNDANG_MISWRITTEN = re.compile(r"\b(?:Undang-undang|undang-[Uu]ndang|Undang Undang)\b")


def _jenis_case(ctx, item, text: str, cited: Citation | None) -> str:
    """One finding, with one fix, for the jenis of a Mengingat item written otherwise than butir 46 writes it; the
    text as mended. 'Undang-undang' or 'undang-undang' (a lowercase u) is an error (butir 46; UU 10/2004 Lampiran
    butir 31), the only report of it (BHS-009 leaves the Mengingat to this rule); 'Undang Undang' or a jenis in
    another case ('PERATURAN PEMERINTAH') a warning. ``cited`` None: an item whose jenis was not read, or a Keputusan
    or other document: only a lowercase u is read there."""
    lower = _UNDANG_LOWER.search(text)
    if cited is None and not lower:
        return text
    fixed = _UNDANG_MISWRITTEN.sub("Undang-Undang", text)
    canon = next(c for _, j, c in JENIS if j == cited.jenis) if cited is not None else None
    if canon and cited.jenis_text != canon:  # matched case-insensitively: a spelling variant of the jenis
        fixed = fixed.replace(cited.jenis_text, canon, 1)
    if fixed == text:
        return text
    fix = Fix(item.loc + ("teks",), fixed, "huruf kapital jenis peraturan")
    if lower:
        ctx.report("'Undang-undang' dalam dasar hukum", item, "teks", text[:60], "tulis 'Undang-Undang'", fix,
                   since=UNDANG_UNDANG)
    else:
        ctx.report("jenis peraturan tidak ditulis dengan huruf awal kapital ('Undang-Undang', 'Peraturan Pemerintah' …)",
                   item, "teks", text[:50], "perbaiki penulisan jenis", fix, severity="warning", since=UNDANG_UNDANG)
    return fixed


_NOMOR_TAHUN_LOWER = re.compile(r"\b(nomor|tahun)\s+\d")
_PUB_BRACKET = re.compile(r"\([^()]*\)")


def _lowercase_nomor_tahun(text: str) -> list:
    """'nomor'/'tahun' in lowercase before a number in the citation itself (the publication brackets are DH-014's):
    the reader capitalises them to read the numbers, so only the written text shows the slip (butir 45, 46 forms)."""
    spans = [m.span() for m in _PUB_BRACKET.finditer(text)]
    return [m for m in _NOMOR_TAHUN_LOWER.finditer(text) if not any(a <= m.start() < b for a, b in spans)]


_NEEDS_LN = (J.uu, J.perppu, J.pp, J.perda)
_NEEDS_PUB = (J.perpres, J.permen, J.perda_prov, J.pergub, J.perbup)


@rule("DH-008", "error", "Data pengundangan dalam kurung (LN/TLN, BN, LD/TLD, BD)", f"{SRC} butir 47, 48, 49",
      "Undang-Undang dan Peraturan Pemerintah dikutip dengan Lembaran Negara dan Tambahan Lembaran Negara; Perda dengan "
      "Lembaran Daerah dan Tambahannya; Perpres dengan Lembaran Negara; Peraturan Menteri dengan Berita Negara; "
      "Peraturan Gubernur/Bupati dengan Berita Daerah. Tanpa data itu untuk UU/PP/Perda adalah galat, juga pada kutipan "
      "yang ditulis tangan ('teks:'), untuk jenis lain peringatan (bentuknya dari praktik). Undang-undang tahun 1950 yang "
      "diumumkan dalam Berita Negara menurut tanggal, dan bunyi registry sendiri, tidak dilaporkan.", wrong="Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;",
      right="Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik (Lembaran Negara … Nomor 112, Tambahan … Nomor 5038);",
      verification="P/S", applies_to=ALL_KINDS)
def publikasi(ctx):
    for item, _, cited in items(ctx):
        if cited is None:
            continue
        if item.teks:
            if cited.jenis in _NEEDS_LN and cited.lembaran is None and not _registry_wording(ctx, cited):
                _written_publication(ctx, item, cited)
            continue
        reg = ctx.registry.get(item.ref) if item.ref else item.peraturan
        if reg is None or reg.publikasi_teks or reg.jenis not in _NEEDS_LN + _NEEDS_PUB:
            continue
        where = "registry" if item.ref else "peraturan"
        if reg.lembaran is None:
            ctx.report(f"{reg.nama_jenis} Nomor {reg.nomor} Tahun {reg.tahun} tanpa data pengundangan ({where})", item, None,
                       item.ref or "", "isi 'lembaran: {tahun, nomor}' (dan 'tambahan') dari JDIH",
                       severity=None if reg.jenis in _NEEDS_LN and not _before_series(reg.tahun) else "warning",
                       since=publication_form(reg.jenis))
        elif reg.jenis in (J.uu, J.pp, J.perppu) and not reg.tambahan:
            ctx.report(f"{reg.nama_jenis} Nomor {reg.nomor} Tahun {reg.tahun} tanpa Tambahan Lembaran Negara ({where})", item,
                       None, item.ref or "", "isi 'tambahan:' dari JDIH", severity="warning", since=LN_TLN)


def publication_form(jenis):
    """The dated form that asks for the publication data of a regulation of this jenis (UU 10/2004 for the Lembaran
    Negara, UU 12/2011 for the Lembaran Daerah of a Perda), or None where the form comes from practice only."""
    if jenis in (J.perda, J.perda_prov):
        return LD_TLD
    return LN_TLN if jenis in (J.uu, J.perppu, J.pp, J.perpres) else None


_MAIN_PART = re.compile(r"\s+sebagaimana\s+(?:telah\s+)?(?:diubah|beberapa)")


def _written_publication(ctx, item, cited: Citation) -> None:
    """A written UU/PP/Perda citation whose parenthesis gives no Lembaran: the data outside the brackets, a text cut
    short (an unclosed bracket, no 'tentang': an import of a damaged copy, a warning), or no data at all."""
    main = _MAIN_PART.split(normalise(item.teks), maxsplit=1)[0]
    label = f"{cited.jenis_text} Nomor {cited.nomor}" if cited.nomor else f"'{main[:50]}'"
    found = LEMBARAN.search(main)
    if found:
        inside = any(a <= found.start() < b for a, b in ((m.start(), m.end()) for m in _BRACKETS.finditer(main)))
        if not inside:
            ctx.report(f"{label}: data pengundangan tidak ditulis di dalam kurung", item, "teks", found.group(0)[:60],
                       "tulis '(Lembaran Negara … , Tambahan Lembaran Negara …)' tepat setelah nama peraturan",
                       since=publication_form(cited.jenis))
        return
    if publication_attempted(main):
        return  # the bracket is there, its words misspelt or its number missing: DH-014 names the slip and mends it
    cut = main.count("(") > main.count(")") or " tentang " not in f" {main} "
    ctx.report(f"{label} dikutip tanpa Lembaran Negara/Daerah" + (" (kutipan tampak terpotong)" if cut else ""), item, "teks",
               item.teks[:50], "tambahkan data pengundangan dalam kurung",
               severity="warning" if cut or _before_series(cited.tahun) else None, since=publication_form(cited.jenis))


def _before_series(tahun) -> bool:
    """A law of 1950 or before: the laws of the Republic at Yogyakarta were announced in the Berita Negara by date
    (UU 13/1950 and UU 14/1950: 'Berita Negara Republik Indonesia tanggal 8 Agustus 1950'), so the Lembaran Negara and
    Tambahan that butir 47 asks for do not exist for them: a citation without data is a warning, not an error."""
    return tahun is not None and tahun < 1951


_BRACKETS = re.compile(r"\((?:[^()]|\([^()]*\))*\)?")


def _registry_wording(ctx, cited: Citation) -> bool:
    """The written parenthesis is the registry's own wording for a law published without LN number (UU 14/1950 in the
    Berita Negara of 8 August 1950), or the registry knows no publication data to ask for."""
    if (cited.tahun or 9999) < 1951 and cited.pub:
        return True  # the laws of 1950 and before: Berita Negara by date, Himpunan Peraturan-Peraturan Negara …
    key = registry_key(ctx, cited)
    if key is None:
        return False
    reg = ctx.registry[key]
    if reg.publikasi_teks:
        return _norm(cited.pub) == _norm(reg.publikasi_teks.strip().strip("()"))
    return reg.lembaran is None


_OLD_SPELLING = (("propinsi", "provinsi"), ("dj", "j"), ("tj", "c"), ("oe", "u"))


def _case_view(text: str) -> str:
    """A title with its commas and spacing set aside, its capitals kept: 'Kolusi, dan' and 'Kolusi dan' are one."""
    return re.sub(r"[\s,]+", " ", text or "").strip()


def _norm(text: str | None) -> str:
    """Title for comparison: case, commas and pre-1972 spelling ('Propinsi Djawa') do not count."""
    text = re.sub(r"[\s,]+", " ", (text or "").lower()).strip()
    for old, new in _OLD_SPELLING:
        text = text.replace(old, new)
    return text


def _title_trusted(ctx, key: str) -> bool:
    """A registry title is compared only when read by hand or cited so by other regulations, not when the
    builder title-cased a heading in capitals (OCR copies garble some headings; case is then a guess). Case
    itself is compared (DH-018) with hand-verified titles only: citing documents often capitalise 'Atas', 'Yang'."""
    if getattr(ctx.registry, "is_verified", lambda k: True)(key):
        return True
    raw = getattr(ctx.registry, "raw", lambda k: None)(key) or {}
    return str(raw.get("prov", {}).get("judul", "")).startswith("rujukan")


def _compare(ctx, item, field, cited: Citation, key: str) -> None:
    reg = ctx.registry[key]
    sev_numbers = None if reg.verifikasi == "P" else "warning"
    label = f"{reg.nama_jenis} Nomor {reg.nomor} Tahun {reg.tahun}"
    # a written citation of one regulation is replaced by the registry's own wording (its 'ref')
    fix = (Fix(item.loc, {"ref": key, **({"pasal": item.pasal} if getattr(item, "pasal", None) else {})},
               f"kutipan {label} dari registry")
           if cited.amendment is None and reg.verifikasi == "P" else None)
    title = before_publication(cited.tentang or "").strip()  # a text cut short keeps its bracket
    trusted = bool(title and reg.tentang and _title_trusted(ctx, key))  # generated titles may be OCR guesses
    if trusted and _norm(title) != _norm(reg.tentang):
        # the titles of laws before EYD (1972) vary between heading and text in the texts themselves: a warning
        sev_title = sev_numbers if (reg.tahun or 0) >= 1972 else "warning"
        from .konsiderans import slip_only  # a slip only (spacing, a non-word, a doubled word): warning, as spelling

        slip = slip_only(title, reg.tentang)
        ctx.report(f"nama {label} tertulis '{title}', registry: '{reg.tentang}'" + (f" ({slip})" if slip else ""), item,
                   field, title[:60], f"tulis 'tentang {reg.tentang}' atau pakai 'ref: {key}'", fix,
                   severity="warning" if slip else sev_title)
    elif trusted and _case_view(title) != _case_view(reg.tentang) \
            and _case_view(title).lower() == _case_view(reg.tentang).lower() and reg.verifikasi == "P":  # commas aside
        # the same words in other capitals ('Perubahan Kedua Atas', 'Perundang-Undangan'): a warning, as practice varies
        source = item.teks if field == "teks" else None
        case_fix = Fix(item.loc + ("teks",), source.replace(title, reg.tentang, 1), "nama sesuai registry") \
            if source and title in source else None
        ctx.report(f"huruf besar/kecil nama {label} berbeda dengan registry: '{reg.tentang}'", item, field, title[:60],
                   f"tulis 'tentang {reg.tentang}'", case_fix, severity="warning")
    ln = LEMBARAN.search(cited.pub)
    if ln and reg.lembaran and (int(ln.group(1)), str(ln.group(2))) != (reg.lembaran.tahun, str(reg.lembaran.nomor)):
        ctx.report(f"{label}: tertulis Tahun {ln.group(1)} Nomor {ln.group(2)}, registry: Tahun {reg.lembaran.tahun} "
                   f"Nomor {reg.lembaran.nomor}", item, field, ln.group(0), f"periksa di JDIH, atau pakai 'ref: {key}'",
                   fix, severity=sev_numbers)
    tln = TAMBAHAN.search(cited.pub)
    if tln and reg.tambahan and str(tln.group(1)) != str(reg.tambahan):
        ctx.report(f"{label}: Tambahan Nomor {tln.group(1)} tertulis, registry: {reg.tambahan}", item, field, tln.group(0),
                   f"periksa di JDIH, atau pakai 'ref: {key}'", fix, severity=sev_numbers)


@rule("DH-009", "error", "Nomor, tahun, nama dan data pengundangan sesuai registry", "Katalog §22 (registry); butir 45-49",
      "Kutipan yang ditulis sendiri ('peraturan:' atau 'teks:') dibandingkan dengan registry. Selisih nama dan data "
      "pengundangan terhadap entri bertanda P adalah galat (nama dikutip apa adanya, butir 45); terhadap entri S/U "
      "peringatan. Ejaan lama (Propinsi, Djawa) dan koma tidak dihitung; nama yang hanya berbeda huruf besar/kecilnya "
      "('Perubahan Kedua Atas', 'Perundang-Undangan') peringatan, dengan perbaikan.",
      wrong="Undang-Undang Nomor 23 Tahun 2014 … Tahun 2014 Nomor 224 …", right="… Tahun 2014 Nomor 244 …",
      verification="P/S", applies_to=ALL_KINDS)
def registry_match(ctx):
    for item in ctx.doc.dasar_hukum:
        if item.peraturan is not None:
            reg = item.peraturan
            cited = Citation.of(reg, pub=_pub_text(reg))
            key = registry_key(ctx, cited)
            if key:
                _compare(ctx, item, "peraturan", cited, key)
        elif item.teks:
            whole = read_written(item.teks)
            for cited in (whole, whole.amendment):
                cited = own_publication(cited)
                ln = LEMBARAN.search(cited.pub or "") if cited is not None and cited.readable else None
                if ln and cited.tahun and int(ln.group(1)) < cited.tahun and not _named_inside(cited):  # needs no registry
                    ctx.report(f"{cited.jenis_text} Nomor {cited.nomor} Tahun {cited.tahun} dikutip dengan Lembaran Negara "
                               f"Tahun {ln.group(1)}: pengundangan tidak mendahului tahun peraturannya", item, "teks",
                               ln.group(0), "periksa tahun Lembaran Negara di JDIH")
                key = registry_key(ctx, cited) if cited is not None and cited.readable else None
                if key:
                    _compare(ctx, item, "teks", cited, key)


def _pub_text(reg) -> str:
    return pub(reg)


def _named_inside(cited: Citation) -> bool:
    """The title names another regulation ('Penetapan Undang-Undang Darurat Nomor 3 Tahun 1953 … sebagai
    Undang-Undang'): the bracket read may be that regulation's, so an earlier year proves nothing."""
    return bool(re.search(r"\b(?:Undang-Undang|Peraturan)\b[^()]*?\bNomor\b", cited.tentang or ""))


_WORDING = re.compile(r"sebagaimana telah (?:diubah beberapa kali|beberapa kali diubah),?\s*terakhir dengan|"
                      r"sebagaimana telah diubah beberapa kali dengan|sebagaimana telah beberapa kali diubah dengan")
#: a comma before 'sebagaimana', or 'sebagaimana diubah' without 'telah' (UU 13/2022 Mengingat angka 2 has neither)
_CHAIN = re.compile(r"\s*(,?)\s*\bsebagaimana\s+(telah\s+)?(?=diubah\b|beberapa kali\b)")


def _bad_chain(m: re.Match) -> bool:
    return bool(m.group(1)) or not m.group(2)


@rule("DH-010", "warning", "Rantai perubahan: 'sebagaimana telah diubah dengan' / 'beberapa kali diubah terakhir dengan'",
      "UU 13/2022 Mengingat angka 2; butir 41a contoh 2 (UU 13/2022); Perppu 2/2022 Pasal 176",
      "Peraturan yang telah diubah dikutip dengan data pengundangannya, lalu 'sebagaimana telah diubah dengan' (satu "
      "perubahan) atau 'sebagaimana telah beberapa kali diubah terakhir dengan' (dua perubahan atau lebih) dan kutipan "
      "lengkap perubahan terakhir pada tanggal penetapan. Variasi rumusan umum dijumpai, maka peringatan.",
      wrong="sebagaimana telah diubah beberapa kali, terakhir dengan",
      right="sebagaimana telah beberapa kali diubah terakhir dengan", applies_to=ALL_KINDS)
def perubahan(ctx):
    on = penetapan_date(ctx)
    kon = ctx.doc.konsiderans
    for node, field, text in [(p, "teks", p.teks) for p in kon.poin] + ([(kon, "penutup", kon.penutup)] if kon.penutup else []):
        m = _WORDING.search(text)
        if m and m.group(0) != rumusan.BEBERAPA_KALI_DIUBAH:
            ctx.report(f"rumusan rantai perubahan '{m.group(0)}' tidak baku", node, field, m.group(0),
                       f"tulis '{rumusan.BEBERAPA_KALI_DIUBAH}'",
                       Fix(node.loc + (field,), _WORDING.sub(rumusan.BEBERAPA_KALI_DIUBAH, text), "rumusan baku rantai perubahan"),
                       since=CHAIN)
    for item in ctx.doc.dasar_hukum:
        if not item.teks:
            _structured_chain(ctx, item, on)
            continue
        text = item.teks
        m = _WORDING.search(text)
        if m and m.group(0) != rumusan.BEBERAPA_KALI_DIUBAH:
            ctx.report(f"rumusan rantai perubahan '{m.group(0)}' tidak baku", item, "teks", m.group(0),
                       f"tulis '{rumusan.BEBERAPA_KALI_DIUBAH}'", Fix(item.loc + ("teks",), _WORDING.sub(rumusan.BEBERAPA_KALI_DIUBAH, text), "rumusan baku rantai perubahan"),
                       since=CHAIN)
        m = next((x for x in _CHAIN.finditer(text) if _bad_chain(x)), None)
        if m:
            fixed = _CHAIN.sub(lambda x: " sebagaimana telah " if _bad_chain(x) else x.group(0), text)
            ctx.report(f"tanda baca atau kata rantai perubahan tidak baku: '{m.group(0).strip()}'", item, "teks", m.group(0),
                       f"tulis '… ) {rumusan.DIUBAH_DENGAN} …' (tanpa koma, dengan 'telah')",
                       Fix(item.loc + ("teks",), fixed, "rumusan baku rantai perubahan"), since=CHAIN)
        cited = read_written(text)
        key = registry_key(ctx, cited) if cited.readable else None
        chain = ctx.registry.chain(key, on) if key else []
        if not chain:
            continue
        latest = ctx.registry[chain[-1]]
        latest_label = f"{latest.nama_jenis} Nomor {latest.nomor} Tahun {latest.tahun}"
        written = cited.amendment
        if written is None:
            ctx.report(f"perubahan {cited.jenis_text} Nomor {cited.nomor} Tahun {cited.tahun} tidak disebut; terakhir "
                       f"diubah dengan {latest_label}", item, "teks", cited.text[:50], f"pakai 'ref: {key}' agar rantai dibuat otomatis",
                       since=CHAIN)
            continue
        if written.readable and (str(written.nomor), written.tahun) != (str(latest.nomor), latest.tahun):
            ctx.report(f"perubahan terakhir pada tanggal penetapan adalah {latest_label}, bukan {written.jenis_text} "
                       f"Nomor {written.nomor} Tahun {written.tahun}", item, "teks", written.text[:50],
                       f"pakai 'ref: {key}' agar rantai dibuat otomatis")
        many = "beberapa kali" in cited.wording
        if many != (len(chain) > 1):
            want = rumusan.BEBERAPA_KALI_DIUBAH if len(chain) > 1 else rumusan.DIUBAH_DENGAN
            ctx.report(f"registry mencatat {len(chain)} perubahan; rumusan seharusnya '{want}'", item, "teks", cited.wording[:50],
                       f"tulis '{want}'", since=CHAIN)


def _structured_chain(ctx, item, on: dt.date) -> None:
    """A registry regulation cited inline without its amendments, or a ``perubahan:`` override that is not the
    registry's chain on the penetapan date."""
    if item.peraturan is not None:
        reg = item.peraturan
        key = registry_key(ctx, Citation.of(reg))
        chain = ctx.registry.chain(key, on) if key else []
        if chain and not item.perubahan:
            latest = ctx.registry[chain[-1]]
            ctx.report(f"{reg.nama_jenis} Nomor {reg.nomor} Tahun {reg.tahun} dikutip tanpa perubahannya (terakhir "
                       f"{latest.nama_jenis} Nomor {latest.nomor} Tahun {latest.tahun})", item, "peraturan", "",
                       f"ganti dengan 'ref: {key}' agar rantai perubahan dibuat otomatis", since=CHAIN)
    elif item.ref and item.perubahan is not None:
        chain = ctx.registry.chain(item.ref, on)
        if chain and list(item.perubahan)[-1:] != chain[-1:]:
            last = item.perubahan[-1] if item.perubahan else "(kosong)"
            if not isinstance(last, str):
                from ..naskah.citation import judul_peraturan  # lazy: only for a written-out amendment

                last = judul_peraturan(last)
            ctx.report(f"'perubahan:' berakhir dengan {last}; registry "
                       f"mencatat perubahan terakhir {chain[-1]} pada tanggal penetapan", item, "perubahan", "",
                       "hapus 'perubahan:' agar rantai dari registry dipakai")


_REVOKERS: dict[int, tuple[object, dict]] = {}


def _revoked_by(ctx, key: str, on: dt.date) -> str | None:
    registry = ctx.registry
    if hasattr(registry, "revoked_by"):  # the registry's own index, hand-verified revocations first
        return registry.revoked_by(key, on)
    registry = ctx.registry
    cached = _REVOKERS.get(id(registry))
    if cached is None or cached[0] is not registry:
        index: dict = {}
        for other, reg in registry.items():
            for target in reg.mencabut:
                index.setdefault(target, []).append(other)
        _REVOKERS.clear() if len(_REVOKERS) > 64 else None
        cached = _REVOKERS[id(registry)] = (registry, index)
    for other in cached[1].get(key, ()):
        reg = registry[other]
        if (reg.diundangkan or dt.date(reg.tahun or 1900, 1, 1)) <= on:
            return other
    return None


_REVOKES = re.compile(r"((?:Peraturan|Undang-Undang)[\w\s-]*?) Nomor (\S+?) Tahun (\d{4}).{0,400}?dicabut", re.S)


@rule("DH-011", "error", "Peraturan yang dicabut tidak dimuat dalam dasar hukum", f"{SRC} butir 42",
      "Peraturan yang sudah dicabut (menurut registry, pada tanggal penetapan) atau yang dicabut oleh Peraturan Bupati "
      "ini sendiri tidak dijadikan dasar hukum.", wrong="Mengingat: Undang-Undang Nomor 32 Tahun 2004 …",
      right="Mengingat: Undang-Undang Nomor 23 Tahun 2014 …", applies_to=ALL_KINDS)
def dicabut(ctx):
    on = penetapan_window(ctx)[0]  # revoked before the earliest possible date: certainly revoked when it was set
    for item, _, cited in items(ctx):
        key = item.ref or (registry_key(ctx, cited) if cited is not None and cited.readable else None)
        by = _revoked_by(ctx, key, on) if key else None
        if by:
            reg = ctx.registry[by]
            field = None if item.ref else ("teks" if item.teks else "peraturan")
            # a revocation read automatically from a closing provision (data-peraturan) is a warning to check;
            # one a hand-verified entry records is an error
            verified = getattr(ctx.registry, "is_verified", lambda k: True)(by)
            note = "" if verified else " (dibaca otomatis dari ketentuan penutupnya; periksa)"
            ctx.report(f"'{key}' telah dicabut oleh {reg.nama_jenis} Nomor {reg.nomor} Tahun {reg.tahun} sebelum tanggal "
                       f"penetapan{note}", item, field, item.ref or (item.teks or "")[:60], f"ganti dengan '{by}' (kunci registry)",
                       severity=None if verified else "warning")
    for reg in getattr(ctx.doc, "dicabut", []):  # a stand-alone Pencabutan
        item = citing(ctx, reg.jenis, reg.nomor, reg.tahun) if reg.nomor and reg.tahun else None
        if item is not None:
            ctx.report(f"{reg.nama_jenis} Nomor {reg.nomor} Tahun {reg.tahun} yang dicabut dimuat dalam dasar hukum", item,
                       "teks" if item.teks else None, "", "hapus dari dasar hukum")
    if ctx.is_keputusan:
        return
    for node, field, text in cached_texts(ctx, ("batang_tubuh",)):
        for m in _REVOKES.finditer(text):
            if "dicabut" in m.group(0) and mentions(ctx, None, m.group(2), int(m.group(3))):
                ctx.report(f"{m.group(1).strip()} Nomor {m.group(2)} Tahun {m.group(3)} dicabut oleh Peraturan Bupati ini "
                           "tetapi dimuat dalam dasar hukum", node, field, m.group(0)[:60], "hapus dari dasar hukum")


@rule("DH-012", "error", "Peraturan yang diubah dimuat dalam dasar hukum", f"{SRC} butir 41a (UU 13/2022)",
      "Peraturan Bupati perubahan memuat Peraturan Bupati yang diubahnya dalam dasar hukum.",
      wrong="tentang: Perubahan atas Peraturan Bupati Nomor 3 Tahun 2020 …  (tanpa Perbup 3/2020 di Mengingat)",
      right="dasar_hukum: [..., perbup-3-2020]", applies_to=PERATURAN_DOCS, since=UU_13_2022)
def yang_diubah(ctx):
    target = amended_perbup(ctx.doc.tentang)
    if target and not mentions(ctx, J.perbup, target[1], target[2]):
        ctx.report(f"Peraturan Bupati Nomor {target[1]} Tahun {target[2]} yang diubah tidak ada di dasar hukum", ctx.doc,
                   "dasar_hukum" if ctx.doc.dasar_hukum else "tentang", "", "tambahkan Perbup yang diubah (kunci registry di profil daerah)")

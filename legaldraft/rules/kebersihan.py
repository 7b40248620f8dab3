"""Text hygiene over all free text, header lines included: BHS-012 to BHS-016.

Every drafted text is read: norms, konsiderans, Mengingat, lampiran, penjelasan, Memperhatikan, tembusan, and the
header and signature lines (the nama, ``kepala_naskah``, jabatan, names, headings, defined terms). The scanners are
pure functions of one text (testable on lines of real documents); the rule functions decide where they apply.
"""
from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections import Counter, defaultdict

from ..naskah.citation_reader import doubled_words
from ..model import Definisi, Lampiran, Peraturan
from .engine import Fix, rule
from .kutipan import PARTICLES
from .text import ALL_KINDS, TEXT_FIELDS, Hit, around, cached_texts, containing, masked, matching, report_hits

SRC = "UU 12/2011 Lampiran II"
EYD = "Pedoman Umum Ejaan Bahasa Indonesia (Permendikbud 50/2015, EYD V)"
#: every free-text field of the model: drafted texts plus header, heading and signature lines
FREE_FIELDS = TEXT_FIELDS + ("tentang", "judul", "istilah", "jabatan", "nama", "tempat", "atas_nama", "markdown")
_LIST_FIELDS = ("kepala_naskah", "memperhatikan", "tembusan", "umum")


def free_texts(ctx):
    """(node, field, text) of every free text of the document (Markdown prose of a lampiran included), with the lists
    of lines: kepala naskah, Memperhatikan, tembusan and the general part of the penjelasan."""
    cache = ctx.__dict__.get("_free_texts")
    if cache is not None:
        return cache
    out = list(cached_texts(ctx, None, FREE_FIELDS))
    owners = [ctx.doc] + ([ctx.doc.penjelasan] if getattr(ctx.doc, "penjelasan", None) is not None else [])
    for owner in owners:
        for name in _LIST_FIELDS:
            for text in getattr(owner, name, None) or []:
                if isinstance(text, str) and text:
                    out.append((owner, name, text))
    ctx.__dict__["_free_texts"] = out
    return out


def _report(ctx, node, field, hits):
    if field in _LIST_FIELDS:  # a line of a list: no mechanical fix of the whole list
        for hit in hits:
            ctx.report(hit.message, node, field, hit.snippet, hit.hint, None, hit.severity)
    else:
        report_hits(ctx, node, field, hits)


# -- doubled words (read by BHS-012) ---------------------------------------------------------------------------------
def scan_doubled(text: str) -> list[Hit]:
    view = masked(text)
    found = doubled_words(view)
    if not found:
        return []
    fixed = text
    for m in reversed(found):
        fixed = fixed[:m.start()] + text[m.start():m.start() + len(m.group(1))] + fixed[m.end():]
    return [Hit(f"kata ditulis dua kali: '{m.group(0)}'", around(text, m.start(), m.end()), f"tulis '{m.group(1)}' sekali",
                fixed, fix_description="hapus kata ganda") for m in found]



# -- BHS-013 a word glued to a number ----------------------------------------------------------------------
#: a letter then a digit, a digit then a letter, or a digit, a space and '(': one of these is in every match of _GLUED
_GLUED_HINT = re.compile(r"\d(?<=[A-Za-z]\d)|\d(?=[a-z]| \()")  # both branches open with \d: 5x faster a search
_GLUED = re.compile(r"\b(?:Nomor|Pasal|ayat|Ayat|Tahun|tahun|huruf|angka|BAB|Bab|Lampiran|Paragraf|Bagian|NOMOR|TAHUN|PASAL)"
                    r"(?=\d)|\d(?=(?:tahun|hari|bulan|orang|kali|persen|jam|menit|tentang|dan)\b)"
                    r"|\d \([a-z]{3,12}\)(?=[a-z])")


def scan_glued(text: str) -> list[Hit]:
    view = masked(text)
    found = list(_GLUED.finditer(view))
    if not found:
        return []
    fixed = text
    for m in reversed(found):
        fixed = fixed[:m.end()] + " " + fixed[m.end():]
    return [Hit("kata dan bilangan ditulis rapat", around(text, m.start(), m.end() + 3), "pisahkan dengan spasi", fixed,
                fix_description="spasi antara kata dan bilangan") for m in found[:1]]


@rule("BHS-013", "warning", "Kata dan bilangan dipisah spasi ('Pasal 5', '7 (tujuh) hari')", f"{SRC} butir 242; {EYD}",
      "Kata dan bilangan yang mengikutinya atau mendahuluinya ditulis terpisah: 'Nomor 5', 'Pasal 12', 'Tahun 2024', "
      "'7 (tujuh) hari'. Tulisan rapat ('Nomor5', '2024tentang', '7 (tujuh)hari') menyembunyikan nomor dari pencarian "
      "dan pengacuan.", wrong="sebagaimana dimaksud dalam Pasal5 ayat (1)", right="sebagaimana dimaksud dalam Pasal 5 ayat (1)",
      applies_to=ALL_KINDS)
def glued(ctx):
    for node, field, text in matching(ctx, free_texts(ctx), (_GLUED_HINT,)):  # what every match of _GLUED holds
        hits = scan_glued(text)
        if hits:
            _report(ctx, node, field, hits)


# -- prepositions (read by BHS-012) ----------------------------------------------------------------------------------
#: 'di'/'ke' written together with a place or direction word: a preposition, written apart (EYD V: kata depan)
JOINED = ("luar dalam atas bawah samping antara sini sana situ mana bidang lingkungan wilayah daerah seluruh sekitar "
          "akhir awal tengah belakang depan muka tempat kantor kabupaten kecamatan desa kelurahan provinsi kota "
          "rumah bagian masing sekolah lapangan lokasi").split()
_JOINED = re.compile(r"\b([Dd]i|[Kk]e)(" + "|".join(JOINED) + r")\b")
#: 'di' written apart from a passive verb ('di tetapkan', 'di ubah'): a prefix, written together. Verbs in -kan, and the
#: roots that legal texts put in the passive; never a place ('di atas', 'di tempat')
PASSIVE_ROOTS = ("ubah cabut atur bentuk angkat tunjuk beri bayar buat tulis susun bina awasi pimpin nyatakan "
                 "lantik hapus tambah sisipkan undangkan").split()
_APART = re.compile(r"\b([Dd]i) ([a-z]{3,}kan|" + "|".join(PASSIVE_ROOTS) + r")\b")
_NOT_VERBS = frozenset("ikan pakan makan bukan akan tekan".split())
#: 'ke' + these is a word of its own ('keluar', a verb): only 'di' is checked for them ('kedalam' is 'ke dalam')
_KE_WORDS = frozenset(("luar",))


def scan_prepositions(text: str) -> list[Hit]:
    view = masked(text)
    hits = []
    fixed = text
    for m in _JOINED.finditer(view):
        if m.group(1).lower() == "ke" and m.group(2) in _KE_WORDS:
            continue  # 'keluar' is a verb
        hits.append(Hit(f"kata depan '{m.group(1)}' ditulis serangkai: '{m.group(0)}'", around(text, m.start(), m.end()),
                        f"tulis '{m.group(1)} {m.group(2)}'"))
    for m in _APART.finditer(view):
        if m.group(2) in _NOT_VERBS:
            continue
        hits.append(Hit(f"awalan 'di' ditulis terpisah: '{m.group(0)}'", around(text, m.start(), m.end()),
                        f"tulis '{m.group(1)}{m.group(2)}'"))
    if hits:
        fixed = _JOINED.sub(lambda m: m.group(0) if m.group(1).lower() == "ke" and m.group(2) in _KE_WORDS
                            else f"{m.group(1)} {m.group(2)}", fixed)
        fixed = _APART.sub(lambda m: m.group(0) if m.group(2) in _NOT_VERBS else m.group(1) + m.group(2), fixed)
        for hit in hits:
            hit.fixed, hit.fix_description = fixed, "kata depan dipisah, awalan dirangkai"
    return hits



# -- BHS-014 names of daerah and institutions --------------------------------------------------------------
_PLACE_WORDS = ("kabupaten", "kota", "provinsi", "kecamatan", "desa", "kelurahan")
_INSTITUTION_WORDS = ("dinas", "badan", "sekretariat", "inspektorat")
_NOT_A_NAME = r"(?!(?:Kabupaten|Kota|Provinsi|Kecamatan|Desa|Kelurahan|Daerah|Pemerintah|Negara)\b)"
_PLACE = re.compile(rf"(?<![/\w-])({'|'.join(_PLACE_WORDS)})\s+" + _NOT_A_NAME + r"(?=[A-Z][a-z])")
_INSTITUTION = re.compile(rf"(?<![/\w-])({'|'.join(_INSTITUTION_WORDS)})\s+" + _NOT_A_NAME + r"(?=[A-Z][a-z])")


def daerah_scanner(daerah: str):
    """A scanner for the daerah's own name in lowercase ('purwakarta') and for place and institution words in
    lowercase before a name ('kabupaten Purwakarta', 'dinas Sosial')."""
    words = [w for w in daerah.split() if len(w) > 2]
    own = re.compile(r"(?<![@./\w-])(" + " ".join(re.escape(w.lower()) for w in words) + r")(?![\w.-]*\.(?:go\.id|id|com))\b") \
        if words else None

    def scan(text: str) -> list[Hit]:
        view = masked(text)
        hits = []
        if own is not None:
            for m in own.finditer(view):
                hits.append(Hit(f"nama daerah ditulis dengan huruf kecil: '{m.group(0)}'", around(text, m.start(), m.end()),
                                f"tulis '{daerah}'", own.sub(daerah, text), fix_description="nama daerah berhuruf kapital"))
        for m in _PLACE.finditer(view):
            hits.append(Hit(f"'{m.group(1)}' sebelum nama ditulis dengan huruf kecil", around(text, m.start(), m.end() + 12),
                            f"tulis '{m.group(1).capitalize()}'",
                            _PLACE.sub(lambda x: x.group(0)[0].upper() + x.group(0)[1:], text),
                            fix_description="nama wilayah berhuruf kapital"))
        for m in _INSTITUTION.finditer(view):
            hits.append(Hit(f"nama lembaga diawali huruf kecil: '{m.group(1)} …'", around(text, m.start(), m.end() + 12),
                            f"tulis '{m.group(1).capitalize()}'",
                            _INSTITUTION.sub(lambda x: x.group(0)[0].upper() + x.group(0)[1:], text), severity="warning",
                            fix_description="nama lembaga berhuruf kapital"))
        return hits

    # every hit holds one of these words as written (lowercase): the daerah's name, a place or an institution word
    scan.words = ((" ".join(w.lower() for w in words),) if words else ()) + _PLACE_WORDS + _INSTITUTION_WORDS
    return scan


@rule("BHS-014", "warning", "Nama daerah, wilayah dan lembaga berhuruf awal kapital", f"{SRC} butir 243 huruf g; {EYD}",
      "Nama daerah ('Purwakarta'), nama wilayah bersama sebutannya ('Kabupaten Purwakarta', 'Kecamatan Bojong', 'Desa "
      "Sukamaju') dan nama lembaga ('Dinas Sosial') ditulis dengan huruf awal kapital. Nama daerah atau wilayah berhuruf "
      "kecil adalah galat; nama lembaga (yang kerap diawali kata umum) peringatan. Alamat surel dan situs "
      "('purwakartakab.go.id') tidak termasuk.", wrong="Pemerintah Daerah kabupaten purwakarta; dinas Sosial",
      right="Pemerintah Daerah Kabupaten Purwakarta; Dinas Sosial", applies_to=ALL_KINDS)
def names_case(ctx):
    cache = ctx.__dict__.setdefault("_daerah_scanner", {})
    scan = cache.get(ctx.profile.nama) or cache.setdefault(ctx.profile.nama, daerah_scanner(ctx.profile.nama))
    for node, field, text in containing(ctx, free_texts(ctx), scan.words, cased=True):
        if text.isupper():
            continue
        hits = scan(text)
        if hits:
            _report(ctx, node, field, hits)


# -- BHS-015 particles inside a nama -----------------------------------------------------------------------
_CAPITAL_PARTICLE = re.compile(r"(?<=\S )(" + "|".join(p.capitalize() for p in PARTICLES if "/" not in p) + r")(?= \S)")


def scan_title_particles(title: str) -> list[Hit]:
    if title.isupper():
        return []
    found = list(_CAPITAL_PARTICLE.finditer(title))
    if not found:
        return []
    fixed = _CAPITAL_PARTICLE.sub(lambda m: m.group(1).lower(), title)
    words = ", ".join(dict.fromkeys(m.group(1) for m in found))
    return [Hit(f"kata tugas berhuruf kapital di dalam nama: {words}", title[:60], "tulis kata tugas dengan huruf kecil",
                fixed, fix_description="kata tugas berhuruf kecil")]


@rule("BHS-015", "warning", "Kata tugas di dalam istilah, judul lampiran dan nama peraturan yang diubah berhuruf kecil",
      f"{SRC} butir 3, 5 (nama peraturan); {EYD} (huruf kapital pada judul)",
      "Di dalam nama peraturan yang diubah atau dicabut, istilah yang didefinisikan dan judul lampiran, setiap kata "
      "berhuruf awal kapital kecuali kata tugas (dan, atau, di, ke, dari, yang, untuk, pada, "
      "dalam, serta, bagi, oleh, dengan, tentang, terhadap, sebagai, antara, atas, melalui, kepada) yang tidak di awal. "
      "Nama naskah ini sendiri diperiksa JUD-002, judul Bagian dan Paragraf BT-004/BT-005, nama peraturan yang dikutip di "
      "Mengingat DH-017/DH-009 (nama resmi peraturan lama kadang menulis kata tugas dengan kapital). Peringatan: ejaan.",
      wrong="istilah: Pelayanan Dan Pengaduan Di Kecamatan", right="istilah: Pelayanan dan Pengaduan di Kecamatan",
      applies_to=ALL_KINDS)
def nama_particles(ctx):
    doc = ctx.doc  # its own nama is JUD-002's
    for node, field, text in cached_texts(ctx, None, ("tentang", "istilah", "judul")):
        if node is doc:
            continue
        if isinstance(node, Peraturan) and field == "tentang" and node.loc[:1] != ("dasar_hukum",) \
                or isinstance(node, Definisi) and field == "istilah" or isinstance(node, Lampiran) and field == "judul":
            report_hits(ctx, node, field, scan_title_particles(text))


# -- BHS-016 one term, one spelling ------------------------------------------------------------------------
#: bound forms written together with the next word (EYD V: bentuk terikat): 'antardaerah', 'nonfisik', 'subbagian'
BOUND = ("antar non sub pasca pra multi swa tuna ekstra inter intra semi supra ultra anti purna ko").split()
_BOUND = re.compile(r"\b(" + "|".join(BOUND) + r")(?:\s+|-)([a-z]{3,})\b", re.I)
_WORD_PAIR = re.compile(r"\b(?=(([A-Za-z]{2,})(\s+|-)([A-Za-z]{2,}))\b)")  # overlapping: every two neighbours
_WORD = re.compile(r"\b[A-Za-z]{5,}\b")


def spellings(texts: list[str]) -> dict[str, set[str]]:
    """Written forms of one term: 'non fisik', 'non-fisik' and 'nonfisik' share the key 'nonfisik'."""
    return _spellings(texts)[0]


def _spellings(texts: list[str]) -> tuple[dict[str, set[str]], list[list[tuple[int, str, str, str]]]]:
    """:func:`spellings`, and per text the word pairs written apart whose joined form is also written: (start, the
    pair as written, key, first word lowercased), in text order."""
    # the texts joined by a NUL (neither a letter nor a space: no word or pair crosses it, and \b sees an edge there),
    # so that each regex reads them all in one call
    singles = {w.lower() for w in _WORD.findall("\x00".join(texts))}
    forms: dict[str, set[str]] = defaultdict(set)
    pairs: list[list[tuple[int, str, str, str]]] = [[] for _ in texts]
    views = "\x00".join(masked(text) for text in texts)
    if not any(len(first) + len(second) >= 5 and (first + second).lower() in singles
               for _, first, _, second in _WORD_PAIR.findall(views)):
        return forms, pairs  # no term written both apart and joined (the usual case): no positions needed
    starts, at = [], 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    for m in _WORD_PAIR.finditer(views):
        key = (m.group(2) + m.group(4)).lower()
        if key in singles:
            written = m.group(1)
            forms[key].add(written.lower())
            i = bisect_right(starts, m.start()) - 1
            pairs[i].append((m.start() - starts[i], written, key, m.group(2).lower()))
    for key in list(forms):
        forms[key].add(key)
    return forms, pairs


@rule("BHS-016", "warning", "Satu istilah satu ejaan; bentuk terikat ditulis serangkai",
      f"{SRC} butir 243 huruf a, 246 (taat asas); {EYD} (bentuk terikat)",
      "Satu kata atau istilah ditulis dengan satu cara di seluruh dokumen: bukan 'nonfisik' di satu tempat dan 'non "
      "fisik' atau 'non-fisik' di tempat lain. Bentuk terikat (antar, non, sub, pasca, pra, multi, swa, tuna, semi, "
      "anti …) ditulis serangkai dengan kata yang mengikutinya: 'antardaerah', 'subbagian'. Nomenklatur lama ('Sub "
      "Bagian') masih dijumpai pada naskah yang diundangkan, maka peringatan.",
      wrong="kegiatan non fisik … kegiatan nonfisik", right="kegiatan nonfisik … kegiatan nonfisik", applies_to=ALL_KINDS)
def one_spelling(ctx):
    entries = free_texts(ctx)
    forms, pairs = _spellings([text for _, _, text in entries])  # one pass over the word pairs of every text
    bound = {id(entry) for entry in matching(ctx, entries, (_BOUND,))}  # the texts a bound form may be written in
    seen: set = set()
    for entry, found in zip(entries, pairs):
        node, field, text = entry
        if id(entry) in bound:
            for m in _BOUND.finditer(masked(text)):
                joined = m.group(1) + m.group(2)
                key = ("bound", joined.lower(), id(node), field)
                if key in seen or m.group(2).lower() in ("dan", "atau", "yang"):
                    continue
                seen.add(key)
                ctx.report(f"bentuk terikat '{m.group(1)}' ditulis terpisah: '{m.group(0)}'", node, field,
                           around(text, m.start(), m.end()), f"tulis '{joined}'")
        for start, written, key, first in found:
            variants = forms[key]  # the pair itself and its joined form: two spellings at least
            if first in BOUND:
                continue
            tag = ("pair", key)
            if tag in seen:
                continue
            seen.add(tag)
            ctx.report(f"'{written}' juga ditulis {', '.join(repr(v) for v in sorted(variants - {written.lower()}))}",
                       node, field, around(text, start, start + len(written)), "pakai satu ejaan di seluruh dokumen")


# -- misspelt fixed words (read by BHS-012) --------------------------------------------------------------------------
#: The words of the fixed formulae of Lampiran II and of the citation forms: a word of a legal text that is one or two
#: letters away from one of them, and is no Indonesian word at all (Hunspell id_ID), is that word misspelt.
FIXED_WORDS = frozenset("""
menimbang mengingat memperhatikan memutuskan menetapkan ditetapkan diundangkan pengundangan penetapan sebagaimana
dimaksud berdasarkan pertimbangan ketentuan melaksanakan pelaksanaan peraturan perundang-undangan undang-undang
pemerintah pemerintahan kabupaten provinsi kecamatan kelurahan sekretaris sekretariat lembaran tambahan republik
indonesia negara berita daerah bupati gubernur walikota keputusan instruksi perubahan pencabutan dicabut dinyatakan
berlaku mulai tanggal tentang terakhir beberapa diubah mengubah menjadi penjelasan lampiran merupakan bagian
terpisahkan mengetahuinya memerintahkan penempatannya kewenangan kewajiban pelaksana penyelenggaraan
menyelenggarakan diselenggarakan perangkat dinas badan inspektorat anggaran pendapatan belanja pembiayaan
dibebankan bersumber ditandatangani pejabat jabatan kepala wakil sekretaris pembinaan pengawasan pelaporan
pengelolaan pelayanan masyarakat pembentukan organisasi susunan kedudukan fungsi tugas rincian kerja sama
menyusun melakukan memberikan menyampaikan dilaksanakan diatur selanjutnya sepanjang bertentangan ketertiban umum
kesusilaan pembangunan perencanaan keuangan kepegawaian dilarang wajib berwenang berhak paling sedikit lambat
banyak tinggi rendah singkat lama setiap tersebut terhadap sesuai dengan dalam untuk kepada melalui sebagai
ditugaskan koordinasi evaluasi pemantauan sanksi administratif peringatan tertulis penghentian sementara
pencabutan izin pemberian penerimaan pengeluaran persyaratan prosedur standar mekanisme tata cara ketentuan
peralihan penutup umum definisi istilah singkatan dimaksudkan kabupaten/kota perseorangan kelompok
""".split())
_WORDS = re.compile(r"(?<![\w-])[A-Za-z][a-z]{5,}(?![\w-])")
_BY_INITIAL: dict[str, tuple[str, ...]] = {}
for _w in sorted(FIXED_WORDS):
    _BY_INITIAL.setdefault(_w[0], ()) and None
    _BY_INITIAL[_w[0]] = _BY_INITIAL.get(_w[0], ()) + (_w,)


def _near(word: str) -> str | None:
    """The fixed word ``word`` is one or two letters away from (same initial, ratio >= 0.85), or None."""
    from difflib import SequenceMatcher  # lazy: only a word close to a fixed word gets here

    best, score = None, 0.0
    for fixed in _BY_INITIAL.get(word[0], ()):
        if abs(len(fixed) - len(word)) > 2:
            continue
        matcher = SequenceMatcher(None, word, fixed)
        if matcher.real_quick_ratio() < 0.85 or matcher.quick_ratio() < 0.85:
            continue
        ratio = matcher.ratio()
        if ratio > score:
            best, score = fixed, ratio
    return best if score >= 0.85 else None


_NEAR: dict[str, str | None] = {}


def near_fixed(word: str) -> str | None:
    lower = word.lower()
    if lower not in _NEAR:
        _NEAR[lower] = None if lower in FIXED_WORDS else _near(lower)
    return _NEAR[lower]


def scan_fixed_words(text: str, is_word) -> list[Hit]:
    """Misspelt fixed words of ``text``; ``is_word(w)`` is the dictionary (None: no dictionary, nothing reported)."""
    if is_word is None:
        return []
    view = masked(text)
    found = []
    for m in _WORDS.finditer(view):
        word = m.group(0)
        fixed = near_fixed(word)
        if fixed is None or is_word(word) or is_word(word.lower()):
            continue
        found.append((m, fixed[0].upper() + fixed[1:] if word[0].isupper() else fixed))
    whole = text
    for m, right in reversed(found):
        whole = whole[:m.start()] + right + whole[m.end():]
    return [Hit(f"salah ketik: '{m.group(0)}' (maksudnya '{right}'?)", around(text, m.start(), m.end()), f"tulis '{right}'",
                whole, fix_description="perbaiki salah ketik kata baku") for m, right in found]


def _typo_hits(ctx, entries) -> dict[int, list[Hit]]:
    """Misspelt fixed words, by index of the entry (the dictionary loads only when a suspect word is found)."""
    from .kamus import dictionary  # lazy: the dictionary (0.6 s) loads only for a suspect word

    # the masked texts joined by a NUL (no word crosses it; the look-arounds see an edge there): one regex call
    counts = Counter(map(str.lower, _WORDS.findall("\x00".join(masked(text) for _, _, text in entries))))
    # a word written the same way three times or more is the drafter's word, not a slip ('penaatan', a real word the
    # dictionary lacks); a word of an official title in the registry is the title's spelling ('Propinsi')
    suspects = {w for w, n in counts.items() if n <= 2 and near_fixed(w)}
    if suspects:  # rare: only then the registry's titles are read (once per registry)
        suspects -= _title_words(ctx.registry)
    dictionary_is_word = dictionary() if suspects else None
    if dictionary_is_word is None:
        return {}
    is_word = lambda w: w.lower() not in suspects or dictionary_is_word(w)  # noqa: E731
    return {i: scan_fixed_words(text, is_word) for i, (_, _, text) in enumerate(entries)
            if any(w.lower() in suspects for w in _WORDS.findall(text))}


_TITLE_WORDS: dict[int, tuple[object, frozenset]] = {}


def _title_words(registry) -> frozenset:
    cached = _TITLE_WORDS.get(id(registry))
    if cached is None or cached[0] is not registry:
        # hand-verified titles only: the titles generated from OCR copies (data-peraturan) carry misreadings
        entries = registry.verified if hasattr(registry, "verified") else registry
        words = frozenset(w.lower() for reg in entries.values() for w in _WORDS.findall(reg.tentang or ""))
        _TITLE_WORDS.clear() if len(_TITLE_WORDS) > 8 else None
        cached = _TITLE_WORDS[id(registry)] = (registry, words)
    return cached[1]


# -- BHS-012 spelling --------------------------------------------------------------------------------------
_CAMEL = re.compile(r"\b([A-Z][a-z]{2,})([A-Z][a-z]{2,})\b")


def scan_camel(text: str) -> list[Hit]:
    """Two words written together ('PeraturanPeraturan', 'NegaraRepublik', 'UndangUndang')."""
    view = masked(text)
    found = list(_CAMEL.finditer(view))
    if not found:
        return []
    fixed = _CAMEL.sub(lambda m: f"{m.group(1)}-{m.group(2)}" if m.group(1) == m.group(2) else f"{m.group(1)} {m.group(2)}",
                       text)
    return [Hit(f"dua kata ditulis tersambung: '{m.group(0)}'", around(text, m.start(), m.end()),
                f"tulis '{m.group(1)} {m.group(2)}' (kata ulang dengan tanda hubung)", fixed,
                fix_description="pisahkan kata yang tersambung") for m in found]


SPELLING_SCANNERS = (scan_doubled, scan_prepositions, scan_camel)
#: DOUBLED_WORD where it matches, twice as fast: the repeated group is a whole word, so it need not give letters
#: back (a possessive group, Python 3.11+; on 3.10 the same matches with a word boundary, at DOUBLED_WORD's speed)
_DOUBLED_HINT = re.compile(r"\b(\w++)\s+\1\b" if sys.version_info >= (3, 11) else r"\b(\w+)\b\s+\1\b", re.I)
#: every hit of those scanners is a match of one of these in the text's masked view
_SPELLING_PATTERNS = (_DOUBLED_HINT, _JOINED, _APART, _CAMEL)


@rule("BHS-012", "warning", "Ejaan: kata ganda, kata depan dan awalan, kata tersambung, salah ketik kata baku",
      f"{SRC} butir 242 (bahasa peraturan tunduk pada kaidah tata bahasa dan ejaan); {EYD}; Hunspell id_ID (kamus)",
      "Di teks mana pun, kepala naskah, nama peraturan dan jabatan juga: kata yang ditulis dua kali ('yang yang'); kata "
      "depan di/ke yang ditulis serangkai ('diluar', 'dibawah', 'kedaerah') dan awalan di- yang ditulis terpisah ('di "
      "ubah', 'di tetapkan'); dua kata yang tersambung ('PeraturanPeraturan'); dan kata yang selisih satu-dua huruf dari "
      "kata baku rumusan peraturan (sebagaimana, dimaksud, ketentuan, Lembaran …) dan tidak ada dalam kamus bahasa "
      "Indonesia (Hunspell id_ID dari paket Debian hunspell-id, dibaca dengan spylls; tanpa kamus itu salah ketik tidak "
      "diperiksa). Naskah yang diundangkan sering memuatnya ('dibawah'), maka peringatan. 'keluar', 'dilaksanakan' dan "
      "kata yang sama ditulis tiga kali atau lebih (istilah penyusun) tidak dilaporkan.",
      wrong="diluar jam kerja, sebagaimama telah di ubah, yang yang", right="di luar jam kerja, sebagaimana telah diubah, yang",
      applies_to=ALL_KINDS)
def spelling(ctx):
    entries = free_texts(ctx)
    typos = _typo_hits(ctx, entries)
    # the scanners find nothing in a text none of their patterns matches: those texts are found at once
    scanned = {id(entry) for entry in matching(ctx, entries, _SPELLING_PATTERNS)}
    for i, entry in enumerate(entries):
        if i not in typos and id(entry) not in scanned:
            continue
        node, field, text = entry
        hits = [hit for scan in SPELLING_SCANNERS for hit in scan(text)] + typos.get(i, [])
        if hits:
            _report(ctx, node, field, _one_fix(text, hits))


def _one_fix(text: str, hits: list[Hit]) -> list[Hit]:
    """Hits of several scanners on one text: the fix of each is the text with every mechanical correction of the
    scanners applied in turn (one fix per place per run). A typo found on the text as written keeps its own fix only
    when nothing else is mended in that text."""
    scanned = [h for h in hits if not h.message.startswith("salah ketik")]
    if not scanned:
        return hits
    fixed = text
    for scan in SPELLING_SCANNERS:
        found = scan(fixed)
        if found and found[0].fixed is not None:
            fixed = found[0].fixed
    for hit in hits:
        hit.fixed = fixed if hit in scanned else None
    return hits

"""Konsiderans (Menimbang) rules: KON-*."""
from __future__ import annotations

import re

from ..naskah import rumusan
from ..naskah.jenis import jenis_of
from ..naskah.numbers import letters
from .judul import ALL_KINDS, PERATURAN_KINDS
from .dated import CLOSING_POINT, WALI_KOTA_SPELLING, wali_kota_variant
from .engine import Fix, rule
from .text import report_written_label
from ..naskah.citation import cite

SRC = "UU 12/2011 Lampiran II"


#: after the closing ';' a copy may carry a page mark ('; (2)': 123dok's page numbers) or a stray dot: not the text
_PAGE_MARK_AFTER = re.compile(r";\s*(?:\(\d{1,3}\)|[.·•])\s*$")


@rule("KON-002", "error", "Setiap pokok pikiran satu kalimat utuh: diawali 'bahwa', diakhiri ';'",
      f"{SRC} butir 21, 22; butir 23-27 (rumusan penutup dan pelaksanaan delegasi)",
      "Setiap pokok pikiran konsiderans, butir penutup yang ditulis tangan ('penutup:') juga, adalah satu kalimat yang "
      "diawali kata 'bahwa' (huruf kecil) dan diakhiri titik koma: tanpa titik atau titik koma di tengah yang memulai "
      "kalimat baru, tanpa 'dan' setelah titik koma (bukan rincian), dan kalimat 'bahwa untuk melaksanakan ketentuan …' "
      "memuat apa yang perlu dilakukan ('…, perlu menetapkan …'). Titik di akhir butir terakhir (butir penutup atau "
      "pertimbangan tunggal; Bulungan 5/2015) dan 'Bahwa' berhuruf kapital dijumpai pada dokumen yang diundangkan, "
      "maka peringatan; titik di akhir butir lain adalah galat.",
      wrong="a. Pemerintah Daerah perlu menata layanan rujukan.\nb. bahwa layanan belum terpadu. Perlu pedoman;",
      right="a. bahwa Pemerintah Daerah perlu menata layanan rujukan;\nb. bahwa layanan belum terpadu sehingga perlu pedoman;", applies_to=ALL_KINDS)
def bahwa_and_semicolon(ctx):
    kon = ctx.doc.konsiderans
    entries = [(point, "teks", point.teks, kon.is_tunggal) for point in kon.poin]
    if kon.penutup is not None:
        entries.append((kon, "penutup", kon.penutup, True))
    for node, field, raw, closing in entries:
        # a copied 'Menimbang :' or 'a.' in front is KON-001's and KON-003's finding (and fix), not a missing 'bahwa'
        text = raw.strip()
        # a copy whose label column ran into the text leaves the label's colon before the first point (': bahwa …')
        body = _OWN_LETTER.sub("", _LABEL.sub("", _LABEL_COLON.sub("", text)), count=1) if field == "teks" else text
        prefixed = body != text
        if prefixed:
            pass
        elif text.startswith("Bahwa "):
            ctx.report("pokok pikiran diawali 'Bahwa' berhuruf kapital", node, field, text[:60],
                       "tulis 'bahwa' dengan huruf kecil", Fix(node.loc + (field,), "b" + text[1:], "'Bahwa' -> 'bahwa'"),
                       severity="warning")
        elif not text.startswith("bahwa "):
            ctx.report("pokok pikiran tidak diawali kata 'bahwa'", node, field, text[:60],
                       "awali dengan 'bahwa '", Fix(node.loc + (field,), "bahwa " + text[0].lower() + text[1:], "tambah 'bahwa'"))
        m = _END_DAN.search(text)
        if m:
            ctx.report("pokok pikiran diakhiri '; dan'", node, field, text[-30:], "akhiri dengan ';' saja",
                       Fix(node.loc + (field,), text[:m.start()] + ";", "hapus 'dan' setelah ';'"))
            text = text[:m.start()] + ";"
        elif not text.endswith(";") and not _PAGE_MARK_AFTER.search(text):
            fixed = text.rstrip(".,: ") + ";"
            ctx.report("pokok pikiran tidak diakhiri tanda titik koma ';'", node, field, text[-60:],
                       "akhiri dengan ';'", Fix(node.loc + (field,), fixed, "akhiri dengan ';'"),
                       severity="warning" if text.endswith(".") and closing else None)
        view = body.rstrip(";. ")
        inner = _TWO_SENTENCES.search(view)
        if inner and not re.search(r"\b(?:No|Nomor|Pasal|ayat|huruf|angka)\.?\s*$", view[:inner.start()]):
            ctx.report("pokok pikiran memuat lebih dari satu kalimat", node, field,
                       view[max(0, inner.start() - 30):inner.end() + 20], "jadikan satu kalimat atau pecah menjadi dua pokok pikiran")
        if _DELEGATION_OPENER.match(text) and not re.search(r"\bperlu\b", text) and not _MAIN_CLAUSE.search(text):
            ctx.report("kalimat 'bahwa untuk melaksanakan ketentuan …' tidak lengkap: apa yang perlu dilakukan tidak disebut",
                       node, field, text[-60:], "lengkapi: '…, perlu menetapkan …' atau '…, perlu mengatur …'")


_DELEGATION_OPENER = re.compile(r"^bahwa untuk melaksanakan (?:ketentuan )?")
#: after a comma, a lowercase verb or 'maka'/'telah' within a few words: the sentence goes on to its main clause
#: ('…, Pemerintah Daerah menyusun …', '…, maka biaya … menjadi …', '…, telah ditetapkan …'); the cited titles are in
#: Title Case, so their words do not count, nor do those of a citation's amendment chain ('…, sebagaimana telah
#: diubah …', '…, terakhir dengan …')
_NOT_CHAIN = r"(?!sebagaimana\b|terakhir\b)"
_MAIN_CLAUSE = re.compile(r",\s+" + _NOT_CHAIN + r"(?:" + _NOT_CHAIN + r"\S+\s+){0,6}?"
                          r"(?:maka|telah|harus|wajib|(?:di|me|ber|ter)[a-z]{3,})\b")
_TWO_SENTENCES = re.compile(r"(?<![.])[.;](?![.])\s+(?:bahwa|Bahwa|[A-Z][a-z]+\s)")
_END_DAN = re.compile(r";\s*(?:dan|atau)\s*$")


#: the closing point, read loosely so that each deviation gets its own finding: (preposition, letters, delegation
#: mixed in, jenis, nama); 'sebagaimana dimaksud' and 'dalam' may be missing (KON-005), a delegation may be mixed in
#: (KON-004), 'maka' may stand before 'perlu'
_CLOSING = re.compile(r"^[Bb]ahwa berdasarkan pertimbangan (?P<dimaksud>sebagaimana dimaksud )?(?:(?P<prep>dalam|pada) )?"
                      r"(?P<letters>huruf [a-z](?:(?:,\s*|\s+dan\s+|,\s*dan\s+)(?:huruf\s+)?[a-z])*)(?:,\s*|\s+)"
                      r"(?:(?:dan|serta) (?P<delegasi>untuk .+?)(?:,\s*|\s+))?(?:maka\s+)?perlu menetapkan (?P<jenis>.+?) tentang "
                      r"(?P<nama>.+?)\s*[;.]$", re.S)
_LETTER = re.compile(r"(?:huruf\s+|,\s*|dan\s+)([a-z])\b")


def _letters_named(fragment: str) -> list[str]:
    return _LETTER.findall(fragment)


@rule("KON-004", "error", "Butir penutup: rumusan baku, semua huruf sebelumnya, tanpa pertimbangan lain",
      f"{SRC} butir 23",
      "Bila konsiderans memuat lebih dari satu pokok pikiran, butir terakhir berbunyi 'bahwa berdasarkan "
      "pertimbangan sebagaimana dimaksud dalam huruf a, huruf b, dan huruf c perlu menetapkan Peraturan Bupati "
      "tentang …;', menyebut setiap huruf sebelumnya tepat sekali dan berurutan, dan hanya memuat rumusan itu: "
      "'untuk melaksanakan ketentuan …' adalah pokok pikiran sendiri, dan 'maksud tersebut di atas' tidak menyebut "
      "hurufnya. legaldraft membuat butir ini sendiri; aturan ini memeriksa butir penutup yang ditulis tangan "
      "('penutup:'); perbaikannya menghapus 'penutup:' agar butir baku dibuat.",
      wrong="c. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan untuk melaksanakan ketentuan Pasal 3 "
            "…, perlu menetapkan …;",
      right="c. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b perlu menetapkan …;", applies_to=ALL_KINDS)
def closing_letters(ctx):
    kon = ctx.doc.konsiderans
    if kon.penutup is None or kon.is_tunggal:
        return
    generated = Fix(kon.loc + ("penutup",), None, "butir penutup dibuat otomatis")
    m = _CLOSING.match(_closing_sentence(kon.penutup))
    expected = [letters(i) for i in range(len(kon.poin))]
    if not m:
        ctx.report("butir penutup konsiderans tidak memakai rumusan baku butir 23 ('… sebagaimana dimaksud dalam huruf … "
                   "perlu menetapkan … tentang …;')", kon, "penutup", kon.penutup[:80],
                   "hapus 'penutup:' agar legaldraft membuat butir penutup baku", generated)
        return
    if m.group("delegasi"):
        ctx.report("butir penutup juga memuat pertimbangan lain ('" + m.group("delegasi")[:40] + "…'); pertimbangan "
                   "pelaksanaan delegasi menjadi pokok pikiran sendiri", kon, "penutup", m.group("delegasi")[:60],
                   "jadikan pertimbangan itu butir 'poin' sendiri dan hapus 'penutup:'", generated)
    named = _letters_named(m.group("letters"))
    if named != expected:
        ctx.report(f"butir penutup menyebut huruf {', '.join(named) or '-'}, seharusnya {', '.join(expected)}",
                   kon, "penutup", m.group("letters"), "hapus 'penutup:' agar huruf dihitung otomatis", generated)


@rule("KON-005", "warning", "Rumusan 'sebagaimana dimaksud dalam huruf a, huruf b, dan huruf c'",
      f"{SRC} butir 23; UU 12/2011 dan UU 13/2022 konsiderans (koma sebelum 'dan')",
      "Butir penutup memakai 'sebagaimana dimaksud dalam huruf …', kata 'huruf' diulang sebelum setiap huruf, dan koma "
      "ditulis sebelum 'dan' hanya bila hurufnya tiga atau lebih ('huruf a, huruf b, dan huruf c'; 'huruf a dan huruf "
      "b'). 'pada huruf', 'huruf a dan b', tanpa 'sebagaimana dimaksud', dan koma yang keliru umum pada Perbup yang "
      "diundangkan, maka peringatan.",
      wrong="sebagaimana dimaksud pada huruf a, huruf b dan c", right="sebagaimana dimaksud dalam huruf a, huruf b, dan huruf c", applies_to=ALL_KINDS)
def closing_wording(ctx):
    kon = ctx.doc.konsiderans
    if kon.penutup is None:
        return
    text = kon.penutup
    m = _CLOSING.match(text.strip())
    if not m:
        return
    where = (kon, "penutup")
    if not m.group("dimaksud"):  # 'dimaksud huruf a' without 'dalam' is REF-001's
        fixed = re.sub(r"^([Bb]ahwa berdasarkan pertimbangan )(?:(?:dalam|pada) )?", r"\1sebagaimana dimaksud dalam ",
                       text.strip(), count=1)
        ctx.report("butir penutup tanpa 'sebagaimana dimaksud dalam' sebelum hurufnya", *where, text[:80],
                   "tulis '… berdasarkan pertimbangan sebagaimana dimaksud dalam huruf …'",
                   Fix(kon.loc + ("penutup",), fixed, "'sebagaimana dimaksud dalam huruf'"))
    elif m.group("prep") == "pada":
        ctx.report("butir penutup memakai 'pada huruf'; rumusan baku 'dalam huruf'", *where, text[:80],
                   "ganti 'pada huruf' dengan 'dalam huruf'",
                   Fix(kon.loc + ("penutup",), text.replace("dimaksud pada huruf", "dimaksud dalam huruf", 1), "'pada huruf' -> 'dalam huruf'"))
    group = m.group("letters")
    if re.search(r"(?:,|\bdan)\s+[a-z]\b", group):
        ctx.report("kata 'huruf' tidak diulang sebelum setiap huruf", *where, group, "tulis 'huruf a dan huruf b'")
    count = len(_letters_named(group))
    if count >= 3 and re.search(r"[^,]\s+dan\s+(?:huruf\s+)?[a-z]$", group):
        fixed = text.replace(group, re.sub(r"\s+dan\s+((?:huruf\s+)?[a-z])$", r", dan \1", group), 1)
        ctx.report("tanpa koma sebelum 'dan' pada tiga huruf atau lebih", *where, group,
                   "tulis 'huruf a, huruf b, dan huruf c'", Fix(kon.loc + ("penutup",), fixed, "koma sebelum 'dan'"))
    elif count == 2 and re.search(r",\s*dan\s+", group):
        fixed = text.replace(group, re.sub(r",\s*dan\s+", " dan ", group), 1)
        ctx.report("koma sebelum 'dan' pada dua huruf", *where, group, "tulis 'huruf a dan huruf b'",
                   Fix(kon.loc + ("penutup",), fixed, "tanpa koma sebelum 'dan'"))


@rule("KON-006", "error", "Jenis dan nama dalam butir penutup sama dengan judul",
      f"{SRC} butir 23, 58",
      "Jenis dan nama peraturan setelah 'perlu menetapkan' pada butir penutup konsiderans (atau pertimbangan tunggal) "
      "sama dengan jenis naskah ini ('Peraturan Bupati', 'Peraturan Wali Kota', 'Keputusan Bupati' menurut profil "
      "daerah) dan dengan nama dalam judul (tanpa memandang huruf besar dan tanda baca). Butir penutup yang dibuat "
      "legaldraft selalu sama; yang diperiksa adalah butir yang ditulis apa adanya. Butir 23 dan 58 menetapkan "
      "bentuknya, maka galat; Perbup yang diundangkan dan menyimpang (Seram Bagian Timur 3/2022, Banyuwangi 19/2012) "
      "memuat cacat yang sebenarnya. Peringatan saja: nama daerah setelah jenisnya ('Peraturan Bupati Berau'; contoh "
      "butir 23 tanpa nama daerah, seperti 'Menetapkan' pada DIK-003), dan nama yang berbeda hanya karena spasi, tanda "
      "baca, kata ganda atau kata yang bukan kata (salah eja atau salah baca salinan: ejaan dinilai BHS-012).",
      wrong="… perlu menetapkan Peraturan Daerah tentang SLRT;",
      right="… perlu menetapkan Peraturan Bupati tentang Sistem Layanan Rujukan Terpadu …;")
def closing_name(ctx):
    kon = ctx.doc.konsiderans
    text = kon.penutup if kon.penutup is not None else (kon.poin[0].teks if kon.is_tunggal else None)
    if text is None:
        return
    m = _NAMED.search(_closing_sentence(text))
    if not m:
        return
    node, fld = (kon, "penutup") if kon.penutup is not None else (kon.poin[0], "teks")
    jenis = jenis_of(ctx.doc).nama_jenis(ctx.profile)
    if _with_daerah(m.group(1), jenis, ctx.profile.nama):
        # 'perlu menetapkan Peraturan Bupati Berau tentang …': butir 23 shows the jenis without the daerah (as butir 59
        # does for 'Menetapkan', where DIK-003 gives a warning); issued documents often name it: practice varies
        ctx.report(f"butir penutup menyebut nama daerah ('{m.group(1)}'); contoh butir 23 menulis '{jenis}' saja", node, fld,
                   m.group(1), f"tulis 'perlu menetapkan {jenis} tentang …'",
                   Fix(node.loc + (fld,), text.replace(f"menetapkan {m.group(1)} tentang", f"menetapkan {jenis} tentang", 1),
                       f"jenis: {jenis}"), severity="warning")
    elif _norm(m.group(1)) != _norm(jenis):
        spelling = wali_kota_variant(m.group(1), jenis)  # 'Peraturan Walikota' / 'Peraturan Wali Kota': one jenis
        ctx.report(f"butir penutup menetapkan '{m.group(1)}', padahal naskah ini {jenis}"
                   + (WALI_KOTA_SPELLING if spelling else ""), node, fld, m.group(1),
                   f"tulis 'perlu menetapkan {jenis} tentang …'",
                   Fix(node.loc + (fld,), text.replace(f"menetapkan {m.group(1)} tentang", f"menetapkan {jenis} tentang", 1),
                       f"jenis: {jenis}"), severity="warning" if spelling else None)
    judul = _PEMBUKAAN_AFTER.sub("", ctx.doc.tentang)
    if _norm(m.group(2)) != _norm(judul):
        slip = slip_only(m.group(2), judul)
        ctx.report("nama setelah 'tentang' pada konsiderans berbeda dengan judul" + (f" ({slip})" if slip else ""), node,
                   fld, m.group(2), f"samakan dengan judul: '{ctx.doc.tentang}'", severity="warning" if slip else None)


#: a copy whose layout ran the judul and the next line together leaves the pembukaan formula at the end of the judul
#: read (Perbup Alor 11/2021: '… KABUPATEN ALOR DENGAN RAHMAT TUHAN YANG MAHA ESA'): no name of a regulation ends so
_PEMBUKAAN_AFTER = re.compile(r"\s+dengan\s+rahmat\s+(?:tuhan\s+yang\s+maha\s+esa|allah\s+yang\s+maha\s+kuasa)\s*$",
                              re.I)


def slip_only(written: str, judul: str) -> str | None:
    """Why two names differ by a slip only, not by a word: spacing or punctuation ('Daerahpadabiro', 'Jas A'), or
    words that are no words at all on one side ('Foruiui' for 'Forum', 'tentan'): a misspelling in the judul or the
    konsiderans, or a misreading of the copy, which the spelling rules report (warning, as BHS-012). A real word for
    another ('Kali Lima' for 'Kaki Lima'), a word added or left out, is a different name: None."""
    import difflib  # lazy: only for names that differ

    def letters(text: str) -> str:
        return re.sub(r"[^0-9a-z]", "", text.lower())

    if letters(written) == letters(judul):
        return "berbeda hanya dalam spasi atau tanda baca"
    a, b = re.findall(r"[\w'/-]+", _norm(written)), re.findall(r"[\w'/-]+", _norm(judul))
    ops = [op for op in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes() if op[0] != "equal"]
    doubled = [op for op in ops if _doubled(op, a, b)]
    if doubled and len(doubled) == len(ops):
        return "kata ganda"
    if not ops or any(tag != "replace" or i2 - i1 != j2 - j1 for tag, i1, i2, j1, j2 in ops):
        return None
    from .kamus import dictionary  # lazy: the Hunspell dictionary loads on first use, only for word-for-word slips
    is_word = dictionary()
    if is_word is None:
        return None
    pairs = [(x, y) for _, i1, i2, j1, j2 in ops for x, y in zip(a[i1:i2], b[j1:j2])]
    if all(not (is_word(x) and is_word(y)) and difflib.SequenceMatcher(a=x, b=y).ratio() >= 0.5 for x, y in pairs):
        return "salah eja atau salah baca: " + ", ".join(f"'{x}'/'{y}'" for x, y in pairs[:3])
    return None


def _doubled(op, a: list[str], b: list[str]) -> bool:
    """A word written twice on one side ('Satuan Satuan'): the opcode inserts or deletes a copy of its neighbour."""
    tag, i1, i2, j1, j2 = op
    if tag == "insert" and j2 - j1 == 1:
        return b[j1] in (b[j1 - 1] if j1 else None, b[j2] if j2 < len(b) else None)
    if tag == "delete" and i2 - i1 == 1:
        return a[i1] in (a[i1 - 1] if i1 else None, a[i2] if i2 < len(a) else None)
    return False


def _closing_sentence(text: str) -> str:
    """The closing point up to its ';' (a page number or marker a copy left after it is not part of the name)."""
    text = text.strip()
    end = text.rfind(";")
    return text[:end + 1] if end > 0 and len(text) - end < 12 else text


#: '… perlu menetapkan Peraturan Bupati / Peraturan Wali Kota / Keputusan Gubernur tentang NAMA;'
_NAMED = re.compile(r"perlu menetapkan ((?:Peraturan|Keputusan)(?: [A-Z][\w-]*)+?) tentang (.+?)\s*[;.]?$", re.S)


def _norm(text: str) -> str:
    return re.sub(r"[\s,]+", " ", text).strip().rstrip(";. ").lower()


def _with_daerah(written: str, jenis: str, daerah: str | None) -> bool:
    """'Peraturan Bupati Berau' for 'Peraturan Bupati' in Kabupaten Berau (also '… Kabupaten Berau', '… Provinsi …')."""
    rest = _norm(written)[len(_norm(jenis)):].strip() if _norm(written).startswith(_norm(jenis) + " ") else ""
    rest = re.sub(r"^(?:kabupaten|kota|provinsi|propinsi)\s+", "", rest)
    return bool(rest and daerah and rest == _norm(daerah))


@rule("KON-007", "warning", "Paling banyak 6 pokok pikiran ditambah butir penutup",
      f"{SRC} butir 19 (diubah UU 13/2022), 20",
      "Konsiderans memuat unsur filosofis, sosiologis dan yuridis, masing-masing paling banyak dua pokok pikiran; "
      "dengan butir penutup, lebih dari 7 butir patut diperiksa.",
      wrong="a. … sampai h. (8 butir)", right="a. filosofis; b. sosiologis; c. yuridis; d. butir penutup", applies_to=ALL_KINDS)
def point_count(ctx):
    kon = ctx.doc.konsiderans
    total = len(kon.poin) + (0 if kon.is_tunggal else 1)
    if total > 7:
        ctx.report(f"konsiderans memuat {total} butir (lebih dari 7)", kon, None, "",
                   "ringkas menjadi paling banyak dua pokok pikiran per unsur")


_LABEL = re.compile(r"^\s*Menimbang\s*:?\s*")
_LABEL_COLON = re.compile(r"^\s*:\s*(?=[a-z]\.\s|bahwa\b)")


@rule("KON-001", "error", "Konsiderans diawali 'Menimbang' diikuti ':'", f"{SRC} butir 17",
      "Kata 'Menimbang :' dicetak oleh legaldraft di kolom label. Teks pokok pikiran tidak boleh memuatnya lagi "
      "(sisa salinan dari naskah lain), dan label yang dicetak harus ada.",
      wrong="- Menimbang : a. bahwa …;", right="- bahwa …;", applies_to=ALL_KINDS)
def menimbang_label(ctx):
    for point in ctx.doc.konsiderans.poin:
        report_written_label(ctx, point, _LABEL, "Menimbang", "pokok pikiran")
    labels = [b.label for b in ctx.outline if b.style.startswith("LD Konsiderans")]
    if not labels or labels[0] != "Menimbang":
        ctx.report("konsiderans tidak diawali label 'Menimbang'", ctx.doc.konsiderans, None, "", "periksa templat")


_OWN_LETTER = re.compile(r"^\s*[a-z][.)]\s+")


@rule("KON-003", "error", "Pokok pikiran diberi huruf a., b., c. otomatis; pertimbangan tunggal tanpa huruf",
      f"{SRC} butir 22; contoh tanpa huruf pada butir 24, 25, 27",
      "Bila konsiderans memuat lebih dari satu pokok pikiran, setiap pokok pikiran diberi huruf a., b., c. berurutan; "
      "legaldraft menambahkannya sendiri, maka huruf yang ditulis di teks menjadi ganda. Pertimbangan tunggal tidak "
      "diberi huruf (peringatan).", wrong="- a. bahwa …;", right="- bahwa …;", applies_to=ALL_KINDS)
def lettering(ctx):
    kon = ctx.doc.konsiderans
    for point in kon.poin:
        m = _OWN_LETTER.match(point.teks)
        if m:
            fix = Fix(point.loc + ("teks",), point.teks[m.end():], "hapus huruf yang ditulis tangan")
            if kon.is_tunggal:
                ctx.report("pertimbangan tunggal diberi huruf", point, "teks", point.teks[:40],
                           "pertimbangan tunggal ditulis tanpa huruf", fix, severity="warning")
            else:
                ctx.report(f"pokok pikiran diawali huruf '{m.group(0).strip()}' sendiri; huruf dicetak dua kali", point,
                           "teks", point.teks[:40], "hapus huruf di awal teks; huruf dibuat otomatis", fix)


_DELEGATION = re.compile(r"untuk melaksanakan ketentuan\s+(.+?)(?:,?\s+(?:maka\s+)?perlu menetapkan|$)", re.S)
_CITED = re.compile(r"((?:Peraturan|Undang-Undang)[\w\s-]*?) Nomor (\S+?) Tahun (\d{4})")


def _mengingat_mentions(ctx, nomor: str, tahun: str) -> bool:
    needle = f"Nomor {nomor} Tahun {tahun}"
    for item in ctx.doc.dasar_hukum:
        try:
            text = cite(item, ctx.registry, ctx.doc.penetapan.tanggal)
        except KeyError:
            continue
        main = text.split(" sebagaimana ")[0]
        if needle in main:
            return True
    return False


@rule("KON-008", "warning", "Pertimbangan pelaksanaan delegasi menyebut Pasal dan peraturannya ada di Mengingat",
      f"{SRC} butir 24, 25, 27, 27a (UU 13/2022); UU 23/2014 Pasal 246 ayat (2)",
      "Peraturan Bupati yang melaksanakan delegasi memuat pertimbangan 'bahwa untuk melaksanakan ketentuan Pasal … "
      "[peraturan], perlu menetapkan Peraturan Bupati tentang …;'. Pasal yang mendelegasikan disebut, dan peraturan "
      "yang mendelegasikan dimuat dalam dasar hukum (DH-002). Sebaliknya, pertimbangan tunggal hanya untuk peraturan "
      "yang melaksanakan delegasi (butir 24-27): Peraturan Bupati yang tidak melaksanakan delegasi memuat pertimbangan "
      "filosofis, sosiologis dan yuridis (butir 19 sebagaimana diubah UU 13/2022: 'dapat' bagi peraturan selain UU dan "
      "Perda, maka peringatan). Koreksi ini dijumpai dalam harmonisasi Kanwil Kemenkum Jawa Barat atas Rancangan "
      "Peraturan Wali Kota Bekasi (27 Mei 2025; corpus/reviews/README.md).",
      wrong="bahwa untuk melaksanakan Peraturan Daerah Nomor 3 Tahun 2020 …",
      right="bahwa untuk melaksanakan ketentuan Pasal 12 Peraturan Daerah Nomor 3 Tahun 2020 …", applies_to=ALL_KINDS)
def delegation(ctx):
    kon = ctx.doc.konsiderans
    if kon.is_tunggal and kon.poin and ctx.jenis in PERATURAN_KINDS and not _EXECUTES.search(kon.poin[0].teks):
        ctx.report("pertimbangan tunggal tanpa pelaksanaan delegasi: bentuk tunggal untuk peraturan yang melaksanakan "
                   "ketentuan peraturan yang lebih tinggi (butir 24-27)", kon.poin[0], "teks", kon.poin[0].teks[:60],
                   "uraikan pertimbangan filosofis, sosiologis dan yuridis sebagai pokok pikiran a, b, c (butir 19), atau "
                   "sebut 'untuk melaksanakan ketentuan Pasal … [peraturan]'")
    texts = [(p, "teks", p.teks) for p in kon.poin] + ([(kon, "penutup", kon.penutup)] if kon.penutup else [])
    for node, field, text in texts:
        m = _DELEGATION.search(text)
        if not m:
            continue
        provision = m.group(1)
        if not re.match(r"Pasal\s+\d", provision):
            ctx.report("pertimbangan 'untuk melaksanakan ketentuan' tidak menyebut Pasal yang mendelegasikan", node, field,
                       provision[:60], "sebut 'ketentuan Pasal … [peraturan]'")
        cited = _CITED.search(provision)
        if cited and not _mengingat_mentions(ctx, cited.group(2), cited.group(3)):
            ctx.report(f"peraturan yang mendelegasikan ({cited.group(0)}) tidak ada di dasar hukum", node, field,
                       cited.group(0), "tambahkan peraturan itu ke 'dasar_hukum:'")


#: a single pertimbangan that carries out a higher provision (butir 24-27): 'untuk melaksanakan ketentuan Pasal …',
#: 'sebagaimana diamanatkan dalam Pasal …', 'berdasarkan ketentuan Pasal …'
_EXECUTES = re.compile(r"\bmelaksanakan\s+(?:ketentuan|amanat)\b|\b(?:diamanatkan|diperintahkan|didelegasikan|mendelegasikan)\b"
                       r"|\bketentuan\s+Pasal\b|\bamanat\s+Pasal\b", re.I)


# -- the konsiderans as a whole ------------------------------------------------------------------------------
_CLOSES = re.compile(r"\bberdasarkan pertimbangan sebagaimana dimaksud\b|\bperlu menetapkan (?:Peraturan|Keputusan)\b", re.I)


@rule("KON-009", "error", "Hanya butir terakhir yang menutup; butir penutup tidak ditulis dua kali",
      f"{SRC} butir 23; contoh butir 24-27",
      "Butir penutup ('bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf …, perlu menetapkan …;') adalah "
      "butir terakhir dan hanya ada satu; pertimbangan tunggal ('tunggal: true') adalah satu butir yang sekaligus menutup "
      "dengan 'perlu menetapkan … tentang …'. legaldraft membuatnya sendiri dari jumlah pokok pikiran; butir penutup yang "
      "ditulis lagi sebagai pokok pikiran terakhir tercetak dua kali, dan 'perlu menetapkan' di tengah konsiderans "
      "membuat pokok pikiran berikutnya tak bertuan. Perbaikan: butir penutup yang ditulis tangan dihapus dari daftar.",
      wrong="poin: [bahwa …;, bahwa …;, bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu "
            "menetapkan Peraturan Bupati tentang …;]",
      right="poin: [bahwa …;, bahwa …;]   (butir penutup dibuat otomatis)", applies_to=ALL_KINDS)
def closing_once(ctx):
    kon = ctx.doc.konsiderans
    if kon.is_tunggal:
        point = kon.poin[0]
        if len(kon.poin) > 1 or kon.penutup is not None:
            ctx.report("konsiderans ditandai 'tunggal: true' tetapi memuat lebih dari satu pokok pikiran atau 'penutup:'",
                       kon, "tunggal", "", "hapus 'tunggal: true', atau satukan pertimbangannya")
        elif not re.search(r"\bperlu menetapkan\b", point.teks):
            ctx.report("pertimbangan tunggal tidak diakhiri 'perlu menetapkan … tentang …;'", point, "teks", point.teks[-60:],
                       "akhiri dengan ', perlu menetapkan Peraturan Bupati tentang …;' (butir 24-27)", since=CLOSING_POINT)
        return
    generated = kon.penutup is None
    points = kon.poin
    for i, point in enumerate(points):
        if not _CLOSES.search(point.teks):
            continue
        last = i == len(points) - 1
        if last and generated and len(points) > 1:
            ctx.report("butir penutup ditulis sebagai pokok pikiran; legaldraft juga membuatnya, sehingga tercetak dua kali",
                       point, "teks", point.teks[:70], "hapus butir ini; butir penutup dibuat otomatis",
                       Fix(point.loc, None, "hapus butir penutup yang ditulis tangan"))
        elif last and not generated:
            ctx.report("butir penutup ditulis dua kali (pokok pikiran terakhir dan 'penutup:')", point, "teks",
                       point.teks[:70], "hapus salah satunya", Fix(point.loc, None, "hapus butir penutup ganda"))
        elif not last:
            ctx.report("rumusan penutup ('berdasarkan pertimbangan …' / 'perlu menetapkan') di tengah konsiderans; hanya "
                       "butir terakhir yang menutup", point, "teks", point.teks[:70],
                       "pindahkan ke butir terakhir atau hapus rumusan penutupnya")



"""Konsiderans (Menimbang) rules: KON-*."""
from __future__ import annotations

import re

from ..naskah import rumusan
from ..naskah.numbers import letters
from .judul import ALL_KINDS
from .engine import Fix, rule
from .text import report_written_label
from ..naskah.citation import cite

SRC = "UU 12/2011 Lampiran II"


@rule("KON-002", "error", "Pokok pikiran konsiderans diawali 'bahwa' dan diakhiri ';'",
      f"{SRC} butir 21, 22",
      "Setiap pokok pikiran dalam konsiderans adalah satu kalimat yang diawali kata 'bahwa' (huruf kecil) dan "
      "diakhiri tanda titik koma. Titik di akhir butir (Bulungan 5/2015; setiap butir pada Banyuwangi 19/2012) dan "
      "'Bahwa' berhuruf kapital dijumpai pada dokumen yang diundangkan, sehingga hanya peringatan.",
      wrong="a. Pemerintah Daerah perlu menata layanan rujukan.",
      right="a. bahwa Pemerintah Daerah perlu menata layanan rujukan;")
def bahwa_and_semicolon(ctx):
    points = ctx.doc.konsiderans.poin
    for i, point in enumerate(points):
        # a copied 'Menimbang :' or 'a.' in front is KON-001's and KON-003's finding (and fix), not a missing 'bahwa'
        text = point.teks.strip()
        prefixed = _OWN_LETTER.sub("", _LABEL.sub("", text), count=1) != text
        if prefixed:
            pass
        elif text.startswith("Bahwa "):
            ctx.report("pokok pikiran diawali 'Bahwa' berhuruf kapital", point, "teks", text[:60],
                       "tulis 'bahwa' dengan huruf kecil", Fix(point.loc + ("teks",), "b" + text[1:], "'Bahwa' -> 'bahwa'"),
                       severity="warning")
        elif not text.startswith("bahwa "):
            ctx.report("pokok pikiran tidak diawali kata 'bahwa'", point, "teks", text[:60],
                       "awali dengan 'bahwa '", Fix(point.loc + ("teks",), "bahwa " + text[0].lower() + text[1:], "tambah 'bahwa'"))
        if not text.endswith(";"):
            fixed = text.rstrip(".,: ") + ";"
            ctx.report("pokok pikiran tidak diakhiri tanda titik koma ';'", point, "teks", text[-60:],
                       "akhiri dengan ';'", Fix(point.loc + ("teks",), fixed, "akhiri dengan ';'"),
                       severity="warning" if text.endswith(".") else None)


_CLOSING = re.compile(r"^bahwa berdasarkan pertimbangan sebagaimana dimaksud (dalam|pada) (.+?),? (?:dan untuk .+?,? )?(?:maka )?perlu menetapkan (.+?) tentang (.+?)\s*[;.]$", re.S)


def _letters_named(fragment: str) -> list[str]:
    return re.findall(r"(?:huruf\s+|,\s*|dan\s+)([a-z])\b", fragment)


@rule("KON-004", "error", "Butir penutup konsiderans menyebut semua huruf sebelumnya",
      f"{SRC} butir 23",
      "Bila konsiderans memuat lebih dari satu pokok pikiran, butir terakhir berbunyi 'bahwa berdasarkan "
      "pertimbangan sebagaimana dimaksud dalam huruf a, huruf b, dan huruf c perlu menetapkan Peraturan Bupati "
      "tentang …;' dan menyebut setiap huruf sebelumnya tepat sekali dan berurutan. legaldraft membuat butir ini "
      "sendiri; aturan ini memeriksa butir penutup yang ditulis tangan ('penutup:').",
      wrong="c. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a perlu menetapkan …;",
      right="c. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b perlu menetapkan …;")
def closing_letters(ctx):
    kon = ctx.doc.konsiderans
    if kon.penutup is None or kon.is_tunggal:
        return
    m = _CLOSING.match(kon.penutup.strip())
    expected = [letters(i) for i in range(len(kon.poin))]
    if not m:
        pattern = rumusan.penutup_konsiderans(["…"], "…", "…")
        ctx.report(f"butir penutup konsiderans tidak memakai rumusan '{pattern}'", kon, "penutup", kon.penutup[:80],
                   "hapus 'penutup:' agar legaldraft membuat butir penutup baku", Fix(kon.loc + ("penutup",), None, "butir penutup dibuat otomatis"),
                   severity="warning")
        return
    named = _letters_named(m.group(2))
    if named != expected:
        ctx.report(f"butir penutup menyebut huruf {', '.join(named) or '-'}, seharusnya {', '.join(expected)}",
                   kon, "penutup", m.group(2), "hapus 'penutup:' agar huruf dihitung otomatis",
                   Fix(kon.loc + ("penutup",), None, "butir penutup dibuat otomatis"))


@rule("KON-005", "warning", "Rumusan 'dalam huruf …' dengan kata 'huruf' diulang",
      f"{SRC} butir 23",
      "Butir penutup memakai 'sebagaimana dimaksud dalam huruf a dan huruf b'. 'pada huruf' dan 'huruf a dan b' "
      "menyimpang, tetapi umum pada Perbup yang diundangkan, maka peringatan.",
      wrong="sebagaimana dimaksud pada huruf a dan b", right="sebagaimana dimaksud dalam huruf a dan huruf b")
def closing_wording(ctx):
    kon = ctx.doc.konsiderans
    if kon.penutup is None:
        return
    m = _CLOSING.match(kon.penutup.strip())
    if not m:
        return
    if m.group(1) == "pada":
        ctx.report("butir penutup memakai 'pada huruf'; rumusan baku 'dalam huruf'", kon, "penutup", kon.penutup[:80],
                   "ganti 'pada huruf' dengan 'dalam huruf'",
                   Fix(kon.loc + ("penutup",), kon.penutup.replace("dimaksud pada huruf", "dimaksud dalam huruf", 1), "'pada huruf' -> 'dalam huruf'"))
    if re.search(r"huruf [a-z](?:,| dan) [a-z]\b", m.group(2)):
        ctx.report("kata 'huruf' tidak diulang sebelum setiap huruf", kon, "penutup", m.group(2),
                   "tulis 'huruf a dan huruf b'")


@rule("KON-006", "error", "Nama dalam butir penutup sama dengan judul",
      f"{SRC} butir 23, 58",
      "Nama peraturan setelah 'tentang' pada butir penutup konsiderans sama (tanpa memandang huruf besar dan tanda "
      "baca) dengan nama dalam judul dan setelah 'Menetapkan'. Butir penutup yang dibuat legaldraft selalu sama; yang "
      "diperiksa adalah butir yang ditulis apa adanya. Butir 23 dan 58 menetapkan bentuknya, maka galat; Perbup yang "
      "diundangkan dan menyimpang (Seram Bagian Timur 3/2022, Banyuwangi 19/2012) memuat cacat yang sebenarnya.",
      wrong="… perlu menetapkan Peraturan Bupati tentang SLRT;",
      right="… perlu menetapkan Peraturan Bupati tentang Sistem Layanan Rujukan Terpadu …;")
def closing_name(ctx):
    kon = ctx.doc.konsiderans
    text = kon.penutup if kon.penutup is not None else (kon.poin[0].teks if kon.is_tunggal else None)
    if text is None:
        return
    m = _NAMED.search(text.strip())
    if not m:
        return
    if _norm(m.group(1)) != _norm(ctx.doc.tentang):
        node, fld = (kon, "penutup") if kon.penutup is not None else (kon.poin[0], "teks")
        ctx.report("nama setelah 'tentang' pada konsiderans berbeda dengan judul", node, fld, m.group(1),
                   f"samakan dengan judul: '{ctx.doc.tentang}'")


#: '… perlu menetapkan Peraturan Bupati / Peraturan Wali Kota / Keputusan Gubernur tentang NAMA;'
_NAMED = re.compile(r"perlu menetapkan (?:Peraturan|Keputusan)(?: [A-Z][\w-]*)+? tentang (.+?)\s*[;.]?$", re.S)


def _norm(text: str) -> str:
    return re.sub(r"[\s,]+", " ", text).strip().rstrip(";. ").lower()


@rule("KON-007", "warning", "Paling banyak 6 pokok pikiran ditambah butir penutup",
      f"{SRC} butir 19 (diubah UU 13/2022), 20",
      "Konsiderans memuat unsur filosofis, sosiologis dan yuridis, masing-masing paling banyak dua pokok pikiran; "
      "dengan butir penutup, lebih dari 7 butir patut diperiksa.",
      wrong="a. … sampai h. (8 butir)", right="a. filosofis; b. sosiologis; c. yuridis; d. butir penutup")
def point_count(ctx):
    kon = ctx.doc.konsiderans
    total = len(kon.poin) + (0 if kon.is_tunggal else 1)
    if total > 7:
        ctx.report(f"konsiderans memuat {total} butir (lebih dari 7)", kon, None, "",
                   "ringkas menjadi paling banyak dua pokok pikiran per unsur")


_LABEL = re.compile(r"^\s*Menimbang\s*:?\s*")


@rule("KON-001", "error", "Konsiderans diawali 'Menimbang' diikuti ':'", f"{SRC} butir 17",
      "Kata 'Menimbang :' dicetak oleh legaldraft di kolom label. Teks pokok pikiran tidak boleh memuatnya lagi "
      "(sisa salinan dari naskah lain), dan label yang dicetak harus ada.",
      wrong="- Menimbang : a. bahwa …;", right="- bahwa …;", applies_to=ALL_KINDS)
def menimbang_label(ctx):
    for point in ctx.doc.konsiderans.poin:
        report_written_label(ctx, point, _LABEL, "Menimbang", "pokok pikiran")
    labels = [b.label for b in ctx.blocks if b.style.startswith("LD Konsiderans")]
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
      "yang mendelegasikan dimuat dalam dasar hukum (DH-002).",
      wrong="bahwa untuk melaksanakan Peraturan Daerah Nomor 3 Tahun 2020 …",
      right="bahwa untuk melaksanakan ketentuan Pasal 12 Peraturan Daerah Nomor 3 Tahun 2020 …", applies_to=ALL_KINDS)
def delegation(ctx):
    kon = ctx.doc.konsiderans
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
                       "akhiri dengan ', perlu menetapkan Peraturan Bupati tentang …;' (butir 24-27)")
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


_TWO_SENTENCES = re.compile(r"(?<![.])[.;](?![.])\s+(?:bahwa|Bahwa|[A-Z][a-z]+\s)")
_END_DAN = re.compile(r";\s*(?:dan|atau)\s*$")


@rule("KON-010", "error", "Setiap pokok pikiran satu kalimat utuh dari 'bahwa' sampai ';'", f"{SRC} butir 21, 22",
      "Pokok pikiran konsiderans adalah satu kalimat: diawali 'bahwa', diakhiri titik koma, tanpa titik atau titik koma "
      "di tengah yang memulai kalimat baru, dan tanpa 'dan' setelah titik koma (bukan rincian). Dua pokok pikiran dalam "
      "satu butir diberi huruf sendiri-sendiri.",
      wrong="a. bahwa pelayanan belum terpadu. Pemerintah Daerah perlu menatanya;",
      right="a. bahwa pelayanan belum terpadu sehingga Pemerintah Daerah perlu menatanya;", applies_to=ALL_KINDS)
def one_sentence(ctx):
    kon = ctx.doc.konsiderans
    texts = [(p, "teks", p.teks) for p in kon.poin] + ([(kon, "penutup", kon.penutup)] if kon.penutup else [])
    for node, field, text in texts:
        body = text.strip()
        m = _END_DAN.search(body)
        if m:
            ctx.report("pokok pikiran diakhiri '; dan'", node, field, body[-30:], "akhiri dengan ';' saja",
                       Fix(node.loc + (field,), body[:m.start()] + ";", "hapus 'dan' setelah ';'"))
            body = body[:m.start()] + ";"
        view = body.rstrip(";. ")
        inner = _TWO_SENTENCES.search(view)
        if inner and not re.search(r"\b(?:No|Nomor|Pasal|ayat|huruf|angka)\.?\s*$", view[:inner.start()]):
            ctx.report("pokok pikiran memuat lebih dari satu kalimat", node, field,
                       view[max(0, inner.start() - 30):inner.end() + 20], "jadikan satu kalimat atau pecah menjadi dua pokok pikiran")


_LOWER_PASAL = re.compile(r"(?<![\w.])pasal(?=\s+\d)")
_SERIAL = re.compile(r"\bhuruf [a-z](?:, huruf [a-z])+ dan huruf [a-z]\b")


@rule("KON-011", "error", "'Pasal' berhuruf kapital; koma sebelum 'dan' pada tiga huruf atau lebih",
      f"{SRC} butir 23 (rumusan penutup), butir 272 (pengacuan 'Pasal'); UU 13/2022 konsiderans huruf e",
      "Di dalam konsiderans 'Pasal' yang diikuti nomor ditulis dengan huruf awal kapital (galat). Pada rincian tiga huruf "
      "atau lebih, koma ditulis sebelum 'dan': 'dalam huruf a, huruf b, dan huruf c' (peringatan: contoh butir 23 "
      "tanpa koma, UU 12/2011 dan UU 13/2022 memakainya).",
      wrong="bahwa untuk melaksanakan ketentuan pasal 5 …; … dalam huruf a, huruf b dan huruf c",
      right="bahwa untuk melaksanakan ketentuan Pasal 5 …; … dalam huruf a, huruf b, dan huruf c", applies_to=ALL_KINDS)
def pasal_and_letters(ctx):
    kon = ctx.doc.konsiderans
    texts = [(p, "teks", p.teks) for p in kon.poin] + ([(kon, "penutup", kon.penutup)] if kon.penutup else [])
    for node, field, text in texts:
        if _LOWER_PASAL.search(text):
            m = _LOWER_PASAL.search(text)
            ctx.report("'pasal' berhuruf kecil di konsiderans", node, field, text[max(0, m.start() - 20):m.end() + 10],
                       "tulis 'Pasal'", Fix(node.loc + (field,), _LOWER_PASAL.sub("Pasal", text), "'pasal' -> 'Pasal'"))
        m = _SERIAL.search(text)
        if m:
            fixed = text.replace(m.group(0), m.group(0).replace(" dan huruf", ", dan huruf"))
            ctx.report("tanpa koma sebelum 'dan' pada rincian huruf", node, field, m.group(0),
                       "tulis 'huruf a, huruf b, dan huruf c'", Fix(node.loc + (field,), fixed, "koma sebelum 'dan'"),
                       severity="warning")

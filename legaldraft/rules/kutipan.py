"""The full citation form of written Mengingat items: DH-013 to DH-017 and DH-019 (butir 33, 44-52).

A ``teks:`` item (hand-written, copied, or every item of an imported document) is read after its typography is
normalised (:func:`legaldraft.naskah.citation_reader.normalise`), so a spaced hyphen or a doubled word neither hides the
numbers from the registry comparison (DH-009, DH-010, DH-011) nor passes unnoticed: DH-013 reports it. The other
rules here check what Lampiran II prescribes word for word: the publication parenthesis (DH-014), the Tambahan
where the form requires it (DH-015), the name of the UUD 1945 (DH-016), lowercase particles inside titles (DH-017),
 and the punctuation of the list (DH-019). A regulation outside
the registry still gets every form check; conflicts between its citations are REF-011's.
"""
from __future__ import annotations

import re

from ..naskah.citation_reader import (MISSPELT, NO_COMMA, NO_REPUBLIK, NO_TAHUN_WORD, NO_YEAR, doubled_words,
                                      looks_like_publication_data, names_publication, publication_bracket,
                                      publication_slips, read_written, tambahan_written)
from ..model.reference import JenisPeraturan as J
from .dasar_hukum import penetapan_date, registry_key
from .dated import LD_TLD, LN_TLN, LN_WORDING, UUD_NAME
from .engine import Fix, rule
from .judul import ALL_KINDS

SRC = "UU 12/2011 Lampiran II"
UUD = "Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"


def _written(ctx):
    """(item, text) of every hand-written Mengingat item."""
    return [(item, item.teks) for item in ctx.doc.dasar_hukum if item.teks]


# -- DH-013 typography -------------------------------------------------------------------------------------
_DASH = re.compile(r"[\u2010-\u2014\u2212]")
_SPACED_HYPHEN = re.compile(r"(?<=\w)(?: +- *| *- +)(?=\w)")
_PAREN_SPACE = re.compile(r"\(\s+|\s+\)")
_PUNCT_SPACE = re.compile(r"\s+(?=[,;:)])")
_RUNS = re.compile(r"(?<=\S) {2,}(?=\S)")


def typography(text: str) -> tuple[list[str], str, bool]:
    """(problems, text with the typography mended, whether a problem changes the wording)."""
    problems, fixed, wording = [], text, False
    if _DASH.search(fixed):
        problems.append("tanda pisah (–, —) di tempat tanda hubung")
        fixed = _DASH.sub("-", fixed)
    if _SPACED_HYPHEN.search(fixed):
        problems.append(f"tanda hubung berspasi ('{_SPACED_HYPHEN.search(fixed).group(0).join(['…', '…'])}')")
        fixed, wording = _SPACED_HYPHEN.sub("-", fixed), True
    doubled = doubled_words(fixed)
    if doubled:
        problems.append(f"kata ganda ('{doubled[0].group(0)}')")
        for m in reversed(doubled):
            fixed = fixed[:m.start()] + m.group(1) + fixed[m.end():]
        wording = True
    if _PAREN_SPACE.search(fixed) or _PUNCT_SPACE.search(fixed) or _RUNS.search(fixed):
        problems.append("spasi di dalam kurung, sebelum tanda baca atau spasi ganda")
        fixed = _RUNS.sub(" ", _PUNCT_SPACE.sub("", _PAREN_SPACE.sub(lambda m: m.group(0).strip(), fixed)))
    return problems, fixed, wording


@rule("DH-013", "warning", "Kutipan dasar hukum tanpa tanda hubung berspasi, kata ganda atau spasi salah",
      f"{SRC} butir 45, 46 (bentuk jenis dan nama); butir 242 (bahasa baku)",
      "Kutipan yang ditulis tangan atau hasil impor dibaca setelah tipografinya dinormalkan, agar nomor yang keliru tidak "
      "tersembunyi. Tanda hubung berspasi ('Undang - Undang', 'Perundang - undangan') dan kata yang ditulis dua kali "
      "mengubah bunyi nama peraturan; tanda pisah, spasi di dalam kurung, sebelum tanda baca atau spasi ganda hanya "
      "tipografi. Semuanya peringatan (tipografi, praktik beragam); nomor yang keliru di baliknya adalah galat DH-009. "
      "Perbaikan: teks yang sama dengan tipografi baku.",
      wrong="Undang - Undang Nomor 25 Tahun 2009 tentang tentang Pelayanan Publik ( Lembaran Negara …)",
      right="Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik (Lembaran Negara …)", applies_to=ALL_KINDS)
def kutipan_typography(ctx):
    for item, text in _written(ctx):
        problems, fixed, wording = typography(text)
        if problems:
            ctx.report("kutipan dasar hukum: " + "; ".join(problems), item, "teks", text[:60], "perbaiki tipografi kutipan",
                       Fix(item.loc + ("teks",), fixed, "tipografi kutipan dasar hukum"))


# -- DH-014, DH-015 the publication parenthesis -------------------------------------------------------------
_PIECE = re.compile(
    r"^(?P<tambahan>Tambahan\s+|T\.?\s*)?(?P<medium>Lembaran|Berita|L\.?|B\.?)\s*(?P<scope>Negara|Daerah|N\.?|D\.?)"
    r"(?P<ri>\s*(?:Republik\s+Indonesia|R\.?\s*I\.?))?(?P<daerah>\s+(?:Provinsi|Kabupaten|Kota|Propinsi)\s+[^,]*?)?"
    r"(?:\s*,?\s*Tahun\s+(?P<tahun>\d{4}))?\s*,?\s*(?:Nomor|No\.?)\s*:?\s*(?P<nomor>\d+[A-Za-z]?)"
    r"(?P<seri>\s*,?\s*Seri\s+\S+|\s*/\s*[A-Z]\d*)?$", re.I)  # 'Seri D', or a daerah's own '… Nomor 1 / D'
_SPLIT = re.compile(r"\s*[,;]\s*(?=Tambahan\b|T\.?\s*L\.?\s*N\b|TLD\b)", re.I)
_ABBREV = re.compile(r"^(T?)(L|B)(N|D)\s*(RI|R\.\s*I\.)?\b\.?\s*(.*)$", re.I)


def _canon_piece(m: re.Match, daerah_default: str) -> str:
    tambahan = bool(m.group("tambahan"))
    medium = "Lembaran" if m.group("medium")[0].upper() == "L" else "Berita"
    negara = m.group("scope")[0].upper() == "N"
    where = "Negara Republik Indonesia" if negara else f"Daerah {' '.join(w.capitalize() if w.islower() else w for w in (m.group('daerah') or daerah_default).split())}".rstrip()
    where = where.replace("Propinsi", "Provinsi")
    text = f"{'Tambahan ' if tambahan else ''}{medium} {where}"
    if m.group("tahun") and not tambahan:
        text += f" Tahun {m.group('tahun')}"
    text += f" Nomor {m.group('nomor')}"
    if m.group("seri"):
        seri = m.group("seri")
        text += " Seri " + seri.split()[-1] if "seri" in seri.lower() else seri  # a '/ D' series kept as written
    return text


def _expand_abbrev(piece: str) -> str:
    a = _ABBREV.match(piece.replace(". ", ".").strip())
    if not a:
        return piece
    words = ("Tambahan " if a.group(1) else "") + ("Lembaran " if a.group(2).upper() == "L" else "Berita ") + \
        ("Negara Republik Indonesia " if a.group(3).upper() == "N" else "Daerah ")
    return words + a.group(5)


def publication(text: str, daerah: str = ""):
    """The publication parenthesis of one citation (:func:`legaldraft.naskah.citation_reader.publication_bracket`) and
    its pieces: (match, [(piece, canonical or None, match)]) or None."""
    m = publication_bracket(text)
    if m is None:
        return None
    pieces = []
    for piece in _SPLIT.split(m.group(1).strip()):
        found = _PIECE.match(_expand_abbrev(piece.strip()))
        pieces.append((piece.strip(), _canon_piece(found, daerah) if found else None, found))
    return m, pieces


def _segments(text: str) -> list[str]:
    """The main citation and the amending one, each with its own parenthesis."""
    parts = re.split(r"\s+sebagaimana\s+", text, maxsplit=1)
    return parts


@rule("DH-014", "error", "Data pengundangan ditulis persis: 'Lembaran Negara Republik Indonesia Tahun … Nomor …, "
      "Tambahan Lembaran Negara Republik Indonesia Nomor …'", f"{SRC} butir 47, 48, 49",
      "Kurung data pengundangan memuat kata-kata lengkap dengan huruf awal kapital: 'Lembaran Negara Republik Indonesia "
      "Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587', 'Berita Negara Republik Indonesia "
      "Tahun … Nomor …', 'Lembaran Daerah Kabupaten … Tahun … Nomor …'. Singkatan (LN, TLN, LNRI, BN), 'nomor' dengan "
      "huruf kecil, 'No.', 'Nomor :' dan 'Lembaran Negara' tanpa 'Republik Indonesia' menyimpang dari bentuk yang "
      "ditetapkan. Perbaikan: bagian yang menyimpang ditulis ulang dengan angka yang sama.",
      wrong="(LN RI Tahun 2009 No. 112, TLN No. 5038)",
      right="(Lembaran Negara Republik Indonesia Tahun 2009 Nomor 112, Tambahan Lembaran Negara Republik Indonesia Nomor 5038)",
      applies_to=ALL_KINDS)
def publication_wording(ctx):
    for item, text in _written(ctx):
        fixed = text
        wrong, no_daerah, unreadable, no_year, unclosed = [], [], [], [], []
        segments = _segments(text)
        for n, segment in enumerate(segments):
            found = publication(segment, "")
            opened = segment.rfind("(")
            if opened >= 0 and ")" not in segment[opened:] and names_publication(segment[opened:]):
                # '(Lembaran … Nomor 4235 sebagaimana …': the bracket never closes; at the very end of the item the
                # text is rather cut short (a damaged copy or an import): a warning
                unclosed.append((segment[opened:], n == len(segments) - 1))
            if found is None:
                continue
            m, pieces = found
            old_law = _segment_year(segment) < 1951  # announced by date, in other series
            rebuilt = []
            for piece, canon, match in pieces:
                if canon is None:
                    if not old_law and looks_like_publication_data(piece):
                        unreadable.append(piece)
                    rebuilt.append(piece)
                    continue
                if not old_law and not match.group("tambahan") and not match.group("tahun"):
                    no_year.append(piece)
                if not match.group("daerah") and match.group("scope")[0].upper() == "D":
                    canon = piece  # the daerah is not written: reported below, not guessed
                    no_daerah.append(piece)
                if piece != canon:
                    wrong.append(piece)
                rebuilt.append(canon)
            if wrong:
                fixed = fixed.replace(m.group(0), "(" + ", ".join(rebuilt) + ")", 1)
        for opened, at_end in unclosed[:1]:
            ctx.report("kurung data pengundangan tidak ditutup" + (" (kutipan tampak terpotong)" if at_end else ""), item,
                       "teks", opened[:60], "tutup kurung setelah nomor Tambahan, sebelum 'sebagaimana …'",
                       None if at_end else Fix(item.loc + ("teks",), text.replace(opened, opened.rstrip() + ")", 1), "tutup kurung"),
                       severity="warning" if at_end else None)
        slips = [] if wrong else publication_slips(text)  # what the parser cannot read as a segment, with its mend
        for slip in slips:
            ctx.report(_SLIP_MESSAGES[slip.kind].format(found=slip.found, meant=slip.meant), item, "teks", slip.found,
                       "tulis 'Lembaran Negara Republik Indonesia Tahun … Nomor …, "
                       "Tambahan Lembaran Negara Republik Indonesia Nomor …'",
                       Fix(item.loc + ("teks",), slip.mended, "bentuk baku data pengundangan") if slip.mended else None,
                       since=None if slip.kind == MISSPELT else LN_WORDING)  # a misspelling is one at any date
        if slips:
            unreadable, no_year = [], []  # the same slips, already reported with their mend
        for piece in unreadable[:1]:
            ctx.report(f"data pengundangan tidak ditulis dalam bentuk baku: '{piece[:60]}' (kata atau susunannya keliru)",
                       item, "teks", piece[:60], "tulis 'Lembaran Negara Republik Indonesia Tahun … Nomor …, Tambahan "
                       "Lembaran Negara Republik Indonesia Nomor …' (periksa ejaannya)", since=_wording_form(piece))
        for piece in no_year[:1]:
            ctx.report(f"'{piece[:60]}' tanpa tahun Lembaran/Berita ('Tahun … Nomor …')", item, "teks", piece[:60],
                       "tulis 'Tahun … Nomor …' dari JDIH", since=_wording_form(piece))
        if no_daerah:
            ctx.report(f"'{no_daerah[0]}' tanpa nama daerah (mis. 'Lembaran Daerah Kabupaten … Tahun … Nomor …')", item,
                       "teks", no_daerah[0][:60], "sebut daerahnya setelah 'Lembaran Daerah'/'Berita Daerah'", since=LD_TLD)
        if wrong:
            # a law of 1950 or before, announced in the Berita Negara: butir 47 prescribes no wording for it
            old_only = all(_segment_year(seg) < 1951 for seg in segments if any(w in seg for w in wrong))
            ctx.report(f"data pengundangan tidak ditulis dalam bentuk baku: '{wrong[0]}'", item, "teks", wrong[0][:60],
                       "tulis 'Lembaran Negara Republik Indonesia Tahun … Nomor …, Tambahan Lembaran Negara Republik "
                       "Indonesia Nomor …'", Fix(item.loc + ("teks",), fixed, "bentuk baku data pengundangan"),
                       severity="warning" if old_only else None, since=_wording_form(wrong[0]))


def _segment_year(segment: str) -> int:
    """The year of the regulation a segment cites ('… telah diubah dengan Undang-Undang Nomor 18 Tahun 1950 …' too, which
    the reader does not take for a citation), 9999 when none is written."""
    year = read_written(segment).tahun
    if year is None:
        head = re.search(r"\bNomor\s+\S+\s+Tahun\s+(\d{4})\b", segment.split("(", 1)[0])
        year = int(head.group(1)) if head else None
    return year or 9999


def _wording_form(piece: str):
    """The dated form a publication piece is held to: the Lembaran Daerah since UU 12/2011, the Lembaran Negara
    wording since UU 10/2004."""
    return LD_TLD if re.search(r"\bDaerah\b", piece) else LN_WORDING


#: what each slip of a publication bracket (:func:`legaldraft.naskah.citation_reader.publication_slips`) is called
_SLIP_MESSAGES = {
    MISSPELT: "salah tulis dalam data pengundangan: '{found}' (maksudnya '{meant}')",
    NO_TAHUN_WORD: "kata 'Tahun' tidak ada sebelum tahun Lembaran Negara",
    NO_YEAR: "tahun Lembaran Negara tidak ditulis ('Tahun Nomor …')",
    NO_REPUBLIK: "'{found}' tanpa 'Republik Indonesia'",
    NO_COMMA: "tanda koma tidak ada sebelum 'Tambahan'",
}


_NATIONAL_LN = (J.uu, J.perppu, J.pp)
_LN = re.compile(r"(?<!Tambahan )Lembaran Negara")
_LD = re.compile(r"(?<!Tambahan )Lembaran Daerah")
_FIRST_TLN_YEAR = 1951  # the Tambahan Lembaran Negara series runs from the early 1950s


@rule("DH-015", "error", "Tambahan Lembaran Negara/Daerah dan jenis terbitan sesuai jenis peraturan",
      f"{SRC} butir 47, 48, 49",
      "Undang-Undang, Perppu dan Peraturan Pemerintah dikutip dengan Lembaran Negara dan Tambahan Lembaran Negara "
      "(galat bila Tambahannya tidak ditulis; undang-undang tahun 1950 diumumkan dalam Berita Negara); Peraturan Menteri "
      "dengan Berita Negara; Peraturan Daerah dengan Lembaran "
      "Daerah dan Tambahannya (peringatan: Perda lama tidak mempunyai Tambahan); Peraturan Gubernur/Bupati dengan Berita "
      "Daerah. Undang-Undang atau Peraturan Pemerintah dalam 'Berita Negara', Peraturan Menteri dalam 'Lembaran Negara' "
      "dan Perda dalam 'Berita Daerah' adalah galat.",
      wrong="Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik (Lembaran Negara Republik Indonesia Tahun 2009 Nomor 112);",
      right="… (Lembaran Negara Republik Indonesia Tahun 2009 Nomor 112, Tambahan Lembaran Negara Republik Indonesia Nomor 5038);",
      applies_to=ALL_KINDS)
def tambahan(ctx):
    for item, text in _written(ctx):
        whole = read_written(text)
        without_tld = []
        for cited in (whole, whole.amendment):
            if cited is None or not cited.readable or not cited.pub:
                continue
            pub = cited.pub
            label = f"{cited.jenis_text} Nomor {cited.nomor} Tahun {cited.tahun}"
            has_ln, has_bn = bool(_LN.search(pub)), "Berita Negara" in pub
            has_ld, has_bd = bool(_LD.search(pub)), "Berita Daerah" in pub
            has_tambahan = tambahan_written(pub)  # 'Tmbahan', 'Tambaharr': written, DH-014 names the slip
            if cited.jenis in _NATIONAL_LN:
                if has_bn and not has_ln and re.search(r"Tahun \d{4} Nomor", pub) and (cited.tahun or 0) > 1950:
                    ctx.report(f"{label} dikutip dengan Berita Negara; tempatnya Lembaran Negara", item, "teks", pub[:60],
                               "tulis 'Lembaran Negara Republik Indonesia …'")
                elif has_ln and not has_tambahan and (cited.tahun or 0) >= _FIRST_TLN_YEAR:
                    ctx.report(f"{label} dikutip tanpa Tambahan Lembaran Negara", item, "teks", pub[:60],
                               "tambahkan ', Tambahan Lembaran Negara Republik Indonesia Nomor …' (lihat JDIH)", since=LN_TLN)
            elif cited.jenis == J.permen and has_ln and not has_bn:
                ctx.report(f"{label} dikutip dengan Lembaran Negara; Peraturan Menteri diundangkan dalam Berita Negara",
                           item, "teks", pub[:60], "tulis 'Berita Negara Republik Indonesia Tahun … Nomor …'")
            elif cited.jenis in (J.perda, J.perda_prov):
                if has_bd and not has_ld:
                    ctx.report(f"{label} dikutip dengan Berita Daerah; Peraturan Daerah diundangkan dalam Lembaran Daerah",
                               item, "teks", pub[:60], "tulis 'Lembaran Daerah … Tahun … Nomor …'")
                elif has_ld and not has_tambahan and (cited.tahun or 0) >= 2011:
                    without_tld.append(label)
        if without_tld:  # once per item: a Perda and its amendment usually share the practice
            ctx.report(f"{' dan '.join(without_tld)} dikutip tanpa Tambahan Lembaran Daerah", item, "teks", text[:60],
                       "tambahkan ', Tambahan Lembaran Daerah … Nomor …' bila ada", severity="warning", since=LD_TLD)


# -- DH-016 the UUD ---------------------------------------------------------------------------------------
_UUD_NAME = re.compile(r"\bUUD(?:\s+NRI)?(?:\s+Tahun)?\s+1945\b|\bUndang[- ]*[Uu]ndang\s+Dasar\b(?:[^;()]*?\b1945\b)?")


@rule("DH-016", "error", "Nama UUD ditulis 'Undang-Undang Dasar Negara Republik Indonesia Tahun 1945'",
      f"{SRC} butir 33 (diubah UU 13/2022), 44",
      "Dasar hukum dari UUD menyebut pasalnya, lalu nama lengkapnya persis 'Undang-Undang Dasar Negara Republik Indonesia "
      "Tahun 1945'. 'UUD 1945', 'Undang-Undang Dasar 1945', 'UUD NRI Tahun 1945' atau nama tanpa 'Tahun' menyimpang.",
      wrong="Pasal 18 ayat (6) Undang-Undang Dasar 1945;",
      right="Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;", applies_to=ALL_KINDS)
def uud_name(ctx):
    for item, text in _written(ctx):
        for m in _UUD_NAME.finditer(text):
            written = m.group(0)
            if written == UUD:
                continue
            if written.startswith("Undang") and "1945" not in written:
                continue  # 'Undang-Undang Dasar' without a year: a Pasal of another text, or DH-006's case
            if not written.startswith("UUD") and re.sub(r"[- ]+", " ", written.lower()) == re.sub(r"[- ]+", " ", UUD.lower()):
                continue  # only the case of 'Undang-undang Dasar' differs: DH-006's finding
            ctx.report(f"nama UUD ditulis '{written}'", item, "teks", written, f"tulis '{UUD}'",
                       Fix(item.loc + ("teks",), text.replace(written, UUD), "nama lengkap UUD 1945"), since=UUD_NAME)


# -- DH-017 titles ---------------------------------------------------------------------------------
PARTICLES = ("tentang", "dan", "atas", "atau", "di", "ke", "dari", "yang", "untuk", "pada", "dalam", "serta", "bagi",
             "oleh", "dengan", "terhadap", "sebagai", "antara", "melalui", "kepada", "sampai", "menjadi", "dan/atau")
_CAP_PARTICLE = re.compile(r"(?<=[\w,)] )(" + "|".join(p.capitalize() for p in PARTICLES) + r")(?= [\w(])")
_PUB_BRACKET = re.compile(r"\([^()]*\)")


def capital_particles(text: str) -> list[re.Match]:
    """Particles written with a capital inside a citation (outside the publication brackets)."""
    spans = [m.span() for m in _PUB_BRACKET.finditer(text)]
    return [m for m in _CAP_PARTICLE.finditer(text) if not any(a <= m.start() < b for a, b in spans)]


def _known_titles(ctx, text: str) -> list[tuple[str, object]]:
    """(title as written, registry entry) of the main and the amending regulation of one item, when known."""
    whole = read_written(text)
    out = []
    for cited in (whole, whole.amendment):
        if cited is None or not cited.readable or not cited.tentang:
            continue
        key = registry_key(ctx, cited)
        # the case of a title is known only from a hand-verified entry: a title generated from data-peraturan is
        # the capitals of a heading cased by rule, or the case most citing documents use (often 'Atas', 'Yang')
        if key and ctx.registry[key].tentang and getattr(ctx.registry, "is_verified", lambda k: True)(key):
            out.append((cited.tentang, ctx.registry[key]))
    return out


_FORM_WORD = re.compile(r"(?<=\bTahun \d{4} )Tentang\b|\bSebagaimana\b|(?<=sebagaimana telah )Diubah\b")


@rule("DH-017", "error", "'tentang' dan kata tugas di dalam nama peraturan berhuruf kecil",
      f"{SRC} butir 45, 46 (bentuk kutipan; nama dikutip apa adanya); butir 243 huruf g (ejaan)",
      "Kata 'tentang' setelah nomor dan tahun, dan 'sebagaimana telah diubah', adalah kata bentuk kutipan dan ditulis "
      "dengan huruf kecil (galat). Kata tugas di dalam nama peraturan (dan, atas, atau, di, ke, dari, yang, untuk, pada, "
      "dalam, serta …) lazimnya berhuruf kecil; karena nama resmi peraturan lama kadang menulisnya kapital ('Dalam "
      "Jabatan Struktural'), kata tugas kapital pada nama yang tidak ada di registry hanya peringatan (nama yang ada di "
      "registry dibandingkan oleh DH-009). Perbaikan: kata itu ditulis dengan huruf kecil.",
      wrong="Undang-Undang Nomor 9 Tahun 2015 Tentang Perubahan Kedua Atas Undang-Undang Nomor 23 Tahun 2014 …",
      right="Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 …",
      applies_to=ALL_KINDS)
def title_particles(ctx):
    for item, text in _written(ctx):
        known = [text.find(written) for written, _ in _known_titles(ctx, text)]
        spans = [(start, start + len(w)) for start, (w, _) in zip(known, _known_titles(ctx, text)) if start >= 0]
        form = list(_FORM_WORD.finditer(text))
        found = [m for m in capital_particles(text) if not any(a <= m.start() < b for a, b in spans)
                 and not any(f.start() == m.start() for f in form)]
        for group, severity in ((form, None), (found, "warning")):
            if not group:
                continue
            fixed = text
            for m in reversed(group):
                fixed = fixed[:m.start()] + m.group(0).lower() + fixed[m.end():]
            words = ", ".join(dict.fromkeys(m.group(0) for m in group))
            what = "kata bentuk kutipan" if severity is None else "kata tugas di dalam nama peraturan"
            ctx.report(f"{what} berhuruf kapital: {words}", item, "teks", group[0].group(0), "tulis dengan huruf kecil",
                       Fix(item.loc + ("teks",), fixed, "huruf kecil"), severity=severity)


# -- DH-019 punctuation of the list ------------------------------------------------------------------------
_BAD_END = re.compile(r"(?:[;,]\s*(?:dan|atau)|[,:])\s*$")
_INNER_SEMICOLON = re.compile(r";\s+(?=(?:\d+\.\s+)?(?:Undang|Peraturan|Pasal|Keputusan)\b)")


@rule("DH-019", "error", "Setiap butir dasar hukum satu kutipan, diakhiri ';' tanpa 'dan'",
      f"{SRC} butir 52; contoh butir 32, 44",
      "Setiap butir dasar hukum memuat satu peraturan (dengan rantai perubahannya) dan diakhiri titik koma; butir "
      "terakhir pun tanpa 'dan' atau 'atau' dan tidak diakhiri koma atau titik dua. Dua peraturan dalam satu butir "
      "(dipisah ';') membuat penomoran keliru.",
      wrong="- teks: 'Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik (…); dan'",
      right="- teks: 'Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik (…)'", applies_to=ALL_KINDS)
def item_punctuation(ctx):
    for item, text in _written(ctx):
        m = _BAD_END.search(text)
        if m:
            ctx.report(f"butir dasar hukum diakhiri '{m.group(0).strip()}'", item, "teks", text[-40:],
                       "akhiri dengan ';' saja (ditambahkan otomatis)",
                       Fix(item.loc + ("teks",), text[:m.start()].rstrip(), "akhir butir dasar hukum"))
        inner = _INNER_SEMICOLON.search(text)
        if inner:
            ctx.report("satu butir dasar hukum memuat dua peraturan (dipisah ';')", item, "teks",
                       text[max(0, inner.start() - 30):inner.end() + 30], "pisahkan menjadi dua butir 'dasar_hukum'")

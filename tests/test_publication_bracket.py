"""Which bracket of a written citation holds its publication data: the one definition in
legaldraft.naskah.citation_reader that DH-014 (rules/kutipan.py), DH-009 (rules/dasar_hukum.py), the amendment importer
and the JDIH summary share (series_pattern, names_publication, looks_like_publication_data, publication_bracket,
before_publication, own_publication).

Every citation below is quoted from a corpus document (corpus/, source in each file's first line), whitespace joined;
the exceptions say so: DH-014's own example of abbreviations (the numbers of UU 25/2009) and the amendment importer's
documented form of a Perbup named with its Berita Daerah (the corpus has no Mengingat item of that form)."""
from __future__ import annotations

import re

import pytest

from legaldraft.importer.amendment import amended_citation, regional_reference
from legaldraft.naskah.citation_reader import (PUBLICATION_SERIES, before_publication, looks_like_publication_data,
                                              names_publication, own_publication, publication_bracket, read_written,
                                              series_pattern)

# wider/perbup-bulungan-2015-5.txt, Mengingat: the title names the UU Darurat with its own bracket
UU_27_1959 = ("Undang-Undang Nomor 27 Tahun 1959 tentang Penetapan Undang-Undang Darurat Nomor 3 Tahun 1953 tentang "
              "Pembentukan Daerah Tingkat II di Kalimantan (Lembaran Negara Republik Indonesia Tahun 1953 Nomor 9), "
              "sebagai Undang-Undang (Lembaran Negara Republik Indonesia Tahun 1959 Nomor 72, Tambahan Lembaran Negara "
              "Republik Indonesia Nomor 1820)")
# heldout/perwali-kendari-2022-13.txt (OCR): 'Lernbaran' and 'Nornor'
PERDA_KENDARI = ("Peraturan Daerah Kota Kendari Nomor 5 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah Kota "
                 "Kendari (Lernbaran Daerah Kota Kendari Tahun 2016 Nornor 5)")
# heldout/perbup-tulungagung-2013-x.txt (OCR): 'kmbaran' for 'Lembaran', '2OO4' with letters O
UU_33_2004 = ("Undang-Undang Nomor 33 Tahun 2OO4 tentang Perimbangan Keuangan antara Pemerintah Pusat dan Daerah (kmbaran "
              "Negara Republik Indonesia Tahun 2OO4 Nomor 126, Tambahan kmbaran Negara Nomor 4406)")
# wider/pergub-ntb-2017-19.txt: the bracket of UU 23/2014 never closes before 'sebagaimana'
UU_23_2014_UNCLOSED = ("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia "
                       "Tahun 2014 Nomor 244,")
# perbup-tulungagung-2022-33.txt, Mengingat 12: a Perda and its last amendment, each with its Lembaran Daerah
PERDA_TULUNGAGUNG = ("Peraturan Daerah Kabupaten Tulungagung Nomor 20 Tahun 2016 tentang Pembentukan dan Susunan Perangkat "
                     "Daerah Kabupaten Tulungagung (Lembaran Daerah Kabupaten Tulungagung Tahun 2016 Nomor 1 Seri D)")


@pytest.mark.parametrize("written, series", [
    ("Lembaran Negara Republik Indonesia Tahun 2014", "Lembaran Negara"),
    ("Tambahan Lembaran Negara Nomor 4406", "Tambahan Lembaran Negara"),
    ("Berita  Daerah Kota Surabaya", "Berita  Daerah"),      # spacing as a copy has it
    ("Lembaran Daerah\nKabupaten Tulungagung", "Lembaran Daerah"),
])
def test_a_series_named_in_full(written, series):
    assert re.match(PUBLICATION_SERIES, written).group(0) == series


def test_a_series_narrowed_to_its_scope():
    daerah = re.compile(series_pattern("Daerah", tambahan=False))
    assert daerah.match("Lembaran Daerah Kabupaten Tulungagung") and daerah.match("Berita Daerah Kota Kendari")
    assert not daerah.match("Lembaran Negara Republik Indonesia") and not daerah.match("Tambahan Lembaran Daerah")
    assert not re.match(series_pattern("Negara"), "Lembaran Daerah Kota Kendari")
    assert not re.match(PUBLICATION_SERIES, "Lembaran Negaranya") and not re.match(PUBLICATION_SERIES, "Lembaga Negara")


@pytest.mark.parametrize("content", [
    "kmbaran Negara Republik Indonesia Tahun 2OO4 Nomor 126",        # 'Negara' and a number
    "Tambahan kmbaran Negara Nomor 4406",
    "Lernbaran Daerah Kota Kendari Tahun 2016 Nornor 5",               # 'Daerah' and a number
    "Lembaran Negara Republik Indonesia Tahun 1959 Nomor 72",
])
def test_publication_data_misspelt_still_looks_like_it(content):
    assert looks_like_publication_data(content)


@pytest.mark.parametrize("content", [
    "Persero",                                             # a bracket of a title: no word of the data, no number
    "Lembaran Negara Republik Indonesia",                  # the words without a number
    "1",                                                   # a number without the words
])
def test_not_publication_data(content):
    assert not looks_like_publication_data(content)


def test_an_unclosed_bracket_names_publication_without_closing():
    opened = UU_23_2014_UNCLOSED[UU_23_2014_UNCLOSED.rfind("("):]
    assert names_publication(opened) and ")" not in opened
    assert not names_publication("(Persero")


def test_the_bracket_of_the_regulation_itself_not_the_one_in_its_title():
    m = publication_bracket(UU_27_1959)
    assert m.group(1) == ("Lembaran Negara Republik Indonesia Tahun 1959 Nomor 72, Tambahan Lembaran Negara Republik "
                          "Indonesia Nomor 1820")


@pytest.mark.parametrize("text, content", [
    (PERDA_KENDARI, "Lernbaran Daerah Kota Kendari Tahun 2016 Nornor 5"),       # misspelt: the tolerant test
    (UU_33_2004, "kmbaran Negara Republik Indonesia Tahun 2OO4 Nomor 126, Tambahan kmbaran Negara Nomor 4406"),
    (f"{PERDA_TULUNGAGUNG};", "Lembaran Daerah Kabupaten Tulungagung Tahun 2016 Nomor 1 Seri D"),
    # abbreviated (DH-014's example, UU 25/2009): no stem of the words, found as a bracket that names an 'LN'
    ("Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik (LN RI Tahun 2009 No. 112, TLN No. 5038)",
     "LN RI Tahun 2009 No. 112, TLN No. 5038"),
])
def test_the_publication_bracket_as_written(text, content):
    assert publication_bracket(text).group(1) == content


@pytest.mark.parametrize("text", [
    "Undang-Undang Nomor 19 Tahun 2003 tentang Badan Usaha Milik Negara (Persero)",
    UU_23_2014_UNCLOSED,
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
])
def test_no_publication_bracket(text):
    assert publication_bracket(text) is None


def test_a_title_cut_before_its_unclosed_bracket():
    cited = read_written(UU_23_2014_UNCLOSED)
    assert cited.pub == "" and "(Lembaran Negara" in cited.tentang
    assert before_publication(cited.tentang).strip() == "Pemerintahan Daerah"
    assert before_publication("Pembentukan Daerah Tingkat II di Kalimantan") == "Pembentukan Daerah Tingkat II di Kalimantan"


def test_own_publication_of_a_law_whose_title_names_another():
    # wider/perubahan-perbup-tanah-laut-2020-37.txt writes the same item without the comma after the first bracket
    for text in (UU_27_1959, UU_27_1959.replace("Nomor 9), sebagai", "Nomor 9) sebagai")):
        own = own_publication(read_written(text))
        assert own.pub.startswith("Lembaran Negara Republik Indonesia Tahun 1959 Nomor 72") and own.lembaran == (1959, "72")


def test_a_lembaran_daerah_inside_a_title_stays_in_the_title():
    """Negara only (the titles that name other regulations with their brackets are those of laws): a Perda amending one
    of the same year, the amended Perda's bracket in the title, keeps its own last bracket (no Tambahan tells the two
    apart). Built from Mengingat 12 of perbup-tulungagung-2022-33.txt, the amended Perda given the amending one's year."""
    amended = PERDA_TULUNGAGUNG.replace("Nomor 20 Tahun 2016", "Nomor 20 Tahun 2021").replace("2016 Nomor 1", "2021 Nomor 1")
    text = ("Peraturan Daerah Kabupaten Tulungagung Nomor 10 Tahun 2021 tentang Perubahan atas " + amended
            + " (Lembaran Daerah Kabupaten Tulungagung Tahun 2021 Nomor 2 Seri D)")
    cited = read_written(text)
    assert cited.lembaran == (2021, "2") and "Tahun 2021 Nomor 1 Seri D)" in cited.tentang
    assert own_publication(cited) is cited


def test_the_series_and_seri_of_a_lembaran_daerah_are_read_by_the_shared_reader():
    perda = read_written(PERDA_TULUNGAGUNG)
    assert (perda.series, perda.lembaran, perda.seri) == ("Lembaran Daerah", (2016, "1"), "D")
    law = read_written(UU_27_1959)
    assert (law.series, law.seri) == ("Lembaran Negara", None)
    assert read_written(UU_23_2014_UNCLOSED).series is None      # no bracket read: nothing to name


def test_the_amendment_importer_reads_the_amended_perbup_with_the_shared_reader():
    # the form the importer documents (legaldraft/importer/amendment.py), not a corpus quotation
    item = ("Peraturan Bupati Bangli Nomor 47 Tahun 2011 tentang Pedoman Teknis (Berita Daerah Kabupaten Bangli Tahun "
            "2011 Nomor 47);")
    assert amended_citation(item, "47", 2011) == {"nomor": "47", "tahun": 2011, "tentang": "Pedoman Teknis",
                                                  "lembaran": {"tahun": 2011, "nomor": 47}, "chain": []}
    assert amended_citation(item, "47", 2012) is None
    lower = item.replace("Tahun 2011 Nomor 47)", "tahun 2011 nomor 47)")     # as the old reader took it too
    assert amended_citation(lower, "47", 2011)["lembaran"] == {"tahun": 2011, "nomor": 47}
    seri = item.replace("Nomor 47);", "Nomor 47 Seri E);")
    assert amended_citation(seri, "47", 2011)["lembaran"] == {"tahun": 2011, "nomor": 47, "seri": "E"}
    # a Lembaran Negara is not the Berita Daerah of a regional head's Peraturan; a Perda is not one
    assert "lembaran" not in amended_citation(item.replace("Berita Daerah Kabupaten Bangli", "Lembaran Negara"), "47", 2011)
    assert regional_reference(read_written(PERDA_TULUNGAGUNG)) is None

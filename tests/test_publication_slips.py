"""The one reader of a publication bracket as a copy writes it (legaldraft.naskah.citation_reader): the slips DH-014
names and mends, and whether a bracket is written at all, which DH-008 asks before it reports data as missing.

Every slipped text below is quoted from a corpus document (corpus/, sources in each file's first line)."""
from __future__ import annotations

import pytest

from legaldraft.naskah.citation_reader import (MISSPELT, NO_COMMA, NO_REPUBLIK, publication_attempted,
                                              publication_slips, publication_word, tambahan_written)

TAIL = "Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587)"
UU_23_2014 = "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"

#: (corpus document, citation as the copy writes it): the bracket is written, its words or numbers slipped
WRITTEN_WITH_SLIPS = [
    ("wider/pergub-lampung-2014-2s.txt", "Undang-Undang Nomor 12 Tahun 20 II tentang Pembentukan Peraturan "
     "Perundang-undangan (Lernbaran Negara Republik Indonesia Tahun 2011 Nomor 82, Tambahan Lembaran Negara Republik "
     "Indonesia Nomor 5234)"),
    ("wider/perbup-penajam-paser-utara-2012-21.txt", "Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara "
     "(Lembaga Negara Republik Indonesia Tahun 2003 Nomor 47 Tambahan Lembaran Negara Republik Indonesia Nomor 4286)"),
    ("heldout/perbup-tulungagung-2013-x.txt", "Undang-Undang Nomor 32 Tahun 2OO4 tentang Pemerintahan Daerah (kmbaran "
     "Negara Republik Indonesia Tahun 2OO4 Nomor 125, Tambahan kmbaran Negara Republik Indonesia Nomor 4437)"),
    ("heldout/perbup-tulungagung-2013-x.txt", "Peraturan Pemerintah Nomor 58 Tahun 2005 tentang Pengelolaan Keuangan "
     "Daerah(レ mbaran Negara Repub量 Indonesia Tahun 2005 Nomor 140, Tambahan Lcmbaran Negara RepubLk lndonesta Nomor 4578)"),
    ("heldout/perwali-kotamobagu-2015-11.txt", "Undang-Undang Nomor 4 Tahun 2007 tentang Pembentukan Kota Kotamobagu di "
     "Provinsi Sulawesi Utara (tembaran Negra Republik Indonesia Tahun 2007 Nomor 6, Tambahan Lembaran Negara Republik "
     "Indonesia Nomor 4680)"),
    ("heldout/perbup-oku-timur-2019-85.txt", "Undang-Undang Nomor 6 Tahun 2014 tentang Desa (Lembatan Negara Republik "
     "Indonesia Tahun 2014 Nomor 7, Tambahan Lembaran Negara Republik Indonesia Nomor 5a951"),
    ("wider/perbup-aceh-utara-2020-4.txt", f"{UU_23_2014} (Lembaran Negara Republik Indonesia Tahu.n 2Ol4 Nomor 244 "
     "(Tambahan Lembaran Negara Republik Indonesia Nomor 5587)"),
    ("heldout/perbup-pesawaran-2012-12.txt", "Undang-Undang Nomor 32 Pemerintahan Daerah (Lemb Indonesia Tahun 2004 No "
     "Lembaran Negara Republik I"),
    ("heldout/perwali-kendari-2022-13.txt", "Peraturan Daerah Kota Kendari Nomor 5 Tahun 2016 tentang Pembentukan dan "
     "Susunan Perangkat Daerah Kota Kendari (Lernbaran Daerah Kota Kendari Tahun 2016 Nornor 5)"),
]


@pytest.mark.parametrize("document, text", WRITTEN_WITH_SLIPS)
def test_a_slipped_bracket_is_written_data(document, text):
    assert publication_attempted(text), document


@pytest.mark.parametrize("text", [
    UU_23_2014,                                                                   # no bracket at all
    f"{UU_23_2014};",
    # the Tambahan alone (Pergub Jatim 2/2013 citing PP 69/1999), also misspelt: the Lembaran is missing
    "Peraturan Pemerintah Nomor 69 Tahun 1999 tentang Iklan dan Label Pangan (Tambahan Lembaran Negara Nomor 3867)",
    f"{UU_23_2014} (Tmbahan Lembaran Negara Republik Indonesia Nomor 5587)",
    "Undang-Undang Nomor 18 Tahun 2012 tentang Pangan (Lembaran Negara R",     # cut before its year and number
    "Undang-Undang Nomor 19 Tahun 2003 tentang Badan Usaha Milik Negara (Persero)",  # a bracket of the title
])
def test_no_publication_bracket(text):
    assert not publication_attempted(text)


def test_the_prescribed_bracket_is_written_and_has_no_slip():
    text = f"{UU_23_2014} (Lembaran Negara Republik Indonesia {TAIL};"
    assert publication_attempted(text) and publication_slips(text) == []


@pytest.mark.parametrize("word, meant", [
    ("Lernbaran", "Lembaran"), ("Lembatan", "Lembaran"), ("Lcmbaran", "Lembaran"), ("kmbaran", "Lembaran"),
    ("Negera", "Negara"), ("Negra", "Negara"), ("Tmbahan", "Tambahan"), ("Noomor", "Nomor"), ("Repulik", "Republik"),
    ("Nomor", "Nomor"),
    ("Negeri", None), ("Daerah", None), ("Kabupaten", None), ("Pemerintahan", None),
])
def test_the_publication_word_a_written_word_stands_for(word, meant):
    assert publication_word(word) == meant


def test_misspelt_words_are_named_and_mended():
    """Perwali Ambon 519/2020 'Lembaran Negera'; Perbup OKU Timur 85/2019 'Lembatan'; Perbup Bulungan 5/2015
    'Tmbahan'."""
    ambon = ("Undang-Undang Nomor 23 Tahun 1957 tentang Pembentukan Daerah-Daerah Swatantra Tingkat II Dalam Wilayah "
             "Daerah Swatantra Tingkat I Maluku (Lembaran Negera Republik Indonesia Tahun 1957 Nomor 80)")
    [slip] = publication_slips(ambon)
    assert (slip.kind, slip.found, slip.meant) == (MISSPELT, "Negera", "Negara")
    assert slip.mended == ambon.replace("Negera", "Negara")
    oku = WRITTEN_WITH_SLIPS[5][1]
    assert [(s.found, s.meant) for s in publication_slips(oku)] == [("Lembatan", "Lembaran")]
    bulungan = ("Undang-Undang Nomor 6 Tahun 2014 tentang Desa (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 7, "
                "Tmbahan Lembaran Negara Republik Indonesia Nomor 5495)")
    [slip] = publication_slips(bulungan)
    assert (slip.found, slip.meant, slip.mended) == ("Tmbahan", "Tambahan", bulungan.replace("Tmbahan", "Tambahan"))


def test_every_slip_carries_the_text_with_every_mend():
    """Perbup Penajam Paser Utara 21/2012: 'Lembaga Negara' and no comma before 'Tambahan' in one bracket."""
    penajam = WRITTEN_WITH_SLIPS[1][1]
    slips = publication_slips(penajam)
    assert [(s.kind, s.found) for s in slips] == [(MISSPELT, "Lembaga"), (NO_COMMA, "Nomor 47 Tambahan")]
    mended = penajam.replace("Lembaga", "Lembaran").replace("Nomor 47 Tambahan", "Nomor 47, Tambahan")
    assert {s.mended for s in slips} == {mended}
    assert publication_slips(mended) == []


def test_lembaran_negara_without_republik_indonesia():
    text = "Peraturan Pemerintah Nomor 69 Tahun 1999 tentang Iklan dan Label Pangan (Tambahan Lembaran Negara Nomor 3867)"
    [slip] = publication_slips(text)
    assert (slip.kind, slip.found) == (NO_REPUBLIK, "Tambahan Lembaran Negara")
    assert slip.mended.endswith("(Tambahan Lembaran Negara Republik Indonesia Nomor 3867)")


@pytest.mark.parametrize("pub", [
    "Lembaran Negara Republik Indonesia Tahun 2014 Nomor 7, Tambahan Lembaran Negara Republik Indonesia Nomor 5495",
    # Perbup Bulungan 5/2015, Perbup Aceh Utara 4/2020, Pergub Riau 11/2021 (OCR), Pergub Kalsel 081/2017 (glued)
    "Lembaran Negara Republik Indonesia Tahun 2014 Nomor 7, Tmbahan Lembaran Negara Republik Indonesia Nomor 5495",
    "Lembaran Negara Republik Indonesia Tahun 2014 Nomor 7 Tambzrhan Lembaran Negara Republik Indonesia Nomor 5a95",
    "Lembaran Negara Republik Indonesia Tahun 2003 Nomor 47, Tambaharr Lembaran Negara Republik Indonesia Nomor 4286",
    "Lembaran Negara Republik Indonesia Tahun 1956 Nomor 65, TambahanLembaran Negara Republik Indonesia Nomor 1106",
])
def test_a_tambahan_is_written_however_the_copy_spells_it(pub):
    assert tambahan_written(pub)


def test_a_bracket_without_its_tambahan():
    assert not tambahan_written("Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244")
    assert not tambahan_written("Lembaran Daerah Kabupaten Tabalong Tahun 2010 Nomor 5")


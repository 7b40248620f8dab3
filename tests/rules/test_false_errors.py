"""Error findings on issued corpus documents that were not defects of the law's form (issue 13 item 2), and how the
rule now reads them: on a scaffold and on the corpus document that showed it."""
from __future__ import annotations

import pytest

import legaldraft
from legaldraft.spec.scaffold import scaffold

from conftest import CORPUS

NAME = "Penyelenggaraan Pelayanan Publik Terpadu"
KON_A = ("  - bahwa untuk meningkatkan kualitas pelayanan kepada masyarakat, Pemerintah Daerah perlu menyelenggarakan "
         "pelayanan publik secara terpadu;\n")
KON_B = "  - bahwa penyelenggaraan pelayanan publik terpadu memerlukan pedoman yang jelas bagi Perangkat Daerah;\n"


def closing(jenis: str, nama: str, tentang: str = NAME) -> str:
    text = scaffold("perbup").replace("tentang: Penyelenggaraan Pelayanan Publik Terpadu", f"tentang: {tentang}", 1)
    point = (f"bahwa untuk melaksanakan ketentuan Pasal 5 Peraturan Daerah Kabupaten Contoh Nomor 2 Tahun 2020 tentang "
             f"Pelayanan Publik, perlu menetapkan {jenis} tentang {nama};")
    text = text.replace("konsiderans:                 #", "konsiderans:\n  tunggal: true\n  poin:\n #", 1)
    return text.replace(KON_A, f"  - {point}\n", 1).replace(KON_B, "", 1)


def kon006(text: str) -> list[tuple[str, str]]:
    return [(f.severity.value, f.message) for f in legaldraft.check(legaldraft.loads(text), only=["KON-006"])]


def test_the_daerah_named_after_the_jenis_is_a_warning_as_in_menetapkan():
    """Butir 23 shows 'perlu menetapkan Peraturan Daerah tentang …' without the daerah; butir 59 leaves it out after
    'Menetapkan', where DIK-003 gives a warning because issued documents name it. Berau 41/2016, Cilacap 63/2018,
    Aceh 34/2016 and others write 'Peraturan Bupati Berau tentang …'."""
    assert kon006(closing("Peraturan Bupati Contoh", NAME)) == [
        ("warning", "butir penutup menyebut nama daerah ('Peraturan Bupati Contoh'); contoh butir 23 menulis "
                    "'Peraturan Bupati' saja")]
    assert kon006(closing("Peraturan Bupati Kabupaten Contoh", NAME))[0][0] == "warning"
    assert kon006(closing("Peraturan Bupati", NAME)) == []
    # another jenis, or another daerah, is still an error
    assert kon006(closing("Peraturan Daerah", NAME))[0][0] == "error"
    assert kon006(closing("Peraturan Bupati Purwakarta", NAME))[0][0] == "error"


@pytest.mark.parametrize("konsiderans,judul,severity,why", [
    ("Penyelenggaraan Pelayanan Publik Terpadu", "Penyelenggaraan Pelayanan Publik Terpadu", None, None),
    # spacing and punctuation only: Kalsel 81/2017 'Daerahpadabiro', Gorontalo 2014 'Jas A'
    ("Penyelenggaraan Pelayanan Publik Terpadu", "Penyelenggaraan Pelayananpublik Terpadu", "warning", "spasi"),
    # a word that is no word: Sumut 13/2011 'Foruiui', Sulbar 1/2020 'tentan'
    ("Penyelenggaraan Pelayanan Publik Terpadu", "Penyelenggaraan Pelayanam Publik Terpadu", "warning", "salah eja"),
    # a word written twice: Mataram 42/2016 'Satuan Satuan'
    ("Penyelenggaraan Pelayanan Publik Terpadu", "Penyelenggaraan Pelayanan Pelayanan Publik Terpadu", "warning",
     "kata ganda"),
    # a real word for another (Tasikmalaya 60/2015 'Kali Lima' for 'Kaki Lima'), a word left out or added: error
    ("Penyelenggaraan Pelayanan Publik Terpusat", "Penyelenggaraan Pelayanan Publik Terpadu", "error", None),
    ("Penyelenggaraan Pelayanan Publik", "Penyelenggaraan Pelayanan Publik Terpadu", "error", None),
])
def test_a_name_that_differs_by_a_slip_only_is_a_warning(konsiderans, judul, severity, why):
    found = kon006(closing("Peraturan Bupati", konsiderans, tentang=judul))
    if severity is None:
        assert found == []
        return
    assert [sev for sev, _ in found] == [severity]
    assert (why in found[0][1]) if why else found[0][1] == "nama setelah 'tentang' pada konsiderans berbeda dengan judul"


def test_a_page_marker_after_the_closing_semicolon_is_not_part_of_the_name():
    text = closing("Peraturan Bupati", NAME).replace(f"tentang {NAME};", f"tentang {NAME}; (2)", 1)
    assert kon006(text) == []


@pytest.mark.parametrize("name,want", [
    ("family/perbup-berau-2016-41.txt", "warning"), ("family/perwali-mataram-2016-42.txt", "warning"),
    ("heldout/pergub-kalsel-2017-081.txt", "warning"), ("wider/perwali-tasikmalaya-2015-60.txt", "error"),
])
def test_on_the_corpus(name, want):
    from legaldraft.api import check
    from legaldraft.importer import import_file
    from legaldraft.importer.finish import load_spec

    found = [f.severity.value for f in check(load_spec(import_file(CORPUS / name))) if f.rule.id == "KON-006"]
    assert found and set(found) == {want}


def _corpus(name: str, rule: str) -> list[tuple[str, str]]:
    from legaldraft.api import check
    from legaldraft.importer import import_file
    from legaldraft.importer.finish import load_spec

    return [(f.severity.value, f.message) for f in check(load_spec(import_file(CORPUS / name))) if f.rule.id == rule]


def test_a_title_that_names_another_regulation_with_its_brackets_keeps_its_own_publication():
    """Perbup Tanah Laut 37/2020 cites 'UU 8/1965 tentang Pembentukan … (LN 1965/51, TLN 2756) dengan mengubah UU
    27/1959 … (LN 1959/72, TLN 1820)': the first bracket is UU 8/1965's own, not a Lembaran of 1959."""
    found = _corpus("wider/perubahan-perbup-tanah-laut-2020-37.txt", "DH-009")
    assert not [m for _, m in found if "tidak mendahului" in m]
    from legaldraft.naskah.citation_reader import own_publication, read_written

    text = ("Undang-Undang Nomor 8 Tahun 1965 tentang Pembentukan Daerah Tingkat II Tanah Laut (Lembaran Negara Republik "
            "Indonesia Tahun 1965 Nomor 51, Tambahan Lembaran Negara Republik Indonesia Nomor 2756) dengan mengubah "
            "Undang-Undang Nomor 27 Tahun 1959 tentang Penetapan Undang-Undang Darurat Nomor 3 Tahun 1953 sebagai "
            "Undang-Undang (Lembaran Negara Republik Indonesia Tahun 1959 Nomor 72, Tambahan Lembaran Negara Republik "
            "Indonesia Nomor 1820)")
    own = own_publication(read_written(text))
    assert own.pub.endswith("Nomor 2756") and own.tentang == "Pembentukan Daerah Tingkat II Tanah Laut"
    # 'UU 27/1959 tentang Penetapan UU Darurat 3/1953 … (LN 1953/9) sebagai Undang-Undang (LN 1959/72)' (Berau 41/2016)
    assert not [m for _, m in _corpus("family/perbup-berau-2016-41.txt", "DH-009") if "tidak mendahului" in m]
    # a Lembaran year before the regulation's own year is still an error where the title names no other regulation
    late = ("Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik (Lembaran Negara Republik Indonesia Tahun 2008 "
            "Nomor 112, Tambahan Lembaran Negara Republik Indonesia Nomor 5038)")
    doc = scaffold("perbup").replace("  - uu-25-2009\n", f"  - teks: '{late}'\n", 1)
    assert ["error"] == [f.severity.value for f in legaldraft.check(legaldraft.loads(doc), only=["DH-009"])
                         if "tidak mendahului" in f.message]


def test_a_law_of_1950_without_publication_data_is_a_warning():
    """UU 13/1950 (Yogyakarta) was announced in the Berita Negara by date: no Lembaran Negara and Tambahan exist to ask
    for (Perbup Banjarnegara 37/2015, Grobogan 33/2007 cite it bare)."""
    assert [s for s, _ in _corpus("heldout/perbup-banjarnegara-2015-37.txt", "DH-008")] == ["warning"]
    assert [s for s, _ in _corpus("wider/perbup-grobogan-2007-33.txt", "DH-008")] == ["warning"]
    from legaldraft.rules.dasar_hukum import _before_series

    assert _before_series(1950) and not _before_series(1951) and not _before_series(None)


@pytest.mark.parametrize("title,severity", [("Pelayanan Publk", "warning"), ("Pelayanan  Publik|", None),
                                            ("Pelayanan Umum", "error"), ("Pelayanan Publik", None)])
def test_dh_009_reads_a_misspelt_title_as_spelling(title, severity):
    """A title that differs from the registry by a non-word ('Pemerintahan hceh', Aceh Utara 4/2020) or a copy's
    stray mark ('Pemerintahan| Daerah', Tangerang 93/2018) is a warning; another word is an error."""
    cite = (f"Undang-Undang Nomor 25 Tahun 2009 tentang {title} (Lembaran Negara Republik Indonesia Tahun 2009 Nomor "
            "112, Tambahan Lembaran Negara Republik Indonesia Nomor 5038)")
    doc = scaffold("perbup").replace("  - uu-25-2009\n", f"  - teks: '{cite}'\n", 1)
    found = [f.severity.value for f in legaldraft.check(legaldraft.loads(doc), only=["DH-009"]) if "tertulis '" in f.message]
    if severity is None:
        assert "error" not in found
    else:
        assert found == [severity]


def test_ref_011_reads_a_misspelt_name_as_spelling():
    """One regulation named once with a non-word ('Huten' for 'Hutan', as Pergub Sulawesi Selatan 74/2020 did): a
    warning; another word (Perbup Bangli 36/2019 names Perbup 47/2011 two ways): an error."""
    def mentions(second: str) -> str:
        text = scaffold("perbup").replace(
            KON_B, "  - bahwa Peraturan Bupati Contoh Nomor 3 Tahun 2020 tentang Penataan Kawasan Hutan perlu "
                   "dilaksanakan;\n", 1)
        return text.replace("PPT diselenggarakan oleh Perangkat Daerah sesuai dengan kewenangannya.",
                            f"PPT diselenggarakan sesuai dengan Peraturan Bupati Contoh Nomor 3 Tahun 2020 tentang {second}.", 1)

    def ref011(text: str) -> list[str]:
        return [f.severity.value for f in legaldraft.check(legaldraft.loads(text), only=["REF-011"])]

    assert ref011(mentions("Penataan Kawasan Huten")) == ["warning"]
    assert ref011(mentions("Penataan Kawasan Pesisir")) == ["error"]  # another word
    assert ref011(mentions("Penataan Kawasan Hutan")) == []
    assert [s for s, _ in _corpus("wider/perubahan-perbup-bangli-2019-36.txt", "REF-011")] == ["error"]


def test_a_judul_read_with_the_pembukaan_formula_after_it():
    """The copy of Perbup Alor 11/2021 runs '… KABUPATEN ALOR DENGAN RAHMAT TUHAN YANG MAHA ESA' into one line; the
    closing point names the regulation without the formula: no KON-006."""
    assert _corpus("family/perbup-alor-2021-11.txt", "KON-006") == []
    text = closing("Peraturan Bupati", NAME, tentang=NAME + " dengan Rahmat Tuhan yang Maha Esa")
    assert kon006(text) == []


def test_a_page_mark_after_a_points_semicolon_is_not_a_missing_semicolon():
    """123dok copies keep their page numbers: 'bahwa …; (2)' (Kulon Progo 142/2021), '…; .' (Kepri 4/2019)."""
    for tail in ("; (2)", "; ."):
        text = scaffold("perbup").replace("bagi Perangkat Daerah;\n", f"bagi Perangkat Daerah{tail}\n", 1)
        assert [f for f in legaldraft.check(legaldraft.loads(text), only=["KON-002"])
                if "titik koma" in f.message] == []
    text = scaffold("perbup").replace("bagi Perangkat Daerah;\n", "bagi Perangkat Daerah (2)\n", 1)
    assert [f.severity.value for f in legaldraft.check(legaldraft.loads(text), only=["KON-002"])] == ["error"]


def test_kon_006_on_a_jenis_the_importer_filled_in_is_info():
    """A copy whose judul the OCR could not read (Perwali Kotamobagu 11/2015 in the first import): the importer fills
    in the jenis and judul ('asal.isian'); the closing point then differs from words nobody wrote: info."""
    text = closing("Peraturan Walikota", "Alokasi Dana Desa")
    assert [f.severity.value for f in legaldraft.check(legaldraft.loads(text), only=["KON-006"])] == ["error", "error"]
    filled = text.replace("jenis: perbup\n", "jenis: perbup\nasal:\n  isian: [jenis, tentang]\n", 1)
    found = legaldraft.check(legaldraft.loads(filled), only=["KON-006"])
    assert [f.severity.value for f in found] == ["info", "info"] and all("isian importer" in f.message for f in found)


def test_an_old_law_in_the_amendment_segment_keeps_its_own_series():
    """Pergub Jawa Timur 2/2013 cites UU 2/1950 '(Himpunan Peraturan Peraturan Negara Tahun 1950) sebagaimana telah
    diubah dengan Undang-Undang Nomor 18 Tahun 1950 … (Himpunan …)': the form of its day, not a slip."""
    found = _corpus("wider/pergub-jatim-2013-2.txt", "DH-014")
    assert not [m for _, m in found if "Himpunan" in m]
    assert [s for s, m in found if "Lembaran Negara Tahun 2004 Nomor 125" in m] == ["error"]  # a 2013 Pergub: butir 47


def test_a_single_pertimbangan_is_for_carrying_out_a_delegation():
    """Reviewer's correction (Kanwil Kemenkum Jawa Barat, harmonisasi of Raperwal Bekasi, corpus/reviews/README.md):
    a single juridical point where no delegation is carried out: KON-008 warning (butir 24-27; butir 19 'dapat')."""
    single = ("bahwa berdasarkan Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah, perlu menetapkan "
              "Peraturan Bupati tentang Penyelenggaraan Pelayanan Publik Terpadu;")
    found = [(f.severity.value, f.message) for f in legaldraft.check(legaldraft.loads(closing_text(single)), only=["KON-008"])]
    assert [s for s, m in found if "tanpa pelaksanaan delegasi" in m] == ["warning"]
    executes = single.replace("bahwa berdasarkan Undang-Undang", "bahwa untuk melaksanakan ketentuan Pasal 246 ayat (1) "
                              "Undang-Undang")
    assert not [f for f in legaldraft.check(legaldraft.loads(closing_text(executes)), only=["KON-008"])
                if "tanpa pelaksanaan delegasi" in f.message]


def closing_text(point: str) -> str:
    text = scaffold("perbup").replace("konsiderans:                 #", "konsiderans:\n  tunggal: true\n  poin:\n #", 1)
    return text.replace(KON_A, f"  - {point}\n", 1).replace(KON_B, "", 1)


def test_the_label_colon_a_copy_leaves_before_the_first_point():
    """Pergub NTB 19/2017: the label's colon on a line of its own, read into point a as ': bahwa …'."""
    assert not [m for _, m in _corpus("wider/pergub-ntb-2017-19.txt", "KON-002") if "diawali kata 'bahwa'" in m]
    text = scaffold("perbup").replace("  - bahwa untuk meningkatkan", "  - ': bahwa untuk meningkatkan", 1)
    text = text.replace("secara terpadu;\n", "secara terpadu;'\n", 1)
    assert not [f for f in legaldraft.check(legaldraft.loads(text), only=["KON-002"]) if "diawali" in f.message]


def test_own_bracket_of_a_penetapan_title_is_the_one_with_its_tambahan():
    """'UU 14/1964 tentang Penetapan Perppu 3/1964 … (LN 1964 No. 8) menjadi Undang-Undang (LN 1964 No. 95, TLN 2688)':
    both brackets are of 1964; the Perppu's has no Tambahan."""
    from legaldraft.naskah.citation_reader import own_publication, read_written

    text = ("Undang-Undang Nomor 14 Tahun 1964 tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 3 "
            "Tahun 1964 tentang Pembentukan Daerah Tingkat I Lampung (Lembaran Negara Tahun 1964 Nomor 8) menjadi "
            "Undang-Undang (Lembaran Negara Republik Indonesia Tahun 1964 Nomor 95, Tambahan Lembaran Negara Republik "
            "Indonesia Nomor 2688)")
    assert own_publication(read_written(text)).pub.endswith("Nomor 95, Tambahan Lembaran Negara Republik Indonesia Nomor 2688")


def _written_item(teks: str) -> list[tuple[str, str]]:
    text = scaffold("perbup").replace("  - uu-23-2014\n", f"  - teks: \"{teks}\"\n", 1)
    found = legaldraft.check(legaldraft.loads(text), only=["DH-008", "DH-014", "DH-015"])
    return sorted((f.rule.id, f.severity.value) for f in found)


UU_23_2014 = "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"


def test_a_publication_bracket_with_a_misspelt_keyword_is_a_slip_not_a_missing_bracket():
    """Lampung 2/2014 ('Lernbaran'), Penajam Paser Utara 21/2012 ('Lembaga Negara'), Tulungagung 2013 ('kmbaran'),
    Bulungan 5/2015 ('Tmbahan'): the data is written; DH-014 names the slip, DH-008/DH-015 do not ask for it."""
    tail = "Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587)"
    assert _written_item(f"{UU_23_2014} (Lembaran Negara Republik Indonesia {tail}") == []
    for slip in ("Lernbaran Negara", "Lembaga Negara", "kmbaran Negara"):
        found = _written_item(f"{UU_23_2014} ({slip} Republik Indonesia {tail}")
        assert ("DH-014", "error") in found and not any(r == "DH-008" for r, _ in found), (slip, found)
    found = _written_item(f"{UU_23_2014} (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244, Tmbahan Lembaran "
                          "Negara Republik Indonesia Nomor 5587)")
    assert ("DH-014", "error") in found and not any(r == "DH-015" for r, _ in found), found
    # no bracket at all, or only the Tambahan (Pergub Jatim 2/2013 citing PP 69/1999): the Lembaran is missing
    assert ("DH-008", "error") in _written_item(UU_23_2014)
    assert ("DH-008", "error") in _written_item(f"{UU_23_2014} (Tambahan Lembaran Negara Republik Indonesia Nomor 5587)")
    # the Lembaran without the Tambahan is still DH-015's error
    assert ("DH-015", "error") in _written_item(f"{UU_23_2014} (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244)")


def test_the_konsiderans_grammar_holds_for_a_perubahan_too(tmp_path):
    """KON-002/004/005/007 held only for the base kinds, so a Perubahan imported as its own kind (Lampung 73/2018,
    Tangerang 48/2011) lost its true konsiderans findings: a Perubahan has the same konsiderans (butir 19-23, 233)."""
    import shutil
    from pathlib import Path

    specs = Path(__file__).resolve().parents[2] / "specs"
    shutil.copytree(specs / "profil", tmp_path / "profil")
    (tmp_path / ".git").mkdir()  # the profile search stops at the project's root, as in a clone
    text = (specs / "purwakarta/perubahan/slrt-perubahan.yaml").read_text(encoding="utf-8")
    right, wrong = tmp_path / "right.yaml", tmp_path / "wrong.yaml"
    right.write_text(text, encoding="utf-8")
    wrong.write_text(text.replace("  - teks: bahwa urusan", "  - teks: urusan", 1), encoding="utf-8")
    assert legaldraft.check(legaldraft.load(str(right)), only=["KON-002"]) == []
    found = [(f.rule.id, f.severity.value) for f in legaldraft.check(legaldraft.load(str(wrong)), only=["KON-002"])]
    assert ("KON-002", "error") in found


@pytest.mark.parametrize("point,incomplete", [
    # NTB 19/2017, Banjarnegara 37/2015, Jateng 72/2014: the delegation clause goes on to its main clause
    ("bahwa untuk melaksanakan ketentuan Pasal 32 ayat (1) Peraturan Pemerintah Nomor 58 Tahun 2005 tentang Pengelolaan "
     "Keuangan Daerah, Pemerintah Daerah menyusun Rencana Kerja Pembangunan Daerah;", False),
    ("bahwa untuk melaksanakan ketentuan Pasal 35 Undang-Undang Nomor 13 Tahun 2008 tentang Penyelenggaraan Ibadah Haji, "
     "maka biaya pemulangan Jemaah Haji menjadi tanggung jawab Pemerintah Daerah;", False),
    ("bahwa untuk melaksanakan ketentuan Pasal 133 Peraturan Menteri Dalam Negeri Nomor 13 Tahun 2006 tentang Pedoman "
     "Pengelolaan Keuangan Daerah, telah ditetapkan Peraturan Bupati Contoh Nomor 14 Tahun 2013;", False),
    # the citation alone, also with a comma inside its Title Case title: nothing is said to be done
    ("bahwa untuk melaksanakan ketentuan Pasal 5 Peraturan Daerah Kabupaten Contoh Nomor 2 Tahun 2020 tentang "
     "Pelayanan Publik;", True),
    ("bahwa untuk melaksanakan ketentuan Pasal 5 Peraturan Daerah Kabupaten Contoh Nomor 2 Tahun 2020 tentang "
     "Pemberian, Penyaluran, dan Pertanggungjawaban Hibah Terpadu;", True),
    # a citation with its amendment chain is still only a citation
    ("bahwa untuk melaksanakan ketentuan Pasal 12 Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah, "
     "sebagaimana telah diubah terakhir dengan Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas "
     "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;", True),
    ("bahwa untuk melaksanakan ketentuan Pasal 12 Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah "
     "sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2023;", True),
    ("bahwa untuk melaksanakan ketentuan Pasal 12 Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah, "
     "sebagaimana telah diubah dengan Undang-Undang Nomor 9 Tahun 2015, Pemerintah Daerah menyusun rencana;", False),
])
def test_kon_002_reads_the_main_clause_of_a_delegation_point(point, incomplete):
    text = scaffold("perbup").replace(KON_A, f"  - {point}\n", 1)
    found = [f.message for f in legaldraft.check(legaldraft.loads(text), only=["KON-002"]) if "tidak lengkap" in f.message]
    assert bool(found) == incomplete


def test_a_lost_item_number_leaves_no_stray_point_at_the_end_of_the_item_before():
    """Pergub Kepri 4/2019 (OCR): '… Nomor 4237); . Undang-Undang Nomor 17 Tahun 2003 …' — the digit of '2.' is lost;
    its '.' is not the end of the item before (which ends with ';'), so no DH-005."""
    from legaldraft.importer import import_text

    assert _corpus("heldout/perubahan-pergub-kepri-2019-4.txt", "DH-005") == []
    text = ("BUPATI CONTOH\n\nPERATURAN BUPATI CONTOH\nNOMOR 1 TAHUN 2020\nTENTANG\nPELAYANAN PUBLIK\n\n"
            "DENGAN RAHMAT TUHAN YANG MAHA ESA\n\nBUPATI CONTOH,\n\nMenimbang : a. bahwa pelayanan perlu diatur;\n"
            "b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Bupati "
            "tentang Pelayanan Publik;\nMengingat : 1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik "
            "(Lembaran Negara Republik Indonesia Tahun 2009 Nomor 112, Tambahan Lembaran Negara Republik Indonesia "
            "Nomor 5038); . Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;\n")
    items = import_text(text).spec["dasar_hukum"]
    assert not any(str(i.get("teks", i) if isinstance(i, dict) else i).rstrip().endswith(".") for i in items), items


def test_a_copy_that_stops_after_the_konsiderans_keeps_the_closing_points_semicolon():
    """Perbup Balangan 20/2012: the copy ends with '… Kabupaten Balangan;' (the closing point); the flattened
    konsiderans lost that ';', which gave a false KON-002 (no ';') and KON-004 (not the butir 23 form)."""
    from legaldraft.importer import import_file

    # one KON-002 stays: point b ends with ',' in the source itself (pinned in corpus_errors.yaml)
    assert len(_corpus("heldout/perbup-balangan-2012-20.txt", "KON-002")) == 1
    assert _corpus("heldout/perbup-balangan-2012-20.txt", "KON-004") == []
    kon = import_file(CORPUS / "heldout/perbup-balangan-2012-20.txt").spec["konsiderans"]
    closing = kon["penutup"] if isinstance(kon, dict) and "penutup" in kon else None
    assert closing is None or closing.endswith(";")


def test_an_amendment_chain_written_with_a_dropped_letter_is_still_the_chain():
    """Perbup Pacitan 3/2011 (a copy that drops every 'i'): 'Undang-Undang Nomor 32 Tahun 2004 tentang Pemerntahan
    Daerah sebagamana telah beberapa kal dubah terakhr dengan …' — the title is 'Pemerntahan Daerah' (a slip of the
    copy, a warning), not the whole chain read as another title (an error)."""
    from legaldraft.naskah.citation_reader import read_written

    cited = read_written("Undang-Undang Nomor 32 Tahun 2004 tentang Pemerntahan Daerah sebagamana telah beberapa kal "
                         "dubah terakhr dengan Undang-Undang Nomor 12 Tahun 2008")
    assert cited.tentang.strip() == "Pemerntahan Daerah"
    assert [s for s, _ in _corpus("family/perbup-pacitan-2011-3.txt", "DH-009") if s == "error"] == []

"""OCR slips in the anchor words are mended in one place (importer.text), before the layout and the parser read
the lines: each slip below is quoted from a corpus copy (corpus/, the file named), and the document it comes from
is read right end to end. A word that only looks like a slip stays as written."""
from __future__ import annotations

from pathlib import Path

import pytest

from legaldraft.importer import import_file, import_text
from legaldraft.importer.items import is_inserted_ayat, marker_of, paragraphs
from legaldraft.importer.text import Line, mend_anchor_words, ocr_normalise

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _quoted(name: str, line: str) -> str:
    """A line, or a part of a flattened one, as the corpus copy holds it (the test quotes the real OCR)."""
    text = (CORPUS / name).read_text(encoding="utf-8")
    assert line in text, f"{name}: '{line}' not in the copy"
    return line


@pytest.mark.parametrize("name, line, mended", [
    ("heldout/perubahan-pergub-riau-2021-11.txt", "PERUBAHAN KEDUA ATA PERATURAN GUBDRNUR NOMOR 65 TAHUN 2O2O",
     "PERUBAHAN KEDUA ATAS PERATURAN GUBERNUR NOMOR 65 TAHUN 2020"),
    ("wider/perubahan-pergub-lampung-2018-73.txt",
     "RUMAH SAKIT JIWA DAERAH PROVINSI LAMPUNG DENGA RAHMAT TUHAN YANG MAHA ESA",
     "RUMAH SAKIT JIWA DAERAH PROVINSI LAMPUNG DENGAN RAHMAT TUHAN YANG MAHA ESA"),
    ("heldout/perwali-kotamobagu-2015-11.txt", "DENGAN RAIIMAT TI'HAN YANG", "DENGAN RAHMAT TI'HAN YANG"),
    ("heldout/perwali-kendari-2022-13.txt", "pertirnbangan", "pertimbangan"),
    ("heldout/perwali-kendari-2022-13.txt", "WALIKOTA KENDARl,", "WALIKOTA KENDARI,"),
    ("heldout/perwali-kendari-2022-13.txt", "SUSUNAN ORGANlSASl DAN TATA KERJA", "SUSUNAN ORGANISASI DAN TATA KERJA"),
    ("family/perbup-pacitan-2011-3.txt", "Menmbang : a. bahwa sesua", "Menimbang : a. bahwa sesua"),
    ("family/perbup-pacitan-2011-3.txt", "Mengngat : 1. Undang-Undang", "Mengingat : 1. Undang-Undang"),
    ("family/perbup-pacitan-2011-3.txt", "perlu menetapkan Peraturan Bupat tentang Tata Naskah",
     "perlu menetapkan Peraturan Bupati tentang Tata Naskah"),
    ("heldout/pergub-riau-2017-x.txt", "2.U-ndang-Undang Nomor 28 Tahun 1999", "2.Undang-Undang Nomor 28 Tahun 1999"),
])
def test_corpus_slips_mended(name, line, mended):
    assert ocr_normalise(_quoted(name, line)) == mended


@pytest.mark.parametrize("text", [
    "KEPUTUSAN GUBERNUR TENTANG PERTAMBANGAN RAKYAT",              # 'pertambangan' is a word, not 'pertimbangan'
    "berdasarkan pertambangan rakyat",
    "BAB V KERJA SAMA DENGAN RAPAT PARIPURNA",                      # RA..T after DENGAN, not at the pembukaan
    "PROVINSI lAMPUNG",                                             # a word's first 'l' may be an L
    "kadar HCl dan NaCl",                                           # chemistry, not capitals with an I
    "NOMOR1 TAHUN 2020",                                            # a 1 glued to NOMOR is a number
    "PERUBAHAN ATAS PERATURAN BUPATI",                              # already right
    "DENGAN RAKHMAT TUHAN YANG MAHA ESA",                           # an older spelling, kept
    "WALIKOTAMADYA BANDUNG", "Wali Kota", "Bupati", "walet kota",
    "DENGAN RAKYAT YANG BERDAULAT",                                 # at a line's start, yet no RAHMAT
    "DENGAN RAPAT PARIPURNA",
    "NOMOR: 188.45/KEP1AB/2016",                                    # a register number of a Word file, as written
])
def test_look_alikes_left_alone(text):
    assert mend_anchor_words(text) == text


@pytest.mark.parametrize("text", ["PROVINSI lAMPUNG", "kadar HCl dan NaCl", "NOMOR1 TAHUN 2020"])
def test_look_alikes_left_alone_by_the_whole_ocr_mend(text):
    """The I read as l or 1 is mended in text sources only (ocr_normalise), and there not in these."""
    assert ocr_normalise(text) == text


def test_perubahan_kedua_read_through_the_ata_slip():
    """The judul's 'PERUBAHAN KEDUA ATA PERATURAN …' is a second amendment: before the mend, 'KEDUA ATA' was not
    read as an ordinal and the import counted it a first amendment (no earlier amendment asked for)."""
    spec = import_file(CORPUS / "heldout/perubahan-pergub-riau-2021-11.txt").spec
    assert spec["jenis"] == "perubahan" and spec["mengubah"]["nomor"] == "65"
    assert spec["perubahan_sebelumnya"] == [{"nomor": "...", "tentang": "..."}]
    assert "perubahan_sebelumnya" in spec["asal"]["isian"]


def test_pembukaan_slip_is_not_a_daerah_formula():
    """'DENGA RAHMAT …' was read as the pembukaan but kept as written, so the daerah's profile got a non-standard
    pembukaan 'DENGA RAHMAT TUHAN YANG MAHA ESA'; mended, the profile keeps the standard one."""
    result = import_file(CORPUS / "wider/perubahan-pergub-lampung-2018-73.txt")
    assert "pembukaan" not in (result.profile_data or {}).get("formula", {})


def test_kendari_jabatan_line_and_closing_point_read():
    result = import_file(CORPUS / "heldout/perwali-kendari-2022-13.txt")
    assert result.spec["tentang"].startswith("Susunan Organisasi dan Tata Kerja")
    assert result.spec["konsiderans"]["penutup"].startswith("bahwa berdasarkan pertimbangan sebagaimana")
    assert not any("KENDARl" in n.message for n in result.notes.warnings)


def test_pacitan_name_read_from_the_closing_point():
    """With 'Bupat' mended, the konsiderans closing point names 'Peraturan Bupati tentang …' and the name is taken
    as it writes it (normal case, 'di' in lower case; this OCR dropped every 'i') instead of a guessed title case."""
    spec = import_file(CORPUS / "family/perbup-pacitan-2011-3.txt").spec
    assert spec["konsiderans"]["penutup"].endswith("perlu menetapkan Peraturan Bupati tentang Tata Naskah Dnas d "
                                                   "Lngkungan Pemerntah Kabupaten Pactan")
    assert spec["tentang"] == "Tata Naskah Dnas d Lngkungan Pemerntah Kabupaten Pactan"


_OPENING = """BUPATI CONTOH

PERATURAN BUPATI CONTOH
NOMOR 3 TAHUN 2024
TENTANG
PENGELOLAAN ARSIP

OENGAN RAHMAT TUHAN YANG MAHA ESA

BUPATI CONTOH,

Menmbang : a. bahwa arsip perlu dikelola;
b. bahwa berdasarkan pertirnbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Bupati tentang Pengelolaan Arsip;
Mengngat : 1. U-ndang-Undang Nomor 43 Tahun 2009 tentang Kearsipan;
2. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;

MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG PENGELOLAAN ARSIP.

Pasal 1
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
"""


def test_text_and_word_sources_read_the_same_slips(tmp_path):
    """The slips of the corpus in one opening: read from text, and from a Word file made from the same scan (the
    Word path mends the anchor words too, each said in a note)."""
    docx = pytest.importorskip("docx")
    from_text = import_text(_OPENING)
    doc = docx.Document()
    for line in _OPENING.splitlines():
        doc.add_paragraph(line)
    path = tmp_path / "arsip.docx"
    doc.save(path)
    from_word = import_file(path)
    for result in (from_text, from_word):
        spec = result.spec
        assert spec["konsiderans"]["poin"] == ["bahwa arsip perlu dikelola;"]
        assert spec["konsiderans"]["penutup"].startswith("bahwa berdasarkan pertimbangan")
        assert [d["peraturan"]["nomor"] for d in spec["dasar_hukum"]] == ["43", "23"]
        assert "pembukaan" not in (result.profile_data or {}).get("formula", {})
    assert any("salah baca OCR dibetulkan: 'OENGAN RAHMAT" in n.message for n in from_word.notes.items)
    # counted as mended, as in a text source (import --report compares the source as mended)
    assert from_word.notes.corrected == len([n for n in from_word.notes.items if "salah baca OCR" in n.message]) > 0


def test_inserted_ayat_marker_only_where_asked():
    """'(1a)' is an ayat of an amendment's content (importer.amendment asks for it), and stays text elsewhere."""
    assert marker_of("(1a) Teks ayat sisipan.") == (None, 0, "(1a) Teks ayat sisipan.", "")
    assert marker_of("(1a) Teks ayat sisipan.", inserted_ayat=True) == ("ayat", 0, "Teks ayat sisipan.", "(1a)")
    assert is_inserted_ayat("(1a) Teks") and not is_inserted_ayat("(1) Teks") and not is_inserted_ayat("a. Teks")
    lines = [Line(1, "(1) Ayat satu."), Line(2, "(1a) Ayat sisipan:"), Line(3, "a. huruf;"), Line(4, "(2) Ayat dua.")]
    paras = paragraphs(lines, expect_sequence=False, inserted_ayat=True)
    assert [(p.kind, p.marker, p.text) for p in paras] == [
        ("ayat", "(1)", "Ayat satu."), ("ayat", "(1a)", "Ayat sisipan:"), ("letter", "a.", "huruf;"),
        ("ayat", "(2)", "Ayat dua.")]
    assert [p.marker for p in paragraphs(lines, expect_sequence=False)] == ["(1)", "", "a.", "(2)"]

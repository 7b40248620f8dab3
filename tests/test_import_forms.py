"""Body forms and copies the importer reads by their content (issue 12): a Keputusan of the older form with Pasal
instead of diktum, a Pasal heading glued to its text, OCR slips in the fixed words."""
from __future__ import annotations

import pytest

import legaldraft
from legaldraft.importer import import_file, import_text
from legaldraft.importer.finish import load_spec

from conftest import CORPUS, docx_text
from importer_support import canonical

KEPUTUSAN_BER_PASAL = """\
jenis: keputusan
daerah: contoh-provinsi
status: final
nomor: '12'
tahun: 1996
tentang: Tim Pembina Pasar Daerah
konsiderans:
  - bahwa untuk membina pasar daerah perlu dibentuk tim pembina dengan Keputusan Gubernur;
dasar_hukum:
  - uu-23-2014
batang_tubuh:
  - pasal: bentuk
    teks: Dengan Keputusan ini dibentuk Tim Pembina Pasar Daerah.
  - pasal: tugas
    teks: "Tim Pembina Pasar Daerah bertugas:"
    rincian:
      - menyusun rencana pembinaan pasar;
      - melaksanakan pembinaan pedagang; dan
      - melaporkan pelaksanaan tugasnya kepada Gubernur.
  - pasal: berlaku
    teks: Keputusan ini mulai berlaku pada tanggal ditetapkan.
penetapan: {tanggal: 1996-02-03}
"""


def test_a_keputusan_with_pasal_builds_and_imports_back_as_pasal(tmp_path):
    (tmp_path / "kep.yaml").write_text(KEPUTUSAN_BER_PASAL, encoding="utf-8")
    doc = legaldraft.load(tmp_path / "kep.yaml")
    docx = [p for p in legaldraft.build(doc, tmp_path / "out") if p.suffix == ".docx"][0]
    text = docx_text(docx)
    assert "Pasal 1" in text and "Pasal 3" in text and "KESATU" not in text
    result = import_file(docx, spec_dir=tmp_path)
    assert "diktum" not in result.spec and len(result.spec["batang_tubuh"]) == 3
    assert canonical(load_spec(result)) == canonical(doc)


def test_a_keputusan_has_diktum_or_pasal_not_both(tmp_path):
    from legaldraft.spec.errors import SpecError

    (tmp_path / "kep.yaml").write_text(KEPUTUSAN_BER_PASAL + "diktum:\n  - Menetapkan sesuatu.\n", encoding="utf-8")
    try:
        legaldraft.load(tmp_path / "kep.yaml")
    except SpecError as exc:
        assert "tidak keduanya" in str(exc)
    else:
        raise AssertionError("a Keputusan with diktum and batang_tubuh was accepted")


def test_the_1995_keputusan_gubernur_body_is_pasal_not_diktum():
    spec = import_file(CORPUS / "family" / "kepgub-jatim-1995-35.txt").spec
    assert "diktum" not in spec
    assert spec["batang_tubuh"][0]["teks"].startswith("Dengan Keputusan ini, dibentuk Tim Intensifikasi")
    # the jabatan line without its comma ends the name; it is not part of it
    assert spec["tentang"] == "Tim Intensifikasi Pajak Bumi dan Bangunan Propinsi Daerah Tingkat I Jawa Timur"
    assert spec["asal"]["terpotong"] == "batang_tubuh"


def test_a_keputusan_with_diktum_stays_diktum():
    spec = import_file(CORPUS / "kepbup-cianjur-2026-x-RANCANGAN.txt").spec
    assert spec["diktum"] and "batang_tubuh" not in spec


def test_a_pasal_heading_glued_to_its_text_but_not_a_reference_at_a_line_start():
    text = ("PERATURAN BUPATI CONTOH\nNOMOR 3 TAHUN 2020\nTENTANG\nPASAR\n\nBUPATI CONTOH,\n"
            "Menimbang : bahwa perlu menetapkan Peraturan Bupati tentang Pasar;\n"
            "Mengingat : Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;\nMEMUTUSKAN:\n"
            "Menetapkan : PERATURAN BUPATI TENTANG PASAR.\n"
            "Pasal 1 Pasar dikelola oleh Dinas sebagaimana dimaksud dalam\nPasal 2 Peraturan Daerah Nomor 1 Tahun 2019.\n"
            "Pasal 2\nPeraturan Bupati ini mulai berlaku pada tanggal diundangkan.\n")
    body = import_text(text).spec["batang_tubuh"]
    assert len(body) == 2
    assert body[0]["teks"] == "Pasar dikelola oleh Dinas sebagaimana dimaksud dalam Pasal 2 Peraturan Daerah Nomor 1 Tahun 2019."


def test_ocr_slips_in_keywords_and_scan_specks_are_set_right():
    from legaldraft.importer.text import ocr_normalise

    assert ocr_normalise("Nomor 9 Tahu 2015 tentang") == "Nomor 9 Tahun 2015 tentang"          # a dropped last letter
    assert ocr_normalise("NOMO 12 TAHU 2019") == "NOMOR 12 TAHUN 2019"
    assert ocr_normalise("N0MOR 5 dan N0mor 6") == "NOMOR 5 dan Nomor 6"                      # O read as 0
    assert ocr_normalise("Pasa1 5 ayat (2)") == "Pasal 5 ayat (2)"
    assert ocr_normalise("(Lembaran Negar_—_ Republik Indonesia") == "(Lembaran Negara Republik Indonesia"
    assert ocr_normalise("tentang Pemerintahan| Daerah (… Nomor |83,") == "tentang Pemerintahan Daerah (… Nomor 83,"
    assert ocr_normalise("Undang- Undang Nomor 23") == "Undang-Undang Nomor 23"                # a broken line joined
    # a Mengingat number read as a bar inside a flattened line: the marker goes, the item is cut by its content
    assert ocr_normalise("Nomor 3518); |. Undang-Undang Nomor 13") == "Nomor 3518); Undang-Undang Nomor 13"
    # left alone: a table row, a blank to fill in, words that only look alike
    for text in ("| 1 | Ketua | Kepala Dinas |", "ditandatangani oleh ____ pada", "Tahun 2015 dan Tahun 2016",
                 "Negara Republik Indonesia", "tahu bahwa"):
        assert ocr_normalise(text) == text


def test_an_ocr_copy_whose_mengingat_numbers_were_read_as_bars():
    """A two-column scan read line by line: the Mengingat numbers became '|.'; the items are found by content."""
    from legaldraft.importer.quality import figures

    path = CORPUS / "wider" / "perwali-tangerang-2018-93.txt"
    result = import_file(path)
    assert figures(result, path.read_text(encoding="utf-8")).counts["mengingat"] == 3
    assert "Pemerintahan Daerah" in str(result.spec["dasar_hukum"][2])


def test_ocr_anchor_words_are_set_right_only_where_they_anchor():
    from legaldraft.importer.text import ocr_normalise

    assert ocr_normalise("Menimbalg : a. bahwa") == "Menimbang : a. bahwa"
    assert ocr_normalise("kesejahteraan; Mer:gingat : 1. Undang") == "kesejahteraan; Mengingat : 1. Undang"
    assert ocr_normalise("GUBPRNUR RIAU") == "GUBERNUR RIAU" and ocr_normalise("BUPATE TULUNGAGUNG") == "BUPATI TULUNGAGUNG"
    assert ocr_normalise("Undalg-Undalg Nomor 5") == "Undang-Undang Nomor 5"
    # a clean copy's own spelling and misspellings stay the document's (the checker reports them)
    for text in ("PROPINSI DAERAH TINGKAT I JAWA TIMUR", "Lembaran Negara Rebublik Indonesia", "PERTURAN BUPATI",
                 "Mengikat semua pihak.", "Pengaturan lebih lanjut"):
        assert ocr_normalise(text) == text


def test_ocr_headings_are_read_in_their_sequence_only():
    from legaldraft.importer.body import loose_headings
    from legaldraft.importer.text import Line, Notes

    texts = ["BABI", "KETENTUAN UMUM", "Paaal 1", "Isi.", "BABII", "TUGAS", "Pasal 2", "Isi.", "Pasa.13", "Isi.",
             "Pasa.113", "Paw 4", "Para 9", "BABm", "PENUTUP", "Pasal 5"]
    notes = Notes()
    got = [ln.text for ln in loose_headings([Line(i, t) for i, t in enumerate(texts, 1)], notes)]
    assert got == ["BAB I", "KETENTUAN UMUM", "Pasal 1", "Isi.", "BAB II", "TUGAS", "Pasal 2", "Isi.", "Pasal 3",
                   "Isi.", "Pasa.113", "Pasal 4", "Para 9", "BAB III", "PENUTUP", "Pasal 5"]
    assert notes.headings[1] == "BAB I" and 12 in notes.headings and 13 not in notes.headings


def test_page_marks_glued_before_fixed_words_are_dropped():
    from legaldraft.importer.text import Notes, source_lines

    lines = source_lines("-3MEMUTUSKAN :\n- 12 Pasal 37\n- 13 LAMPI.RAN PERATURAN WALIKOTA KENDARI\n- 12 orang anggota",
                         Notes())
    assert [ln.text for ln in lines] == ["MEMUTUSKAN :", "Pasal 37", "LAMPIRAN PERATURAN WALIKOTA KENDARI",
                                         "- 12 orang anggota"]


def test_whole_ocr_perwali_keeps_every_bab_and_pasal():
    """Perwali Kendari 13/2022 (held out, OCR, whole): 'BABI', 'BABm', 'Paaal 1', 'Paw 24', '-3MEMUTUSKAN'."""
    from legaldraft.importer.quality import figures

    path = CORPUS / "heldout" / "perwali-kendari-2022-13.txt"
    f = figures(import_file(path), path.read_text(encoding="utf-8"))
    assert (f.counts["bab"], f.counts["pasal"]) == (8, 37)
    assert f.words_kept >= 0.99


def test_a_copy_without_its_judul_reads_the_kind_from_the_closing_point():
    spec = import_file(CORPUS / "heldout" / "pencabutan-perbup-majene-2023-10.txt").spec
    assert (spec["jenis"], spec["asal"]["tingkat"], spec["daerah"]) == ("pencabutan", "kabupaten", "majene")
    assert "judul" in spec["asal"]["isian"]
    # the same reading never invents a judul from a closing point that names nothing
    text = "Menimbang : a. bahwa perlu diatur;\nb. bahwa berdasarkan pertimbangan tersebut perlu menetapkan Peraturan Bupati tentang X;\n"
    assert "judul" not in (import_text(text).spec.get("asal", {}).get("isian", []))


def test_a_keputusan_with_pasal_goes_through_akoma_ntoso(tmp_path):
    from legaldraft.api import context_of
    from legaldraft.importer.akn import pin, read_akn
    from legaldraft.importer.finish import dump
    from legaldraft.naskah import assemble, plain_text
    from legaldraft.render.akn import akn_bytes
    from legaldraft.spec.loader import loads

    (tmp_path / "kep.yaml").write_text(KEPUTUSAN_BER_PASAL, encoding="utf-8")
    doc = legaldraft.load(tmp_path / "kep.yaml")
    ctx = context_of(doc)
    data = akn_bytes(doc, ctx)
    assert b"<article" in data and b'name="diktum"' not in data
    from lxml import etree

    from legaldraft.render.akn import SCHEMA

    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(etree.fromstring(data)), [str(e) for e in schema.error_log][:3]
    imported = read_akn(data)
    pin(imported.spec, ctx.profile)
    again = loads(dump(imported.spec), str(tmp_path / "kep.yaml"), tmp_path, profile=ctx.profile)
    assert plain_text(assemble(again, ctx.profile, ctx.registry)) == plain_text(assemble(doc, ctx.profile, ctx.registry))


#: documents whose counts the importer missed when they arrived (held out), each for a reason a general reading
#: now covers: kind, konsiderans and Mengingat counts must equal the manifest's
ONCE_MISSED = {
    "heldout/perubahan-pergub-riau-2021-11.txt": "OCR 'ATA' for ATAS, 'Menimbalg' without colon, 'l.' for 1.",
    "heldout/perubahan-pergub-kepri-2019-4.txt": "Mengingat numbers lost to a bare point ('; .Undang-Undang')",
    "heldout/perwali-ambon-2020-519.txt": "'3 Undang-Undang' without its point, a paraf between items",
    "heldout/pergub-riau-2017-x.txt": "an item glued to its number ('2.U-ndang-Undang')",
    "heldout/perbup-tulungagung-2013-x.txt": "judul unreadable; the Mengingat label at the end of a line; items run on",
    "heldout/pergub-dki-2012-112.txt": "'Mer:gingat'",
    "heldout/kepgub-lampung-2016-g-613.txt": "specks before the label (\"-'Menimbang:\")",
    "heldout/pencabutan-perbup-majene-2023-10.txt": "no judul block: kind from the konsiderans closing point",
    "wider/perbup-bengkayang-2021-x.txt": "point letters read as '@.' and '©.'",
    "heldout/perwali-tangerang-2017-7.txt": "a point closed by ':' before the next 'bahwa'",
    "heldout/kepgub-sulteng-2022-561-443.txt": "points numbered '1.', '2.' by a database page",
    "heldout/perbup-pesawaran-2012-12.txt": "'pertimbangan' cut by a broken text layer in the closing point",
    "heldout/perwali-kendari-2022-13.txt": "labels lost, 'pertirnbangan', 'KENDARl,', OCR'd BAB/Pasal headings",
    "heldout/perwali-kotamobagu-2015-11.txt": "a word a line, NOMOR and TENTANG lost, a label above the judul, "
                                              "'RAIIMAT', numbers on their own line after 'Pasal'/'Nomor'",
}


@pytest.mark.parametrize("name", sorted(ONCE_MISSED))
def test_documents_once_missed_now_read_right(name):
    from legaldraft.importer.quality import load_manifest, measure

    entry = load_manifest(CORPUS)[name]
    m = measure(CORPUS / name, entry)
    assert m.kind_ok, (m.kind, m.tingkat, ONCE_MISSED[name])
    for count in ("konsiderans", "mengingat", "bab", "pasal"):
        assert m.count_ok(count), (count, m.figures.counts, ONCE_MISSED[name])


def test_a_bare_number_after_pasal_or_nomor_is_text_but_a_page_number_is_not():
    from legaldraft.importer.text import Notes, source_lines

    text = "bahwa berdasarkan Pasal\n\n72\n\nayat (1) Undang-Undang Nomor\n6\nTahun 2014;\n\n12\n\nb. bahwa"
    assert [ln.text for ln in source_lines(text, Notes()) if ln.text] == [
        "bahwa berdasarkan Pasal", "72", "ayat (1) Undang-Undang Nomor", "6", "Tahun 2014;", "b. bahwa"]
    # a page number between a broken 'dalam Pasal' and its number on the next line goes
    wrapped = "berdasarkan alasan dalam Pasal\n\n23\n\n17 Undang-Undang Nomor 14 Tahun 2008"
    assert "23" not in [ln.text for ln in source_lines(wrapped, Notes())]


def test_a_title_block_whose_nomor_and_tentang_the_ocr_lost():
    spec = import_file(CORPUS / "heldout" / "perwali-kotamobagu-2015-11.txt").spec
    assert (spec["daerah"], spec["nomor"], spec["tahun"]) == ("kotamobagu", "11", 2015)
    assert spec["tentang"].startswith("Alokasi Dana Desa") and "RAIIMAT" not in spec["tentang"].upper()

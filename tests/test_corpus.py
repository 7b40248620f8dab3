"""The importer on the whole project corpus (corpus/, 51 real documents, hand-verified manifest): the
thresholds of issue 12, measured with the same code as bench/import_corpus.py."""
from __future__ import annotations

import pytest

from legaldraft.importer.quality import load_manifest, measure_folder, totals

from conftest import CORPUS


@pytest.fixture(scope="module")
def all_measured():
    return measure_folder(CORPUS)


def _measured_only(entry: dict | None) -> bool:
    """A held-out document not yet asserted (manifest 'ukur_saja: true'): measured by the bench, kept out of the
    thresholds until the importer work that follows it has been measured on it (corpus/README.md, heldout/)."""
    return bool(entry and entry.get("ukur_saja"))


@pytest.fixture(scope="module")
def measured(all_measured):
    return [m for m in all_measured if not _measured_only(m.expected)]


def test_corpus_has_fifty_documents_each_in_the_manifest():
    manifest = load_manifest(CORPUS)
    files = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.txt"))
    assert len(files) >= 50
    assert sorted(manifest) == files
    for name, entry in manifest.items():
        assert entry["sumber"], name
        assert entry["jenis"] in ("perbup", "perwali", "pergub", "keputusan", "perubahan", "pencabutan"), name
        assert entry["tingkat"] in ("kabupaten", "kota", "provinsi"), name


def test_no_internal_error(all_measured):
    assert [(m.name, m.error) for m in all_measured if m.error] == []


def test_only_held_out_documents_are_measured_without_thresholds():
    manifest = load_manifest(CORPUS)
    only = sorted(name for name, entry in manifest.items() if _measured_only(entry))
    assert all(name.startswith("heldout/") for name in only), only


def test_kind_and_level_right(measured):
    wrong = [(m.name, m.kind, m.tingkat, m.kind_expected) for m in measured if m.kind_ok is False]
    assert wrong == []


def test_words_kept_and_typed_coverage(measured):
    t = totals(measured)
    print(f"kata terbawa {t.words_kept_mean:.3f} (terendah {t.words_kept_worst:.3f}); bertipe {t.typed_mean:.3f}")
    assert t.words_kept_mean >= 0.99
    assert t.words_kept_worst >= 0.97
    assert t.typed_mean >= 0.95


def test_counts_against_the_manifest(measured):
    t = totals(measured)
    print(t.counts_equal)
    assert t.counts_equal["konsiderans"] >= 0.95
    assert t.counts_equal["mengingat"] >= 0.95
    assert t.counts_equal["bab"] == 1.0 and t.counts_equal["pasal"] >= 0.97


def test_amended_regulation_identified(measured):
    from legaldraft.importer import import_file

    spec = import_file(CORPUS / "wider" / "perubahan-perbup-bangli-2019-36.txt").spec
    assert spec["asal"]["jenis"] == "perubahan" and spec["asal"]["induk"] == "perbup"
    assert spec["asal"]["mengubah"] == "Peraturan Bupati Nomor 47 Tahun 2011"
    spec = import_file(CORPUS / "family" / "perubahan-pergub-jateng-2014-72.txt").spec
    assert spec["asal"]["mengubah"] == "Peraturan Gubernur Jawa Tengah Nomor 14 Tahun 2013"


def test_perwali_words_follow_the_level():
    from legaldraft.importer import import_file
    from legaldraft.importer.report import rebuilt_text

    result = import_file(CORPUS / "family" / "perwali-mataram-2016-42.txt")
    assert result.spec["asal"]["tingkat"] == "kota" and result.spec["jenis"] == "perwali"
    text = rebuilt_text(result)
    assert "PERATURAN WALIKOTA MATARAM" in text and "BUPATI" not in text


def test_truncated_copy_marked_in_provenance():
    from legaldraft.importer import import_file

    spec = import_file(CORPUS / "wider" / "pergub-papua-2020-2.txt").spec
    assert spec["asal"]["terpotong"] == "konsiderans"
    assert import_file(CORPUS / "perbup-tulungagung-2022-33.txt").spec["asal"].get("terpotong") is None


def test_unreadable_title_is_said_not_guessed():
    from legaldraft.importer import import_text

    result = import_text("Menimbang : a. bahwa sesuatu perlu diatur;\nb. bahwa berdasarkan pertimbangan "
                         "sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan tentang Sesuatu;\n")
    assert result.spec["daerah"] != "contoh" and "daerah" in result.spec["asal"]["isian"]
    assert any("tidak terbaca" in n.message for n in result.notes.warnings)


# -- crashes found on real text, each a test ------------------------------------------------------------
def test_table_region_without_rows():
    from legaldraft.importer.tables import table_from_lines
    from legaldraft.importer.text import Line

    assert table_from_lines([Line(1, "|---|---|")]) == {"kolom": [""]}


def test_flattened_title_does_not_make_a_file_name_too_long(tmp_path):
    from legaldraft.importer import import_file, write

    result = import_file(CORPUS / "family" / "perubahan-perbup-tangerang-2011-48.txt")
    assert result.spec["daerah"] == "tangerang"
    write(result, tmp_path / "spec.yaml")
    long = "PERATURAN BUPATI " + "SANGAT PANJANG " * 40 + "\nMenimbang : bahwa perlu menetapkan Peraturan Bupati tentang X;\n"
    from legaldraft.importer import import_text

    assert len(import_text(long).spec["daerah"]) <= 60


def test_poor_import_exits_with_one_summary(cli, tmp_path):
    from legaldraft.exitcodes import EXIT_IMPORT_BELOW

    src = tmp_path / "kacau.txt"
    src.write_text("PERATURAN BUPATI X\n" + "\n".join(f"baris acak nomor {i} tanpa struktur apa pun" for i in range(40)),
                   encoding="utf-8")
    from click.testing import CliRunner

    from legaldraft.cli import main

    res = CliRunner().invoke(main, ["import", str(src), "-o", str(tmp_path / "out.yaml")])
    assert res.exit_code == EXIT_IMPORT_BELOW
    assert res.output.count("impor tidak lengkap") == 1 and "peringatan:" not in res.output


# -- findings on an import, seen through its provenance ------------------------------------------------------
def _errors(path):
    from legaldraft.api import check
    from legaldraft.importer import import_file
    from legaldraft.importer.finish import load_spec

    return [f for f in check(load_spec(import_file(path))) if f.severity.value == "error"]


def test_completeness_of_a_cut_copy_is_info_not_error():
    from legaldraft.api import check
    from legaldraft.importer import import_file
    from legaldraft.importer.finish import load_spec

    findings = check(load_spec(import_file(CORPUS / "wider" / "perubahan-perbup-bangli-2019-36.txt")))
    gaps = [f for f in findings if f.rule.id in ("PNT-007", "KON-008", "DH-002")]
    assert gaps and all(f.severity.value == "info" and "terpotong" in f.message for f in gaps)


def test_unreadable_nomor_is_an_importer_placeholder():
    from legaldraft.importer import import_file

    spec = import_file(CORPUS / "wider" / "pergub-bengkulu-2014-x.txt").spec
    assert "nomor" in spec["asal"]["isian"] and "tahun" in spec["asal"]["isian"]
    assert not [f for f in _errors(CORPUS / "wider" / "pergub-bengkulu-2014-x.txt") if f.rule.id.startswith("JUD-")]


def test_menetapkan_of_a_name_that_cites_a_regulation_is_not_an_error():
    # 'PETUNJUK PELAKSANAAN PERATURAN DAERAH … NOMOR 9 TAHUN 2011 TENTANG …' in the name itself
    assert not [f for f in _errors(CORPUS / "family" / "perbup-gunungkidul-2011-49.txt") if f.rule.id == "DIK-003"]


def test_page_number_glued_to_the_text_is_dropped():
    from legaldraft.importer.text import Notes, source_lines

    lines = source_lines("1 BUPATI NGANJUK PROVINSI JAWA TIMUR\n2 Mengingat c. bahwa", Notes())
    assert [ln.text for ln in lines] == ["BUPATI NGANJUK PROVINSI JAWA TIMUR", "Mengingat c. bahwa"]


def test_a_garbled_cover_is_not_taken_for_the_judul():
    from legaldraft.importer import import_file

    spec = import_file(CORPUS / "wider" / "perubahan-pergub-lampung-2018-73.txt").spec
    assert spec["daerah"] == "lampung" and spec["nomor"] == "73"
    assert spec["asal"]["mengubah"] == "Peraturan Gubernur Lampung Nomor 37 Tahun 2014"


def test_ocr_slips_in_fixed_words_are_set_right():
    from legaldraft.importer.text import ocr_normalise

    assert ocr_normalise("NOMOIR 4 TAHUN 2O2O") == "NOMOR 4 TAHUN 2020"
    assert ocr_normalise("PERATURAN GUBERNUR JAWA BARAT NOM OR 76") == "PERATURAN GUBERNUR JAWA BARAT NOMOR 76"
    assert ocr_normalise("Undang - Undang Ncmor 29 Tahun 1959") == "Undang - Undang Nomor 29 Tahun 1959"
    assert ocr_normalise("3- undang-undang Nomor 8 Tahun 1985") == "3. Undang-undang Nomor 8 Tahun 1985"
    assert ocr_normalise("Nomor 2010 dan Tahun 2019") == "Nomor 2010 dan Tahun 2019"     # nothing to set right


def test_a_copy_that_starts_inside_the_body():
    from legaldraft.importer import import_text
    from legaldraft.importer.quality import figures

    text = (CORPUS / "perbup-tulungagung-2022-33.txt").read_text(encoding="utf-8")
    body = text[text.index("BAB I\n"):]
    result = import_text(body)
    f = figures(result, body)
    assert (f.counts["bab"], f.counts["pasal"], f.counts["definisi"]) == (7, 19, 25)
    assert f.counts["konsiderans"] == 0 and f.typed_coverage >= 0.99
    assert {"konsiderans", "tentang", "daerah"} <= set(result.spec["asal"]["isian"])


def test_markers_moved_to_their_points_are_kept_but_lost_words_are_not():
    from legaldraft.importer.report import kept_words

    one, two, three = ("bahwa perlu mengatur tata naskah dinas di lingkungan pemerintah daerah",
                       "bahwa peraturan yang lama sudah tidak sesuai dengan perkembangan keadaan",
                       "bahwa berdasarkan pertimbangan sebagaimana dimaksud perlu menetapkan peraturan")
    src = f"menimbang a b c {one} {two} {three}".split()           # the letters extracted as a column
    out = f"menimbang a {one} b {two} c {three}".split()           # the importer puts each at its point
    assert kept_words(src, out) == (len(src), [])
    kept, missing = kept_words(f"menimbang a {one} kata hilang {two}".split(), f"menimbang a {one} {two}".split())
    assert kept == len(f"menimbang a {one} {two}".split()) and missing == ["kata hilang"]


def test_garbled_decoration_is_dropped_and_named_but_a_table_row_is_not():
    from legaldraft.importer import import_file
    from legaldraft.importer.text import is_garbled

    assert is_garbled("jtÄ|~Éàt gtá|~ÅtÄtçt") and is_garbled("GI]BTRI{URSWI]TARA")
    assert not is_garbled("| 1 | Ketua | Kepala Dinas |") and not is_garbled("BUPATI TULUNGAGUNG,")
    assert not is_garbled("[NAMA KEPALA DINAS]")
    result = import_file(CORPUS / "wider" / "perwali-tasikmalaya-2015-60.txt")
    named = [n for n in result.notes.warnings if "hiasan" in n.message]
    assert len(named) == 2 and result.notes.garbled == [n.line for n in named]
    assert "jtÄ" not in str(result.spec)


# -- every error finding on a corpus document, reviewed: one by one in tests/rules/corpus_errors.yaml, asserted by
# tests/rules/test_corpus_errors.py (a true defect pinned with the source text and the reason; a false one listed under
# KNOWN_FALSE with its owner until it is fixed)


# -- kinds the public copies did not yield (no Pencabutan, no Keputusan Wali Kota found): the same reading --------
def _opening(judul: str, jabatan: str, tentang: str) -> str:
    return (f"{jabatan}\nPROVINSI JAWA TIMUR\n\n{judul}\nNOMOR 12 TAHUN 2024\nTENTANG\n{tentang}\n\n"
            f"DENGAN RAHMAT TUHAN YANG MAHA ESA\n\n{jabatan},\n\nMenimbang : a. bahwa perlu diatur;\n"
            f"b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan peraturan;\n"
            "Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah;\n")


@pytest.mark.parametrize("judul,jabatan,tentang,want", [
    ("PERATURAN WALI KOTA MADIUN", "WALI KOTA MADIUN",
     "PENCABUTAN PERATURAN WALI KOTA MADIUN NOMOR 5 TAHUN 2010 TENTANG RETRIBUSI PARKIR",
     ("pencabutan", "perwali", "kota", "Peraturan Wali Kota Madiun Nomor 5 Tahun 2010")),
    ("KEPUTUSAN WALIKOTA MADIUN", "WALIKOTA MADIUN", "PEMBENTUKAN TIM KOORDINASI",
     ("keputusan", None, "kota", None)),
    ("PERATURAN GUBERNUR JAWA TIMUR", "GUBERNUR JAWA TIMUR",
     "PERUBAHAN KETIGA ATAS PERATURAN GUBERNUR JAWA TIMUR NOMOR 8 TAHUN 2019 TENTANG TATA NASKAH DINAS",
     ("perubahan", "pergub", "provinsi", "Peraturan Gubernur Jawa Timur Nomor 8 Tahun 2019")),
])
def test_kind_of_pencabutan_keputusan_and_later_perubahan(judul, jabatan, tentang, want):
    from legaldraft.importer import import_text

    asal = import_text(_opening(judul, jabatan, tentang)).spec["asal"]
    assert (asal["jenis"], asal.get("induk"), asal["tingkat"], asal.get("mengubah")) == want


def test_a_copy_that_lost_its_bab_headings_still_imports():
    """Found by fuzzing the corpus (lines dropped at random): a Bagian without its BAB made an invalid spec."""
    from legaldraft.importer import import_text

    text = (CORPUS / "perbup-tulungagung-2022-33.txt").read_text(encoding="utf-8")
    kept = "\n".join(ln for ln in text.split("\n") if not ln.startswith("BAB "))
    spec = import_text(kept).spec
    assert "batang_tubuh" in spec["asal"]["isian"]
    assert any(unit.get("bab") == "(JUDUL BAB TIDAK ADA PADA SALINAN)" for unit in spec["batang_tubuh"])


def test_letter_spaced_text_layer_gets_its_words_back():
    from legaldraft.importer import import_file
    from legaldraft.importer.spacing import unspace

    spaced = " ".join("PERATURAN BUPATI BERAU NOMOR 41 TAHUN 2016 TENTANG PENJABARAN ANGGARAN".replace(" ", ""))
    assert unspace(spaced) == "PERATURAN BUPATI BERAU NOMOR 41 TAHUN 2016 TENTANG PENJABARAN ANGGARAN"
    assert unspace(" ".join("Menimbang:a.bahwaperlu(1)Undang-Undang;")) == "Menimbang: a. bahwa perlu (1) Undang-Undang;"
    spec = import_file(CORPUS / "family" / "perbup-berau-2016-41.txt").spec
    assert (spec["daerah"], spec["nomor"], spec["tahun"], spec["asal"]["jenis"]) == ("berau", "41", 2016, "perbup")
    assert len(spec["dasar_hukum"]) == 2


def test_import_report_states_kind_coverage_and_counts(cli, tmp_path):
    res = cli("import", CORPUS / "family" / "perubahan-perwali-depok-2020-45.txt", "-o", tmp_path / "d.yaml", "--report")
    assert res.exit_code == 0, res.output
    assert "jenis naskah: Peraturan Wali Kota (kota); perubahan atas Peraturan Wali Kota Nomor 37 Tahun 2020" in res.output
    assert "cakupan bertipe:" in res.output and "ditemukan: 3 butir konsiderans, 2 dasar hukum" in res.output

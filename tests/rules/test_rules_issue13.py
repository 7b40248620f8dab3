"""Issue 13: hand-written citations, the konsiderans as a whole, the final gate, date- and kind-aware rules.

Each case injects one defect into a ``legaldraft new`` scaffold and asserts rule, severity and line; the same
scaffold with the corrected text must not trigger the rule (precision on issued documents is test_precision's).
"""
from __future__ import annotations

import pytest
from click.testing import CliRunner

import legaldraft
from legaldraft.cli import main
from legaldraft.exitcodes import EXIT_FINAL_REFUSED, EXIT_USAGE
from legaldraft.naskah.citation_reader import normalise, read_written
from legaldraft.model.reference import JenisPeraturan as J
from legaldraft.spec.scaffold import scaffold

UU25 = "  - uu-25-2009\n"
LN25 = "Lembaran Negara Republik Indonesia Tahun 2009 Nomor 112"
TLN25 = "Tambahan Lembaran Negara Republik Indonesia Nomor 5038"
GOOD_UU25 = f"Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik ({LN25}, {TLN25})"
AYAT_1 = "PPT diselenggarakan oleh Perangkat Daerah sesuai dengan kewenangannya."
KON_B = "  - bahwa penyelenggaraan pelayanan publik terpadu memerlukan pedoman yang jelas bagi Perangkat Daerah;"
FINAL = [("status: rancangan", "status: final"), ("nomor: null", "nomor: 12"), ("tahun: null", "tahun: 2024")]


def spec(replacements, jenis="perbup") -> str:
    text = scaffold(jenis)
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def teks(citation: str) -> list:
    return [(UU25, f"  - teks: '{citation}'\n")]


def findings(text: str, rule: str):
    return legaldraft.check(legaldraft.loads(text), only=[rule])


def line_of(text: str, anchor: str) -> int:
    return next(i + 1 for i, line in enumerate(text.splitlines()) if anchor in line)


# (rule, replacements of the wrong text, severity, anchor of the reported line, replacements of the right text)
CASES = [
    ("DH-013", teks(GOOD_UU25.replace("Undang-Undang", "Undang - Undang")), "warning", "Undang - Undang", teks(GOOD_UU25)),
    ("DH-013", teks(GOOD_UU25.replace("tentang", "tentang tentang")), "warning", "tentang tentang", teks(GOOD_UU25)),
    ("DH-013", teks(GOOD_UU25.replace("(", "( ")), "warning", "( Lembaran", teks(GOOD_UU25)),
    ("DH-014", teks(GOOD_UU25.replace(LN25, "LN RI Tahun 2009 No. 112").replace(TLN25, "TLN No. 5038")), "error",
     "LN RI", teks(GOOD_UU25)),
    ("DH-014", teks(GOOD_UU25.replace("Nomor 112", "nomor 112")), "error", "nomor 112", teks(GOOD_UU25)),
    ("DH-014", teks(GOOD_UU25.replace(TLN25, "Tambahan Lembaran Negara Nomor 5038")), "error", "Tambahan Lembaran Negara Nomor",
     teks(GOOD_UU25)),
    ("DH-015", teks(GOOD_UU25.replace(f", {TLN25}", "")), "error", "- teks:", teks(GOOD_UU25)),
    ("DH-015", teks(GOOD_UU25.replace("Lembaran Negara Republik Indonesia Tahun", "Berita Negara Republik Indonesia Tahun")),
     "error", "Berita Negara", teks(GOOD_UU25)),
    ("DH-016", [("  - ref: uud-1945\n    pasal: Pasal 18 ayat (6)\n", "  - teks: Pasal 18 ayat (6) Undang-Undang Dasar 1945\n")],
     "error", "Dasar 1945", [("  - ref: uud-1945\n    pasal: Pasal 18 ayat (6)\n",
                              "  - teks: Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945\n")]),
    ("DH-016", [("  - ref: uud-1945\n    pasal: Pasal 18 ayat (6)\n", "  - teks: Pasal 18 ayat (6) UUD 1945\n")],
     "error", "UUD 1945", [("  - ref: uud-1945\n    pasal: Pasal 18 ayat (6)\n",
                            "  - teks: Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945\n")]),
    ("DH-017", teks(GOOD_UU25.replace("tentang", "Tentang")), "error", "Tentang", teks(GOOD_UU25)),
    ("DH-017", teks("Peraturan Bupati Contoh Nomor 3 Tahun 2019 tentang Tata Kerja Dan Pelayanan Di Kecamatan "
                    "(Berita Daerah Kabupaten Contoh Tahun 2019 Nomor 3)"), "warning", "Dan Pelayanan",
     teks("Peraturan Bupati Contoh Nomor 3 Tahun 2019 tentang Tata Kerja dan Pelayanan di Kecamatan "
          "(Berita Daerah Kabupaten Contoh Tahun 2019 Nomor 3)")),
    ("DH-009", teks(GOOD_UU25.replace("Pelayanan Publik", "Pelayanan publik")), "warning", "Pelayanan publik", teks(GOOD_UU25)),
    ("DH-019", teks(GOOD_UU25 + "; dan"), "error", "; dan", teks(GOOD_UU25)),
    ("DH-019", teks(GOOD_UU25 + "; Peraturan Pemerintah Nomor 96 Tahun 2012 tentang Pelaksanaan Undang-Undang Nomor 25 "
                    "Tahun 2009 tentang Pelayanan Publik"), "error", "; Peraturan", teks(GOOD_UU25)),
    ("DH-011", teks("Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia "
                    "Tahun 2004 Nomor 125, Tambahan Lembaran Negara Republik Indonesia Nomor 4437)"), "error", "Nomor 32",
     teks(GOOD_UU25)),
    ("REF-011", teks(GOOD_UU25) + [(AYAT_1, f"PPT diselenggarakan menurut Undang-Undang Nomor 25 Tahun 2009 tentang Layanan "
                                            "Publik.")], "error", "Layanan Publik",
     teks(GOOD_UU25) + [(AYAT_1, "PPT diselenggarakan menurut Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.")]),
    ("REF-011", [(KON_B, "  - bahwa Peraturan Daerah Kabupaten Contoh Nomor 3 Tahun 2020 tentang Pelayanan Terpadu perlu "
                         "dilaksanakan;"),
                 (AYAT_1, "PPT diselenggarakan menurut Peraturan Daerah Kabupaten Contoh Nomor 3 Tahun 2021 tentang "
                          "Pelayanan Terpadu.")], "error", "Tahun 2021",
     [(KON_B, "  - bahwa Peraturan Daerah Kabupaten Contoh Nomor 3 Tahun 2020 tentang Pelayanan Terpadu perlu dilaksanakan;"),
      (AYAT_1, "PPT diselenggarakan menurut Peraturan Daerah Nomor 3 Tahun 2020 tentang Pelayanan Terpadu.")]),
    ("REF-011", [(AYAT_1, "PPT diselenggarakan menurut Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan publik.")],
     "warning", "Pelayanan publik",
     [(AYAT_1, "PPT diselenggarakan menurut Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik.")]),
    ("BHS-012", [(AYAT_1, "PPT diselenggarakan oleh Perangkat Daerah yang yang berwenang.")], "warning", "yang yang",
     [(AYAT_1, "PPT diselenggarakan oleh Perangkat Daerah yang berwenang.")]),
    ("BHS-012", [("tentang: Penyelenggaraan Pelayanan Publik Terpadu", "tentang: Penyelenggaraan Pelayanan Pelayanan Publik "
                  "Terpadu")], "warning", "Pelayanan Pelayanan", []),
    ("BHS-013", [(AYAT_1, "PPT diselenggarakan paling lama 7 (tujuh)hari sesuai Pasal5.")], "warning", "Pasal5",
     [(AYAT_1, "PPT diselenggarakan paling lama 7 (tujuh) hari sesuai Pasal 5.")]),
    ("BHS-012", [(AYAT_1, "PPT diselenggarakan diluar jam kerja dan di tetapkan oleh Bupati.")], "warning", "diluar",
     [(AYAT_1, "PPT diselenggarakan di luar jam kerja dan ditetapkan oleh Bupati.")]),
    ("BHS-014", [(AYAT_1, "PPT diselenggarakan di kecamatan Bojong kabupaten contoh.")], "warning", "kecamatan Bojong",
     [(AYAT_1, "PPT diselenggarakan di Kecamatan Bojong Kabupaten Contoh.")]),
    ("BHS-014", [(AYAT_1, "PPT diselenggarakan oleh dinas Sosial.")], "warning", "dinas Sosial",
     [(AYAT_1, "PPT diselenggarakan oleh Dinas Sosial di kantor Dinas.")]),
    ("JUD-002", [("tentang: Penyelenggaraan Pelayanan Publik Terpadu", "tentang: Penyelenggaraan Pelayanan Publik Terpadu Di "
                  "Kecamatan")], "warning", "Terpadu Di", []),
    ("BHS-016", [(AYAT_1, "PPT menyelenggarakan kegiatan non fisik dan kegiatan nonfisik.")], "warning", "non fisik",
     [(AYAT_1, "PPT menyelenggarakan kegiatan nonfisik.")]),
    ("BHS-016", [(AYAT_1, "PPT bertanggung jawab kepada Bupati; Dinas bertanggungjawab kepada Bupati.")], "warning",
     "bertanggung jawab", [(AYAT_1, "PPT bertanggung jawab kepada Bupati; Dinas bertanggung jawab kepada Bupati.")]),
    ("KON-009", [(KON_B, KON_B + "\n  - bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu "
                         "menetapkan Peraturan Bupati tentang Penyelenggaraan Pelayanan Publik Terpadu;")],
     "error", "- bahwa berdasarkan pertimbangan", []),
    ("KON-009", [("  - bahwa untuk meningkatkan", "  - bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf b, "
                  "perlu menetapkan Peraturan Bupati tentang Penyelenggaraan Pelayanan Publik Terpadu;\n  - bahwa untuk meningkatkan")],
     "error", "- bahwa berdasarkan pertimbangan", []),
    ("KON-002", [(KON_B, KON_B[:-1] + ". Pemerintah Daerah perlu menatanya;")], "error", "menatanya", []),
    ("KON-002", [(KON_B, KON_B + " dan")], "error", "Perangkat Daerah; dan", []),
    ("KON-002", [(KON_B, KON_B[:-1] + ".")], "error", "Perangkat Daerah.", []),
    ("KON-002", [(KON_B, "  - bahwa untuk melaksanakan ketentuan Pasal 5 Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan "
                         "Publik;")], "error", "untuk melaksanakan ketentuan",
     [(KON_B, "  - bahwa untuk melaksanakan ketentuan Pasal 5 Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik, perlu "
              "mengatur pelayanan terpadu;")]),
    ("REF-003", [(KON_B, "  - bahwa sesuai ketentuan pasal 5 Undang-Undang Nomor 25 Tahun 2009 perlu pedoman;")], "error",
     "pasal 5", [(KON_B, "  - bahwa sesuai ketentuan Pasal 5 Undang-Undang Nomor 25 Tahun 2009 perlu pedoman;")]),
    ("REF-003", [(KON_B, "  - bahwa sesuai ketentuan Pasal 5 ayat 1 Undang-Undang Nomor 25 Tahun 2009 perlu pedoman;")], "error",
     "ayat 1", [(KON_B, "  - bahwa sesuai ketentuan Pasal 5 ayat (1) Undang-Undang Nomor 25 Tahun 2009 perlu pedoman;")]),
    ("REF-001", [(KON_B, KON_B + "\n  - bahwa berdasarkan kategori sebagaimana dimaksud huruf a, pedoman perlu ditinjau;")],
     "error", "dimaksud huruf a", [(KON_B, KON_B + "\n  - bahwa berdasarkan kategori sebagaimana dimaksud dalam huruf a, "
                                            "pedoman perlu ditinjau;")]),
    ("FIN-001", FINAL + [("  tanggal: null              # YYYY-MM-DD saat ditetapkan", "  tanggal: 2024-03-01\n  nama: Asep")],
     "error", "  tanggal: null", []),
    ("FIN-002", FINAL + [("  tanggal: null              # YYYY-MM-DD saat ditetapkan", "  tanggal: 2024-03-01")], "error",
     "tanggal: 2024-03-01", []),
]


@pytest.mark.parametrize("rule,wrong,severity,anchor,right", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_fires_on_the_wrong_text_and_not_on_the_right_one(rule, wrong, severity, anchor, right):
    text = spec(wrong)
    found = findings(text, rule)
    assert found, f"{rule} did not fire"
    assert found[0].severity.value == severity
    assert found[0].position.line == line_of(text, anchor)
    if right or rule not in ("FIN-001", "FIN-002", "BHS-012", "JUD-002"):
        assert findings(spec(right), rule) == [], [f.message for f in findings(spec(right), rule)]


def test_fin_rules_are_silent_on_a_complete_final_document_and_on_a_rancangan():
    done = FINAL + [("  tanggal: null              # YYYY-MM-DD saat ditetapkan", "  tanggal: 2024-03-01\n  nama: Asep"),
                    ("pengundangan:\n  tanggal: null\n  berita_daerah: {tahun: null, nomor: null}",
                     "pengundangan:\n  tanggal: 2024-03-02\n  nama: Budi\n  berita_daerah: {tahun: 2024, nomor: 12}")]
    assert findings(spec(done), "FIN-001") == findings(spec(done), "FIN-002") == []
    assert findings(spec([]), "FIN-001") == findings(spec([]), "FIN-002") == []


def test_placeholder_names_count_as_missing():
    text = spec(FINAL + [("  tanggal: null              # YYYY-MM-DD saat ditetapkan", "  tanggal: 2024-03-01\n  nama: '(nama)'")])
    assert [f.message for f in findings(text, "FIN-002")][0].startswith("naskah final tanpa nama pejabat yang menetapkan")


def test_kon_009_fix_removes_the_hand_written_closing_point(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(spec(next(c[1] for c in CASES if c[0] == 'KON-009')), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--fix"])
    assert "hapus butir penutup" in result.output
    doc = legaldraft.load(path)
    assert len(doc.konsiderans.poin) == 2 and findings(path.read_text(encoding="utf-8"), "KON-009") == []


def test_fixes_of_the_citation_rules_give_the_right_text():
    text = spec(teks(GOOD_UU25.replace(LN25, "LN RI Tahun 2009 No. 112").replace(TLN25, "TLN No. 5038")))
    assert findings(text, "DH-014")[0].fix.replacement == GOOD_UU25
    text = spec(teks(GOOD_UU25.replace("Undang-Undang", "Undang - Undang").replace("tentang", "tentang tentang")))
    assert findings(text, "DH-013")[0].fix.replacement == GOOD_UU25


def test_the_reader_normalises_typography_before_comparing():
    written = ("Undang – Undang  Nomor 23 Tahun 2014 tentang tentang Pemerintahan Daerah ( Lembaran Negara Republik "
               "Indonesia Tahun 2014 nomor 244 , Tambahan Lembaran Negara Republik Indonesia Nomor 5587 )")
    c = read_written(written)
    assert (c.jenis, c.nomor, c.tahun, c.tentang) == (J.uu, "23", 2014, "Pemerintahan Daerah")
    assert c.lembaran == (2014, "244") and c.tambahan == "5587"
    assert "Pemerintahan Daerah (Lembaran" in normalise(written)


def test_dh_002_asks_for_the_law_in_force_on_the_penetapan_date():
    old = spec([("  - uu-23-2014\n", ""), ("  tanggal: null              # YYYY-MM-DD saat ditetapkan", "  tanggal: 2010-05-01")])
    assert "Nomor 32 Tahun 2004" in findings(old, "DH-002")[0].message
    with_32 = old.replace(UU25, UU25 + "  - uu-32-2004\n")
    assert findings(with_32, "DH-002") == []
    new = spec([("  - uu-23-2014\n", "")])
    assert "Nomor 23 Tahun 2014" in findings(new, "DH-002")[0].message


def test_dik_003_accepts_a_nama_that_itself_names_a_regulation():
    amended = spec([("tentang: Penyelenggaraan Pelayanan Publik Terpadu",
                     "tentang: Pelaksanaan Peraturan Daerah Kabupaten Contoh Nomor 3 Tahun 2020 tentang Pelayanan Publik")])
    assert findings(amended, "DIK-003") == []


def test_build_refuses_a_final_document_with_errors_unless_a_reason_is_given(tmp_path):
    import docx

    path = tmp_path / "final.yaml"
    path.write_text(spec(FINAL), encoding="utf-8")
    runner = CliRunner()
    refused = runner.invoke(main, ["build", str(path), "-o", str(tmp_path / "out")])
    assert refused.exit_code == EXIT_FINAL_REFUSED
    assert "FIN-002" in refused.output and "--terima-galat" in refused.output
    assert not (tmp_path / "out" / "final.docx").exists()
    assert runner.invoke(main, ["build", str(path), "-o", str(tmp_path / "out"), "--terima-galat", "x"]).exit_code == EXIT_USAGE
    built = runner.invoke(main, ["build", str(path), "-o", str(tmp_path / "out"),
                                                "--terima-galat", "penandatangan belum ditunjuk"])
    assert built.exit_code == 0, built.output
    docx_path = next((tmp_path / "out").glob("*.docx"))
    comments = docx.Document(str(docx_path)).core_properties.comments
    assert "penandatangan belum ditunjuk" in comments and "FIN-002" in comments


def test_build_does_not_gate_a_rancangan(tmp_path):
    path = tmp_path / "draft.yaml"
    path.write_text(spec([]), encoding="utf-8")
    assert CliRunner().invoke(main, ["build", str(path), "-o", str(tmp_path / "out")]).exit_code == 0


COMPLETE = FINAL + [("  tanggal: null              # YYYY-MM-DD saat ditetapkan", "  tanggal: 2024-03-01\n  nama: Asep"),
                    ("pengundangan:\n  tanggal: null\n  berita_daerah: {tahun: null, nomor: null}",
                     "pengundangan:\n  tanggal: 2024-03-02\n  nama: Budi\n  berita_daerah: {tahun: 2024, nomor: 12}")]


def test_fin_003_placeholder_lambang_is_an_error_of_the_build_only(tmp_path):
    doc = legaldraft.loads(spec(COMPLETE))
    assert legaldraft.check(doc, only=["FIN-003"]) == []      # 'check' judges the text
    gated = legaldraft.check(doc, only=["FIN-003"], for_build=True)
    assert [(f.rule.id, f.severity.value) for f in gated] == [("FIN-003", "error")]
    assert legaldraft.check(legaldraft.loads(spec([])), only=["FIN-003"], for_build=True) == []   # a rancangan
    path = tmp_path / "lengkap.yaml"
    path.write_text(spec(COMPLETE), encoding="utf-8")
    refused = CliRunner().invoke(main, ["build", str(path), "-o", str(tmp_path / "out")])
    assert refused.exit_code == EXIT_FINAL_REFUSED and "FIN-003" in refused.output


def test_dh_008_does_not_warn_on_the_registry_wording_of_a_1950_law():
    own = ("Undang-Undang Nomor 14 Tahun 1950 tentang Pembentukan Daerah-Daerah Kabupaten dalam Lingkungan Propinsi "
           "Djawa Barat (Berita Negara Republik Indonesia tanggal 8 Agustus 1950)")
    assert findings(spec(teks(own)), "DH-008") == []
    bare = "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"
    assert [f.severity.value for f in findings(spec(teks(bare)), "DH-008")] == ["error"]  # the catalogue's severity
    cut = "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik (Lembaran Negara"
    assert [f.severity.value for f in findings(spec(teks(cut)), "DH-008")] == ["warning"]  # a damaged copy
    outside = GOOD_UU25.replace("(", "").replace(")", "")
    assert "di dalam kurung" in findings(spec(teks(outside)), "DH-008")[0].message


def test_hygiene_fixes_give_the_right_text():
    from legaldraft.rules.kebersihan import scan_doubled, scan_glued, scan_prepositions, scan_title_particles

    assert scan_doubled("Dinas yang yang berwenang dan dan Badan")[0].fixed == "Dinas yang berwenang dan Badan"
    assert scan_glued("paling lama 7 (tujuh)hari sesuai Pasal5")[0].fixed == "paling lama 7 (tujuh) hari sesuai Pasal 5"
    assert scan_prepositions("diluar kantor, di tetapkan")[0].fixed == "di luar kantor, ditetapkan"
    assert scan_title_particles("Pelayanan Dan Pengaduan Di Kecamatan")[0].fixed == "Pelayanan dan Pengaduan di Kecamatan"
    # not: passive verbs, 'keluar', nouns ending in -kan, words that merely start with 'di'
    assert scan_prepositions("dilaksanakan, keluar, di ikan, didalami, dikantongi") == []
    assert scan_doubled("masing-masing 2 2 orang") == []


needs_dictionary = pytest.mark.skipif(
    __import__("legaldraft.rules.kamus", fromlist=["dictionary_path"]).dictionary_path() is None,
    reason="Hunspell id_ID (Debian hunspell-id) is not installed: 'make system-deps' installs it")


@needs_dictionary
def test_bhs_012_typo_finds_a_misspelt_fixed_word_and_not_a_real_word():
    wrong = spec([(AYAT_1, "PPT diselenggarakan sebagaimama dimaksud dalam ketentuan ini.")])
    found = findings(wrong, "BHS-012")
    assert [(f.rule.id, f.severity.value, f.position.line) for f in found] == [("BHS-012", "warning", line_of(wrong, "sebagaimama"))]
    assert found[0].fix.replacement == "PPT diselenggarakan sebagaimana dimaksud dalam ketentuan ini."
    right = spec([(AYAT_1, "PPT ditempatkan sebagaimana dimaksud dalam ketentuan ini.")])  # 'ditempatkan' ~ 'ditetapkan'
    assert findings(right, "BHS-012") == []


def test_bhs_012_typo_spares_a_word_the_drafter_writes_again_and_again():
    from legaldraft.rules.kebersihan import near_fixed, scan_fixed_words

    assert near_fixed("sebagaimama") == "sebagaimana" and near_fixed("sebagaimana") is None
    assert scan_fixed_words("sebagaimama dimaksud", None) == []  # no dictionary: nothing reported
    repeated = spec([(AYAT_1, "PPT melaksanakan penaatan; penaatan dinilai; laporan penaatan disampaikan.")])
    assert findings(repeated, "BHS-012") == []


def _rendered(key: str) -> str:
    import datetime as dt

    from legaldraft.model.reference import DasarHukum
    from legaldraft.naskah.citation import cite
    from legaldraft.spec.registry import national

    return cite(DasarHukum(ref=key), national(), dt.date.today())


def test_dh_010_amendment_phrase_punctuation():
    good = _rendered("uu-23-2014")
    assert " sebagaimana telah beberapa kali diubah terakhir dengan " in good
    replace = [("  - uu-23-2014\n", f"  - teks: '{good}'\n")]
    assert findings(spec(replace), "DH-010") == []
    for wrong in (good.replace(") sebagaimana", "), sebagaimana"), good.replace("sebagaimana telah", "sebagaimana")):
        found = findings(spec([("  - uu-23-2014\n", f"  - teks: '{wrong}'\n")]), "DH-010")
        assert [f.severity.value for f in found] == ["warning"]
        assert found[0].fix.replacement == good


def test_dh_007_republik_indonesia_after_a_minister():
    wrong = "Peraturan Menteri Dalam Negeri Republik Indonesia Nomor 80 Tahun 2015 tentang Pembentukan Produk Hukum Daerah"
    found = findings(spec(teks(wrong)), "DH-007")
    assert [f.severity.value for f in found] == ["error"]
    assert found[0].fix.replacement == wrong.replace(" Republik Indonesia", "")


def test_kon_006_reads_the_name_after_any_regional_head():
    closing = ("  penutup: bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan "
               "Peraturan Wali Kota tentang {};")
    base = scaffold("perbup").replace("konsiderans:                 #", "konsiderans:\n  poin:\n #", 1)
    assert "  poin:" in base
    text = base.replace(KON_B, KON_B + "\n" + closing.format("Pelayanan Terpadu"), 1)
    found = legaldraft.check(legaldraft.loads(text), only=["KON-006"])
    # the profile 'contoh' is a kabupaten: 'Peraturan Wali Kota' is the wrong jenis, and the nama differs too
    assert sorted(f.message.split(" ")[0] for f in found) == ["butir", "nama"]
    same = base.replace(KON_B, KON_B + "\n" + closing.format("Penyelenggaraan Pelayanan Publik Terpadu"), 1)
    assert [f.message for f in legaldraft.check(legaldraft.loads(same), only=["KON-006"])] == [
        "butir penutup menetapkan 'Peraturan Wali Kota', padahal naskah ini Peraturan Bupati"]


def test_kon_009_single_pertimbangan_form():
    one = spec([(KON_B, "")]).replace("konsiderans:                 #", "konsiderans:\n  tunggal: true\n  poin:\n #", 1)
    found = legaldraft.check(legaldraft.loads(one), only=["KON-009"])
    assert [f.message for f in found] == ["pertimbangan tunggal tidak diakhiri 'perlu menetapkan … tentang …;'"]
    closed = one.replace("pelayanan publik secara terpadu;", "pelayanan publik secara terpadu, perlu menetapkan Peraturan "
                         "Bupati tentang Penyelenggaraan Pelayanan Publik Terpadu;")
    assert legaldraft.check(legaldraft.loads(closed), only=["KON-009"]) == []


def test_an_incomplete_record_is_a_warning_for_check_and_an_error_for_build():
    doc = legaldraft.loads(spec(FINAL))   # final, but no date and no name anywhere: an imported text cut short
    assert [(f.rule.id, f.severity.value) for f in legaldraft.check(doc, only=["FIN-001", "FIN-002"])] == [("FIN-001", "warning")]
    gated = legaldraft.check(doc, only=["FIN-001", "FIN-002"], for_build=True)
    assert {f.severity.value for f in gated} == {"error"} and {f.rule.id for f in gated} == {"FIN-001", "FIN-002"}


def test_dh_011_and_dh_002_give_a_document_of_unknown_day_the_benefit_of_its_year():
    uu32 = ("Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2004 "
            "Nomor 125, Tambahan Lembaran Negara Republik Indonesia Nomor 4437)")
    base = [("  - uu-23-2014\n", f"  - teks: '{uu32}'\n"), ("tahun: null", "tahun: 2014")]
    year_only = spec(base)   # UU 23/2014 came on 2 October 2014: a Perbup of 2014 may have been set before it
    assert findings(year_only, "DH-011") == [] and findings(year_only, "DH-002") == []
    dated = spec(base + [("  tanggal: null              # YYYY-MM-DD saat ditetapkan", "  tanggal: 2014-11-03")])
    assert [f.rule.id for f in findings(dated, "DH-011")] == ["DH-011"]
    assert "Nomor 23 Tahun 2014" in findings(dated, "DH-002")[0].message


def test_provisions_of_uu_13_2022_are_not_asked_of_documents_set_before_it():
    arabic = [("status: rancangan", "status: final"), ("nomor: null", "nomor: 12A"), ("tahun: null", "tahun: 2024"),
              ("  tanggal: null              # YYYY-MM-DD saat ditetapkan", "  tanggal: {}")]
    after = spec(arabic[:3] + [(arabic[3][0], arabic[3][1].format("2024-03-01"))])
    before = spec([arabic[0], arabic[1], ("tahun: null", "tahun: 2021"), (arabic[3][0], arabic[3][1].format("2021-03-01"))])
    assert [f.severity.value for f in findings(after, "JUD-003")] == ["error"]
    found = findings(before, "JUD-003")
    assert [f.severity.value for f in found] == ["info"] and "sejak 16-06-2022" in found[0].message


def test_ref_011_reads_keputusan_numbers_across_memperhatikan_and_diktum():
    kep = scaffold("keputusan").replace(
        "diktum:\n", "memperhatikan:\n  - Keputusan Bupati Contoh Nomor 100/Kep.12-Huk/2023 tentang Tim Pelaksana Inovasi "
                     "Daerah;\n\ndiktum:\n", 1)
    wrong = kep.replace("  - teks: Segala biaya", "  - teks: Keputusan Bupati Contoh Nomor 100/Kep.12-Huk/2023 tentang Tim "
                        "Inovasi Daerah dinyatakan tetap berlaku.\n  - teks: Segala biaya", 1)
    found = legaldraft.check(legaldraft.loads(wrong), only=["REF-011"])
    assert [f.severity.value for f in found] == ["error"] and "Tim Inovasi Daerah" in found[0].message
    cut = wrong.replace("tentang Tim Inovasi Daerah dinyatakan", "tentang Tim Pelaksana Inovasi dinyatakan")
    assert [f.severity.value for f in legaldraft.check(legaldraft.loads(cut), only=["REF-011"])] == ["warning"]
    right = wrong.replace("tentang Tim Inovasi Daerah dinyatakan", "tentang Tim Pelaksana Inovasi Daerah dinyatakan")
    assert legaldraft.check(legaldraft.loads(right), only=["REF-011"]) == []


def test_header_lines_are_read_by_the_hygiene_rules():
    kop = spec([("tentang: Penyelenggaraan", "kepala_naskah: [DINAS DINAS SOSIAL, KABUPATEN CONTOH]\ntentang: Penyelenggaraan")])
    found = findings(kop, "BHS-012")
    assert [(f.severity.value, f.position.line) for f in found] == [("warning", line_of(kop, "kepala_naskah"))]
    signed = spec([("  tanggal: null              # YYYY-MM-DD saat ditetapkan", "  tanggal: null\n  jabatan: BUPATI  BUPATI CONTOH")])
    assert [f.rule.id for f in findings(signed, "BHS-012")] == ["BHS-012"]


def test_markdown_prose_of_a_lampiran_and_the_penjelasan_are_read_by_hygiene():
    ped = scaffold("pedoman").replace("Pedoman ini dimaksudkan sebagai acuan bagi:",
                                      "Pedoman ini dimaksudkan sebagai acuan diluar kantor bagi:", 1)
    found = legaldraft.check(legaldraft.loads(ped), only=["BHS-012"])
    assert [(f.severity.value, f.position.line) for f in found] == [("warning", line_of(ped, "markdown: |"))]
    assert legaldraft.check(legaldraft.loads(scaffold("pedoman")), only=["BHS-012"]) == []
    umum = spec([]) + "penjelasan:\n  umum:\n    - Peraturan Bupati ini disusun untuk untuk menata pelayanan.\n"
    assert [f.rule.id for f in findings(umum, "BHS-012")] == ["BHS-012"]


def test_ref_011_one_regulation_with_two_publication_data():
    pp = ("Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah (Lembaran Negara Republik Indonesia Tahun "
          "2016 Nomor 114, Tambahan Lembaran Negara Republik Indonesia Nomor 5887)")
    other = pp.replace("Nomor 114", "Nomor 141")
    wrong = spec([(UU25, f"  - teks: '{pp}'\n  - teks: '{other}'\n")])
    found = findings(wrong, "REF-011")
    assert [f.severity.value for f in found] == ["error"] and "Nomor 141" in found[0].message
    assert findings(spec([(UU25, f"  - teks: '{pp}'\n")]), "REF-011") == []


def test_dh_014_a_lembaran_daerah_names_its_daerah():
    perda = "Peraturan Daerah Kabupaten Contoh Nomor 3 Tahun 2020 tentang Pelayanan Publik ({})"
    wrong = spec(teks(perda.format("Lembaran Daerah Tahun 2020 Nomor 3")))
    found = findings(wrong, "DH-014")
    assert [f.severity.value for f in found] == ["error"] and "tanpa nama daerah" in found[0].message
    assert findings(spec(teks(perda.format("Lembaran Daerah Kabupaten Contoh Tahun 2020 Nomor 3"))), "DH-014") == []


def test_ref_012_a_regulation_cited_before_it_existed():
    set_2013 = [("tahun: null", "tahun: 2013"), ("  tanggal: null              # YYYY-MM-DD saat ditetapkan", "  tanggal: 2013-03-03")]
    wrong = spec(set_2013)   # the scaffold cites UU 23/2014
    found = findings(wrong, "REF-012")
    assert [(f.severity.value, f.position.line) for f in found] == [("warning", line_of(wrong, "  - uu-23-2014"))]
    right = spec(set_2013 + [("  - uu-23-2014\n", "  - uu-32-2004\n")])
    assert findings(right, "REF-012") == []
    in_body = spec([(AYAT_1, "PPT diselenggarakan menurut Peraturan Daerah Nomor 3 Tahun 2031 tentang Pelayanan.")])
    assert [f.rule.id for f in findings(in_body, "REF-012")] == ["REF-012"]


def test_prepositions_ke_and_di_in_both_directions():
    from legaldraft.rules.kebersihan import scan_prepositions

    assert scan_prepositions("dikirim kedaerah dan kedalam sistem")[0].fixed == "dikirim ke daerah dan ke dalam sistem"
    assert scan_prepositions("petugas keluar kantor; kedalaman sungai") == []


def test_ref_011_reads_a_qanun():
    from legaldraft.rules.daftar_peraturan import mentions_in

    (m,) = mentions_in("Qanun Kabupaten Aceh Barat Nomor 3 Tahun 2015 tentang Pelayanan Publik;", None, None, "aceh barat")
    assert (m.jenis, m.issuer, m.nomor, m.tahun, m.title) == (J.perda, "aceh barat", "3", 2015, "Pelayanan Publik")


def test_ref_013_republik_indonesia_between_jenis_and_nomor_in_the_text():
    wrong = spec([(KON_B, "  - bahwa berdasarkan Undang-Undang Republik Indonesia Nomor 25 Tahun 2009 tentang Pelayanan Publik "
                          "perlu pedoman;")])
    found = findings(wrong, "REF-013")
    assert [(f.severity.value, f.position.line) for f in found] == [("warning", line_of(wrong, "Republik Indonesia Nomor"))]
    right = wrong.replace("Undang-Undang Republik Indonesia Nomor", "Undang-Undang Nomor")
    assert findings(right, "REF-013") == []


CLOSING = ("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Peraturan Bupati "
           "tentang Penyelenggaraan Pelayanan Publik Terpadu;")


def with_closing(closing: str, extra_point: str = "") -> str:
    """The scaffold with its konsiderans as 'poin:' and a hand-written 'penutup:'."""
    text = scaffold("perbup").replace("konsiderans:                 #", "konsiderans:\n  poin:\n #", 1)
    return text.replace(KON_B, KON_B + (f"\n  - {extra_point}" if extra_point else "") + f"\n  penutup: '{closing}'", 1)


@pytest.mark.parametrize("rule,closing,extra,severity", [
    ("KON-005", CLOSING.replace("huruf a dan huruf b", "huruf a, huruf b dan huruf c"), "bahwa pedoman itu dibutuhkan;", "warning"),
    ("KON-005", CLOSING.replace("huruf a dan huruf b", "huruf a, dan huruf b"), "", "warning"),
    ("KON-005", CLOSING.replace("sebagaimana dimaksud dalam ", ""), "", "warning"),
    ("KON-004", CLOSING.replace("huruf a dan huruf b,", "huruf a dan huruf b serta untuk melaksanakan ketentuan Pasal 5 "
                                "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik,"), "", "error"),
    ("KON-004", "bahwa untuk melaksanakan maksud tersebut di atas, maka perlu menetapkan Peraturan Bupati tentang "
                "Penyelenggaraan Pelayanan Publik Terpadu;", "", "error"),
    ("KON-006", CLOSING.replace("Peraturan Bupati", "Peraturan Daerah"), "", "error"),
    ("KON-002", CLOSING[:-1] + ".", "", "warning"),
])
def test_the_hand_written_closing_point_as_a_grammar(rule, closing, extra, severity):
    found = legaldraft.check(legaldraft.loads(with_closing(closing, extra)), only=[rule])
    assert [f.severity.value for f in found] == [severity], [f.message for f in found]
    right = CLOSING.replace("huruf a dan huruf b", "huruf a, huruf b, dan huruf c") if extra else CLOSING
    assert legaldraft.check(legaldraft.loads(with_closing(right, extra)), only=[rule]) == []


def test_bhs_015_capital_particles_in_a_defined_term_and_a_lampiran_title():
    wrong = spec([("          - istilah: Pelayanan Publik Terpadu", "          - istilah: Pelayanan Publik Terpadu Dan Keliling")])
    found = findings(wrong, "BHS-015")
    assert [(f.severity.value, f.position.line) for f in found] == [("warning", line_of(wrong, "Terpadu Dan Keliling"))]
    assert found[0].fix.replacement == "Pelayanan Publik Terpadu dan Keliling"
    assert findings(spec([]), "BHS-015") == []


def test_jud_002_nama_case_fix():
    from legaldraft.rules.judul import nama_case

    assert nama_case("Tata Cara Penerapan Sanksi Administratif dalam pelindungan dan pemenuhan hak penyandang disabilitas") == \
        "Tata Cara Penerapan Sanksi Administratif dalam Pelindungan dan Pemenuhan Hak Penyandang Disabilitas"
    assert nama_case("Pembentukan Peraturan Perundang-undangan Di Daerah (SLRT) Tahun 2024") == \
        "Pembentukan Peraturan Perundang-undangan di Daerah (SLRT) Tahun 2024"


@pytest.mark.parametrize("wrong", [
    LN25.replace("Lembaran Negara", "Lembar Negara"),
    LN25.replace("Nomor 112", "Noomor 112"),
    LN25.replace("Republik", "Repubik"),
])
def test_dh_014_misspelt_publication_words(wrong):
    found = findings(spec(teks(GOOD_UU25.replace(LN25, wrong))), "DH-014")
    assert [f.severity.value for f in found] == ["error"]  # one finding (with its mend where the slip is plain)


def test_dh_014_lembaran_without_its_year_and_a_daerah_series_kept():
    found = findings(spec(teks(GOOD_UU25.replace("Tahun 2009 Nomor 112", "Nomor 112"))), "DH-014")
    assert [f.severity.value for f in found] == ["error"] and "tanpa tahun" in found[0].message
    perda = ("Peraturan Daerah Kabupaten Contoh Nomor 6 Tahun 2011 tentang Organisasi Perangkat Daerah (Lembaran Daerah "
             "Kabupaten Contoh Tahun 2011 Nomor 1 / D)")
    assert findings(spec(teks(perda)), "DH-014") == []
    old_law = ("Undang-Undang Nomor 10 Tahun 1950 tentang Pembentukan Provinsi Jawa Tengah (Himpunan Peraturan-Peraturan "
               "Negara Tahun 1950 Halaman 86-92)")
    assert findings(spec(teks(old_law)), "DH-014") == [] and findings(spec(teks(old_law)), "DH-008") == []


UUD_ITEM = "  - ref: uud-1945\n    pasal: Pasal 18 ayat (6)\n"


def test_dh_006_ayat_with_a_capital_in_a_written_uud_citation():
    wrong = spec([(UUD_ITEM, "  - teks: Pasal 18 Ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945\n")])
    found = findings(wrong, "DH-006")
    assert [f.severity.value for f in found] == ["error"]
    assert found[0].fix.replacement == "Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945"


def test_dh_014_a_publication_bracket_never_closed():
    chain = ("Undang-Undang Nomor 23 Tahun 2002 tentang Perlindungan Anak (Lembaran Negara Republik Indonesia Tahun 2002 "
             "Nomor 109, Tambahan Lembaran Negara Republik Indonesia Nomor 4235 sebagaimana telah diubah dengan Undang-Undang "
             "Nomor 35 Tahun 2014 tentang Perubahan atas Undang-Undang Nomor 23 Tahun 2002 tentang Perlindungan Anak (Lembaran "
             "Negara Republik Indonesia Tahun 2014 Nomor 297, Tambahan Lembaran Negara Republik Indonesia Nomor 5606)")
    found = [f for f in findings(spec(teks(chain)), "DH-014") if "tidak ditutup" in f.message]
    assert [f.severity.value for f in found] == ["error"]
    cut = "Undang-Undang Nomor 23 Tahun 2002 tentang Perlindungan Anak (Lembaran Negara Republik Indonesia Tahun 2002 Nomor 1"
    assert [f.severity.value for f in findings(spec(teks(cut)), "DH-014") if "tidak ditutup" in f.message] == ["warning"]


def test_dh_007_an_item_that_lost_its_jenis():
    lost = ("Daerah-daerah Kota Besar dalam Lingkungan Propinsi Djawa Timur (Lembaran Negara Republik Indonesia Tahun 1955 "
            "Nomor 53, Tambahan Lembaran Negara Republik Indonesia Nomor 859)")
    assert [f.severity.value for f in findings(spec(teks(lost)), "DH-007")] == ["error"]
    assert findings(spec(teks(GOOD_UU25)), "DH-007") == []


def test_dh_010_amendment_wording_in_a_konsiderans_point():
    wrong = spec([(KON_B, "  - bahwa pedoman telah ditetapkan dengan Peraturan Bupati Contoh Nomor 53 Tahun 2020 sebagaimana "
                          "telah diubah beberapa kali, terakhir dengan Peraturan Bupati Contoh Nomor 30 Tahun 2021;")])
    found = findings(wrong, "DH-010")
    assert [f.severity.value for f in found] == ["warning"] and "beberapa kali diubah terakhir dengan" in found[0].fix.replacement

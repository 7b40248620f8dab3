"""Issue 3, validator rules part 2: BT, KU, LST, REF, DLG, BIL, BHS.

Text heuristics are tested as pure scanners (positive and negative examples, the fixes they propose, and the
real documents of corpus/); structural rules through specs derived from tests/seeded/specs/slrt.yaml.
"""
import re
from collections import Counter

import pytest
import yaml

import legaldraft
from legaldraft.rules import bahasa as bhs
from legaldraft.rules import batang_tubuh as bt
from legaldraft.rules import bilangan as bil
from legaldraft.rules import delegasi as dlg
from legaldraft.rules import referensi as ref
from legaldraft.rules.engine import load_rules
from legaldraft.spec.scaffold import scaffold

from conftest import CORPUS, ROOT

BASE = (ROOT / "tests" / "seeded" / "specs" / "slrt.yaml").read_text(encoding="utf-8")
PART2 = ("BT", "KU", "LST", "REF", "DLG", "BIL", "BHS")


def check(text: str):
    return legaldraft.check(legaldraft.loads(text))


def variant(find: str, replace: str, base: str = BASE) -> str:
    assert base.count(find) == 1, find
    return base.replace(find, replace)


def hits_of(findings, rule_id):
    return [f for f in findings if f.rule.id == rule_id]


def test_base_spec_is_clean():
    assert [f"{f.rule.id} {f.message}" for f in check(BASE)] == []


# -- scanners: what they flag and what they leave alone ----------------------------------------------------
FLAGGED = [
    (bt.scan_pidana, "Pelanggar diancam pidana kurungan paling lama 3 (tiga) bulan."),
    (bt.scan_pidana, "dikenai pidana denda paling banyak Rp50.000.000,00 (lima puluh juta rupiah)."),
    (bt.scan_penyidikan, "PPNS diberi wewenang khusus sebagai penyidik untuk melakukan penyidikan."),
    (ref.scan_preposition, "sebagaimana dimaksud pada Pasal 4"),
    (ref.scan_preposition, "Tim sebagaimana dimaksud dalam ayat (1) bertugas"),
    (ref.scan_unit_case, "sebagaimana dimaksud dalam Pasal 3 Huruf b"),
    (ref.scan_pasal_ini, "sebagaimana dimaksud pada ayat (2) Pasal ini"),
    (ref.scan_vague, "sesuai dengan ketentuan tersebut di atas"),
    (ref.scan_vague, "sebagaimana diatur dalam pasal terdahulu"),
    (ref.scan_saving, "Dengan tidak mengurangi kewenangan Camat, Lurah dapat"),
    (dlg.scan_blanket, "Hal-hal yang belum cukup diatur dalam Peraturan Bupati ini diatur lebih lanjut oleh Bupati."),
    (bil.scan_bare_numbers, "paling lama 30 hari sejak diterima"),
    (bil.scan_bare_numbers, "terdiri atas 5 orang anggota"),
    (bil.scan_bare_numbers, "sebagaimana dimaksud dalam Pasal 5 untuk 3 bulan"),
    (bhs.scan_informal, "sarana, prasarana, dsb."),
    (bhs.scan_informal, "laporan yg diterima"),
    (bhs.scan_limits, "selambat-lambatnya 7 (tujuh) hari"),
    (bhs.scan_broad, "Fungsi Tim antara lain:"),
    (bhs.scan_and_or, "menyediakan dan / atau menerbitkan"),
    (bhs.scan_modals, "Pemohon diharuskan melampirkan"),
    (bhs.scan_plurals, "melaksanakan tugas-tugas lain"),
    (bhs.scan_jenis_case, "ditetapkan dengan peraturan bupati"),
    (bhs.scan_hygiene, "Dinas  melaksanakan tugas."),
]
CLEAN = [
    (bt.scan_pidana, "dikenai sanksi administratif berupa teguran tertulis."),
    (bt.scan_penyidikan, "Satuan Polisi Pamong Praja berwenang melakukan penertiban."),
    (ref.scan_preposition, "sebagaimana dimaksud dalam Pasal 4 ayat (2) huruf a"),
    (ref.scan_preposition, "sebagaimana dimaksud pada ayat (1) dan ayat (2)"),
    (ref.scan_preposition, "sebagaimana dimaksud dalam ayat (1) Pasal 5"),
    (ref.scan_unit_case, "Ayat (1) tidak berlaku bagi Pasal 3 huruf b angka 2."),
    (ref.scan_vague, "sebagaimana dimaksud dalam Pasal 3"),
    (dlg.scan_blanket, "Ketentuan lebih lanjut mengenai tata cara rujukan diatur dengan Keputusan Bupati."),
    (dlg.scan_delegation_form, "Ketentuan lebih lanjut mengenai tata cara rujukan diatur dengan Keputusan Bupati."),
    (bil.scan_bare_numbers, "paling lama 30 (tiga puluh) hari"),
    (bil.scan_bare_numbers, "sebagaimana dimaksud dalam Pasal 5 ayat (2) huruf b angka 3"),
    (bil.scan_bare_numbers, "Peraturan Daerah Nomor 7 Tahun 2021 mulai berlaku pada tanggal 1 Januari 2027"),
    (bil.scan_bare_numbers, "dibuka pukul 08.00 sampai dengan pukul 16.00 setiap tahun 2027"),
    (bil.scan_bare_numbers, "NIP 19640119 198508 1 003"),
    (bil.scan_bare_numbers, "rapat ke-3 dan Lampiran II"),
    (bil.scan_bare_numbers, "sebagaimana dimaksud dalam Pasal 5 dan 6 serta angka 2, 3, dan 4"),
    (bil.scan_bare_numbers, "meliputi:\n1. informasi berkala;\n2. informasi serta merta."),
    (bil.scan_bare_numbers, "paling banyak Rp1.500.000,00 (satu juta lima ratus ribu rupiah) atau 50% (lima puluh persen)"),
    (bil.scan_rupiah, "paling banyak Rp1.500.000,00 (satu juta lima ratus ribu rupiah)"),
    (bil.scan_percent, "paling sedikit 2,5% (dua koma lima persen)"),
    (bhs.scan_informal, "Yayasan Dstrik, distrik, dan padanan"),
    (bhs.scan_limits, "paling lambat 7 (tujuh) hari; persyaratan minimal"),
    (bhs.scan_and_or, "menyediakan dan/atau menerbitkan"),
    (bhs.scan_plurals, "kebutuhan sehari-hari masing-masing keluarga"),
    (bhs.scan_jenis_case, "sesuai dengan ketentuan peraturan perundang-undangan dan Peraturan Bupati"),
    (bhs.scan_jenis_case, "dilaporkan kepada Bupati dan Wakil Bupati"),
    (bhs.scan_hygiene, "Dinas melaksanakan tugas."),
]


@pytest.mark.parametrize("scanner,text", FLAGGED)
def test_scanner_flags(scanner, text):
    assert scanner(text), f"{scanner.__name__} missed: {text}"


@pytest.mark.parametrize("scanner,text", CLEAN)
def test_scanner_leaves_correct_text_alone(scanner, text):
    assert scanner(text) == [], [h.message for h in scanner(text)]


FIXES = [
    (bil.scan_bare_numbers, "paling lama 14 hari kerja", "paling lama 14 (empat belas) hari kerja"),
    (bil.scan_rupiah, "insentif sebesar Rp. 500000", "insentif sebesar Rp500.000,00 (lima ratus ribu rupiah)"),
    (bil.scan_percent, "paling sedikit 20 persen", "paling sedikit 20% (dua puluh persen)"),
    (bil.scan_percent, "naik 2.5%", "naik 2,5% (dua koma lima persen)"),
    (ref.scan_preposition, "Tim sebagaimana dimaksud pada Pasal 4 bertugas", "Tim sebagaimana dimaksud dalam Pasal 4 bertugas"),
    (ref.scan_unit_case, "dalam pasal 3 Huruf b", None),
    (ref.scan_pasal_ini, "dimaksud pada ayat (1) Pasal ini.", "dimaksud pada ayat (1)."),
    (ref.scan_consecutive, "dalam Pasal 5, Pasal 6, dan Pasal 7", "dalam Pasal 5 sampai dengan Pasal 7"),
    (ref.scan_listed, "dalam Pasal 3 huruf a dan b", "dalam Pasal 3 huruf a dan huruf b"),
    (ref.scan_listed, "dalam ayat (1), (2) dan (3)", "dalam ayat (1), ayat (2), dan ayat (3)"),
    (ref.scan_listed, "dalam Pasal 2, Pasal 4 dan Pasal 9", "dalam Pasal 2, Pasal 4, dan Pasal 9"),
    (ref.scan_external, "sesuai dengan peraturan perundang-undangan yang berlaku.", "sesuai dengan ketentuan peraturan perundang-undangan."),
    (bhs.scan_informal, "sarana, prasarana, dll.", "sarana, prasarana, dan lain-lain"),
    (bhs.scan_limits, "Selambat-lambatnya 7 (tujuh) hari", "Paling lambat 7 (tujuh) hari"),
    (bhs.scan_and_or, "menyediakan dan / atau menerbitkan", "menyediakan dan/atau menerbitkan"),
    (bhs.scan_jenis_case, "diatur dengan peraturan bupati dan Undang-undang", "diatur dengan Peraturan Bupati dan Undang-Undang"),
    # issue 16: an office named after the Bupati is fixed as a whole, never into 'wakil Bupati' (another person)
    (bhs.scan_jenis_case, "dilaporkan kepada wakil bupati", "dilaporkan kepada Wakil Bupati"),
    (bhs.scan_jenis_case, "ditandatangani oleh wakil Bupati", "ditandatangani oleh Wakil Bupati"),
    (bhs.scan_jenis_case, "ditunjuk oleh pelaksana tugas bupati", "ditunjuk oleh Pelaksana Tugas Bupati"),
    (bhs.scan_hygiene, "Dinas  melaksanakan   tugas.", "Dinas melaksanakan tugas."),
]


@pytest.mark.parametrize("scanner,text,fixed", FIXES)
def test_scanner_fixes(scanner, text, fixed):
    hits = scanner(text)
    assert hits
    if fixed is None:  # several hits: applying them one after another converges
        for _ in range(3):
            hits = scanner(text)
            if not hits:
                break
            text = hits[0].fixed
        assert scanner(text) == [] and text == "dalam Pasal 3 huruf b"
    else:
        assert hits[0].fixed == fixed


def test_terbilang_of_rupiah_and_percent_is_checked():
    doc_text = variant("(tujuh ratus lima puluh ribu rupiah)", "(tujuh ratus ribu rupiah)")
    hit = hits_of(check(doc_text), "BIL-002")
    assert hit and hit[0].fix.replacement.count("(tujuh ratus lima puluh ribu rupiah)") == 1


def test_sentences_ignore_abbreviations_and_initials():
    from legaldraft.rules.text import sentences

    assert len(sentences("Dinas dipimpin oleh Drs. H. Sukaji, M.Si. yang bertanggung jawab kepada Bupati.")) == 1
    assert len(sentences("Tim dibentuk oleh Bupati. Tim bertugas selama 1 (satu) tahun.")) == 2


# -- the real documents: no error from a text heuristic -------------------------------------------------
def _body_lines(name: str) -> list[str]:
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "BAB I")
    end = next((i for i, line in enumerate(lines) if line.startswith(("Agar setiap", "Ditetapkan di"))), len(lines))
    body = [re.sub(r"^\s*(?:\(\d+\)|\d+\.|[a-zA-Z]\.)\s*", "", line) for line in lines[start:end]]
    return [line for line in body if line and not re.fullmatch(r"(BAB|Bagian|Paragraf|Pasal)\b.*|[A-Z ,\-]+", line)]


SCANNERS = {"BT-011": bt.scan_pidana, "BT-012": bt.scan_penyidikan, "REF-001": ref.scan_preposition,
            "REF-003": ref.scan_unit_case, "REF-004": ref.scan_pasal_ini, "REF-005": ref.scan_vague,
            "REF-009": ref.scan_saving, "DLG-001": dlg.scan_blanket, "BIL-001": bil.scan_bare_numbers,
            "BIL-003": bil.scan_rupiah, "BHS-001": bhs.scan_informal}


#: the only errors the text rules find in the issued bodies: true defects (issue 13 made a lowercase 'pasal' in a
#: reference an error, as butir 80 and 84 and the catalogue prescribe; docs/rules.md records the decision)
BODY_DEFECTS = {
    "perbup-tulungagung-2022-33.txt": [("REF-003", "Pasal 15 ayat (1): 'dalam pasal 3 huruf b'")],
    "perbup-banyuwangi-2012-19.txt": [("REF-003", "Pasal 4 ayat (3) huruf p: 'dalam pasal 11 Undang-Undang …'")],
}


@pytest.mark.parametrize("name", ["perbup-tulungagung-2022-33.txt", "perbup-banyuwangi-2012-19.txt"])
def test_corpus_body_gets_no_error_from_text_rules(name):
    rules = load_rules()
    lines = _body_lines(name)
    assert len(lines) > 60
    errors = [(rid, h.message, line[:60]) for line in lines for rid, scan in SCANNERS.items() for h in scan(line)
              if (h.severity or rules[rid].severity.value) == "error"]
    assert [(rid, "pasal" in message) for rid, message, _ in errors] == [(rid, True) for rid, _ in BODY_DEFECTS[name]]


def test_corpus_deviations_are_reported_as_warnings():
    lines = _body_lines("perbup-tulungagung-2022-33.txt")
    lowercase_pasal = [h for line in lines for h in ref.scan_unit_case(line)]
    # Pasal 15 ayat (1): "dalam pasal 3 huruf b", an error since issue 13 (butir 80, 84; the rule's default severity)
    assert [(h.severity, "'pasal'" in h.message) for h in lowercase_pasal] == [(None, True)]
    assert any(ref.scan_external(line) for line in lines)  # Pasal 17: "peraturan perundang-undangan yang berlaku"


def test_tulungagung_spec_has_no_error_from_part2():
    fixture = ROOT / "tests" / "fixtures" / "precision" / "tulungagung-2022-33.yaml"
    if not fixture.exists():
        pytest.skip("precision fixture of part 1 not present")
    findings = legaldraft.check(legaldraft.load(fixture))
    ours = [f for f in findings if f.rule.id.split("-")[0] in PART2]
    # errors only where the issued text truly deviates, each pinned with its reason in test_precision (issue 13: the
    # spelling rules read by butir 242, e.g. 'dibawah' for 'di bawah'), exactly
    from test_precision import TRUE_DEFECTS

    pinned = {rule: count for rule, (count, _why) in TRUE_DEFECTS[fixture.name].items() if rule.split("-")[0] in PART2}
    assert Counter(f.rule.id for f in ours if f.severity.value == "error") == Counter(pinned)
    assert {"KU-005", "LST-004"} <= {f.rule.id for f in ours}  # true deviations, as warnings


# -- structural rules on specs ----------------------------------------------------------------------------
def test_empty_batang_tubuh_and_diktum_are_errors():
    perbup = re.sub(r"batang_tubuh:\n.*?\n(?=penetapan:)", "batang_tubuh: []\n", BASE, flags=re.S)
    assert [f.severity.value for f in hits_of(check(perbup), "BT-001")] == ["error"]
    kep = re.sub(r"diktum:\n.*?\n(?=tembusan:)", "diktum: []\n\n", scaffold("keputusan"), flags=re.S)
    assert hits_of(check(kep), "BT-001")[0].message == "Keputusan tidak memuat diktum"


def test_group_order_and_titles():
    findings = check(variant("bab: PENYELENGGARAAN", "bab: KETENTUAN PENUTUP"))
    assert "diikuti BAB materi pokok" in hits_of(findings, "BT-002")[0].message
    findings = check(variant("bab: PEMANTAUAN DAN EVALUASI", "bab: Pemantauan dan Evaluasi"))
    assert hits_of(findings, "BT-003")[0].fix.replacement == "PEMANTAUAN DAN EVALUASI"
    findings = check(variant("bagian: Umum", "bagian: ketentuan dan syarat umum"))
    assert hits_of(findings, "BT-004")[0].fix.replacement == "Ketentuan dan Syarat Umum"


def test_lone_ayat_fix_keeps_references_and_comments(cli, tmp_path):
    text = variant("\n          - teks: Ketentuan lebih lanjut mengenai tata cara pemantauan dan evaluasi diatur dengan Keputusan Bupati.", "")
    text = text.replace("  - bab: KETENTUAN PENUTUP\n", "  - bab: KETENTUAN PENUTUP   # tetap ada\n")
    spec = tmp_path / "s.yaml"
    spec.write_text(text, encoding="utf-8")
    result = cli("check", spec, "--fix", "--rule", "BT-009")
    assert "diperbaiki: ayat tunggal menjadi teks pasal" in result.output
    fixed = spec.read_text(encoding="utf-8")
    assert "# tetap ada" in fixed and fixed.startswith("# A correct Perbup")
    data = yaml.safe_load(fixed)
    pasal = data["batang_tubuh"][2]["isi"][0]
    assert "ayat" not in pasal and pasal["teks"].startswith("Dinsos melakukan pemantauan")
    assert hits_of(check(fixed), "BT-009") == []


def test_one_sentence_per_ayat():
    findings = check(variant("teks: SLRT diselenggarakan oleh Dinsos.", "teks: SLRT diselenggarakan oleh Dinsos. Dinsos menunjuk petugas."))
    assert hits_of(findings, "BT-010")[0].message == "teks memuat 2 kalimat"


def test_ketentuan_umum_rules():
    findings = check(variant("          - istilah: Pusat Kesejahteraan Sosial",
                             "          - istilah: Bupati\n            arti: Bupati Purwakarta.\n          - istilah: Pusat Kesejahteraan Sosial"))
    assert "didefinisikan lebih dari sekali" in hits_of(findings, "KU-004")[0].message
    findings = check(variant("- melatih petugas; dan", "- melatih petugas TKSK di BAB IV (PPLH); dan"))
    assert [f.message for f in hits_of(findings, "KU-004")] == [
        "singkatan 'TKSK' dipakai tetapi tidak didefinisikan dalam Ketentuan Umum"]
    findings = check(variant("arti: Bupati Purwakarta.", "arti: Bupati Purwakarta;"))
    assert hits_of(findings, "KU-003")[0].fix.replacement == "Bupati Purwakarta."
    findings = check(variant("Puskesos dibentuk di setiap", "Puskesos dibentuk oleh dinas sosial di setiap"))
    assert "Dinas Sosial di setiap" in hits_of(findings, "KU-006")[0].fix.replacement
    findings = check(variant("          - istilah: Pusat Kesejahteraan Sosial",
                             "          - istilah: Forum Konsultasi\n            arti: wadah musyawarah.\n          - istilah: Pusat Kesejahteraan Sosial"))
    assert hits_of(findings, "KU-005")[0].message == "istilah 'Forum Konsultasi' didefinisikan tetapi tidak dipakai"


def test_list_punctuation_fixes_through_cli(cli, tmp_path):
    text = variant("- menyediakan sarana dan prasarana;", "- Menyediakan sarana dan prasarana.")
    text = text.replace("dalam 1 (satu) tahun.", "dalam 1 (satu) tahun;")
    spec = tmp_path / "s.yaml"
    spec.write_text(text, encoding="utf-8")
    ids = {f.rule.id for f in check(text)}
    assert {"LST-003", "LST-005", "LST-006"} <= ids
    cli("check", spec, "--fix")
    cli("check", spec, "--fix")
    fixed = spec.read_text(encoding="utf-8")
    assert "- menyediakan sarana dan prasarana;" in fixed and "dalam 1 (satu) tahun." in fixed
    assert not {"LST-003", "LST-005", "LST-006"} & {f.rule.id for f in check(fixed)}


def test_list_connector_and_intro_colon():
    findings = check(variant("- melatih petugas; dan", "- melatih petugas;"))
    assert hits_of(findings, "LST-004")[0].severity.value == "error"  # issue 13: butir 88-91 prescribe it (docs/rules.md)
    findings = check(variant('yang dibayarkan:"', 'yang dibayarkan"'))
    assert hits_of(findings, "LST-002")[0].fix.replacement.endswith("dibayarkan:")
    findings = check(variant("pada akhir semester,", "pada akhir semester."))
    assert "kalimat berlanjut" in hits_of(findings, "LST-005")[0].message


def test_literal_references_must_exist():
    findings = check(variant("dalam [[penyelenggara]]", "dalam Pasal 2 ayat (2) huruf d dan Pasal 18 ayat (6) Undang-Undang Dasar"))
    assert hits_of(findings, "REF-002") == []
    findings = check(variant("dalam [[penyelenggara]]", "dalam Pasal 2 ayat (2) huruf f"))
    assert "huruf f tidak ada" in hits_of(findings, "REF-002")[0].message
    findings = check(variant("Pelaksanaan tugas [[dimaksud penyelenggara-2]]", "Pelaksanaan tugas sebagaimana dimaksud pada ayat (4)"))
    assert "ayat (4) tidak ada" in hits_of(findings, "REF-002")[0].message
    kep = scaffold("keputusan").replace("dalam [[pembentukan]]", "dalam Diktum KELIMA")
    assert "Diktum KELIMA tidak ada" in hits_of(check(kep), "REF-002")[0].message


def test_reference_order_and_later_pasal():
    findings = check(variant("dilaporkan kepada Bupati", "dilaporkan kepada Bupati bersama hasil [[dimaksud pemantauan-1]]"))
    assert "Pasal 2 merujuk Pasal 5" in hits_of(findings, "REF-008")[0].message


def test_delegation_rules():
    findings = check(variant("teks: Ketentuan lebih lanjut mengenai tata cara pemantauan dan evaluasi diatur dengan Keputusan Bupati.",
                             "teks: Tata cara pemantauan diatur lebih lanjut oleh Kepala Dinsos."))
    assert "bukan kepada jenis peraturan" in hits_of(findings, "DLG-002")[0].message
    findings = check(variant("teks: Ketentuan lebih lanjut mengenai tata cara pemantauan dan evaluasi diatur dengan Keputusan Bupati.",
                             "teks: Hal-hal yang belum diatur dalam Peraturan Bupati ini diatur lebih lanjut oleh Bupati."))
    assert hits_of(findings, "DLG-001")[0].severity.value == "error"


def test_undang_undang_in_mengingat_is_one_error_of_dh_007_from_uu_10_2004_on():
    """'Undang-undang' in a Mengingat item is reported once: by DH-007 (butir 46, the Dasar Hukum part of Lampiran II),
    as an error with one fix, not again by BHS-009 (butir 243 huruf g: 'dalam rumusan norma'); info before UU 10/2004."""
    line = ("  - teks: Undang-undang Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial (Lembaran Negara Republik Indonesia "
            "Tahun 2009 Nomor 12, Tambahan Lembaran Negara Republik Indonesia Nomor 4967);\n  - uu-13-2011\n")
    text = variant("  - uu-13-2011\n", line)
    found = [f for f in check(text) if f.rule.id in ("BHS-009", "DH-007")]
    assert [(f.rule.id, f.severity.value, f.message) for f in found] == [
        ("DH-007", "error", "'Undang-undang' dalam dasar hukum")]
    assert found[0].fix is not None and "Undang-Undang Nomor 11 Tahun 2009" in found[0].fix.replacement
    assert hits_of(check(text), "BHS-009") == []
    old = text.replace("status: rancangan", "status: rancangan\ntahun: 2003")
    assert [f.severity.value for f in hits_of(check(old), "DH-007")] == ["info"]
    # in a konsiderans point BHS-009 still reports it (a warning: butir 243 huruf g), and DH-007 does not
    kon = text.replace("Undang-undang Nomor 11", "Undang-Undang Nomor 11").replace(
        "bahwa untuk mempercepat", "bahwa sesuai dengan Undang-undang Nomor 11 Tahun 2009, untuk mempercepat", 1)
    assert [f.severity.value for f in hits_of(check(kon), "BHS-009")] == ["warning"]
    assert hits_of(check(kon), "DH-007") == []



@pytest.mark.parametrize("written", [
    "undang-undang Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial",                  # both u's lowercase
    "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah diubah dengan undang-Undang "
    "Nomor 9 Tahun 2015 tentang Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah",
])
def test_every_lowercase_form_of_undang_undang_in_mengingat_is_the_same_error(written):
    """Butir 46 asks for both U's in capitals: 'undang-undang' is as wrong as 'Undang-undang', in the cited jenis or in
    its amendment chain (DH-007 is the only rule that reads the Mengingat for it)."""
    text = variant("  - uu-13-2011\n", f"  - teks: {written};\n  - uu-13-2011\n")
    found = [f for f in check(text) if f.rule.id == "DH-007" and "huruf" not in f.message and "Undang" in f.message]
    assert [(f.severity.value, f.message) for f in found] == [("error", "'Undang-undang' dalam dasar hukum")]
    assert "undang-" not in found[0].fix.replacement.replace("Perundang-undangan", "")


def test_undang_undang_in_a_keputusan_item_and_in_the_uud_is_still_reported_once():
    """Where DH-007 reads no jenis to check (a Keputusan cited in the Mengingat) it still reports 'Undang-undang', as
    BHS-009 did; in the UUD's name DH-006 reports it (butir 44), not BHS-009 as well."""
    kep = ("  - teks: Keputusan Presiden Nomor 1 Tahun 2000 tentang Pelaksanaan Undang-undang Nomor 5 Tahun 1999;\n"
           "  - uu-13-2011\n")
    found = [f for f in check(variant("  - uu-13-2011\n", kep)) if f.rule.id in ("BHS-009", "DH-007")]
    assert [(f.rule.id, f.severity.value) for f in found] == [("DH-007", "error")]
    uud = variant("  - ref: uud-1945\n    pasal: Pasal 18 ayat (6)\n",
                  "  - teks: Pasal 18 ayat (6) Undang-undang Dasar Negara Republik Indonesia Tahun 1945\n")
    found = [f for f in check(uud) if f.rule.id in ("BHS-009", "DH-007", "DH-006") and "Undang-undang" in f.message]
    assert [f.rule.id for f in found] == ["DH-006"]

def test_part2_rule_texts_are_complete():
    rules = [r for r in load_rules().values() if r.id.split("-")[0] in PART2]
    assert len(rules) >= 48
    for r in rules:
        assert r.title and r.explanation and r.wrong and r.right, r.id
        assert "butir" in r.source or "Pasal" in r.source or "tanpa sumber" in r.source, r.id
        assert r.verification in ("P", "P*", "S", "U"), r.id


def test_wording_rules_read_the_amended_provisions_of_a_perubahan():
    base = (ROOT / "specs" / "purwakarta" / "perubahan" / "slrt-perubahan.yaml").read_text(encoding="utf-8")
    find = "teks: Dinas adalah Dinas Sosial Kabupaten Purwakarta."
    if base.count(find) != 1:
        pytest.skip("example perubahan spec changed")
    path = ROOT / "specs" / "purwakarta" / "perubahan"
    clean = legaldraft.loads(base, str(path / "x.yaml"))
    assert not {"BHS-001", "BHS-005"} & {f.rule.id for f in legaldraft.check(clean)}
    faulty = base.replace(find, "teks: Dinas adalah Dinas Sosial dan / atau Dinas Kesehatan yg ditunjuk Bupati.")
    ids = {f.rule.id for f in legaldraft.check(legaldraft.loads(faulty, str(path / "x.yaml")))}
    assert {"BHS-001", "BHS-005"} <= ids

"""legaldraft.naskah.citation_form: the written form of hand-written citations, and the rules that use it."""
from __future__ import annotations

import pytest

import legaldraft
from legaldraft.naskah.citation_form import form_issues, normalise
from legaldraft.naskah.citation_reader import parse_citation

UU17 = ("Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara (Lembaran Negara Republik Indonesia Tahun 2003 "
        "Nomor 47, Tambahan Lembaran Negara Republik Indonesia Nomor 4286);")


def rules_of(text, **kw):
    return [(i.rule, i.severity) for i in form_issues(text, **kw)]


def test_the_prescribed_form_has_no_issue():
    assert form_issues(UU17) == []
    assert form_issues("Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;", uud=True) == []


@pytest.mark.parametrize("written", ["Undang–Undang", "Undang - Undang", "Undang- Undang", "UndangUndang", "Undang—Undang"])
def test_typography_of_the_jenis_is_normalised_and_reported(written):
    text = UU17.replace("Undang-Undang", written)
    assert parse_citation(text).jenis is None or written == "Undang- Undang"  # the raw reader misses most of them
    cited = parse_citation(normalise(text))
    assert (cited.jenis.value, cited.nomor, cited.tahun) == ("uu", "17", 2003)
    issue = next(i for i in form_issues(text) if i.rule == "DH-007")
    assert issue.severity == "warning" and issue.fixed.startswith("Undang-Undang Nomor 17")


@pytest.mark.parametrize("wrong, rule, fixed_part", [
    (UU17.replace(" tentang ", " Tentang "), "DH-007", " tentang "),
    (UU17.replace("Tahun 2003 tentang", "tahun 2003 tentang"), "DH-007", "Nomor 17 Tahun 2003"),
    (UU17.replace("Nomor 17", "No. 17"), "DH-007", "Nomor 17"),
    (UU17.replace("Negara Republik Indonesia Tahun", "Negara Rapublik Indonesia Tahun"), "DH-008", "Negara Republik Indonesia Tahun"),
    (UU17.replace("Tambahan Lembaran", "Tambahan Lembar"), "DH-008", "Tambahan Lembaran Negara"),
    (UU17.replace("Nomor 4286", "Noomor 4286"), "DH-008", "Nomor 4286"),
    (UU17.replace("Republik Indonesia Nomor 4286", "Republik Indonesia Tahun 2003 Nomor 4286"), "DH-008", "Indonesia Nomor 4286"),
    (UU17.replace("Indonesia Tahun 2003 Nomor 47", "Indonesia 2003 Nomor 47"), "DH-008", "Tahun 2003 Nomor 47"),
    (UU17[:-1] + ",", "DH-005", "4286);"),
])
def test_departures_carry_rule_and_correction(wrong, rule, fixed_part):
    issues = [i for i in form_issues(wrong) if i.rule == rule]
    assert issues, form_issues(wrong)
    assert any(i.fixed and fixed_part in i.fixed for i in issues)


def test_publication_without_republik_indonesia_comma_and_brackets():
    text = "Undang-Undang Nomor 28 Tahun 2002 tentang Bangunan Gedung (Lembaran Negara Tahun 2002 Nomor 134 Tambahan Lembaran Negara Nomor 4247);"
    found = rules_of(text)
    assert found.count(("DH-008", None)) == 2 and ("DH-008", "warning") in found
    assert ("DH-008", None) in rules_of(UU17.replace("Nomor 4286)", "Nomor 4286"))        # parenthesis not closed
    assert rules_of(UU17.replace("Nomor 4286);", "Nomor 4286").replace("4286", "42")[:-30]) == []  # a copy cut short


def test_amendment_phrase_and_amendment_without_title():
    base = ("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2014 "
            "Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) {} Undang-Undang Nomor 9 Tahun 2015 {}"
            "(Lembaran Negara Republik Indonesia Tahun 2015 Nomor 58, Tambahan Lembaran Negara Republik Indonesia Nomor 5679);")
    title = "tentang Perubahan Kedua atas Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah "
    assert form_issues(base.format("sebagaimana telah beberapa kali diubah terakhir dengan", title)) == []
    for phrase in ("sebagaimana telah diubah kedua kali dengan", "Sebagaimana telah beberapa kali diubah terakhir dengan",
                   "sebagaimana telah diubah beberapakali terakhir dengan"):
        issue = next(i for i in form_issues(base.format(phrase, title)) if i.rule == "DH-010")
        assert "sebagaimana telah beberapa kali diubah terakhir dengan" in issue.fixed
    bare = [i for i in form_issues(base.format("sebagaimana telah beberapa kali diubah terakhir dengan", "")) if i.rule == "DH-010"]
    assert bare and "tanpa namanya" in bare[0].message


def test_uud_ayat_case_and_missing_jenis():
    assert rules_of("Pasal 18 Ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;", uud=True) == [("DH-006", None)]
    text = ("Daerah-daerah Kota Besar dalam Lingkungan Propinsi Djawa Timur (Lembaran Negara Republik Indonesia Tahun 1955 "
            "Nomor 53, Tambahan Lembaran Negara Republik Indonesia Nomor 859);")
    assert ("DH-007", None) in rules_of(text)


def test_normalise():
    assert normalise("Undang - Undang  No. 5 Tahun 2014 tentang Aparatur  Sipil Sipil Negara ( Lembaran )") == \
        "Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara (Lembaran)"


SPEC = """\
jenis: perbup
daerah: purwakarta
tahun: 2021
tentang: Uji Kutipan
konsiderans:
  - bahwa pelayanan publik perlu diatur;
dasar_hukum:
  - teks: {teks}
batang_tubuh:
  - pasal: satu
    teks: Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
"""


def test_typography_no_longer_hides_a_wrong_number_from_the_registry():
    wrong = UU17.replace("Undang-Undang", "Undang–Undang").replace("Nomor 47,", "Nomor 5,")
    findings = legaldraft.check(legaldraft.loads(SPEC.format(teks=f'"{wrong}"')))
    got = {(f.rule.id, f.severity.value) for f in findings}
    assert ("DH-009", "error") in got and ("DH-007", "warning") in got
    fix = next(f for f in findings if f.rule.id == "DH-007" and f.fix)
    assert fix.fix.replacement.startswith("Undang-Undang Nomor 17")


def test_title_case_compared_with_a_verified_entry():
    text = UU17.replace("Keuangan Negara", "Keuangan negara")
    findings = [f for f in legaldraft.check(legaldraft.loads(SPEC.format(teks=f'"{text}"'))) if f.rule.id == "DH-009"]
    assert findings and "huruf kapital" in findings[0].message and findings[0].severity.value == "warning"

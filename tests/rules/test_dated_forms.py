"""Date-aware rules (issue 13): no rule asks a document for a form that did not exist on the day it was set.

legaldraft.rules.dated names each dated form, the source that first prescribed it (UU 10/2004, UU 12/2011,
UU 13/2022, UU 23/2014) and what earlier documents wrote. Checked on real corpus documents of older dates and on one
scaffold set on either side of each boundary.
"""
from __future__ import annotations

import re

import pytest

import legaldraft
from legaldraft.rules import dated
from legaldraft.rules.engine import load_rules
from legaldraft.spec.scaffold import scaffold

from conftest import CORPUS


def corpus_findings(name: str):
    from legaldraft.api import check
    from legaldraft.importer import import_file
    from legaldraft.importer.finish import load_spec

    return check(load_spec(import_file(CORPUS / name)))


def test_a_1995_keputusan_is_not_held_to_the_citation_forms_of_uu_10_2004():
    """Keputusan Gubernur Jawa Timur 35/1995 cites 'Undang-undang Nomor 5 Tahun 1974;' (no title, no Lembaran Negara)
    and closes its single pertimbangan '… dengan menuangkannya dalam suatu Keputusan': the form of its day."""
    found = corpus_findings("family/kepgub-jatim-1995-35.txt")
    assert [f for f in found if f.severity.value == "error"] == []
    dated_info = {f.rule.id for f in found if f.severity.value == "info" and "sejak UU 10/2004, 01-11-2004" in f.message}
    assert {"DH-008", "KON-009", "DH-007"} <= dated_info and "BHS-009" not in dated_info
    # what is wrong at any date still is: spaced hyphens in 'Undang - undang', a Keputusan in the Mengingat
    assert {"DH-013", "DH-003"} <= {f.rule.id for f in found if f.severity.value == "warning"}


@pytest.mark.parametrize("year,severity", [(1995, "info"), (2010, "warning")])
def test_a_keputusan_with_pasal_before_uu_10_2004_is_the_regulating_keputusan_of_its_day(year, severity):
    """KEP-005 (a diktum written as a Pasal) is info on a Keputusan set before UU 10/2004 (its Pasal 56: the regulating
    Keputusan of its day), a warning after. (The importer now reads the Pasal of Keputusan Gubernur Jawa Timur 35/1995
    as its batang tubuh, not as a diktum, so the corpus copy no longer exercises KEP-005.)"""
    text = scaffold("keputusan").replace("tahun: null", f"tahun: {year}", 1).replace(
        "  - teks: Segala biaya yang timbul", "  - teks: Pasal 3 Segala biaya yang timbul", 1)
    found = legaldraft.check(legaldraft.loads(text), only=["KEP-005"])
    assert [f.severity.value for f in found] == [severity]
    assert ("sejak UU 10/2004" in found[0].message) is (year < 2004)


def test_a_2003_keputusan_gets_info_for_undang_undang_and_the_tambahan():
    found = corpus_findings("kepbup-majalengka-2003-700.txt")
    assert [f for f in found if f.severity.value == "error"] == []
    info = [f.rule.id for f in found if f.severity.value == "info" and "UU 10/2004" in f.message]
    assert info.count("DH-007") == 5 and "BHS-009" not in info and "DH-015" in info


def test_a_2008_pergub_is_held_to_uu_10_2004():
    """Pergub Jawa Timur 98/2008 was set under UU 10/2004: 'Lembaran Negara' without 'Republik Indonesia' and
    'Undang-undang' are errors of its own day (Lampiran butir 31)."""
    found = [f for f in corpus_findings("family/pergub-jatim-2008-98.txt") if f.severity.value == "error"]
    messages = [(f.rule.id, f.message) for f in found]
    assert ("DH-014", "'Lembaran Negara' tanpa 'Republik Indonesia'") in messages
    assert ("DH-007", "'Undang-undang' dalam dasar hukum") in messages


def _set_on(day: str, replacements=()) -> str:
    text = scaffold("perbup").replace("tahun: null", f"tahun: {day[:4]}", 1)
    text = text.replace("  tanggal: null              # YYYY-MM-DD saat ditetapkan", f"  tanggal: {day}", 1)
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def _severities(text: str, rule: str) -> list[str]:
    return [f.severity.value for f in legaldraft.check(legaldraft.loads(text), only=[rule])]


UU22 = "Undang-Undang Nomor 22 Tahun 1999 tentang Pemerintahan Daerah"
UU22_LN = f"{UU22} (Lembaran Negara Tahun 1999 Nomor 60, Tambahan Lembaran Negara Nomor 3839)"
PERDA = "Peraturan Daerah Kabupaten Contoh Nomor 3 Tahun 2008 tentang Organisasi Perangkat Daerah"
UU23_CHAIN = ("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2014 "
              "Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) sebagaimana telah diubah beberapa kali, "
              "terakhir dengan Undang-Undang Nomor 9 Tahun 2015 tentang Perubahan Kedua atas Undang-Undang Nomor 23 Tahun "
              "2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2015 Nomor 58, Tambahan Lembaran "
              "Negara Republik Indonesia Nomor 5679)")
UUD_1945 = [("  - ref: uud-1945\n    pasal: Pasal 18 ayat (6)\n", "  - teks: Pasal 18 ayat (6) Undang-Undang Dasar 1945\n")]


@pytest.mark.parametrize("rule,replacements,before,after,held", [
    # UU 10/2004 Lampiran butir 31: UU and PP with LN and TLN, in brackets
    ("DH-008", [("  - uu-25-2009\n", f"  - teks: '{UU22}'\n")], "2004-10-29", "2004-11-01", "error"),
    # butir 31: 'Lembaran Negara Republik Indonesia' (Keppres 44/1999 wrote 'Lembaran Negara Nomor …')
    ("DH-014", [("  - uu-25-2009\n", f"  - teks: '{UU22_LN}'\n")], "2004-10-29", "2004-11-01", "error"),
    # butir 30: 'Undang-Undang Dasar Negara Republik Indonesia Tahun 1945' (Keppres 44/1999: 'Undang-Undang Dasar 1945')
    ("DH-016", UUD_1945, "2004-10-29", "2004-11-01", "error"),
    # butir 31: 'kedua huruf u ditulis dengan huruf kapital'
    ("DH-007", [("  - uu-25-2009\n", f"  - teks: '{UU22_LN.replace('Undang-Undang', 'Undang-undang')}'\n")],
     "2004-10-29", "2004-11-01", "error"),
    # UU 12/2011 Lampiran II butir 49: a Perda with its Lembaran Daerah (UU 10/2004 butir 31 did not ask for it)
    ("DH-008", [("  - uu-23-2014\n", f"  - uu-23-2014\n  - teks: '{PERDA}'\n")], "2011-08-11", "2011-08-12", "error"),
    # UU 12/2011 Lampiran II butir 41a contoh 2 (UU 13/2022): 'sebagaimana telah beberapa kali diubah terakhir dengan'
    ("DH-010", [("  - uu-23-2014\n", f"  - teks: '{UU23_CHAIN}'\n")], "2022-06-15", "2022-06-16", "warning"),
])
def test_each_dated_form_is_asked_from_its_day_on(rule, replacements, before, after, held):
    assert _severities(_set_on(before, replacements), rule) == ["info"]
    assert _severities(_set_on(after, replacements), rule) == [held]
    message = legaldraft.check(legaldraft.loads(_set_on(before, replacements)), only=[rule])[0].message
    assert re.search(r"bentuk ini dituntut sejak UU 1[023]/20[012][142], \d\d-\d\d-\d{4}; naskah ini ditetapkan sebelumnya",
                     message)


def test_a_single_pertimbangan_closing_in_the_old_way():
    old = ("bahwa ketentuan tentang pelayanan publik terpadu perlu disempurnakan dengan menuangkannya dalam suatu "
           "Peraturan Bupati;")
    replacements = [("konsiderans:                 # butir penutup \"bahwa berdasarkan pertimbangan ...\" dibuat otomatis\n",
                     "konsiderans:\n  tunggal: true\n  poin:\n"),
                    ("  - bahwa untuk meningkatkan kualitas pelayanan kepada masyarakat, Pemerintah Daerah perlu "
                     "menyelenggarakan pelayanan publik secara terpadu;\n", f"    - {old}\n"),
                    ("  - bahwa penyelenggaraan pelayanan publik terpadu memerlukan pedoman yang jelas bagi Perangkat "
                     "Daerah;\n", "")]
    assert _severities(_set_on("2003-05-02", replacements), "KON-009") == ["info"]
    assert _severities(_set_on("2005-05-02", replacements), "KON-009") == ["error"]


def test_a_document_of_unknown_day_is_held_to_a_form_only_after_the_year_it_began():
    text = _set_on("2004-10-29", [("  - uu-25-2009\n", f"  - teks: '{UU22}'\n")]).replace("  tanggal: 2004-10-29", "  tanggal: null", 1)
    assert _severities(text, "DH-008") == ["error"]          # 2004: possibly after 1 November
    assert _severities(text.replace("tahun: 2004", "tahun: 2003", 1), "DH-008") == ["info"]


def test_the_table_of_dated_forms_names_real_rules_and_sources():
    rules = load_rules()
    assert dated.FORMS and len({f.key for f in dated.FORMS}) == len(dated.FORMS)
    for form in dated.FORMS:
        assert set(form.rules) <= set(rules), form.key
        assert form.source and form.before and form.since.why
    days = sorted({f.day for f in dated.FORMS})
    assert days[0] == dated.UU_10_2004.day and dated.UU_13_2022.day.isoformat() == "2022-06-16"


def test_the_rule_docs_list_the_dated_forms():
    from legaldraft.rules.docs import current

    text = current()
    assert "## Bentuk menurut tanggal penetapan" in text
    for form in dated.FORMS:
        assert form.source in text and f"{form.day:%d-%m-%Y}" in text


def test_every_rule_citing_a_butir_inserted_by_uu_13_2022_was_audited():
    """A rule whose source names a butir UU 13/2022 inserted asks it only of documents set since 16 June 2022 (rule
    'since', or a dated form), or is recorded in dated.AUDIT_2022 with why it asks an older document for nothing new."""
    dated_rules = {r for form in dated.FORMS for r in form.rules}
    unaudited = []
    for rule in load_rules().values():
        cited = set(re.findall(r"\b\d{1,3}[a-k]\b", rule.source)) & set(dated.INSERTED_2022)
        if cited and rule.since is None and rule.id not in dated_rules and rule.id not in dated.AUDIT_2022:
            unaudited.append((rule.id, sorted(cited)))
    assert unaudited == []
    assert set(dated.AUDIT_2022) <= set(load_rules())


@pytest.mark.parametrize("year,written", [(2016, "Walikota"), (2013, "Wali Kota")])
def test_walikota_and_wali_kota_are_one_office_in_two_spellings(year, written):
    """UU 32/2004 wrote 'Walikota', UU 23/2014 Pasal 1 angka 26 'wali kota'; the profile's word follows the date, but
    kota kept their spelling (Perwali Mataram 42/2016): the other spelling is a warning, not another office or jenis."""
    text = scaffold("perwali").replace("tahun: null", f"tahun: {year}", 1)
    text = text.replace("  tanggal: null              # YYYY-MM-DD saat ditetapkan",
                        f"  tanggal: {year}-03-01\n  jabatan: {written.upper()} CONTOH", 1)
    text = text.replace("konsiderans:                 #", "konsiderans:\n  penutup: bahwa berdasarkan pertimbangan sebagaimana "
                        f"dimaksud dalam huruf a dan huruf b, perlu menetapkan Peraturan {written} tentang Penyelenggaraan "
                        "Pelayanan Publik Terpadu;\n  poin:\n #", 1)
    found = [(f.rule.id, f.severity.value) for f in legaldraft.check(legaldraft.loads(text), only=["KON-006", "PMB-002"])]
    assert sorted(found) == [("KON-006", "warning"), ("PMB-002", "warning")]
    other = text.replace(f"Peraturan {written} tentang", "Peraturan Bupati tentang", 1)
    assert ("KON-006", "error") in [(f.rule.id, f.severity.value) for f in legaldraft.check(legaldraft.loads(other), only=["KON-006"])]
    assert dated.wali_kota_variant("PERATURAN WALIKOTA", "PERATURAN WALI KOTA")
    assert not dated.wali_kota_variant("WALI KOTA BOGOR", "WALI KOTA DEPOK")


def test_a_bare_peraturan_daerah_in_a_provincial_document_is_the_provinces():
    """Pergub DKI 112/2012 cites 'Peraturan Daerah Nomor 10 Tahun 2008' (DKI's) before a Pergub of 2009: the order of
    butir 43 is kept, the Perda being the province's own (kind-aware: the level of the document)."""
    found = [f for f in corpus_findings("heldout/pergub-dki-2012-112.txt") if f.rule.id == "DH-004"]
    assert [f for f in found if f.severity.value == "error"] == []


def test_a_keputusan_with_pasal_before_uu_10_2004_is_the_regulating_keputusan_of_its_day():
    """KEP-005: a Keputusan with 'Pasal 1' in its diktum; before UU 10/2004 the regional head regulated by Keputusan
    (UU 10/2004 Pasal 56): info then, a warning after."""
    base = scaffold("keputusan")
    first = next(line for line in base.splitlines() if line.startswith("  - teks: "))
    text = base.replace(first, "  - teks: Pasal 1 " + first[len("  - teks: "):], 1)
    severities = {}
    for day in ("2003-05-02", "2005-05-02"):
        dated = text.replace("tahun: null", f"tahun: {day[:4]}", 1).replace(
            "  tanggal: null              # YYYY-MM-DD saat ditetapkan", f"  tanggal: {day}", 1)
        severities[day] = [f.severity.value for f in legaldraft.check(legaldraft.loads(dated), only=["KEP-005"])
                           if "Pasal" in f.message]
    assert severities == {"2003-05-02": ["info"], "2005-05-02": ["warning"]}

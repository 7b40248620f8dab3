"""Written citations read against the registry after the merge with the rules work (kutipan.py): the slips its
publication parser cannot read (DH-014) and a Lembaran year before the regulation's own (DH-009)."""
from __future__ import annotations

import pytest

import legaldraft
from legaldraft.naskah.citation_reader import NO_COMMA, NO_REPUBLIK, NO_YEAR, publication_slips

UU17 = ("Undang-Undang Nomor 17 Tahun 2003 tentang Keuangan Negara (Lembaran Negara Republik Indonesia Tahun 2003 "
        "Nomor 47, Tambahan Lembaran Negara Republik Indonesia Nomor 4286);")
SPEC = """\
jenis: perbup
daerah: purwakarta
tahun: 2021
tentang: Uji Kutipan
konsiderans:
  - bahwa pelayanan publik perlu diatur;
dasar_hukum:
  - teks: "{teks}"
batang_tubuh:
  - pasal: satu
    teks: Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
"""


def found(text, rule):
    return [f for f in legaldraft.check(legaldraft.loads(SPEC.format(teks=text))) if f.rule.id == rule]


def test_the_prescribed_form_has_no_slip():
    assert publication_slips(UU17) == []


@pytest.mark.parametrize("right, slip", [
    ("Negara Republik Indonesia Tahun", "Negara Rapublik Indonesia Tahun"),
    ("Tambahan Lembaran Negara", "Tambahan Lembar Negara"),
    ("Nomor 4286", "Noomor 4286"),
    ("Indonesia Tahun 2003 Nomor 47", "Indonesia 2003 Nomor 47"),
])
def test_publication_slips_are_reported_with_the_mended_text(right, slip):
    wrong = UU17.replace(right, slip)
    slips = publication_slips(wrong)
    assert slips and slips[0].mended == UU17, slips
    assert found(wrong, "DH-014") and not found(UU17, "DH-014")


def test_a_year_without_number_is_reported():
    wrong = UU17.replace("Tahun 2003 Nomor 47", "Tahun Nomor 47")
    assert publication_slips(wrong)[0].kind == NO_YEAR
    assert [f.message for f in found(wrong, "DH-014")][0].startswith("tahun Lembaran")


def test_a_lembaran_year_before_the_regulation_is_an_error_without_registry():
    text = ("Undang-Undang Nomor 7 Tahun 2002 tentang Pembentukan Kabupaten Penajam Paser Utara di Provinsi Kalimantan "
            "Timur (Lembaran Negara Republik Indonesia Tahun 2001 Nomor 20, Tambahan Lembaran Negara Republik Indonesia "
            "Nomor 4182);")
    errors = [f for f in found(text, "DH-009") if f.severity.value == "error"]
    assert errors and "Tahun 2001" in errors[0].message
    assert not [f for f in found(text.replace("Tahun 2001", "Tahun 2002"), "DH-009") if f.severity.value == "error"]


def test_republik_indonesia_and_the_comma_mended_together():
    text = ("Undang-Undang Nomor 28 Tahun 2002 tentang Bangunan Gedung (Lembaran Negara Tahun 2002 Nomor 134 Tambahan "
            "Lembaran Negara Nomor 4247);")
    slips = publication_slips(text)
    assert [s.kind for s in slips] == [NO_REPUBLIK, NO_COMMA]
    assert [f.message for f in found(text, "DH-014")] == ["'Lembaran Negara' tanpa 'Republik Indonesia'",
                                                         "tanda koma tidak ada sebelum 'Tambahan'"]
    assert {s.mended for s in slips} == {"Undang-Undang Nomor 28 Tahun 2002 tentang Bangunan Gedung (Lembaran Negara Republik "
                                     "Indonesia Tahun 2002 Nomor 134, Tambahan Lembaran Negara Republik Indonesia Nomor 4247);"}


@pytest.mark.parametrize("slipped, meant", [("Lembatan Negara", "Lembaran"), ("Lembaran Negera", "Negara")])
def test_dh008_leaves_a_slipped_bracket_to_dh014_which_names_the_slip(slipped, meant):
    """DH-008 and DH-014 read the bracket with one reader (naskah.citation_reader): DH-008 does not call written data
    missing, DH-014 names what is misspelt (Perbup OKU Timur 85/2019 'Lembatan', Perwali Ambon 519/2020 'Negera')."""
    uu23 = "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah"
    tail = "Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587);"
    slip = [(f.rule.id, f.severity.value, f.message) for rule in ("DH-008", "DH-014")
            for f in found(f"{uu23} ({slipped} Republik Indonesia {tail}", rule)]
    assert [(rule, severity) for rule, severity, _ in slip] == [("DH-014", "error")], slip
    assert f"(maksudnya '{meant}')" in slip[0][2]
    missing = found(f"{uu23};", "DH-008")
    assert [f.severity.value for f in missing] == ["error"] and "tanpa Lembaran Negara/Daerah" in missing[0].message


def test_a_misspelt_tambahan_is_written_not_missing():
    """Perbup Aceh Utara 4/2020 cites UU 6/2014 with 'Nomor 7 Tambzrhan Lembaran Negara …' (OCR; its year reads '2Ot4').
    DH-015 read the Tambahan with a pattern of its own that missed this slip and called the Tambahan missing; it now
    reads it with the reader DH-014 names the slip with."""
    text = ("Undang-Undang Nomor 6 Tahun 2014 tentang Desa (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 7, "
            "Tambzrhan Lembaran Negara Republik Indonesia Nomor 5495);")
    assert found(text, "DH-015") == []
    assert [f.message for f in found(text, "DH-014")] == ["salah tulis dalam data pengundangan: 'Tambzrhan' (maksudnya "
                                                          "'Tambahan')"]
    without = text.replace(", Tambzrhan Lembaran Negara Republik Indonesia Nomor 5495", "")
    assert [f.severity.value for f in found(without, "DH-015")] == ["error"]


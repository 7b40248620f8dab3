"""Issue 16 item 3: the messages a first-time drafter meets (id on a Pasal, the summary line, hand-written
citations with their amendment chain)."""
import pytest

from legaldraft.spec.errors import SpecError
from legaldraft.spec.loader import loads
from legaldraft.spec.scaffold import scaffold

HEAD = """jenis: perbup
daerah: contoh
tentang: Uji Coba Pelayanan
konsiderans:
  - bahwa untuk melaksanakan pelayanan perlu menetapkan Peraturan Bupati tentang Uji Coba Pelayanan;
dasar_hukum:
  - uu-23-2014
"""


def test_id_beside_an_empty_pasal_is_its_id():
    doc = loads(HEAD + """batang_tubuh:
  - pasal:
    id: tujuan
    teks: Pelayanan dilaksanakan oleh Dinas.
  - pasal: rujukan
    id: rujukan
    teks: Pelayanan sebagaimana dimaksud dalam [[tujuan]] dilaksanakan setiap hari kerja.
  - pasal: mulai
    formula: mulai_berlaku
""")
    assert [p.id for p in doc.batang_tubuh] == ["tujuan", "rujukan", "mulai"]


def test_two_different_ids_on_a_pasal_are_explained():
    with pytest.raises(SpecError) as info:
        loads(HEAD + """batang_tubuh:
  - pasal: dua
    id: tujuan
    teks: Pelayanan dilaksanakan oleh Dinas.
""", "s.yaml")
    [p] = info.value.problems
    assert "nilai 'pasal:' adalah id-nya" in p.message and "[[dua]]" in p.message
    assert p.position.line == 9
    assert "maksud Anda 'id'" not in str(p)


def test_unknown_key_never_suggests_itself():
    with pytest.raises(SpecError) as info:
        loads(HEAD + """batang_tubuh:
  - bab: KETENTUAN UMUM
    isi:
      - pasal: satu
        teks: Uji.
    tentang: x
""", "s.yaml")
    text = str(info.value)
    assert "kunci 'tentang' tidak dikenal" in text and "maksud Anda 'tentang'" not in text


def test_summary_comes_last_and_does_not_count_unreadable_specs(cli, tmp_path):
    good = tmp_path / "a.yaml"
    good.write_text(scaffold("perbup"), encoding="utf-8")
    bad = tmp_path / "b.yaml"
    bad.write_text(scaffold("perbup").replace("tentang:", "tentan:"), encoding="utf-8")
    result = cli("check", good, bad)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert lines[-1] == "1 spec diperiksa: 0 galat, 0 peringatan, 0 info; 1 spec tidak dapat dibaca (lihat pesan di atas)"
    assert any("kunci 'tentan' tidak dikenal" in line for line in lines[:-1])
    result = cli("check", bad)
    assert result.output.strip().splitlines()[-1].startswith("0 spec diperiksa")


def test_hand_written_citation_with_hand_written_amendment(tmp_path):
    text = HEAD + """  - peraturan:
      jenis: perda
      penerbit: Kabupaten Contoh
      nomor: 5
      tahun: 2016
      tentang: Pembentukan dan Susunan Perangkat Daerah
      lembaran: {tahun: 2016, nomor: 5}
    perubahan:
      - jenis: perda
        penerbit: Kabupaten Contoh
        nomor: 2
        tahun: 2021
        tentang: Perubahan atas Peraturan Daerah Nomor 5 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah
        lembaran: {tahun: 2021, nomor: 2}
batang_tubuh:
  - pasal: mulai
    formula: mulai_berlaku
"""
    doc = loads(text)
    from legaldraft.naskah.citation import cite

    cited = cite(doc.dasar_hukum[1], doc._context.registry)
    assert cited.endswith("sebagaimana telah diubah dengan Peraturan Daerah Kabupaten Contoh Nomor 2 Tahun 2021 "
                          "tentang Perubahan atas Peraturan Daerah Nomor 5 Tahun 2016 tentang Pembentukan dan Susunan "
                          "Perangkat Daerah (Lembaran Daerah Kabupaten Contoh Tahun 2021 Nomor 2)")
    # a registry key and a hand-written one may be mixed; an unknown key is still refused with its position
    with pytest.raises(SpecError) as info:
        loads(text.replace("    perubahan:\n", "    perubahan:\n      - perda-tidak-ada\n"), "s.yaml")
    assert "kunci registry 'perda-tidak-ada' tidak dikenal" in str(info.value)


def test_unknown_registry_key_suggests_only_a_like_regulation():
    """'perpres-96-2015' once got "maksud Anda 'perpres-95-2018'?", a Perpres on another subject."""
    with pytest.raises(SpecError) as info:
        loads(HEAD.replace("  - uu-23-2014\n", "  - uu-23-2014\n  - perpres-96-2015\n") +
              "batang_tubuh:\n  - pasal: mulai\n    formula: mulai_berlaku\n", "s.yaml")
    [p] = info.value.problems
    assert "perpres-95-2018" not in str(p) and "legaldraft new FILE --tanya" in p.hint and "peraturan:" in p.hint
    with pytest.raises(SpecError) as info:
        loads(HEAD.replace("uu-23-2014", "uu-23-2041") + "batang_tubuh:\n  - pasal: mulai\n    formula: mulai_berlaku\n")
    assert "maksud Anda 'uu-23-2014'?" in str(info.value)

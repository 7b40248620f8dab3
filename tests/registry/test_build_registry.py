"""tools/build_registry.py on excerpts of real texts (data-peraturan uu/2014/23.md, uu/2022/1.md, pp/2019/72.md)."""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import build_registry as b  # noqa: E402

PASAL_409 = (
    "Pasal 409 Pada saat Undang-Undang ini mulai berlaku: a. Undang-Undang Nomor 5 Tahun 1962 tentang Perusahaan "
    "Daerah (Lembaran Negara Republik Indonesia Tahun 1962 Nomor 10, Tambahan Lembaran Negara Republik Indonesia Nomor "
    "2387); b. Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun "
    "2004 Nomor 125, Tambahan Lembaran Negara Republik Indonesia Nomor 4437) sebagaimana telah diubah beberapa kali "
    "terakhir dengan Undang-Undang Nomor 12 Tahun 2008 tentang Perubahan Kedua Atas Undang-Undang Nomor 32 Tahun 2004 "
    "tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2008 Nomor 59, Tambahan Lembaran Negara "
    "Republik Indonesia Nomor 4844); c. Pasal 157, Pasal 158 ayat (2) sampai dengan ayat (9), dan Pasal 159 "
    "Undang-Undang Nomor 28 Tahun 2009 tentang Pajak Daerah dan Retribusi Daerah (Lembaran Negara Republik Indonesia "
    "Tahun 2009 Nomor 130, Tambahan Lembaran Negara Republik Indonesia Nomor 5049); dan d. Pasal 1 angka 4, Pasal 314 "
    "sampai dengan Pasal 412 Undang-Undang Nomor 17 Tahun 2014 tentang Majelis Permusyawaratan Rakyat (Lembaran Negara "
    "Republik Indonesia Tahun 2014 Nomor 182), dicabut dan dinyatakan tidak berlaku. Pasal 410 Peraturan pelaksanaan")


def test_whole_regulations_of_a_revocation_list_only():
    found = b.revoked_in_closing("… ketentuan lain. " + PASAL_409)
    assert found == [("uu", "5", "1962"), ("uu", "32", "2004")]


def test_amendment_revoked_with_its_parent_is_not_the_parent_itself():
    text = ("Pasal 20 Pada saat Peraturan Pemerintah ini mulai berlaku, Peraturan Pemerintah Nomor 72 Tahun 2016 tentang "
            "Perubahan atas Peraturan Pemerintah Nomor 44 Tahun 2005 tentang Tata Cara Penyertaan (Lembaran Negara Republik "
            "Indonesia Tahun 2016 Nomor 325), dicabut dan dinyatakan tidak berlaku.")
    assert b.revoked_in_closing(text) == [("pp", "72", "2016")]


def test_heading_with_ocr_noise_and_relations_from_the_judul():
    text = ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR T2TAHUN 2019 TENTANG PERUBAHAN ATAS PERATURAN PEMERINTAH "
            "NOMOR 18 TAHUN 2016 TENTANG PERANGKAT DAERAH\nDENGAN RAHMAT TUHAN YANG MAHA ESA Menimbang a. bahwa")
    judul, _ = b.read_heading("pp", text)
    assert judul == "PERUBAHAN ATAS PERATURAN PEMERINTAH NOMOR 18 TAHUN 2016 TENTANG PERANGKAT DAERAH"
    assert b.relations_from_title(judul) == ([("pp", "18", "2016")], [])
    assert b.relations_from_title("PERUBAHAN KEDUA ATAS UNDANG-UNDANG NOMOR 12 TAHUN 2011 TENTANG X")[0] == [("uu", "12", "2011")]
    assert b.ocr_numbers("TAHUN 2O11 NOMOR 20l6") == "TAHUN 2011 NOMOR 2016"


def test_title_case_and_the_cited_case_wins():
    assert b.title_case("PEMBENTUKAN DAERAH TINGKAT II DI SULAWESI") == "Pembentukan Daerah Tingkat II di Sulawesi"
    assert b.title_case("PEMBENTUKAN PERATURAN PERUNDANG-UNDANGAN") == "Pembentukan Peraturan Perundang-undangan"
    from collections import Counter

    variants = Counter({"Pemerintahan Daerah": 40, "Pemerintah Daerah": 3, "pemerintahan daerah": 9})
    assert b.choose_judul("PEMERINTAHAN DAERAH", variants) == ("Pemerintahan Daerah", "rujukan:40")


def test_build_on_a_small_snapshot(tmp_path):
    (tmp_path / "uu" / "2014").mkdir(parents=True)
    (tmp_path / "pp" / "2016").mkdir(parents=True)
    (tmp_path / "uu" / "2014" / "23.md").write_text(
        "UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 23 TAHUN 2014 TENTANG PEMERINTAHAN DAERAH\nDENGAN RAHMAT TUHAN YANG "
        "MAHA ESA\n… " + PASAL_409 + " … Disahkan di Jakarta pada tanggal 30 September 2014 ttd. Diundangkan di Jakarta "
        "pada tanggal 2 Oktober 2014 LEMBARAN NEGARA REPUBLIK INDONESIA TAHUN 2014 NOMOR 244 PENJELASAN ATAS … Cukup "
        "jelas. TAMBAHAN LEMBARAN NEGARA REPUBLIK INDONESIA NOMOR 5587", encoding="utf-8")
    (tmp_path / "pp" / "2016" / "18.md").write_text(
        "PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 18 TAHUN 2016 TENTANG PERANGKAT DAERAH\nMengingat: Undang-Undang "
        "Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244, "
        "Tambahan Lembaran Negara Republik Indonesia Nomor 5587);", encoding="utf-8")
    out = tmp_path / "out.json.gz"
    assert b.main([str(tmp_path), "-o", str(out)]) == 0
    entries = json.loads(gzip.decompress(out.read_bytes()))["entries"]
    uu = entries["uu-23-2014"]
    assert (uu["judul"], uu["tp"], uu["du"], uu["ln"], uu["tln"]) == (
        "Pemerintahan Daerah", "2014-09-30", "2014-10-02", [2014, 244], 5587)
    assert uu["prov"]["judul"] == "rujukan:1" and uu["prov"]["ln"] == "teks"
    assert uu["cabut"] == ["uu-32-2004", "uu-5-1962"]
    assert entries["pp-18-2016"]["judul"] == "Perangkat Daerah" and entries["pp-18-2016"]["prov"]["judul"] == "kapital"


PP_91_2013 = (  # data-peraturan pp/2013/91.md, heading and Pasal 6
    "PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 91 TAHUN 2013 TENTANG PENGALIHAN BENTUK PERUSAHAAN PERSEROAN "
    "(PERSERO) PT SARANA KARYA MENJADI PERSEROAN TERBATAS DENGAN RAHMAT TUHAN YANG MAHA ESA PRESIDEN REPUBLIK "
    "INDONESIA, Menimbang: a. bahwa … Pasal 6 Pada saat Perusahaan Perseroan (Persero) PT Sarana Karya beralih "
    "status menjadi perseroan terbatas yang tunduk sepenuhnya pada Undang-Undang Nomor 40 Tahun 2007 tentang "
    "Perseroan Terbatas, Peraturan Pemerintah Nomor 3 Tahun 1984 tentang Pengalihan Bentuk Perusahaan Aspal Negara "
    "Menjadi Perusahaan Perseroan (Persero) (Lembaran Negara Republik Indonesia Tahun 1984 Nomor 3) dicabut dan "
    "dinyatakan tidak berlaku. Pasal 7 Peraturan Pemerintah ini mulai berlaku pada tanggal diundangkan.")


def test_a_relation_to_a_regulation_above_in_the_hierarchy_is_dropped():
    # the closing sentence names UU 40/2007 first; a PP cannot revoke a UU (UU 12/2011 Pasal 7 ayat (1))
    assert b.revoked_in_closing(PP_91_2013)[:1] == [("uu", "40", "2007")]
    entry = b.read_one("pp", "91", 2013, PP_91_2013)
    assert "uu-40-2007" not in entry["cabut"]
    assert b.within_reach("uu", "pp") and b.within_reach("uu", "perppu") and b.within_reach("pp", "pp")
    assert not b.within_reach("pp", "uu") and not b.within_reach("perpres", "pp")


def test_the_packaged_registry_has_no_relation_up_the_hierarchy():
    path = ROOT / "legaldraft/spec/data/national.json.gz"
    entries = json.loads(gzip.decompress(path.read_bytes()))["entries"]
    upward = [(key, other) for key, e in entries.items() for field in ("ubah", "cabut")
              for other in e.get(field, []) if not b.within_reach(e["j"], other.split("-")[0])]
    assert upward == []

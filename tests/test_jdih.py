"""Issue 18 item 2: JDIH metadata (Permenkumham 8/2019) and the JDIHN feed of enacted documents."""
from __future__ import annotations

import json
from pathlib import Path

import yaml

from legaldraft.publish.jdih import JDIHN_KEYS

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
ENACTED = [SPECS / "purwakarta" / "perubahan" / f"{n}.yaml" for n in ("slrt-2026", "slrt-revisi", "slrt-revisi-2")]


def test_enacted_specs_give_every_jdihn_key_with_the_spec_values(tmp_path, cli):
    result = cli("jdih", *ENACTED, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    feed = json.loads((tmp_path / "jdihn.json").read_text(encoding="utf-8"))
    assert len(feed) == len(ENACTED)
    for entry, spec in zip(feed, ENACTED):
        raw = yaml.safe_load(spec.read_text(encoding="utf-8"))
        assert set(JDIHN_KEYS) <= set(entry), set(JDIHN_KEYS) - set(entry)
        for key in ("idData", "judul", "jenis", "noPeraturan", "singkatanJenis", "tempatTerbit", "sumber", "subjek",
                    "status", "bahasa", "bidangHukum", "teuBadan", "fileDownload", "abstrak"):
            assert entry[key], key
        assert entry["noPeraturan"] == str(raw["nomor"])
        assert entry["tahun_pengundangan"] == str(raw["pengundangan"]["tanggal"].year)
        assert entry["tanggal_pengundangan"] == raw["pengundangan"]["tanggal"].isoformat()
        assert entry["tanggal_penetapan"] == raw["penetapan"]["tanggal"].isoformat()
        assert entry["judul"] == f"Peraturan Bupati Purwakarta Nomor {raw['nomor']} Tahun {raw['tahun']} tentang {raw['tentang']}"
        assert entry["jenis"] == "Peraturan Bupati" and entry["singkatanJenis"] == "Perbup"
        assert entry["teuBadan"] == "Jawa Barat. Kabupaten Purwakarta"
        assert entry["tempatTerbit"] == "Purwakarta"
        bd = raw["pengundangan"]["berita_daerah"]
        assert entry["sumber"] == f"Berita Daerah Kabupaten Purwakarta Tahun {bd['tahun']} Nomor {bd['nomor']}"
        assert entry["bahasa"] == "Indonesia" and entry["status"] == "Berlaku"
        assert entry["operasi"] == "4" and entry["display"] == "1"
        assert entry["fileDownload"] == f"{spec.stem}.pdf"
        assert entry["relasi"] == []
        abstrak = entry["abstrak"]
        assert abstrak.startswith(entry["judul"].upper())
        assert "Dasar Hukum:" in abstrak and "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah" in abstrak
        assert "- BAB I Ketentuan Umum" in abstrak and "mulai berlaku pada tanggal diundangkan" in abstrak
        record = json.loads((tmp_path / f"{spec.stem}.jdih.json").read_text(encoding="utf-8"))
        for key in ("tipe_dokumen", "judul", "teu_badan", "nomor", "tahun", "jenis", "singkatan_jenis",
                    "tempat_penetapan", "tanggal_penetapan", "tanggal_pengundangan", "sumber", "subjek", "status",
                    "bahasa", "lokasi", "bidang_hukum"):
            assert record[key], key
        assert record["lokasi"] == "Bagian Hukum Sekretariat Daerah Kabupaten Purwakarta"


def test_rancangan_refused_with_position_and_exit_code_2(tmp_path, cli):
    spec = SPECS / "purwakarta" / "perbup-slrt.yaml"
    result = cli("jdih", spec, "-o", tmp_path)
    assert result.exit_code == 2
    assert f"{spec}:11:9: dokumen masih rancangan" in result.output
    assert not (tmp_path / "jdihn.json").exists()


def _enacted_copy(tmp_path: Path, source: Path, replace: dict[str, str], append: str = "") -> Path:
    text = source.read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    target = tmp_path / source.name
    target.write_text(text + append, encoding="utf-8")
    return target


def test_missing_facts_named_with_their_place(tmp_path, cli):
    spec = _enacted_copy(tmp_path, ENACTED[0], {"  tanggal: 2026-03-02\n  berita_daerah: {tahun: 2026, nomor: 12}":
                                                "  tanggal: null\n  berita_daerah: {tahun: 2026, nomor: null}"})
    result = cli("jdih", spec, "-o", tmp_path / "out")
    assert result.exit_code == 2
    lines = [ln for ln in result.output.splitlines() if "kosong" in ln]
    assert any(ln.startswith(f"{spec}:259:12: tanggal pengundangan kosong") for ln in lines), result.output
    assert any(ln.startswith(f"{spec}:260:") and "nomor Berita Daerah kosong" in ln for ln in lines), result.output


PERUBAHAN_FINAL = """
status: final
nomor: 20
tahun: 2026
penetapan: {tanggal: 2026-09-01}
pengundangan:
  tanggal: 2026-09-02
  berita_daerah: {tahun: 2026, nomor: 20}
"""


def test_perubahan_relation_mengubah(tmp_path, cli):
    source = SPECS / "purwakarta" / "perubahan" / "slrt-perubahan.yaml"
    spec = tmp_path / "slrt-perubahan.yaml"
    spec.write_text(source.read_text(encoding="utf-8") + PERUBAHAN_FINAL, encoding="utf-8")
    result = cli("jdih", spec, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    entry = json.loads((tmp_path / "out" / "jdihn.json").read_text(encoding="utf-8"))[0]
    assert entry["judul"].startswith("Peraturan Bupati Purwakarta Nomor 20 Tahun 2026 tentang Perubahan atas "
                                     "Peraturan Bupati Purwakarta Nomor 12 Tahun 2026 tentang Sistem Layanan")
    assert entry["relasi"] == [{"relasi": "mengubah", "judul": "Peraturan Bupati Purwakarta Nomor 12 Tahun 2026 tentang "
                                "Sistem Layanan Rujukan Terpadu dalam Penanganan Fakir Miskin dan Orang Tidak Mampu",
                                "nomor": "12", "tahun": 2026}]
    assert entry["tanggal_pengundangan"] == "2026-09-02" and entry["sumber"].endswith("Tahun 2026 Nomor 20")
    assert "Peraturan Bupati ini mengubah Peraturan Bupati Purwakarta Nomor 12 Tahun 2026" in entry["abstrak"]
    record = json.loads((tmp_path / "out" / "slrt-perubahan.jdih.json").read_text(encoding="utf-8"))
    assert record["relasi"][0]["relasi"] == "mengubah"


def test_pencabutan_relation_mencabut_and_profile_settings(tmp_path, cli):
    from legaldraft.spec.scaffold import scaffold

    (tmp_path / "profil").mkdir()
    (tmp_path / "profil" / "contoh.yaml").write_text(
        (ROOT / "legaldraft" / "spec" / "data" / "profiles" / "contoh.yaml").read_text(encoding="utf-8")
        + "jdih:\n  teu_badan: Indonesia. Pemerintah Kabupaten Contoh\n  singkatan: {perbup: PERBUP}\n"
          "  url: https://jdih.contohkab.go.id/\n  bidang_hukum: Hukum Tata Negara\n", encoding="utf-8")
    spec = tmp_path / "cabut.yaml"
    text = scaffold("pencabutan", "contoh", tmp_path)
    text = text.replace("status: rancangan", "status: final", 1).replace("nomor: null", "nomor: 3", 1)
    text = text.replace("tahun: null", "tahun: 2027", 1)
    spec.write_text(text + "penetapan: {tanggal: 2027-01-05}\npengundangan: {tanggal: 2027-01-05, berita_daerah: {nomor: 3}}\n",
                    encoding="utf-8")
    result = cli("jdih", spec, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    entry = json.loads((tmp_path / "out" / "jdihn.json").read_text(encoding="utf-8"))[0]
    assert [(r["relasi"], r["nomor"], r["tahun"]) for r in entry["relasi"]] == [("mencabut", "5", 2020)]
    assert entry["sumber"] == "Berita Daerah Kabupaten Contoh Tahun 2027 Nomor 3"
    assert entry["teuBadan"] == "Indonesia. Pemerintah Kabupaten Contoh"
    assert entry["singkatanJenis"] == "PERBUP" and entry["bidangHukum"] == "Hukum Tata Negara"
    assert entry["urlDownload"] == "https://jdih.contohkab.go.id/cabut.pdf"
    assert entry["urlDetailPeraturan"] == f"https://jdih.contohkab.go.id/peraturan/{entry['idData']}"


def test_keputusan_enacted(tmp_path, cli):
    source = SPECS / "purwakarta" / "kepbup-struktur-slrt.yaml"
    spec = _enacted_copy(tmp_path, source, {"status: rancangan": "status: final", "nomor: null": "nomor: 100.3.3.2/Kep.45-Dinsos/2026",
                                             "tahun: null": "tahun: 2026"}, "\npenetapan: {tanggal: 2026-04-01}\n")
    result = cli("jdih", spec, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    entry = json.loads((tmp_path / "out" / "jdihn.json").read_text(encoding="utf-8"))[0]
    assert entry["jenis"] == "Keputusan Bupati" and entry["singkatanJenis"] == "Kepbup"
    assert entry["noPeraturan"] == "100.3.3.2/Kep.45-Dinsos/2026"
    assert entry["judul"].startswith("Keputusan Bupati Purwakarta Nomor 100.3.3.2/Kep.45-Dinsos/2026 tentang Susunan")
    assert entry["tanggal_pengundangan"] == entry["tanggal_penetapan"] == "2026-04-01"
    assert entry["sumber"] == "-"


def test_perbup_revoking_in_its_ketentuan_penutup_lists_mencabut(tmp_path, cli):
    from legaldraft.spec.scaffold import scaffold

    from test_akn import PENCABUTAN_PASAL

    text = scaffold("perbup", "contoh", tmp_path)
    for old, new in (("status: rancangan", "status: final"), ("nomor: null", "nomor: 8"), ("tahun: null", "tahun: 2026"),
                     ("  tanggal: null              # YYYY-MM-DD saat ditetapkan", "  tanggal: 2026-05-05"),
                     ("  tanggal: null\n  berita_daerah: {tahun: null, nomor: null}",
                      "  tanggal: 2026-05-06\n  berita_daerah: {tahun: 2026, nomor: 8}"),
                     ("      - pasal: mulai-berlaku\n", PENCABUTAN_PASAL + "      - pasal: mulai-berlaku\n")):
        assert old in text, old
        text = text.replace(old, new, 1)
    spec = tmp_path / "baru.yaml"
    spec.write_text(text, encoding="utf-8")
    result = cli("jdih", spec, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    entry = json.loads((tmp_path / "out" / "jdihn.json").read_text(encoding="utf-8"))[0]
    assert [(r["relasi"], r["nomor"]) for r in entry["relasi"]] == [("mencabut", "5"), ("mencabut", "9")]
    assert "Peraturan Bupati ini mencabut Peraturan Bupati Contoh Nomor 9 Tahun 2021 tentang Pelayanan Terpadu." in entry["abstrak"]

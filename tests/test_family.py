"""The regional-head family: Peraturan and Keputusan of a Bupati, Wali Kota and Gubernur, and the Perubahan and
Pencabutan of each. The jenis decides the form, the profile's tingkat every word (legaldraft/model/tingkat.py)."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from legaldraft.api import check
from legaldraft.model import ProfilDaerah
from legaldraft.naskah.names import kata_daerah
from legaldraft.spec.errors import SpecError
from legaldraft.spec.loader import loads
from legaldraft.spec.scaffold import scaffold

from conftest import docx_text

#: built-in example profiles, one per tingkat
CONTOH = {"kabupaten": "contoh", "kota": "contoh-kota", "provinsi": "contoh-provinsi"}
PERATURAN = {"kabupaten": "perbup", "kota": "perwali", "provinsi": "pergub"}
#: what a document of each tingkat must say, and must never say
WORDS = {
    "kabupaten": {"kop": "BUPATI CONTOH", "jenis": "Peraturan Bupati", "keputusan": "KEPUTUSAN BUPATI CONTOH",
                  "sekda": "SEKRETARIS DAERAH KABUPATEN CONTOH", "berita": "BERITA DAERAH KABUPATEN CONTOH",
                  "never": re.compile(r"Wali ?Kota|WALI ?KOTA|Gubernur Contoh|GUBERNUR")},
    "kota": {"kop": "WALI KOTA CONTOH", "jenis": "Peraturan Wali Kota", "keputusan": "KEPUTUSAN WALI KOTA CONTOH",
             "sekda": "SEKRETARIS DAERAH KOTA CONTOH", "berita": "BERITA DAERAH KOTA CONTOH",
             "never": re.compile(r"Bupati|BUPATI|Kabupaten|KABUPATEN|Walikota|WALIKOTA")},
    "provinsi": {"kop": "GUBERNUR CONTOH", "jenis": "Peraturan Gubernur", "keputusan": "KEPUTUSAN GUBERNUR CONTOH",
                 "sekda": "SEKRETARIS DAERAH PROVINSI CONTOH", "berita": "BERITA DAERAH PROVINSI CONTOH",
                 "never": re.compile(r"Bupati|BUPATI|Kabupaten|KABUPATEN|Wali ?Kota|WALI ?KOTA")},
}

PERUBAHAN = """\
jenis: perubahan
daerah: {daerah}
mengubah:
  nomor: 5
  tahun: 2024
  tentang: Penyelenggaraan Pelayanan Publik Terpadu
  diundangkan: 2024-03-01
  lembaran: {{tahun: 2024, nomor: 5}}
konsiderans:
  - bahwa penyelenggaraan pelayanan publik terpadu perlu menjangkau kecamatan terluar sehingga {nama_jenis} tentang Penyelenggaraan Pelayanan Publik Terpadu perlu diubah;
dasar_hukum:
  - ref: uud-1945
    pasal: Pasal 18 ayat (6)
  - uu-23-2014
perubahan:
  - aksi: ubah
    unit: pasal
    nomor: ['2']
    isi:
      - pasal: '2'
        teks: PPT diselenggarakan oleh Perangkat Daerah di setiap kecamatan.
"""


def _spec(jenis: str, tingkat: str, tmp_path) -> str:
    daerah = CONTOH[tingkat]
    if jenis == "perubahan":
        profile_words = {"kabupaten": "Peraturan Bupati Contoh Nomor 5 Tahun 2024",
                         "kota": "Peraturan Wali Kota Contoh Nomor 5 Tahun 2024",
                         "provinsi": "Peraturan Gubernur Contoh Nomor 5 Tahun 2024"}
        return PERUBAHAN.format(daerah=daerah, nama_jenis=profile_words[tingkat])
    return scaffold(PERATURAN[tingkat] if jenis == "peraturan" else jenis, daerah, tmp_path)


KINDS = ("peraturan", "keputusan", "pedoman", "perubahan", "pencabutan")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Every kind × tingkat, loaded, checked and built to DOCX once."""
    from legaldraft.api import build

    out = tmp_path_factory.mktemp("family")
    result = {}
    for tingkat in CONTOH:
        for kind in KINDS:
            text = _spec(kind, tingkat, out)
            doc = loads(text, str(out / f"{kind}-{tingkat}.yaml"), out)
            findings = check(doc)
            paths = build(doc, out, ("docx",), stem=f"{kind}-{tingkat}")
            result[(kind, tingkat)] = (doc, findings, "\n".join(docx_text(paths[0])))
    return result


@pytest.mark.parametrize("tingkat", list(CONTOH))
@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_every_tingkat_checks_clean_and_builds(built, kind, tingkat):
    doc, findings, text = built[(kind, tingkat)]
    errors = [f"{f.rule.id}: {f.message}" for f in findings if f.severity.value == "error"]
    assert errors == [], errors
    words = WORDS[tingkat]
    assert words["kop"] in text
    assert not words["never"].search(text), words["never"].search(text).group(0)
    if kind == "keputusan":
        assert words["keputusan"] in text
        assert f"Keputusan {words['jenis'].split(' ', 1)[1]} ini mulai berlaku pada tanggal ditetapkan." in text
    else:
        assert f"{words['jenis'].upper()} CONTOH" in text
        assert words["sekda"] in text and words["berita"] in text
        berita = " ".join(w.capitalize() for w in words["berita"].split())
        assert f"memerintahkan pengundangan {words['jenis']} ini dengan penempatannya dalam {berita}." in text


@pytest.mark.parametrize("tingkat", ["kota", "provinsi"])
def test_peraturan_words_follow_the_tingkat(built, tingkat):
    _, _, text = built[("peraturan", tingkat)]
    jenis = WORDS[tingkat]["jenis"]
    kepala = jenis.split(" ", 1)[1]
    assert f"{kepala.upper()} CONTOH," in text                      # jabatan line and signature
    assert f"Menetapkan : {jenis.upper()} TENTANG" in text.replace("\t", " ").replace("  ", " ")
    assert f"{jenis} ini mulai berlaku pada tanggal diundangkan." in text
    assert f"Dalam {jenis} ini yang dimaksud dengan:" in text
    assert f"perlu menetapkan {jenis} tentang" in text


def test_provinsi_kop_has_no_province_line_and_kota_kop_has_one(built):
    kota = built[("peraturan", "kota")][2].splitlines()
    provinsi = built[("peraturan", "provinsi")][2].splitlines()
    assert kota[kota.index("WALI KOTA CONTOH") + 1] == "PROVINSI JAWA BARAT"
    assert "PROVINSI CONTOH" not in provinsi[:provinsi.index("GUBERNUR CONTOH") + 2]


@pytest.mark.parametrize("jenis,daerah,tingkat", [("perwali", "contoh", "kabupaten"), ("pergub", "contoh-kota", "kota"),
                                                  ("perbup", "contoh-provinsi", "provinsi")])
def test_jenis_contradicting_the_tingkat_is_a_spec_error_at_jenis(tmp_path, jenis, daerah, tingkat):
    text = scaffold("perbup", "contoh", tmp_path).replace("jenis: perbup", f"jenis: {jenis}", 1)
    text = text.replace("daerah: contoh ", f"daerah: {daerah} ", 1)
    with pytest.raises(SpecError) as exc:
        loads(text, str(tmp_path / "x.yaml"), tmp_path)
    problem = exc.value.problems[0]
    assert f"jenis '{jenis}'" in problem.message and f"tingkat: {tingkat}" in problem.message
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("jenis:"))
    assert problem.position.line == line
    assert "legaldraft new" not in problem.hint and "jenis:" in problem.hint


def test_keputusan_of_a_wali_kota_is_jenis_keputusan_with_a_kota_profile(built):
    doc, _, text = built[("keputusan", "kota")]
    assert doc.jenis == "keputusan"
    assert "KEPUTUSAN WALI KOTA CONTOH" in text and "WALI KOTA CONTOH," in text


def test_old_profiles_default_to_kabupaten_and_sebutan_implies_the_tingkat():
    assert ProfilDaerah(nama="X", provinsi="Y", tempat_penetapan="X").tingkat == "kabupaten"
    kota = ProfilDaerah(nama="Bogor", sebutan="Kota", provinsi="Jawa Barat", tempat_penetapan="Bogor")
    assert (kota.tingkat, kota.kepala_daerah, kota.formula.nama_jenis_peraturan) == ("kota", "Wali Kota", "Peraturan Wali Kota")
    assert kota.jabatan == "WALI KOTA BOGOR" and kota.jabatan_sekda == "SEKRETARIS DAERAH KOTA BOGOR"
    assert kota.nama_berita_daerah == "Berita Daerah Kota Bogor"


def test_walikota_spelling_before_uu_23_2014_unless_the_daerah_fixes_it():
    kota = ProfilDaerah(nama="Surabaya", tingkat="kota", provinsi="Jawa Timur", tempat_penetapan="Surabaya")
    old = kota.for_date(dt.date(2012, 5, 1))
    assert old.jabatan == "WALIKOTA SURABAYA" and old.formula.nama_jenis_peraturan == "Peraturan Walikota"
    assert kota.for_date(dt.date(2014, 10, 2)).jabatan == "WALI KOTA SURABAYA"
    assert kota.for_date(None) is kota
    fixed = ProfilDaerah(nama="Mataram", tingkat="kota", kepala_daerah="Walikota", provinsi="Nusa Tenggara Barat",
                         tempat_penetapan="Mataram")
    assert fixed.for_date(dt.date(2020, 1, 1)).jabatan == "WALIKOTA MATARAM"
    assert fixed.formula.nama_jenis_peraturan == "Peraturan Walikota"


def test_a_2012_perwali_is_built_with_walikota(tmp_path):
    text = scaffold("perwali", "kota-surabaya", tmp_path).replace("tahun: null", "tahun: 2012", 1)
    doc = loads(text, str(tmp_path / "p.yaml"), tmp_path)
    from legaldraft.api import build

    body = "\n".join(docx_text(build(doc, tmp_path, ("docx",))[0]))
    assert "PERATURAN WALIKOTA SURABAYA" in body and "WALI KOTA" not in body


def test_rule_messages_speak_the_tingkat_words():
    kota = ProfilDaerah(nama="Bogor", tingkat="kota", provinsi="Jawa Barat", tempat_penetapan="Bogor")
    gub = ProfilDaerah(nama="Jawa Timur", tingkat="provinsi", provinsi="Jawa Timur", tempat_penetapan="Surabaya")
    kab = ProfilDaerah(nama="Lahat", provinsi="Sumatera Selatan", tempat_penetapan="Lahat")
    message = "Peraturan Bupati tidak memuat ketentuan pidana; tulis 'BUPATI [DAERAH],' dan Berita Daerah Kabupaten"
    assert kata_daerah(message, kota) == ("Peraturan Wali Kota tidak memuat ketentuan pidana; tulis 'WALI KOTA "
                                          "[DAERAH],' dan Berita Daerah Kota")
    assert kata_daerah(message, gub).startswith("Peraturan Gubernur tidak") and "GUBERNUR [DAERAH]" in kata_daerah(message, gub)
    assert kata_daerah(message, kab) == message


def test_a_finding_on_a_pergub_names_the_peraturan_gubernur(tmp_path):
    text = scaffold("pergub", "provinsi-jawa-timur", tmp_path).replace(
        "PPT diselenggarakan oleh Perangkat Daerah sesuai dengan kewenangannya.",
        "Setiap orang yang melanggar dipidana dengan pidana kurungan paling lama 3 (tiga) bulan.", 1)
    doc = loads(text, str(tmp_path / "g.yaml"), tmp_path)
    messages = [f.message + " " + f.hint for f in check(doc) if f.rule.id == "BT-011"]
    assert messages and all("Peraturan Gubernur" in m and "Bupati" not in m for m in messages)


@pytest.mark.parametrize("jenis,daerah,kop", [("perwali", "kota-surabaya", "WALI KOTA SURABAYA"),
                                              ("pergub", "provinsi-jawa-timur", "GUBERNUR JAWA TIMUR")])
def test_new_with_a_real_daerah_checks_clean(cli, tmp_path, jenis, daerah, kop):
    target = tmp_path / f"{jenis}.yaml"
    assert cli("new", jenis, str(target), "--daerah", daerah).exit_code == 0
    result = cli("check", str(target))
    assert result.exit_code == 0, result.output
    assert "0 galat, 0 peringatan" in result.output
    doc = loads(target.read_text(encoding="utf-8"), str(target), tmp_path)
    from legaldraft.api import build

    body = "\n".join(docx_text(build(doc, tmp_path, ("docx",))[0]))
    assert kop in body and "Bupati" not in body and "BUPATI" not in body


def test_new_refuses_a_jenis_the_daerah_does_not_issue(cli, tmp_path):
    result = cli("new", "perbup", str(tmp_path / "x.yaml"), "--daerah", "kota-surabaya")
    assert result.exit_code != 0 and "perwali" in result.output
    assert not (tmp_path / "x.yaml").exists()


def test_schema_knows_the_new_kinds(cli):
    import json

    for jenis in ("perwali", "pergub"):
        result = cli("schema", "--jenis", jenis)
        assert json.loads(result.output)["properties"]["jenis"]["const"] == jenis
    profil = json.loads(cli("schema", "--jenis", "profil").output)
    assert profil["properties"]["tingkat"]["anyOf"][0]["enum"] == ["kabupaten", "kota", "provinsi"]


@pytest.mark.parametrize("text,good", [("diatur dengan peraturan wali kota.", "Peraturan Wali Kota"),
                                       ("ditetapkan dengan Keputusan gubernur", "Keputusan Gubernur"),
                                       ("sesuai peraturan Walikota", "Peraturan Walikota")])
def test_jenis_of_a_kota_or_provinsi_is_capitalised(text, good):
    from legaldraft.rules.bahasa import scan_jenis_case

    hits = scan_jenis_case(text)
    assert len(hits) == 1 and good in hits[0].hint
    assert not scan_jenis_case(re.sub(r"(?i)(peraturan|keputusan) (wali kota|walikota|gubernur)", good, text))


def test_jdih_metadata_of_a_provinsi_names_the_biro_hukum():
    from legaldraft.publish.jdih import lokasi, teu_badan

    gub = ProfilDaerah(nama="Jawa Timur", tingkat="provinsi", provinsi="Jawa Timur", tempat_penetapan="Surabaya")
    kota = ProfilDaerah(nama="Bogor", tingkat="kota", provinsi="Jawa Barat", tempat_penetapan="Bogor")
    assert (teu_badan(gub), lokasi(gub)) == ("Provinsi Jawa Timur", "Biro Hukum Sekretariat Daerah Provinsi Jawa Timur")
    assert (teu_badan(kota), lokasi(kota)) == ("Jawa Barat. Kota Bogor", "Bagian Hukum Sekretariat Daerah Kota Bogor")


def test_guided_new_turns_a_perbup_for_a_kota_into_a_perwali(tmp_path):
    from click.testing import CliRunner

    from legaldraft.cli import main

    target = tmp_path / "parkir.yaml"
    lines = ["perbup", "kota-surabaya", "Penyelenggaraan Parkir di Tepi Jalan Umum",
             "penyelenggaraan parkir di tepi jalan umum perlu ditata", "", "pemerintahan daerah", "1", ""]
    result = CliRunner().invoke(main, ["new", str(target), "--tanya"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0, result.output
    assert "diganti 'perwali'" in result.output and "nama Peraturan Wali Kota" in result.output
    text = target.read_text(encoding="utf-8")
    assert "jenis: perwali" in text and "Wali Kota Surabaya" in text and "Bupati" not in text
    assert CliRunner().invoke(main, ["check", str(target)]).exit_code == 0


def test_an_imported_peraturan_written_as_perbup_loads_with_a_kota_profile(tmp_path):
    """The importer writes every Peraturan as the form 'perbup' and records the kind it read in ``asal``; such a
    spec is not refused, a drafter's own spec is (test above)."""
    text = scaffold("perwali", "contoh-kota", tmp_path).replace("jenis: perwali", "jenis: perbup", 1)
    with pytest.raises(SpecError):
        loads(text, str(tmp_path / "a.yaml"), tmp_path)
    doc = loads(text + "asal: {jenis: perwali, tingkat: kota}\n", str(tmp_path / "b.yaml"), tmp_path)
    assert doc.jenis == "perbup" and doc._context.profile.tingkat == "kota"

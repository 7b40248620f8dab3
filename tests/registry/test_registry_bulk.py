"""The registry at scale: the generated layer from data-peraturan under the hand-verified entries."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import legaldraft
from legaldraft.cli import main
from legaldraft.spec.registry import national
from legaldraft.spec.search import parse_query

ROOT = Path(__file__).resolve().parents[2]
REG = national()


def test_every_uu_and_pp_of_the_snapshot_is_there_under_the_hand_entries():
    assert len(REG) > 5800
    counts = {}
    for key in REG:
        counts[key.split("-")[0]] = counts.get(key.split("-")[0], 0) + 1
    assert counts["uu"] > 1500 and counts["pp"] > 4300
    # a hand-verified key is the hand entry, whole (its mark and source), not the extracted record
    assert REG.is_verified("uu-23-2014") and REG["uu-23-2014"].verifikasi == "P"
    assert REG["uu-23-2014"].sumber == REG.verified["uu-23-2014"].sumber
    # an extracted entry says so
    pp = REG["pp-78-2015"]
    assert pp.verifikasi == "E" and pp.tentang == "Pengupahan" and str(pp.lembaran.nomor) == "237"
    assert "pp/2015/78.md" in pp.sumber


def test_extracted_numbers_agree_with_every_hand_verified_entry():
    """The extraction is checked against the entries read by hand: no LN or TLN clash."""
    clashes = []
    for key, hand in REG.verified.items():
        raw = REG.raw(key)
        if not raw or hand.verifikasi != "P":
            continue
        if hand.lembaran and raw.get("ln") and [hand.lembaran.tahun, int(hand.lembaran.nomor)] != raw["ln"]:
            clashes.append((key, "ln", raw["ln"]))
        if hand.tambahan and raw.get("tln") and int(hand.tambahan) != raw["tln"]:
            clashes.append((key, "tln", raw["tln"]))
    assert clashes == []


def test_relations_read_from_titles_and_closing_provisions():
    assert REG.raw("uu-9-2015")["ubah"] == ["uu-23-2014"]
    assert "pp-18-2016" in REG.raw("pp-72-2019")["ubah"]                        # OCR 'NOMOR T2TAHUN 2019'
    assert REG.raw("uu-13-2022")["ubah"] == ["uu-12-2011"]                     # OCR '2O11' in the heading
    assert {"uu-32-2004", "uu-5-1962"} <= set(REG.raw("uu-23-2014")["cabut"])  # Pasal 409 huruf a, b
    assert "uu-17-2014" not in REG.raw("uu-23-2014")["cabut"]                 # huruf d: some Pasal only
    cabut = set(REG.raw("uu-1-2022")["cabut"])
    assert {"uu-33-2004", "uu-28-2009"} <= cabut and "uu-11-2020" not in cabut  # Cipta Kerja: its Pasal only
    assert {"pp-9-2003", "pp-100-2000"} <= set(REG.raw("pp-11-2017")["cabut"])  # a 15-item list
    assert REG.revoked_by("pp-58-2005") == "pp-12-2019"
    assert REG.revoked_by("pp-9-2003", dt.date(2016, 1, 1)) is None           # not yet revoked then
    assert REG.chain("pp-9-2003") == ["pp-63-2009"]
    # a hand-verified chain is not extended by extracted relations
    assert REG.chain("uu-23-2014") and all(REG.is_verified(k) for k in REG.chain("uu-23-2014"))


def test_provenance_is_recorded_per_field():
    prov = REG.raw("pp-9-2003")["prov"]
    assert prov["ln"] == "teks" and prov["tln"].startswith("rujukan:") and prov["judul"].startswith("rujukan:")


@pytest.mark.parametrize("words, first", [
    ("pengelolaan keuangan daerah", "pp-12-2019"),
    ("keuangan daerah", "pp-12-2019"),
    ("23/2014", "uu-23-2014"),
    ("UU 32 2004", "uu-32-2004"),
    ("Peraturan Pemerintah Nomor 18 Tahun 2016", "pp-18-2016"),
    ("PEMERINTAHAN DAÉRAH", "uu-23-2014"),
    ("pemerintahan   daerah", "uu-23-2014"),
    ("uu-11-2020", "uu-11-2020"),
    ("pengupah 2015", "pp-78-2015"),
    ("pengupahan", "pp-36-2021"),  # of equal matches, the newest first
    ("perangkat daerah pp", "pp-18-2016"),
])
def test_search_ranks_the_meant_regulation_first(words, first):
    hits = legaldraft.registry_search(words, 5)
    assert hits and hits[0]["key"] == first, [h["key"] for h in hits]


def test_search_result_carries_publication_and_status():
    hit = next(h for h in legaldraft.registry_search("uu 32 2004", 3) if h["key"] == "uu-32-2004")
    assert hit["lembaran"]["tahun"] == 2004 and str(hit["lembaran"]["nomor"]) == "125" and str(hit["tambahan"]) == "4437"
    assert hit["status"] == "dicabut oleh uu-23-2014" and hit["verified"]


def test_query_parsing():
    q = parse_query("Peraturan Pemerintah Nomor 12 Tahun 2019 tentang Pengelolaan")
    assert (q.jenis, q.nomor, q.tahun, q.words) == ("pp", "12", 2019, ("pengelolaan",))
    assert parse_query("perpres-96-2015").key == "perpres-96-2015"


def test_cli_search_and_show():
    runner = CliRunner()
    out = runner.invoke(main, ["registry", "search", "keuangan", "daerah", "-n", "3"])
    assert out.exit_code == 0 and "pp-12-2019" in out.output and "LN 2019/42, TLN 6322" in out.output
    out = runner.invoke(main, ["registry", "show", "pp-58-2005"])
    assert out.exit_code == 0
    assert "dicabut oleh pp-12-2019" in out.output and "ekstraksi, belum diverifikasi" in out.output
    out = runner.invoke(main, ["registry", "show", "uu-32-2004"])
    assert "uu-32-2004 -> uu-8-2005 -> uu-12-2008" in out.output and "diverifikasi tangan (P)" in out.output
    out = runner.invoke(main, ["registry", "show", "pp-12-2091"])
    assert out.exit_code != 0 and "maksud Anda 'pp-12-2019'?" in out.output
    out = runner.invoke(main, ["registry", "search", "zzzqqq"])
    assert out.exit_code == 0 and "tidak ada peraturan untuk 'zzzqqq'" in out.output


SPEC = """\
jenis: perbup
daerah: purwakarta
nomor: 5
tahun: 2024
tentang: Uji Registry
konsiderans:
  - bahwa untuk melaksanakan ketentuan Pasal 5 Peraturan Pemerintah Nomor 78 Tahun 2015 tentang Pengupahan, perlu menetapkan Peraturan Bupati tentang Uji Registry;
dasar_hukum:
  - uud-1945
  - {KEY}
batang_tubuh:
  - pasal: satu
    teks: Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
"""


def test_an_extracted_key_can_be_cited_and_an_unknown_one_gets_a_search_hint():
    from legaldraft.spec.errors import SpecError

    doc = legaldraft.loads(SPEC.replace("{KEY}", "pp-78-2015"))
    assert doc.dasar_hukum[1].ref == "pp-78-2015"
    with pytest.raises(SpecError) as exc:
        legaldraft.loads(SPEC.replace("{KEY}", "pp-78-2051"))
    assert "maksud Anda 'pp-78-2015'?" in str(exc.value.problems[0])
    with pytest.raises(SpecError) as exc:
        legaldraft.loads(SPEC.replace("{KEY}", "perpres-96-2015"))
    hint = str(exc.value.problems[0])
    assert "maksud Anda" not in hint and "registry search" in hint


def test_written_citation_is_compared_with_an_extracted_entry():
    wrong = ("teks: Peraturan Pemerintah Nomor 78 Tahun 2015 tentang Pengupahan (Lembaran Negara Republik "
             "Indonesia Tahun 2015 Nomor 273);")
    findings = legaldraft.check(legaldraft.loads(SPEC.replace("{KEY}", wrong)))
    dh9 = [f for f in findings if f.rule.id == "DH-009"]
    assert dh9 and "registry: Tahun 2015 Nomor 237" in dh9[0].message
    assert dh9[0].severity.value == "warning"  # extracted, not verified by hand: never an error


def test_version_does_not_load_the_registry():
    code = ("import sys, runpy; sys.argv=['legaldraft','--version']\n"
            "try:\n    runpy.run_module('legaldraft.cli', run_name='__main__')\nexcept SystemExit: pass\n"
            "import legaldraft.spec.registry as r; print(r.bulk.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip().endswith("0"), out.stdout + out.stderr


def test_a_title_cased_by_the_builder_is_not_compared_but_its_numbers_are():
    assert REG.raw("pp-78-2015")["prov"]["judul"] == "kapital"
    text = ("teks: Peraturan Pemerintah Nomor 78 Tahun 2015 tentang Upah (Lembaran Negara Republik Indonesia Tahun "
            "2015 Nomor 237);")
    findings = [f for f in legaldraft.check(legaldraft.loads(SPEC.replace("{KEY}", text))) if f.rule.id == "DH-009"]
    assert findings == []
    findings = [f for f in legaldraft.check(legaldraft.loads(SPEC.replace("{KEY}", text.replace("237", "273"))))
                if f.rule.id == "DH-009"]
    assert len(findings) == 1 and "Nomor 237" in findings[0].message


def test_search_with_a_daerah_profile_finds_its_own_entries(tmp_path, monkeypatch):
    profile = tmp_path / "profil" / "ujisearch.yaml"
    profile.parent.mkdir()
    out = CliRunner().invoke(main, ["new", "profil", str(profile)])
    assert out.exit_code == 0, out.output
    profile.write_text(profile.read_text(encoding="utf-8").replace("registry: {}", "") + """
registry:
  perda-7-2019:
    jenis: perda
    penerbit: Kabupaten Ujisearch
    nomor: "7"
    tahun: 2019
    tentang: Penyelenggaraan Pelayanan Publik Terpadu
    lembaran: {tahun: 2019, nomor: 7}
""", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    hits = legaldraft.registry_search("pelayanan publik terpadu", 3, daerah="ujisearch")
    assert hits[0]["key"] == "perda-7-2019" and hits[0]["verified"]
    assert all(h["key"] != "perda-7-2019" for h in legaldraft.registry_search("pelayanan publik terpadu", 3))


def test_show_of_a_hand_entry_lists_what_the_extraction_reads_differently():
    out = CliRunner().invoke(main, ["registry", "show", "uu-10-2004"])
    assert "ekstraksi    mencabut: uu-1-1950" in out.output and "entri tangan yang berlaku" in out.output
    assert REG.verified["uu-10-2004"].mencabut == []  # the hand entry stays as it is


def test_a_bracket_inside_a_cited_title_is_not_the_regulations_own():
    """'UU 14/1964 tentang Penetapan Perppu 3/1964 … (LN 1964 No. 8) menjadi Undang-Undang (LN 1964 No. 95, TLN 2688)':
    the citing texts' first bracket is the Perppu's; the builder takes the one after the title (rulesdate session)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
    import build_registry  # noqa: E402  (a script of the repository, imported for its reader)

    text = ("Undang-Undang Nomor 14 Tahun 1964 tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang Nomor 3 "
            "Tahun 1964 tentang Pembentukan Daerah Tingkat I Lampung (Lembaran Negara Tahun 1964 Nomor 8) menjadi "
            "Undang-Undang (Lembaran Negara Tahun 1964 Nomor 95, Tambahan Lembaran Negara Nomor 2688);")
    found = {key: pub for key, _, pub in build_registry.citations(text)}
    assert found["uu-14-1964"] == (1964, 95, 2688)
    assert REG["uu-14-1964"].lembaran.nomor in (95, "95")

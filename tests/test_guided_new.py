"""Issue 16 item 1: ``legaldraft new … --tanya`` asks, searches the registry, and writes a valid commented spec."""
import yaml

import legaldraft
from legaldraft.spec.guided import search_registry


def keys(words, **kw):
    return [k for k, _ in search_registry(words, **kw)]


def test_search_by_title_words_kind_number_and_year():
    assert keys("pelayanan publik")[0] == "uu-25-2009"
    assert keys("uu 23 2014")[0] == "uu-23-2014"
    assert keys("pemerintahan daerah")[:1] == ["uu-23-2014"]
    assert keys("perpres 95 2018") == ["perpres-95-2018"]
    assert keys("permensos")[0].startswith("permensos-")
    assert all(k.startswith("permendagri-") for k in keys("permendagri"))
    # every word must match: a Perpres that does not exist is not answered with another one
    assert keys("perpres 96 2015") == []
    assert keys("") == [] and len(keys("tahun", limit=3)) <= 3


def answers(*lines) -> str:
    return "\n".join(lines) + "\n"


def test_guided_perbup_writes_a_valid_commented_spec(cli, tmp_path):
    target = tmp_path / "drafts" / "slrt.yaml"
    result_input = answers(
        "perbup", "purwakarta", "Sistem Layanan Rujukan Terpadu.",
        "penanganan fakir miskin dan orang tidak mampu perlu dilaksanakan secara terpadu",
        "bahwa untuk itu diperlukan sistem layanan: rujukan terpadu;", "",
        "perpres 96 2015",           # not in the registry: said so, search again
        "kesejahteraan sosial", "1", "sosial", "1 2 99", "")
    from click.testing import CliRunner

    from legaldraft.cli import main

    result = CliRunner().invoke(main, ["new", str(target), "--tanya"], input=result_input)
    assert result.exit_code == 0, result.output
    assert "tidak ada di registry" in result.output and "'99' bukan nomor" in result.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Dibuat dengan 'legaldraft new perbup --tanya'")
    assert "# nama profil daerah" in text and "batang_tubuh:" in text
    data = yaml.safe_load(text)
    assert data["daerah"] == "purwakarta" and data["tentang"] == "Sistem Layanan Rujukan Terpadu"
    assert data["konsiderans"] == [
        "bahwa penanganan fakir miskin dan orang tidak mampu perlu dilaksanakan secara terpadu;",
        "bahwa untuk itu diperlukan sistem layanan: rujukan terpadu;"]
    refs = [d["ref"] if isinstance(d, dict) else d for d in data["dasar_hukum"]]
    assert refs[:2] == ["uud-1945", "uu-11-2009"] and "uu-23-2014" in refs
    ranks = [legaldraft.load(target)._context.registry[r].jenis.rank for r in refs]
    assert ranks == sorted(ranks), "dasar hukum in the order of the hierarchy"
    result = cli("check", target, "--severity", "error")
    assert result.exit_code == 0, result.output


def test_guided_keputusan_asks_jenis_and_retries_an_unknown_daerah(tmp_path):
    from click.testing import CliRunner

    from legaldraft.cli import main

    target = tmp_path / "tim.yaml"
    result = CliRunner().invoke(main, ["new", str(target), "--tanya"], input=answers(
        "keputusan", "atlantis", "lahat", "Tim Inovasi Daerah", "", "pembentukan tim inovasi daerah perlu ditetapkan",
        "", "inovasi", "1", ""))
    assert result.exit_code == 0, result.output
    assert "profil daerah 'atlantis' tidak ditemukan" in result.output
    doc = legaldraft.load(target)
    assert doc.jenis == "keputusan" and doc.daerah == "lahat" and doc.tentang == "Tim Inovasi Daerah"
    assert [d.ref for d in doc.dasar_hukum] == ["uu-23-2014", "pp-38-2017"]
    assert len(doc.konsiderans.poin) == 1


def test_new_usage_errors(cli, tmp_path):
    assert cli("new", tmp_path / "a.yaml").exit_code == 3                    # no JENIS without --tanya
    assert cli("new", "surat", tmp_path / "a.yaml").exit_code == 3
    assert cli("new", "profil", tmp_path / "p.yaml", "--tanya").exit_code == 3
    assert not (tmp_path / "a.yaml").exists() and not (tmp_path / "p.yaml").exists()

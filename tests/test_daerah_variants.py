"""Regional variants of the fixed formulae (issue 2): Aceh opens with 'DENGAN RAHMAT ALLAH YANG MAHA KUASA'
and dates penetapan and pengundangan in Masehi and Hijriah."""
import legaldraft
from legaldraft.spec.scaffold import scaffold

from conftest import docx_text


def _aceh_final() -> str:
    # a final document names who set and who promulgated it (FIN-002); the aceh-barat profile leaves both open
    return (scaffold("perbup", "aceh-barat")
            .replace("status: rancangan", "status: final").replace("nomor: null", "nomor: 7")
            .replace("tahun: null", "tahun: 2016", 1)
            .replace("penetapan:\n  tanggal: null", "penetapan:\n  nama: Teuku Contoh\n  tanggal: 2016-10-17")
            .replace("pengundangan:\n  tanggal: null", "pengundangan:\n  nama: Cut Contoh\n  tanggal: 2016-10-18")
            .replace("berita_daerah: {tahun: null, nomor: null}", "berita_daerah: {tahun: 2016, nomor: 7}"))


def test_aceh_opening_and_hijri_dates(tmp_path):
    spec = tmp_path / "qanun.yaml"
    spec.write_text(_aceh_final(), encoding="utf-8")
    doc = legaldraft.load(spec)
    assert [f.rule.id for f in legaldraft.check(doc) if f.severity.value == "error"] == []
    texts = docx_text(legaldraft.build(doc, tmp_path / "out")[0])
    assert "DENGAN RAHMAT ALLAH YANG MAHA KUASA" in texts
    assert "DENGAN RAHMAT TUHAN YANG MAHA ESA" not in texts
    i = texts.index("Ditetapkan di Meulaboh")
    assert texts[i + 1:i + 3] == ["pada tanggal 17 Oktober 2016 M", "16 Muharram 1438 H"]
    j = texts.index("Diundangkan di Meulaboh")
    assert texts[j + 1:j + 3] == ["pada tanggal 18 Oktober 2016 M", "17 Muharram 1438 H"]


def test_other_daerah_keep_one_calendar(write_spec):
    doc = legaldraft.load(write_spec(scaffold("perbup", "purwakarta")))
    from legaldraft.naskah import plain_text
    from legaldraft.render.pipeline import document_blocks
    from legaldraft.spec.loader import context_of

    text = plain_text(document_blocks(doc, context_of(doc)))
    assert "pada tanggal ...\n" in text and " H\n" not in text

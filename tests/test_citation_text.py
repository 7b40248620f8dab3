"""legaldraft.naskah.citation_reader reads back every citation legaldraft.naskah.citation writes."""
import datetime as dt

import pytest

from legaldraft.naskah.citation_reader import parse_citation, split_citations
from legaldraft.model.reference import DasarHukum, JenisPeraturan as J
from legaldraft.naskah.citation import cite
from legaldraft.spec.registry import national

REGISTRY = national()


@pytest.mark.parametrize("key", sorted(REGISTRY._entries))
def test_a_rendered_citation_reads_back_to_its_registry_entry(key):
    reg = REGISTRY[key]
    on = dt.date(2026, 1, 1)
    item = DasarHukum.model_validate({"ref": key, **({"pasal": "Pasal 18 ayat (6)"} if reg.jenis == J.uud else {})})
    c = parse_citation(cite(item, REGISTRY, on) + ";")
    assert (c.jenis, c.nomor, c.tahun) == (reg.jenis, reg.nomor, reg.tahun)
    if reg.jenis == J.uud:
        assert c.pasal == "Pasal 18 ayat (6)"
        return
    assert c.tentang == reg.tentang and not c.tahun_in_nomor
    if reg.lembaran is not None and not reg.publikasi_teks:
        assert c.lembaran == (reg.lembaran.tahun, str(reg.lembaran.nomor))
        assert c.tambahan == (str(reg.tambahan) if reg.tambahan else None)
    chain = REGISTRY.chain(key, on)
    assert c.amended == bool(chain)
    if chain:
        last = REGISTRY[chain[-1]]
        assert (c.amendment.jenis, c.amendment.nomor, c.amendment.tahun) == (last.jenis, last.nomor, last.tahun)
        assert ("beberapa kali" in c.wording) == (len(chain) > 1)


# perbup-tulungagung-2022-33.txt, Mengingat 2: 'diubah beberapa kali, terakhir dengan' and the last amendment only
UU_23_2014_TULUNGAGUNG = ("Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintah Daerah (Lembaran Negara Republik Indonesia "
                          "Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587) sebagaimana telah "
                          "diubah beberapa kali, terakhir dengan Undang-Undang Nomor 9 Tahun 2015 (Lembaran Negara Republik "
                          "Indonesia Tahun 2015 Nomor 58, Tambahan Lembaran Negara Republik Indonesia Nomor 5679);")


def test_each_amending_regulation_of_a_chain_is_read():
    one = parse_citation(UU_23_2014_TULUNGAGUNG)
    assert [(c.jenis, c.nomor, c.tahun, c.lembaran) for c in one.amendments] == [(J.uu, "9", 2015, (2015, "58"))]
    # 'diubah dengan A dan B' (A and B each a citation; ``amendment`` keeps reading them as one text)
    two = parse_citation("Peraturan Bupati Sleman Nomor 11 Tahun 2019 tentang Pasar (Berita Daerah Kabupaten Sleman Tahun "
                         "2019 Nomor 11) sebagaimana telah diubah dengan Peraturan Bupati Sleman Nomor 3 Tahun 2020 tentang "
                         "Perubahan atas Peraturan Bupati Sleman Nomor 11 Tahun 2019 tentang Pasar dan Peraturan Bupati "
                         "Sleman Nomor 8 Tahun 2021 tentang Perubahan Kedua atas Peraturan Bupati Sleman Nomor 11 Tahun "
                         "2019 tentang Pasar (Berita Daerah Kabupaten Sleman Tahun 2021 Nomor 8 Seri E)")
    assert [(c.nomor, c.tahun) for c in two.amendments] == [("3", 2020), ("8", 2021)]
    assert (two.amendments[1].series, two.amendments[1].lembaran, two.amendments[1].seri) == \
        ("Berita Daerah", (2021, "8"), "E")
    assert parse_citation("Undang-Undang Nomor 6 Tahun 2014 tentang Desa;").amendments == []


def test_a_run_of_citations_is_split_where_one_ends():
    assert split_citations("Peraturan Bupati A Nomor 1 Tahun 2020 tentang X; Peraturan Bupati A Nomor 2 Tahun 2020 "
                           "tentang Y; dan Peraturan Bupati A Nomor 3 Tahun 2021 tentang Z dan W") == [
        "Peraturan Bupati A Nomor 1 Tahun 2020 tentang X", "Peraturan Bupati A Nomor 2 Tahun 2020 tentang Y",
        "Peraturan Bupati A Nomor 3 Tahun 2021 tentang Z dan W"]



def test_a_jenis_named_inside_a_title_does_not_start_a_citation():
    """'dan Peraturan Bupati' inside a title is no second citation (no Nomor follows it); 'dan' before a
    regulation with its Nomor is."""
    title = ("Peraturan Bupati Bangli Nomor 3 Tahun 2010 tentang Tata Cara Penyusunan Peraturan Daerah dan Peraturan "
             "Bupati (Berita Daerah Kabupaten Bangli Tahun 2010 Nomor 3)")
    assert split_citations(title) == [title]
    assert split_citations("Peraturan Walikota Nomor 24 Tahun 2010 dan Peraturan Walikota Surabaya Nomor 30 Tahun "
                           "2012") == ["Peraturan Walikota Nomor 24 Tahun 2010", "Peraturan Walikota Surabaya Nomor 30 Tahun 2012"]


def test_the_older_title_of_a_mayors_peraturan_is_read():
    # the title before UU 22/1999 (corpus/wider/perwali-malang-2011-6.txt names its 'Keputusan Walikotamadya')
    cited = parse_citation("Peraturan Walikotamadya Kepala Daerah Tingkat II Malang Nomor 5 Tahun 1995 tentang Parkir")
    assert (cited.jenis, cited.penerbit, cited.nomor, cited.tahun) == (J.perbup, "Kepala Daerah Tingkat II Malang", "5", 1995)


def test_nomor_and_tahun_are_read_in_any_case():
    # corpus/wider/perubahan-pergub-lampung-2018-73.txt, Mengingat 4, as the copy writes it
    cited = parse_citation("Undang-Undang nomor 40 tahun 2004 tentang system Jaminann So sial Nasional;")
    assert (cited.jenis, cited.nomor, cited.tahun, cited.tentang) == (J.uu, "40", 2004, "system Jaminann So sial Nasional")
    assert parse_citation("Peraturan Bupati Bangli NOMOR 47 TAHUN 2011").tahun == 2011
    # perbup-banyuwangi-2012-19.txt, Mengingat: 'nomor' in lower case inside the Lembaran Negara bracket (the copy's
    # 'Undang - Undang' written as the importer reads it)
    uu = parse_citation("Undang-Undang Nomor 32 Tahun 2004 tentang Pemerintahan Daerah (Lembaran Negara Republik "
                        "Indonesia Tahun 2004 nomor 125, Tambahan Lembaran Negara Republik Indonesia Nomor 4437)")
    assert (uu.series, uu.lembaran, uu.tambahan) == ("Lembaran Negara", (2004, "125"), "4437")

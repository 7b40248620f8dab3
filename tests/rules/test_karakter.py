"""Issue 17: invisible text. BHS-011 reports bidi controls and zero-width characters (error, with a --fix that
removes them); LAM-006 reports raw HTML inside lampiran Markdown, which the writers do not print."""
import pytest
from click.testing import CliRunner

import legaldraft
from legaldraft.cli import main
from legaldraft.rules.karakter import hidden_characters, raw_html, without_hidden

SPEC = """\
jenis: perbup
daerah: contoh
tentang: Pengelolaan Arsip Daerah
konsiderans:
  - bahwa arsip daerah perlu dikelola secara tertib;
dasar_hukum:
  - uu-23-2014
batang_tubuh:
  - pasal: arsip
    teks: "{text}"
  - pasal: lampiran
    teks: Pedoman sebagaimana tercantum dalam Lampiran merupakan bagian tidak terpisahkan dari Peraturan Bupati ini.
  - pasal: mulai-berlaku
    formula: mulai_berlaku
lampiran:
  - id: pedoman
    judul: Pedoman Pengelolaan Arsip
    isi:
      - markdown: "{markdown}"
"""


def write(tmp_path, text="Arsip dikelola oleh Dinas.", markdown="Arsip disimpan **paling lama** 10 tahun."):
    path = tmp_path / "arsip.yaml"
    path.write_text(SPEC.format(text=text, markdown=markdown), encoding="utf-8")
    return path


def findings(path, rule_id):
    return [f for f in legaldraft.check(legaldraft.load(path)) if f.rule.id == rule_id]


@pytest.mark.parametrize("char", ["\u202e", "\u202a", "\u2066", "\u2069", "\u200b", "\u200d", "\u2060", "\ufeff"])
def test_bidi_and_zero_width_characters_are_errors_with_a_fix(tmp_path, char):
    path = write(tmp_path, text=f"Denda paling banyak Rp{char}50.000 dibayar ke Kas Daerah.")
    (finding,) = findings(path, "BHS-011")
    assert finding.severity.value == "error"
    assert f"U+{ord(char):04X}" in finding.message
    assert finding.position.line == 10
    assert finding.fix.replacement == "Denda paling banyak Rp50.000 dibayar ke Kas Daerah."


def test_check_fix_removes_them_and_the_spec_is_clean_afterwards(tmp_path):
    path = write(tmp_path, text="Denda Rp\u202e000.05\u202c dan Ar\u200bsip.")
    result = CliRunner().invoke(main, ["check", str(path), "--rule", "BHS-011"])
    assert result.exit_code == 1 and "galat BHS-011" in result.output
    result = CliRunner().invoke(main, ["check", str(path), "--rule", "BHS-011", "--fix"])
    assert result.exit_code == 0, result.output
    assert "Denda Rp000.05 dan Arsip." in path.read_text(encoding="utf-8")
    assert findings(path, "BHS-011") == []


def test_hidden_characters_in_the_title_are_found_too(tmp_path):
    path = write(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("Pengelolaan Arsip Daerah", "Pengelolaan\u200b Arsip Daerah"), encoding="utf-8")
    (finding,) = findings(path, "BHS-011")
    assert finding.loc == ("tentang",)


def test_joiners_inside_a_joining_script_are_spelling_not_hidden_text():
    assert hidden_characters("\u0644\u200c\u0627") == []              # ZWNJ between two Arabic letters
    assert hidden_characters("Ar\u200csip") == [2]                     # the same between Latin letters
    assert without_hidden("a\u202eb\u200bc") == "abc"


def test_a_clean_document_has_no_finding(tmp_path):
    assert findings(write(tmp_path), "BHS-011") == []
    assert findings(write(tmp_path), "LAM-006") == []


def test_raw_html_in_markdown_is_reported_not_dropped_silently(tmp_path):
    path = write(tmp_path, markdown="Biaya <b>paling banyak</b> Rp1.000 <!-- catatan -->")
    (finding,) = findings(path, "LAM-006")
    assert finding.severity.value == "warning" and "<b>" in finding.message
    assert raw_html("Tulis `<b>` dalam kode.") == []                    # a code span is text, not HTML
    assert raw_html("<div>\nteks\n</div>\n") == ["<div>\nteks\n</div>"]

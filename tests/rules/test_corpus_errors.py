"""Every error finding on the corpus is reviewed, one by one (issues 12 and 13: "zero false error findings on issued
documents: each error finding on a corpus document is reviewed: a true defect of the source is pinned by a test with
the reason, a false one is fixed").

tests/rules/corpus_errors.yaml pins each error finding by its rule and a stable key (its quoted text), with the source
text that shows the defect and the reason (section ``pinned``); false alarms not fixed yet are listed with their owner
(section ``KNOWN_FALSE``) and printed. A finding that is neither pinned nor listed fails (a new false alarm, or a new
true one to pin); a pin or a KNOWN_FALSE entry that no longer matches fails (stale: the finding is gone). Held-out
documents (manifest ``ukur_saja``) are compared and printed, not asserted. Tools: python tools/pin_corpus_errors.py.
"""
from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import pin_corpus_errors as pins  # noqa: E402


@pytest.fixture(scope="module")
def found():
    return pins.current()


@pytest.fixture(scope="module")
def pinned():
    return pins.pinned()


def test_every_error_on_the_corpus_is_pinned_or_known_false(found, pinned):
    entries = pins.manifest()
    comparison = pins.compare(found, pinned)
    report = pins.report(comparison, entries)
    print("\n" + report)
    if comparison.known_false:      # shown in pytest's warnings summary on every run, not only with -s
        warnings.warn(pins.KnownFalse(pins.report(comparison, entries, held=False)))
    asserted = {doc for doc in found if not pins.held_out(doc, entries)}
    problems = comparison.problems(asserted)
    assert not problems, "\n".join(problems)


def test_every_pin_is_a_review(pinned):
    """Each row names its rule and key, quotes the source verbatim and gives a reason; 'salinan' only on OCR copies."""
    assert pins.bad_rows(pinned) == []
    assert set(pinned) <= set(pins.SECTIONS)


def test_the_pins_cover_the_corpus(found, pinned):
    """Every corpus document is looked at (none skipped), and the data file names no document the corpus lacks."""
    corpus = {p.relative_to(pins.CORPUS).as_posix() for p in pins.CORPUS.rglob("*.txt")}
    assert set(found) == corpus and len(corpus) >= 50
    named = {doc for section in pins.SECTIONS for doc in (pinned.get(section) or {})}
    assert named <= corpus, sorted(named - corpus)


# -- the mechanism itself: a pin fails when its finding disappears, a new finding fails when it is not pinned ---------
def _found(doc, rule, message, snippet=""):
    return pins.Found(doc, rule, message, snippet)


PIN = {"pinned": {"a.txt": [{"aturan": "DH-014", "kutipan": "Lembaran Negara Tahun 1974 Nomor 55", "asal": "sumber",
                            "bukti": "x", "alasan": "y"}]},
       "KNOWN_FALSE": {"a.txt": [{"aturan": "DH-008", "kutipan": "Undang-Undang Nomor 7 Tahun 2002",
                                  "pemilik": "rulesdate", "sebab": "aturan", "alasan": "z"}]}}


def test_a_pin_matches_its_finding_and_a_known_false_one_is_reported():
    got = pins.compare({"a.txt": [_found("a.txt", "DH-014", "bukan bentuk baku", "Lembaran Negara Tahun 1974 Nomor 55"),
                                  _found("a.txt", "DH-008", "Undang-Undang Nomor 7 Tahun 2002 tanpa data pengundangan")]},
                       PIN)
    assert got.problems() == [] and len(got.true) == 1 and len(got.known_false) == 1
    assert "KNOWN_FALSE a.txt: DH-008" in pins.report(got, {"a.txt": {}})


def test_a_new_finding_under_a_pinned_rule_fails():
    got = pins.compare({"a.txt": [_found("a.txt", "DH-014", "bukan bentuk baku", "Lembaran Negara Tahun 1974 Nomor 55"),
                                  _found("a.txt", "DH-014", "bukan bentuk baku", "Lembaran Negara Tahun 2004 Nomor 125"),
                                  _found("a.txt", "DH-008", "Undang-Undang Nomor 7 Tahun 2002 tanpa data")]}, PIN)
    (problem,) = got.problems()
    assert "Tahun 2004 Nomor 125" in problem and "tidak tersemat" in problem and "KNOWN_FALSE" in problem


def test_a_pin_whose_finding_is_gone_fails_and_so_does_a_fixed_known_false():
    got = pins.compare({"a.txt": []}, PIN)
    problems = got.problems()
    assert len(problems) == 2
    assert "tidak dilaporkan lagi" in problems[0] and "hapus sematannya" in problems[0]
    assert "sudah diperbaiki" in problems[1] and "hapus entrinya dari KNOWN_FALSE" in problems[1]


def test_a_count_that_changes_fails():
    pin = {"pinned": {"a.txt": [dict(PIN["pinned"]["a.txt"][0], kali=2)]}}
    got = pins.compare({"a.txt": [_found("a.txt", "DH-014", "m", "Lembaran Negara Tahun 1974 Nomor 55")]}, pin)
    assert len(got.problems()) == 1 and "kali=2" in got.problems()[0]


def test_a_draft_row_is_not_a_review():
    got = pins.compare({"perbup-tulungagung-2022-33.txt": [_found("perbup-tulungagung-2022-33.txt", "PNT-006",
                                                                   "jabatan tanpa nama daerah", "SEKRETARIS DAERAH")]}, {})
    draft = __import__("yaml").safe_load(pins.draft(got))
    (row,) = draft["pinned"]["perbup-tulungagung-2022-33.txt"]
    assert row["kutipan"] == "SEKRETARIS DAERAH" and row["bukti"] == "SEKRETARIS DAERAH" and row["alasan"] == "TODO"
    bad = pins.bad_rows(draft)
    assert any("isi alasan, asal" in b for b in bad) and any("temuan" in b for b in bad)


def test_a_held_out_document_is_reported_not_asserted():
    got = pins.compare({"h.txt": [_found("h.txt", "KON-002", "pokok pikiran tidak diawali kata 'bahwa'", "x")]}, {})
    assert got.problems({"a.txt"}) == []
    assert "ukur_saja" in pins.report(got, {"h.txt": {"ukur_saja": True}})


def test_a_copy_defect_on_a_clean_copy_needs_the_curators_note():
    doc = "heldout/kepgub-sulteng-2022-561-443.txt"          # mutu: bersih, a database page that ends points with '.'
    row = {"aturan": "KON-002", "kutipan": "x", "asal": "salinan", "alasan": "y",
           "bukti": "dalam hal hasil perhitungan lebih tinggi dari upah minimum provinsi."}
    assert any("catatan" in b for b in pins.bad_rows({"pinned": {doc: [row]}}))
    row["catatan"] = "every point ends with '.' instead of ';'"
    assert pins.bad_rows({"pinned": {doc: [row]}}) == []
    row["catatan"] = "a note nobody wrote"
    assert any("catatan" in b for b in pins.bad_rows({"pinned": {doc: [row]}}))

"""The real-defect set (tests/defects/NNN-slug): every right text is free of error findings, and every pair
is exactly in the state KNOWN_MISSES.yaml says: caught by its rule at the severity the law implies, caught
at another severity (listed under 'severity:'), or not caught yet (listed under 'missed:', with the rule
that would catch it). A pair that improves or regresses fails until the list is updated."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import defect_harness as harness  # noqa: E402

PAIRS = harness.pairs()
KNOWN = harness.known()


def test_the_set_is_large_and_every_listed_pair_exists():
    assert len(PAIRS) >= 100
    names = {p.name for p in PAIRS}
    assert set(KNOWN["missed"]) <= names, set(KNOWN["missed"]) - names
    assert set(KNOWN["severity"]) <= names, set(KNOWN["severity"]) - names
    assert not set(KNOWN["missed"]) & set(KNOWN["severity"])
    for pair in PAIRS:
        assert pair.severity in ("error", "warning", "info") and pair.source and pair.reason, pair.name


@pytest.mark.parametrize("pair", PAIRS, ids=[p.name for p in PAIRS])
def test_pair(pair):
    outcome = harness.run(pair)
    assert outcome.false_errors == [], f"{pair.name}: error findings on the right text"
    assert not outcome.problem, outcome.problem
    state = harness.status(outcome)
    if pair.name in KNOWN["missed"]:
        assert state == "missed", f"{pair.name} is now {state}: remove it from KNOWN_MISSES.yaml 'missed'"
        assert KNOWN["missed"][pair.name].get("rule") == pair.rule, pair.name
    elif pair.name in KNOWN["severity"]:
        want = "severity:" + KNOWN["severity"][pair.name]["actual"]
        assert state == want, f"{pair.name} is now {state}, KNOWN_MISSES.yaml says {want}"
    else:
        assert state == "caught", f"{pair.name}: {pair.rule} ({pair.severity}) not reported: {state}"


def test_undang_undang_in_a_mengingat_item_is_one_finding():
    """'Undang-undang' in a Mengingat item is one defect and gets one finding: DH-007's error (butir 46, in the Dasar
    Hukum part of Lampiran II), not BHS-009's too (butir 243 huruf g reads 'dalam rumusan norma'). Pair 049 is the
    set's case; no pair's Mengingat gets a BHS-009 finding."""
    named = {}
    for pair in PAIRS:
        found = harness._findings(pair.path / "wrong.yaml")
        assert not [f for f in found if f.rule.id == "BHS-009" and f.loc and f.loc[0] == "dasar_hukum"], pair.name
        named[pair.name] = [(f.rule.id, f.severity.value) for f in found if "Undang-undang" in f.message]
    assert named["049-gh-undang-undang-tahun-kecil"] == [("DH-007", "error")]

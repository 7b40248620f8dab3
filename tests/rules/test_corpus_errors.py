"""Every error finding on the corpus is pinned per document and rule with its reason (issue 13 item 2).

tests/rules/corpus_errors.yaml lists, for each corpus document, the rules that report errors on it, how many, and why
each is a true defect: of the issued document ('sumber') or of the stored copy ('salinan': OCR or extraction, noted in
corpus/manifest.yaml). A new error, a lost one or a changed count fails here; a false error is fixed in the rule,
never pinned. Refresh after a reviewed change: python tools/pin_corpus_errors.py --write.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import pin_corpus_errors as pins  # noqa: E402


def test_every_error_on_the_corpus_is_pinned_with_its_reason():
    pinned = pins.pinned()
    assert pins.differences(pins.current(), pinned) == []
    manifest = yaml.safe_load((ROOT / "corpus" / "manifest.yaml").read_text(encoding="utf-8"))
    entries = manifest.get("dokumen", manifest)
    for doc, rules in pinned.items():
        for rule, row in rules.items():
            assert row["asal"] in ("sumber", "salinan") and row["why"] not in ("", "TODO"), (doc, rule)
            if row["asal"] == "salinan":  # a copy's defect only where the manifest says the copy is OCR
                assert entries[doc]["mutu"] == "ocr", (doc, rule)

"""Every error finding of ``legaldraft check`` on the corpus, pinned per document and rule (issue 13 item 2).

    python tools/pin_corpus_errors.py            # compare: print what differs from tests/rules/corpus_errors.yaml
    python tools/pin_corpus_errors.py --write    # rewrite the counts, keeping every reason; new rows say TODO

An error on an issued document is either a true defect of its text ('sumber': the issued document as the copy shows
it; 'salinan': the stored copy, OCR or extraction, not the issued document), pinned here with the reason, or a false
error to fix in the rule. tests/rules/test_corpus_errors.py fails on any difference and on a TODO reason.
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
PINNED = ROOT / "tests" / "rules" / "corpus_errors.yaml"
HEADER = """\
# Every error finding of `legaldraft check` on the corpus (corpus/**/*.txt), per document and rule: n = how many,
# asal = sumber (a true defect of the issued document as the copy shows it) or salinan (a defect of the stored copy:
# OCR or extraction, noted in corpus/manifest.yaml), why = what the text says and the provision it breaks.
# A false error is fixed in the rule, never pinned. Refresh the counts: python tools/pin_corpus_errors.py --write
"""


def current() -> Counter:
    sys.path.insert(0, str(ROOT))
    from legaldraft.api import check
    from legaldraft.importer import import_file
    from legaldraft.importer.finish import load_spec

    found: Counter = Counter()
    for path in sorted(CORPUS.rglob("*.txt")):
        name = path.relative_to(CORPUS).as_posix()
        for f in check(load_spec(import_file(path))):
            if f.severity.value == "error":
                found[(name, f.rule.id)] += 1
    return found


def pinned() -> dict:
    return yaml.safe_load(PINNED.read_text(encoding="utf-8")) or {} if PINNED.exists() else {}


def differences(found: Counter, pins: dict) -> list[str]:
    out = []
    flat = {(doc, rule): row for doc, rules in pins.items() for rule, row in (rules or {}).items()}
    for key in sorted(set(found) | set(flat)):
        want = flat.get(key, {}).get("n", 0)
        if found.get(key, 0) != want:
            out.append(f"{key[0]} {key[1]}: {found.get(key, 0)} galat, tersemat {want}")
    return out


def write(found: Counter, pins: dict) -> None:
    out: dict = {}
    for (doc, rule), n in sorted(found.items()):
        old = (pins.get(doc) or {}).get(rule) or {}
        out.setdefault(doc, {})[rule] = {"n": n, "asal": old.get("asal", "TODO"), "why": old.get("why", "TODO")}
    PINNED.write_text(HEADER + yaml.safe_dump(out, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8")


if __name__ == "__main__":
    found, pins = current(), pinned()
    if "--write" in sys.argv:
        write(found, pins)
        print(f"ditulis: {PINNED}")
    else:
        print("\n".join(differences(found, pins)) or "sama")

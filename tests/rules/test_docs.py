"""Issue 3: docs/rules.md is generated from the registry and up to date; every rule has a test that triggers it."""
import re

from legaldraft.rules import docs
from legaldraft.rules.engine import load_rules

from conftest import ROOT


def test_rules_md_is_up_to_date():
    written = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert written == docs.current(), "docs/rules.md is stale: run python -m legaldraft.rules.docs"


def test_rules_md_lists_every_rule_with_explanation_and_examples():
    text = docs.current()
    for r in load_rules().values():
        assert f"| [{r.id}](#{r.id.lower()}) | {r.severity.value} |" in text
        section = text.split(f"### {r.id}\n", 1)[1].split("\n### ", 1)[0]
        assert " ".join(r.explanation.split()) in section
        if r.wrong:
            assert "Salah" in section


def test_every_rule_has_a_triggering_test_case():
    sources = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in (ROOT / "tests").rglob("*")
                        if p.suffix in (".py", ".yaml") and p.is_file() and "fixtures" not in p.parts)
    mentioned = set(re.findall(r"\b[A-Z]{2,3}-\d{3}\b", sources))
    missing = sorted(set(load_rules()) - mentioned)
    assert missing == [], f"rules without a test case in tests/: {missing}"

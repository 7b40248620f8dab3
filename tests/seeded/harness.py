"""The seeded-defect suite: correct specs with exactly one injected fault, each paired with the rule that
must catch it. Shared by tests/seeded/test_seeded.py and bench/seeded_defects.py."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DEFECTS = HERE / "defects.yaml"
SPECS = HERE / "specs"


@dataclass
class Defect:
    rule: str
    base: str
    find: str | None = None
    pattern: str | None = None
    replace: str = ""

    @property
    def label(self) -> str:
        what = self.find if self.find is not None else self.pattern
        return f"{self.rule} @ {self.base}: {what[:50]!r}"


@dataclass
class Outcome:
    defect: Defect
    caught: bool
    found: list[str] = field(default_factory=list)
    problem: str = ""


def load_defects() -> list[Defect]:
    return [Defect(**item) for item in yaml.safe_load(DEFECTS.read_text(encoding="utf-8"))]


@lru_cache(maxsize=None)
def base_text(name: str) -> str:
    return (SPECS / f"{name}.yaml").read_text(encoding="utf-8")


def inject(defect: Defect) -> str:
    """The base spec with the one fault; the place must be unambiguous."""
    text = base_text(defect.base)
    if defect.find is not None:
        count = text.count(defect.find)
        if count != 1:
            raise ValueError(f"'find' occurs {count} times in {defect.base}")
        return text.replace(defect.find, defect.replace)
    mutated, count = re.subn(defect.pattern, defect.replace, text, count=1, flags=re.S)
    if count != 1:
        raise ValueError(f"'pattern' does not match {defect.base}")
    return mutated


def rule_counts(text: str) -> Counter:
    import legaldraft

    return Counter(f.rule.id for f in legaldraft.check(legaldraft.loads(text)))


@lru_cache(maxsize=None)
def base_counts(name: str) -> Counter:
    return rule_counts(base_text(name))


def run(defect: Defect) -> Outcome:
    """Caught when the paired rule reports more findings on the faulty spec than on its correct base."""
    from legaldraft.spec.errors import SpecError

    try:
        counts = rule_counts(inject(defect))
    except SpecError as exc:
        return Outcome(defect, False, problem=f"spec tidak sah: {exc.problems[0].message}")
    except ValueError as exc:
        return Outcome(defect, False, problem=str(exc))
    caught = counts[defect.rule] > base_counts(defect.base)[defect.rule]
    return Outcome(defect, caught, sorted(r for r in counts if counts[r] > base_counts(defect.base)[r]))


def registered(defects: list[Defect]) -> tuple[list[Defect], list[Defect]]:
    """(defects whose rule exists, defects waiting for a rule not registered yet)."""
    from legaldraft.rules.engine import load_rules

    rules = load_rules()
    return [d for d in defects if d.rule in rules], [d for d in defects if d.rule not in rules]


def run_all() -> tuple[list[Outcome], list[Defect]]:
    active, pending = registered(load_defects())
    return [run(d) for d in active], pending


def summary(outcomes: list[Outcome]) -> str:
    caught = sum(o.caught for o in outcomes)
    rate = caught / len(outcomes) if outcomes else 0.0
    return f"seeded defects: {caught}/{len(outcomes)} caught by the paired rule ({rate:.1%})"

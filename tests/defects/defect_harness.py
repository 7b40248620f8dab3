"""The project's real-defect set: wrong/right pairs taken from real documents (tests/defects/NNN-slug/).

Each pair directory holds ``wrong.yaml`` (the defective passage as the source writes it), ``right.yaml`` (the
same spec corrected) and ``meta.yaml`` (source, family, the rule that must catch the defect, the severity the
law implies, and the reason). ``KNOWN_MISSES.yaml`` lists, explicitly, the pairs the current rules do not
catch (with the rule that would) and those caught at another severity than the law implies.
Shared by tests/defects/test_defects.py and bench/defects.py.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
KNOWN_MISSES = HERE / "KNOWN_MISSES.yaml"


@dataclass(frozen=True)
class Pair:
    name: str          # 'NNN-slug'
    path: Path
    rule: str
    severity: str
    family: str
    source: str
    reason: str


@dataclass
class Outcome:
    pair: Pair
    caught: bool = False            # the rule reports more findings on the wrong text than on the right one
    caught_at_severity: bool = False  # … at the severity the law implies
    severities: list[str] = field(default_factory=list)  # severities of the extra findings of the rule
    false_errors: list[str] = field(default_factory=list)  # error findings on the right text
    problem: str = ""               # the wrong text could not be loaded


def pairs() -> list[Pair]:
    out = []
    for d in sorted(p for p in HERE.iterdir() if p.is_dir() and p.name[:3].isdigit()):
        meta = yaml.safe_load((d / "meta.yaml").read_text(encoding="utf-8"))
        out.append(Pair(d.name, d, meta["rule"], meta["severity"], meta["family"], meta["source"], meta["reason"]))
    return out


def known() -> dict:
    data = yaml.safe_load(KNOWN_MISSES.read_text(encoding="utf-8")) or {}
    return {"missed": data.get("missed") or {}, "severity": data.get("severity") or {}}


def _findings(path: Path):
    import legaldraft

    return legaldraft.check(legaldraft.load(path))


@lru_cache(maxsize=None)
def run(pair: Pair) -> Outcome:
    from legaldraft.spec.errors import SpecError

    outcome = Outcome(pair)
    right = _findings(pair.path / "right.yaml")
    outcome.false_errors = [f"{f.rule.id}: {f.message}" for f in right if f.severity.value == "error"]
    try:
        wrong = _findings(pair.path / "wrong.yaml")
    except SpecError as exc:
        outcome.problem = "; ".join(str(p) for p in exc.problems)[:200]
        return outcome
    w = Counter(f.severity.value for f in wrong if f.rule.id == pair.rule)
    r = Counter(f.severity.value for f in right if f.rule.id == pair.rule)
    extra = w - r
    outcome.severities = sorted(extra.elements())
    outcome.caught = sum(w.values()) > sum(r.values())
    outcome.caught_at_severity = extra[pair.severity] > 0
    return outcome


def run_all() -> list[Outcome]:
    return [run(p) for p in pairs()]


def status(outcome: Outcome) -> str:
    """'caught' (at the expected severity), 'severity:<actual>' or 'missed'."""
    if outcome.caught_at_severity:
        return "caught"
    if outcome.caught:
        return "severity:" + ",".join(sorted(set(outcome.severities)))
    return "missed"

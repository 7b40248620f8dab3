"""The rule engine: rules with stable ids, severities, cited sources, explanations and fixes.

A rule is a function decorated with :func:`rule`; it receives a :class:`CheckContext` and yields
findings through ``ctx.report(...)``. Rules live one module per document part (judul, konsiderans, …)
and register themselves in :data:`REGISTRY` when :func:`load_rules` imports them.
"""
from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from dataclasses import dataclass, field
from enum import Enum
from typing import Callable, Iterable, Iterator, Optional

from ..model import Node
from ..naskah.jenis import assembler_for, same_form
from ..naskah.names import kata_daerah
from ..naskah.numbering import Numbering
from ..spec.errors import Position, file_of


#: UU 13/2022 (the second amendment of UU 12/2011 and of its Lampiran II) was promulgated and came into force on this day
UU_13_2022 = dt.date(2022, 6, 16)


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    @property
    def label(self) -> str:
        return {"error": "galat", "warning": "peringatan", "info": "info"}[self.value]


@dataclass(frozen=True)
class Fix:
    """A mechanical fix: set the text at ``loc`` (a path in the spec) to ``replacement``."""

    loc: tuple
    replacement: object
    description: str


@dataclass
class Rule:
    id: str
    severity: Severity
    title: str
    source: str
    explanation: str
    wrong: str = ""
    right: str = ""
    verification: str = "P"
    applies_to: tuple[str, ...] = ("perbup", "pedoman", "keputusan")
    func: Optional[Callable] = field(default=None, repr=False)
    title_en: str = ""
    since: Optional[dt.date] = None   # the provision came into force then (UU 13/2022: 16 June 2022)

    @property
    def part(self) -> str:
        return self.func.__module__.rsplit(".", 1)[-1] if self.func else ""


@dataclass
class Finding:
    rule: Rule
    severity: Severity
    message: str
    loc: tuple = ()
    snippet: str = ""
    hint: str = ""
    fix: Optional[Fix] = None
    file: Optional[str] = None
    position: Optional[Position] = None

    def __post_init__(self):
        self.file = file_of(self.position, self.file)

    def location(self) -> str:
        where = self.file or "<spec>"
        if self.position:
            where += f":{self.position}"
        return where

    def to_dict(self) -> dict:
        return {
            "rule": self.rule.id,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
            "file": self.file,
            "line": self.position.line if self.position else None,
            "column": self.position.column if self.position else None,
            "path": ".".join(str(p) for p in self.loc),
            "snippet": self.snippet,
            "source": self.rule.source,
            "fixable": self.fix is not None,
        }


REGISTRY: dict[str, Rule] = {}


def rule(id: str, severity: str, title: str, source: str, explanation: str, wrong: str = "", right: str = "",
         verification: str = "P", applies_to: Iterable[str] = ("perbup", "pedoman", "keputusan"), title_en: str = "",
         since: dt.date | None = None):
    """Register a rule function ``f(ctx)``. ``since``: the day the provision came into force; a document set before
    it is not held to it (its findings become info)."""

    def decorate(func):
        if id in REGISTRY:
            raise ValueError(f"duplicate rule id {id}")
        REGISTRY[id] = Rule(id, Severity(severity), title, source, explanation, wrong, right, verification,
                            same_form(applies_to), func, title_en, since)
        func.rule_id = id
        return func

    return decorate


_LOADED = False


def load_rules() -> dict[str, Rule]:
    global _LOADED
    if not _LOADED:
        from .. import rules as package  # lazy: start-up time

        for info in pkgutil.iter_modules(package.__path__):
            if info.name not in ("engine", "config", "output", "fix", "text"):
                importlib.import_module(f"{package.__name__}.{info.name}")
        _LOADED = True
    return REGISTRY


class CheckContext:
    """What a rule sees: the document, its profile, registry, numbering, assembled blocks, and ``report``."""

    def __init__(self, doc, spec_context, severities: dict[str, str] | None = None, numbering: Numbering | None = None):
        Assembler = assembler_for(doc)
        self.doc = doc
        self.spec = spec_context
        self.profile = spec_context.profile
        self.registry = spec_context.registry
        self.numbering = numbering or Numbering(doc)
        self.assembler = Assembler(doc, self.profile, self.registry, self.numbering)
        self._blocks = None
        self.findings: list[Finding] = []
        self.current: Optional[Rule] = None
        self.severities = severities or {}
        self.suppressions = [(a.aturan, a.di) for a in getattr(doc, "abaikan", [])]

    @property
    def blocks(self):
        if self._blocks is None:
            self._blocks = self.assembler.run()
        return self._blocks

    @property
    def jenis(self) -> str:
        return self.doc.jenis

    @property
    def is_keputusan(self) -> bool:
        return self.doc.jenis == "keputusan"

    def expand(self, text: str, where: Node | None) -> str:
        return self.numbering.expand(text, where)

    def report(self, message: str, node: Node | None = None, field: str | None = None, snippet: str = "",
               hint: str = "", fix: Fix | None = None, severity: str | None = None) -> None:
        rule = self.current
        loc = (node.loc if node is not None else ()) + ((field,) if field else ())
        if self._suppressed(rule.id, node):
            return
        sev = Severity(severity) if severity else rule.severity
        if rule.since is not None and self.set_before(rule.since):
            sev = Severity.info
            message += f" (ketentuan berlaku sejak {rule.since:%d-%m-%Y}; naskah ini ditetapkan sebelumnya)"
        override = self.severities.get(rule.id)
        if override == "off":
            return
        if override in ("error", "warning", "info"):
            sev = Severity(override)
        if len(snippet) > 120:
            snippet = snippet[:117] + "..."
        message, hint = kata_daerah(message, self.profile), kata_daerah(hint, self.profile)  # Wali Kota, Gubernur
        self.findings.append(Finding(rule, sev, message, loc, snippet, hint, fix, self.spec.filename if self.spec.path else None,
                                     self.spec.position(loc)))

    def set_before(self, day: dt.date) -> bool:
        """The document was certainly set before ``day`` (its penetapan date, or its whole year, is earlier)."""
        made = self.doc.penetapan.tanggal
        if made is not None:
            return made < day
        return self.doc.tahun is not None and self.doc.tahun < day.year

    def _suppressed(self, rule_id: str, node: Node | None) -> bool:
        for aturan, di in self.suppressions:
            if aturan != rule_id:
                continue
            if di is None or (node is not None and getattr(node, "id", None) == di):
                return True
        return False


def run_rules(doc, spec_context, only: Iterable[str] | None = None, severities: dict[str, str] | None = None,
              numbering: Numbering | None = None, for_build: bool = False) -> list[Finding]:
    rules = load_rules()
    merged = {**spec_context.profile.aturan, **(severities or {})}
    ctx = CheckContext(doc, spec_context, merged, numbering)
    ctx.for_build = for_build  # FIN-003 judges the output (the lambang printed), so only 'build' asks for it
    wanted = set(only) if only else None
    for rule_obj in rules.values():
        if wanted is not None and rule_obj.id not in wanted:
            continue
        if doc.jenis not in rule_obj.applies_to:
            continue
        ctx.current = rule_obj
        rule_obj.func(ctx)
    ctx.findings.sort(key=lambda f: ((f.position.line, f.position.column) if f.position else (0, 0), f.rule.id))
    return ctx.findings


def iter_texts(doc) -> Iterator[tuple[Node, str, str]]:
    """(node, field, text) of every drafted text in the document, in document order."""
    from ..model import walk  # lazy: start-up time

    for node in walk(doc):
        for name in ("teks", "teks_akhir", "arti", "markdown"):
            value = getattr(node, name, None)
            if isinstance(value, str):
                yield node, name, value

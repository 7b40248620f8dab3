"""The rule engine: rules with stable ids, severities, cited sources, explanations and fixes.

A rule is a function decorated with :func:`rule` that reports findings through ``ctx.report(...)``. Rules
live one module per document part (judul, konsiderans, …) and register themselves in :data:`REGISTRY` when
:func:`load_rules` imports them.

The engine walks the document once (:class:`DocumentIndex`). A rule that declares the node kinds it visits
(``@rule(..., visits=(Pasal,))``) is called as ``f(ctx, node)`` for each such node met on that walk, like
sqlfluff's crawlers; a rule about the document as a whole is called once as ``f(ctx)`` and reads the same
walk (``ctx.nodes``, ``ctx.of(Pasal)``, :func:`legaldraft.rules.text.cached_texts`). A rule that raises
becomes one internal finding (:data:`INTERNAL`) and the check goes on.
"""
from __future__ import annotations

import datetime as dt
import gc
import importlib
import pkgutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from typing import Callable, Iterable, Iterator, Optional

from ..model import Node, walk
from ..naskah.jenis import assembler_for, same_form
from ..naskah.names import daerah_words, kata_daerah
from ..naskah.numbering import Numbering
from ..spec.edits import Fix, resolve  # noqa: F401  (Fix: the one fix form, re-exported to the rules)
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


@dataclass
class Rule:
    """A Tata Naskah rule: id, severity, title, source and the node kinds it visits."""

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
    visits: tuple[type, ...] = ()       # node kinds the rule is called on; () = once for the document

    @property
    def part(self) -> str:
        return self.func.__module__.rsplit(".", 1)[-1] if self.func else ""


@dataclass
class Finding:
    """One finding of a rule, with its place and, when the rule knows one, its fix."""

    rule: Rule
    severity: Severity
    message: str
    loc: tuple = ()
    snippet: str = ""
    hint: str = ""
    fix: Optional[Fix] = None
    file: Optional[str] = None
    position: Optional[Position] = None
    #: the source (text, source map) in which ``fix`` is placed when it is first read; None once placed
    placing: Optional[tuple] = field(default=None, repr=False, compare=False)

    def __post_init__(self):
        self.file = file_of(self.position, self.file)

    @property
    def fixable(self) -> bool:
        """The rule proposed a fix (placed in the source or not), known without placing it."""
        return self.__dict__.get("_fix") is not None

    def __getstate__(self) -> dict:
        self.fix  # placed before pickling: the source need not travel with the finding
        return self.__dict__

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
            "fixable": self.fixable,
            "fix": self.fix.to_dict() if self.fix is not None else None,
        }


def _placed_fix(finding: Finding) -> Optional[Fix]:
    fix = finding.__dict__.get("_fix")
    if fix is not None and finding.placing is not None:
        # placing a fix in the YAML is a tenth of a check full of slips, and most runs never read a span (the text
        # output, a build's summary): it is placed when first read (--fix, JSON, the Word review), as it would have
        # been placed at once, in the same source
        fix = finding.__dict__["_fix"] = resolve(fix, *finding.placing)
        finding.placing = None
    return fix


def _set_fix(finding: Finding, fix: Optional[Fix]) -> None:
    finding.__dict__["_fix"] = fix


Finding.fix = property(_placed_fix, _set_fix, doc="The fix, placed in the spec's source (``span``, ``old_text``, "
                                                  "``new_text``) where it can be.")


REGISTRY: dict[str, Rule] = {}


def rule(id: str, severity: str, title: str, source: str, explanation: str, wrong: str = "", right: str = "",
         verification: str = "P", applies_to: Iterable[str] = ("perbup", "pedoman", "keputusan"), title_en: str = "",
         since: dt.date | None = None, visits: Iterable[type] = ()):
    """Register a rule function: ``f(ctx)`` for the document, or ``f(ctx, node)`` for each node of the kinds in
    ``visits``. ``since``: the day the provision came into force; a document set before it is not held to it (its
    findings become info)."""

    def decorate(func):
        if id in REGISTRY:
            raise ValueError(f"duplicate rule id {id}")
        REGISTRY[id] = Rule(id, Severity(severity), title, source, explanation, wrong, right, verification,
                            same_form(applies_to), func, title_en, since, tuple(visits))
        func.rule_id = id
        return func

    return decorate


_LOADED = False
#: the modules of legaldraft/rules that declare no rule (the engine, its output, the docs generator, helpers the
#: rule modules import themselves when they need them): not imported by load_rules, so a check does not pay for them
SUPPORT_MODULES = frozenset({"engine", "config", "output", "fix", "text", "docs", "dated", "kamus", "provenance"})


def load_rules() -> dict[str, Rule]:
    global _LOADED
    if not _LOADED:
        from .. import rules as package  # lazy: start-up time

        for info in pkgutil.iter_modules(package.__path__):
            if info.name not in SUPPORT_MODULES:
                importlib.import_module(f"{package.__name__}.{info.name}")
        _LOADED = True
    return REGISTRY


#: the finding a rule that fails with an exception leaves (the other rules still run)
INTERNAL = Rule("INT-000", Severity.warning, "Aturan gagal dijalankan (galat internal legaldraft)", "legaldraft",
                "Sebuah aturan berhenti karena galat program; temuan aturan itu untuk dokumen ini tidak lengkap. "
                "Aturan lain tetap dijalankan. Laporkan ke pengembang legaldraft dengan spec-nya.")


class DocumentIndex:
    """The one walk of a document: every node in document order, and the nodes of each kind."""

    #: the text fields read on the walk (every field a rule reads text from)
    TEXT_FIELDS = ("teks", "teks_akhir", "arti", "berlaku", "pembuka", "penutup", "markdown")

    def __init__(self, doc, nodes: list[Node] | None = None):
        self.nodes: list[Node] = list(walk(doc)) if nodes is None else nodes
        self._by_type: dict[type, list[Node]] = {}
        self._of: dict[tuple, list[Node]] = {}
        #: (part, node, field, text) of every non-empty text field, in document order; part = the node's
        #: top-level field ('batang_tubuh', 'lampiran', …)
        self.texts: list[tuple[str | None, Node, str, str]] = []
        #: (part, node, {field: text}) of every node with a non-empty string field, any field (headings, names …)
        self.strings: list[tuple[str | None, Node, dict[str, str]]] = []
        fields = self.TEXT_FIELDS
        for node in self.nodes:
            self._by_type.setdefault(type(node), []).append(node)
            values = node.__dict__
            strings = {name: value for name, value in values.items() if value and isinstance(value, str)}
            if strings:
                loc = node.loc
                part = loc[0] if loc else None
                self.strings.append((part, node, strings))
                for name in fields:
                    value = strings.get(name)
                    if value is not None:
                        self.texts.append((part, node, name, value))

    def of(self, *kinds: type) -> list[Node]:
        """The nodes that are instances of ``kinds``, in document order (one list per ``kinds``, shared)."""
        known = self._of.get(kinds)
        if known is None:
            exact = [t for t in self._by_type if issubclass(t, kinds)]
            if len(exact) == 1:
                known = self._by_type[exact[0]]
            else:
                known = [n for n in self.nodes if isinstance(n, kinds)] if exact else []
            self._of[kinds] = known
        return known


_UNKNOWN = object()


class CheckContext:
    """What a rule sees: the document, its profile, registry, numbering, assembled blocks, and ``report``."""

    def __init__(self, doc, spec_context, severities: dict[str, str] | None = None, numbering: Numbering | None = None):
        Assembler = assembler_for(doc)
        self.doc = doc
        self.spec = spec_context
        self.profile = spec_context.profile
        self.registry = spec_context.registry
        self.numbering = numbering or Numbering(doc)
        self.index = DocumentIndex(doc, self.numbering.nodes())
        self.assembler = Assembler(doc, self.profile, self.registry, self.numbering)
        self._blocks = None
        self._outline = None
        self.findings: list[Finding] = []
        self.current: Optional[Rule] = None
        self.severities = severities or {}
        self.suppressions = [(a.aturan, a.di) for a in getattr(doc, "abaikan", [])]
        self._words = daerah_words(self.profile)  # the messages in the daerah's words (Wali Kota, Gubernur)
        self._file = spec_context.filename if spec_context.path else None
        self._positions: dict[tuple, object] = {}

    @property
    def blocks(self):
        """The whole naskah assembled (what the build writes); the rules read :attr:`outline`."""
        if self._blocks is None:
            self._blocks = self.assembler.run()  # after the outline: only the batang tubuh, put in its place
        return self._blocks

    @property
    def outline(self):
        """The assembled naskah without the blocks of the batang tubuh (judul, pembukaan, konsiderans, diktum,
        penutup, lampiran): what the rules that guard the fixed formulae read. A check alone never assembles the
        body; a build after it gets :attr:`blocks` from the same assembler, each part assembled once."""
        if self._blocks is not None:
            return self._blocks
        if self._outline is None:
            self._outline = self.assembler.outline()
        return self._outline

    @property
    def nodes(self) -> list[Node]:
        """Every node of the document, in document order (the engine's one walk)."""
        return self.index.nodes

    def of(self, *kinds: type) -> list[Node]:
        return self.index.of(*kinds)

    @property
    def jenis(self) -> str:
        return self.doc.jenis

    @property
    def is_keputusan(self) -> bool:
        return self.doc.jenis == "keputusan"

    def expand(self, text: str, where: Node | None) -> str:
        return self.numbering.expand(text, where)

    def report(self, message: str, node: Node | None = None, field: str | None = None, snippet: str = "",
               hint: str = "", fix: Fix | None = None, severity: str | None = None, since=None) -> None:
        """``since``: a :class:`legaldraft.rules.dated.DatedForm` (or source) the finding asks for; a document set
        before its day is not held to it, and gets the finding as info naming the source."""
        rule = self.current
        loc = (node.loc if node is not None else ()) + ((field,) if field else ())
        if self.suppressions and self._suppressed(rule.id, node):
            return
        sev = Severity(severity) if severity else rule.severity
        if rule.since is not None and self.set_before(rule.since):
            sev = Severity.info
            message += f" (ketentuan berlaku sejak {rule.since:%d-%m-%Y}; naskah ini ditetapkan sebelumnya)"
        elif since is not None and self.set_before(since.day):
            sev = Severity.info
            message += f" (bentuk ini dituntut sejak {since.short}, {since.day:%d-%m-%Y}; naskah ini ditetapkan sebelumnya)"
        override = self.severities.get(rule.id)
        if override == "off":
            return
        if override in ("error", "warning", "info"):
            sev = Severity(override)
        if len(snippet) > 120:
            snippet = snippet[:117] + "..."
        if self._words is not None:
            message, hint = kata_daerah(message, None, self._words), kata_daerah(hint, None, self._words)
        position = self._positions.get(loc, _UNKNOWN)
        if position is _UNKNOWN:  # several findings share a place (one text, several slips): looked up once
            position = self._positions[loc] = self.spec.position(loc)
        placing = (self.spec.text, self.spec.source) if fix is not None and self.spec.text else None
        self.findings.append(Finding(rule, sev, message, loc, snippet, hint, fix, self._file, position, placing))

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
    return check_document(doc, spec_context, only, severities, numbering, for_build).findings


@contextmanager
def cycle_collection_paused():
    """Python's cycle collector held off while the block runs: a check allocates some hundred thousand short-lived
    objects (matches, hits, findings), freed by reference counting, and the collections they trigger would walk
    the whole document again and again (a full one costs tens of milliseconds on a 400-Pasal document). Any cycles
    made meanwhile are collected after the block."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check_document(doc, spec_context, only: Iterable[str] | None = None, severities: dict[str, str] | None = None,
                   numbering: Numbering | None = None, for_build: bool = False) -> CheckContext:
    """Run the rules; the context returned holds the findings, and the numbering and assembled blocks the rules
    used (a build that follows reuses them instead of assembling again)."""
    with cycle_collection_paused():
        return _check_document(doc, spec_context, only, severities, numbering, for_build)


def _check_document(doc, spec_context, only, severities, numbering, for_build) -> CheckContext:
    rules = load_rules()
    merged = {**spec_context.profile.aturan, **(severities or {})}
    ctx = CheckContext(doc, spec_context, merged, numbering)
    ctx.for_build = for_build  # FIN-003 judges the output (the lambang printed), so only 'build' asks for it
    wanted = set(only) if only else None
    active = [r for r in rules.values() if (wanted is None or r.id in wanted) and doc.jenis in r.applies_to]
    visitors: dict[type, list[Rule]] = {}
    for node in ctx.index.nodes:
        kind = type(node)
        if kind not in visitors:
            visitors[kind] = [r for r in active if r.visits and issubclass(kind, r.visits)]
        for rule_obj in visitors[kind]:
            _run(ctx, rule_obj, node)
    for rule_obj in active:
        if not rule_obj.visits:
            _run(ctx, rule_obj)
    ctx.findings.sort(key=lambda f: ((f.position.line, f.position.column) if f.position else (0, 0), f.rule.id))
    return ctx


def _run(ctx: CheckContext, rule_obj: Rule, *node: Node) -> None:
    """One rule on the document (or one node); an exception becomes one :data:`INTERNAL` finding."""
    ctx.current = rule_obj
    try:
        rule_obj.func(ctx, *node)
    except Exception as exc:  # noqa: BLE001  (a bug in one rule must not stop the others)
        if any(f.rule is INTERNAL and f.snippet == rule_obj.id for f in ctx.findings):
            return  # one internal finding per rule, not one per node
        ctx.current = INTERNAL
        ctx.report(f"aturan {rule_obj.id} gagal dijalankan ({type(exc).__name__}: {exc}); temuannya untuk dokumen "
                   "ini tidak lengkap", node[0] if node else None, snippet=rule_obj.id,
                   hint="laporkan ke pengembang legaldraft; aturan lain tetap diperiksa")
    finally:
        ctx.current = rule_obj


def iter_texts(doc) -> Iterator[tuple[Node, str, str]]:
    """(node, field, text) of every drafted text in the document, in document order."""
    for node in walk(doc):
        for name in ("teks", "teks_akhir", "arti", "markdown"):
            value = getattr(node, name, None)
            if isinstance(value, str):
                yield node, name, value

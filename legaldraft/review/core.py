"""Check a source document where it lives: findings at their paragraphs, fixes as located replacements.

:func:`check_source` imports the file (the ordinary importer), runs the rules on the import, adds what only the
source shows (:mod:`.sumber`), and places everything on the source paragraphs (:mod:`.locate`). Mechanical
fixes become :class:`Edit` s: a located span and its replacement. A rule's fix addresses the spec (a path and
a new value); it is turned into edits by applying all fixes to a copy of the imported spec, assembling both
documents, and comparing the two texts of each changed block, which gives (old text, new text) within the
block's located paragraph: the same form as a fix of ``check --fix`` expressed on a text.
"""
from __future__ import annotations

import copy
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, Optional

from ..rules.engine import Finding, Severity, load_rules
from .locate import Locator, Place, align_blocks, squash
from .source import SourceDoc, import_source, read_source


class SourcePosition(NamedTuple):
    """A place in a source document: paragraph (or line) and column, 1-based; page when known."""

    line: int
    column: int
    page: Optional[int] = None
    unit: str = "paragraf"

    def __str__(self) -> str:
        where = f"{self.line}:{self.column} ({self.unit} {self.line}"
        return where + (f", hlm. {self.page})" if self.page else ")")


@dataclass
class SourceFinding(Finding):
    """A finding placed in the source: ``quote`` is the source's own words at ``position``."""

    quote: str = ""
    place: Optional[Place] = field(default=None, repr=False)
    edits: list = field(default_factory=list, repr=False)
    note: str = ""          # why a mechanical fix is a comment only (Word numbering, field)
    spec_fix: object = field(default=None, repr=False)     # the rule's fix on the imported spec

    def to_dict(self) -> dict:
        out = super().to_dict()
        pos = self.position
        out.update({"paragraph": pos.line if pos else None, "page": getattr(pos, "page", None),
                    "quote": self.quote, "unit": getattr(pos, "unit", None),
                    "fixable": bool(self.edits) or out["fixable"]})
        return out


@dataclass
class Edit:
    """Replace characters [start, end) of a source paragraph by ``new`` (a tracked change in a review)."""

    place: Place
    new: str
    rule: str = ""
    old: str = ""           # the source's characters there, taken when the edit is made

    def __post_init__(self):
        self.old = self.old or self.place.quote


@dataclass
class Report:
    source: SourceDoc
    findings: list[SourceFinding]
    edits: list[Edit]
    doc: object = None


WORD_NUMBERING = "nomor dibuat penomoran otomatis Word; diperbaiki di pengaturan penomoran, bukan di teks"
WORD_FIELD = "teks ini hasil field Word (mis. rujukan silang); perbaiki sumber field lalu perbarui field"


def not_editable(place: Place) -> str:
    """Why the characters of ``place`` cannot carry a tracked change ('' when they can)."""
    para = place.para
    if para.element is None:
        return ""
    if place.start < para.body_start:
        return WORD_NUMBERING
    start, end = place.start, max(place.end, place.start + 1)
    for seg in para.segments:
        if seg.start < end and seg.end > start and seg.in_field:
            return WORD_FIELD
    return ""
_QUOTE = re.compile(r"'([^']{2,80})'")


def _value_at(doc, loc: tuple):
    obj = doc
    for step in loc:
        try:
            obj = obj[step] if isinstance(step, int) else (obj.get(step) if isinstance(obj, dict) else getattr(obj, step))
        except (AttributeError, IndexError, KeyError, TypeError):
            return None
        if obj is None:
            return None
    return obj


_PART_HEADING = {
    "konsiderans": re.compile(r"^Menimbang\b", re.I),
    "dasar_hukum": re.compile(r"^Mengingat\b", re.I),
    "memperhatikan": re.compile(r"^Memperhatikan\b", re.I),
    "batang_tubuh": re.compile(r"^M\s?E\s?M\s?U\s?T\s?U\s?S\s?K\s?A\s?N\b"),
    "diktum": re.compile(r"^M\s?E\s?M\s?U\s?T\s?U\s?S\s?K\s?A\s?N\b"),
    "penetapan": re.compile(r"^Ditetapkan\s+di\b", re.I),
    "pengundangan": re.compile(r"^Diundangkan\s+di\b", re.I),
    "lampiran": re.compile(r"^LAMPIRAN\b"),
    "penjelasan": re.compile(r"^PENJELASAN\b"),
    "ketentuan_penutup": re.compile(r"^KETENTUAN PENUTUP$"),
}
_TITLE = re.compile(r"^(PERATURAN|KEPUTUSAN)\s+(BUPATI|WALI ?KOTA|GUBERNUR)\b")


class Placer:
    """Finds the place of a rule finding in the source."""

    def __init__(self, source: SourceDoc, doc, ctx):
        self.source = source
        self.doc = doc
        self.ctx = ctx
        self.locator = Locator(source.paras)
        self.blocks = ctx.blocks
        self.block_places = align_blocks(self.blocks, self.locator)
        self.node_para: dict[int, int] = {}
        for bp in self.block_places:
            if bp is not None and bp.block.source is not None:
                self.node_para.setdefault(id(bp.block.source), bp.place.para.index - 1)

    def heading(self, part: str) -> Optional[Place]:
        pattern = _PART_HEADING.get(part)
        paras = self.source.paras
        if part == "ketentuan_penutup" and not any(pattern.match(p.text.strip()) for p in paras):
            pattern = _PART_HEADING["batang_tubuh"]
        for para in paras:
            text = para.text.strip()
            if (pattern or _TITLE).match(text):
                return Place(para, para.text.index(text[:1]) if text else 0, len(para.text.rstrip()))
        for para in paras:
            if _TITLE.match(para.text.strip()):
                return Place(para, 0, len(para.text.rstrip()))
        first = next((p for p in paras if p.text.strip()), paras[0] if paras else None)
        return Place(first, 0, len(first.text)) if first is not None else None

    def unit_text(self, loc: tuple) -> tuple[Optional[str], int]:
        """The text at ``loc`` (references expanded) and a paragraph to start looking from."""
        from ..model import walk  # lazy: start-up time

        value = _value_at(self.doc, loc)
        node, hint = None, 0
        for k in range(len(loc), 0, -1):
            candidate = _value_at(self.doc, loc[:k])
            if candidate is not None and hasattr(candidate, "loc") and not isinstance(candidate, str):
                node = candidate
                break
        if node is not None:
            for n in walk(node):
                if id(n) in self.node_para:
                    hint = self.node_para[id(n)]
                    break
        if isinstance(value, str):
            try:
                value = self.ctx.expand(value, node)
            except Exception:  # noqa: BLE001 - an unresolvable reference stays as written
                pass
            return value, hint
        if node is not None:
            for name in ("teks", "judul", "arti"):
                text = getattr(node, name, None)
                if isinstance(text, str) and text:
                    try:
                        return self.ctx.expand(text, node), hint
                    except Exception:  # noqa: BLE001
                        return text, hint
        return None, hint

    def place(self, f: Finding) -> Optional[Place]:
        text, hint = self.unit_text(f.loc)
        unit: Optional[Place] = None
        if text:
            line = next((x for x in text.split("\n") if x.strip()), "")
            for size in (80, 40, 20):
                probe = squash(line)
                probe = probe[:size].rsplit(" ", 1)[0] if len(probe) > size else probe
                unit = self.locator.find_near(probe, hint) if len(probe) >= 4 else None
                if unit is not None:
                    break
        snippet = f.snippet.strip().strip("…").strip(".").strip() if f.snippet else ""
        quotes = _QUOTE.findall(f.message)
        wanted = [q for q in quotes if snippet and q in snippet] + ([snippet] if snippet else [])
        if snippet and self.source.kind != "docx":
            short = snippet[:24].rsplit(" ", 1)[0]
            wanted.append(short)
        wanted += [q for q in quotes if not (snippet and q in snippet)]
        if unit is not None:
            # a unit may run over several lines (PDF, text): its words are in this paragraph or the next ones
            span = 1 if self.source.kind == "docx" else 8
            for q in wanted:
                for k in range(unit.para.index - 1, min(len(self.source.paras), unit.para.index - 1 + span)):
                    para = self.source.paras[k]
                    hit = self.locator.in_para(para, q, unit.start if para is unit.para else 0)
                    if hit is not None:
                        return hit
            end = len(unit.para.text.rstrip())
            return Place(unit.para, unit.start if self.source.kind != "docx" else unit.para.body_start, end)
        if len(snippet) >= 8:
            hit = self.locator.find_near(snippet, hint)
            if hit is not None:
                return hit
        part = f.loc[0] if f.loc else ""
        if part == "batang_tubuh" and f.rule.id.startswith("PNT"):
            part = "ketentuan_penutup"      # a missing closing provision: on the Ketentuan Penutup heading
        return self.heading(part if isinstance(part, str) else "")


def _position(source: SourceDoc, place: Optional[Place]) -> Optional[SourcePosition]:
    if place is None:
        return None
    return SourcePosition(place.para.index, place.start + 1, place.para.page, source.unit())


def check_source(path: str | Path, only=None, severities: dict | None = None, spec_dir: Path | None = None) -> Report:
    """Findings of a DOCX, ODT, PDF or text draft, each placed at its paragraph, with fixes as edits."""
    from ..api import check as run_check  # lazy: start-up time
    from ..rules.engine import CheckContext  # lazy: start-up time
    from ..spec.loader import context_of  # lazy: start-up time

    path = Path(path)
    source = read_source(path)
    imported = import_source(source, spec_dir)
    doc = model_of(imported, imported.spec, path)
    findings = run_check(doc, only=only or None, severities=severities)
    ctx = CheckContext(doc, context_of(doc))
    placer = Placer(source, doc, ctx)
    out: list[SourceFinding] = []
    for f in findings:
        place = placer.place(f)
        out.append(_wrap(f, source, place, path))
    edits = fix_edits(imported, doc, ctx, placer, findings, out)
    source_numbers(out, source, doc)
    out.extend(source_findings(source, doc, ctx, only, severities, path, edits))
    out.sort(key=lambda sf: ((sf.position.line, sf.position.column) if sf.position else (0, 0), sf.rule.id))
    return Report(source, out, edits, doc)


def for_word(hint: str) -> str:
    """Hints are written for specs; say the same thing for a Word author where they name spec syntax."""
    if not hint:
        return hint
    if "[[" in hint:
        return "tulis nomor unit yang benar-benar ada dan yang dimaksud"
    if "'penutup:'" in hint:
        return "sebut semua huruf pokok pikiran sebelumnya dalam butir penutup"
    return hint.rstrip(".")


_PASAL_HEADING = re.compile(r"^Pasal\s+(\d+[A-Z]?)\s*$")
_PASAL_NAMED = re.compile(r"\bPasal\s(\d+)\b")


def source_numbers(findings: list[SourceFinding], source: SourceDoc, doc) -> None:
    """The import numbers Pasal in sequence; where the source's own headings say otherwise (BT-007), a finding
    on the batang tubuh names the Pasal as the source does: 'Pasal 6' of the import is 'Pasal 7 (urutan ke-6)'."""
    if doc.jenis not in ("perbup", "pedoman"):
        return
    written = [m.group(1) for p in source.paras if p.where == "body" and (m := _PASAL_HEADING.match(p.text.strip()))]
    mapping = {str(k): w for k, w in enumerate(written, start=1) if w != str(k)}
    if not mapping:
        return

    def rename(m):
        own = mapping.get(m.group(1))
        return f"Pasal {own} (urutan ke-{m.group(1)})" if own else m.group(0)

    for f in findings:
        if f.loc and f.loc[0] == "batang_tubuh":
            # words quoted from the source ('Pasal 6') stay as written; only the import's own numbers are renamed
            parts = f.message.split("'")
            f.message = "'".join(_PASAL_NAMED.sub(rename, part) if i % 2 == 0 else part for i, part in enumerate(parts))


def model_of(imported, spec: dict, path: Path):
    """The document of an imported spec dict, validated as the loader does, without a YAML round trip (the
    importer has already checked that its spec loads)."""
    from ..spec.loader import from_data  # lazy: start-up time
    from ..spec.yamlpos import SourceMap  # lazy: start-up time

    return from_data(copy.deepcopy(spec), SourceMap(), str(path), path.parent, None, imported.profile)


def _wrap(f: Finding, source: SourceDoc, place: Optional[Place], path: Path) -> SourceFinding:
    quote = place.quote.strip() if place is not None else ""
    if len(quote) > 120:
        quote = quote[:117] + "..."
    # the spec fix becomes located edits (fix_edits); 'check --fix' does not apply to a source
    return SourceFinding(f.rule, f.severity, f.message, f.loc, quote or f.snippet, for_word(f.hint), None,
                         str(path), _position(source, place), quote=quote, place=place, spec_fix=f.fix)


def source_findings(source: SourceDoc, doc, ctx, only, severities, path: Path, edits: list[Edit]) -> list[SourceFinding]:
    from .sumber import SourceChecker  # lazy: start-up time

    rules = load_rules()
    from ..naskah.names import nama_jenis_dokumen  # lazy: start-up time

    nama = nama_jenis_dokumen(doc, ctx.profile)
    try:
        berita = ctx.profile.nama_berita_daerah
    except Exception:  # noqa: BLE001
        berita = ""
    merged = {**ctx.profile.aturan, **(severities or {})}
    issues = SourceChecker(source.paras, nama, berita, doc.jenis).run()
    out = []
    taken = [(e.place.para.index, e.place.start, e.place.end) for e in edits]
    for issue in issues:
        if only and issue.rule not in only:
            continue
        level = merged.get(issue.rule)
        if level == "off":
            continue
        rule = rules[issue.rule]
        sev = Severity(level) if level in ("error", "warning", "info") else Severity(issue.severity or rule.severity.value)
        sf = SourceFinding(rule, sev, issue.message, (), issue.place.quote, issue.hint, None, str(path),
                           _position(source, issue.place), quote=issue.place.quote, place=issue.place)
        target = issue.place if issue.insert_at is None else Place(issue.place.para, issue.insert_at, issue.insert_at)
        why = not_editable(target) if issue.new is not None else ""
        if why:
            sf.note = why
        elif issue.new is not None:
            span = (target.para.index, target.start, target.end)
            if not any(s[0] == span[0] and s[1] < span[2] and span[1] < s[2] for s in taken):
                edit = Edit(target, issue.new, issue.rule)
                edits.append(edit)
                sf.edits.append(edit)
                taken.append(span)
        elif issue.drawn_by_word:
            sf.note = WORD_NUMBERING
        out.append(sf)
    return out


# -- rule fixes -> edits ------------------------------------------------------------------------------
def fix_edits(imported, doc, ctx, placer: Placer, findings: list[Finding], wrapped: list[SourceFinding]) -> list[Edit]:
    """Apply every rule fix to a copy of the imported spec, assemble both documents and turn each changed
    block into located replacements."""
    from ..rules.engine import CheckContext  # lazy: start-up time
    from ..rules.fix import data_path  # lazy: start-up time
    from ..spec.errors import SpecError  # lazy: start-up time
    from ..spec.loader import context_of  # lazy: start-up time

    with_fix = [(f, w) for f, w in zip(findings, wrapped) if f.fix is not None]
    if not with_fix:
        return []
    spec = copy.deepcopy(imported.spec)
    seen = set()
    for f, _ in with_fix:
        if f.fix.loc in seen:
            continue
        target = data_path(spec, f.fix.loc)
        if target is None:
            continue
        parent, key = target
        if f.fix.replacement is None:
            if isinstance(parent, dict) and key in parent:
                del parent[key]
        else:
            parent[key] = f.fix.replacement
        seen.add(f.fix.loc)
    try:
        fixed = model_of(imported, spec, Path(doc._context.path or "impor.yaml"))
        new_blocks = CheckContext(fixed, context_of(fixed)).blocks
    except (SpecError, Exception):  # noqa: BLE001 - a fix that does not load is left to the comment
        return []
    old_blocks = placer.blocks
    edits: list[Edit] = []
    if len(old_blocks) == len(new_blocks):      # the usual case: fixes change words, not the number of blocks
        opcodes = [("replace", i, i + 1, i, i + 1) for i, (o, n) in enumerate(zip(old_blocks, new_blocks))
                   if o.text != n.text or (o.marker or "") != (n.marker or "")]
    else:
        opcodes = difflib.SequenceMatcher(None, [b.plain() for b in old_blocks], [b.plain() for b in new_blocks],
                                          autojunk=False).get_opcodes()
    for op, i1, i2, j1, j2 in opcodes:
        if op != "replace" or i2 - i1 != j2 - j1:
            continue
        for k in range(i2 - i1):
            bp = placer.block_places[i1 + k]
            old, new = old_blocks[i1 + k], new_blocks[j1 + k]
            if bp is None:
                continue
            if (old.marker or "") != (new.marker or ""):
                edits.extend(marker_edits(bp.place, old.marker or "", new.marker or ""))
            if old.text != new.text:
                edits.extend(text_edits(placer.locator, bp.place, old.text, new.text))
    # attach each edit to the finding placed on it (or nearest in the same paragraph); a change in a number
    # Word's automatic numbering draws cannot be a tracked change: the finding says so in its comment
    kept = []
    for e in edits:
        why = not_editable(e.place)
        if not why:
            kept.append(e)
        best = None
        for _, w in with_fix:
            if w.place is None or w.place.para is not e.place.para:
                continue
            overlap = w.place.start <= e.place.end and e.place.start <= w.place.end
            if best is None or overlap:
                best = w
                if overlap:
                    break
        if best is None:
            continue
        if why:
            best.note = why
            continue
        best.edits.append(e)
        e.rule = best.rule.id
    for _, w in with_fix:
        if not w.edits and w.place is not None and w.place.start < w.place.para.body_start:
            w.note = WORD_NUMBERING
    return kept


def marker_edits(at: Place, old: str, new: str) -> list[Edit]:
    """The marker before a unit's text changed ('(1)' dropped from a Pasal's only ayat): replace it where the
    source writes it, or, when Word's numbering draws it, an edit in the label that becomes a comment."""
    para = at.para
    before = para.text[:at.start]
    k = before.rfind(old) if old else -1
    if old and k < 0:
        return []
    if not old:
        return [Edit(Place(para, at.start, at.start), f"{new} ")]
    return [Edit(Place(para, k, at.start), f"{new} " if new else "")]


_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")


def text_edits(locator: Locator, at: Place, old: str, new: str) -> list[Edit]:
    """(old text, new text) of a unit whose old text starts at ``at`` -> located replacements, word by word.
    Each change is found in the source by its own words with some context, in the unit's paragraph or the
    ones after it (a unit may run over several source lines)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    out = []
    for i1, i2, j1, j2 in _merged(sm.get_opcodes(), a):
        before = "".join(a[max(0, i1 - 6):i1]).split("\n")[-1]
        changed = "".join(a[i1:i2])
        after = "".join(a[i2:i2 + 6]).split("\n")[0]
        replacement = "".join(b[j1:j2])
        if "\n" in changed or "\n" in replacement:
            continue
        for para_index in range(at.para.index - 1, min(len(locator.paras), at.para.index + 30)):
            para = locator.paras[para_index]
            from_offset = at.start if para is at.para else 0
            hit = locator.in_para(para, before + changed + after, from_offset) if (before + changed + after).strip() else None
            if hit is None:
                continue
            # the changed part inside the hit: skip the context before it
            start = _advance(para.text, hit.start, before) if before.strip() else hit.start
            if changed:
                end = _advance(para.text, start, changed)
            else:
                end = start
            out.append(Edit(Place(para, start, end), replacement))
            break
    return out


def _merged(opcodes, tokens: list[str], gap: int = 2):
    """Changes separated by at most ``gap`` unchanged tokens read as one change ('a dan huruf b' ->
    'a, huruf b, dan huruf c' rather than three small ones)."""
    out: list[list[int]] = []
    last_equal = None
    for op, i1, i2, j1, j2 in opcodes:
        if op == "equal":
            last_equal = (i1, i2)
            continue
        words = sum(1 for t in tokens[last_equal[0]:last_equal[1]] if not t.isspace()) if last_equal else 0
        if out and last_equal is not None and words <= gap and last_equal[0] == out[-1][1]:
            out[-1][1], out[-1][3] = i2, j2
        else:
            out.append([i1, i2, j1, j2])
        last_equal = None
    return [tuple(x) for x in out]


def _advance(text: str, start: int, piece: str) -> int:
    """Offset in ``text`` after matching ``piece`` from ``start``, whitespace-insensitively."""
    i = start
    for ch in piece:
        if ch.isspace():
            while i < len(text) and text[i].isspace():
                i += 1
            continue
        while i < len(text) and text[i].isspace() and text[i] != ch:
            i += 1
        if i < len(text) and text[i] == ch:
            i += 1
    return i

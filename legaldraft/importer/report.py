"""Round-trip report: how much of the source text the imported spec gives back when built again."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from .parse import Imported
from .text import tokens
from ..naskah import assemble, plain_text
from ..spec.loader import context_of
from .finish import load_spec
from ..api import check


@dataclass
class RoundTrip:
    coverage: float            # share of the source's words found, in order, in the rebuilt text
    ratio: float               # symmetric similarity (the rebuilt text also has generated parts the source lacks)
    source_words: int
    missing: list[str] = field(default_factory=list)   # source passages not reproduced
    raw_parts: list[str] = field(default_factory=list)
    findings: list = field(default_factory=list)


def words(text: str) -> list[str]:
    return [t for t in tokens(text) if t[0].isalnum() or t[0] == "_"]


def rebuilt_text(result: Imported) -> str:
    doc = load_spec(result)
    ctx = context_of(doc)
    return plain_text(assemble(doc, ctx.profile, ctx.registry))


# a point marker ('a', 'b', '12') or a section label the importer put back at its place: a copy that extracted
# them as a column before the texts ('a. b. c.' … 'bahwa …') keeps them, though not in the same order
_MOVABLE = {"menimbang", "mengingat", "memperhatikan", "menetapkan"}


def _movable(token: str) -> bool:
    return token in _MOVABLE or (len(token) == 1 and token.isalpha()) or (token.isdigit() and len(token) <= 2)


def kept_words(src: list[str], out: list[str]) -> tuple[int, list[str]]:
    """How many of the source's words the rebuilt text gives back: in order, and then the markers and labels
    that were moved to their points (counted once each against the rebuilt text). Also the passages lost."""
    from collections import Counter  # lazy: only a comparison needs it

    matcher = difflib.SequenceMatcher(None, src, out, autojunk=False)
    blocks = matcher.get_matching_blocks()
    matched = sum(b.size for b in blocks)
    used = Counter(t for b in blocks for t in out[b.b: b.b + b.size])
    spare = Counter(out) - used
    missing, pos = [], 0
    for b in blocks:
        if b.a > pos:
            gap = []
            for t in src[pos: b.a]:
                if _movable(t) and spare[t] > 0:
                    spare[t] -= 1
                    matched += 1
                else:
                    gap.append(t)
            if gap:
                missing.append(" ".join(gap))
        pos = b.a + b.size
    return matched, missing


def comparable_source(notes, source: str) -> str:
    """The source as the importer was right to read it: without the garbled decoration lines it named, with
    the OCR slips in fixed words and numbers set right, OCR'd BAB/Pasal headings as read ('Paaal 1' -> 'Pasal 1')
    and letter-spaced lines in their words again (each of these is said in the notes)."""
    from .spacing import is_letter_spaced, unspace  # lazy: only a copy that needed them
    from .text import ocr_normalise  # lazy: only a copy that needed them

    garbled = set(getattr(notes, "garbled", ()) or ())
    headings = getattr(notes, "headings", None) or {}

    def fix(line: str) -> str:
        if getattr(notes, "respaced", 0) and is_letter_spaced(line):
            line = unspace(line)
        return ocr_normalise(line) if getattr(notes, "corrected", 0) else line

    return "\n".join(headings.get(no) or fix(ln) for no, ln in enumerate(source.replace("\r\n", "\n").split("\n"), start=1)
                     if no not in garbled)


def round_trip(result: Imported, source: str, with_findings: bool = True) -> RoundTrip:
    src, out = words(comparable_source(result.notes, source)), words(rebuilt_text(result))
    matcher = difflib.SequenceMatcher(None, src, out, autojunk=False)
    matched, missing = kept_words(src, out)
    findings = []
    if with_findings:
        findings = check(load_spec(result))
    return RoundTrip(matched / max(len(src), 1), matcher.ratio(), len(src), missing, raw_parts(result), findings)


def raw_parts(result: Imported) -> list[str]:
    """Where the spec holds text verbatim because its structure could not be read."""
    out = []
    for i, item in enumerate(result.spec.get("dasar_hukum", [])):
        if isinstance(item, dict) and "teks" in item:
            out.append(f"dasar_hukum[{i + 1}]: teks")

    def visit(nodes, where):
        for n in nodes:
            if "pasal" in n and isinstance(n.get("teks"), str) and "\n" in n["teks"]:
                out.append(f"{n['pasal']}: teks apa adanya")
            visit(n.get("isi", []), where)

    visit(result.spec.get("batang_tubuh", []), "")
    for n in result.spec.get("diktum", []):
        if "\n" in n.get("teks", ""):
            out.append(f"{n.get('id', 'diktum')}: teks apa adanya")
    return out


def format_report(name: str, rt: RoundTrip, notes) -> str:
    lines = [f"{name}: teks dibangun ulang = {rt.coverage:.2%} dari teks sumber ({rt.source_words} kata; "
             f"kemiripan dua arah {rt.ratio:.2%})"]
    if rt.missing:
        lines.append("  tidak terbawa: " + " | ".join(m[:80] for m in rt.missing[:12]))
    if rt.raw_parts:
        lines.append("  disimpan apa adanya: " + ", ".join(rt.raw_parts))
    warnings = [str(n) for n in notes.items if n.level == "warning"]
    for w in warnings:
        lines.append(f"  {w}")
    if rt.findings:
        lines.append(f"  temuan pemeriksa ({len(rt.findings)}):")
        for f in rt.findings:
            lines.append(f"    {getattr(f.severity, 'value', f.severity)} {getattr(f.rule, 'id', f.rule)}: {f.message}")
    return "\n".join(lines)

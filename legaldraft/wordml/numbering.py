"""Word automatic numbering (numPr): the label Word draws ("a.", "1.", "(1)") is not in the text; compute it.

Levels come from numbering.xml (``w:abstractNum/w:lvl``: start, numFmt, lvlText, suff, lvlRestart, isLgl),
instances from ``w:num`` (abstractNumId, ``w:lvlOverride/w:startOverride``); a paragraph is numbered by its own
``w:pPr/w:numPr`` or by its paragraph style's (followed through ``w:basedOn``). Counters run per abstract
list as Word does: numbering instances sharing an abstractNum continue one another unless an instance
overrides its start, which restarts it at its first use. Using a level resets the deeper levels.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..naskah.numbers import letters, roman

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _val(el, name: str = "val") -> Optional[str]:
    return None if el is None else el.get(f"{W}{name}")


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suff: str = "tab"
    restart: Optional[int] = None     # lvlRestart: restart after this (1-based) level; 0 = never
    legal: bool = False


@dataclass
class NumInstance:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)   # ilvl -> startOverride
    levels: dict[int, Level] = field(default_factory=dict)  # ilvl -> overriding lvl


def _level(lvl) -> Level:
    out = Level()
    if (s := _val(lvl.find(f"{W}start"))) is not None and s.lstrip("-").isdigit():
        out.start = int(s)
    out.fmt = _val(lvl.find(f"{W}numFmt")) or "decimal"
    text = lvl.find(f"{W}lvlText")
    out.text = _val(text) if text is not None and _val(text) is not None else ""
    out.suff = _val(lvl.find(f"{W}suff")) or "tab"
    if (r := _val(lvl.find(f"{W}lvlRestart"))) is not None and r.isdigit():
        out.restart = int(r)
    legal = lvl.find(f"{W}isLgl")
    out.legal = legal is not None and _val(legal) not in ("0", "false")
    return out


def format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = letters(n - 1) if n >= 1 else str(n)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = roman(n) if n >= 1 else str(n)
        return s.lower() if fmt == "lowerRoman" else s.upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


class Numbering:
    """Label per numbered paragraph, in document order: call :meth:`label` once per paragraph, in order."""

    def __init__(self, numbering_xml=None, styles_xml=None):
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, NumInstance] = {}
        self.style_num: dict[str, tuple[Optional[str], Optional[int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if numbering_xml is not None:
            for ab in numbering_xml.iter(f"{W}abstractNum"):
                self.abstracts[ab.get(f"{W}abstractNumId")] = {
                    int(lvl.get(f"{W}ilvl", "0")): _level(lvl) for lvl in ab.findall(f"{W}lvl")}
            for num in numbering_xml.iter(f"{W}num"):
                inst = NumInstance(_val(num.find(f"{W}abstractNumId")) or "")
                for ov in num.findall(f"{W}lvlOverride"):
                    ilvl = int(ov.get(f"{W}ilvl", "0"))
                    so = _val(ov.find(f"{W}startOverride"))
                    if so is not None and so.lstrip("-").isdigit():
                        inst.starts[ilvl] = int(so)
                    if (lvl := ov.find(f"{W}lvl")) is not None:
                        inst.levels[ilvl] = _level(lvl)
                self.nums[num.get(f"{W}numId")] = inst
        if styles_xml is not None:
            based: dict[str, str] = {}
            own: dict[str, tuple[Optional[str], Optional[int]]] = {}
            for st in styles_xml.iter(f"{W}style"):
                sid = st.get(f"{W}styleId")
                if (b := _val(st.find(f"{W}basedOn"))) is not None:
                    based[sid] = b
                numpr = st.find(f"{W}pPr/{W}numPr")
                if numpr is not None:
                    ilvl = _val(numpr.find(f"{W}ilvl"))
                    own[sid] = (_val(numpr.find(f"{W}numId")), int(ilvl) if ilvl and ilvl.isdigit() else None)
            for sid in set(based) | set(own):
                seen, cur = set(), sid
                while cur is not None and cur not in own and cur not in seen:
                    seen.add(cur)
                    cur = based.get(cur)
                if cur in own:
                    self.style_num[sid] = own[cur]

    def numpr(self, p) -> tuple[Optional[str], int]:
        """(numId, ilvl) that numbers paragraph ``p``, or (None, 0)."""
        ppr = p.find(f"{W}pPr")
        num_id, ilvl = None, None
        if ppr is not None:
            style = _val(ppr.find(f"{W}pStyle"))
            if style in self.style_num:
                num_id, ilvl = self.style_num[style]
            numpr = ppr.find(f"{W}numPr")
            if numpr is not None:
                direct_id = _val(numpr.find(f"{W}numId"))
                direct_lvl = _val(numpr.find(f"{W}ilvl"))
                if direct_id is not None:
                    num_id = direct_id
                if direct_lvl is not None and direct_lvl.isdigit():
                    ilvl = int(direct_lvl)
        if num_id in (None, "0") or num_id not in self.nums:
            return None, 0
        return num_id, ilvl or 0

    def level(self, num_id: str, ilvl: int) -> Optional[Level]:
        inst = self.nums[num_id]
        return inst.levels.get(ilvl) or self.abstracts.get(inst.abstract, {}).get(ilvl)

    def label(self, p) -> tuple[str, str]:
        """(label, separator) for paragraph ``p``; ('', '') when Word draws no number for it."""
        num_id, ilvl = self.numpr(p)
        if num_id is None:
            return "", ""
        inst = self.nums[num_id]
        levels = self.abstracts.get(inst.abstract, {})
        lvl = self.level(num_id, ilvl)
        if lvl is None:
            return "", ""
        counters = self.counters.setdefault(inst.abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for k, start in inst.starts.items():
                counters[k] = start - 1
                for deeper in [d for d in counters if d > k]:
                    del counters[deeper]
        counters[ilvl] = counters.get(ilvl, lvl.start - 1) + 1
        for deeper in [d for d in counters if d > ilvl]:
            dl = self.level(num_id, deeper) if deeper in levels or deeper in inst.levels else None
            if dl is not None and dl.restart == 0:
                continue
            del counters[deeper]
        text = lvl.text
        for k in range(9):
            token = f"%{k + 1}"
            if token in text:
                klvl = self.level(num_id, k) or Level()
                value = counters.get(k, klvl.start)
                fmt = "decimal" if (lvl.legal and klvl.fmt != "bullet") else klvl.fmt
                text = text.replace(token, format_number(value, fmt))
        if lvl.fmt == "bullet" or not text.strip():
            return "", ""
        sep = "" if lvl.suff == "nothing" else " "
        return text, sep

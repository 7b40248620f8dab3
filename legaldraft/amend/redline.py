"""Redline: the new text with Word tracked changes (w:ins / w:del) against the old text.

Paragraphs are the blocks both versions build into; unchanged ones are plain, a changed one carries a
word-level diff, a paragraph only in the old text is deleted (its mark too), one only in the new is
inserted. The blocks go through the one DOCX writer and page set-up (legaldraft.render), so the redline
looks like the document itself; accepting all changes in Word or LibreOffice leaves exactly the new build.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from difflib import SequenceMatcher

from ..naskah.blocks import Block, Blocks, Run
from ..naskah.jenis import assemble

_TOKENS = re.compile(r"\s+|[^\s]+")


def _similar(old: str, new: str) -> bool:
    return SequenceMatcher(None, _TOKENS.findall(old), _TOKENS.findall(new), autojunk=False).ratio() >= 0.5


def document_lines(doc, ctx) -> list[str]:
    """The text of a build, one paragraph a line (the blocks the DOCX is made of)."""
    return [b.plain() for b in assemble(doc, ctx.profile, ctx.registry) if b.plain()]


def redline_blocks(old: list[Block], new: list[Block], author: str = "legaldraft",
                   when: dt.datetime | None = None) -> Blocks:
    """The new document's blocks with tracked changes against the old one's, for the DOCX writer: a paragraph
    only in the new text is inserted, one only in the old text deleted (its mark too), a changed one carries a
    word-level diff of its text. Numbers and labels (``(2)``, ``a.``) are generated: they print as in the new text."""
    when = when or dt.datetime.now(dt.timezone.utc)
    date = when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    out = Blocks(rancangan=getattr(new, "rancangan", False), revision=(author, date))
    old_p = [b for b in old if b.table is None and b.image is None]
    keys_old = [b.head() + b.text for b in old_p]
    keys_new = [b.head() + b.text if b.table is None and b.image is None else f"\x00{i}" for i, b in enumerate(new)]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, keys_old, keys_new, autojunk=False).get_opcodes():
        if tag == "equal":
            out.extend(new[j1:j2])
            continue
        olds, news = old_p[i1:i2], new[j1:j2]
        paired = min(len(olds), len(news)) if tag == "replace" else 0
        for o, n in zip(olds[:paired], news[:paired]):
            if n.table is None and n.image is None and _similar(o.text, n.text) and not n.runs:
                out.append(replace(n, runs=_word_diff(o.text, n.text)))
            else:  # unrelated paragraphs: a word diff between them would only confuse the reviewer
                out.extend(_whole(o, "del") + _whole(n, "ins"))
        for o in olds[paired:]:
            out.extend(_whole(o, "del"))
        for n in news[paired:]:
            out.extend(_whole(n, "ins"))
    return out


def _whole(block: Block, change: str) -> list[Block]:
    if block.table is not None or block.image is not None:
        return [block] if change == "ins" else []  # a table or picture: shown as it is now
    return [replace(block, change=change, keep_next=False, page_break=block.page_break and change == "ins")]


def _word_diff(old: str, new: str) -> list[Run]:
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    runs = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            runs.append(Run("".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(Run("".join(a[i1:i2]), change="del"))
        if j2 > j1:
            runs.append(Run("".join(b[j1:j2]), change="ins"))
    return runs

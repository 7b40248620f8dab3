"""Markdown inside a spec (long pedoman prose) -> blocks in the document's own styles.

A direct conversion over markdown-it-py tokens rather than a pandoc round-trip: it keeps the output in
the same named styles as the rest of the document and costs microseconds instead of a subprocess
(docs/rendering.md). Bold and italic survive as runs of the block, so they are real emphasis in Word.
"""
from __future__ import annotations

from ..model import Tabel
from .blocks import Block, Run


def markdown_blocks(text: str, level: int = 0, source=None) -> list:
    from markdown_it import MarkdownIt  # lazy: start-up time (only a pedoman with Markdown needs it)

    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(text)
    blocks: list = []
    list_stack: list[list] = []  # [ordered, counter]
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            start = int(tok.attrGet("start") or 1)
            list_stack.append([tok.type == "ordered_list_open", start - 1])
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif tok.type == "list_item_open":
            list_stack[-1][1] += 1
        elif tok.type == "heading_open":
            inline = tokens[i + 1]
            blocks.append(Block("LD Lampiran Sub", _inline(inline), level=level, keep_next=True, source=source))
            i += 2
        elif tok.type == "paragraph_open":
            inline = tokens[i + 1]
            content, runs = _inline(inline), _emphasis_runs(inline)
            if list_stack:
                ordered, counter = list_stack[-1]
                depth = len(list_stack)
                mark = f"{counter}." if ordered else "-"
                blocks.append(Block(f"LD Lampiran Daftar {min(level + depth, 5)}", content, marker=mark,
                                    level=level + depth, runs=runs, source=source))
                list_stack[-1][1] = counter  # one paragraph per item
            else:
                blocks.append(Block("LD Lampiran Teks", content, level=level, runs=runs, source=source))
            i += 2
        elif tok.type == "table_open":
            header, rows, j = _table(tokens, i)
            blocks.append(Block("LD Tabel", table=Tabel(kolom=header, baris=rows), source=source))
            i = j
        i += 1
    return blocks


def _inline(token) -> str:
    """Inline content as plain text (emphasis markers dropped; the text itself is kept whole)."""
    out = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out).strip()


def _emphasis_runs(token):
    """The inline content as runs with bold/italic, or None when there is no emphasis at all."""

    runs: list = []
    bold = italic = 0
    for child in token.children or []:
        if child.type == "strong_open":
            bold += 1
        elif child.type == "strong_close":
            bold -= 1
        elif child.type == "em_open":
            italic += 1
        elif child.type == "em_close":
            italic -= 1
        elif child.type in ("text", "code_inline", "softbreak", "hardbreak"):
            text = child.content if child.type in ("text", "code_inline") else " "
            if runs and (runs[-1].bold, runs[-1].italic) == (bold > 0, italic > 0):
                runs[-1] = Run(runs[-1].text + text, bold > 0, italic > 0)
            else:
                runs.append(Run(text, bold > 0, italic > 0))
    if not any(r.bold or r.italic for r in runs):
        return None
    # the same strip as _inline, so the runs always spell exactly the block's text
    if runs:
        runs[0] = Run(runs[0].text.lstrip(), runs[0].bold, runs[0].italic)
        runs[-1] = Run(runs[-1].text.rstrip(), runs[-1].bold, runs[-1].italic)
    return [r for r in runs if r.text]


def _table(tokens, i):
    header: list[str] = []
    rows: list[list[str]] = []
    current: list[str] | None = None
    in_head = False
    j = i
    while tokens[j].type != "table_close":
        t = tokens[j]
        if t.type == "thead_open":
            in_head = True
        elif t.type == "thead_close":
            in_head = False
        elif t.type == "tr_open":
            current = []
        elif t.type == "tr_close":
            if in_head:
                header = current or []
            else:
                rows.append(current or [])
        elif t.type == "inline" and current is not None:
            current.append(_inline(t))
        j += 1
    rows = [r + [""] * (len(header) - len(r)) if len(r) < len(header) else r[: len(header)] for r in rows]
    return header, rows, j

"""Quick previews (Markdown, HTML) of the assembled blocks, through a sandboxed, autoescaping Jinja2.

They read the same blocks as the DOCX, so they show the same text; layout is approximated (columns for
labels and markers, centred headings, the signature on the right). Emphasis runs become <strong>/<em>
(HTML) and **/_ (Markdown); spec text is escaped for both.
"""
from __future__ import annotations

import re
from functools import lru_cache

_HTML = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>{{ title }}</title>
<style>
body{font-family:"Bookman Old Style","TeX Gyre Bonum",serif;max-width:165mm;margin:2em auto;line-height:1.35}
p{margin:.25em 0}.c{text-align:center}.b{font-weight:bold}.r{margin-left:45%}.row{display:flex;margin:.2em 0}
.lab{width:7.5em;flex:none}.mk{width:2.4em;flex:none}.j{text-align:justify}.gap{margin-top:1em}
table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border:1px solid #000;padding:2px 4px}th{background:#f2f2f2}
.draft{color:#a00;text-align:right;font-size:80%}
</style></head><body>
{% for b in blocks %}{% if b.table %}{% if b.table.judul %}<p class="c b">{{ b.table.judul }}</p>{% endif %}
<table><tr>{% for c in b.table.kolom %}<th>{{ c }}</th>{% endfor %}</tr>
{% for r in b.table.baris %}<tr>{% for c in r %}<td>{{ c }}</td>{% endfor %}</tr>{% endfor %}</table>
{% elif b.label %}<div class="row{{ ' gap' if b.label.strip() else '' }}"><span class="lab">{{ b.label if b.label.strip() else "" }}{{ " :" if b.label.strip() else "" }}</span>{% if b.marker %}<span class="mk">{{ b.marker }}</span>{% endif %}<span class="j">{{ rich(b) }}</span></div>
{% elif b.marker %}<div class="row" style="margin-left:{{ (b.level - 1) * 2.4 if b.level > 1 else 0 }}em"><span class="mk">{{ b.marker }}</span><span class="j">{{ rich(b) }}</span></div>
{% elif b.image is not none %}<p class="c">[{{ "gambar" if b.image else "lambang" }}]</p>
{% else %}<p class="{{ css(b.style) }}">{{ rich(b) }}</p>{% endif %}
{% endfor %}</body></html>
"""
_CENTRED_BOLD = ("LD Kop", "LD Judul", "LD Pembukaan", "LD Jabatan", "LD Memutuskan", "LD BAB", "LD Bagian",
                 "LD Lampiran Judul", "LD Lampiran BAB")
_MD_SPECIAL = re.compile(r"([\\\[\]<>#|])")
_MD_PAIRED = "*_`"      # emphasis and code need an opener and a closer: one alone stays as it is
_MD_LIST_START = re.compile(r"^(\d+)([.)])")


def _css(style: str) -> str:
    if style in _CENTRED_BOLD:
        return "c b"
    if style == "LD Pasal":
        return "c"
    if style in ("LD TTD", "LD Lampiran Kepala"):
        return "r"
    return "j"


def _rich_html(block):
    """The block's text with emphasis as HTML; every piece of spec text is escaped."""
    from markupsafe import Markup, escape  # lazy: start-up time

    if not block.runs:
        return escape(block.text)
    out = Markup("")
    for run in block.runs:
        piece = escape(run.text)
        if run.italic:
            piece = Markup("<em>") + piece + Markup("</em>")
        if run.bold:
            piece = Markup("<strong>") + piece + Markup("</strong>")
        out += piece
    return out


@lru_cache(maxsize=1)
def _env():
    from jinja2 import select_autoescape  # lazy: start-up time
    from jinja2.sandbox import SandboxedEnvironment  # lazy: start-up time

    env = SandboxedEnvironment(autoescape=select_autoescape(default=True, default_for_string=True))
    env.globals["css"] = _css
    env.globals["rich"] = _rich_html
    return env


def md_escape(text: str) -> str:
    """Spec text as literal Markdown: no accidental emphasis, links, headings or list renumbering.
    Characters that only act in pairs are escaped only when paired, so "7*7" stays readable."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    for char in _MD_PAIRED:
        if text.count(char) > 1:
            text = text.replace(char, "\\" + char)
    return _MD_LIST_START.sub(r"\1\\\2", text)


def _rich_md(block) -> str:
    if not block.runs:
        return md_escape(block.text)
    parts = []
    for run in block.runs:
        piece = md_escape(run.text)
        core = piece.strip()
        if core and (run.bold or run.italic):
            mark = ("**" if run.bold else "") + ("_" if run.italic else "")
            piece = piece.replace(core, f"{mark}{core}{mark[::-1]}", 1)
        parts.append(piece)
    return "".join(parts)


def _md_line(b) -> str:
    head = []
    if b.label:
        head.append(f"{md_escape(b.label)} :" if b.label.strip() else "&emsp;" * 4)
    if b.marker:
        head.append(md_escape(b.marker))
    text = " ".join(head + [_rich_md(b)]).strip()
    # indentation as em spaces: four leading spaces would turn the line into a code block
    return "&emsp;" * max(b.level - 1, 0) + text


def _markdown(blocks) -> str:
    lines = []
    for b in blocks:
        if b.table is not None:
            if b.table.judul:
                lines += ["", f"**{md_escape(b.table.judul)}**", ""]
            else:
                lines.append("")
            lines.append("| " + " | ".join(md_escape(c) for c in b.table.kolom) + " |")
            lines.append("|" + "---|" * len(b.table.kolom))
            lines.extend("| " + " | ".join(md_escape(c) for c in r) + " |" for r in b.table.baris)
            lines.append("")
        elif b.style in _CENTRED_BOLD:
            lines.append(f"**{md_escape(b.text)}**  " if b.text else "")
        elif b.style == "LD Pasal":
            lines.append(f"\n#### {md_escape(b.text)}\n")
        elif b.image is not None:
            lines.append("[gambar]  " if b.image else "[lambang]  ")
        elif b.page_break:
            lines += ["", "---", "", _md_line(b) + "  "]
        else:
            line = _md_line(b)
            if line:
                lines.append(line + "  ")
    return "\n".join(lines) + "\n"


def preview(blocks, fmt: str, doc) -> str:
    if fmt == "html":
        return _env().from_string(_HTML).render(blocks=blocks, title=f"{doc.nama_jenis} tentang {doc.tentang}")
    return _markdown(blocks)

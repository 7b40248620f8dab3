"""Quick previews (Markdown, HTML) of the assembled blocks, through a sandboxed, autoescaping Jinja2."""
from __future__ import annotations

from functools import lru_cache

_HTML = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>{{ title }}</title>
<style>
body{font-family:"Bookman Old Style","TeX Gyre Bonum",serif;max-width:170mm;margin:2em auto;line-height:1.35}
.c{text-align:center}.b{font-weight:bold}.r{margin-left:55%}.row{display:flex}.lab{width:9em;flex:none}
.mk{width:2.4em;flex:none}.ind{margin-left:2.4em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:2px 4px}
</style></head><body>
{% for b in blocks %}{% if b.table %}<table><tr>{% for c in b.table.kolom %}<th>{{ c }}</th>{% endfor %}</tr>
{% for r in b.table.baris %}<tr>{% for c in r %}<td>{{ c }}</td>{% endfor %}</tr>{% endfor %}</table>
{% elif b.label %}<div class="row"><span class="lab">{{ b.label if b.label.strip() else "" }}{{ " :" if b.label.strip() else "" }}</span>{% if b.marker %}<span class="mk">{{ b.marker }}</span>{% endif %}<span>{{ b.text }}</span></div>
{% elif b.marker %}<div class="row" style="margin-left:{{ b.level * 1.2 }}em"><span class="mk">{{ b.marker }}</span><span>{{ b.text }}</span></div>
{% elif b.image is not none %}<p class="c">[{{ "gambar" if b.image else "lambang" }}]</p>
{% else %}<p class="{{ css(b.style) }}">{{ b.text }}</p>{% endif %}
{% endfor %}</body></html>
"""


def _css(style: str) -> str:
    if style in ("LD Kop", "LD Judul", "LD Pembukaan", "LD Jabatan", "LD Memutuskan", "LD BAB", "LD Bagian",
                 "LD Lampiran Judul", "LD Lampiran BAB"):
        return "c b"
    if style == "LD Pasal":
        return "c"
    if style in ("LD TTD", "LD Lampiran Kepala"):
        return "r"
    return ""


@lru_cache(maxsize=1)
def _env():
    from jinja2 import select_autoescape
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(autoescape=select_autoescape(default=True, default_for_string=True))
    env.globals["css"] = _css
    return env


def preview(blocks, fmt: str, doc) -> str:
    if fmt == "html":
        return _env().from_string(_HTML).render(blocks=blocks, title=f"{doc.nama_jenis} tentang {doc.tentang}")
    lines = []
    for b in blocks:
        if b.table is not None:
            lines.append("| " + " | ".join(b.table.kolom) + " |")
            lines.append("|" + "---|" * len(b.table.kolom))
            lines.extend("| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in b.table.baris)
            lines.append("")
        elif b.style in ("LD Judul", "LD Kop", "LD BAB", "LD Lampiran BAB", "LD Lampiran Judul"):
            lines.append(f"**{b.text}**  " if b.text else "")
        elif b.style == "LD Pasal":
            lines.append(f"\n#### {b.text}\n")
        else:
            text = b.plain()
            if text:
                lines.append(("    " * max(b.level - 1, 0)) + text + "  ")
    return "\n".join(lines) + "\n"

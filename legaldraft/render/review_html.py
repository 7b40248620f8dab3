"""The review render of a spec: the assembled naskah with every finding as a margin note, and the id -> number map.

``legaldraft review SPEC.yaml -o NAMA.html`` (or ``.pdf``). The page shows the same blocks the DOCX writer gets,
one row per block: the text on the left, the notes on the right. A finding is anchored by unit identity, never by
searching its words: it carries the spec path of its unit (``Finding.loc``) and every block carries the node it
comes from (``Block.source``), so a note goes beside the first block of the deepest unit on the finding's path.
Findings with no place on the page (the document as a whole) go into the summary at the top, with the counts per
severity. Every ``[[id]]`` written in the spec is shown where it landed: highlighted, with its target id beside it,
and the margin names the target's number and first words, so a reference to the wrong ayat shows at a glance.

HTML only (one self-contained file: inline CSS, no script, printable A4/F4); the layout is a two-column table so
that LibreOffice's HTML import, which makes the PDF, keeps the notes beside their text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ..naskah.numbering import REF, Numbering

_HEADING_STYLES = ("LD Pasal", "LD BAB", "LD Bagian", "LD Lampiran BAB", "LD Lampiran Kepala")
#: top-level fields without a node of their own -> the first block of this style shows them
_FIELD_STYLE = {
    "tentang": "LD Judul", "nomor": "LD Judul", "tahun": "LD Judul", "jenis": "LD Judul", "status": "LD Judul",
    "judul": "LD Judul", "daerah": "LD Kop", "konsiderans": "LD Konsiderans", "penetapan": "LD TTD",
    "pengundangan": "LD Pengundangan", "tembusan": "LD Tembusan Judul", "diktum": "LD Diktum",
}
_QUOTE = re.compile(r"'([^'\n]{2,80})'")
_KIND = {"bab": "BAB", "bagian": "Bagian", "paragraf": "Paragraf", "pasal": "Pasal", "definisi": "definisi",
         "ayat": "ayat", "butir": "huruf/angka", "diktum": "Diktum", "lampiran": "Lampiran",
         "bab_lampiran": "BAB Lampiran", "subbab": "subbab Lampiran"}


@dataclass
class Note:
    """One finding as the page shows it."""

    rule: str
    severity: str          # error / warning / info
    label: str             # galat / peringatan / info
    message: str
    hint: str
    source: str            # where Lampiran II (or another law) says so
    where: str             # spec file:line:column
    path: str              # the unit path in the spec


@dataclass
class Ref:
    """One generated reference: the words printed, the id written and where that id lies."""

    printed: str
    target: str
    number: str            # the full citation of the target ("Pasal 7 ayat (2)"), "" when the id is unknown
    excerpt: str           # the target's first words, to see that it is the intended unit


@dataclass
class Piece:
    text: str
    ref: Optional[Ref] = None
    marked: bool = False   # the words a finding quotes


@dataclass
class Row:
    block: object
    pieces: list[Piece]
    notes: list[Note] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)


@dataclass
class IdEntry:
    ident: str
    kind: str
    number: str
    cited_from: list[str]  # citations of the units whose text refers to this id


@dataclass
class Review:
    title: str
    file: str
    rows: list[Row]
    general: list[Note]
    counts: dict[str, int]
    ids: list[IdEntry]
    unknown_refs: list[str]
    rancangan: bool
    page_mm: tuple[float, float] = (215.0, 330.0)   # the daerah's paper (profile ``halaman``): F4 by default


# -- building the review ------------------------------------------------------------------------------
def build_review(doc, findings, ctx, numbering: Numbering | None = None, blocks=None, file: str = "") -> Review:
    """The review of ``doc`` with ``findings`` (from :func:`legaldraft.api.check`), as data for the template."""
    from ..naskah.jenis import assembler_for  # lazy: start-up time

    numbering = numbering or Numbering(doc)
    if blocks is None:
        blocks = assembler_for(doc)(doc, ctx.profile, ctx.registry, numbering).run()
    rows = [Row(b, _pieces(b, numbering)) for b in blocks]
    for row in rows:
        row.refs = [p.ref for p in row.pieces if p.ref is not None]
    general: list[Note] = []
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f.severity.value] += 1
        note = _note(f)
        at = _anchor(rows, tuple(f.loc))
        if at is None:
            general.append(note)
            continue
        rows[at].notes.append(note)
        _mark(rows[at], f)
    ids, unknown = _id_map(doc, numbering)
    title = f"{getattr(doc, 'nama_jenis', doc.jenis)} tentang {doc.tentang}"
    halaman = ctx.profile.halaman
    return Review(title, file, rows, general, counts, ids, unknown, bool(getattr(blocks, "rancangan", False)),
                  (halaman.lebar_mm, halaman.tinggi_mm))


def _note(f) -> Note:
    where = f.location() if (f.file or f.position) else ""
    return Note(f.rule.id, f.severity.value, f.severity.label, f.message, f.hint, f.rule.source, where,
                ".".join(str(p) for p in f.loc))


def _anchor(rows: list[Row], loc: tuple) -> Optional[int]:
    """The row of the deepest unit on ``loc``: its first text block (its heading when the finding is on a title)."""
    if not loc:
        return None
    best, best_len = None, -1
    for i, row in enumerate(rows):
        src = row.block.source
        if src is None:
            continue
        sloc = src.loc
        if len(sloc) > best_len and sloc and loc[:len(sloc)] == sloc:
            best, best_len = i, len(sloc)
    if best is not None:
        same = [i for i, r in enumerate(rows) if r.block.source is rows[best].block.source]
        if loc[best_len:best_len + 1] not in (("judul",), ()) or len(loc) > best_len + 1:
            body = [i for i in same if rows[i].block.style not in _HEADING_STYLES]
            if body:
                return body[0]
        return same[0]
    style = _FIELD_STYLE.get(loc[0]) if isinstance(loc[0], str) else None
    if style:
        for i, row in enumerate(rows):
            if row.block.style == style:
                return i
    for i, row in enumerate(rows):  # a container (the whole batang tubuh, a lampiran): its first block
        src = row.block.source
        if src is not None and src.loc[:len(loc)] == loc:
            return i
    return None


def _pieces(block, numbering: Numbering) -> list[Piece]:
    """The block's text cut at the references it was written with; the plain text when none can be matched."""
    text = block.text or ""
    src = block.source
    if src is None or "[[" in text or block.runs:
        return [Piece(text)]
    for name in ("teks", "teks_akhir", "arti"):
        raw = getattr(src, name, None)
        if not isinstance(raw, str) or "[[" not in raw:
            continue
        pieces = _split(raw, src, numbering)
        if pieces is None:
            continue
        joined = "".join(p.text for p in pieces)
        at = text.find(joined)
        if at < 0:
            continue
        return ([Piece(text[:at])] if at else []) + pieces + ([Piece(text[at + len(joined):])]
                                                             if at + len(joined) < len(text) else [])
    return [Piece(text)]


def _split(raw: str, where, numbering: Numbering) -> Optional[list[Piece]]:
    pieces: list[Piece] = []
    last = 0
    for m in REF.finditer(raw):
        if m.start() > last:
            pieces.append(Piece(raw[last:m.start()]))
        try:
            printed = numbering.expand(m.group(0), where)
        except Exception:  # noqa: BLE001 - an unknown id: the rules report it; the text shows it as written
            return None
        ids = [p.strip() for p in m.group(2).split(",") if p.strip()]
        pieces.append(Piece(printed, Ref(printed, ", ".join(ids), _citation(numbering, ids), _excerpt(numbering, ids))))
        last = m.end()
    if last < len(raw):
        pieces.append(Piece(raw[last:]))
    return pieces


def _citation(numbering: Numbering, ids: list[str]) -> str:
    return "; ".join(" ".join(numbering.unit(numbering.by_id[i]).chain) for i in ids if i in numbering.by_id)


def _excerpt(numbering: Numbering, ids: list[str], size: int = 90) -> str:
    out = []
    for i in ids:
        node = numbering.by_id.get(i)
        text = ""
        for name in ("teks", "judul", "arti", "istilah"):
            value = getattr(node, name, None)
            if isinstance(value, str) and value.strip():
                text = REF.sub(lambda m: f"[{m.group(2)}]", value.strip())
                break
        if len(text) > size:
            text = text[:size].rsplit(" ", 1)[0] + " …"
        if text:
            out.append(f"«{text}»")
    return " ".join(out)


def _mark(row: Row, finding) -> None:
    """Mark the words the finding quotes (its snippet or a 'quoted' part of its message) in the row's text."""
    wanted = _QUOTE.findall(finding.message)
    snippet = (finding.snippet or "").strip().strip("…").strip()
    if snippet and len(snippet) <= 60:
        wanted.append(snippet)
    for quote in wanted:
        for k, piece in enumerate(row.pieces):
            if piece.ref is not None or piece.marked:
                continue
            at = piece.text.find(quote)
            if at < 0:
                continue
            parts = [Piece(piece.text[:at]), Piece(quote, marked=True), Piece(piece.text[at + len(quote):])]
            row.pieces[k:k + 1] = [p for p in parts if p.text]
            return


def _id_map(doc, numbering: Numbering) -> tuple[list[IdEntry], list[str]]:
    cited: dict[str, list[str]] = {}
    unknown: list[str] = []
    for node, _, ident in numbering.references():
        if ident not in numbering.by_id:
            unknown.append(ident)
            continue
        owner = numbering.owner(node)
        here = " ".join(owner.chain) if owner is not None else _place_name(node)
        if here not in cited.setdefault(ident, []):
            cited[ident].append(here)
    entries = []
    for unit in numbering.units.values():
        ident = getattr(unit.node, "id", None)
        if ident and numbering.by_id.get(ident) is unit.node:
            entries.append(IdEntry(ident, _KIND.get(unit.kind, unit.kind), " ".join(unit.chain) or unit.number,
                                   cited.get(ident, [])))
    return entries, sorted(set(unknown))


def _place_name(node) -> str:
    loc = node.loc
    return ".".join(str(p) for p in loc) if loc else "naskah"


# -- HTML ---------------------------------------------------------------------------------------------
_HTML = """<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<title>Tinjauan: {{ r.title }}</title>
<style>
@page { size: {{ r.page_mm[0] }}mm {{ r.page_mm[1] }}mm; margin: 15mm 12mm 15mm 15mm; }
body { font-family: "Bookman Old Style", "TeX Gyre Bonum", serif; font-size: 10.5pt; line-height: 1.3; margin: 0; }
h1 { font-size: 13pt; margin: 0 0 2mm 0; }
h2 { font-size: 11.5pt; margin: 5mm 0 2mm 0; border-bottom: 1px solid #999; }
p { margin: 0 0 2pt 0; }
p.meta { font-size: 9pt; color: #444444; }
table { border-collapse: collapse; }
td { vertical-align: top; }
p.c { text-align: center; } p.cb { text-align: center; font-weight: bold; } p.r { margin-left: 40%; }
p.j { text-align: left; }
span.ref { background: #dde8ff; border-bottom: 1px solid #3658a8; }
span.refid, span.mono { font-family: "Liberation Mono", monospace; font-size: 7pt; color: #3658a8; }
mark, span.mark { background: #ffe08a; }
p.note, p.rujukan { font-family: "Liberation Sans", Arial, sans-serif; font-size: 8pt; line-height: 1.2; margin: 0 0 3pt 0; }
p.error { background: #fdecee; } p.warning { background: #fff4e0; } p.info { background: #eef2fb; }
p.rujukan { background: #f1f4fb; }
span.sev { font-weight: bold; }
span.hint { font-style: italic; } span.src { color: #555555; }
p.draft { color: #aa0000; text-align: right; font-size: 8pt; }
td.cell { border: 1px solid #000000; font-size: 9pt; }
</style></head><body>
{% if r.rancangan %}<p class="draft">RANCANGAN</p>{% endif %}
<h1>Tinjauan naskah: {{ r.title }}</h1>
<p class="meta">{% if r.file %}Spec: {{ r.file }}. {% endif %}Teks di kiri adalah naskah yang dirakit
(sama dengan DOCX); catatan di kanan adalah temuan pemeriksaan Tata Naskah di tempatnya. Rujukan yang dibangkitkan dari
[[id]] <span class="ref">disorot</span> dengan id sasarannya.</p>
<table border="1" cellpadding="3"><tr><th>galat</th><th>peringatan</th><th>info</th><th>rujukan</th><th>id</th></tr>
<tr><td align="center">{{ r.counts.error }}</td><td align="center">{{ r.counts.warning }}</td><td align="center">{{ r.counts.info }}</td>
<td align="center">{{ nrefs }}</td><td align="center">{{ r.ids|length }}</td></tr></table>
{% if r.general %}<h2>Temuan tentang naskah secara keseluruhan</h2>
{% for n in r.general %}{{ note(n) }}{% endfor %}{% endif %}
{% if r.unknown_refs %}<h2>Rujukan ke id yang tidak ada</h2><p>{% for i in r.unknown_refs %}<span class="mono">[[{{ i }}]]</span> {% endfor %}</p>{% endif %}
<h2>Naskah dengan catatan</h2>
<table width="100%" cellpadding="2" cellspacing="0">

{% for row in r.rows %}{% set b = row.block %}{% if b.table %}</table>
{% if b.table.judul %}<p class="cb">{{ b.table.judul }}</p>{% endif %}
<table width="100%" cellpadding="2" border="1"><tr>{% for c in b.table.kolom %}<th>{{ c }}</th>{% endfor %}</tr>
{% for rr in b.table.baris %}<tr>{% for c in rr %}<td>{{ c }}</td>{% endfor %}</tr>{% endfor %}</table>
{% for n in row.notes %}{{ note(n) }}{% endfor %}
<table width="100%" cellpadding="2" cellspacing="0">
{% else %}<tr>
<td valign="top" width="63%">{% if b.page_break %}<hr>{% endif %}{% if b.image is not none %}<p class="c">[{{ "gambar" if b.image else "lambang" }}]</p>
{% elif b.label or b.marker %}<p class="j" style="margin-left: {{ indent(b) }}mm">{% if b.label and b.label.strip() %}<b>{{ b.label }} :</b> {% endif %}{% if b.marker %}{{ b.marker }}&#160;{% endif %}{{ text(row) }}</p>
{% else %}<p class="{{ css(b.style) }}">{{ text(row) }}</p>{% endif %}</td>
<td valign="top" width="37%">{% for n in row.notes %}{{ note(n) }}{% endfor %}{% for f in row.refs %}<p class="rujukan" style="font-family: Liberation Sans, Arial, sans-serif; font-size: 8pt; margin: 0 0 3pt 0; background: #f1f4fb"><span class="ref" style="background: #dde8ff">{{ f.printed }}</span> &#8594; <span class="mono" style="font-family: Liberation Mono, monospace; color: #3658a8">{{ f.target }}</span>{% if f.number %} = {{ f.number }}{% endif %}{% if f.excerpt %}: {{ f.excerpt }}{% endif %}</p>{% endfor %}</td></tr>
{% endif %}{% endfor %}</table>
<h2>Peta id &#8594; nomor</h2>
{% if r.ids %}<table border="1" cellpadding="2" width="100%"><tr><th>id</th><th>unit</th><th>menjadi</th><th>dirujuk dari</th></tr>
{% for e in r.ids %}<tr><td><span class="mono">{{ e.ident }}</span></td><td>{{ e.kind }}</td><td>{{ e.number }}</td><td>{{ e.cited_from|join("; ") if e.cited_from else "-" }}</td></tr>
{% endfor %}</table>{% else %}<p>Spec ini tidak memberi id pada unit mana pun.</p>{% endif %}
</body></html>
"""

# inline styles: LibreOffice's HTML import (the PDF) ignores most class selectors
_NOTE = """<p class="note" style="font-family: Liberation Sans, Arial, sans-serif; font-size: 8pt; margin: 0 0 3pt 0; background: {{ bg[n.severity] }}"><b><span style="color: {{ fg[n.severity] }}">{{ n.rule }} {{ n.label }}</span></b>: {{ n.message }}
{% if n.hint %}<br><i>Saran: {{ n.hint }}</i>{% endif %}
{% if n.source %}<br><span style="color: #555555">Sumber: {{ n.source }}</span>{% endif %}
{% if n.where %}<br><span style="color: #555555">{{ n.where }}</span>{% endif %}</p>"""
_BG = {"error": "#fdecee", "warning": "#fff4e0", "info": "#eef2fb"}
_FG = {"error": "#b00020", "warning": "#8a5300", "info": "#3658a8"}
_REF_STYLE = "background: #dde8ff"
_MARK_STYLE = "background: #ffe08a"


def _css(style: str) -> str:
    from .preview import _css as preview_css  # the previews' layout of the same styles

    return {"c b": "cb"}.get(preview_css(style), preview_css(style))


def _indent(block) -> int:
    """Left indent of an item, in millimetres: deeper items further right."""
    return min(int(max(block.level, 0) * 6 + block.indent_mm), 60)


def _text(row: Row):
    from markupsafe import Markup, escape  # lazy: start-up time

    from .preview import _rich_html  # emphasis runs, escaped

    if row.block.runs:
        return _rich_html(row.block)
    out = Markup("")
    for p in row.pieces:
        if p.ref is not None:
            title = escape(f"{p.ref.target} = {p.ref.number}")
            out += (Markup('<span class="ref" style="%s" title="%s">') % (_REF_STYLE, title) + escape(p.text) + Markup("</span>")
                    + Markup('<sup class="refid" style="color: #3658a8; font-size: 6.5pt">[%s]</sup>') % p.ref.target)
        elif p.marked:
            out += Markup('<span class="mark" style="%s">' % _MARK_STYLE) + escape(p.text) + Markup("</span>")
        else:
            out += escape(p.text)
    return out


@lru_cache(maxsize=1)
def _env():
    from jinja2 import select_autoescape  # lazy: start-up time
    from jinja2.sandbox import SandboxedEnvironment  # lazy: start-up time

    env = SandboxedEnvironment(autoescape=select_autoescape(default=True, default_for_string=True))
    note_template = env.from_string(_NOTE)
    from markupsafe import Markup  # lazy: start-up time

    env.globals.update(css=_css, indent=_indent, text=_text,
                       note=lambda n: Markup(note_template.render(n=n, bg=_BG, fg=_FG)))
    return env


def review_html(review: Review) -> str:
    nrefs = sum(len(row.refs) for row in review.rows)
    return _env().from_string(_HTML).render(r=review, nrefs=nrefs)


def write_review(review: Review, target, timeout: float | None = None):
    """Write the review to ``target``: ``.html`` as is, ``.pdf`` through LibreOffice's HTML import (Writer/Web
    PDF export). Atomic. Raises :class:`legaldraft.render.pdf.PdfError` when the PDF cannot be made."""
    import tempfile  # lazy: start-up time
    from pathlib import Path  # lazy: start-up time

    from ..ioutil import atomic_copy, atomic_write_text  # lazy: start-up time

    target = Path(target)
    html = review_html(review)
    if target.suffix.lower() != ".pdf":
        atomic_write_text(target, html)
        return target
    from .pdf import convert_batch  # lazy: start-up time

    with tempfile.TemporaryDirectory(prefix="legaldraft-tinjauan-") as tmp:
        source = Path(tmp) / f"{target.stem}.html"
        source.write_text(html, encoding="utf-8")
        (pdf,) = convert_batch([source], Path(tmp) / "pdf", timeout, export_filter="pdf:writer_web_pdf_Export")
        atomic_copy(pdf, target)
    return target

"""Akoma Ntoso 3.0 back to a spec: ``legaldraft import FILE.xml``.

Reads what :mod:`legaldraft.render.akn` writes (and Akoma Ntoso of the same shape from elsewhere): the
preface and preamble give the judul, Menimbang and Mengingat; chapter/section/subsection/article/paragraph/
list/point the batang tubuh; hcontainer ``diktum`` a Keputusan's diktum; ``mod``/``quotedStructure`` a
Perubahan's restated units, with the instruction parameters from ``<proprietary>``; conclusions the
signatures and the Berita Daerah; attachments the Lampiran (and Penjelasan).

Texts are taken as printed (references already expanded), so the spec builds the same text. Where the
document states what legaldraft would generate (the closing point of Menimbang, the promulgation order,
the profile's tempat and jabatan), the spec leaves it to be generated, and keeps it verbatim only when it
differs (checked by assembling the spec once more).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..naskah.assembler import NAMA_BELUM_ADA
from .. import limits
from ..model import ProfilDaerah
from ..naskah import rumusan
from ..naskah.akn import LD_NS, NS, schema
from ..naskah.jenis import assembler_for
from ..spec.errors import SpecError
from ..spec.loader import context_of, loads
from ..spec.profiles import find_profile, load_profile
from .finish import dump
from .parse import Imported
from .text import Notes

class AknError(ValueError):
    """Not an Akoma Ntoso document legaldraft can read (message in Indonesian)."""


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def kids(el, *names):
    return [c for c in el if isinstance(c.tag, str) and (not names or local(c) in names)]


def first(el, name):
    found = kids(el, name)
    return found[0] if found else None


def text_of(el) -> str:
    """The element's text, whitespace as printed (inner markup flattened)."""
    if el is None:
        return ""
    parts = []
    for node in el.iter():
        if node is not el and local(node) in ("quotedStructure",):
            continue
        if node.text and not _inside_quoted(node, el):
            parts.append(node.text)
        if node is not el and node.tail and not _inside_quoted(node.getparent(), el):
            parts.append(node.tail)
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def _inside_quoted(node, stop) -> bool:
    while node is not None and node is not stop:
        if local(node) == "quotedStructure":
            return True
        node = node.getparent()
    return False


def p_text(el) -> str | None:
    p = first(el, "p") if el is not None else None
    return text_of(p) if p is not None else None


@dataclass
class AknImport:
    spec: dict
    daerah: str
    notes: Notes = field(default_factory=Notes)


class AknReader:
    def __init__(self, root, notes: Notes):
        self.root = root
        self.notes = notes
        self.doc = next((c for c in kids(root) if local(c) in ("act", "bill", "doc")), None)
        if self.doc is None:
            raise AknError("bukan dokumen Akoma Ntoso yang dikenal (tidak ada <act>, <bill> atau <doc>)")
        self.meta = first(self.doc, "meta")
        prop = self.meta.find(f"{q('proprietary')}/{{{LD_NS}}}dokumen") if self.meta is not None else None
        self.ld = prop
        self.spec: dict = {}
        self.articles: dict[str, dict] = {}  # eId -> the Pasal read, for the Penjelasan that names it

    # -- identity -------------------------------------------------------------------------------------
    def attr(self, name: str, default=None):
        return self.ld.get(name, default) if self.ld is not None else default

    def jenis(self) -> str:
        jenis = self.attr("jenis") or self.doc.get("name") or "perbup"
        if jenis not in ("perbup", "pedoman", "keputusan", "perubahan", "pencabutan"):
            self.notes.warn(None, f"jenis Akoma Ntoso '{jenis}' dibaca sebagai perbup")
            jenis = "perbup"
        return jenis

    def frbr_name(self) -> str:
        el = self.meta.find(f"{q('identification')}/{q('FRBRWork')}/{q('FRBRname')}") if self.meta is not None else None
        return el.get("value", "") if el is not None else ""

    def tentang(self) -> str:
        name = self.frbr_name()
        if " tentang " in name:
            return name.split(" tentang ", 1)[1]
        title = self.doc.find(f".//{q('docTitle')}")
        if title is not None and text_of(title):
            return text_of(title).capitalize()
        return name or "(tanpa judul)"

    def read(self) -> dict:
        jenis = self.jenis()
        spec = self.spec
        spec["jenis"] = jenis
        spec["daerah"] = self.attr("daerah") or "contoh"
        spec["status"] = self.attr("status") or ("rancangan" if local(self.doc) == "bill" else "final")
        for name in ("nomor", "tahun"):
            value = self.attr(name)
            if value is not None:
                spec[name] = int(value) if name == "tahun" else value
        if "nomor" not in spec:
            self.number_from_title(spec)
        if jenis not in ("perubahan", "pencabutan"):
            spec["tentang"] = self.tentang()
        if self.attr("salinan") == "true":
            spec["salinan"] = True
        self.preface()
        self.preamble(jenis)
        body = first(self.doc, "body")
        if jenis == "keputusan" and not [c for c in kids(body) if local(c) in ("chapter", "article")]:
            self.keputusan(body)
        elif jenis == "perubahan":
            self.perubahan(body)
        elif jenis == "pencabutan":
            self.pencabutan(body)
        else:
            spec["batang_tubuh"] = [self.body_node(c) for c in kids(body)
                                    if local(c) in ("part", "chapter", "section", "article")]
        self.conclusions(first(self.doc, "conclusions"), jenis)
        self.attachments(first(self.doc, "attachments"))
        return spec

    def number_from_title(self, spec: dict) -> None:
        num = self.doc.find(f".//{q('docNumber')}")
        m = re.match(r"NOMOR\s+(\S+)(?:\s+TAHUN\s+(\d{4}))?", text_of(num)) if num is not None else None
        if m and m.group(1) != "...":
            spec["nomor"] = m.group(1)
            if m.group(2):
                spec["tahun"] = int(m.group(2))

    # -- preface and preamble -------------------------------------------------------------------------
    def preface(self) -> None:
        preface = first(self.doc, "preface")
        if preface is None:
            return
        self.kop = [text_of(p) for p in kids(preface, "p") if p.get("class") == "kop"]

    def preamble(self, jenis: str) -> None:
        pre = first(self.doc, "preamble")
        spec = self.spec
        recitals = first(pre, "recitals") if pre is not None else None
        points = []
        numbered = False
        for rec in kids(recitals, "recital") if recitals is not None else []:
            numbered = numbered or first(rec, "num") is not None
            points.append(p_text(rec) or "")
        if not points:
            self.notes.warn(None, "naskah tanpa Menimbang: diisi '...' untuk dilengkapi")
            points = ["bahwa ...;"]
        if not numbered and len(points) == 1:
            spec["konsiderans"] = {"poin": [points[0]], "tunggal": True}
        else:
            spec["konsiderans"] = {"poin": points[:-1] or points, "penutup": points[-1] if len(points) > 1 else None}
        for cits in kids(pre, "citations") if pre is not None else []:
            texts = [p_text(c) or "" for c in kids(cits, "citation") if c.get("class") != "kosong"]
            if cits.get("class") == "memperhatikan":
                spec["memperhatikan"] = texts
            else:
                if jenis == "perubahan" and texts:
                    texts = texts[:-1]  # the amended Perbup with its chain: generated from 'mengubah'
                spec["dasar_hukum"] = [{"teks": t} for t in texts]

    # -- batang tubuh ---------------------------------------------------------------------------------
    def body_node(self, el) -> dict:
        """chapter/part -> BAB; a section or subsection holding articles -> Bagian/Paragraf; any other section
        or article -> Pasal (Akoma Ntoso from common-law systems numbers its basic unit as a section)."""
        kind = local(el)
        units = ("part", "chapter", "section", "subsection", "article")
        if kind in ("chapter", "part"):
            return {"bab": text_of(first(el, "heading")) or text_of(first(el, "num")),
                    "isi": [self.body_node(c) for c in kids(el, *units)]}
        holds_articles = el.find(f".//{q('article')}") is not None
        if kind == "section" and holds_articles:
            return {"bagian": text_of(first(el, "heading")), "isi": [self.body_node(c) for c in kids(el, *units)]}
        if kind == "subsection" and holds_articles:
            return {"paragraf": text_of(first(el, "heading")), "isi": [self.body_node(c) for c in kids(el, "article")]}
        return self.pasal(el)

    def pasal(self, el) -> dict:
        out: dict = {}
        self.articles[el.get("eId") or ""] = out
        for part in self.parts(el):
            name = local(part)
            if name in ("paragraph", "subsection"):
                out.setdefault("ayat", []).append(self.with_items({}, self.parts(part)))
            elif name == "list" and part.get("class") == "definisi":
                intro = first(part, "intro")
                if intro is not None:
                    out["pembuka"] = p_text(intro)
                out["definisi"] = [{"teks": p_text(first(pt, "content")) or ""} for pt in kids(part, "point")]
            else:
                self.with_items(out, [part])
        if not any(k in out for k in ("teks", "ayat", "definisi", "rincian")):
            out["teks"] = ""
        if "rincian" in out and "teks" not in out:
            out["teks"] = ""
        return out

    def parts(self, el) -> list:
        """The content parts of a hierarchy element in order (hcontainer 'teks' wrappers opened)."""
        out = []
        for child in kids(el):
            name = local(child)
            if name in ("num", "heading", "subheading"):
                continue
            if name == "hcontainer" and child.get("name") == "teks":
                out.extend(kids(child, "content"))
            else:
                out.append(child)
        return out

    def with_items(self, out: dict, parts) -> dict:
        """content -> teks (or teks_akhir after a list); list -> teks (intro), rincian, teks_akhir (wrapUp)."""
        for part in parts:
            name = local(part)
            if name == "content":
                text = " ".join(text_of(p) for p in kids(part, "p"))
                if "rincian" in out or "teks" in out:
                    out["teks_akhir"] = text if "teks_akhir" not in out else f"{out['teks_akhir']} {text}"
                else:
                    out["teks"] = text
            elif name == "list":
                intro = first(part, "intro")
                if intro is not None:
                    out["teks"] = p_text(intro) or ""
                out["rincian"] = [self.butir(pt) for pt in kids(part, "point")]
                wrap = first(part, "wrapUp")
                if wrap is not None:
                    out["teks_akhir"] = p_text(wrap) or ""
        if "teks" not in out:
            out["teks"] = ""
        return out

    def butir(self, el) -> dict:
        return self.with_items({}, self.parts(el))

    # -- keputusan, perubahan, pencabutan -------------------------------------------------------------
    def keputusan(self, body) -> None:
        diktum = []
        containers = [c for c in kids(body, "hcontainer") if c.get("name") == "diktum"]
        for hc in containers:
            if hc.get("class") == "mulai-berlaku":
                self.spec["mulai_berlaku"] = p_text(first(hc, "content"))
                continue
            d: dict = {}
            for part in self.parts(hc):
                table = part.find(q("table")) if local(part) == "content" else None
                if table is not None:
                    d["tabel"] = self.table(table)
                elif local(part) == "content" and ("rincian" in d or "tabel" in d):
                    d["teks_akhir"] = " ".join(text_of(p) for p in kids(part, "p"))
                else:
                    self.with_items(d, [part])
            diktum.append(d)
        self.spec["diktum"] = diktum

    def proprietary_json(self, tag: str) -> list:
        if self.ld is None:
            return []
        return [(el.get("peran"), json.loads(el.text or "{}")) for el in self.ld.findall(f"{{{LD_NS}}}{tag}")]

    def perubahan(self, body) -> None:
        spec = self.spec
        regs = self.proprietary_json("peraturan")
        spec["mengubah"] = next((r for role, r in regs if role == "mengubah"), None)
        if spec["mengubah"] is None:
            raise AknError("Perubahan tanpa data peraturan yang diubah (<proprietary> legaldraft)")
        earlier = [r for role, r in regs if role == "sebelumnya"]
        if earlier:
            spec["perubahan_sebelumnya"] = earlier
        params = [r for _, r in self.proprietary_json("angka")]
        arts = kids(body, "article")
        points = arts[0].findall(f"{q('list')}/{q('point')}") if arts else []
        items = []
        for i, point in enumerate(points):
            item = dict(params[i]) if i < len(params) else {}
            mod = point.find(f".//{q('mod')}")
            quoted = mod.find(q("quotedStructure")) if mod is not None else None
            for unit in kids(quoted) if quoted is not None else []:
                name = local(unit)
                if name == "paragraph":
                    item.setdefault("ayat", []).append(self.ayat_ubah(unit))
                elif name == "list":
                    item["definisi"] = self.angka_ubah(unit)
                else:
                    item.setdefault("isi", []).append(self.unit_ubah(unit))
            items.append(item)
        spec["perubahan"] = items
        if len(arts) > 1:
            texts = [text_of(p) for p in arts[1].iter(q("p"))]
            spec["pasal_ii"] = texts[:-1]
            tail = self.berlaku_tail(texts[-1] if texts else "")
            if tail:
                spec["berlaku"] = tail

    def berlaku_tail(self, text: str) -> str | None:
        m = re.search(r" ini mulai berlaku (.+)\.$", text)
        if m and m.group(1) != rumusan.DIUNDANGKAN:
            return m.group(1)
        return None

    def unit_ubah(self, el) -> dict:
        name = local(el)
        label = re.sub(r"^(BAB|Bagian|Paragraf|Pasal)\s+", "", text_of(first(el, "num")))
        if name == "article":
            out: dict = {"pasal": label}
            for part in self.parts(el):
                if local(part) == "paragraph":
                    out.setdefault("ayat", []).append(self.ayat_ubah(part))
                elif local(part) == "list" and part.get("class") == "definisi":
                    intro = first(part, "intro")
                    if intro is not None:
                        out["teks"] = p_text(intro)
                    out["definisi"] = self.angka_ubah(part)
                else:
                    self.with_items(out, [part])
                    if out.get("teks") == "" and "rincian" not in out:
                        out.pop("teks")
            return out
        key = {"chapter": "bab", "section": "bagian", "subsection": "paragraf"}[name]
        return {key: label, "judul": text_of(first(el, "heading")),
                "isi": [self.unit_ubah(c) for c in kids(el, "section", "subsection", "article")]}

    def ayat_ubah(self, el) -> dict:
        out = {"ayat": text_of(first(el, "num")).strip("()")}
        self.with_items(out, self.parts(el))
        return out

    def angka_ubah(self, lst) -> list:
        return [{"angka": text_of(first(pt, "num")).rstrip("."), "teks": p_text(first(pt, "content")) or ""}
                for pt in kids(lst, "point")]

    def pencabutan(self, body) -> None:
        regs = self.proprietary_json("peraturan")
        self.spec["dicabut"] = [r for role, r in regs if role == "dicabut"]
        if not self.spec["dicabut"]:
            raise AknError("Pencabutan tanpa data peraturan yang dicabut (<proprietary> legaldraft)")
        if self.attr("belum-berlaku") == "true":
            self.spec["belum_berlaku"] = True
        arts = kids(body, "article")
        if len(arts) > 1:
            tail = self.berlaku_tail(text_of(arts[1]))
            if tail:
                self.spec["berlaku"] = tail

    # -- conclusions ----------------------------------------------------------------------------------
    def conclusions(self, con, jenis: str) -> None:
        if con is None:
            return
        spec = self.spec
        for formula in kids(con, "formula"):
            if formula.get("name") == "perintahPengundangan":
                self.perintah = p_text(formula)
        for block in kids(con, "blockContainer"):
            kind = block.get("class")
            if kind in ("penetapan", "pengundangan"):
                spec[kind] = self.signature(block, kind)
            elif kind == "tembusan":
                items = [text_of(p) for p in kids(block, "p") if p.get("class") != "judul"]
                spec["tembusan"] = [re.sub(r"^\d+\.\s+", "", t) for t in items] if len(items) > 1 else items
            elif kind == "paraf":
                spec["paraf_koordinasi"] = [text_of(p) for p in kids(block, "p") if p.get("class") != "judul"]
        for p in kids(con, "p"):
            if p.get("class") == "beritaDaerah":
                m = re.search(r"TAHUN (\d{4}|\.\.\.) NOMOR (\S+)(?: SERI (.+))?$", text_of(p))
                if m:
                    bd = {}
                    if m.group(1) != "...":
                        bd["tahun"] = int(m.group(1))
                    if m.group(2) != "...":
                        bd["nomor"] = m.group(2)
                    if m.group(3):
                        bd["seri"] = m.group(3)
                    if bd:
                        spec.setdefault("pengundangan", {})["berita_daerah"] = bd

    def signature(self, block, kind: str) -> dict:
        out: dict = {}
        loc = block.find(f".//{q('location')}")
        if loc is not None:
            out["tempat"] = re.sub(r"^(Ditetapkan|Diundangkan) di\s+", "", text_of(loc))
        date = block.find(f".//{q('date')}")
        if date is not None and date.get("date"):
            out["tanggal"] = date.get("date")
        sign = block.find(f".//{q('signature')}")
        if sign is not None:
            roles = [text_of(r) for r in kids(sign, "role")]
            if roles:
                out["jabatan"] = roles[-1].rstrip(",")
            if len(roles) > 1 and kind == "penetapan":
                out["atas_nama"] = roles[0]
            person = text_of(first(sign, "person"))
            if person and person.strip().lower() != NAMA_BELUM_ADA:  # a rancangan's visible '(nama)' is no name
                out["nama"] = person
        return out

    # -- attachments ----------------------------------------------------------------------------------
    def attachments(self, atts) -> None:
        if atts is None:
            return
        for att in kids(atts, "attachment"):
            doc = first(att, "doc")
            if doc is None:
                continue
            main = first(doc, "mainBody")
            if doc.get("name") == "penjelasan":
                self.penjelasan(main)
                continue
            classes = (main.get("class") or "").split()
            lamp: dict = {}
            ident = next((c[3:] for c in classes if c.startswith("id:")), None)
            if ident:
                lamp["id"] = ident
            children = kids(main)
            if children and local(children[0]) == "p" and children[0].get("class") == "judul":
                lamp["judul"] = text_of(children[0])
                children = children[1:]
            lamp["tanda_tangan"] = any(c.get("class") == "tandaTangan" for c in children)
            lamp["isi"] = self.blocks([c for c in children if c.get("class") != "tandaTangan"])
            self.spec.setdefault("lampiran", []).append(lamp)

    def blocks(self, elements) -> list:
        out = []
        for el in elements:
            name, cls = local(el), el.get("class")
            if name == "hcontainer" and el.get("name") == "bab":
                content = first(el, "content")
                out.append({"bab": text_of(first(el, "heading")), "isi": self.blocks(kids(content) if content is not None else [])})
            elif name == "blockContainer" and cls == "bab":
                rest = kids(el)
                heading = next((c for c in rest if c.get("class") == "heading"), None)
                out.append({"bab": text_of(heading), "isi": self.blocks([c for c in rest if c is not heading and local(c) != "num"])})
            elif name == "blockContainer" and cls == "subbab":
                rest = kids(el)
                heading = next((c for c in rest if c.get("class") == "subbab"), None)
                out.append({"subbab": text_of(heading), "isi": self.blocks([c for c in rest if c is not heading and local(c) != "num"])})
            elif name == "blockContainer" and cls == "markdown":
                out.append({"markdown": markdown_of(el)})
            elif name == "blockList":
                penanda = (cls or "penanda 1.").split()[-1]
                out.append({"daftar": self.daftar(el), "penanda": penanda})
            elif name == "table":
                out.append({"tabel": self.table(el)})
            elif name == "p" and first(el, "img") is not None:
                img = first(el, "img")
                block = {"gambar": img.get("src")}
                if img.get("alt"):
                    block["judul"] = img.get("alt")
                if img.get("width"):
                    block["lebar_mm"] = float(img.get("width"))
                out.append(block)
            elif name == "p":
                out.append({"teks": text_of(el)})
        return out

    def daftar(self, bl) -> list:
        items = []
        for it in kids(bl, "item"):
            entry: dict = {"teks": p_text(it) or ""}
            nested = first(it, "blockList")
            if nested is not None:
                entry["daftar"] = self.daftar(nested)
            items.append(entry)
        return items

    def table(self, el) -> dict:
        rows = kids(el, "tr")
        out: dict = {}
        caption = first(el, "caption")
        if caption is not None:
            out["judul"] = text_of(caption)
        if not rows:
            return {**out, "kolom": [""], "baris": []}
        header = kids(rows[0], "th", "td")
        auto = bool(header) and header[0].get("class") == "nomor-otomatis"
        cells = header[1:] if auto else header
        out["kolom"] = [text_of(c) for c in cells]
        widths = [re.match(r"width:\s*([\d.]+)", c.get("style") or "") for c in cells]
        if widths and all(widths):
            out["lebar"] = [float(m.group(1)) for m in widths]
        out["baris"] = [[text_of(c) for c in (kids(r, "th", "td")[1:] if auto else kids(r, "th", "td"))] for r in rows[1:]]
        if auto:
            out["nomor_otomatis"] = True
        return out

    def penjelasan(self, main) -> None:
        pj: dict = {"umum": [], "pasal": []}
        for hc in kids(main, "hcontainer"):
            content = first(hc, "content")
            if hc.get("name") == "umum":
                pj["umum"] = [text_of(p) for p in kids(content, "p") if text_of(p)]
            else:
                for block in kids(content, "blockContainer"):
                    ref = (block.get("refersTo") or "").lstrip("#")
                    pasal = self.articles.get(ref)
                    if pasal is None:
                        self.notes.warn(None, f"penjelasan {text_of(first(block, 'num'))} merujuk pasal yang tidak ada ({ref})")
                        continue
                    pasal["pasal"] = ref
                    pj["pasal"].append({"pasal": ref, "teks": p_text(block) or "Cukup jelas."})
        self.spec["penjelasan"] = pj


# -- markdown from its rendered blocks ------------------------------------------------------------------
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md_inline(p) -> str:
    parts = [_MD_SPECIAL.sub(r"\\\1", p.text or "")]
    for child in p:
        inner = _MD_SPECIAL.sub(r"\\\1", text_of(child))
        if local(child) == "b" and first(child, "i") is not None:
            parts.append(f"***{inner}***")
        elif local(child) == "b":
            parts.append(f"**{inner}**")
        elif local(child) == "i":
            parts.append(f"*{inner}*")
        else:
            parts.append(inner)
        parts.append(_MD_SPECIAL.sub(r"\\\1", child.tail or ""))
    text = "".join(parts).strip()
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", re.sub(r"^([-+=])", r"\\\1", text))


def markdown_of(container) -> str:
    """Markdown source that renders to the same blocks as the AKN paragraphs (headings, text, lists, tables)."""
    lines: list[str] = []
    indents: list[int] = []  # content indentation of each open list level
    for el in kids(container):
        if local(el) == "table":
            rows = kids(el, "tr")
            cells = [[text_of(c).replace("|", "\\|") for c in kids(r, "th", "td")] for r in rows]
            if cells:
                lines += ["", "| " + " | ".join(cells[0]) + " |", "|" + "---|" * len(cells[0])]
                lines += ["| " + " | ".join(r) + " |" for r in cells[1:]]
                lines.append("")
            indents = []
            continue
        style, _, rest = (el.get("class") or "LD Lampiran Teks|0|").partition("|")
        level_text, _, mark = rest.partition("|")
        text = _md_inline(el)
        if style == "LD Lampiran Sub":
            lines += ["", f"#### {text}", ""]
            indents = []
        elif style.startswith("LD Lampiran Daftar"):
            depth = max(int(level_text or 1), 1)
            if not indents:
                lines.append("")
            indents = indents[:depth - 1]
            indent = indents[-1] if indents else 0
            marker = mark if mark and mark != "-" else "-"
            lines.append(" " * indent + f"{marker} {text}")
            indents.append(indent + len(marker) + 1)
        else:
            lines += ["", text, ""]
            indents = []
    return "\n".join(lines).strip() + "\n"


# -- entry points ---------------------------------------------------------------------------------------
def parse_akn(data: bytes):
    if len(data) > limits.limit("MAX_IMPORT_TEXT_BYTES"):
        raise AknError(f"berkas Akoma Ntoso lebih dari {limits.size_text(limits.limit('MAX_IMPORT_TEXT_BYTES'))}")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise AknError(f"XML tidak sah: {exc}") from None
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.doctype:
        raise AknError("berkas memuat DOCTYPE/entitas; Akoma Ntoso tidak memakainya dan legaldraft tidak membacanya")
    if local(root) != "akomaNtoso" or etree.QName(root).namespace != NS:
        raise AknError("bukan Akoma Ntoso 3.0 (akar <akomaNtoso> dengan namespace "
                       "http://docs.oasis-open.org/legaldocml/ns/akn/3.0)")
    return root


def read_akn(data: bytes) -> AknImport:
    """The spec dict of an AKN document (not yet pinned against a profile: see :func:`import_akn`).

    Only a document valid against the OASIS schema is read; what the reader still cannot place is an
    :class:`AknError`, never a traceback."""
    notes = Notes()
    root = parse_akn(data)
    checker = schema()
    try:
        valid = checker.validate(root)
    except etree.XMLSchemaValidateError as exc:
        raise AknError(f"tidak dapat diperiksa dengan skema Akoma Ntoso 3.0 ({exc})") from None
    if not valid:
        errors = "; ".join(f"baris {e.line}: {e.message}" for e in list(checker.error_log)[:3])
        raise AknError(f"tidak sah menurut skema Akoma Ntoso 3.0 ({errors})")
    reader = AknReader(root, notes)
    try:
        spec = reader.read()
    except AknError:
        raise
    except (AttributeError, KeyError, TypeError, ValueError, IndexError) as exc:
        raise AknError(f"struktur Akoma Ntoso tidak dikenali legaldraft ({type(exc).__name__}: {exc})") from None
    spec["_kop"] = getattr(reader, "kop", [])
    spec["_perintah"] = getattr(reader, "perintah", None)
    return AknImport(spec, spec["daerah"], notes)


def import_akn(path: str | Path, spec_dir: Path | None = None):
    """``legaldraft import FILE.xml``: an :class:`~legaldraft.importer.parse.Imported`, pinned to the profile."""
    path = Path(path)
    try:
        data = limits.read_regular(path, limits.limit("MAX_IMPORT_TEXT_BYTES"), "berkas Akoma Ntoso")
    except limits.LimitError as exc:
        raise AknError(str(exc)) from None
    result = read_akn(data)
    spec = result.spec
    spec_dir = spec_dir or path.parent
    profile_data = None
    if find_profile(spec["daerah"], spec_dir) is not None:
        profile, _ = load_profile(spec["daerah"], spec_dir)
    else:
        profile_data = profile_from(spec)
        profile = ProfilDaerah.model_validate(profile_data)
        result.notes.warn(None, f"profil daerah '{spec['daerah']}' tidak ditemukan; dibuat dari naskah (periksa isinya)")
    pin(spec, profile)
    try:
        loads(dump(spec), str(path), spec_dir, profile=profile)  # the output must be a valid spec
    except SpecError as exc:
        raise AknError("hasil impor bukan spec yang sah: " + "; ".join(p.message for p in exc.problems[:3])) from None
    return Imported(spec, profile, profile_data, result.notes)


def profile_from(spec: dict) -> dict:
    """A profile from what the document prints: the kop, the tempat and the signatories."""
    kop = spec.get("_kop") or []
    jabatan = next((k for k in kop if not k.startswith("PROVINSI")), "BUPATI CONTOH")
    provinsi = next((k[len("PROVINSI "):].title() for k in kop if k.startswith("PROVINSI ")), "Contoh")
    kepala, _, nama = jabatan.partition(" ")
    kepala = {"WALI": "Wali Kota", "WALIKOTA": "Wali Kota"}.get(kepala, kepala.title())
    if kepala == "Wali Kota":
        nama = nama.replace("KOTA ", "", 1)
    pen = spec.get("penetapan", {})
    data = {"nama": nama.title() or "Contoh", "sebutan": "Kota" if kepala == "Wali Kota" else "Kabupaten",
            "provinsi": provinsi, "kepala_daerah": kepala,
            "tempat_penetapan": pen.get("tempat") or nama.title() or "Contoh"}
    if pen.get("nama"):
        data["nama_bupati"] = pen["nama"].title()
    return data


def pin(spec: dict, profile) -> None:
    """Drop what the profile generates identically; keep verbatim what differs (Menimbang closing point,
    promulgation order, kop, tempat/jabatan/nama of the signatures)."""
    kop = spec.pop("_kop", [])
    perintah = spec.pop("_perintah", None)
    if kop and kop != [profile.jabatan, f"PROVINSI {profile.provinsi.upper()}"]:
        spec["kepala_naskah"] = kop
    nama_jenis = profile.formula.nama_jenis_peraturan
    if spec["jenis"] != "keputusan" and perintah:
        if perintah != rumusan.perintah_pengundangan(nama_jenis, profile.nama_berita_daerah):
            spec["perintah_pengundangan"] = perintah
    pen = spec.get("penetapan")
    if pen:
        _drop_same(pen, "tempat", profile.tempat_penetapan)
        _drop_same(pen, "jabatan", profile.jabatan)
        _drop_same(pen, "nama", (profile.nama_bupati or "").upper(), upper=True)
    pg = spec.get("pengundangan")
    if pg:
        _drop_same(pg, "tempat", profile.tempat_penetapan)
        _drop_same(pg, "jabatan", profile.jabatan_sekda)
        _drop_same(pg, "nama", (profile.nama_sekretaris_daerah or "").upper(), upper=True)
    if spec["jenis"] == "keputusan":
        text = spec.get("mulai_berlaku")
        if text == rumusan.mulai_berlaku(rumusan.nama_jenis("keputusan", profile), rumusan.DITETAPKAN):
            spec.pop("mulai_berlaku")
    _pin_closing(spec, profile)
    for key in [k for k, v in spec.items() if v in (None, [], {})]:
        spec.pop(key)


def _drop_same(d: dict, key: str, generated: str, upper: bool = False) -> None:
    value = d.get(key)
    if value is None:
        return
    if value == generated or (upper and value.upper() == generated) or (not value and not generated):
        d.pop(key)


def _pin_closing(spec: dict, profile) -> None:
    """The closing point of Menimbang: generated when the generated one reads the same."""
    kon = spec["konsiderans"]
    written = kon.get("penutup")
    if written is None:
        kon.pop("penutup", None)
        return
    trial = {**spec, "konsiderans": {k: v for k, v in kon.items() if k != "penutup"}}
    try:
        doc = loads(dump(trial), "<impor>", profile=profile)
    except Exception:  # noqa: BLE001 - when the trial does not load, the verbatim closing point stays
        return
    ctx = context_of(doc, profile)
    generated = assembler_for(doc)(doc, profile, ctx.registry).konsiderans_points()[-1][1]
    if generated == written:
        kon.pop("penutup")

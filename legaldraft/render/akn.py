"""Akoma Ntoso 3.0 (OASIS LegalDocML) of a document: ``legaldraft build --format akn``.

The text is the document's own, as the DOCX prints it (references expanded, fixed formulae written out),
structured the Akoma Ntoso way:

* ``<act>`` for an enacted document, ``<bill>`` for a rancangan; ``name`` is the kind (perbup, pedoman,
  keputusan, perubahan, pencabutan);
* ``<meta>``: FRBR Work / Expression / Manifestation identification (URI scheme below), the Berita Daerah
  as ``<publication>``, the TLC references, for a Perubahan the ``<activeModifications>`` (textualMod);
* ``<preface>``: the kop lines and the judul (``docType``, ``docNumber``, ``docTitle``);
* ``<preamble>``: the opening formula and the jabatan, Menimbang as ``<recitals>``, Mengingat (and a
  Keputusan's Memperhatikan) as ``<citations>``, MEMUTUSKAN and Menetapkan as formulas;
* ``<body>``: BAB ``chapter``, Bagian ``section``, Paragraf ``subsection``, Pasal ``article``, ayat
  ``paragraph``, huruf/angka ``list``/``point`` (Ketentuan Umum definitions are points too), with eIds
  after the AKN naming convention (``chp_I``, ``chp_I__sec_1``, ``art_5``, ``art_5__para_2__list_1__point_a``);
  a Keputusan's diktum are ``hcontainer name="diktum"``; a Perubahan's numbered changes carry ``<mod>``
  with the restated units in ``<quotedStructure>``;
* ``<conclusions>``: the promulgation order, the signatures (``<signature>`` with location, date, role,
  person), the pengundangan and the Berita Daerah line, tembusan, paraf koordinasi;
* ``<attachments>``: each Lampiran (and the Penjelasan) as a ``<doc>`` with its own FRBR identification.

FRBR URIs (the Indonesian regional scheme legaldraft uses, after the AKN naming convention's
``/akn/<country>/<type>/<subtype>/<actor>/<date>/<number>``)::

    /akn/id-<provinsi>/act/<singkatan jenis>/<kab|kota|prov>-<daerah>/<tahun>/<nomor>
    /akn/id-jb/act/perbup/kab-purwakarta/2026/12                         Work
    /akn/id-jb/act/perbup/kab-purwakarta/2026/12/ind@2026-03-02          Expression (language, date)
    /akn/id-jb/act/perbup/kab-purwakarta/2026/12/ind@2026-03-02/!main.xml Manifestation
    /akn/id-jb/bill/perbup/kab-purwakarta/2026/<slug tentang>             a rancangan (no number yet)

``<provinsi>`` is the ISO 3166-2:ID code of the provinsi (JB Jawa Barat, SN Sulawesi Selatan …).

What Akoma Ntoso has no element for rides in ``<proprietary source="#legaldraft">`` (AKN's place for an
application's metadata): the parameters of each Perubahan instruction (aksi, unit, nomor, antara …, from
which the instruction sentence is generated) and the regulation a Perubahan or Pencabutan changes. The
reader is :mod:`legaldraft.importer.akn`.
"""
from __future__ import annotations

import datetime as dt
import re

from lxml import etree

from .. import __version__
from ..model import (
    Bab, BabLampiran, Bagian, BlokDaftar, BlokGambar, BlokMarkdown, BlokTabel, BlokTeks, Pasal,
    Paragraf, SubBab, raw_label,
)
from ..naskah import rumusan
from ..naskah.akn import LD_NS, NS, SCHEMA, schema, validate  # noqa: F401  (re-exported for callers)
from ..naskah.assembler import definisi_text
from ..naskah.jenis import assembler_for
from ..naskah.markdown import markdown_blocks
from ..naskah.names import full_tentang, judul_lengkap, nama_peraturan, pencabutan_sentence, singkatan_jenis
from ..naskah.numbers import bilangan, marker, ordinal, tanggal, tanggal_hijriah

PROVINSI_ISO = {
    "aceh": "ac", "sumatera utara": "su", "sumatera barat": "sb", "riau": "ri", "jambi": "ja", "sumatera selatan": "ss",
    "bengkulu": "be", "lampung": "la", "kepulauan bangka belitung": "bb", "kepulauan riau": "kr", "dki jakarta": "jk",
    "jawa barat": "jb", "jawa tengah": "jt", "di yogyakarta": "yo", "daerah istimewa yogyakarta": "yo",
    "jawa timur": "ji", "banten": "bt", "bali": "ba", "nusa tenggara barat": "nb", "nusa tenggara timur": "nt",
    "kalimantan barat": "kb", "kalimantan tengah": "kt", "kalimantan selatan": "ks", "kalimantan timur": "ki",
    "kalimantan utara": "ku", "sulawesi utara": "sa", "sulawesi tengah": "st", "sulawesi selatan": "sn",
    "sulawesi tenggara": "sg", "gorontalo": "go", "sulawesi barat": "sr", "maluku": "ma", "maluku utara": "mu",
    "papua": "pa", "papua barat": "pb", "papua selatan": "ps", "papua tengah": "pt", "papua pegunungan": "pe",
    "papua barat daya": "pd",
}


def A(tag: str, *children, nsmap=None, **attrs):
    """An AKN element; string children become text, ``None`` children are skipped."""
    el = etree.Element(f"{{{NS}}}{tag}", {k.rstrip("_"): str(v) for k, v in attrs.items() if v is not None}, nsmap=nsmap)
    for child in children:
        if child is None:
            continue
        if isinstance(child, str):
            add_text(el, child)
        else:
            el.append(child)
    return el


def add_text(el, text: str) -> None:
    """Text at the end of an element (after its last child, if any)."""
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


def P(text: str, **attrs):
    return A("p", text, **attrs)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _num_id(num: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "", num) or "x"


class AknWriter:
    def __init__(self, doc, ctx, today: dt.date | None = None):
        self.doc = doc
        self.ctx = ctx
        self.profile = ctx.profile
        self.asm = assembler_for(doc)(doc, ctx.profile, ctx.registry)
        self.num = self.asm.num
        self.today = today or dt.date.today()
        self.mods: list = []

    # -- identification -------------------------------------------------------------------------------
    @property
    def doc_type(self) -> str:
        return "bill" if self.doc.is_rancangan else "act"

    def subtype(self) -> str:
        return slug(singkatan_jenis(self.doc, self.profile))

    def country(self) -> str:
        code = PROVINSI_ISO.get(self.profile.provinsi.lower().replace("provinsi ", "").strip())
        return f"id-{code}" if code else "id"

    def actor(self) -> str:
        sebutan = {"kabupaten": "kab", "kota": "kota", "provinsi": "prov"}.get(self.profile.sebutan.lower(), slug(self.profile.sebutan))
        return f"{sebutan}-{slug(self.profile.nama)}"

    def work_date(self) -> dt.date:
        return self.doc.penetapan.tanggal or (dt.date(self.doc.tahun, 1, 1) if self.doc.tahun else self.today)

    def work_uri(self) -> str:
        base = f"/akn/{self.country()}/{self.doc_type}/{self.subtype()}/{self.actor()}"
        if self.doc.is_rancangan or not self.doc.nomor:
            return f"{base}/{self.doc.tahun or self.work_date().year}/{slug(full_tentang(self.doc, self.profile))[:60]}"
        return f"{base}/{self.doc.tahun or self.work_date().year}/{slug(str(self.doc.nomor))}"

    def identification(self, uri: str, name: str, component: str = "main"):
        expr = f"{uri}/ind@{self.work_date().isoformat()}"
        return A("identification",
                 A("FRBRWork",
                   A("FRBRthis", value=f"{uri}/!{component}"), A("FRBRuri", value=uri),
                   A("FRBRdate", date=self.work_date().isoformat(), name="penetapan" if self.doc.penetapan.tanggal else "rancangan"),
                   A("FRBRauthor", href="#kepala-daerah"), A("FRBRcountry", value=self.country()),
                   A("FRBRsubtype", value=self.subtype()),
                   A("FRBRnumber", value=str(self.doc.nomor)) if self.doc.nomor and not self.doc.is_rancangan else None,
                   A("FRBRname", value=name), A("FRBRprescriptive", value="true")),
                 A("FRBRExpression",
                   A("FRBRthis", value=f"{expr}/!{component}"), A("FRBRuri", value=expr),
                   A("FRBRdate", date=self.work_date().isoformat(), name="versi"),
                   A("FRBRauthor", href="#kepala-daerah"), A("FRBRlanguage", language="ind")),
                 A("FRBRManifestation",
                   A("FRBRthis", value=f"{expr}/!{component}.xml"), A("FRBRuri", value=f"{expr}/!{component}.xml"),
                   A("FRBRdate", date=self.today.isoformat(), name="dibuat"),
                   A("FRBRauthor", href="#legaldraft")),
                 source="#legaldraft")

    def references(self):
        return A("references",
                 A("TLCOrganization", eId="legaldraft", href="/ontology/organization/legaldraft", showAs="legaldraft"),
                 A("TLCRole", eId="kepala-daerah", href=f"/ontology/role/id/{self.actor()}/kepala-daerah",
                   showAs=self.profile.jabatan.title()),
                 source="#legaldraft")

    def meta(self):
        meta = A("meta", self.identification(self.work_uri(), self.judul_name()))
        if not self.is_keputusan and self.doc.pengundangan.tanggal and self.doc.pengundangan.berita_daerah.nomor:
            bd = self.doc.pengundangan.berita_daerah
            meta.append(A("publication", date=self.doc.pengundangan.tanggal.isoformat(),
                          name=slug(self.profile.nama_berita_daerah), showAs=self.profile.nama_berita_daerah,
                          number=str(bd.nomor)))
        if self.doc.jenis == "perubahan":
            meta.append(self.analysis())
        meta.append(self.references())
        meta.append(self.proprietary(__version__))
        return meta

    def judul_name(self) -> str:
        return judul_lengkap(self.doc, self.profile)

    def proprietary(self, version: str):
        prop = A("proprietary", source="#legaldraft")
        ld = etree.SubElement(prop, f"{{{LD_NS}}}dokumen", nsmap={"ld": LD_NS})
        doc = self.doc
        ld.set("jenis", doc.jenis)
        ld.set("status", doc.status.value)
        ld.set("daerah", doc.daerah)
        ld.set("legaldraft", version)
        for name in ("nomor", "tahun"):
            value = getattr(doc, name)
            if value is not None:
                ld.set(name, str(value))
        if doc.salinan:
            ld.set("salinan", "true")
        if doc.konsiderans.tunggal is not None:
            ld.set("konsiderans-tunggal", str(doc.konsiderans.tunggal).lower())
        if doc.jenis in ("perubahan", "pencabutan"):
            for role, regs in (("mengubah", [doc.mengubah] if doc.jenis == "perubahan" else []),
                               ("sebelumnya", getattr(doc, "perubahan_sebelumnya", [])),
                               ("dicabut", getattr(doc, "dicabut", []))):
                for reg in regs:
                    el = etree.SubElement(ld, f"{{{LD_NS}}}peraturan", peran=role)
                    el.text = reg.model_dump_json(exclude_none=True, exclude_defaults=True)
            if doc.jenis == "pencabutan" and doc.belum_berlaku:
                ld.set("belum-berlaku", "true")
            for i, item in enumerate(getattr(doc, "perubahan", [])):
                el = etree.SubElement(ld, f"{{{LD_NS}}}angka", urut=str(i + 1))
                el.text = item.model_dump_json(exclude_none=True, exclude_defaults=True,
                                               include={"aksi", "unit", "nomor", "pasal", "induk", "antara", "setelah",
                                                        "letak", "sasaran", "lampiran"})
        return prop

    # -- preface and preamble -------------------------------------------------------------------------
    @property
    def is_keputusan(self) -> bool:
        return self.doc.jenis == "keputusan"

    def preface(self):
        asm = self.asm
        preface = A("preface")
        if self.doc.salinan:
            preface.append(P("SALINAN", class_="salinan"))
        for line in self.doc.kepala_naskah or self.profile.kop:
            preface.append(P(line, class_="kop"))
        title = A("longTitle")
        if self.doc.is_rancangan:
            title.append(P("RANCANGAN", class_="rancangan"))
        title.append(A("p", A("docType", asm.judul_jenis())))
        title.append(A("p", A("docNumber", asm.nomor_line())))
        title.append(P("TENTANG"))
        title.append(A("p", A("docTitle", asm.tentang_upper())))
        preface.append(title)
        return preface

    def preamble(self):
        asm = self.asm
        pre = A("preamble")
        if not self.is_keputusan:
            pre.append(A("formula", P(self.profile.formula.pembukaan), name="pembukaan"))
        pre.append(P(f"{self.profile.jabatan},", class_="jabatan"))
        recitals = A("recitals", A("intro", P("Menimbang")), class_="menimbang", eId="recs_1")
        for i, (mark, text, _) in enumerate(asm.konsiderans_points()):
            recitals.append(A("recital", A("num", mark) if mark else None, P(text), eId=f"recs_1__rec_{_num_id(mark) if mark else i + 1}"))
        pre.append(recitals)
        pre.append(self.citations("mengingat", "Mengingat", asm.mengingat_items(), 1))
        if self.is_keputusan and self.doc.memperhatikan:
            items = self.doc.memperhatikan
            pre.append(self.citations("memperhatikan", "Memperhatikan",
                                      [(f"{i + 1}." if len(items) > 1 else "", t, None) for i, t in enumerate(items)], 2))
        pre.append(A("formula", P("MEMUTUSKAN:"), name="memutuskan"))
        pre.append(A("formula", P(f"{asm.nama_jenis.upper()} TENTANG {asm.tentang_upper()}."), name="menetapkan"))
        return pre

    def citations(self, name: str, label: str, items, n: int):
        cits = A("citations", A("intro", P(label)), class_=name, eId=f"cits_{n}")
        if not items:
            cits.append(A("citation", P("-"), eId=f"cits_{n}__cit_0", class_="kosong"))
        for i, (mark, text, _) in enumerate(items):
            cits.append(A("citation", A("num", mark) if mark else None, P(text), eId=f"cits_{n}__cit_{i + 1}"))
        return cits

    # -- body ---------------------------------------------------------------------------------------
    def body(self):
        if self.is_keputusan and not self.doc.batang_tubuh:     # (a Keputusan of the older form has Pasal)
            return self.keputusan_body()
        if self.doc.jenis == "perubahan":
            return self.perubahan_body()
        if self.doc.jenis == "pencabutan":
            return self.pencabutan_body()
        body = A("body")
        for node in self.doc.batang_tubuh:
            body.append(self.bab(node) if isinstance(node, Bab) else self.pasal(node))
        if not len(body):
            body.append(A("hcontainer", A("content", P("")), name="kosong", eId="hcontainer_1"))
        return body

    def bab(self, bab):
        number = self.num.number(bab)
        eid = f"chp_{_num_id(number)}"
        el = _heading_unit("chapter", f"BAB {number}", bab.judul, eid)
        sections = 0
        for child in bab.isi:
            if isinstance(child, Bagian):
                sections += 1
                b_eid = f"{eid}__sec_{sections}"
                sec = _heading_unit("section", f"Bagian {self.num.number(child)}", child.judul, b_eid)
                subsections = 0
                for grand in child.isi:
                    if isinstance(grand, Paragraf):
                        subsections += 1
                        sub = _heading_unit("subsection", f"Paragraf {self.num.number(grand)}", grand.judul,
                                            f"{b_eid}__subsec_{subsections}")
                        for pasal in grand.isi:
                            sub.append(self.pasal(pasal))
                        sec.append(sub)
                    else:
                        sec.append(self.pasal(grand))
                el.append(sec)
            else:
                el.append(self.pasal(child))
        return el

    def pasal(self, pasal):
        number = self.num.number(pasal)
        eid = f"art_{_num_id(number)}"
        art = A("article", A("num", f"Pasal {number}"), eId=eid)
        t = self.asm.t
        parts = []  # (kind, payload) in reading order
        if pasal.definisi:
            opening = pasal.pembuka or rumusan.pembuka_ketentuan_umum(self.asm.nama_jenis)
            points = [A("point", A("num", f"{self.num.number(d)}."), A("content", P(t(definisi_text(d), d))),
                        eId=f"{eid}__list_1__point_{_num_id(self.num.number(d))}", class_="definisi")
                      for d in pasal.definisi]
            parts.append(A("list", A("intro", P(t(opening, pasal))), *points, eId=f"{eid}__list_1", class_="definisi"))
        formula_text = None
        if pasal.formula == "mulai_berlaku" and not pasal.teks:
            formula_text = rumusan.mulai_berlaku(self.asm.nama_jenis, pasal.berlaku)
        if pasal.formula in ("pencabutan", "tetap_berlaku") and not pasal.teks:
            parts.extend(self.pencabutan_parts(pasal, eid))
        if formula_text:
            parts.append(A("content", P(formula_text), class_="mulai-berlaku"))
        if pasal.teks or pasal.rincian:
            parts.extend(self.text_with_items(t(pasal.teks, pasal) if pasal.teks else None, pasal.rincian,
                                              t(pasal.teks_akhir, pasal) if pasal.teks_akhir else None, eid, pasal))
        for ayat in pasal.ayat:
            mark = self.num.number(ayat)
            a_eid = f"{eid}__para_{_num_id(mark)}"
            para = A("paragraph", A("num", mark), eId=a_eid)
            _attach(para, self.text_with_items(t(ayat.teks, ayat), ayat.rincian,
                                               t(ayat.teks_akhir, ayat) if ayat.teks_akhir else None, a_eid, ayat))
            art.append(para)
        _attach(art, parts)
        return art

    def text_with_items(self, teks, rincian, teks_akhir, eid: str, owner) -> list:
        """'teks' alone -> content; with rincian -> a list with intro, points and wrapUp."""
        if not rincian:
            parts = [A("content", P(teks or ""))]
            if teks_akhir:
                parts.append(A("content", P(teks_akhir), class_="lanjutan"))
            return parts
        lst = A("list", A("intro", P(teks)) if teks is not None else None, eId=f"{eid}__list_1")
        for item in rincian:
            lst.append(self.point(item, f"{eid}__list_1"))
        if teks_akhir:
            lst.append(A("wrapUp", P(teks_akhir)))
        return [lst]

    def point(self, item, parent: str):
        mark = self.num.number(item)
        eid = f"{parent}__point_{_num_id(mark)}"
        t = self.asm.t
        pt = A("point", A("num", mark), eId=eid)
        if not item.rincian:
            pt.append(A("content", P(t(item.teks, item))))
            if item.teks_akhir:  # a point holds one content: text after it goes into the hcontainer form
                first_content = pt[-1]
                pt.remove(first_content)
                _attach(pt, [first_content, A("content", P(t(item.teks_akhir, item)), class_="lanjutan")])
            return pt
        lst = A("list", A("intro", P(t(item.teks, item))), eId=f"{eid}__list_1")
        for child in item.rincian:
            lst.append(self.point(child, f"{eid}__list_1"))
        if item.teks_akhir:
            lst.append(A("wrapUp", P(t(item.teks_akhir, item))))
        pt.append(lst)
        return pt

    def pencabutan_parts(self, pasal, eid: str) -> list:
        nama_jenis = self.asm.nama_jenis
        if pasal.formula == "tetap_berlaku":
            names = [nama_peraturan(r, self.profile) for r in pasal.dicabut]
            return [A("content", P(rumusan.tetap_berlaku(nama_jenis, names)), class_="tetap-berlaku")]
        opening, items, closing = pencabutan_sentence(pasal.dicabut, self.profile, nama_jenis=nama_jenis)
        if not items:
            return [A("content", P(opening), class_="pencabutan")]
        lst = A("list", A("intro", P(opening)), eId=f"{eid}__list_1", class_="pencabutan")
        for i, text in enumerate(items):
            lst.append(A("point", A("num", marker(0, i)), A("content", P(text)), eId=f"{eid}__list_1__point_{_num_id(marker(0, i))}"))
        if closing:
            lst.append(A("wrapUp", P(closing)))
        return [lst]

    def keputusan_body(self):
        body = A("body")
        t = self.asm.t
        for i, d in enumerate(self.doc.diktum):
            label = self.num.number(d)
            eid = f"hcontainer_{i + 1}"
            hc = A("hcontainer", A("num", label), name="diktum", eId=eid)
            parts = self.text_with_items(t(d.teks, d), d.rincian, None, eid, d)
            if d.tabel is not None:
                parts.append(A("content", self.table(d.tabel)))
            if d.teks_akhir:
                parts.append(A("content", P(t(d.teks_akhir, d)), class_="lanjutan"))
            _attach(hc, parts)
            body.append(hc)
        n = len(self.doc.diktum) + 1
        text = self.doc.mulai_berlaku or rumusan.mulai_berlaku(self.asm.nama_jenis, rumusan.DITETAPKAN)
        body.append(A("hcontainer", A("num", ordinal(n).upper()), A("content", P(text)), name="diktum",
                      eId=f"hcontainer_{n}", class_="mulai-berlaku"))
        return body

    def perubahan_body(self):
        asm = self.asm
        doc = self.doc
        body = A("body")
        art = A("article", A("num", "Pasal I"), eId="art_I")
        numbered = len(doc.perubahan) > 1
        lst = A("list", A("intro", P(asm.pasal_i_opening())), eId="art_I__list_1")
        for i, item in enumerate(doc.perubahan):
            eid = f"art_I__list_1__point_{i + 1}"
            mod_id = f"{eid}__mod_1"
            quoted = A("quotedStructure", eId=f"{mod_id}__qstr_1")
            for unit in item.isi:
                quoted.append(self.restated(unit, f"{mod_id}__qstr_1"))
            for ayat in item.ayat:
                quoted.append(self.restated_ayat(ayat, f"{mod_id}__qstr_1"))
            if item.definisi:
                quoted.append(self.restated_angka(item.definisi, f"{mod_id}__qstr_1"))
            mod = A("mod", rumusan.instruksi(item, asm.nama_jenis, bilangan), eId=mod_id)
            if len(quoted):
                mod.append(quoted)
            self.mods.append((item, mod_id))
            lst.append(A("point", A("num", f"{i + 1}.") if numbered else None, A("content", A("p", mod)), eId=eid))
        art.append(lst)
        body.append(art)
        art2 = A("article", A("num", "Pasal II"), eId="art_II")
        paras = [P(text) for text in doc.pasal_ii]
        paras.append(P(rumusan.mulai_berlaku(asm.nama_jenis, doc.berlaku)))
        art2.append(A("content", *paras))
        body.append(art2)
        return body

    def restated(self, unit, prefix: str):
        if isinstance(unit, Pasal):
            return self.restated_pasal(unit, prefix)
        tag, word = {Bab: ("chapter", "BAB"), Bagian: ("section", "Bagian"), Paragraf: ("subsection", "Paragraf")}[type(unit)]
        number = raw_label(unit)
        abbr = {"chapter": "chp", "section": "sec", "subsection": "subsec"}[tag]
        eid = f"{prefix}__{abbr}_{_num_id(number)}"
        el = _heading_unit(tag, f"{word} {number}", unit.judul, eid)
        for child in unit.isi:
            el.append(self.restated(child, eid))
        return el

    def restated_pasal(self, pasal, prefix: str):
        eid = f"{prefix}__art_{_num_id(raw_label(pasal))}"
        art = A("article", A("num", f"Pasal {raw_label(pasal)}"), eId=eid)
        parts = []
        if pasal.definisi:
            parts.append(self.restated_angka(pasal.definisi, eid, intro=pasal.teks))
        elif pasal.teks or pasal.rincian:
            parts.extend(self.restated_items(pasal.teks, pasal.rincian, pasal.teks_akhir, eid))
        for ayat in pasal.ayat:
            art.append(self.restated_ayat(ayat, eid))
        _attach(art, parts)
        return art

    def restated_ayat(self, ayat, prefix: str):
        eid = f"{prefix}__para_{_num_id(raw_label(ayat))}"
        para = A("paragraph", A("num", f"({raw_label(ayat)})"), eId=eid)
        _attach(para, self.restated_items(ayat.teks, ayat.rincian, ayat.teks_akhir, eid))
        return para

    def restated_angka(self, definisi, prefix: str, intro: str | None = None):
        lst = A("list", A("intro", P(intro)) if intro else None, eId=f"{prefix}__list_1", class_="definisi")
        for d in definisi:
            lst.append(A("point", A("num", f"{raw_label(d)}."), A("content", P(d.teks)),
                         eId=f"{prefix}__list_1__point_{_num_id(raw_label(d))}", class_="definisi"))
        return lst

    def restated_items(self, teks, rincian, teks_akhir, eid: str, depth: int = 0) -> list:
        if not rincian:
            parts = [A("content", P(teks or ""))]
            if teks_akhir:
                parts.append(A("content", P(teks_akhir), class_="lanjutan"))
            return parts
        lst = A("list", A("intro", P(teks)) if teks is not None else None, eId=f"{eid}__list_1")
        for i, item in enumerate(rincian):
            mark = marker(depth, i)
            p_eid = f"{eid}__list_1__point_{_num_id(mark)}"
            pt = A("point", A("num", mark), eId=p_eid)
            _attach(pt, self.restated_items(item.teks, item.rincian, item.teks_akhir, p_eid, depth + 1))
            lst.append(pt)
        if teks_akhir:
            lst.append(A("wrapUp", P(teks_akhir)))
        return [lst]

    def pencabutan_body(self):
        asm = self.asm
        body = A("body")
        opening, items, closing = pencabutan_sentence(self.doc.dicabut, self.profile, self.doc.belum_berlaku, asm.nama_jenis)
        art = A("article", A("num", "Pasal 1"), eId="art_1")
        if items:
            lst = A("list", A("intro", P(opening)), eId="art_1__list_1")
            for i, text in enumerate(items):
                lst.append(A("point", A("num", marker(0, i)), A("content", P(text)), eId=f"art_1__list_1__point_{_num_id(marker(0, i))}"))
            if closing:
                lst.append(A("wrapUp", P(closing)))
            art.append(lst)
        else:
            art.append(A("content", P(opening)))
        body.append(art)
        body.append(A("article", A("num", "Pasal 2"), A("content", P(
            rumusan.mulai_berlaku(asm.nama_jenis, self.doc.berlaku))), eId="art_2"))
        return body

    # -- conclusions ----------------------------------------------------------------------------------
    def conclusions(self):
        asm = self.asm
        doc = self.doc
        con = A("conclusions")
        if not self.is_keputusan:
            text = doc.perintah_pengundangan or rumusan.perintah_pengundangan(asm.nama_jenis, self.profile.nama_berita_daerah)
            con.append(A("formula", P(text), name="perintahPengundangan"))
        pen = doc.penetapan
        con.append(self.signature("penetapan", f"Ditetapkan di {pen.tempat or self.profile.tempat_penetapan}",
                                  pen.tanggal, asm.signature_lines(pen)))
        if not self.is_keputusan:
            pg = doc.pengundangan
            nama = pg.nama or self.profile.nama_sekretaris_daerah or ""
            lines = [f"{pg.jabatan or self.profile.jabatan_sekda},", "", "", nama.upper()]
            con.append(self.signature("pengundangan", f"Diundangkan di {pg.tempat or self.profile.tempat_penetapan}",
                                      pg.tanggal, lines))
            berita = [b for b in asm.blocks if b.style == "LD Berita Daerah"]
            if not berita:
                asm.pengundangan()
                berita = [asm.blocks[-1]]
            con.append(P(berita[-1].text, class_="beritaDaerah"))
        if self.is_keputusan and doc.tembusan:
            items = [P(f"{i + 1}. {t}" if len(doc.tembusan) > 1 else t) for i, t in enumerate(doc.tembusan)]
            con.append(A("blockContainer", P("Tembusan:", class_="judul"), *items, class_="tembusan"))
        if doc.paraf_koordinasi and doc.is_rancangan:
            con.append(A("blockContainer", P("Paraf Koordinasi", class_="judul"),
                         *[P(p.jabatan) for p in doc.paraf_koordinasi], class_="paraf"))
        return con

    def signature(self, kind: str, where: str, date, lines: list[str]):
        block = A("blockContainer", class_=kind)
        block.append(A("p", A("location", where, refersTo=f"#tempat-{kind}")))
        date_text = f"pada tanggal {tanggal(date, '...')}"
        block.append(A("p", A("date", date_text, date=date.isoformat(), refersTo=f"#{kind}") if date else date_text))
        if self.profile.formula.tanggal_hijriah and date is not None:
            block[-1][0].text = f"pada tanggal {tanggal(date)} M"
            block.append(P(f"{tanggal_hijriah(date)} H", class_="hijriah"))
        sign = A("signature")
        role_lines = [ln for ln in lines[:-1] if ln]
        for ln in role_lines:
            sign.append(A("role", ln, refersTo="#kepala-daerah"))
        sign.append(A("person", lines[-1], refersTo="#penanda-tangan", as_="#kepala-daerah"))
        block.append(A("p", sign))
        return block

    # -- attachments ----------------------------------------------------------------------------------
    def attachments(self):
        items = []
        for i, lamp in enumerate(getattr(self.doc, "lampiran", [])):
            items.append(self.lampiran(lamp, i + 1))
        if getattr(self.doc, "penjelasan", None):
            items.append(self.penjelasan(len(items) + 1))
        if not items:
            return None
        return A("attachments", *items)

    def attachment_doc(self, n: int, name: str, title: str, preface_lines: list[str], main):
        uri = self.work_uri()
        doc = A("doc", A("meta", self.identification(uri, title, component=f"att_{n}")),
                A("preface", *[P(line) for line in preface_lines]), main, name=name)
        return A("attachment", doc, eId=f"att_{n}")

    def lampiran(self, lamp, n: int):
        asm = self.asm
        number = self.num.number(lamp)
        head = [f"LAMPIRAN {number}".strip(), asm.judul_jenis(), asm.nomor_line()]
        if self.profile.lampiran_tanggal:
            head.append(f"TANGGAL {tanggal(self.doc.penetapan.tanggal, '...').upper()}")
        head += ["TENTANG", asm.tentang_upper()]
        main = A("mainBody")
        if lamp.judul:
            main.append(P(lamp.judul.upper(), class_="judul"))
        self.lampiran_blocks(main, lamp.isi, lamp, f"att_{n}")
        if lamp.tanda_tangan:
            sign = A("signature")
            lines = asm.signature_lines(self.doc.penetapan)
            for ln in [x for x in lines[:-1] if x]:
                sign.append(A("role", ln, refersTo="#kepala-daerah"))
            sign.append(A("person", lines[-1], refersTo="#penanda-tangan", as_="#kepala-daerah"))
            main.append(A("blockContainer", A("p", sign), class_="tandaTangan"))
        elif not len(main):
            main.append(P(""))
        att = self.attachment_doc(n, "lampiran", f"Lampiran {number}".strip(), head, main)
        classes = ["lampiran"] + (["tanpa-ttd"] if not lamp.tanda_tangan else []) + ([f"id:{lamp.id}"] if lamp.id else [])
        att[0].find(f"{{{NS}}}mainBody").set("class", " ".join(classes))
        return att

    def lampiran_blocks(self, parent, blocks, owner, prefix: str) -> None:
        for i, block in enumerate(blocks):
            if isinstance(block, BabLampiran):
                number = self.num.number(block)
                hc = A("hcontainer", A("num", f"BAB {number}"), A("heading", block.judul), name="bab",
                       eId=f"{prefix}__hcontainer_{i + 1}")
                inner = A("blockContainer")
                self.lampiran_blocks(inner, block.isi, block, f"{prefix}__hcontainer_{i + 1}")
                hc.append(A("content", *inner) if len(inner) else A("content", P("")))
                parent.append(_as_block(hc, parent))
            elif isinstance(block, SubBab):
                hc = A("blockContainer", A("num", self.num.number(block)), P(block.judul, class_="subbab"),
                       class_="subbab")
                self.lampiran_blocks(hc, block.isi, block, f"{prefix}__sub_{i + 1}")
                parent.append(hc)
            elif isinstance(block, BlokTeks):
                parent.append(P(self.asm.t(block.teks, owner)))
            elif isinstance(block, BlokDaftar):
                parent.append(self.daftar(block.daftar, block.penanda))
            elif isinstance(block, BlokTabel):
                parent.append(self.table(block.tabel))
            elif isinstance(block, BlokGambar):
                parent.append(A("p", A("img", src=block.gambar, alt=block.judul or None,
                                       width=str(int(block.lebar_mm)) if block.lebar_mm else None),
                                class_="gambar", title=block.judul or None))
            elif isinstance(block, BlokMarkdown):
                parent.append(self.markdown(block))

    def daftar(self, items, penanda: str, depth: int = 0):
        order = {"a.": 0, "1.": 1, "a)": 2, "1)": 3}
        bl = A("blockList", class_=f"penanda {penanda}")
        for i, item in enumerate(items):
            mark = "-" if penanda == "-" else marker(order[penanda] + depth, i)
            it = A("item", A("num", mark), P(item.teks))
            if item.daftar:
                it.append(self.daftar(item.daftar, penanda, depth + 1))
            bl.append(it)
        return bl

    def table(self, tabel):
        rows = []
        header = A("tr")
        widths = tabel.lebar if tabel.lebar and len(tabel.lebar) == len(tabel.kolom) else None
        if tabel.nomor_otomatis:
            header.append(A("th", P("No."), class_="nomor-otomatis"))
        for j, col in enumerate(tabel.kolom):
            header.append(A("th", P(col), style=f"width:{widths[j]:g}" if widths else None))
        rows.append(header)
        for i, row in enumerate(tabel.baris):
            tr = A("tr")
            if tabel.nomor_otomatis:
                tr.append(A("td", P(f"{i + 1}."), class_="nomor-otomatis"))
            for cell in row:
                tr.append(A("td", P(cell)))
            rows.append(tr)
        return A("table", A("caption", tabel.judul) if tabel.judul else None, *rows, border="1")

    def markdown(self, block):
        """Markdown prose of a pedoman: its rendered blocks (paragraphs with b/i, list items, tables)."""
        container = A("blockContainer", class_="markdown")
        for b in markdown_blocks(block.markdown):
            if b.table is not None:
                container.append(self.table(b.table))
                continue
            p = A("p", class_=f"{b.style}|{b.level}|{b.marker}")
            if b.runs:
                for run in b.runs:
                    inner = run.text
                    el = None
                    if run.bold and run.italic:
                        el = A("b", A("i", inner))
                    elif run.bold:
                        el = A("b", inner)
                    elif run.italic:
                        el = A("i", inner)
                    if el is None:
                        add_text(p, inner)
                    else:
                        p.append(el)
            else:
                p.text = b.text
            container.append(p)
        if not len(container):
            container.append(P(""))
        return container

    def penjelasan(self, n: int):
        asm = self.asm
        pj = self.doc.penjelasan
        head = [f"PENJELASAN ATAS {asm.judul_jenis()}", asm.nomor_line(), "TENTANG", asm.tentang_upper()]
        main = A("mainBody")
        umum = A("hcontainer", A("num", "I."), A("heading", "UMUM"), name="umum", eId=f"att_{n}__hcontainer_1")
        umum.append(A("content", *[P(x) for x in pj.umum] or [P("")]))
        main.append(umum)
        pasal = A("hcontainer", A("num", "II."), A("heading", "PASAL DEMI PASAL"), name="pasalDemiPasal",
                  eId=f"att_{n}__hcontainer_2")
        explained = {p.pasal: p.teks for p in pj.pasal}
        blocks = []
        for ident, node in self.num.by_id.items():
            if isinstance(node, Pasal) and ident in explained:
                number = self.num.number(node)
                blocks.append(A("blockContainer", A("num", f"Pasal {number}"), P(explained[ident]),
                                class_="penjelasanPasal", refersTo=f"#art_{_num_id(number)}"))
        pasal.append(A("content", *blocks) if blocks else A("content", P("")))
        main.append(pasal)
        return self.attachment_doc(n, "penjelasan", "Penjelasan", head, main)

    # -- analysis (Perubahan) -------------------------------------------------------------------------
    def analysis(self):
        kinds = {"ubah": "substitution", "sisip": "insertion", "tambah": "insertion", "hapus": "repeal",
                 "ganti_lampiran": "substitution"}
        target = self.amended_uri()
        mods = A("activeModifications")
        for i, item in enumerate(self.doc.perubahan):
            mod_id = f"art_I__list_1__point_{i + 1}__mod_1"
            dest = f"{target}/!main#{_dest_eid(item)}"
            mods.append(A("textualMod", A("source", href=f"#{mod_id}"),
                          A("destination", href=dest, pos="after" if item.aksi in ("sisip", "tambah") else None),
                          type=kinds[item.aksi], eId=f"amod_{i + 1}"))
        return A("analysis", mods, source="#legaldraft")

    def amended_uri(self) -> str:
        reg = self.doc.mengubah
        return f"/akn/{self.country()}/act/{self.subtype()}/{self.actor()}/{reg.tahun}/{slug(str(reg.nomor))}"

    # -- document -------------------------------------------------------------------------------------
    def element(self):
        self.asm.run()  # fills the blocks (Berita Daerah line) and numbering
        root = A("akomaNtoso", nsmap={None: NS})
        body = self.body()  # before meta: the Perubahan body collects the mods the analysis names
        kind = A(self.doc_type, self.meta(), self.preface(), self.preamble(), body, self.conclusions(),
                 name=self.doc.jenis)
        attachments = self.attachments()
        if attachments is not None:
            kind.append(attachments)
        root.append(kind)
        return root


def _heading_unit(tag: str, num: str, heading: str, eid: str):
    """BAB / Bagian / Paragraf: chapter, section or subsection with its num and heading."""
    return A(tag, A("num", num), A("heading", heading), eId=eid)


def _dest_eid(item) -> str:
    if item.unit == "lampiran":
        return "att_1"
    if item.unit in ("ayat", "angka") and item.pasal:
        inner = "para" if item.unit == "ayat" else "list_1__point"
        return f"art_{_num_id(item.pasal)}__{inner}_{_num_id(item.nomor[0])}"
    anchor = item.setelah or (item.antara[0] if item.antara else None) if item.aksi in ("sisip", "tambah") else item.nomor[0]
    abbr = {"pasal": "art", "bab": "chp", "bagian": "sec", "paragraf": "subsec"}[item.unit]
    return f"{abbr}_{_num_id(anchor or item.nomor[0])}"


def _attach(container, parts) -> None:
    """Put content/list parts into a hierarchy element the way the schema wants them: a lone content,
    or intro/lists/wrapUp (a text before a list becomes the list's intro, a text after it a wrapUp)."""
    if not parts:
        if not len(container.findall(f"{{{NS}}}paragraph")):
            container.append(A("content", P("")))
        return
    if len(parts) == 1 and not container.findall(f"{{{NS}}}paragraph"):
        container.append(parts[0])
        return
    for part in parts:
        if part.tag == f"{{{NS}}}content":
            hc = A("hcontainer", name="teks", class_=part.get("class"))
            part.attrib.pop("class", None)
            hc.append(part)
            container.append(hc)
        else:
            container.append(part)


def _as_block(hc, parent):
    """A lampiran BAB inside a mainBody is a hcontainer; inside another block it becomes a blockContainer."""
    if parent.tag == f"{{{NS}}}mainBody":
        return hc
    block = A("blockContainer", class_="bab")
    for child in list(hc):
        if child.tag == f"{{{NS}}}content":
            block.extend(list(child))
        elif child.tag == f"{{{NS}}}heading":
            block.append(P(child.text or "", class_="heading"))
        else:
            block.append(child)
    return block


def akn_element(doc, ctx, today: dt.date | None = None):
    return AknWriter(doc, ctx, today).element()


def akn_bytes(doc, ctx, today: dt.date | None = None) -> bytes:
    return etree.tostring(akn_element(doc, ctx, today), xml_declaration=True, encoding="UTF-8", pretty_print=True)

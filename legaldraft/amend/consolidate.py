"""Naskah konsolidasi: the base Perbup with its Perubahan applied in order, numbers as amended.

Units inserted keep their inserted numbers (Pasal 5A), deleted ones stay as "Dihapus.", and each changed
unit can carry a note naming the Perubahan that last changed it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import AngkaPerubahan, Ayat, Bab, Bagian, Paragraf, Pasal, raw_label
from ..naskah import rumusan
from ..naskah.numbers import from_roman, ordinal
from .diff import CONTAINERS, DIHAPUS, KIND_WORD, Unit, _parents, expand_texts, placeholder, tree_of, with_key
from ..model import Definisi, Status
from ..naskah.numbering import Numbering
from ..naskah.perubahan import KonsolidasiAssembler

_ORDINALS = {ordinal(n): n for n in range(1, 200)}


class ConsolidationError(ValueError):
    """A change that does not fit the text it amends (a unit that is not there)."""


def parse_label(kind: str, label: str) -> tuple[int, str]:
    if kind == "bab":
        m = re.match(r"^([IVXLCDM]+)([A-Z]*)$", label)
        if m and from_roman(m.group(1)):
            return from_roman(m.group(1)), m.group(2)
        if label.startswith("0"):
            return 0, label[1:]
    elif kind == "bagian":
        parts = label.split()
        suf = parts.pop() if len(parts) > 1 and len(parts[-1]) <= 2 and parts[-1].isupper() else ""
        words = " ".join(parts)
        if words in _ORDINALS:
            return _ORDINALS[words], suf
        if words == "Nol":
            return 0, suf
    else:
        m = re.match(r"^(\d+)([A-Za-z]*)$", label)
        if m:
            return int(m.group(1)), m.group(2)
    raise ConsolidationError(f"nomor {kind} '{label}' tidak dapat dibaca")


def unit_of(model) -> Unit:
    """A restated unit (a Pasal, Bab, … with its amended number fixed) as a tree unit."""
    if isinstance(model, Pasal):
        kids = [_leaf("ayat", raw_label(a), a.id, a.teks, a.rincian, a.teks_akhir) for a in model.ayat]
        kids += [_leaf("angka", raw_label(d), d.id, d.teks) for d in model.definisi]
        num, suf = parse_label("pasal", raw_label(model))
        defs = bool(model.definisi)
        unit = Unit("pasal", "", model.id, num, suf, pembuka=model.teks if defs else None,
                    teks=None if defs else model.teks, rincian=list(model.rincian), teks_akhir=model.teks_akhir,
                    children=kids)
        if model.teks == DIHAPUS and not model.id and not kids:
            return placeholder_of(unit)
        return with_key(unit)
    kind = {Bab: "bab", Bagian: "bagian", Paragraf: "paragraf"}[type(model)]
    num, suf = parse_label(kind, raw_label(model))
    unit = Unit(kind, "", model.id, num, suf, judul=model.judul, children=[unit_of(c) for c in model.isi])
    if model.judul == DIHAPUS and not model.id:
        return placeholder_of(unit)
    return with_key(unit)


def _leaf(kind, label, ident, teks, rincian=(), teks_akhir=None) -> Unit:
    num, suf = parse_label(kind, label)
    unit = Unit(kind, "", ident, num, suf, teks=teks, rincian=list(rincian), teks_akhir=teks_akhir)
    if teks == DIHAPUS and not ident:
        return placeholder_of(unit)
    return with_key(unit)


def placeholder_of(unit: Unit) -> Unit:
    unit.deleted = False
    gone = placeholder(unit)
    gone.children = [c for c in unit.children if c.deleted] if unit.kind in CONTAINERS else []
    return gone


# -- applying one change --------------------------------------------------------------------------------
def find_pasal(root: Unit, label: str) -> Unit:
    for u in root.walk():
        if u.kind == "pasal" and u.label == label and not u.deleted:
            return u
    raise ConsolidationError(f"Pasal {label} tidak ada dalam naskah yang diubah")


def find_path(root: Unit, path: str | None) -> Unit:
    unit = root
    for part in (path.split("/") if path else []):
        unit = next((c for c in unit.children if c.title == part and not c.deleted), None)
        if unit is None:
            raise ConsolidationError(f"{path} tidak ada dalam naskah yang diubah")
    return unit


def child_titled(container: Unit, title: str) -> Unit:
    for c in container.children:
        if c.title == title and not c.deleted:
            return c
    raise ConsolidationError(f"{title} tidak ada dalam naskah yang diubah")


def _replace(root: Unit, old: Unit, new: Unit) -> None:
    parent = _parents(root)[id(old)]
    parent.children[next(i for i, c in enumerate(parent.children) if c is old)] = new


def _mark(unit: Unit, note: str | None) -> Unit:
    for u in unit.walk():
        if not u.deleted:
            u.footnote = note
    return unit


VERB = {"ubah": "Diubah", "sisip": "Disisipkan", "tambah": "Ditambahkan", "hapus": "Dihapus"}


def apply(root: Unit, item: AngkaPerubahan, amended_by: str | None = None) -> None:
    """Apply one change; ``amended_by`` names the Perubahan for the note under the changed unit."""
    kind = item.unit
    note = f"{VERB.get(item.aksi, 'Diubah')} dengan {amended_by}." if amended_by else None
    if kind == "lampiran":
        return  # lampiran are replaced in consolidate_tree
    if kind in ("ayat", "angka"):
        pasal = find_pasal(root, item.pasal)
        if item.aksi == "ubah" and (item.ayat or item.definisi):
            for restated in item.ayat or item.definisi:
                label = raw_label(restated)
                target = next((c for c in pasal.children if c.kind == kind and c.label == label), None)
                if target is None:
                    raise ConsolidationError(f"{kind} {label} Pasal {item.pasal} tidak ada dalam naskah yang diubah")
                fresh = unit_of_leaf(kind, restated)
                _replace(root, target, _mark(fresh, note))
            return
        _replace(root, pasal, _mark(unit_of(item.isi[0]), note))
        return
    if item.aksi == "ubah" and kind == "pasal":
        _replace(root, find_pasal(root, item.nomor[0]), _mark(unit_of(item.isi[0]), note))
    elif item.aksi == "ubah":
        target = child_titled(find_path(root, item.letak.induk if item.letak else None), title_of(kind, item.nomor[0]))
        target.judul = item.isi[0].judul
        target.footnote = note
        with_key(target) if not target.id else None
    elif item.aksi == "hapus":
        if kind == "pasal":
            target = find_pasal(root, item.nomor[0])
        else:
            target = child_titled(find_path(root, item.letak.induk if item.letak else None), title_of(kind, item.nomor[0]))
        gone = placeholder(target)
        gone.footnote = note
        _replace(root, target, gone)
    else:
        container = find_path(root, item.letak.induk if item.letak else None)
        at = 0
        if item.letak and item.letak.setelah:
            at = next((i + 1 for i, c in enumerate(container.children) if c.title == item.letak.setelah), None)
            if at is None:
                raise ConsolidationError(f"{item.letak.setelah} tidak ada dalam naskah yang diubah")
        container.children[at:at] = [_mark(unit_of(u), note) for u in item.isi]


def unit_of_leaf(kind: str, restated) -> Unit:
    if isinstance(restated, Ayat):
        return _leaf("ayat", raw_label(restated), restated.id, restated.teks, restated.rincian, restated.teks_akhir)
    return _leaf("angka", raw_label(restated), restated.id, restated.teks)


def title_of(kind: str, label: str) -> str:
    return f"ayat ({label})" if kind == "ayat" else f"{KIND_WORD[kind]} {label}"


# -- the whole chain ------------------------------------------------------------------------------------
@dataclass
class Konsolidasi:
    base: object
    tree: Unit
    lampiran: list = field(default_factory=list)
    amendments: list = field(default_factory=list)


def base_tree(base, nama_jenis: str = "Peraturan Bupati") -> Unit:
    tree = tree_of(base, nama_jenis)
    expand_texts(base, tree)
    for unit in tree.walk():
        with_key(unit)  # units without id are known by their text as printed
    return tree


def consolidate_tree(base, *amendments, nama_jenis: str = "Peraturan Bupati", notes: bool = True) -> Konsolidasi:
    """Apply the Perubahan in order to the base Perbup."""
    tree = base_tree(base, nama_jenis)
    lampiran = list(base.lampiran)
    for amendment in amendments:
        note = amendment_name(amendment, nama_jenis) if notes else None
        for item in amendment.perubahan:
            apply(tree, item, note)
            if item.unit == "lampiran":
                lampiran = _change_lampiran(lampiran, amendment, item)
    return Konsolidasi(base, tree, lampiran, list(amendments))


def _change_lampiran(current: list, amendment, item: AngkaPerubahan) -> list:
    if item.aksi == "hapus":
        if item.sasaran:
            return [lamp for lamp in current if lamp.id not in item.sasaran]

        index = (from_roman(item.nomor[0]) or 1) - 1 if item.nomor[0] != "-" else 0
        return current[:index] + current[index + 1:]
    fresh = next((lamp for lamp in amendment.lampiran if lamp.id == item.lampiran), None)
    if fresh is None:
        raise ConsolidationError(f"lampiran '{item.lampiran}' tidak ada dalam Perubahan")
    out = [lamp for lamp in current]
    if item.aksi == "tambah":
        return out + [fresh]
    for i, lamp in enumerate(out):
        if (lamp.id and lamp.id == fresh.id) or (item.sasaran and lamp.id in item.sasaran):
            out[i] = fresh
            return out
    if len(out) == 1 and not item.sasaran:
        return [fresh]
    out.append(fresh)
    return out


def amendment_name(amendment, nama_jenis: str = "Peraturan Bupati") -> str:
    """The amending regulation as a konsolidasi note cites it (naskah.rumusan.nama_perubahan)."""
    context = getattr(amendment, "_context", None)
    diubah = None
    if context is not None:
        from ..naskah.names import nama_peraturan  # lazy: naskah imports amend

        diubah = nama_peraturan(amendment.mengubah, context.profile, publication=False)
    return rumusan.nama_perubahan(nama_jenis, amendment.nomor, amendment.tahun, amendment.ke, ordinal, diubah,
                                  amendment.is_rancangan)


# -- the naskah konsolidasi as a document -----------------------------------------------------------------
def document_of(k: Konsolidasi):
    """The naskah konsolidasi as a Perbup model whose units keep their amended numbers and notes
    (:meth:`legaldraft.model.Node.fix_printed_number`)."""

    def latest_note(u: Unit) -> str | None:
        return u.footnote or next((c.footnote for c in u.walk() if c.footnote), None)

    def leaf(u: Unit):
        if u.kind == "ayat":
            model = Ayat(id=u.id, teks=u.teks, rincian=u.rincian, teks_akhir=u.teks_akhir)
            return model.fix_printed_number(f"({u.label})")
        return Definisi(id=u.id, teks=u.teks).fix_printed_number(f"{u.label}.")

    def build(u: Unit):
        if u.kind == "pasal":
            defs = [leaf(c) for c in u.children if c.kind == "angka"]
            model = Pasal(id=u.id, teks=None if defs else u.teks, pembuka=u.pembuka, rincian=u.rincian,
                          teks_akhir=u.teks_akhir, ayat=[leaf(c) for c in u.children if c.kind == "ayat"], definisi=defs)
        else:
            cls = {"bab": Bab, "bagian": Bagian, "paragraf": Paragraf}[u.kind]
            model = cls(judul=u.judul, id=u.id, isi=[build(c) for c in u.children])
        return model.fix_printed_number(u.label, latest_note(u))

    base = k.base
    body = [build(u) for u in k.tree.children]
    update = {"batang_tubuh": body, "lampiran": list(k.lampiran)}
    if any(a.is_rancangan or getattr(a, "is_naskah_kerja", False) for a in k.amendments):
        # with a draft Perubahan in the chain the text was never in force as it reads: a working text, printed as
        # build prints one (the profile's naskah kerja mark on every page, the lambang's place kept)
        update["status"] = Status.revisi
    doc = base.model_copy(update=update)
    doc._context = base._context
    return doc


def konsolidasi_naskah(k, profile, registry):
    """(the naskah konsolidasi as a document, its assembled blocks): what a writer needs to write it as ``build``
    writes the base."""
    doc = document_of(k)
    names = [amendment_name(a, profile.formula.nama_jenis_peraturan) for a in k.amendments]
    return doc, KonsolidasiAssembler(doc, profile, registry, Numbering(doc), names).run()


def konsolidasi_blocks(k, profile, registry):
    return konsolidasi_naskah(k, profile, registry)[1]

"""Naskah konsolidasi: the base Perbup with its Perubahan applied in order, numbers as amended.

Units inserted keep their inserted numbers (Pasal 5A), deleted ones stay as "Dihapus.", and each changed
unit can carry a note naming the Perubahan that last changed it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import AngkaPerubahan, Ayat, Pasal, raw_label
from ..naskah import rumusan
from ..naskah.numbers import from_roman, ordinal
from .diff import (CONTAINERS, DIHAPUS, MODEL, ConsolidationError, children, expand_texts, is_deleted, kind_of,
                   label_of, new_unit, parents, parse_label, placeholder, restated_angka, restated_ayat, set_footnote,
                   set_number, siblings, title, title_of, tree_of, units, with_key)
from ..model import Status
from ..naskah.numbering import Numbering
from ..naskah.perubahan import KonsolidasiAssembler

__all__ = ["ConsolidationError", "Konsolidasi", "consolidate_tree", "document_of", "konsolidasi_naskah",
           "konsolidasi_blocks", "parse_label", "title_of", "unit_of", "unit_of_leaf"]


def unit_of(model):
    """A restated unit of a Perubahan (a Pasal, Bab, … with its amended number fixed) as a unit of the tree: a copy,
    its number read (a number that cannot be read is a ConsolidationError)."""
    if isinstance(model, Pasal):
        ayat = [_leaf("ayat", a, a.teks, a.rincian, a.teks_akhir) for a in model.ayat]
        definisi = [_leaf("angka", d, d.teks) for d in model.definisi]
        defs = bool(model.definisi)
        unit = new_unit(Pasal, id=model.id, pembuka=model.teks if defs else None, teks=None if defs else model.teks,
                                     rincian=list(model.rincian), teks_akhir=model.teks_akhir, ayat=ayat, definisi=definisi)
        set_number(unit, *parse_label("pasal", raw_label(model)))
        if model.teks == DIHAPUS and not model.id and not (ayat or definisi):
            return placeholder_of(unit)
        return with_key(unit)
    kind = kind_of(model)
    unit = new_unit(MODEL[kind], judul=model.judul, id=model.id, isi=[unit_of(c) for c in model.isi])
    set_number(unit, *parse_label(kind, raw_label(model)))
    if model.judul == DIHAPUS and not model.id:
        return placeholder_of(unit)
    return with_key(unit)


def _leaf(kind, restated, teks, rincian=(), teks_akhir=None):
    unit = new_unit(MODEL[kind], id=restated.id, teks=teks)
    if kind == "ayat":
        unit.rincian, unit.teks_akhir = list(rincian), teks_akhir
    set_number(unit, *parse_label(kind, raw_label(restated)))
    if teks == DIHAPUS and not restated.id:
        return placeholder_of(unit)
    return with_key(unit)


def placeholder_of(unit):
    """A unit the Perubahan restates as "Dihapus." (a container keeps the placeholders written under it)."""
    gone = placeholder(unit)
    if kind_of(unit) in CONTAINERS:
        gone.isi = [c for c in children(unit) if is_deleted(c)]
    return gone


# -- applying one change --------------------------------------------------------------------------------
def find_pasal(root, label: str):
    for u in units(root):
        if kind_of(u) == "pasal" and label_of(u) == label and not is_deleted(u):
            return u
    raise ConsolidationError(f"Pasal {label} tidak ada dalam naskah yang diubah")


def find_path(root, path: str | None):
    unit = root
    for part in (path.split("/") if path else []):
        unit = next((c for c in children(unit) if title(c) == part and not is_deleted(c)), None)
        if unit is None:
            raise ConsolidationError(f"{path} tidak ada dalam naskah yang diubah")
    return unit


def child_titled(container, wanted: str):
    for c in children(container):
        if title(c) == wanted and not is_deleted(c):
            return c
    raise ConsolidationError(f"{wanted} tidak ada dalam naskah yang diubah")


def _replace(root, old, new) -> None:
    held = siblings(parents(root)[id(old)], old)
    held[next(i for i, c in enumerate(held) if c is old)] = new


def _mark(unit, note: str | None):
    for u in units(unit):
        if not is_deleted(u):
            set_footnote(u, note)
    return unit


VERB = {"ubah": "Diubah", "sisip": "Disisipkan", "tambah": "Ditambahkan", "hapus": "Dihapus"}


def apply(root, item: AngkaPerubahan, amended_by: str | None = None) -> None:
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
                target = next((c for c in children(pasal) if kind_of(c) == kind and label_of(c) == label), None)
                if target is None:
                    raise ConsolidationError(f"{kind} {label} Pasal {item.pasal} tidak ada dalam naskah yang diubah")
                _replace(root, target, _mark(unit_of_leaf(kind, restated), note))
            return
        _replace(root, pasal, _mark(unit_of(item.isi[0]), note))
        return
    if item.aksi == "ubah" and kind == "pasal":
        _replace(root, find_pasal(root, item.nomor[0]), _mark(unit_of(item.isi[0]), note))
    elif item.aksi == "ubah":
        target = child_titled(find_path(root, item.letak.induk if item.letak else None), title_of(kind, item.nomor[0]))
        target.judul = item.isi[0].judul
        set_footnote(target, note)
        if not target.id:
            with_key(target)
    elif item.aksi == "hapus":
        if kind == "pasal":
            target = find_pasal(root, item.nomor[0])
        else:
            target = child_titled(find_path(root, item.letak.induk if item.letak else None), title_of(kind, item.nomor[0]))
        gone = placeholder(target)
        set_footnote(gone, note)
        _replace(root, target, gone)
    else:
        container = find_path(root, item.letak.induk if item.letak else None)
        at = 0
        if item.letak and item.letak.setelah:
            at = next((i + 1 for i, c in enumerate(children(container)) if title(c) == item.letak.setelah), None)
            if at is None:
                raise ConsolidationError(f"{item.letak.setelah} tidak ada dalam naskah yang diubah")
        children(container)[at:at] = [_mark(unit_of(u), note) for u in item.isi]


def unit_of_leaf(kind: str, restated):
    if isinstance(restated, Ayat):
        return _leaf("ayat", restated, restated.teks, restated.rincian, restated.teks_akhir)
    return _leaf("angka", restated, restated.teks)


# -- the whole chain ------------------------------------------------------------------------------------
@dataclass
class Konsolidasi:
    """The base with its Perubahan applied: ``tree`` is a copy of the base whose batang tubuh reads as amended
    (numbers as amended, "Dihapus." in place, each changed unit with the note of its Perubahan)."""

    base: object
    tree: object
    lampiran: list = field(default_factory=list)
    amendments: list = field(default_factory=list)


def base_tree(base, nama_jenis: str = "Peraturan Bupati"):
    tree = tree_of(base, nama_jenis)
    expand_texts(tree)
    for unit in units(tree):
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

    def latest_note(u) -> str | None:
        return next((c.footnote for c in units(u) if c.footnote), None)

    def build(u):
        kind = kind_of(u)
        if kind == "pasal":
            defs = [restated_angka(c) for c in u.definisi]
            model = Pasal(id=u.id, teks=None if defs else u.teks, pembuka=u.pembuka, rincian=u.rincian,
                          teks_akhir=u.teks_akhir, ayat=[restated_ayat(c) for c in u.ayat], definisi=defs)
        else:
            model = MODEL[kind](judul=u.judul, id=u.id, isi=[build(c) for c in u.isi])
        return model.fix_printed_number(u.printed_number, latest_note(u))

    base = k.base
    body = [build(u) for u in k.tree.batang_tubuh]
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

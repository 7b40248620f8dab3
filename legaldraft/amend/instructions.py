"""From an old and a new tree to the numbered changes of Pasal I (butir 233–236c), and their sentences.

The walk goes through the amended text in document order (:func:`merge_tree`): a deleted unit gives
"Pasal 16 dihapus.", a run of inserted units one "Di antara … disisipkan …" (or "Setelah … ditambahkan …"
after the last, butir 234a), a changed pasal "Ketentuan Pasal 6 diubah …" — or only its changed ayat or
definitions when nothing else in it changed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import AngkaPerubahan, Letak, Pasal
from ..model.body import restating
from ..naskah import rumusan
from ..naskah.numbers import bilangan
from .diff import (CONTAINERS, MODEL, Matching, children, is_deleted, key_of, kind_of, label_of, merged, own, placeholder,
                   restated_angka, restated_ayat, siblings, title, units)
from ..model import Konsiderans, PeraturanDiubah, PerubahanBupati, Publikasi
from ..naskah.perubahan import full_tentang
from .diff import digest
from ..naskah.numbers import roman


@dataclass
class Merge:
    """The amended text (old numbers kept, "Dihapus." in place) and what each unit is: kept, new, deleted."""

    root: object
    tag: dict[int, str] = field(default_factory=dict)
    old: dict[int, object] = field(default_factory=dict)
    deleted_keys: set[str] = field(default_factory=set)

    def pasal_order(self) -> list:
        return [u for u in units(self.root) if kind_of(u) == "pasal"]


def merge_tree(old, new, m: Matching) -> Merge:
    result = Merge(new.model_copy(update={"batang_tubuh": []}))
    _merge_into(result, result.root, old, new, m)
    return result


def _bare(unit):
    """The unit itself, its units left out (they are merged in one by one)."""
    kind = kind_of(unit)
    if kind == "pasal":
        return unit.model_copy(update={"ayat": [], "definisi": []})
    return unit.model_copy(update={"isi": []}) if kind in CONTAINERS else unit.model_copy()


def _merge_into(result: Merge, target, old, new, m: Matching) -> None:
    for tag, u in merged(children(old), children(new), m):
        if tag == "deleted":
            unit = placeholder(u)
            for x in units(unit):
                result.tag[id(x)] = "gone"
            result.tag[id(unit)] = "gone" if is_deleted(u) else "deleted"
            if not is_deleted(u):
                result.deleted_keys.update(key_of(x) for x in units(u))
        elif tag == "new":
            unit = u    # read only from here on: the merge shares it with the new tree
            for x in units(unit):
                result.tag[id(x)] = "new"
        else:
            unit = _bare(u)
            result.tag[id(unit)] = "kept"
            result.old[id(unit)] = m.old(u)
            _merge_into(result, unit, m.old(u), u, m)
        siblings(target, unit).append(unit)


# -- units as restated in the Perubahan -----------------------------------------------------------------
def restated(u):
    kind = kind_of(u)
    if kind == "pasal":
        with restating():
            pasal = Pasal(id=u.id, teks=u.pembuka if u.pembuka is not None else u.teks, rincian=u.rincian,
                          teks_akhir=u.teks_akhir, ayat=[restated_ayat(c) for c in u.ayat],
                          definisi=[restated_angka(c) for c in u.definisi])
        return pasal.fix_printed_number(u.printed_number)
    kids = [restated(c) for c in u.isi]
    return MODEL[kind](judul=u.judul, id=u.id, isi=kids).fix_printed_number(u.printed_number)


# -- the walk -------------------------------------------------------------------------------------------
def changes(merge: Merge) -> list[AngkaPerubahan]:
    out: list[AngkaPerubahan] = []
    _walk(merge, merge.root, "", out)
    return out


def _path(parent_path: str, unit) -> str:
    return f"{parent_path}/{title(unit)}" if parent_path else title(unit)


def _walk(merge: Merge, container, path: str, out: list) -> None:
    kids = children(container)
    i = 0
    while i < len(kids):
        u = kids[i]
        kind = kind_of(u)
        tag = merge.tag[id(u)]
        if tag == "new":
            j = i
            while j + 1 < len(kids) and merge.tag[id(kids[j + 1])] == "new" and kind_of(kids[j + 1]) == kind:
                j += 1
            out.append(_insertion(merge, container, path, kids, i, j))
            i = j + 1
            continue
        if tag == "deleted":
            out.append(AngkaPerubahan(aksi="hapus", unit=kind, nomor=[label_of(u)], letak=Letak(induk=path or None),
                                      sasaran=[key_of(u)]))
        elif tag == "kept" and kind in CONTAINERS:
            old = merge.old[id(u)]
            if old.judul != u.judul:
                out.append(AngkaPerubahan(aksi="ubah", unit=kind, nomor=[label_of(u)], letak=Letak(induk=path or None),
                                          isi=[MODEL[kind](judul=u.judul, id=u.id).fix_printed_number(u.printed_number)]))
            _walk(merge, u, _path(path, u), out)
        elif tag == "kept":
            change = _pasal_change(merge, u)
            if change is not None:
                out.append(change)
        i += 1


def _neighbours(merge: Merge, kids: list, i: int, j: int) -> tuple:
    """The unit before the run and the next unit that was already there (None: the run comes last)."""
    kind = kind_of(kids[i])
    seq = merge.pasal_order() if kind == "pasal" else [k for k in kids if kind_of(k) == kind]
    first = next(n for n, x in enumerate(seq) if x is kids[i])
    last = next(n for n, x in enumerate(seq) if x is kids[j])
    before = seq[first - 1] if first > 0 else None
    after = next((x for x in seq[last + 1:] if merge.tag[id(x)] != "new"), None)
    return before, after


def _insertion(merge: Merge, container, path: str, kids: list, i: int, j: int) -> AngkaPerubahan:
    run = kids[i:j + 1]
    before, after = _neighbours(merge, kids, i, j)
    setelah = title(kids[i - 1]) if i > 0 else None
    common = dict(unit=kind_of(run[0]), nomor=[label_of(u) for u in run], letak=Letak(induk=path or None, setelah=setelah),
                  isi=[restated(u) for u in run])
    if after is None and before is not None:
        return AngkaPerubahan(aksi="tambah", setelah=label_of(before), **common)
    return AngkaPerubahan(aksi="sisip", antara=[label_of(before) if before else "0", label_of(after) if after else "0"],
                          **common)


def _pasal_change(merge: Merge, u) -> AngkaPerubahan | None:
    old = merge.old[id(u)]
    whole = AngkaPerubahan(aksi="ubah", unit="pasal", nomor=[label_of(u)], sasaran=[key_of(old)], isi=[restated(u)])
    if own(old) != own(u) or {kind_of(c) for c in children(old) if not is_deleted(c)} - {kind_of(c) for c in children(u)}:
        return whole
    tags = [(merge.tag[id(c)], c) for c in children(u)]
    fresh = [c for t, c in tags if t == "new"]
    dropped = [c for t, c in tags if t == "deleted"]
    edited = [c for t, c in tags if t == "kept" and own(merge.old[id(c)]) != own(c)]
    if not (fresh or dropped or edited):
        return None
    if edited and not fresh and not dropped:
        kind = kind_of(edited[0])
        return AngkaPerubahan(aksi="ubah", unit=kind, nomor=[label_of(c) for c in edited], pasal=label_of(u),
                              sasaran=[key_of(merge.old[id(c)]) for c in edited],
                              **({"ayat": [restated_ayat(c) for c in edited]} if kind == "ayat"
                                 else {"definisi": [restated_angka(c) for c in edited]}))
    positions = [n for n, (t, _) in enumerate(tags) if t == "new"]
    if fresh and not dropped and not edited and positions == list(range(positions[0], positions[-1] + 1)):
        kids = children(u)
        before = kids[positions[0] - 1] if positions[0] > 0 else None
        after = kids[positions[-1] + 1] if positions[-1] + 1 < len(kids) else None
        common = dict(unit=kind_of(fresh[0]), nomor=[label_of(c) for c in fresh], pasal=label_of(u), isi=[restated(u)])
        if after is None and before is not None:
            return AngkaPerubahan(aksi="tambah", setelah=label_of(before), **common)
        return AngkaPerubahan(aksi="sisip", antara=[label_of(before) if before else "0", label_of(after) if after else "0"],
                              **common)
    return whole


# -- sentences (formulae 26–32) -------------------------------------------------------------------------
def sentence(item: AngkaPerubahan, nama_jenis: str = "Peraturan Bupati") -> str:
    """The instruction sentence of one change, in the catalogue's exact wording (:func:`rumusan.instruksi`)."""
    return rumusan.instruksi(item, nama_jenis, bilangan)


# -- the Perubahan spec ---------------------------------------------------------------------------------
def reference_of(doc, profile, tentang: str | None = None):
    """An issued Perbup as the regulation a Perubahan (or Pencabutan) names."""
    pg = getattr(doc, "pengundangan", None)
    bd = pg.berita_daerah if pg is not None else None
    tahun_bd = (bd.tahun if bd and bd.tahun else (pg.tanggal.year if pg is not None and pg.tanggal else doc.tahun))
    lembaran = Publikasi(tahun=tahun_bd, nomor=bd.nomor, seri=bd.seri) if bd is not None and bd.nomor and tahun_bd else None
    return PeraturanDiubah(penerbit=profile.nama, nomor=doc.nomor, tahun=doc.tahun, tentang=tentang or doc.tentang,
                           diundangkan=pg.tanggal if pg is not None else None, lembaran=lembaran)


def perubahan_of(old, new, earlier: list, items: list, profile, old_lampiran: list):
    """The Perubahan as a model: the drafter's spec to edit, check and build."""
    nama_jenis = profile.formula.nama_jenis_peraturan
    lampiran = _lampiran_changes(old_lampiran, new.lampiran, items)
    chain = [reference_of(p, profile, full_tentang(p, profile)) for p in earlier]
    mengubah = reference_of(old, profile)
    # the reason for the amendment is the drafter's to write (KON-012 reports the placeholder)
    kon = Konsiderans(poin=[rumusan.konsiderans_perubahan(
        f"{nama_jenis} {profile.nama} Nomor {old.nomor} Tahun {old.tahun} tentang {old.tentang}")])
    return PerubahanBupati(daerah=new.daerah, mengubah=mengubah, perubahan_sebelumnya=chain, konsiderans=kon,
                           dasar_hukum=list(new.dasar_hukum), perubahan=items, lampiran=lampiran)


def _lampiran_changes(old_lampiran: list, new_lampiran: list, items: list) -> list:
    """Lampiran replaced (formula 32), added or deleted; returns the lampiran the Perubahan carries."""
    carried, kept = [], set()
    for lamp in new_lampiran:
        before = next((x for x in old_lampiran if x.id and x.id == lamp.id), None)
        if before is None and len(old_lampiran) == 1 and len(new_lampiran) == 1:
            before = old_lampiran[0]
        if before is not None:
            kept.add(id(before))
            if before.model_dump() == lamp.model_dump():
                continue
        ident = lamp.id or (before.id if before is not None else None) or f"lampiran-{digest(lamp.judul)[1:7]}"
        carried.append(lamp.model_copy(update={"id": ident}))
        if before is None:
            items.append(AngkaPerubahan(aksi="tambah", unit="lampiran", nomor=["-"], setelah="-", lampiran=ident))
        else:
            items.append(AngkaPerubahan(aksi="ganti_lampiran", unit="lampiran", nomor=[_lampiran_label(old_lampiran, before)],
                                        lampiran=ident, sasaran=[before.id] if before.id else []))
    for lamp in old_lampiran:
        if id(lamp) not in kept:
            items.append(AngkaPerubahan(aksi="hapus", unit="lampiran", nomor=[_lampiran_label(old_lampiran, lamp)],
                                        sasaran=[lamp.id] if lamp.id else []))
    return carried


def _lampiran_label(old_lampiran: list, before) -> str:
    if before is None or len(old_lampiran) <= 1:
        return "-"

    return roman(next(i for i, x in enumerate(old_lampiran) if x is before) + 1)

"""From an old and a new tree to the numbered changes of Pasal I (butir 233–236c), and their sentences.

The walk goes through the amended text in document order (:func:`merge_tree`): a deleted unit gives
"Pasal 16 dihapus.", a run of inserted units one "Di antara … disisipkan …" (or "Setelah … ditambahkan …"
after the last, butir 234a), a changed pasal "Ketentuan Pasal 6 diubah …" — or only its changed ayat or
definitions when nothing else in it changed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import AngkaPerubahan, Ayat, Bab, Bagian, Definisi, Letak, Paragraf, Pasal
from ..model.body import restating
from ..naskah import rumusan
from ..naskah.numbers import bilangan
from .diff import CONTAINERS, Matching, Unit, merged, placeholder
from ..model import Konsiderans, PeraturanDiubah, PerubahanBupati, Publikasi
from ..naskah.perubahan import full_tentang
from .diff import digest
from ..naskah.numbers import roman


@dataclass
class Merge:
    """The amended text (old numbers kept, "Dihapus." in place) and what each unit is: kept, new, deleted."""

    root: Unit
    tag: dict[int, str] = field(default_factory=dict)
    old: dict[int, Unit] = field(default_factory=dict)
    deleted_keys: set[str] = field(default_factory=set)

    def pasal_order(self) -> list[Unit]:
        return [u for u in self.root.walk() if u.kind == "pasal"]


def merge_tree(old: Unit, new: Unit, m: Matching) -> Merge:
    result = Merge(Unit("root", "root"))
    _merge_into(result, result.root, old, new, m)
    return result


def _merge_into(result: Merge, target: Unit, old: Unit, new: Unit, m: Matching) -> None:
    for tag, u in merged(old.children, new.children, m):
        if tag == "deleted":
            unit = placeholder(u)
            for x in unit.walk():
                result.tag[id(x)] = "gone"
            result.tag[id(unit)] = "gone" if u.deleted else "deleted"
            if not u.deleted:
                result.deleted_keys.update(x.key for x in u.walk())
        elif tag == "new":
            unit = u.copy()
            for x in unit.walk():
                result.tag[id(x)] = "new"
        else:
            unit = Unit(u.kind, u.key, u.id, u.num, u.suf, u.judul, u.pembuka, u.teks, u.rincian, u.teks_akhir, node=u.node)
            result.tag[id(unit)] = "kept"
            result.old[id(unit)] = m.old(u)
            _merge_into(result, unit, m.old(u), u, m)
        target.children.append(unit)


# -- units as restated in the Perubahan -----------------------------------------------------------------
def restated(u: Unit):
    if u.kind == "pasal":
        with restating():
            pasal = Pasal(id=u.id, teks=u.pembuka if u.pembuka is not None else u.teks, rincian=u.rincian,
                          teks_akhir=u.teks_akhir, ayat=[restated_ayat(c) for c in u.children if c.kind == "ayat"],
                          definisi=[restated_angka(c) for c in u.children if c.kind == "angka"])
        return pasal.fix_printed_number(u.label)
    kids = [restated(c) for c in u.children]
    return CONTAINER_MODEL[u.kind](judul=u.judul, id=u.id, isi=kids).fix_printed_number(u.label)


CONTAINER_MODEL = {"bab": Bab, "bagian": Bagian, "paragraf": Paragraf}


def restated_ayat(u: Unit) -> Ayat:
    return Ayat(id=u.id, teks=u.teks, rincian=u.rincian, teks_akhir=u.teks_akhir).fix_printed_number(f"({u.label})")


def restated_angka(u: Unit) -> Definisi:
    return Definisi(id=u.id, teks=u.teks).fix_printed_number(f"{u.label}.")


# -- the walk -------------------------------------------------------------------------------------------
def changes(merge: Merge) -> list[AngkaPerubahan]:
    out: list[AngkaPerubahan] = []
    _walk(merge, merge.root, "", out)
    return out


def _path(parent_path: str, unit: Unit) -> str:
    return f"{parent_path}/{unit.title}" if parent_path else unit.title


def _walk(merge: Merge, container: Unit, path: str, out: list) -> None:
    kids = container.children
    i = 0
    while i < len(kids):
        u = kids[i]
        tag = merge.tag[id(u)]
        if tag == "new":
            j = i
            while j + 1 < len(kids) and merge.tag[id(kids[j + 1])] == "new" and kids[j + 1].kind == u.kind:
                j += 1
            out.append(_insertion(merge, container, path, kids, i, j))
            i = j + 1
            continue
        if tag == "deleted":
            out.append(AngkaPerubahan(aksi="hapus", unit=u.kind, nomor=[u.label], letak=Letak(induk=path or None),
                                      sasaran=[u.key]))
        elif tag == "kept" and u.kind in CONTAINERS:
            old = merge.old[id(u)]
            if old.judul != u.judul:
                out.append(AngkaPerubahan(aksi="ubah", unit=u.kind, nomor=[u.label], letak=Letak(induk=path or None),
                                          isi=[CONTAINER_MODEL[u.kind](judul=u.judul, id=u.id).fix_printed_number(u.label)]))
            _walk(merge, u, _path(path, u), out)
        elif tag == "kept":
            change = _pasal_change(merge, u)
            if change is not None:
                out.append(change)
        i += 1


def _neighbours(merge: Merge, kids: list[Unit], i: int, j: int) -> tuple[Unit | None, Unit | None]:
    """The unit before the run and the next unit that was already there (None: the run comes last)."""
    kind = kids[i].kind
    seq = merge.pasal_order() if kind == "pasal" else [k for k in kids if k.kind == kind]
    first = next(n for n, x in enumerate(seq) if x is kids[i])
    last = next(n for n, x in enumerate(seq) if x is kids[j])
    before = seq[first - 1] if first > 0 else None
    after = next((x for x in seq[last + 1:] if merge.tag[id(x)] != "new"), None)
    return before, after


def _insertion(merge: Merge, container: Unit, path: str, kids: list[Unit], i: int, j: int) -> AngkaPerubahan:
    run = kids[i:j + 1]
    before, after = _neighbours(merge, kids, i, j)
    setelah = kids[i - 1].title if i > 0 else None
    common = dict(unit=run[0].kind, nomor=[u.label for u in run], letak=Letak(induk=path or None, setelah=setelah),
                  isi=[restated(u) for u in run])
    if after is None and before is not None:
        return AngkaPerubahan(aksi="tambah", setelah=before.label, **common)
    return AngkaPerubahan(aksi="sisip", antara=[before.label if before else "0", after.label if after else "0"], **common)


def _pasal_change(merge: Merge, u: Unit) -> AngkaPerubahan | None:
    old = merge.old[id(u)]
    whole = AngkaPerubahan(aksi="ubah", unit="pasal", nomor=[u.label], sasaran=[old.key], isi=[restated(u)])
    if old.own() != u.own() or {c.kind for c in old.children if not c.deleted} - {c.kind for c in u.children}:
        return whole
    tags = [(merge.tag[id(c)], c) for c in u.children]
    fresh = [c for t, c in tags if t == "new"]
    dropped = [c for t, c in tags if t == "deleted"]
    edited = [c for t, c in tags if t == "kept" and merge.old[id(c)].own() != c.own()]
    if not (fresh or dropped or edited):
        return None
    if edited and not fresh and not dropped:
        kind = edited[0].kind
        return AngkaPerubahan(aksi="ubah", unit=kind, nomor=[c.label for c in edited], pasal=u.label,
                              sasaran=[merge.old[id(c)].key for c in edited],
                              **({"ayat": [restated_ayat(c) for c in edited]} if kind == "ayat"
                                 else {"definisi": [restated_angka(c) for c in edited]}))
    positions = [n for n, (t, _) in enumerate(tags) if t == "new"]
    if fresh and not dropped and not edited and positions == list(range(positions[0], positions[-1] + 1)):
        kids = u.children
        before = kids[positions[0] - 1] if positions[0] > 0 else None
        after = kids[positions[-1] + 1] if positions[-1] + 1 < len(kids) else None
        common = dict(unit=fresh[0].kind, nomor=[c.label for c in fresh], pasal=u.label, isi=[restated(u)])
        if after is None and before is not None:
            return AngkaPerubahan(aksi="tambah", setelah=before.label, **common)
        return AngkaPerubahan(aksi="sisip", antara=[before.label if before else "0", after.label if after else "0"], **common)
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

"""Perubahan and naskah konsolidasi: ``amend(old, new)`` and ``consolidate(base, *amendments)``.

``amend`` compares the spec of a Perbup as issued with the spec as it should read and writes the
Perubahan (a spec of ``jenis: perubahan`` the drafter can still edit). Earlier Perubahan of the same
Perbup are given as ``earlier``: the old text is then the naskah konsolidasi, and the result is the
"Perubahan Kedua" (or later).
"""
from __future__ import annotations

import sys
import types
from dataclasses import dataclass, field

from ..spec.errors import Problem, SpecError
from . import consolidate as _consolidate_module  # noqa: F401  (loaded first, so the name below stays the function)


@dataclass
class Plan:
    """What ``amend`` found: the Perubahan, the amended text, and warnings (PRB-007) for the drafter."""

    perubahan: object
    merge: object
    warnings: list[str] = field(default_factory=list)
    share_changed: float = 0.0
    systematics: bool = False
    old_tree: object = None
    new_tree: object = None
    old: object = None
    new: object = None
    old_lampiran: list = field(default_factory=list)


def _where(doc) -> str:
    ctx = getattr(doc, "_context", None)
    return ctx.filename if ctx is not None and ctx.path is not None else "<spec>"


def _refuse(doc, message: str, hint: str, loc: tuple = ()) -> SpecError:
    """One positioned problem: at ``loc`` of ``doc`` when the spec has it, else at its first line."""
    from ..spec.errors import Position  # lazy: start-up time

    ctx = getattr(doc, "_context", None)
    position = (ctx.position(loc) if ctx is not None and loc else None) or Position(1, 1)
    if ctx is not None:  # 'Peraturan Wali Kota', 'Peraturan Gubernur' for a kota or provinsi
        from ..naskah.names import kata_daerah  # lazy: start-up time

        message, hint = kata_daerah(message, ctx.profile), kata_daerah(hint, ctx.profile)
    return SpecError([Problem(message, _where(doc), position, hint=hint, code="PERUBAHAN")])


def check_pair(old, new) -> None:
    """Bad input for ``amend``/``compare``/``redline``: each a clear message, nothing written."""
    from ..model import PeraturanBupati  # lazy: start-up time

    if old.jenis != new.jenis:
        raise _refuse(new, f"jenis dokumen berbeda: '{old.jenis}' dan '{new.jenis}'",
                      "bandingkan dua versi dari dokumen yang sama jenisnya", ("jenis",))
    if old.daerah != new.daerah:
        raise _refuse(new, f"daerah berbeda: '{old.daerah}' dan '{new.daerah}'",
                      "bandingkan dua versi Peraturan Bupati dari daerah yang sama", ("daerah",))
    if not isinstance(old, PeraturanBupati):
        raise _refuse(old, f"dokumen jenis '{old.jenis}' tidak diubah dengan Perubahan Peraturan Bupati",
                      "hanya Peraturan Bupati (perbup/pedoman) yang diubah dengan amend")
    old_ids = _ids(old)
    if old_ids and not (old_ids & _ids(new)):
        raise _refuse(new, "tidak ada satu pun id unit (BAB, Pasal, ayat, definisi) spec baru yang sama dengan spec lama",
                      "salin spec lama lalu ubah isinya; jangan ganti atau hapus id unit yang tetap ada")


def check_same_daerah(base, amendment) -> None:
    if base.daerah != amendment.daerah:
        raise _refuse(amendment, f"daerah berbeda: Perubahan untuk '{amendment.daerah}', naskah dasar '{base.daerah}'",
                      "sebutkan hanya Perubahan atas Peraturan Bupati daerah yang sama", ("daerah",))


def check_issued(base) -> None:
    if getattr(base, "is_naskah_kerja", False):
        raise _refuse(base, "spec lama berstatus 'revisi' (naskah kerja), bukan naskah yang diundangkan",
                      "sebutkan dulu spec naskah yang ditetapkan (status: final), lalu naskah kerja sebagai versi baru")
    if base.is_rancangan or not base.nomor or not base.tahun:
        raise _refuse(base, "Peraturan Bupati yang akan diubah masih rancangan (belum bernomor dan belum diundangkan)",
                      "rancangan tidak diubah dengan Perubahan, tetapi disusun ulang: sunting spec-nya langsung; "
                      "atau isi status: final, nomor, tahun, dan data pengundangannya")


def check_chain(base, amendments) -> None:
    """Every Perubahan given must amend this base Perbup (by nomor and tahun), each once, in order: the i-th is
    'Perubahan ke-i' (its ``perubahan_sebelumnya`` names the i-1 before it)."""
    seen: dict = {}
    for position, amendment in enumerate(amendments, start=1):
        key = _identity(amendment)
        if key in seen:
            raise _refuse(amendment, f"Perubahan yang sama disebut dua kali (juga {seen[key]})",
                          "sebutkan setiap Perubahan sekali, urut dari yang pertama", ("nomor",))
        seen[key] = _where(amendment)
        if amendment.jenis == "perubahan" and amendment.ke != position:
            raise _refuse(amendment, f"urutan Perubahan salah: ini Perubahan ke-{amendment.ke} "
                                     f"(perubahan_sebelumnya: {amendment.ke - 1}) tetapi disebut ke-{position}",
                          "sebutkan Perubahan urut dari yang pertama; isi 'perubahan_sebelumnya' dengan Perubahan terdahulu",
                          ("perubahan_sebelumnya",))
    for amendment in amendments:
        if amendment.jenis != "perubahan":
            raise _refuse(amendment, f"bukan spec Perubahan (jenis: {amendment.jenis})", "buat dengan 'legaldraft amend'")
        target = amendment.mengubah
        if (str(target.nomor), target.tahun) != (str(base.nomor), base.tahun):
            raise _refuse(amendment, f"bukan perubahan atas Peraturan Bupati Nomor {base.nomor} Tahun {base.tahun} "
                                     f"(mengubah Nomor {target.nomor} Tahun {target.tahun})",
                          "sebutkan hanya Perubahan atas Perbup dasar, urut dari yang pertama")


def _identity(doc) -> tuple:
    """What makes two Perubahan the same: nomor and tahun once numbered, else the file (or the object)."""
    if getattr(doc, "nomor", None) and getattr(doc, "tahun", None):
        return ("nomor", str(doc.nomor), doc.tahun)
    ctx = getattr(doc, "_context", None)
    if ctx is not None and ctx.path is not None:
        return ("file", str(ctx.path.resolve()))
    return ("object", id(doc))


def _ids(doc) -> set[str]:
    from ..model import walk  # lazy: start-up time

    return {n.id for n in walk(doc) if getattr(n, "id", None) and type(n).__name__ in
            ("Bab", "Bagian", "Paragraf", "Pasal", "Ayat", "Definisi", "Lampiran")}


def plan(old, new, earlier=(), profile=None) -> Plan:
    """Compare and write the Perubahan (see :func:`amend`), with the numbers and warnings behind it."""
    from ..spec.loader import context_of  # lazy: start-up time
    from .consolidate import ConsolidationError, consolidate_tree  # lazy: start-up time
    from .diff import expand_texts, key_of, match, number_stably, set_key, tree_of, units, with_key  # lazy: start-up time
    from .instructions import changes, merge_tree, perubahan_of  # lazy: start-up time

    check_pair(old, new)
    check_issued(old)
    prof = profile or context_of(new).profile
    nama_jenis = prof.formula.nama_jenis_peraturan
    check_chain(old, earlier)
    try:
        current = consolidate_tree(old, *earlier, nama_jenis=nama_jenis, notes=False)
    except ConsolidationError as exc:
        raise _refuse(earlier[-1], f"Perubahan tidak cocok dengan naskah yang diubah: {exc}",
                      "sebutkan Perubahan terdahulu lengkap dan urut") from None
    old_tree = current.tree
    keys: list[str] = []
    for _ in range(2):  # a unit without id is known by its text, and its text by the numbers: twice
        new_tree = tree_of(new, nama_jenis)
        for u, key in zip(units(new_tree), keys):    # the same units in the same order: the keys of the first pass
            set_key(u, key)
        m = match(old_tree, new_tree)
        number_stably(old_tree, new_tree, m)
        expand_texts(new_tree)
        keys = [key_of(with_key(u)) for u in units(new_tree)]
    merge = merge_tree(old_tree, new_tree, m)
    items = changes(merge)
    doc = perubahan_of(old, new, list(earlier), items, prof, current.lampiran)
    result = Plan(doc, merge, old_tree=old_tree, new_tree=new_tree, old=old, new=new, old_lampiran=current.lampiran)
    _assess(result, old_tree)
    if new.status.value == "final":
        result.warnings.append("versi baru berstatus 'final' padahal naskahnya tidak pernah ditetapkan seperti itu; "
                               "tulis 'status: revisi' agar dicetak sebagai naskah kerja, bukan naskah resmi")
    return result


def _assess(result: Plan, old_tree) -> None:
    """PRB-007 (butir 237): systematics changed, or more than half of the pasal touched."""
    from .diff import is_deleted, key_of, kind_of, units  # lazy: start-up time

    merge = result.merge
    pasal = [u for u in units(old_tree) if kind_of(u) == "pasal" and not is_deleted(u)]
    touched = {sasaran for item in result.perubahan.perubahan for sasaran in item.sasaran}
    inserted = sum(len(item.nomor) for item in result.perubahan.perubahan
                   if item.aksi in ("sisip", "tambah") and item.unit == "pasal")
    for item in result.perubahan.perubahan:
        if item.aksi in ("sisip", "tambah") and item.unit in ("bab", "bagian", "paragraf"):
            inserted += sum(1 for u in item.isi for _ in _pasal_models(u))
    changed = sum(1 for u in pasal if key_of(u) in touched) + inserted
    result.share_changed = changed / max(len(pasal), 1)
    result.systematics = any(merge.tag.get(id(u)) == "deleted" and kind_of(u) in ("bab", "bagian", "paragraf")
                             for u in units(merge.root)) or _moved(merge)
    if result.systematics:
        result.warnings.append("PRB-007: perubahan menyentuh sistematika (BAB/Bagian/Paragraf dihapus atau dipindah); "
                               "menurut butir 237 Peraturan Bupati sebaiknya diganti: legaldraft amend --replace")
    if result.share_changed > 0.5:
        result.warnings.append(f"PRB-007: perubahan mengenai {round(result.share_changed * 100)}% pasal (lebih dari 50%); "
                               "menurut butir 237 Peraturan Bupati sebaiknya diganti: legaldraft amend --replace")


def _pasal_models(unit):
    from ..model import Pasal  # lazy: start-up time

    if isinstance(unit, Pasal):
        yield unit
    for child in getattr(unit, "isi", []):
        yield from _pasal_models(child)


def _moved(merge) -> bool:
    from .diff import units  # lazy: start-up time

    new_ids = {u.id for u in units(merge.root) if merge.tag.get(id(u)) == "new" and u.id}
    return bool(new_ids & merge.deleted_keys)


def amend(old, new, earlier=(), profile=None):
    """The Perubahan (``jenis: perubahan``) that turns ``old`` (issued, with its ``earlier`` Perubahan)
    into ``new``."""
    return plan(old, new, earlier, profile).perubahan


def consolidate(base, *amendments, notes: bool = True):
    """The naskah konsolidasi: a :class:`~legaldraft.amend.consolidate.Konsolidasi` (``.tree``: a copy of ``base``
    whose units read as amended, ``.lampiran``) of ``base`` with ``amendments`` applied in order;
    :func:`~legaldraft.amend.consolidate.document_of` of it builds like a Perbup."""
    from ..spec.loader import context_of  # lazy: start-up time
    from .consolidate import consolidate_tree  # lazy: start-up time

    check_chain(base, amendments)
    prof = context_of(base).profile
    return consolidate_tree(base, *amendments, nama_jenis=prof.formula.nama_jenis_peraturan, notes=notes)


#: The order a drafter reads a Perubahan spec in: what is amended, why, on what basis, the changes, the lampiran.
SPEC_ORDER = ("jenis", "daerah", "status", "nomor", "tahun", "mengubah", "perubahan_sebelumnya", "konsiderans",
              "dasar_hukum", "perubahan", "pasal_ii", "lampiran")


def to_yaml(doc, header: str = "") -> str:
    """A generated spec as YAML text the drafter can edit (keys in model order, defaults left out)."""
    import yaml  # lazy: start-up time

    from ..spec.loader import to_spec_dict  # lazy: start-up time

    data = to_spec_dict(doc)
    first = [k for k in SPEC_ORDER if k in data]
    data = {k: data[k] for k in first + [k for k in data if k not in first]}
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)
    return header + text


class _CallableModule(types.ModuleType):
    """``legaldraft.amend`` is both this package and the function: ``legaldraft.amend(old, new)``."""

    def __call__(self, old, new, earlier=(), profile=None):
        return amend(old, new, earlier, profile)


sys.modules[__name__].__class__ = _CallableModule

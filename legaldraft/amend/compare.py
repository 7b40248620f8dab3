"""Matriks perbandingan: No | Ketentuan lama | Ketentuan baru | Keterangan, one row per change, F4 landscape."""
from __future__ import annotations

from ..model import AngkaPerubahan, Tabel
from ..naskah.blocks import Block, Blocks
from .consolidate import ConsolidationError, child_titled, find_path, find_pasal, title_of, unit_of, unit_of_leaf
from .diff import DIHAPUS, Unit, unit_lines
from .instructions import sentence
from ..model import walk

BELUM_DIATUR = "(belum diatur)"


def _old_units(tree: Unit, item: AngkaPerubahan) -> list[Unit]:
    try:
        if item.unit in ("ayat", "angka"):
            pasal = find_pasal(tree, item.pasal)
            if item.aksi == "ubah" and (item.ayat or item.definisi):
                return [c for c in pasal.children if c.kind == item.unit and c.label in item.nomor]
            return [pasal]
        if item.aksi in ("sisip", "tambah"):
            return []
        if item.unit == "pasal":
            return [find_pasal(tree, item.nomor[0])]
        container = find_path(tree, item.letak.induk if item.letak else None)
        return [child_titled(container, title_of(item.unit, item.nomor[0]))]
    except ConsolidationError:
        return []


def _new_units(item: AngkaPerubahan) -> list[Unit]:
    if item.aksi == "ubah" and (item.ayat or item.definisi):
        return [unit_of_leaf(item.unit, x) for x in item.ayat or item.definisi]
    return [unit_of(x) for x in item.isi]


def lampiran_lines(lamp) -> list[str]:
    out = [lamp.judul or "Lampiran"]
    for node in walk(lamp):
        for name in ("judul", "teks", "markdown"):
            value = getattr(node, name, None)
            if isinstance(value, str) and node is not lamp:
                out.append(value)
        if type(node).__name__ == "Tabel":
            out.extend(" | ".join(r) for r in [node.kolom] + node.baris)
    return out


def rows(result, nama_jenis: str = "Peraturan Bupati") -> list[tuple[str, str, str, str]]:
    """(No, Ketentuan lama, Ketentuan baru, Keterangan) of every change of a :class:`~legaldraft.amend.Plan`."""
    out = []
    for i, item in enumerate(result.perubahan.perubahan):
        if item.unit == "lampiran":
            new = next((x for x in result.perubahan.lampiran if x.id == item.lampiran), None)
            old = next((x for x in result.old_lampiran if x.id and x.id in item.sasaran), None)
            if old is None and len(result.old_lampiran) == 1 and item.aksi != "tambah":
                old = result.old_lampiran[0]
            old_text = "\n".join(lampiran_lines(old)) if old is not None else BELUM_DIATUR
            new_text = "\n".join(lampiran_lines(new)) if new is not None else DIHAPUS
        else:
            old_units = _old_units(result.old_tree, item)
            old_text = "\n".join(line for u in old_units for line in unit_lines(u)) or BELUM_DIATUR
            new_units = _new_units(item)
            if item.aksi == "hapus":
                new_text = "\n".join([title_of(item.unit, n) for n in item.nomor] + [DIHAPUS])
            else:
                new_text = "\n".join(line for u in new_units for line in unit_lines(u))
        out.append((f"{i + 1}.", old_text, new_text, sentence(item, nama_jenis)))
    return out


HEADER = ["No", "Ketentuan lama", "Ketentuan baru", "Keterangan"]
WIDTHS = [12.0, 115.0, 115.0, 48.0]   # mm on landscape F4 with 20 mm margins


def matriks_blocks(result, title: str, nama_jenis: str = "Peraturan Bupati") -> Blocks:
    """The matriks as blocks for the one DOCX writer: the heading and one table (header row repeated on every
    page), to be laid out on a landscape page (legaldraft.render.templates.landscape)."""
    table = Tabel(kolom=HEADER, baris=[list(r) for r in rows(result, nama_jenis)], lebar=WIDTHS)
    return Blocks([Block("LD Judul", "MATRIKS PERBANDINGAN", keep_next=True),
                   Block("LD Judul", title.upper(), keep_next=True),
                   Block("LD Tabel", table=table)])

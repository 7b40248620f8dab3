"""Matriks perbandingan: No | Ketentuan lama | Ketentuan baru | Keterangan, one row per change, as blocks that the
naskah writer puts on the profile's paper turned landscape (:func:`legaldraft.render.pipeline.table_docx`)."""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..model import AngkaPerubahan
from ..naskah.blocks import Block, Blocks, Grid, Run
from .consolidate import ConsolidationError, child_titled, find_path, find_pasal, title_of, unit_of, unit_of_leaf
from .diff import DIHAPUS, children, kind_of, label_of, unit_lines
from .instructions import sentence
from ..model import walk

BELUM_DIATUR = "(belum diatur)"


def _old_units(tree, item: AngkaPerubahan) -> list:
    try:
        if item.unit in ("ayat", "angka"):
            pasal = find_pasal(tree, item.pasal)
            if item.aksi == "ubah" and (item.ayat or item.definisi):
                return [c for c in children(pasal) if kind_of(c) == item.unit and label_of(c) in item.nomor]
            return [pasal]
        if item.aksi in ("sisip", "tambah"):
            return []
        if item.unit == "pasal":
            return [find_pasal(tree, item.nomor[0])]
        container = find_path(tree, item.letak.induk if item.letak else None)
        return [child_titled(container, title_of(item.unit, item.nomor[0]))]
    except ConsolidationError:
        return []


def _new_units(item: AngkaPerubahan) -> list:
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


ALASAN_KOSONG = "Alasan: (belum ditulis; isi 'alasan' pada perubahan ini di spec Perubahan)"


def _key(item) -> tuple:
    return (item.aksi, item.unit, tuple(item.nomor), item.pasal)


def alasan_of(perubahan) -> dict[tuple, str]:
    """The drafter's 'alasan' per change of a Perubahan spec, by what the change is (aksi, unit, nomor, pasal)."""
    return {_key(item): item.alasan for item in perubahan.perubahan if item.alasan}


def rows(result, nama_jenis: str = "Peraturan Bupati", alasan: dict | None = None) -> list[tuple[str, str, str, str]]:
    """(No, Ketentuan lama, Ketentuan baru, Keterangan) of every change of a :class:`~legaldraft.amend.Plan`.
    Keterangan: the change as Pasal I words it, then its reason ('alasan', written by the drafter)."""
    out = []
    alasan = alasan or {}
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
        reason = item.alasan or alasan.get(_key(item))
        keterangan = sentence(item, nama_jenis) + "\n" + (f"Alasan: {reason}" if reason else ALASAN_KOSONG)
        out.append((f"{i + 1}.", old_text, new_text, keterangan))
    return out


_TOKENS = re.compile(r"\w+|[^\w\s]|\s+")


def marked_lines(old_lines: list[str], new_lines: list[str], side: str) -> list[list[Run]]:
    """One column's lines as paragraphs of runs, the words that differ from the other column marked (struck
    through and highlighted in the old column, bold and highlighted in the new one)."""
    mine, other = (old_lines, new_lines) if side == "old" else (new_lines, old_lines)
    partner: dict[int, str | None] = {}
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
        a_range, b_range = (range(i1, i2), range(j1, j2)) if side == "old" else (range(j1, j2), range(i1, i2))
        for k, idx in enumerate(a_range):
            partner[idx] = (other[b_range[k]] if k < len(b_range) else None) if tag != "equal" else mine[idx]
    paragraphs = []
    for idx, line in enumerate(mine):
        against = partner.get(idx)
        a = _TOKENS.findall(line)
        if against is None:
            pieces = [(line, True)]
        else:
            b = _TOKENS.findall(against)
            pieces = [("".join(a[i1:i2]), tag != "equal")
                      for tag, i1, i2, _, _ in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if i2 > i1]
        runs = []
        for text, differs in pieces:
            marked = differs and bool(text.strip())
            runs.append(Run(text, bold=marked and side == "new", strike=marked and side == "old", highlight=marked))
        paragraphs.append(runs)
    return paragraphs


HEADER = ("No", "Ketentuan lama", "Ketentuan baru", "Keterangan")
WIDTHS = (12.0, 108.0, 108.0, 62.0)      # relative: the number, the two texts side by side, the reason


def matriks_blocks(result, profile, title: str, alasan: dict | None = None) -> Blocks:
    """The matriks as blocks for the naskah writer (render.pipeline.table_docx): the heading, the amended Perbup
    named in full (nomor, tahun, judul, Berita Daerah), and one table row per change with the changed words marked
    and the reason of each change in Keterangan."""
    from ..naskah.names import nama_peraturan  # lazy: start-up time

    blocks = Blocks([Block("LD Judul", "MATRIKS PERBANDINGAN"), Block("LD Judul", title.upper()),
                     Block("LD Isi", f"Peraturan yang diubah: {nama_peraturan(result.perubahan.mengubah, profile)}.")])
    for earlier in result.perubahan.perubahan_sebelumnya:
        blocks.append(Block("LD Isi", f"Perubahan terdahulu: {nama_peraturan(earlier, profile)}."))
    blocks.append(Block("LD Isi", "Kata yang berubah ditandai: dicoret pada ketentuan lama, tebal pada ketentuan baru."))
    table = []
    for row in rows(result, profile.formula.nama_jenis_peraturan, alasan):
        old_lines, new_lines = row[1].split("\n"), row[2].split("\n")
        cells = [[[Run(line)] for line in text.split("\n")] for text in row]
        if row[1] != BELUM_DIATUR and row[2] != BELUM_DIATUR:
            cells[1], cells[2] = marked_lines(old_lines, new_lines, "old"), marked_lines(old_lines, new_lines, "new")
        table.append(cells)
    blocks.append(Block("LD Tabel", grid=Grid(list(HEADER), list(WIDTHS), table)))
    return blocks

"""Matriks perbandingan: No | Ketentuan lama | Ketentuan baru | Keterangan, one row per change, F4 landscape."""
from __future__ import annotations

import io

from ..model import AngkaPerubahan
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


def _diff_runs(paragraph_of, old_lines: list[str], new_lines: list[str], side: str) -> None:
    """Write one column's lines, the words that differ from the other column highlighted (struck through in
    the old column, bold in the new one)."""
    import re  # lazy: start-up time
    from difflib import SequenceMatcher  # lazy: start-up time

    from docx.enum.text import WD_COLOR_INDEX  # lazy: start-up time

    tokens = re.compile(r"\w+|[^\w\s]|\s+")
    mine, other = (old_lines, new_lines) if side == "old" else (new_lines, old_lines)
    pairs = SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes()
    partner: dict[int, str | None] = {}
    for tag, i1, i2, j1, j2 in pairs:
        a_range, b_range = (range(i1, i2), range(j1, j2)) if side == "old" else (range(j1, j2), range(i1, i2))
        for k, idx in enumerate(a_range):
            partner[idx] = (other[b_range[k]] if k < len(b_range) else None) if tag != "equal" else mine[idx]
    for idx, line in enumerate(mine):
        p = paragraph_of(idx)
        against = partner.get(idx)
        a = tokens.findall(line)
        if against is None:
            changed = [(line, True)]
        else:
            b = tokens.findall(against)
            changed = []
            for tag, i1, i2, _, _ in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
                if i2 > i1:
                    changed.append(("".join(a[i1:i2]), tag != "equal"))
        for text, differs in changed:
            run = p.add_run(text)
            if differs and text.strip():
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                if side == "old":
                    run.font.strike = True
                else:
                    run.bold = True


def matriks_docx(result, profile, title: str, alasan: dict | None = None) -> bytes:
    """The matriks as a DOCX: landscape F4, the profile's font, a header row repeated on every page; the
    amended Perbup named in full (nomor, tahun, judul, Berita Daerah), changed words highlighted, and the
    reason of each change in Keterangan."""
    from docx import Document  # lazy: start-up time
    from docx.enum.section import WD_ORIENT  # lazy: start-up time
    from docx.oxml import OxmlElement  # lazy: start-up time
    from docx.oxml.ns import qn  # lazy: start-up time
    from docx.shared import Mm, Pt  # lazy: start-up time

    from ..naskah.names import nama_peraturan  # lazy: naskah imports amend

    page = profile.halaman
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(page.tinggi_mm), Mm(page.lebar_mm)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    normal = doc.styles["Normal"]
    normal.font.name = page.huruf
    normal.font.size = Pt(page.ukuran_huruf - 1)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), page.huruf)
    doc.core_properties.title = title
    heading = doc.add_paragraph()
    heading.alignment = 1
    run = heading.add_run(f"MATRIKS PERBANDINGAN\n{title.upper()}")
    run.bold = True
    amended = nama_peraturan(result.perubahan.mengubah, profile)
    doc.add_paragraph(f"Peraturan yang diubah: {amended}.")
    for earlier in result.perubahan.perubahan_sebelumnya:
        doc.add_paragraph(f"Perubahan terdahulu: {nama_peraturan(earlier, profile)}.")
    doc.add_paragraph("Kata yang berubah ditandai: dicoret pada ketentuan lama, tebal pada ketentuan baru.")
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    widths = [Mm(12), Mm(108), Mm(108), Mm(62)]
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    for cell, text, width in zip(table.rows[0].cells, ("No", "Ketentuan lama", "Ketentuan baru", "Keterangan"), widths):
        cell.width = width
        cell.paragraphs[0].add_run(text).bold = True
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    for row in rows(result, profile.formula.nama_jenis_peraturan, alasan):
        cells = table.add_row().cells
        old_lines, new_lines = row[1].split("\n"), row[2].split("\n")
        for k, (cell, text, width) in enumerate(zip(cells, row, widths)):
            cell.width = width
            lines = text.split("\n")

            def paragraph_of(idx, cell=cell):
                return cell.paragraphs[0] if idx == 0 else cell.add_paragraph()

            if k in (1, 2) and row[1] != BELUM_DIATUR and row[2] not in (BELUM_DIATUR,):
                _diff_runs(paragraph_of, old_lines, new_lines, "old" if k == 1 else "new")
                continue
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()

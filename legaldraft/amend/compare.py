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


def matriks_docx(result, profile, title: str) -> bytes:
    """The matriks as a DOCX: landscape F4, the profile's font, a header row repeated on every page."""
    from docx import Document  # lazy: start-up time
    from docx.enum.section import WD_ORIENT  # lazy: start-up time
    from docx.oxml import OxmlElement  # lazy: start-up time
    from docx.oxml.ns import qn  # lazy: start-up time
    from docx.shared import Mm, Pt  # lazy: start-up time

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
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    widths = [Mm(12), Mm(115), Mm(115), Mm(48)]
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
    for row in rows(result, profile.formula.nama_jenis_peraturan):
        cells = table.add_row().cells
        for cell, text, width in zip(cells, row, widths):
            cell.width = width
            lines = text.split("\n")
            cell.paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()

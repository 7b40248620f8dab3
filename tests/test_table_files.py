"""Issue 16 item 2: a Lampiran table read from XLSX or CSV, with the inline table's checks and positions in the file."""
import json

import openpyxl
import pytest

from legaldraft.spec.errors import SpecError
from legaldraft.spec.loader import load
from legaldraft.spec.scaffold import scaffold

from conftest import docx_text

INLINE = """          kolom: [No., Jabatan dalam Tim, Jabatan]
          lebar: [1, 3, 5]
          baris:
            - ["1.", Ketua, Sekretaris Daerah]
            - ["2.", Sekretaris, Kepala Bagian Organisasi]
            - ["3.", Anggota, Kepala Perangkat Daerah terkait]
"""
MEMBERS = [("Ketua", "Sekretaris Daerah", 1971), ("Sekretaris", "Kepala Bagian Organisasi", 1980.0),
           ("Anggota", "Kepala Dinas Sosial", None)]


def keputusan(tmp_path, table_yaml: str):
    text = scaffold("keputusan")
    assert INLINE in text
    spec = tmp_path / "kep.yaml"
    spec.write_text(text.replace(INLINE, table_yaml), encoding="utf-8")
    return spec


def xlsx(path, rows, sheet="Anggota"):
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(list(row))
    book.save(path)
    return path


def test_xlsx_table_fills_kolom_and_baris(tmp_path):
    xlsx(tmp_path / "anggota.xlsx", [("Jabatan dalam Tim", "Jabatan", "Tahun Lahir"), *MEMBERS])
    spec = keputusan(tmp_path, "          sumber: anggota.xlsx\n          nomor_otomatis: true\n")
    doc = load(spec)
    table = doc.lampiran[0].isi[0].tabel
    assert table.kolom == ["Jabatan dalam Tim", "Jabatan", "Tahun Lahir"]
    # numbers as printed (1980.0 -> '1980'), empty cells as ''
    assert table.baris == [["Ketua", "Sekretaris Daerah", "1971"], ["Sekretaris", "Kepala Bagian Organisasi", "1980"],
                           ["Anggota", "Kepala Dinas Sosial", ""]]


def test_kolom_picks_columns_by_header_and_sheet_by_name(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Lain"
    book.active.append(["x"])
    ws = book.create_sheet("Anggota")
    for row in [("Jabatan", "NIP", "Jabatan dalam Tim"), ("Sekretaris Daerah", "1971", "Ketua")]:
        ws.append(row)
    book.save(tmp_path / "tim.xlsx")
    spec = keputusan(tmp_path, "          sumber: tim.xlsx\n          lembar: Anggota\n          kolom: [jabatan dalam tim, Jabatan]\n")
    table = load(spec).lampiran[0].isi[0].tabel
    assert table.kolom == ["jabatan dalam tim", "Jabatan"]
    assert table.baris == [["Ketua", "Sekretaris Daerah"]]


def test_csv_table_semicolons_and_bom(tmp_path):
    (tmp_path / "anggota.csv").write_bytes("\ufeffJabatan dalam Tim;Jabatan\nKetua;Sekretaris Daerah\n\nAnggota;\"Kepala Dinas; Sosial\"\n".encode())
    spec = keputusan(tmp_path, "          sumber: anggota.csv\n")
    table = load(spec).lampiran[0].isi[0].tabel
    assert table.kolom == ["Jabatan dalam Tim", "Jabatan"]
    assert table.baris == [["Ketua", "Sekretaris Daerah"], ["Anggota", "Kepala Dinas; Sosial"]]


def problems(spec):
    with pytest.raises(SpecError) as info:
        load(spec)
    return info.value.problems


def test_extra_cell_reported_at_file_row_and_column(tmp_path):
    xlsx(tmp_path / "anggota.xlsx", [("Jabatan dalam Tim", "Jabatan"), ("Ketua", "Sekretaris Daerah"),
                                     ("Anggota", "Kepala Dinas", None, "catatan")])
    [p] = problems(keputusan(tmp_path, "          sumber: anggota.xlsx\n"))
    assert str(p).startswith(f"{tmp_path / 'anggota.xlsx'}:3:4: sel D3: baris berisi 4 sel, padahal kolom ada 2")


def test_unknown_column_missing_file_and_control_character(tmp_path):
    xlsx(tmp_path / "anggota.xlsx", [("Jabatan dalam Tim", "Jabatan"), ("Ketua", "Sekretaris Daerah")])
    [p] = problems(keputusan(tmp_path, "          sumber: anggota.xlsx\n          kolom: [Kedudukan, Jabatan]\n"))
    assert p.file == str(tmp_path / "anggota.xlsx") and p.position[:2] == (1, 1)
    assert "kolom 'Kedudukan' tidak ada di berkas" in p.message and "Jabatan dalam Tim" in p.hint
    [p] = problems(keputusan(tmp_path, "          sumber: tidak-ada.xlsx\n"))
    assert p.file == str(tmp_path / "kep.yaml") and "tidak ditemukan" in p.message
    [p] = problems(keputusan(tmp_path, "          sumber: ../luar.csv\n"))
    assert "keluar dari folder spec" in p.message
    (tmp_path / "anggota.csv").write_text("Jabatan dalam Tim,Jabatan\nKetua,Sekretaris\x07 Daerah\n", encoding="utf-8")
    [p] = problems(keputusan(tmp_path, "          sumber: anggota.csv\n"))
    assert (p.file, tuple(p.position[:2])) == (str(tmp_path / "anggota.csv"), (2, 2)) and "U+0007" in p.message


def test_cell_positions_point_into_the_file(tmp_path, cli):
    """Every cell read from the file is located in it (row and column as the spreadsheet shows them), so any
    finding on a cell is reported there; the file itself checks clean like the inline table it replaces."""
    xlsx(tmp_path / "anggota.xlsx", [(None,), ("Jabatan dalam Tim", "Jabatan"), ("Ketua", "Sekretaris Daerah")])
    spec = keputusan(tmp_path, "          sumber: anggota.xlsx\n")
    doc = load(spec)
    pos = doc._context.position(doc.lampiran[0].isi[0].tabel.loc + ("baris", 0, 1))
    assert (pos.file, pos.line, pos.column) == (str(tmp_path / "anggota.xlsx"), 3, 2)
    result = cli("check", spec, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == []


def test_build_prints_the_file_rows_and_the_file_counts_in_the_build_cache(tmp_path, cli):
    path = xlsx(tmp_path / "anggota.xlsx", [("Jabatan dalam Tim", "Jabatan"), *[(m[0], m[1]) for m in MEMBERS]])
    spec = keputusan(tmp_path, "          sumber: anggota.xlsx\n          nomor_otomatis: true\n")
    out = tmp_path / "out"
    result = cli("build", spec, "-o", out, "--no-progress")
    assert result.exit_code == 0, result.output
    lines = docx_text(out / "kep.docx")
    assert any("Sekretaris | Kepala Bagian Organisasi" in line for line in lines)
    result = cli("build", spec, "-o", out, "--no-progress")
    assert "sudah mutakhir" in result.output
    before = (out / "kep.docx").stat().st_mtime_ns
    xlsx(path, [("Jabatan dalam Tim", "Jabatan"), ("Ketua", "Wakil Bupati")])
    result = cli("build", spec, "-o", out, "--no-progress")
    assert result.exit_code == 0, result.output
    assert (out / "kep.docx").stat().st_mtime_ns != before
    assert any("Ketua | Wakil Bupati" in line for line in docx_text(out / "kep.docx"))
    manifest = json.loads((out / ".legaldraft-build.json").read_text(encoding="utf-8"))
    [entry] = manifest["specs"].values()
    assert str(path.resolve()) in entry["deps"]


def test_inline_table_without_kolom_is_explained(tmp_path):
    [p] = problems(keputusan(tmp_path, "          baris: [[Ketua, Sekretaris Daerah]]\n"))
    assert "tabel tanpa 'kolom'" in p.message and "sumber: berkas.xlsx" in p.message and p.position.line > 30


def test_cell_names_and_a_zip_bomb_refused(tmp_path):
    from legaldraft.spec import tablefile

    assert [tablefile.cell_name(*rc) for rc in ((1, 1), (14, 4), (2, 26), (3, 27), (5, 52))] == ["A1", "D14", "Z2", "AA3", "AZ5"]
    import zipfile

    with zipfile.ZipFile(tmp_path / "bom.xlsx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", "0" * (4 * 1024 * 1024))   # 4 MB of one byte: compressed ~1000:1
    [p] = problems(keputusan(tmp_path, "          sumber: bom.xlsx\n"))
    assert "bom zip" in p.message
    (tmp_path / "rusak.xlsx").write_bytes(b"bukan zip")
    [p] = problems(keputusan(tmp_path, "          sumber: rusak.xlsx\n"))
    assert "bukan XLSX yang utuh" in p.message
    import os

    os.mkfifo(tmp_path / "pipa.csv")
    [p] = problems(keputusan(tmp_path, "          sumber: pipa.csv\n"))
    assert "bukan berkas biasa" in p.message

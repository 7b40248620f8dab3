"""Lampiran tables read from a CSV or XLSX file: ``tabel: {sumber: anggota.xlsx}``.

The file is read before the spec is validated: its header row becomes ``kolom`` (or, when the spec names
``kolom``, those columns are picked from the file by their header) and its rows become ``baris``. Every
cell gets a position in the file (:class:`~legaldraft.spec.errors.FilePosition`: the file, the row and the
column as a spreadsheet shows them), so the same checks as for an inline table report ``anggota.xlsx:7:3``.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

from .. import limits
from .errors import FilePosition, Position, Problem, SpecError

SUFFIXES = (".csv", ".xlsx", ".xlsm")
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 50


class TableFileError(Exception):
    def __init__(self, message: str, hint: str | None = None, row: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message, self.hint, self.row, self.column = message, hint, row, column


def table_sources(data: Any, path: tuple = ()):
    """(path, mapping) of every ``tabel:`` mapping with a ``sumber`` in the spec data."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "tabel" and isinstance(value, dict) and "sumber" in value:
                yield path + (key,), value
            else:
                yield from table_sources(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from table_sources(value, path + (i,))


def source_path(base_dir: Path, sumber: str) -> Path:
    """The table file for ``sumber``, relative to the spec folder and inside it (else TableFileError)."""
    raw = Path(sumber)
    if raw.is_absolute():
        raise TableFileError(f"path tabel '{sumber}' harus relatif terhadap folder spec",
                             "salin berkas ke folder spec dan tulis path relatifnya")
    base = base_dir.resolve()
    full = (base / raw).resolve()
    try:
        full.relative_to(base)
    except ValueError:
        raise TableFileError(f"path tabel '{sumber}' keluar dari folder spec", "berkas harus berada di dalam folder spec, tanpa '..'") from None
    if full.suffix.lower() not in SUFFIXES:
        raise TableFileError(f"berkas tabel '{sumber}' bukan CSV atau XLSX", "simpan tabel sebagai .xlsx atau .csv (UTF-8)")
    if not full.exists():
        raise TableFileError(f"berkas tabel '{sumber}' tidak ditemukan", "periksa nama berkas; path relatif terhadap folder spec")
    try:
        limits.check_regular(full, MAX_FILE_BYTES, f"berkas tabel '{sumber}'")
    except (limits.LimitError, OSError) as exc:
        raise TableFileError(str(exc) if isinstance(exc, limits.LimitError) else f"berkas tabel '{sumber}' tidak dapat dibaca") from None
    return full


def cell_name(row: int, column: int) -> str:
    """The cell as a spreadsheet names it: (14, 4) -> 'D14'."""
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row}"


def cell_text(value: Any) -> str:
    """A spreadsheet value as the text printed in the cell (12.0 -> '12', a date -> '17 Maret 2026')."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        from ..naskah.numbers import tanggal  # lazy: only files with dates

        return tanggal(value.date() if isinstance(value, dt.datetime) else value)
    return str(value).strip()


def read_rows(path: Path, sheet: str | None = None) -> list[list[str]]:
    """Every row of the file (empty trailing cells kept as ''), bounded in rows and columns."""
    if path.suffix.lower() == ".csv":
        return _csv_rows(path)
    return _xlsx_rows(path, sheet)


def _bounded(rows, row_number_offset: int = 0) -> list[list[str]]:
    out = []
    for i, row in enumerate(rows):
        if i >= MAX_ROWS + 1:
            raise TableFileError(f"tabel lebih dari {MAX_ROWS} baris", "pecah menjadi beberapa tabel", i + 1)
        cells = [cell_text(c) for c in row]
        while cells and cells[-1] == "":
            cells.pop()
        if len(cells) > MAX_COLUMNS:
            raise TableFileError(f"baris berisi lebih dari {MAX_COLUMNS} kolom", None, i + 1, MAX_COLUMNS + 1)
        out.append(cells)
    return out


def _csv_rows(path: Path) -> list[list[str]]:
    try:
        raw = limits.read_regular(path, MAX_FILE_BYTES, "berkas tabel CSV")
    except limits.LimitError as exc:
        raise TableFileError(str(exc)) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise TableFileError("berkas CSV bukan UTF-8", "simpan ulang sebagai 'CSV UTF-8'", line) from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return _bounded(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as exc:
        raise TableFileError(f"CSV tidak dapat dibaca: {exc}") from None


def _xlsx_rows(path: Path, sheet: str | None) -> list[list[str]]:
    try:
        import openpyxl  # lazy: only an XLSX table pays for it
    except ImportError:  # pragma: no cover - a dependency of legaldraft
        raise TableFileError("membaca XLSX memerlukan paket 'openpyxl'", "pip install openpyxl") from None
    import zipfile  # lazy: with openpyxl above

    try:  # zip bombs, DTD/entity declarations and oversized XML refused before openpyxl unpacks anything
        limits.check_zip(path, "XLSX")
    except limits.LimitError as exc:
        raise TableFileError(f"berkas tabel: {exc}", "buka dan simpan ulang di Excel/LibreOffice sebagai .xlsx") from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        raise TableFileError(f"berkas XLSX tidak dapat dibaca ({type(exc).__name__})", "buka dan simpan ulang di Excel/LibreOffice sebagai .xlsx") from None
    try:
        if sheet is None:
            ws = book.worksheets[0]
        elif sheet in book.sheetnames:
            ws = book[sheet]
        else:
            raise TableFileError(f"lembar '{sheet}' tidak ada", f"lembar yang ada: {', '.join(book.sheetnames)}")
        return _bounded(ws.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1))
    finally:
        book.close()


def resolve_tables(data: Any, smap, filename: str, base_dir: Path) -> None:
    """Fill ``kolom`` and ``baris`` of every ``tabel`` with a ``sumber`` from its file, recording cell positions."""
    problems: list[Problem] = []
    for path, table in list(table_sources(data)):
        sumber = table.get("sumber")
        where = smap.find(path + ("sumber",))
        if not isinstance(sumber, str) or not sumber.strip():
            problems.append(Problem("'sumber' harus berupa nama berkas .xlsx atau .csv", filename, where, code="TABEL"))
            continue
        shown = str(Path(filename).parent / sumber) if filename != "<spec>" else sumber
        if "baris" in table:
            problems.append(Problem("tabel dengan 'sumber' tidak boleh juga memuat 'baris'", filename,
                                    smap.find(path + ("baris",)), "hapus 'baris' atau 'sumber'", code="TABEL"))
            continue
        try:
            full = source_path(base_dir, sumber)
            rows = read_rows(full, table.get("lembar"))
            kolom, baris, positions = _select(rows, table.get("kolom"), shown)
        except TableFileError as exc:
            position = FilePosition(exc.row, exc.column or 1, shown) if exc.row else where
            problems.append(Problem(exc.message, filename, position, exc.hint, code="TABEL"))
            continue
        except OSError as exc:
            problems.append(Problem(f"berkas tabel '{sumber}' tidak dapat dibaca ({exc.strerror})", filename, where, code="TABEL"))
            continue
        table["kolom"] = kolom
        table["baris"] = baris
        for (i, j), position in positions.items():
            smap[path + ("baris", i, j)] = position
        for i, row in enumerate(baris):
            smap[path + ("baris", i)] = positions.get((i, 0), where)
    if problems:
        raise SpecError(problems)


def _select(rows: list[list[str]], wanted, shown: str):
    """(kolom, baris, {(row index, column index): FilePosition}) from the file rows (first non-empty row = header)."""
    numbered = [(n + 1, r) for n, r in enumerate(rows) if any(c for c in r)]
    if not numbered:
        raise TableFileError("berkas tabel kosong", "baris pertama berisi judul kolom, baris berikutnya isinya")
    header_row, header = numbered[0]
    for j, name in enumerate(header):
        if not name:
            raise TableFileError(f"sel {cell_name(header_row, j + 1)}: judul kolom ke-{j + 1} kosong",
                                 "isi judul setiap kolom di baris pertama", header_row, j + 1)
    if wanted is None:
        picks = list(range(len(header)))
        kolom = list(header)
    elif isinstance(wanted, list) and all(isinstance(w, str) for w in wanted):
        index = {h.strip().lower(): j for j, h in enumerate(header)}
        picks = []
        for name in wanted:
            if name.strip().lower() not in index:
                raise TableFileError(f"kolom '{name}' tidak ada di berkas", f"judul kolom di berkas: {', '.join(header)}", header_row, 1)
            picks.append(index[name.strip().lower()])
        kolom = list(wanted)
    else:
        return [], [], {}  # the schema check reports a 'kolom' that is not a list of texts
    baris, positions = [], {}
    for row_number, row in numbered[1:]:
        extra = [j for j in range(len(header), len(row)) if row[j]]
        if extra and wanted is None:
            raise TableFileError(f"sel {cell_name(row_number, extra[0] + 1)}: baris berisi {len(row)} sel, padahal kolom ada {len(header)}",
                                 "beri judul kolom itu di baris pertama, atau hapus isinya", row_number, extra[0] + 1)
        i = len(baris)
        baris.append([row[j] if j < len(row) else "" for j in picks])
        for out_j, j in enumerate(picks):
            positions[(i, out_j)] = FilePosition(row_number, j + 1, shown)
    return kolom, baris, positions


__all__ = ["resolve_tables", "read_rows", "cell_text", "FilePosition", "Position"]

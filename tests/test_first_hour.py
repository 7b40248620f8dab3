"""Issue 16 'done when': a test plays the new drafter of the README's first hour. A Perbup with 8 Pasal started
with the guided ``new --tanya``, a Keputusan whose 12-member Lampiran table comes from an XLSX file; one
``check --fix`` run, a clean check, and a build."""
import shutil

import openpyxl
import pytest
import yaml
from click.testing import CliRunner

from legaldraft.cli import main
from legaldraft.render import pdf

from conftest import docx_text

BODY = """batang_tubuh:
  - bab: KETENTUAN UMUM
    isi:
      - pasal: ketentuan-umum
        definisi:
          - {istilah: Daerah, arti: Kabupaten Purwakarta.}
          - {istilah: Bupati, arti: Bupati Purwakarta.}
          - {istilah: Dinas, arti: Dinas Sosial Kabupaten Purwakarta.}
          - {istilah: Sistem Layanan Rujukan Terpadu, singkatan: SLRT, arti: sistem yang membantu mengidentifikasi kebutuhan fakir miskin dan orang tidak mampu serta merujuknya ke layanan yang tersedia.}
  - bab: PENYELENGGARAAN
    isi:
      - pasal: penyelenggara
        ayat:
          - id: penyelenggara-1
            teks: SLRT diselenggarakan oleh Dinas.
          - teks: "Dalam menyelenggarakan SLRT [[dimaksud penyelenggara-1]], Dinas:"
            rincian:
              - menyediakan sarana dan prasarana;
              - menetapkan standar pelayanan; dan
              - melakukan evaluasi paling sedikit 1 (satu) kali dalam 1 (satu) tahun.
      - pasal: sekretariat
        teks: SLRT mempunyai sekretariat yang berkedudukan di Dinas.
      - pasal: layanan
        teks: Sekretariat SLRT melayani pengaduan paling lama 3 hari kerja sejak pengaduan diterima.
      - pasal: rujukan
        teks: Sekretariat SLRT merujuk setiap pengaduan kepada Perangkat Daerah yang berwenang sesuai dengan peraturan bupati.
      - pasal: data
        teks: Data SLRT dimutakhirkan paling sedikit 1 (satu) kali dalam 6 (enam) bulan.
  - bab: PENDANAAN
    isi:
      - pasal: pendanaan
        teks: Pendanaan penyelenggaraan SLRT bersumber dari Anggaran Pendapatan dan Belanja Daerah dan sumber lain yang sah dan tidak mengikat.
  - bab: KETENTUAN PENUTUP
    isi:
      - pasal: mulai-berlaku
        formula: mulai_berlaku
"""
JABATAN = ["Sekretaris Daerah", "Asisten Pemerintahan dan Kesejahteraan Rakyat", "Kepala Dinas Sosial",
           "Sekretaris Dinas Sosial", "Kepala Bidang Rehabilitasi Sosial", "Kepala Bidang Perlindungan dan Jaminan Sosial",
           "Kepala Bidang Pemberdayaan Sosial", "Kepala Bagian Hukum", "Kepala Bagian Kesejahteraan Rakyat",
           "Kepala Badan Perencanaan Pembangunan Daerah", "Kepala Dinas Kependudukan dan Pencatatan Sipil",
           "Kepala Dinas Kesehatan"]
KEDUDUKAN = ["Pengarah", "Penanggung Jawab", "Ketua", "Sekretaris"] + ["Anggota"] * 8


@pytest.fixture
def drafter(tmp_path, monkeypatch):
    """A drafter's folder, with the daerah profile the Bagian Hukum handed out."""
    from conftest import ROOT

    shutil.copytree(ROOT / "specs" / "profil", tmp_path / "profil")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def run(*args, input=None):
        return runner.invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


def test_first_hour(drafter, tmp_path):
    # 1. the Perbup, started by answering questions
    answers = "\n".join([
        "perbup", "purwakarta", "Sistem Layanan Rujukan Terpadu",
        "bahwa untuk mempercepat penanganan fakir miskin dan orang tidak mampu, perlu dibentuk sistem layanan dan rujukan terpadu",
        "bahwa Peraturan Menteri Sosial Nomor 15 Tahun 2018 memberikan pedoman bagi pemerintah daerah dalam menyelenggarakan sistem layanan dan rujukan terpadu",
        "", "sistem layanan rujukan", "1", "kesejahteraan sosial", "1", ""]) + "\n"
    result = drafter("new", "slrt.yaml", "--tanya", input=answers)
    assert result.exit_code == 0, result.output
    spec = tmp_path / "slrt.yaml"
    text = spec.read_text(encoding="utf-8")
    # 2. the drafter writes the batang tubuh: 8 Pasal, with two mechanical slips (terbilang, capital)
    spec.write_text(text[: text.index("batang_tubuh:")] + BODY + text[text.index("\npenetapan:") + 1:], encoding="utf-8")
    result = drafter("check", spec)
    assert result.exit_code == 1 and "[--fix]" in result.output
    before = spec.read_text(encoding="utf-8")
    result = drafter("check", spec, "--fix")
    assert "diperbaiki" in result.output
    fixed = spec.read_text(encoding="utf-8")
    # the layout stays as written: only the lines holding the two slips change, nothing is re-indented or re-quoted
    changed = [(a, b) for a, b in zip(before.splitlines(True), fixed.splitlines(True)) if a != b]
    assert len(before.splitlines()) == len(fixed.splitlines()) and len(changed) == 2, changed
    assert all("hari kerja" in b or "Peraturan Bupati" in b for _, b in changed), changed
    assert "# Dibuat dengan 'legaldraft new perbup --tanya'" in fixed, "comments stay"
    assert "paling lama 3 (tiga) hari kerja" in fixed and "sesuai dengan Peraturan Bupati" in fixed
    result = drafter("check", spec)
    assert result.exit_code == 0, result.output
    assert result.output.strip().splitlines()[-1].startswith("1 spec diperiksa: 0 galat")

    # 3. the Keputusan with its 12 members in a workbook
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Anggota"
    sheet.append(["Kedudukan dalam Tim", "Jabatan", "Nomor HP"])
    for kedudukan, jabatan in zip(KEDUDUKAN, JABATAN):
        sheet.append([kedudukan, jabatan, "0812"])
    book.save(tmp_path / "anggota.xlsx")
    assert drafter("new", "keputusan", "tim.yaml", "--daerah", "purwakarta").exit_code == 0
    kep = tmp_path / "tim.yaml"
    data = kep.read_text(encoding="utf-8")
    start = data.index("      - tabel:")
    kep.write_text(data[:start] + "      - tabel:\n          sumber: anggota.xlsx\n          kolom: [Kedudukan dalam Tim, Jabatan]\n"
                   "          lebar: [3, 6]\n          nomor_otomatis: true\n", encoding="utf-8")
    result = drafter("check", kep)
    assert result.exit_code == 0, result.output

    # 4. the build: both documents, the table's 12 rows, the 8 Pasal
    formats = "docx,pdf" if pdf.soffice() else "docx"
    result = drafter("build", spec, kep, "-o", "out", "--format", formats, "--no-progress")
    assert result.exit_code == 0, result.output
    perbup = docx_text(tmp_path / "out" / "slrt.docx")
    assert "Pasal 8" in perbup and "Pasal 9" not in perbup
    keputusan = docx_text(tmp_path / "out" / "tim.docx")
    rows = [line for line in keputusan if line.count(" | ") == 2 and line[:1].isdigit()]
    assert len(rows) == 12 and rows[-1] == "12. | Anggota | Kepala Dinas Kesehatan"
    assert not any("0812" in line for line in keputusan), "only the columns named are printed"
    if pdf.soffice():
        assert (tmp_path / "out" / "tim.pdf").stat().st_size > 0
    loaded = yaml.safe_load(spec.read_text(encoding="utf-8"))
    assert loaded["daerah"] == "purwakarta"

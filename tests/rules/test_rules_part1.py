"""Validator rules, part 1 (issue 3): judul, pembukaan, konsiderans, dasar hukum, diktum, penutup, Keputusan,
lampiran, penjelasan, format.

Each case starts from a ``legaldraft new`` scaffold, injects one defect by string replacement, and asserts the
rule id, severity and line of the finding; the untouched scaffold must not trigger the same rule.
"""
from __future__ import annotations

import pytest

import legaldraft
from legaldraft.naskah import assembler as assemble
from legaldraft.spec.scaffold import scaffold

PENETAPAN = "  tanggal: null              # YYYY-MM-DD saat ditetapkan"
PENGUNDANGAN = "pengundangan:\n  tanggal: null\n  berita_daerah: {tahun: null, nomor: null}"
FINAL = [("status: rancangan", "status: final"), ("nomor: null", "nomor: 12"), ("tahun: null", "tahun: 2024"),
         (PENETAPAN, "  tanggal: 2024-03-01"),
         (PENGUNDANGAN, "pengundangan:\n  tanggal: 2024-03-02\n  berita_daerah: {tahun: 2024, nomor: 12}")]
KON_A = "  - bahwa untuk meningkatkan kualitas pelayanan kepada masyarakat"
UU25 = "  - uu-25-2009\n"
UUD = "  - ref: uud-1945\n    pasal: Pasal 18 ayat (6)\n"
AYAT_1 = "PPT diselenggarakan oleh Perangkat Daerah sesuai dengan kewenangannya."
MULAI = 'formula: mulai_berlaku     # "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."'
TENTANG = "tentang: Penyelenggaraan Pelayanan Publik Terpadu"
LAMPIRAN_REF = "tercantum dalam [[lampiran-pedoman]] yang merupakan bagian tidak terpisahkan dari Peraturan Bupati ini."
KEP_TENTANG = "tentang: Pembentukan Tim Koordinasi Pelayanan Publik Terpadu"
KEP_DIKTUM_3 = "  - teks: Segala biaya yang timbul"
UU25_LEMBARAN = ("Lembaran Negara Republik Indonesia Tahun 2009 Nomor 112, Tambahan Lembaran Negara Republik Indonesia "
                 "Nomor 5038")
EXTRA_LAMPIRAN = """
lampiran:
  - id: lampiran-uraian
    judul: Uraian Pelayanan
    isi:
      - Pedoman ini berlaku bagi perangkat daerah dan masyarakat.
"""


def variant(jenis: str, replacements) -> str:
    text = scaffold(jenis)
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def line_of(text: str, anchor: str) -> int:
    return next(i + 1 for i, line in enumerate(text.splitlines()) if anchor in line)


def run(text: str, rule: str, path=None):
    doc = legaldraft.load(path) if path else legaldraft.loads(text)
    return legaldraft.check(doc, only=[rule])


# (rule, jenis, replacements, severity, anchor of the line where the finding is reported)
CASES = [
    ("JUD-002", "perbup", [(TENTANG, TENTANG + ".")], "error", "tentang:"),
    ("JUD-003", "perbup", FINAL[:1] + [("nomor: null", "nomor: 12A")] + FINAL[2:], "error", "nomor: 12A"),
    ("JUD-004", "perbup", [("status: rancangan", "status: final")], "error", "nomor: null"),
    ("JUD-004", "perbup", [("nomor: null", "nomor: 7")], "warning", "nomor: 7"),
    ("JUD-005", "perbup", [(TENTANG, TENTANG + " (PPT)")], "warning", "tentang:"),
    ("JUD-006", "perbup", [(TENTANG, "tentang: Perubahan Pertama atas Peraturan Bupati Contoh Nomor 3 Tahun 2020 tentang "
                                     "Pelayanan Publik")], "error", "tentang:"),
    ("JUD-007", "perbup", [(TENTANG, "tentang: Perubahan atas Peraturan Bupati Nomor 3 Tahun 2020 tentang Pelayanan")],
     "info", "tentang:"),
    ("JUD-008", "perbup", FINAL, "info", "daerah:"),
    ("PMB-002", "perbup", [(PENETAPAN, PENETAPAN + "\n  jabatan: BUPATI CIANJUR")], "error", "jabatan: BUPATI CIANJUR"),
    ("PMB-003", "perbup", [(KON_A, "  - bahwa Dengan Persetujuan Bersama DPRD untuk meningkatkan kualitas pelayanan kepada "
                                   "masyarakat")], "error", "Persetujuan Bersama"),
    ("KON-001", "perbup", [(KON_A, "  - Menimbang bahwa untuk meningkatkan kualitas pelayanan kepada masyarakat")], "error",
     "Menimbang bahwa"),
    ("KON-003", "perbup", [(KON_A, "  - a. bahwa untuk meningkatkan kualitas pelayanan kepada masyarakat")], "error",
     "a. bahwa"),
    ("KON-008", "perbup", [(KON_A, "  - bahwa untuk melaksanakan ketentuan Pasal 5 Peraturan Daerah Kabupaten Contoh Nomor 3 "
                                   "Tahun 2020 tentang Pelayanan Publik perlu pengaturan")], "warning", "Nomor 3 Tahun 2020"),
    ("DH-001", "perbup", [(UU25, f"  - teks: 'Mengingat : Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik "
                                 f"({UU25_LEMBARAN})'\n")], "error", "Mengingat :"),
    ("DH-002", "perbup", [("  - uu-23-2014\n", "")], "warning", "ref: uud-1945"),
    ("DH-003", "perbup", [(UU25, UU25 + "  - teks: Keputusan Bupati Contoh Nomor 5 Tahun 2020 tentang Tim Pelayanan\n")],
     "error", "Keputusan Bupati Contoh"),
    ("DH-004", "perbup", [(UU25, "  - pp-18-2016\n" + UU25)], "error", "uu-25-2009"),
    ("DH-004", "perbup", [(UU25 + "  - uu-23-2014\n", "  - uu-23-2014\n" + UU25)], "warning", "uu-25-2009"),
    ("DH-005", "perbup", [(UU25, f"  - teks: '1. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik ({UU25_LEMBARAN})'\n")],
     "error", "1. Undang-Undang"),
    ("DH-005", "perbup", [("  - uu-23-2014\n", f"  - uu-23-2014\n  - teks: 'Peraturan Bupati Contoh Nomor 1 Tahun 2021 tentang "
                                              "Layanan (Berita Daerah Kabupaten Contoh Tahun 2021 Nomor 1).'\n")],
     "warning", "Peraturan Bupati Contoh Nomor 1"),
    ("DH-006", "perbup", [(UUD, "  - teks: Pasal 18 ayat (6) Undang-undang Dasar Negara Republik Indonesia Tahun 1945\n")],
     "error", "Undang-undang Dasar"),
    ("DH-006", "perbup", [("Pasal 18 ayat (6)", "Pasal 18 ayat (6) dan ayat (7)")], "warning", "ayat (7)"),
    ("DH-007", "perbup", [(UU25, f"  - teks: 'Undang-Undang Republik Indonesia Nomor 25 Tahun 2009 tentang Pelayanan Publik "
                                 f"({UU25_LEMBARAN})'\n")], "error", "Republik Indonesia Nomor 25"),
    ("DH-007", "perbup", [(UU25, f"  - teks: 'Undang-undang Nomor 25 Tahun 2009 tentang Pelayanan Publik ({UU25_LEMBARAN})'\n")],
     "error", "Undang-undang Nomor 25"),
    ("DH-007", "perbup", [(UU25, f"  - teks: 'UNDANG-UNDANG Nomor 25 Tahun 2009 tentang Pelayanan Publik ({UU25_LEMBARAN})'\n")],
     "warning", "UNDANG-UNDANG Nomor 25"),
    ("DH-008", "perbup", [(UU25, "  - peraturan: {jenis: uu, nomor: 14, tahun: 2008, tentang: Keterbukaan Informasi Publik}\n")],
     "error", "Keterbukaan Informasi"),
    ("DH-009", "perbup", [(UU25, "  - peraturan: {jenis: uu, nomor: 25, tahun: 2009, tentang: Pelayanan Publik, "
                                 "lembaran: {tahun: 2009, nomor: 113}, tambahan: 5038}\n")], "error", "nomor: 113"),
    ("DH-010", "perbup", FINAL + [("  - uu-23-2014\n", "  - teks: Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah "
                                                       "(Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran "
                                                       "Negara Republik Indonesia Nomor 5587) sebagaimana telah diubah beberapa "
                                                       "kali, terakhir dengan Undang-Undang Nomor 9 Tahun 2015\n")],
     "warning", "Nomor 23 Tahun 2014"),
    ("DH-010", "perbup", [("  - uu-23-2014\n", "  - peraturan: {jenis: uu, nomor: '23', tahun: 2014, tentang: Pemerintahan "
                                               "Daerah, lembaran: {tahun: 2014, nomor: 244}, tambahan: 5587}\n")],
     "warning", "tentang: Pemerintahan"),
    ("DH-010", "perbup", [("  - uu-23-2014\n", "  - {ref: uu-23-2014, perubahan: [uu-2-2015]}\n")], "warning", "perubahan: [uu-2"),
    ("DH-011", "perbup", [("  - uu-23-2014\n", "  - uu-32-2004\n  - uu-23-2014\n")], "error", "uu-32-2004"),
    ("DH-012", "perbup", [(TENTANG, "tentang: Perubahan atas Peraturan Bupati Contoh Nomor 3 Tahun 2020 tentang Pelayanan")],
     "error", "ref: uud-1945"),
    ("DIK-001", "perbup", [("  - uu-23-2014\n", "  - teks: 'Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah "
                                                "(Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara "
                                                "Republik Indonesia Nomor 5587); M E M U T U S K A N'\n")], "error", "M E M U"),
    ("PNT-001", "perbup", [(MULAI, "teks: Pelaksanaan Peraturan Bupati ini dikoordinasikan oleh Sekretaris Daerah.")],
     "error", "bab: KETENTUAN UMUM"),
    ("PNT-002", "perbup", [(AYAT_1, "PPT berlaku efektif sejak Perangkat Daerah siap.")], "warning", "berlaku efektif"),
    ("PNT-003", "perbup", [(PENETAPAN, PENETAPAN.replace("tanggal: null", "tanggal: null") + "\n")],
     None, None),  # placeholder replaced below
    ("PNT-004", "perbup", [(PENETAPAN, PENETAPAN + "\n  atas_nama: a.n. BUPATI CONTOH\n  jabatan: SEKRETARIS DAERAH")],
     "warning", "atas_nama:"),
    ("PNT-004", "perbup", [(PENETAPAN, PENETAPAN + "\n  jabatan: Bupati Contoh")], "error", "jabatan: Bupati Contoh"),
    ("PNT-005", "perbup", [(PENETAPAN, PENETAPAN + "\n  nama: Drs. H. Nama Bupati, M.Si.")], "warning", "nama: Drs."),
    ("PNT-006", "perbup", [(PENGUNDANGAN, PENGUNDANGAN + "\n  jabatan: KEPALA BAGIAN HUKUM")], "error", "KEPALA BAGIAN"),
    ("PNT-006", "perbup", [(PENGUNDANGAN, PENGUNDANGAN + "\n  jabatan: SEKRETARIS DAERAH")], "error", "jabatan: SEKRETARIS"),  # issue 13: butir 167-169 (docs/rules.md)
    ("PNT-007", "perbup", FINAL[:4] + [(PENGUNDANGAN, "pengundangan:\n  tanggal: 2024-03-02\n  berita_daerah: {tahun: 2024}")],
     "error", "berita_daerah:"),
    ("PNT-008", "perbup", FINAL[:4] + [(PENGUNDANGAN, "pengundangan:\n  tanggal: 2024-02-02\n  berita_daerah: {tahun: 2024, nomor: 12}")],
     "error", "tanggal: 2024-02-02"),
    ("LAM-001", "pedoman", [(LAMPIRAN_REF, "dimuat sebagai pedoman kerja.")], "error", "- id: lampiran-pedoman"),
    ("LAM-001", "pedoman", [(LAMPIRAN_REF, "dimuat dalam [[lampiran-pedoman]].")], "warning", "dimuat dalam"),
    ("LAM-002", "pedoman", [(LAMPIRAN_REF, "tercantum dalam Lampiran I yang merupakan bagian tidak terpisahkan dari "
                                           "Peraturan Bupati ini.")], "warning", "Lampiran I yang"),
    ("LAM-002", "pedoman", [(LAMPIRAN_REF, "tercantum dalam Lampiran II yang merupakan bagian tidak terpisahkan dari "
                                           "Peraturan Bupati ini.")], "error", "Lampiran II yang"),
    ("LAM-003", "pedoman", [("    judul: Pedoman Pelayanan Publik Terpadu", "    judul: Pedoman Pelayanan Publik Terpadu.")],
     "warning", "judul: Pedoman Pelayanan Publik Terpadu."),
    ("LAM-004", "pedoman", [("    judul: Pedoman Pelayanan Publik Terpadu", "    judul: Pedoman Pelayanan Publik Terpadu\n"
                                                                             "    tanda_tangan: false")], "error", "tanda_tangan"),
    ("LAM-005", "perbup", [(PENGUNDANGAN, PENGUNDANGAN + EXTRA_LAMPIRAN)], "warning", "perangkat daerah dan"),
    ("PJL-001", "perbup", [(PENGUNDANGAN, PENGUNDANGAN + "\npenjelasan:\n  umum: [Uraian umum.]\n  pasal:\n"
                                          "    - {pasal: penyelenggara, teks: cukup jelas}")], "error", "cukup jelas"),
    ("PJL-001", "perbup", [(PENGUNDANGAN, PENGUNDANGAN + "\npenjelasan:\n  umum: [Uraian umum.]\n  pasal:\n"
                                          "    - {pasal: tidak-ada, teks: Cukup jelas.}")], "error", "tidak-ada"),
    ("KEP-002", "keputusan", [(KEP_TENTANG, KEP_TENTANG + ".")], "error", "tentang:"),
    ("KEP-004", "keputusan", [("  - bahwa untuk kelancaran", "  - bahwa DENGAN RAHMAT TUHAN YANG MAHA ESA untuk kelancaran")],
     "info", "DENGAN RAHMAT"),
    ("KEP-005", "keputusan", [(KEP_DIKTUM_3, "  - teks: Pasal 3 Segala biaya yang timbul")], "warning", "Pasal 3 Segala"),
    ("KEP-006", "keputusan", [(KEP_DIKTUM_3, "  - teks: 'KETIGA : Tim melapor kepada Bupati.'\n" + KEP_DIKTUM_3)], "error", "KETIGA :"),
    ("KEP-007", "keputusan", [(KEP_TENTANG, KEP_TENTANG + "\nmulai_berlaku: Keputusan Bupati ini berlaku sejak disahkan.")],
     "error", "mulai_berlaku:"),
    ("KEP-007", "keputusan", [(KEP_DIKTUM_3, "  - Keputusan Bupati ini mulai berlaku pada tanggal ditetapkan.\n" + KEP_DIKTUM_3)],
     "error", "- Keputusan Bupati ini mulai"),
    ("KEP-008", "keputusan", [(KEP_TENTANG, KEP_TENTANG + "\nmulai_berlaku: Keputusan Bupati ini mulai berlaku pada tanggal "
                                                          "diundangkan.")], "error", "mulai_berlaku:"),
    ("KEP-009", "keputusan", [(KEP_DIKTUM_3, "  - teks: Setiap orang dilarang menghalangi tugas Tim.\n" + KEP_DIKTUM_3)],
     "warning", "Setiap orang dilarang"),
    ("KEP-010", "keputusan", [("    judul: Susunan Keanggotaan", "    tanda_tangan: false\n    judul: Susunan Keanggotaan")],
     "warning", "tanda_tangan: false"),
]
CASES[[c[0] for c in CASES].index("PNT-003")] = (
    "PNT-003", "perbup", [(PENETAPAN, PENETAPAN), ("penetapan:", "perintah_pengundangan: Agar setiap orang mengetahuinya, "
                                                  "memerintahkan pengundangan Peraturan Bupati ini dengan penempatannya dalam "
                                                  "Lembaran Daerah Kabupaten Contoh.\npenetapan:")], "error", "perintah_pengundangan")


@pytest.mark.parametrize("rule,jenis,replacements,severity,anchor", CASES,
                         ids=[f"{c[0]}-{c[3]}-{i}" for i, c in enumerate(CASES)])
def test_rule_triggers_with_severity_and_line(rule, jenis, replacements, severity, anchor):
    text = variant(jenis, replacements)
    found = run(text, rule)
    assert found, f"{rule} not triggered"
    hit = [f for f in found if f.severity.value == severity]
    assert hit, [(f.severity.value, f.message) for f in found]
    assert hit[0].rule.id == rule
    assert hit[0].position is not None and hit[0].position.line == line_of(text, anchor), (hit[0].position, hit[0].message)
    assert hit[0].message and hit[0].hint  # Indonesian message and a way out


@pytest.mark.parametrize("rule,jenis", sorted({(c[0], c[1]) for c in CASES}))
def test_clean_scaffold_does_not_trigger(rule, jenis):
    assert run(scaffold(jenis), rule) == []


def test_clean_final_documents_give_no_part1_finding_except_lambang():
    pedoman_final = [("status: rancangan", "status: final\nnomor: 12\ntahun: 2024"),
                     ("lampiran:", "penetapan: {tanggal: 2024-03-01}\npengundangan: {tanggal: 2024-03-02, berita_daerah: "
                                   "{tahun: 2024, nomor: 12}}\nlampiran:")]
    for jenis, final in (("perbup", FINAL), ("pedoman", pedoman_final)):
        text = variant(jenis, final)
        doc = legaldraft.loads(text)
        ours = {c[0] for c in CASES} | {"JUD-001", "DIK-002", "DIK-003"}
        found = [f for f in legaldraft.check(doc) if f.rule.id in ours]
        assert [f.rule.id for f in found] == ["JUD-008"], [(f.rule.id, f.message) for f in found]


# -- rules that guard the renderer: a broken assembler must be caught ------------------------------------------
def test_jud001_catches_judul_without_daerah(monkeypatch):
    monkeypatch.setattr(assemble.Assembler, "judul_jenis", lambda self: "PERATURAN BUPATI")
    found = run(scaffold("perbup"), "JUD-001")
    assert [f.severity.value for f in found] == ["error"] and "CONTOH" in found[0].message


def test_dik001_and_dik003_catch_wrong_diktum_pembuka(monkeypatch):
    def broken(self):
        self.add("LD Memutuskan", "M E M U T U S K A N")
        self.add("LD Konsiderans Tunggal", f"PERATURAN BUPATI CONTOH NOMOR 1 TAHUN 2024 TENTANG {self.tentang_upper()}",
                 label="Menetapkan")

    monkeypatch.setattr(assemble.Assembler, "diktum_pembuka", broken)
    text = scaffold("perbup")
    assert [f.rule.id for f in run(text, "DIK-001")] == ["DIK-001"]
    assert {(f.rule.id, f.severity.value) for f in run(text, "DIK-003")} == {("DIK-003", "error"), ("DIK-003", "warning")}
    assert run(text, "DIK-002") == []


def test_fmt005_catches_a_style_table_regression(monkeypatch):
    from legaldraft.render import styles

    patched = [s if s.name != "LD Judul" else styles.StyleSpec("LD Judul", align="left") for s in styles.STYLES]
    monkeypatch.setattr(styles, "STYLES", patched)
    found = run(scaffold("perbup"), "FMT-005")
    assert len(found) == 1 and "LD Judul" in found[0].message


# -- rules read from the daerah profile ----------------------------------------------------------------------------
PROFILE = "nama: Contoh\nprovinsi: Jawa Barat\ntempat_penetapan: Contoh\n"


@pytest.mark.parametrize("rule,profile_extra,severity", [
    ("PMB-001", "formula: {pembukaan: Dengan Rahmat Tuhan Yang Maha Esa}", "error"),
    ("FMT-001", "halaman: {huruf: Arial}", "warning"),
    ("FMT-002", "halaman: {lebar_mm: 210, tinggi_mm: 297}", "warning"),
    ("FMT-003", "halaman: {spasi: 1.5}", "warning"),
    ("FMT-004", "halaman: {margin_kiri_mm: 30}", "warning"),
    ("FMT-004", "halaman: {margin_atas_mm: 20}", "info"),
    ("FMT-006", "halaman: {nomor_halaman: kanan-bawah}", "info"),
    ("KEP-003", "nomor_keputusan: '^\\d{3}\\.\\d+/\\d+/HK/\\d{4}$'", "info"),
])
def test_profile_rules(tmp_path, rule, profile_extra, severity):
    (tmp_path / "profil").mkdir()
    jenis = "keputusan" if rule.startswith("KEP") else "perbup"
    text = scaffold(jenis)
    if rule == "KEP-003":
        text = text.replace("nomor: null", "nomor: '12'")
    spec = tmp_path / "spec.yaml"
    spec.write_text(text, encoding="utf-8")
    (tmp_path / "profil" / "contoh.yaml").write_text(PROFILE, encoding="utf-8")
    assert run(None, rule, spec) == []
    (tmp_path / "profil" / "contoh.yaml").write_text(PROFILE + profile_extra + "\n", encoding="utf-8")
    found = run(None, rule, spec)
    assert [f.severity.value for f in found] == [severity]
    anchor = "nomor: '12'" if rule == "KEP-003" else "daerah:"
    assert found[0].position.line == line_of(text, anchor)


# -- details ---------------------------------------------------------------------------------------------------------
def test_dh010_reports_the_latest_amendment_on_the_penetapan_date():
    text = variant("perbup", CASES[[c[0] for c in CASES].index("DH-010")][2])
    messages = [f.message for f in run(text, "DH-010")]
    assert any("Undang-Undang Nomor 6 Tahun 2023" in m and "Nomor 9 Tahun 2015" in m for m in messages), messages
    early = text.replace("tanggal: 2024-03-01", "tanggal: 2020-03-01").replace("tanggal: 2024-03-02", "tanggal: 2020-03-02") \
        .replace("tahun: 2024", "tahun: 2020")
    messages = [f.message for f in run(early, "DH-010")]
    assert len(messages) == 1 and "tidak baku" in messages[0]  # in 2020 UU 9/2015 was the latest: only the wording


def test_dh009_verbatim_title_mismatch_is_an_error_against_a_verified_entry_else_a_warning():
    # issue 13 (severity calibrated to the source): the catalogue gives DH-009 as an error for rows marked P
    text = variant("perbup", [("  - uu-23-2014\n", "  - teks: Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintah Daerah "
                                                  "(Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran "
                                                  "Negara Nomor 5587)\n")])
    assert [(f.severity.value, "Pemerintahan Daerah" in f.message) for f in run(text, "DH-009")] == [("error", True)]
    unverified = variant("perbup", [("  - uu-23-2014\n", "  - uu-23-2014\n  - teks: Undang-Undang Nomor 13 Tahun 2022 "
                                                        "tentang Perubahan Kedua atas Undang-Undang Pembentukan Peraturan\n")])
    assert [f.severity.value for f in run(unverified, "DH-009")] == ["warning"]  # uu-13-2022 is marked S


def test_penjelasan_presence_is_never_reported():
    text = variant("perbup", [(PENGUNDANGAN, PENGUNDANGAN + "\npenjelasan:\n  umum: [Uraian umum.]\n  pasal:\n"
                                              "    - {pasal: penyelenggara, teks: Cukup jelas.}")])
    assert run(text, "PJL-001") == []


def test_pnt005_fix_strips_gelar():
    from legaldraft.rules.penutup import gelar_in, strip_gelar

    assert gelar_in("Drs. H. ASEP SUPRIATNA, M.Si.") == ["Drs.", "H.", "M.Si."]
    assert strip_gelar("Drs. H. ASEP SUPRIATNA, M.Si.") == "ASEP SUPRIATNA"
    assert gelar_in("HADI SUPRIATNA") == []


def test_check_fix_end_to_end_keeps_comments(write_spec, cli):
    text = variant("perbup", [(AYAT_1, "PPT berlaku efektif sejak Perangkat Daerah siap.  # komentar penyusun"),
                              (TENTANG, TENTANG + " (PPT)"),
                              (UU25 + "  - uu-23-2014\n", f"  - teks: 'Undang-undang Nomor 25 Tahun 2009 tentang Pelayanan "
                                                          f"Publik ({UU25_LEMBARAN})'  # dari naskah lama\n  - uu-23-2014\n")])
    path = write_spec(text)
    result = cli("check", path, "--fix")
    fixed = path.read_text(encoding="utf-8")
    assert "# komentar penyusun" in fixed and "# dari naskah lama" in fixed, result.output
    assert "PPT berlaku sejak" in fixed and "Terpadu (PPT)" not in fixed and "Undang-Undang Nomor 25" in fixed
    doc = legaldraft.load(path)
    assert not [f for f in legaldraft.check(doc) if f.rule.id in ("PNT-002", "JUD-005", "DH-007")]


# -- the amending kinds (Perubahan, Pencabutan) ------------------------------------------------------------------------
PENCABUTAN = """jenis: pencabutan
daerah: contoh
konsiderans:
  - bahwa Peraturan Bupati Contoh Nomor 3 Tahun 2020 tentang Pelayanan Publik tidak sesuai lagi sehingga perlu dicabut;
dasar_hukum:
  - {ref: uud-1945, pasal: Pasal 18 ayat (6)}
  - uu-25-2009
  - uu-23-2014
dicabut:
  - {nomor: '3', tahun: 2020, tentang: Pelayanan Publik, penerbit: Contoh, lembaran: {tahun: 2020, nomor: 3}}
"""
CITES_REVOKED = ("  - uu-23-2014\n", "  - uu-23-2014\n  - teks: Peraturan Bupati Contoh Nomor 3 Tahun 2020 tentang Pelayanan "
                                      "Publik (Berita Daerah Kabupaten Contoh Tahun 2020 Nomor 3)\n")


def test_pencabutan_is_checked_and_its_revoked_perbup_must_not_be_cited():
    part1 = ("JUD", "PMB", "KON", "DH", "DIK", "PNT", "LAM", "PJL", "KEP", "FMT")
    clean = legaldraft.check(legaldraft.loads(PENCABUTAN))
    assert [f for f in clean if f.rule.id.split("-")[0] in part1] == []
    text = PENCABUTAN.replace(*CITES_REVOKED)
    found = run(text, "DH-011")
    assert [(f.severity.value, f.position.line) for f in found] == [("error", line_of(text, "Nomor 3 Tahun 2020 tentang Pelayanan Publik (Berita"))]


def test_perubahan_gets_the_penutup_rules():
    from pathlib import Path

    base = Path(__file__).resolve().parents[2] / "specs" / "purwakarta" / "perubahan" / "slrt-perubahan.yaml"
    if not base.exists():
        pytest.skip("no Perubahan example spec")
    text = base.read_text(encoding="utf-8") + "pengundangan: {jabatan: KEPALA BAGIAN HUKUM}\n"
    doc = legaldraft.loads(text, str(base))  # the example's folder holds the Purwakarta profile
    assert [f.rule.id for f in legaldraft.check(doc, only=["PNT-006"])] == ["PNT-006"]


def test_a_copied_letter_is_kon003s_finding_not_a_missing_bahwa():
    text = variant("perbup", [(KON_A, "  - a. bahwa untuk meningkatkan kualitas pelayanan kepada masyarakat")])
    assert run(text, "KON-002") == []
    fixed = run(text, "KON-003")[0].fix.replacement
    assert fixed.startswith("bahwa untuk meningkatkan")


def test_citations_are_read_back_from_verbatim_mengingat_texts():
    from legaldraft.model.reference import JenisPeraturan as J
    from legaldraft.naskah.citation_reader import parse_citation, segments

    permen = parse_citation("Peraturan Menteri Lingkungan Hidup dan Kehutanan Nomor: P.18/MENLHK-II/2015 tentang Organisasi "
                            "dan Tata Kerja Kementerian Lingkungan Hidup dan Kehutanan;")
    assert (permen.jenis, permen.penerbit, permen.nomor, permen.tahun) == (J.permen, "Lingkungan Hidup dan Kehutanan",
                                                                         "P.18/MENLHK-II/2015", 2015)
    main, amendment, wording = segments("Undang-Undang Nomor 14 Tahun 1950 tentang Pembentukan (Berita Negara Republik "
                                        "Indonesia tanggal 8 Agustus 1950) sebagaimana diubah dengan Undang-Undang Nomor 4 "
                                        "Tahun 1968 (Lembaran Negara Republik Indonesia Tahun 1968 Nomor 31);")
    assert parse_citation(main).tentang == "Pembentukan" and parse_citation(amendment).nomor == "4"
    uud = parse_citation("Pasal 18 ayat (6) Undang-Undang Dasar Negara Republik Indonesia Tahun 1945")
    assert (uud.jenis, uud.pasal) == (J.uud, "Pasal 18 ayat (6)")


def test_verbatim_permen_is_matched_to_its_registry_entry():
    """'Peraturan Menteri Dalam Negeri …' written as text is compared with the registry's permendagri-80-2015
    (its Berita Negara number 2036 there; 2037 here is a typo that DH-009 must see)."""
    from legaldraft.spec.scaffold import scaffold

    cited = ("Peraturan Menteri Dalam Negeri Nomor 80 Tahun 2015 tentang Pembentukan Produk Hukum Daerah "
             "(Berita Negara Republik Indonesia Tahun 2015 Nomor {n});")
    base = scaffold("perbup")
    spec = lambda n: base.replace("  - uu-23-2014\n", "  - uu-23-2014\n  - teks: " + cited.format(n=n) + "\n", 1)
    wrong = [f for f in legaldraft.check(legaldraft.loads(spec(2037))) if f.rule.id == "DH-009"]
    right = [f for f in legaldraft.check(legaldraft.loads(spec(2036))) if f.rule.id == "DH-009"]
    assert len(wrong) == 1 and "2036" in wrong[0].message + wrong[0].hint
    assert right == []

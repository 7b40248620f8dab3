"""A Perubahan and a Pencabutan come back from their DOCX or text as their own kinds (issue 12): the amended or
revoked regulation identified, Pasal I's changes as typed amendment items, and a spec that checks and builds
like the hand-written one it was built from."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import legaldraft
from legaldraft.api import check
from legaldraft.importer import import_file, import_text
from legaldraft.importer.amendment import amended_citation, instruction, revoked
from legaldraft.importer.finish import load_spec
from legaldraft.naskah import rumusan
from legaldraft.spec.scaffold import scaffold

from conftest import CORPUS
from importer_support import canonical

ROOT = Path(__file__).resolve().parent.parent
PURWAKARTA = ROOT / "specs" / "purwakarta" / "perubahan"

#: fields a built document does not print (so no import can give them back): who issued a regulation named by
#: the daerah's profile, its enactment date, and the drafter's notes on each change (ids, place in the
#: consolidated text, reason)
UNPRINTED = {"penerbit", "diundangkan", "sasaran", "letak", "alasan", "lampiran_id"}

PERUBAHAN_KEDUA = """\
jenis: perubahan
daerah: {daerah}
status: final
nomor: '21'
tahun: 2025
mengubah:
  nomor: '5'
  tahun: 2019
  tentang: Pengelolaan Pasar Rakyat
  lembaran: {{tahun: 2019, nomor: 5}}
perubahan_sebelumnya:
  - nomor: '14'
    tahun: 2022
    tentang: Perubahan atas Peraturan Kepala Daerah Nomor 5 Tahun 2019 tentang Pengelolaan Pasar Rakyat
    lembaran: {{tahun: 2022, nomor: 14}}
konsiderans:
  - bahwa retribusi pelayanan pasar telah diatur kembali dengan Peraturan Daerah sehingga ketentuan mengenai pasar rakyat perlu disesuaikan;
dasar_hukum:
  - uu-23-2014
perubahan:
  - aksi: hapus
    unit: pasal
    nomor: ['7']
  - aksi: ubah
    unit: ayat
    nomor: ['2']
    pasal: '9'
    ayat:
      - ayat: '2'
        teks: Kepala pasar menyampaikan laporan pengelolaan pasar setiap 3 (tiga) bulan.
  - aksi: sisip
    unit: ayat
    nomor: ['1a']
    pasal: '10'
    antara: ['1', '2']
    isi:
      - pasal: '10'
        ayat:
          - ayat: '1'
            teks: Pedagang wajib menjaga kebersihan tempat usahanya.
          - ayat: 1a
            teks: "Pedagang dilarang:"
            rincian:
              - menjual barang yang dilarang peredarannya;
              - mengubah bentuk tempat usaha; dan
              - memindahtangankan hak pemakaian tempat usaha.
          - ayat: '2'
            teks: Pelanggaran terhadap kewajiban sebagaimana dimaksud pada ayat (1) dikenai teguran tertulis.
  - aksi: tambah
    unit: pasal
    nomor: ['15', '16']
    setelah: '14'
    isi:
      - pasal: '15'
        teks: Pasar rakyat yang telah ada sebelum Peraturan ini berlaku menyesuaikan paling lama 1 (satu) tahun.
      - pasal: '16'
        teks: Ketentuan lebih lanjut mengenai tata tertib pasar ditetapkan dengan Keputusan Kepala Daerah.
  - aksi: ubah
    unit: bagian
    nomor: [Kedua]
    induk: III
    letak: {{induk: BAB III}}
    isi:
      - bagian: Kedua
        judul: Penataan Tempat Usaha
pasal_ii:
  - Izin pemakaian tempat usaha yang telah diterbitkan sebelum Peraturan ini mulai berlaku dinyatakan tetap berlaku sampai dengan habis masa berlakunya.
penetapan: {{tanggal: 2025-05-02}}
pengundangan: {{tanggal: 2025-05-03, berita_daerah: {{tahun: 2025, nomor: 21}}}}
"""


def structure(doc) -> dict:
    """What a document prints, as a comparable dict: :func:`canonical` without the unprinted fields."""
    data = canonical(doc)

    def strip(node):
        if isinstance(node, dict):
            for key in UNPRINTED:
                node.pop(key, None)
            if isinstance(node.get("lembaran"), dict):
                node["lembaran"]["nomor"] = str(node["lembaran"]["nomor"])
            for value in node.values():
                strip(value)
        elif isinstance(node, list):
            for value in node:
                strip(value)

    for item in data.get("perubahan", []):
        item.pop("lampiran", None)      # the id of the new lampiran (which one is printed; its id is not)
    strip(data)
    return data


def _docx(doc, folder: Path) -> Path:
    return [p for p in legaldraft.build(doc, folder) if p.suffix == ".docx"][0]


def _text(doc) -> str:
    from legaldraft.naskah import assemble, plain_text
    from legaldraft.spec.loader import context_of

    ctx = context_of(doc)
    return plain_text(assemble(doc, ctx.profile, ctx.registry))


def _errors(doc) -> list[str]:
    return sorted(f.rule.id for f in check(doc) if f.severity.value == "error")


@pytest.fixture(scope="module")
def kedua(tmp_path_factory):
    """The Perubahan Kedua above for each tingkat, with its daerah's built-in example profile."""
    out = {}
    for daerah in ("contoh", "contoh-kota", "contoh-provinsi"):
        folder = tmp_path_factory.mktemp(daerah)
        (folder / "spec.yaml").write_text(PERUBAHAN_KEDUA.format(daerah=daerah), encoding="utf-8")
        out[daerah] = legaldraft.load(folder / "spec.yaml")
    return out


@pytest.mark.parametrize("via", ["docx", "teks"])
def test_perubahan_round_trip(tmp_path, via):
    doc = legaldraft.load(PURWAKARTA / "slrt-perubahan.yaml")
    result = import_file(_docx(doc, tmp_path), spec_dir=PURWAKARTA) if via == "docx" else \
        import_text(_text(doc), spec_dir=PURWAKARTA)
    assert result.spec["jenis"] == "perubahan"
    assert [(c["aksi"], c["unit"], c["nomor"]) for c in result.spec["perubahan"]] == [
        ("ubah", "angka", ["5", "6"]), ("ubah", "pasal", ["13"]), ("sisip", "pasal", ["14A"]),
        ("sisip", "bab", ["IXA"]), ("ganti_lampiran", "lampiran", ["-"])]
    back = load_spec(result)
    assert structure(back) == structure(doc)
    assert _errors(back) == _errors(doc)
    assert _docx(back, tmp_path / "again").is_file()          # builds like the hand-written spec


@pytest.mark.parametrize("daerah", ["contoh", "contoh-kota", "contoh-provinsi"])
def test_perubahan_kedua_with_every_kind_of_change(kedua, tmp_path, daerah):
    doc = kedua[daerah]
    result = import_file(_docx(doc, tmp_path), spec_dir=tmp_path)
    spec = result.spec
    assert spec["jenis"] == "perubahan" and spec["daerah"] == daerah
    assert spec["asal"]["jenis"] == "perubahan" and spec["asal"]["induk"] == {"contoh": "perbup", "contoh-kota": "perwali",
                                                                              "contoh-provinsi": "pergub"}[daerah]
    assert spec["perubahan_sebelumnya"][0]["nomor"] == "14"     # 'Perubahan Kedua': the first one identified
    back = load_spec(result)
    assert structure(back) == structure(doc)
    assert _errors(back) == _errors(doc)


@pytest.mark.parametrize("daerah", ["contoh", "contoh-kota", "contoh-provinsi"])
@pytest.mark.parametrize("via", ["docx", "teks"])
def test_pencabutan_round_trip(tmp_path, daerah, via):
    (tmp_path / "cabut.yaml").write_text(scaffold("pencabutan", daerah, tmp_path), encoding="utf-8")
    doc = legaldraft.load(tmp_path / "cabut.yaml")
    result = import_file(_docx(doc, tmp_path / "out"), spec_dir=tmp_path) if via == "docx" else \
        import_text(_text(doc), spec_dir=tmp_path)
    assert result.spec["jenis"] == "pencabutan"
    assert result.spec["dicabut"][0]["lembaran"]          # the Berita Daerah, from Pasal 1
    back = load_spec(result)
    assert structure(back) == structure(doc)
    assert _errors(back) == _errors(doc)


@pytest.mark.parametrize("sentence,typed", [
    ("Ketentuan Pasal 5 diubah sehingga berbunyi sebagai berikut:", {"aksi": "ubah", "unit": "pasal", "nomor": ["5"]}),
    ("Ketentuan ayat (2) dan ayat (3) Pasal 10 diubah, sehingga berbunyi sebagai berikut:",
     {"aksi": "ubah", "unit": "ayat", "nomor": ["2", "3"], "pasal": "10"}),
    ("Ketentuan Pasal 1 angka 4 diubah, sehingga Pasal 1 berbunyi sebagai berikut:",
     {"aksi": "ubah", "unit": "angka", "nomor": ["4"], "pasal": "1"}),
    ("Diantara Pasal 7 dan Pasal 8 disisipkan 2 (dua) pasal, yakni Pasal 7A dan Pasal 7B, sehingga berbunyi "
     "sebagai berikut:", {"aksi": "sisip", "unit": "pasal", "nomor": ["7A", "7B"], "antara": ["7", "8"]}),
    ("Di antara ayat (1) dan ayat (2) Pasal 3 disisipkan 1 (satu) ayat yaitu ayat (1a), sehingga Pasal 3 berbunyi "
     "sebagai berikut:", {"aksi": "sisip", "unit": "ayat", "nomor": ["1a"], "antara": ["1", "2"], "pasal": "3"}),
    ("Setelah Pasal 20 ditambahkan 1 (satu) pasal, yakni Pasal 20A sehingga berbunyi sebagai berikut:",
     {"aksi": "tambah", "unit": "pasal", "nomor": ["20A"], "setelah": "20"}),
    ("Pasal 16 dihapus.", {"aksi": "hapus", "unit": "pasal", "nomor": ["16"]}),
    ("Ketentuan Pasal 4 huruf c dihapus.", None),          # no huruf unit in the model: never 'Pasal 4 dihapus'
    ("Ketentuan Pasal 4 huruf c diubah, sehingga Pasal 4 berbunyi sebagai berikut:",
     {"aksi": "ubah", "unit": "pasal", "nomor": ["4"]}),   # typed by the whole Pasal restated below it
    ("BAB V dihapus.", {"aksi": "hapus", "unit": "bab", "nomor": ["V"]}),
    ("Lampiran diubah sehingga menjadi sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak "
     "terpisahkan dari Peraturan Bupati ini.", {"aksi": "ganti_lampiran", "unit": "lampiran", "nomor": ["-"]}),
    ("Pasal 5 diubah sehingga berbunyi sebagai berikut:", {"aksi": "ubah", "unit": "pasal", "nomor": ["5"]}),
    ("Ketentuan Lampiran diubah sehingga menjadi sebagaimana tercantum dalam Lampiran Peraturan ini.",
     {"aksi": "ganti_lampiran", "unit": "lampiran", "nomor": ["-"]}),
    ("Menimbang bahwa perlu diubah;", None),
])
def test_instruction_sentences_as_real_documents_write_them(sentence, typed):
    got = instruction(sentence)
    if typed is None:
        assert got is None
    else:
        assert {k: got[k] for k in typed} == typed


def test_corpus_amendments_are_imported_as_their_own_kind():
    """Every Perubahan of the corpus (but the held-out ones not yet asserted, 'ukur_saja'): jenis perubahan, the
    amended regulation's nomor and tahun from the manifest."""
    from legaldraft.importer.quality import load_manifest

    for name, entry in load_manifest(CORPUS).items():
        if entry["jenis"] != "perubahan" or entry.get("ukur_saja"):
            continue
        result = import_file(CORPUS / name)
        spec = result.spec
        assert spec["jenis"] == "perubahan", name
        assert (spec["mengubah"]["nomor"], spec["mengubah"]["tahun"]) == (entry["mengubah"]["nomor"],
                                                                         entry["mengubah"]["tahun"]), name
        assert "tentang" not in spec, name          # generated from 'mengubah', as in a hand-written Perubahan
        load_spec(result)                           # a valid spec of its kind


def test_no_name_swallows_the_pembukaan():
    """The name of a document (or of the regulation it amends) ends before 'DENGAN RAHMAT TUHAN …', also where a
    copy glued the two on one line (Perubahan Perbup Bangli 36/2019)."""
    from legaldraft.importer.quality import load_manifest

    for name, entry in load_manifest(CORPUS).items():
        if entry.get("ukur_saja"):
            continue
        spec = import_file(CORPUS / name).spec
        names = [spec.get("tentang", "")] + [r.get("tentang", "") for r in
                                              [spec.get("mengubah") or {}] + list(spec.get("dicabut") or [])]
        assert not [n for n in names if n and re.search(r"rahmat\s+tuhan", n, re.I)], name


def test_damaged_perubahan_copies_never_give_an_internal_error(kedua):
    """Lines dropped, repeated, cut or given stray instruction words: the importer reads what it can or refuses
    with a message (found by this fuzzing: markers out of order inside a restated ayat)."""
    import random

    from legaldraft.importer import ImportError_

    texts = [_text(legaldraft.load(PURWAKARTA / "slrt-perubahan.yaml")), _text(kedua["contoh"])]
    rnd = random.Random(7)
    for _ in range(150):
        lines = rnd.choice(texts).split("\n")
        for _ in range(rnd.randint(1, 6)):
            i, op = rnd.randrange(len(lines)), rnd.random()
            if op < 0.4:
                del lines[i]
            elif op < 0.6:
                lines.insert(i, lines[rnd.randrange(len(lines))])
            elif op < 0.8:
                lines[i] = lines[i][: rnd.randrange(len(lines[i]) + 1)]
            else:
                lines[i] += " " + rnd.choice(["Pasal 5 dihapus.", "Di antara Pasal 1 dan", "Ketentuan ayat (2)",
                                              "BAB IXA", "Pasal 14A", "(1a) teks", "c. huruf"])
        try:
            import_text("\n".join(lines))
        except ImportError_:
            pass


def test_check_of_a_perubahan_docx_finds_what_the_spec_has(cli, tmp_path):
    """'legaldraft check' of a Word Perubahan reads it as a Perubahan: Pasal I's numbered changes count among
    themselves, a restated 'angka 5' keeps its number, the carried Lampiran is the one the change names. The spec
    it was built from checks clean; so does the DOCX (before: 18 errors of a Perbup read into it)."""
    doc = legaldraft.load(PURWAKARTA / "slrt-perubahan.yaml")
    assert _errors(doc) == []
    res = cli("check", _docx(doc, tmp_path))
    assert res.exit_code == 0, res.output
    assert "0 galat, 0 peringatan" in res.output


def test_import_report_counts_the_changes(cli, tmp_path):
    doc = legaldraft.load(PURWAKARTA / "slrt-perubahan.yaml")
    res = cli("import", _docx(doc, tmp_path), "-o", tmp_path / "back.yaml", "--report")
    assert res.exit_code == 0, res.output
    assert "perubahan atas Peraturan Bupati Purwakarta Nomor 12 Tahun 2026" in res.output
    assert "9 dasar hukum" in res.output and "5 butir perubahan" in res.output      # the amended one printed last


#: a Perubahan written the way issued ones usually are (not built by legaldraft): 'Ketentuan Pasal 1 angka 3 diubah,
#: sehingga Pasal 1 berbunyi …' with the whole Pasal below, '… disisipkan 1 (satu) Pasal, yakni Pasal 6A yang
#: berbunyi …', 'Pasal 8 dihapus.', 'Lampiran diubah sehingga menjadi …' (no 'Ketentuan'), the amended Perbup in
#: the Mengingat with its Berita Daerah
PERUBAHAN_SEPERTI_TERBIT = """\
BUPATI SLEMAN
PROVINSI DAERAH ISTIMEWA YOGYAKARTA

PERATURAN BUPATI SLEMAN
NOMOR 21 TAHUN 2022
TENTANG
PERUBAHAN ATAS PERATURAN BUPATI SLEMAN NOMOR 11 TAHUN 2019
TENTANG PENGELOLAAN PASAR RAKYAT

DENGAN RAHMAT TUHAN YANG MAHA ESA

BUPATI SLEMAN,

Menimbang : a. bahwa untuk meningkatkan pelayanan kepada pedagang, ketentuan mengenai pengelolaan pasar rakyat perlu disesuaikan;
b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Peraturan Bupati tentang Perubahan atas Peraturan Bupati Sleman Nomor 11 Tahun 2019 tentang Pengelolaan Pasar Rakyat;
Mengingat : 1. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244, Tambahan Lembaran Negara Republik Indonesia Nomor 5587);
2. Peraturan Bupati Sleman Nomor 11 Tahun 2019 tentang Pengelolaan Pasar Rakyat (Berita Daerah Kabupaten Sleman Tahun 2019 Nomor 11);

MEMUTUSKAN:
Menetapkan : PERATURAN BUPATI TENTANG PERUBAHAN ATAS PERATURAN BUPATI SLEMAN NOMOR 11 TAHUN 2019 TENTANG PENGELOLAAN PASAR RAKYAT.

Pasal I
Beberapa ketentuan dalam Peraturan Bupati Sleman Nomor 11 Tahun 2019 tentang Pengelolaan Pasar Rakyat (Berita Daerah Kabupaten Sleman Tahun 2019 Nomor 11) diubah sebagai berikut:
1. Ketentuan Pasal 1 angka 3 diubah, sehingga Pasal 1 berbunyi sebagai berikut:
Pasal 1
Dalam Peraturan Bupati ini yang dimaksud dengan:
1. Daerah adalah Kabupaten Sleman.
2. Bupati adalah Bupati Sleman.
3. Pasar Rakyat adalah tempat usaha yang ditata, dibangun, dan dikelola oleh Pemerintah Daerah.
2. Ketentuan ayat (2) Pasal 4 diubah, sehingga Pasal 4 berbunyi sebagai berikut:
Pasal 4
(1) Pedagang wajib memiliki kartu tanda pedagang.
(2) Kartu tanda pedagang sebagaimana dimaksud pada ayat (1) berlaku selama 3 (tiga) tahun.
3. Di antara Pasal 6 dan Pasal 7 disisipkan 1 (satu) Pasal, yakni Pasal 6A yang berbunyi sebagai berikut:
Pasal 6A
Pedagang dilarang memindahtangankan tempat usaha.
4. Pasal 8 dihapus.
5. Lampiran diubah sehingga menjadi sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Peraturan Bupati ini.

Pasal II
Peraturan Bupati ini mulai berlaku pada tanggal diundangkan.
Agar setiap orang mengetahuinya, memerintahkan pengundangan Peraturan Bupati ini dengan penempatannya dalam Berita Daerah Kabupaten Sleman.

Ditetapkan di Sleman
pada tanggal 2 Mei 2022
BUPATI SLEMAN,
KUSTINI SRI PURNOMO

Diundangkan di Sleman
pada tanggal 2 Mei 2022
SEKRETARIS DAERAH KABUPATEN SLEMAN,
HARDA KISWAYA
BERITA DAERAH KABUPATEN SLEMAN TAHUN 2022 NOMOR 21
"""


def test_a_perubahan_as_issued_ones_are_written():
    result = import_text(PERUBAHAN_SEPERTI_TERBIT)
    spec = result.spec
    assert spec["jenis"] == "perubahan" and spec["mengubah"] == {
        "nomor": "11", "tahun": 2019, "tentang": "Pengelolaan Pasar Rakyat", "lembaran": {"tahun": 2019, "nomor": 11}}
    assert [ref.get("ref") for ref in spec["dasar_hukum"] if isinstance(ref, dict)] == ["uu-23-2014"] or \
        spec["dasar_hukum"] == ["uu-23-2014"]            # the amended Perbup is printed from 'mengubah'
    assert [(c["aksi"], c["unit"], c["nomor"]) for c in spec["perubahan"]] == [
        ("ubah", "pasal", ["1"]), ("ubah", "pasal", ["4"]), ("sisip", "pasal", ["6A"]), ("hapus", "pasal", ["8"]),
        ("ganti_lampiran", "lampiran", ["-"])]
    assert [d["angka"] for d in spec["perubahan"][0]["isi"][0]["definisi"]] == ["1", "2", "3"]
    assert spec["perubahan"][1]["isi"][0]["ayat"][1]["teks"].startswith("Kartu tanda pedagang")
    assert not [n for n in result.notes.warnings if "tidak dibawa" in n.message]
    back = load_spec(result)
    assert _errors(back) == []


def test_pasal_i_read_by_ocr_is_not_taken_for_pasal_ii():
    """A copy whose 'Pasal I' the OCR read as 'Pasal l' and that stops inside it has not reached Pasal II: its
    body is not closed (before, any heading other than the exact text 'Pasal I' counted as Pasal II)."""
    from legaldraft.importer.amendment import PasalI
    from legaldraft.importer.text import Line, Notes

    pasal_i = ["Pasal l", "Beberapa ketentuan dalam Peraturan Bupati Bangli Nomor 47 Tahun 2011 diubah sebagai berikut:",
               "1. Ketentuan Pasal 3 diubah sehingga berbunyi sebagai berikut:", "Pasal 3", "Teks baru Pasal 3."]
    cut = PasalI("Peraturan Bupati", Notes())
    assert cut.parse([Line(i + 1, t) for i, t in enumerate(pasal_i)])["perubahan"]
    assert cut.closed is False
    whole = PasalI("Peraturan Bupati", Notes())
    lines = pasal_i + ["Pasal II", "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."]
    assert whole.parse([Line(i + 1, t) for i, t in enumerate(lines)])["perubahan"]
    assert whole.closed is True


# corpus/wider/perwali-surabaya-2017-1.txt (Menimbang a): a Perwali with its amendment, as a Mengingat item cites it
SURABAYA = ("Peraturan Walikota Surabaya Nomor 74 Tahun 2013 tentang Penyelenggaraan Hari Bebas Kendaraan Bermotor "
            "sebagaimana telah diubah dengan Peraturan Walikota Nomor 24 Tahun 2014;")


def test_the_amended_regulation_and_its_earlier_amendments_come_from_one_reading_of_the_mengingat_item():
    read = amended_citation(SURABAYA, "74", 2013)
    assert read == {"nomor": "74", "tahun": 2013, "tentang": "Penyelenggaraan Hari Bebas Kendaraan Bermotor",
                    "chain": [{"nomor": "24", "tahun": 2014}]}
    assert amended_citation(SURABAYA, "24", 2014) is None          # 24/2014 is named as its amendment only
    assert amended_citation("Pasal 5 " + SURABAYA, "74", 2013) is None  # a Pasal of it: a dasar hukum of its own
    # 'beberapa kali, terakhir dengan', as the corpus's Mengingat items write it for laws (Tulungagung 33/2022)
    last = SURABAYA.replace("telah diubah dengan", "telah diubah beberapa kali, terakhir dengan")
    assert amended_citation(last, "74", 2013)["chain"] == [{"nomor": "24", "tahun": 2014}]
    # the item runs on past its ';' (a copy that lost MEMUTUSKAN): what follows is neither tentang nor chain
    run_on = SURABAYA + (" Menetapkan : PERATURAN WALIKOTA TENTANG PERUBAHAN ATAS PERATURAN WALIKOTA SURABAYA NOMOR 74 "
                         "TAHUN 2013. Pasal I Beberapa ketentuan dalam Peraturan Walikota Surabaya Nomor 74 Tahun 2013 "
                         "(Berita Daerah Kota Surabaya Tahun 2013 Nomor 74) diubah sebagai berikut:")
    assert amended_citation(run_on, "74", 2013) == read


def _pasal_1(names: list[str], belum_berlaku: bool = False) -> str:
    """Pasal 1 of a Pencabutan as legaldraft writes it (formula 23/24), its list items marked a., b., … as printed."""
    opening, items, closing = rumusan.pencabutan("Peraturan Bupati", names, belum_berlaku)
    return " ".join([opening, *(f"{chr(97 + n)}. {item}" for n, item in enumerate(items)), closing]).strip()


def test_the_regulations_a_pencabutan_revokes_are_read_with_their_berita_daerah():
    a = "Peraturan Bupati Contoh Nomor 5 Tahun 2020 tentang Pelayanan Publik (Berita Daerah Kabupaten Contoh Tahun 2020 Nomor 5)"
    b = "Peraturan Bupati Contoh Nomor 9 Tahun 2021 tentang Pasar Desa, dan Los (Berita Daerah Kabupaten Contoh Tahun 2021 Nomor 9 Seri E)"
    ref_a = {"nomor": "5", "tahun": 2020, "tentang": "Pelayanan Publik", "lembaran": {"tahun": 2020, "nomor": 5}}
    ref_b = {"nomor": "9", "tahun": 2021, "tentang": "Pasar Desa, dan Los", "lembaran": {"tahun": 2021, "nomor": 9, "seri": "E"}}
    assert revoked(_pasal_1([a])) == [ref_a]
    assert revoked(_pasal_1([a, b])) == [ref_a, ref_b]
    assert revoked(_pasal_1([a], belum_berlaku=True)) == [ref_a]
    # the older opening, and the revoked Perbup named with its amendment: both revoked, each with its own data
    amended = a + " sebagaimana telah diubah dengan " + b
    assert revoked(f"Dengan berlakunya Peraturan Bupati ini, {amended}, dicabut dan dinyatakan tidak berlaku.") == [ref_a, ref_b]
    # no Berita Daerah: the tentang stops before the closing words
    assert revoked("Peraturan Bupati Contoh Nomor 5 Tahun 2020 tentang Pelayanan Publik dicabut dan dinyatakan tidak "
                   "berlaku.") == [{"nomor": "5", "tahun": 2020, "tentang": "Pelayanan Publik"}]

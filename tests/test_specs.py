"""Issue 5 item 1: the real drafts in specs/ load with their own daerah profiles, check without error, and
build to DOCX (title and last Pasal/diktum present) and, in one LibreOffice batch, to F4 PDF."""
import re
import shutil
import subprocess

import pytest

import legaldraft
from legaldraft.api import context_of
from legaldraft.model import KeputusanBupati, Pasal, PeraturanBupati, walk

from conftest import ROOT, docx_text

SPECS = ROOT / "specs"
EXPECTED = {
    "purwakarta/perbup-slrt.yaml",
    "purwakarta/kepbup-struktur-slrt.yaml",
    "purwakarta/perbup-pedoman-slrt.yaml",
    "lahat/kepbup-tim-inovasi-poskonsd-pamsos.yaml",
    "soppeng/perbup-inovasi-daerah.yaml",
}
ORDINALS = ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH", "KEDELAPAN", "KESEMBILAN",
            "KESEPULUH"]


def spec_files():
    return sorted(p for p in SPECS.rglob("*.yaml") if "profil" not in p.relative_to(SPECS).parts
                  and not p.name.startswith("."))  # .legaldraft.yaml is project configuration


def spec_ids():
    return [str(p.relative_to(SPECS)) for p in spec_files()]


def test_specs_folder_holds_the_drafts_and_their_profiles():
    assert EXPECTED <= set(spec_ids())
    assert {p.stem for p in (SPECS / "profil").glob("*.yaml")} >= {"purwakarta", "lahat", "soppeng"}


@pytest.fixture(scope="module")
def docs():
    return {str(p.relative_to(SPECS)): legaldraft.load(p) for p in spec_files()}


@pytest.fixture(scope="module")
def built(docs, tmp_path_factory):
    out = tmp_path_factory.mktemp("specs-out")
    paths = {}
    for name, doc in docs.items():
        (docx,) = legaldraft.build(doc, out, formats=["docx"])
        paths[name] = docx
    return out, paths


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_spec_uses_the_repository_profile(docs, name):
    ctx = context_of(docs[name])
    assert ctx.profile_path is not None and ctx.profile_path.resolve().parent == (SPECS / "profil").resolve()
    assert ctx.profile_path.stem == docs[name].daerah


@pytest.mark.parametrize("name", spec_ids())
def test_spec_checks_without_error(docs, name):
    errors = [f for f in legaldraft.check(docs[name]) if f.severity.value == "error"]
    assert errors == [], "\n".join(f"{f.location()}: {f.rule.id} {f.message}" for f in errors)


def _last_unit(doc) -> str | None:
    """The label and opening of the last Pasal or diktum, counted from the model independently of the renderer
    (None for other kinds of document, e.g. a Perubahan, whose last Pasal is read from the DOCX instead)."""
    if isinstance(doc, KeputusanBupati):
        return f"{ORDINALS[len(doc.diktum)]}\t:\tKeputusan Bupati ini mulai berlaku pada tanggal ditetapkan."
    if isinstance(doc, PeraturanBupati):
        return f"Pasal {sum(isinstance(node, Pasal) for node in walk(doc))}"
    return None


@pytest.mark.parametrize("name", spec_ids())
def test_docx_has_title_and_last_unit(docs, built, name):
    doc = docs[name]
    texts = docx_text(built[1][name])
    nama = texts[texts.index("TENTANG") + 1]  # the judul's nama, first "TENTANG" of the document
    if getattr(doc, "tentang", None):
        assert nama == doc.tentang.upper()
    assert f"TENTANG {nama}." in " ".join(texts)  # Menetapkan repeats it
    last = _last_unit(doc)
    if isinstance(doc, KeputusanBupati):
        assert any(t.strip().startswith(last) for t in texts), last
        return
    pasal_labels = [t for t in texts if re.fullmatch(r"Pasal [0-9IVXLC]+", t)]
    if last is not None:
        assert pasal_labels[-1] == last
    index = len(texts) - 1 - texts[::-1].index(pasal_labels[-1])
    assert texts[index + 1] == "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan."


def test_dasar_hukum_comes_from_registries(built):
    slrt = " ".join(docx_text(built[1]["purwakarta/perbup-slrt.yaml"]))
    assert ("Peraturan Menteri Sosial Nomor 15 Tahun 2018 tentang Sistem Layanan dan Rujukan Terpadu untuk "
            "Penanganan Fakir Miskin dan Orang Tidak Mampu (Berita Negara Republik Indonesia Tahun 2018 Nomor 1062)") in slrt
    assert "sebagaimana telah diubah dengan Undang-Undang Nomor 4 Tahun 1968" in slrt
    soppeng = " ".join(docx_text(built[1]["soppeng/perbup-inovasi-daerah.yaml"]))
    assert ("Peraturan Daerah Kabupaten Soppeng Nomor 5 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah "
            "(Lembaran Daerah Kabupaten Soppeng Tahun 2016 Nomor 5, Tambahan Lembaran Daerah Kabupaten Soppeng Nomor 99)") in soppeng
    assert "Ditetapkan di Watansoppeng" in docx_text(built[1]["soppeng/perbup-inovasi-daerah.yaml"])


def test_struktur_slrt_lampiran_lists_the_pengurus(built, docs):
    texts = docx_text(built[1]["purwakarta/kepbup-struktur-slrt.yaml"])
    rows = [t.split(" | ") for t in texts if " | " in t and t.split(" | ")[0].rstrip(".").isdigit()]
    table = docs["purwakarta/kepbup-struktur-slrt.yaml"].lampiran[0].isi[0].tabel
    assert len(rows) == len(table.baris) >= 15
    assert rows[2][1:] == ["Ketua", "Kepala Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak"]


def test_pedoman_lampiran_has_chapters(built):
    texts = docx_text(built[1]["purwakarta/perbup-pedoman-slrt.yaml"])
    chapters = [texts[i + 1] for i, t in enumerate(texts) if re.fullmatch(r"BAB [IVX]+", t)]
    assert chapters[0] == "PENDAHULUAN" and chapters[-1] == "PENUTUP" and len(chapters) == 6
    assert any(t.startswith(" | Jumlah | 508.342 | 199.023") or t.endswith("Jumlah | 508.342 | 199.023") for t in texts)


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice tidak terpasang")
def test_all_specs_convert_to_f4_pdf_in_one_batch(built):
    from legaldraft.render.pdf import convert_many

    out, paths = built
    pdfs = convert_many(sorted(paths.values()), out / "pdf")
    assert len(pdfs) == len(paths)
    for pdf in pdfs:
        info = _pdfinfo(pdf)
        width_pt, height_pt = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
        assert abs(width_pt / 72 * 25.4 - 215) < 1.5 and abs(height_pt / 72 * 25.4 - 330) < 1.5, pdf.name
        assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) >= 4


def _pdfinfo(pdf) -> str:
    if shutil.which("pdfinfo"):
        return subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    # without poppler: read the first MediaBox and count the page objects
    data = pdf.read_bytes()
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    return f"Page size: {box.group(1).decode()} x {box.group(2).decode()} pts\nPages: {pages}\n"


def test_dependent_drafts_cite_the_right_pasal_of_perbup_slrt(built):
    """The Keputusan and the Pedoman execute Pasal 6 ayat (4) and Pasal 7 of the Perbup SLRT; inserting a Pasal
    in perbup-slrt.yaml must come with updating their konsiderans."""
    slrt = docx_text(built[1]["purwakarta/perbup-slrt.yaml"])
    pasal_6 = slrt[slrt.index("Pasal 6") + 1: slrt.index("Pasal 7")]
    assert any(t.startswith("(4)\tSusunan pengurus SLRT") and t.endswith("ditetapkan dengan Keputusan Bupati.")
               for t in pasal_6)
    assert slrt[slrt.index("Pasal 7") + 1] == \
        "Ketentuan lebih lanjut mengenai pedoman pelaksanaan SLRT diatur dengan Peraturan Bupati."
    kepbup = " ".join(docx_text(built[1]["purwakarta/kepbup-struktur-slrt.yaml"]))
    pedoman = " ".join(docx_text(built[1]["purwakarta/perbup-pedoman-slrt.yaml"]))
    assert "bahwa untuk melaksanakan ketentuan Pasal 6 ayat (4) Peraturan Bupati Purwakarta" in kepbup
    assert "bahwa untuk melaksanakan ketentuan Pasal 7 Peraturan Bupati Purwakarta" in pedoman

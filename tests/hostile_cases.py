"""Issue 17: the hostile inputs, made on the fly (nothing large is stored in the repository).

Each :class:`Case` is one command run in a fresh process, with the exit code and the message it must give.
tests/test_hostile.py runs every case under a memory cap and a timeout; bench/hostile.py prints the time and
peak memory of each. ``make(folder)`` writes the inputs into ``folder`` (a git repository of its own, so
that configuration and profile discovery stop there) and returns the cases.
"""
from __future__ import annotations

import os
import struct
import subprocess
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

SPEC = """\
jenis: perbup
daerah: {daerah}
tentang: Pengelolaan Arsip Daerah
konsiderans:
  - bahwa arsip daerah perlu dikelola secara tertib;
dasar_hukum:
  - uu-23-2014
batang_tubuh:
  - pasal: arsip
    teks: "{text}"
  - pasal: mulai-berlaku
    formula: mulai_berlaku
"""
PROFILE = "nama: Uji\nprovinsi: Jawa Barat\ntempat_penetapan: Uji\n"
KEPUTUSAN = """\
jenis: keputusan
daerah: {daerah}
nomor: "{nomor}"
tahun: 2026
status: final
tentang: Pembentukan Tim Pengelola Arsip
konsiderans:
  - bahwa arsip daerah perlu dikelola oleh tim;
dasar_hukum:
  - uu-23-2014
diktum:
  - Membentuk Tim Pengelola Arsip.
  - Keputusan Bupati ini mulai berlaku pada tanggal ditetapkan.
"""


@dataclass
class Case:
    name: str
    args: list[str]                   # after 'legaldraft'
    code: int                         # the documented exit code
    message: str                      # a piece of the one line it must print on stderr
    env: dict = field(default_factory=dict)
    cwd: str = ""                     # relative to the cases folder ("" = the folder itself)


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\xff\xff\xff" * width for _ in range(max(height, 0)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def minimal_docx(document_xml: bytes) -> dict[str, bytes]:
    """The three parts python-docx needs, with ``document_xml`` as the body."""
    return {
        "[Content_Types].xml": b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                               b'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
                               b'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
                               b'application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
                               b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                       b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                       b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": document_xml,
    }


W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def body(paragraphs: list[str]) -> bytes:
    ps = b"".join(b"<w:p><w:r><w:t>" + p.encode("utf-8") + b"</w:t></w:r></w:p>" for p in paragraphs)
    return b'<?xml version="1.0" encoding="UTF-8"?><w:document ' + W + b"><w:body>" + ps + b"</w:body></w:document>"


def write_zip(path: Path, parts: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def zip_bomb(path: Path, megabytes: int = 1024, member: str = "word/document.xml") -> Path:
    """A 1 GB member from about 1 MB on disk (streamed: never in memory here either)."""
    parts = minimal_docx(b"")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        for name, data in parts.items():
            if name != member:
                package.writestr(name, data)
        with package.open(member, "w", force_zip64=True) as handle:
            handle.write(b'<?xml version="1.0"?><w:document ' + W + b"><w:body>")
            block = b" " * (1 << 20)
            for _ in range(megabytes):
                handle.write(block)
    return path


def git_folder(folder: Path) -> None:
    (folder / ".git").mkdir(parents=True, exist_ok=True)


def make(folder: Path) -> list[Case]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    git_folder(folder)
    cases: list[Case] = []
    add = cases.append
    good = body(["PERATURAN BUPATI CONTOH", "NOMOR 1 TAHUN 2026", "TENTANG", "ARSIP DAERAH", "Pasal 1",
                 "Arsip dikelola oleh Dinas."])

    # -- import: zip packages ------------------------------------------------------------------------
    imp = folder / "impor"
    imp.mkdir(exist_ok=True)
    zip_bomb(imp / "bom-zip.docx")
    add(Case("docx: bom zip 1 GB", ["import", "impor/bom-zip.docx", "-o", "impor/x.yaml", "--force"], 2, "bom zip"))
    add(Case("check docx: bom zip 1 GB", ["check", "impor/bom-zip.docx"], 2, "bom zip"))
    write_zip(imp / "rasio.docx", {**minimal_docx(good), "word/media/kosong.xml": b"<a/>" + b" " * (40 << 20)})
    add(Case("docx: rasio mampat 1000:1", ["import", "impor/rasio.docx", "-o", "impor/x.yaml", "--force"], 2, "dimampatkan"))
    write_zip(imp / "banyak-bagian.docx", {**minimal_docx(good), **{f"x/{i}.bin": b"" for i in range(6000)}},
              zipfile.ZIP_STORED)
    add(Case("docx: 6000 bagian", ["import", "impor/banyak-bagian.docx", "-o", "impor/x.yaml", "--force"], 2, "bagian (batas"))
    laughs = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">' +
              b"".join(b'<!ENTITY %c "%s">' % (98 + i, (b"&%c;" % (97 + i)) * 10) for i in range(9)) +
              b']><w:document ' + W + b"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>")
    write_zip(imp / "entitas.docx", minimal_docx(laughs))
    add(Case("docx: billion laughs (DTD/ENTITY)", ["import", "impor/entitas.docx", "-o", "impor/x.yaml", "--force"], 2, "DTD/ENTITY"))
    many = (b'<?xml version="1.0"?><w:document ' + W + b"><w:body>" + b"<w:p/>" * 2_100_000 + b"</w:body></w:document>")
    write_zip(imp / "elemen.docx", minimal_docx(many), zipfile.ZIP_STORED)  # stored: the element count, not the ratio
    add(Case("docx: 2,1 juta elemen XML", ["import", "impor/elemen.docx", "-o", "impor/x.yaml", "--force"], 2, "elemen XML"))
    (imp / "bukan-zip.docx").write_bytes(b"Ini teks biasa yang diberi nama .docx\n" * 10)
    add(Case("docx: bukan zip", ["import", "impor/bukan-zip.docx", "-o", "impor/x.yaml", "--force"], 2, "bukan DOCX yang utuh"))
    whole = write_zip(imp / "utuh.docx", minimal_docx(good)).read_bytes()
    (imp / "terpotong.docx").write_bytes(whole[: len(whole) // 2])
    add(Case("docx: terpotong", ["import", "impor/terpotong.docx", "-o", "impor/x.yaml", "--force"], 2, "bukan DOCX yang utuh"))
    write_zip(imp / "zip-lain.docx", {"halo.txt": b"halo"})
    add(Case("docx: zip tanpa document.xml", ["import", "impor/zip-lain.docx", "-o", "impor/x.yaml", "--force"], 2,
             "bukan DOCX yang dapat dibaca"))
    write_zip(imp / "xml-rusak.docx", minimal_docx(b"<w:document " + W + b"><w:body><w:p>"))
    add(Case("docx: XML rusak", ["import", "impor/xml-rusak.docx", "-o", "impor/x.yaml", "--force"], 2,
             "bukan DOCX yang dapat dibaca"))
    (imp / "acak.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(4000))
    add(Case("pdf: isi acak", ["import", "impor/acak.pdf", "-o", "impor/x.yaml", "--force"], 2, "pdftotext gagal"))
    with open(imp / "besar.txt", "wb") as handle:
        line = b"Pasal 1 Arsip dikelola oleh Dinas dengan tertib dan teratur sesuai ketentuan.\n"
        handle.write(line * ((20 << 20) // len(line)))
    add(Case("teks: 20 MB", ["import", "impor/besar.txt", "-o", "impor/x.yaml", "--force"], 2, "terlalu besar"))
    (imp / "titik.txt").write_text("PERATURAN BUPATI CONTOH\nNOMOR 1 TAHUN 2026\nTENTANG\nARSIP\n"
                                   + "\n".join("Pasal 1 " + "." * 3000 + " x" for _ in range(20)) + "\n", encoding="utf-8")
    add(Case("teks: garis titik 3000 (pola kubik)", ["import", "impor/titik.txt", "-o", "impor/x.yaml", "--force"], 0, "ditulis"))
    _special(imp / "pipa.txt", imp / "nol.txt")
    add(Case("teks: pipa bernama", ["import", "impor/pipa.txt", "-o", "impor/x.yaml", "--force"], 2, "bukan berkas biasa"))
    add(Case("teks: symlink ke /dev/zero", ["import", "impor/nol.txt", "-o", "impor/x.yaml", "--force"], 2, "bukan berkas biasa"))

    # -- specs -----------------------------------------------------------------------------------------
    specs = folder / "spesifikasi"
    specs.mkdir(exist_ok=True)
    lines = ["jenis: perbup", "daerah: contoh", "tentang: T", 'x0: &a0 "' + "A" * 90_000 + '"']
    lines += [f"x{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 8) + "]" for i in range(1, 6)]
    (specs / "bom-alias-panjang.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    add(Case("spec: alias bomb teks panjang", ["check", "spesifikasi/bom-alias-panjang.yaml"], 2, "karakter teks setelah anchor"))
    with open(specs / "raksasa.yaml", "wb") as handle:
        handle.write(SPEC.format(daerah="contoh", text="x").encode() + b"# " + b"x" * (30 << 20) + b"\n")
    add(Case("spec: 30 MB", ["check", "spesifikasi/raksasa.yaml"], 2, "terlalu besar"))
    bidi = folder / "bidi"
    bidi.mkdir(exist_ok=True)
    (bidi / "bidi.yaml").write_text(SPEC.format(daerah="contoh", text="Denda Rp\u202e000.05\u202c dan Ar\u200bsip."),
                                    encoding="utf-8")
    add(Case("spec: bidi dan lebar-nol", ["check", "bidi/bidi.yaml", "--rule", "BHS-011"], 1, "BHS-011"))
    folder_specs = folder / "folder-spec"
    folder_specs.mkdir(exist_ok=True)
    (folder_specs / "baik.yaml").write_text(SPEC.format(daerah="contoh", text="Arsip dikelola."), encoding="utf-8")
    _special(folder_specs / "pipa.yaml", folder_specs / "nol.yaml")
    add(Case("folder spec: pipa dan /dev/zero", ["check", "folder-spec"], 2, "bukan berkas biasa"))
    (specs / "daerah-path.yaml").write_text(SPEC.format(daerah="../../../etc/profil", text="x"), encoding="utf-8")
    add(Case("spec: daerah berupa path", ["check", "spesifikasi/daerah-path.yaml"], 2, "bukan path"))
    (specs / "regex.yaml").write_text(KEPUTUSAN.format(daerah="regex", nomor="a" * 5000 + "!"), encoding="utf-8")
    (specs / "profil").mkdir(exist_ok=True)
    (specs / "profil" / "regex.yaml").write_text(PROFILE + "nomor_keputusan: '(a+)+$'\n", encoding="utf-8")
    add(Case("profil: regex katastrofik", ["check", "spesifikasi/regex.yaml", "--rule", "KEP-003"], 0, "KEP-003"))

    # -- profiles, images, templates -----------------------------------------------------------------------
    for name, extra, message in (
            ("halaman-nol", "halaman: {lebar_mm: 0}\n", "paling kecil"),
            ("halaman-nan", "halaman: {ukuran_huruf: .nan}\n", "finite"),
            ("halaman-raksasa", "halaman: {tinggi_mm: 1e300}\n", "paling besar"),
            ("lambang-absolut", "lambang: /etc/hostname\n", "di dalam folder profil"),
            ("lambang-palsu", "lambang: palsu.png\n", "bukan gambar"),
            ("lambang-nol", "lambang: nol.png\n", "0x0"),
            ("templat-hilang", "templates: templat-tidak-ada\n", "tidak ada"),
            ("templat-rusak", "templates: templat-rusak\n", "templat daerah"),
            ("templat-jinja", "templates: templat-jinja\n", "kop Jinja")):
        place = folder / "profil-uji" / name
        (place / "profil").mkdir(parents=True, exist_ok=True)
        (place / "profil" / "uji.yaml").write_text(PROFILE + extra, encoding="utf-8")
        (place / "profil" / "palsu.png").write_text("bukan gambar", encoding="utf-8")
        (place / "profil" / "nol.png").write_bytes(png(0, 0))
        (place / "spec.yaml").write_text(SPEC.format(daerah="uji", text="Arsip dikelola."), encoding="utf-8")
        add(Case(f"profil: {name}", ["build", f"profil-uji/{name}/spec.yaml", "-o", f"profil-uji/{name}/out"], 2, message))
    (folder / "profil-uji" / "templat-rusak" / "profil" / "templat-rusak").mkdir(exist_ok=True)
    (folder / "profil-uji" / "templat-rusak" / "profil" / "templat-rusak" / "template.docx").write_bytes(b"bukan docx")
    jinja = folder / "profil-uji" / "templat-jinja" / "profil" / "templat-jinja"
    jinja.mkdir(exist_ok=True)
    _kop_template(jinja / "template.docx", "{{ jabatan | tidak_ada }} {% if %}")
    latin = folder / "profil-uji" / "latin1"
    (latin / "profil").mkdir(parents=True, exist_ok=True)
    (latin / "profil" / "uji.yaml").write_bytes((PROFILE.replace("Uji\n", "Uji\xe9\n", 1)).encode("latin-1"))
    (latin / "spec.yaml").write_text(SPEC.format(daerah="uji", text="x"), encoding="utf-8")
    add(Case("profil: Latin-1", ["check", "profil-uji/latin1/spec.yaml"], 2, "bukan UTF-8"))
    image = folder / "gambar"
    image.mkdir(exist_ok=True)
    (image / "palsu.png").write_text("bukan gambar", encoding="utf-8")
    (image / "nol.png").write_bytes(png(0, 0))
    for stem, picture, message in (("palsu", "palsu.png", "bukan gambar"), ("nol", "nol.png", "0x0")):
        spec = SPEC.format(daerah="contoh", text="Bagan tercantum dalam Lampiran.").replace(
            "  - pasal: mulai-berlaku", "  - pasal: lampiran\n    teks: Lampiran merupakan bagian tidak terpisahkan dari "
            "Peraturan Bupati ini.\n  - pasal: mulai-berlaku")
        spec += f"lampiran:\n  - id: bagan\n    judul: Bagan\n    isi:\n      - gambar: {picture}\n"
        (image / f"{stem}.yaml").write_text(spec, encoding="utf-8")
        add(Case(f"gambar: {stem}", ["build", f"gambar/{stem}.yaml", "-o", "gambar/out"], 2, message))

    # -- PDF -------------------------------------------------------------------------------------------
    fake = folder / "soffice-palsu"
    for kind, script in (("macet", "#!/bin/sh\nsleep 600 &\necho $! > \"$LEGALDRAFT_TEST_CHILD\"\nwait\n"),
                         ("gagal", "#!/bin/sh\necho 'soffice: kesalahan palsu' >&2\nexit 77\n")):
        (fake / kind).mkdir(parents=True, exist_ok=True)
        exe = fake / kind / "soffice"
        exe.write_text(script, encoding="utf-8")
        exe.chmod(0o755)
    pdf = folder / "pdf"
    pdf.mkdir(exist_ok=True)
    (pdf / "arsip.yaml").write_text(SPEC.format(daerah="contoh", text="Arsip dikelola."), encoding="utf-8")
    path = os.environ.get("PATH", "")
    add(Case("pdf: soffice macet", ["build", "pdf/arsip.yaml", "-o", "pdf/out", "--pdf", "--pdf-timeout", "2", "--force"],
             5, "tidak selesai dalam 2 detik",
             env={"PATH": f"{fake / 'macet'}{os.pathsep}{path}", "LEGALDRAFT_TEST_CHILD": str(folder / "anak.pid")}))
    add(Case("pdf: soffice gagal", ["build", "pdf/arsip.yaml", "-o", "pdf/out", "--pdf", "--force"], 5, "kode 77",
             env={"PATH": f"{fake / 'gagal'}{os.pathsep}{path}"}))

    # -- usage -------------------------------------------------------------------------------------------
    add(Case("pemakaian: opsi dua kali", ["build", "pdf/arsip.yaml", "-o", "a", "-o", "b"], 3, "dua kali"))
    add(Case("pemakaian: opsi tidak dikenal", ["check", "--tidak-ada", "pdf/arsip.yaml"], 3, "No such option"))
    return cases


def _special(fifo: Path, zero: Path) -> None:
    for path in (fifo, zero):
        if path.exists() or path.is_symlink():
            path.unlink()
    os.mkfifo(fifo)
    zero.symlink_to("/dev/zero")


def _kop_template(path: Path, kop: str) -> None:
    """The shipped Perbup template with a fixed kop paragraph carrying ``kop`` (Jinja)."""
    from docx import Document

    from legaldraft.render.templates import template_path

    document = Document(str(template_path("perbup")))
    document.add_paragraph(kop)
    document.save(str(path))


def run(case: Case, folder: Path, memory_mb: int | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """``python -m legaldraft ARGS`` in a fresh process (address space capped at ``memory_mb``)."""
    import sys

    def limit():
        if memory_mb:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))

    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root), **case.env}
    return subprocess.run([sys.executable, "-m", "legaldraft", *case.args], cwd=folder / case.cwd, env=env,
                          capture_output=True, text=True, timeout=timeout, preexec_fn=limit)

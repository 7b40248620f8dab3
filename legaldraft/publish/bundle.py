"""The harmonisasi / fasilitasi submission: draft DOCX and PDF, the findings report, for a Perubahan the matriks
perbandingan, and a manifest with the sha256 of every file.

Since 2025 every Rancangan Perkada goes through Kemenkum's e-Harmonisasi (a provinsi's through Kemendagri's
e-Perda for fasilitasi); reviewers receive the draft and compare versions. File names follow the daerah
profile's ``pengiriman.pola_nama`` (keys: jenis, daerah, tahun, nomor, judul, berkas, versi), by default
``Perbup_Purwakarta_sistem-layanan-rujukan-terpadu_Rancangan.docx``: no spaces, no characters the upload
forms refuse.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from types import SimpleNamespace

from .. import __version__
from ..amend.compare import matriks_blocks
from ..amend.consolidate import consolidate_tree
from ..api import check
from ..ioutil import atomic_write_bytes, atomic_write_text, sha256_file
from ..render.pdf import PdfUnavailable, convert_many
from ..naskah.blocks import Block, Blocks, Grid, Run
from ..render.pipeline import table_docx
from ..render.pipeline import docx_bytes
from ..spec.loader import context_of
from .jdih import judul_lengkap, singkatan_jenis, tentang

MANIFEST = "manifest.json"


@dataclass
class Bundle:
    folder: Path
    files: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def add(self, path: Path, kind: str, description: str) -> None:
        self.files.append({"berkas": path.name, "jenis": kind, "keterangan": description,
                           "ukuran": path.stat().st_size, "sha256": sha256_file(path)})


def _safe(text: str) -> str:
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.")
    return text or "dokumen"


def _judul_slug(tentang: str, words: int = 6) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", tentang.lower())[:words])


def _subject(doc) -> str:
    """What the document is about, for a file name: a Perubahan/Pencabutan by the regulation it changes."""
    if doc.jenis == "perubahan":
        return f"perubahan {doc.mengubah.tentang or ''}"
    if doc.jenis == "pencabutan":
        return f"pencabutan {doc.dicabut[0].tentang or ''}"
    return doc.tentang


def file_name(doc, profile, berkas: str, suffix: str, today: dt.date | None = None) -> str:

    values = {"jenis": singkatan_jenis(doc, profile), "daerah": profile.nama.replace(" ", "-"),
              "tahun": str(doc.tahun or (today or dt.date.today()).year), "nomor": str(doc.nomor or "rancangan"),
              "judul": _judul_slug(_subject(doc)), "berkas": berkas,
              "versi": (today or dt.date.today()).strftime("%Y%m%d")}
    try:
        stem = profile.pengiriman.pola_nama.format(**values)
    except (KeyError, IndexError, ValueError):
        stem = "{jenis}_{daerah}_{judul}_{berkas}".format(**values)
    return f"{_safe(stem)}.{suffix}"


def findings_docx(doc, findings, profile, title: str) -> bytes:
    """The findings of the Tata Naskah check as a table a reviewer reads: where, level, rule, finding, advice
    (written by the naskah's writer on the profile's paper)."""
    counts = {s: sum(1 for f in findings if f.severity.value == s) for s in ("error", "warning", "info")}
    blocks = Blocks([Block("LD Judul", "LAPORAN PEMERIKSAAN TATA NASKAH"), Block("LD Judul", title.upper()), Block(
        "LD Isi", f"Diperiksa dengan legaldraft {__version__} terhadap Lampiran II UU 12/2011 sebagaimana diubah dengan "
                  f"UU 13/2022: {counts['error']} galat, {counts['warning']} peringatan, {counts['info']} info.")])
    if not findings:
        blocks.append(Block("LD Isi", "Tidak ada temuan."))
    else:
        rows = []
        for i, f in enumerate(findings):
            where = f"baris {f.position.line}" if f.position else "-"
            text = f.message + (f"\nSaran: {f.hint}" if f.hint else "") + f"\nSumber: {f.rule.source}"
            rows.append([[[Run(line)] for line in value.split("\n")]
                         for value in (f"{i + 1}.", where, f.severity.label, f.rule.id, text)])
        header = ["No", "Letak", "Tingkat", "Aturan", "Temuan dan saran"]
        blocks.append(Block("LD Tabel", grid=Grid(header, [10.0, 20.0, 26.0, 23.0, 86.0], rows)))
    return table_docx(blocks, profile, f"Laporan Pemeriksaan: {title}", turned=False)


def matriks_for(doc, base, earlier=()):
    """The matriks of a Perubahan against the Perbup it amends (and earlier Perubahan), as compare writes it."""
    ctx = context_of(doc)  # checks the document's references: once
    profile = ctx.profile
    current = consolidate_tree(base, *earlier, nama_jenis=profile.formula.nama_jenis_peraturan, notes=False)
    result = SimpleNamespace(perubahan=doc, old_tree=current.tree, old_lampiran=current.lampiran)
    title = f"{profile.formula.nama_jenis_peraturan} tentang {tentang(doc, profile)}"
    return table_docx(matriks_blocks(result, profile, title), profile, title, ctx.base_dir)


def build_bundle(doc, ctx, folder: Path, base=None, earlier=(), pdf: bool = True, today: dt.date | None = None) -> Bundle:
    """Write the bundle into ``folder`` (created) and its manifest; returns what was written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    bundle = Bundle(folder)
    profile = ctx.profile
    title = judul_lengkap(doc, profile)
    name = lambda berkas, suffix: folder / file_name(doc, profile, berkas, suffix, today)  # noqa: E731

    draft = name("Rancangan" if doc.is_rancangan else "Naskah", "docx")
    atomic_write_bytes(draft, docx_bytes(doc, ctx))
    bundle.add(draft, "naskah-docx", "Naskah yang diajukan (DOCX, dapat disunting)")
    if pdf:
        try:
            with tempfile.TemporaryDirectory(prefix="legaldraft-bundle-") as tmp:
                written = convert_many([draft], Path(tmp))
                target = draft.with_suffix(".pdf")
                atomic_write_bytes(target, written[0].read_bytes())
            bundle.add(target, "naskah-pdf", "Naskah yang diajukan (PDF)")
        except PdfUnavailable as exc:
            bundle.warnings.append(str(exc))

    findings = check(doc)
    report = name("Laporan-Pemeriksaan", "docx")
    atomic_write_bytes(report, findings_docx(doc, findings, profile, title))
    bundle.add(report, "laporan-temuan", f"Laporan pemeriksaan Tata Naskah ({len(findings)} temuan)")
    report_json = name("Laporan-Pemeriksaan", "json")
    atomic_write_text(report_json, json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2) + "\n")
    bundle.add(report_json, "laporan-temuan-json", "Temuan yang sama, untuk mesin (JSON)")

    if doc.jenis == "perubahan" and base is not None:
        matriks = name("Matriks-Perbandingan", "docx")
        atomic_write_bytes(matriks, matriks_for(doc, base, earlier))
        bundle.add(matriks, "matriks-perbandingan", "Matriks perbandingan: ketentuan lama, ketentuan baru, keterangan")

    manifest = {
        "judul": title,
        "jenis": doc.jenis,
        "status": doc.status.value,
        "daerah": profile.nama_daerah,
        "spec": ctx.path.name if ctx.path else None,
        "dibuat": (today or dt.date.today()).isoformat(),
        "legaldraft": __version__,
        "berkas": bundle.files,
    }
    atomic_write_text(folder / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
    return bundle


def verify(folder: Path) -> list[str]:
    """Problems of a bundle against its manifest: a listed file missing or changed, a file not listed."""
    folder = Path(folder)
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    problems = []
    listed = {entry["berkas"] for entry in manifest["berkas"]}
    for entry in manifest["berkas"]:
        path = folder / entry["berkas"]
        if not path.is_file():
            problems.append(f"{entry['berkas']}: tercantum di manifest tetapi tidak ada")
        elif sha256_file(path) != entry["sha256"]:
            problems.append(f"{entry['berkas']}: isinya berbeda dari sha256 di manifest")
    for path in folder.iterdir():
        if path.is_file() and path.name != MANIFEST and path.name not in listed:
            problems.append(f"{path.name}: ada di folder tetapi tidak tercantum di manifest")
    return problems

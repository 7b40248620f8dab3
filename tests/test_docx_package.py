"""Issue 7: the DOCX writer packages the document itself (cached template parts + document.xml), and what it
writes is part for part, byte for byte, what python-docx's own save of the same document writes."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import yaml

import legaldraft
from legaldraft.render import docx as docx_writer
from legaldraft.naskah.jenis import jenis_of
from legaldraft.render.pipeline import document_blocks
from legaldraft.render.templates import template_path
from legaldraft.spec.loader import context_of
from legaldraft.spec.scaffold import scaffold

from test_render import png


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in zf.infolist())
        return {name: zf.read(name) for name in zf.namelist()}


def _both(spec: Path) -> tuple[dict, dict]:
    doc = legaldraft.load(spec)
    ctx = context_of(doc)
    blocks = document_blocks(doc, ctx)
    template = template_path(jenis_of(doc).template, ctx.profile.templates)
    kind = template.parent.name

    fast = docx_writer.DocxWriter(template, ctx.profile, ctx.base_dir, kind=kind)
    fast.write(blocks)
    fast.set_metadata(doc.tentang, "subjek")
    slow = docx_writer.DocxWriter(template, ctx.profile, ctx.base_dir, kind=kind)
    slow.document = docx_writer._open_template(template)      # python-docx's save, as before issue 7
    slow.write(blocks)
    slow.set_metadata(doc.tentang, "subjek")
    assert fast.document is None
    return _parts(fast.to_bytes()), _parts(slow.to_bytes())


@pytest.mark.parametrize("kind", ["perbup", "keputusan", "pedoman"])
def test_scaffold_package_equals_python_docx_save(tmp_path, kind):
    spec = tmp_path / f"{kind}.yaml"
    spec.write_text(scaffold(kind), encoding="utf-8")
    fast, slow = _both(spec)
    assert fast == slow


def test_pictures_package_equals_python_docx_save(tmp_path):
    """Custom lambang, two pictures and one repeated: media parts, relationships and content types."""
    (tmp_path / "profil").mkdir()
    (tmp_path / "profil" / "garuda.png").write_bytes(png(300, 330))
    (tmp_path / "profil" / "uji.yaml").write_text(
        "nama: Uji\nprovinsi: Jawa Barat\ntempat_penetapan: Uji\nlambang: garuda.png\n"
        "halaman:\n  lebar_mm: 210\n  tinggi_mm: 297\n  huruf: Arial\n  nomor_halaman: kanan-bawah\n",
        encoding="utf-8")
    (tmp_path / "bagan.png").write_bytes(png(800, 400))
    (tmp_path / "alur.png").write_bytes(png(400, 400))
    data = yaml.safe_load(scaffold("pedoman").replace("daerah: contoh", "daerah: uji"))
    data["lampiran"][0]["isi"][0]["isi"].append({"subbab": "Bagan", "isi": [
        {"gambar": "bagan.png", "judul": "Bagan"}, {"gambar": "alur.png", "judul": "Alur"},
        {"gambar": "bagan.png", "judul": "Bagan lagi"}]})
    spec = tmp_path / "uji.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    fast, slow = _both(spec)
    assert sorted(n for n in fast if n.startswith("word/media/")) == [
        "word/media/image1.png", "word/media/image2.png", "word/media/image3.png"]
    assert fast == slow

"""Generate docs/spec.md, the reference of the spec format, from the models themselves.

``python -m legaldraft.spec.docs`` rewrites the file; a test fails when it is out of date.
"""
from __future__ import annotations

import sys
from pathlib import Path

from pydantic import BaseModel
from .. import model

SECTIONS = [
    ("Dokumen", ["PeraturanBupati", "PeraturanWaliKota", "PeraturanGubernur", "Pedoman", "KeputusanBupati"]),
    ("Pembukaan", ["Konsiderans", "KonsideransPoin", "DasarHukum", "Peraturan", "Publikasi"]),
    ("Batang tubuh", ["Bab", "Bagian", "Paragraf", "Pasal", "Ayat", "Butir", "Definisi", "Diktum"]),
    ("Lampiran", ["Lampiran", "BabLampiran", "SubBab", "BlokTeks", "BlokDaftar", "ItemDaftar", "BlokTabel", "Tabel",
                  "BlokGambar", "BlokMarkdown"]),
    ("Perubahan dan pencabutan", ["PerubahanBupati", "PencabutanBupati", "PeraturanDiubah", "AngkaPerubahan", "Letak"]),
    ("Penutup", ["Penetapan", "Pengundangan", "BeritaDaerah", "Paraf", "Penjelasan", "PenjelasanPasal", "Abaikan"]),
    ("Profil daerah", ["ProfilDaerah", "Halaman", "Formula"]),
]


def _type_name(annotation) -> str:
    text = repr(annotation) if not isinstance(annotation, type) else annotation.__name__
    for prefix in ("typing.", "legaldraft.model.body.", "legaldraft.model.document.", "legaldraft.model.lampiran.",
                   "legaldraft.model.reference.", "legaldraft.model.profile.", "datetime.", "<class '", "'>"):
        text = text.replace(prefix, "")
    text = text.replace("Annotated[Union[", "salah satu[").replace("NoneType", "null")
    if "Discriminator" in text or "Tag(" in text:
        text = text.split("[", 1)[0] + "[unit]"
    return text.replace("|", "\\|")


def _default(value) -> str:
    if isinstance(value, BaseModel):
        return "(bawaan)"
    if hasattr(value, "value"):
        return f"`{value.value}`"
    if value is None:
        return "kosong"
    return f"`{value!r}`"


def _tingkat_table() -> list[str]:
    """``jenis`` decides the form, the profile's ``tingkat`` the words: the table, from the model."""
    from ..model.tingkat import TINGKAT, WALI_KOTA_SEJAK  # lazy: only the docs generator needs the table

    lines = ["## Jenis dan tingkat daerah", "",
             "`jenis` menentukan bentuk naskah; `tingkat` profil daerah (kabupaten, kota, provinsi) menentukan semua",
             "katanya. Keputusan, pedoman, perubahan dan pencabutan dipakai di semua tingkat (Keputusan Wali Kota:",
             "`jenis: keputusan` dengan profil kota); `perbup`, `perwali` dan `pergub` hanya di tingkatnya sendiri,",
             "selain itu galat dengan posisi `jenis`.", "",
             "| tingkat | jenis Peraturan | kop dan jabatan | Sekretaris Daerah, Berita Daerah |", "|---|---|---|---|"]
    for t in TINGKAT.values():
        kepala = t.kepala + (f" (naskah sebelum {WALI_KOTA_SEJAK:%d-%m-%Y}: {t.kepala_lama})" if t.kepala_lama else "")
        kop = f"{t.kepala.upper()} NAMA" + (" / PROVINSI NAMA" if t.baris_provinsi else "")
        lines.append(f"| `{t.tingkat}` | `{t.jenis}`: Peraturan {kepala} | {kop} | Sekretaris Daerah {t.sebutan} Nama, "
                     f"Berita Daerah {t.sebutan} Nama |")
    return lines + [""]


def render() -> str:
    lines = ["# Format spec legaldraft", "",
             "Dibuat otomatis dari model (`python -m legaldraft.spec.docs`); jangan disunting tangan.",
             "JSON Schema yang sama: `legaldraft schema`.", "",
             "Bentuk singkat yang diterima: butir konsiderans, ayat, rincian, diktum, paraf dan butir daftar boleh",
             "ditulis sebagai teks saja; item dasar hukum boleh ditulis sebagai kunci registry (`uu-23-2014`);",
             "`konsiderans` boleh berupa daftar. Di teks, `[[id]]` menjadi kutipan unit ('Pasal 7 ayat (2)') dan",
             "`[[dimaksud id]]` menjadi 'sebagaimana dimaksud dalam/pada …'.", ""]
    lines += _tingkat_table()
    for title, names in SECTIONS:
        lines += [f"## {title}", ""]
        for name in names:
            cls = getattr(model, name)
            doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
            lines += [f"### `{name}`", ""]
            if doc and not doc.startswith("!!!"):
                lines += [doc, ""]
            lines += ["| kunci | tipe | bawaan | keterangan |", "|---|---|---|---|"]
            for field, info in cls.model_fields.items():
                key = info.serialization_alias or field
                default = "wajib" if info.is_required() else _default(info.get_default(call_default_factory=True))
                desc = (info.description or "").replace("|", "\\|")
                lines.append(f"| `{key}` | {_type_name(info.annotation)} | {default} | {desc} |")
            lines.append("")
        if title == "Pembukaan":
            lines += hand_written_citation()
    return "\n".join(lines)


#: how to cite a regulation that is not in the registry, with its amendment chain (README links here)
HAND_WRITTEN_EXAMPLE = """dasar_hukum:
  - peraturan:
      jenis: perda
      penerbit: Kabupaten Lahat          # Perda/Perbup: daerahnya; Permen: menterinya
      nomor: 5
      tahun: 2016
      tentang: Pembentukan dan Susunan Perangkat Daerah
      lembaran: {tahun: 2016, nomor: 5}  # Lembaran Daerah (UU/PP: Lembaran Negara; Permen: Berita Negara)
      tambahan: 5                        # Tambahan Lembaran, bila ada
    perubahan:
      - jenis: perda
        penerbit: Kabupaten Lahat
        nomor: 2
        tahun: 2021
        tentang: Perubahan atas Peraturan Daerah Nomor 5 Tahun 2016 tentang Pembentukan dan Susunan Perangkat Daerah
        lembaran: {tahun: 2021, nomor: 2}
"""


def hand_written_citation() -> list[str]:
    """The section on hand-written citations, its example cited by the same code that builds the naskah."""
    import yaml  # lazy: docs generation only

    from ..model import DasarHukum  # lazy: docs generation only
    from ..naskah.citation import cite  # lazy: docs generation only
    from .registry import national  # lazy: docs generation only

    item = DasarHukum.model_validate(yaml.safe_load(HAND_WRITTEN_EXAMPLE)["dasar_hukum"][0])
    return ["### Mengutip peraturan yang tidak ada di registry", "",
            "Tulis `peraturan:` lengkap; kutipan, Lembaran/Berita dan rantai perubahan tetap dibuat dan diperiksa seperti",
            "untuk kunci registry (`teks:` apa adanya mematikan pemeriksaan itu). `jenis`: `uud`, `tap_mpr`, `uu`, `perppu`,",
            "`pp`, `perpres`, `permen`, `perda_prov`, `pergub`, `perda`, `perbup`, `keputusan`, `lainnya`. `perubahan:` berisi",
            "perubahannya, urut dari yang pertama: kunci registry atau peraturan yang ditulis dengan kunci yang sama.", "",
            "```yaml", *HAND_WRITTEN_EXAMPLE.rstrip().splitlines(), "```", "",
            "menjadi butir Mengingat:", "", f"> {cite(item, national())};", "",
            "Kunci registry dicari dengan `legaldraft new … --tanya` (pertanyaan dasar hukum).", ""]


def main() -> int:
    target = Path(__file__).resolve().parents[2] / "docs" / "spec.md"
    target.parent.mkdir(exist_ok=True)
    target.write_text(render(), encoding="utf-8")
    print(f"ditulis: {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

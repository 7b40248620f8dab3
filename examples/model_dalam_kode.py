"""A Peraturan Bupati built from the typed models in Python, with no YAML.

    python examples/model_dalam_kode.py OUT_DIR

Useful when a document is generated from another system (a database of tariffs, a list of services).
Numbering, references ("[[dimaksud id]]"), the closing konsiderans point and the dasar hukum citations are
computed exactly as for a YAML spec; the daerah profile is the shipped "purwakarta".
"""
from __future__ import annotations

import sys
from pathlib import Path

import legaldraft
from legaldraft.model import (
    Ayat, Bab, Butir, DasarHukum, Definisi, Konsiderans, Pasal, PeraturanBupati,
)

LAYANAN = [  # e.g. read from the service catalogue of the Dinas
    ("pengaduan dan rujukan", "Sekretariat Sistem Layanan Rujukan Terpadu"),
    ("penerbitan surat keterangan tidak mampu", "kelurahan atau kantor desa"),
    ("pendaftaran jaminan kesehatan bagi warga tidak mampu", "Dinas Kesehatan"),
]


def rincian_layanan() -> list[Butir]:
    """One butir per service, punctuated as a rincian: ';' … '; dan' … '.'."""
    items = [f"{nama} di {tempat}" for nama, tempat in LAYANAN]
    ends = [";"] * (len(items) - 2) + ["; dan", "."]
    return [Butir(teks=item + end) for item, end in zip(items, ends)]


def build_perbup() -> PeraturanBupati:
    return PeraturanBupati(
        daerah="purwakarta",
        tentang="Standar Pelayanan Sosial Dasar bagi Warga Tidak Mampu",
        konsiderans=Konsiderans(poin=[
            "bahwa warga tidak mampu berhak memperoleh pelayanan sosial dasar yang mudah, cepat, dan terjangkau;",
            "bahwa agar pelayanan sosial dasar bagi warga tidak mampu terukur, perlu ditetapkan standar pelayanannya;",
        ]),
        dasar_hukum=[
            DasarHukum(ref="uud-1945", pasal="Pasal 18 ayat (6)"),
            DasarHukum(ref="uu-14-1950"),
            DasarHukum(ref="uu-25-2009"),
            DasarHukum(ref="uu-23-2014"),
        ],
        batang_tubuh=[
            Bab(judul="KETENTUAN UMUM", isi=[
                Pasal(id="ketentuan-umum", definisi=[
                    Definisi(istilah="Daerah", arti="Kabupaten Purwakarta."),
                    Definisi(istilah="Bupati", arti="Bupati Purwakarta."),
                    Definisi(istilah="Standar Pelayanan", arti="tolok ukur penyelenggaraan pelayanan sosial dasar "
                             "bagi warga tidak mampu di Daerah."),
                ]),
            ]),
            Bab(judul="JENIS PELAYANAN", isi=[
                Pasal(id="jenis", ayat=[
                    Ayat(id="jenis-1", teks="Standar Pelayanan berlaku untuk pelayanan:", rincian=rincian_layanan()),
                    Ayat(teks="Pelayanan [[dimaksud jenis-1]] diselesaikan paling lama 5 (lima) hari kerja "
                              "sejak persyaratan lengkap diterima."),
                ]),
                Pasal(id="evaluasi", teks="Bupati mengevaluasi pelaksanaan Standar Pelayanan sebagaimana dimaksud "
                                          "dalam [[jenis]] paling sedikit 1 (satu) kali dalam 1 (satu) tahun."),
            ]),
            Bab(judul="KETENTUAN PENUTUP", isi=[Pasal(id="mulai-berlaku", formula="mulai_berlaku")]),
        ],
    )


def main(argv: list[str]) -> int:
    if not argv:
        print("pemakaian: python examples/model_dalam_kode.py OUT_DIR", file=sys.stderr)
        return 3
    doc = build_perbup()
    findings = legaldraft.check(doc)
    for f in findings:
        print(f"{f.severity.value} {f.rule.id}: {f.message}")
    if any(f.severity.value == "error" for f in findings):
        return 1
    for path in legaldraft.build(doc, Path(argv[0]), formats=["docx"], stem="perbup-standar-pelayanan"):
        print(f"ditulis: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

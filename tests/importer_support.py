"""Helpers shared by the importer tests: spec comparison with ids (and how references are written) aside."""
from __future__ import annotations

import copy

from legaldraft.model import walk
from legaldraft.naskah.numbering import Numbering
from legaldraft.spec.loader import to_spec_dict

TEXT_FIELDS = ("teks", "teks_akhir", "arti", "berlaku")


def canonical(doc) -> dict:
    """to_spec_dict with every [[reference]] expanded to the text it prints and every id removed; headings that
    the renderer prints in capitals compared case-insensitively; column widths (not visible as text) left out."""
    data = copy.deepcopy(to_spec_dict(doc))
    num = Numbering(doc)
    for node in walk(doc):
        for name in TEXT_FIELDS:
            text = getattr(node, name, None)
            if isinstance(text, str) and "[[" in text:
                target = data
                for key in node.loc:
                    target = target[key]
                target[name] = num.expand(text, node)
    for item in (data.get("penjelasan") or {}).get("pasal", []):     # which Pasal, by its number
        item["pasal"] = num.units[id(num.by_id[item["pasal"]])].chain[0]
    _strip(data)
    data.pop("asal", None)      # provenance written by the importer (where the copy came from), not document content
    return data


def _strip(node) -> None:
    if isinstance(node, dict):
        for key in ("id", "lebar"):
            node.pop(key, None)
        if "pasal" in node and not str(node["pasal"]).startswith("Pasal ") \
                and ("ayat" in node or "teks" in node or "definisi" in node or "formula" in node):
            node.pop("pasal", None)
        if isinstance(node.get("nama"), str):      # names are printed in capitals
            node["nama"] = node["nama"].casefold()
        if isinstance(node.get("berita_daerah"), dict) and "nomor" in node["berita_daerah"]:
            node["berita_daerah"]["nomor"] = str(node["berita_daerah"]["nomor"])
        for key in ("judul", "bab"):
            if isinstance(node.get(key), str) and ("isi" in node or key == "judul"):
                node[key] = node[key].casefold()
        for value in node.values():
            _strip(value)
    elif isinstance(node, list):
        for value in node:
            _strip(value)


# -- generated specs for the round-trip property test ------------------------------------------------
WORDS = ("pelayanan data sosial perangkat daerah masyarakat kegiatan program anggaran laporan evaluasi "
         "pembinaan pengawasan koordinasi informasi dokumen sarana prasarana petugas kecamatan desa "
         "kelurahan penyelenggaraan pemantauan pengelolaan tim tugas fungsi rencana kerja").split()


def _phrase(rnd, n: int) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(n))


def _sentence(rnd, end: str = ".") -> str:
    text = _phrase(rnd, rnd.randint(4, 14))
    return text[0].upper() + text[1:] + end


def _items(rnd, depth: int, prefix: str) -> list:
    items = []
    count = rnd.randint(2, 4)
    for i in range(count):
        last = i == count - 1
        nested = depth < 3 and rnd.random() < 0.25
        if nested:
            item = {"id": f"{prefix}-{i}", "teks": _phrase(rnd, rnd.randint(3, 8)) + ", meliputi:",
                    "rincian": _items(rnd, depth + 1, f"{prefix}-{i}")}
        else:
            end = "." if last else ("; dan" if i == count - 2 else ";")
            item = {"id": f"{prefix}-{i}", "teks": _phrase(rnd, rnd.randint(3, 10)) + end}
        items.append(item)
    return items


def generated_spec(seed: int) -> dict:
    """A random but well-formed Perbup (or Keputusan) spec, with internal references."""
    import random

    rnd = random.Random(seed)
    keputusan = seed % 3 == 2
    ids: list[str] = []
    base = {"jenis": "keputusan" if keputusan else "perbup", "daerah": "contoh",
            "status": rnd.choice(["rancangan", "final"]), "tentang": _sentence(rnd, "").title()[:80].strip()}
    if base["status"] == "final":
        base.update({"nomor": str(rnd.randint(1, 90)), "tahun": 2025})
    base["konsiderans"] = [f"bahwa {_phrase(rnd, rnd.randint(6, 16))};" for _ in range(rnd.randint(1, 3))]
    base["dasar_hukum"] = rnd.sample(["uu-23-2014", "uu-25-2009", "uu-30-2014"], 2)
    if keputusan:
        diktum = []
        for i in range(rnd.randint(2, 4)):
            d = {"id": f"d{i}", "teks": _sentence(rnd)}
            if rnd.random() < 0.5:
                d["teks"] = _sentence(rnd, ":")
                d["rincian"] = _items(rnd, 0, f"d{i}r")
            if ids and rnd.random() < 0.5:
                d["teks"] = f"Tim [[dimaksud {rnd.choice(ids)}]] {_phrase(rnd, 4)}."
                d.pop("rincian", None)
            ids.append(f"d{i}")
            diktum.append(d)
        base["diktum"] = diktum
        base["tembusan"] = ["Gubernur Jawa Barat"]
        return base

    def pasal(k: int) -> dict:
        p = {"pasal": f"p{k}"}
        form = rnd.random()
        if form < 0.4:
            ayat = []
            for j in range(rnd.randint(2, 4)):
                a = {"id": f"p{k}-{j}", "teks": _sentence(rnd)}
                if rnd.random() < 0.3:
                    a["teks"] = _sentence(rnd, ":")
                    a["rincian"] = _items(rnd, 0, f"p{k}-{j}r")
                elif j and rnd.random() < 0.5:
                    a["teks"] = f"Kegiatan [[dimaksud p{k}-{j - 1}]] {_phrase(rnd, 5)}."
                ayat.append(a)
            p["ayat"] = ayat
        elif form < 0.7:
            p["teks"] = _sentence(rnd, ":")
            p["rincian"] = _items(rnd, 0, f"p{k}r")
        else:
            p["teks"] = _sentence(rnd)
            if ids and rnd.random() < 0.6:
                p["teks"] = f"Pelaksanaan [[dimaksud {rnd.choice(ids)}]] {_phrase(rnd, 5)}."
        ids.append(f"p{k}")
        return p

    body, k = [], 0
    body.append({"bab": "KETENTUAN UMUM", "isi": [{"pasal": "ku", "definisi": [
        {"istilah": "Daerah", "arti": "Kabupaten Contoh."},
        {"istilah": "Tim Koordinasi Daerah", "singkatan": "TKD", "arti": _phrase(rnd, 6) + "."}]}]})
    for b in range(rnd.randint(1, 3)):
        bab = {"bab": _phrase(rnd, 2).upper(), "isi": []}
        if rnd.random() < 0.5:
            for g in range(rnd.randint(2, 3)):
                bagian = {"bagian": _phrase(rnd, 2).title(), "isi": []}
                for _ in range(rnd.randint(1, 2)):
                    k += 1
                    bagian["isi"].append(pasal(k))
                bab["isi"].append(bagian)
        else:
            for _ in range(rnd.randint(1, 3)):
                k += 1
                bab["isi"].append(pasal(k))
        body.append(bab)
    body.append({"bab": "KETENTUAN PENUTUP", "isi": [{"pasal": "akhir", "formula": "mulai_berlaku"}]})
    base["batang_tubuh"] = body
    if rnd.random() < 0.5:
        explained = [i for i in ids if rnd.random() < 0.6]
        base["penjelasan"] = {"umum": [_sentence(rnd) for _ in range(rnd.randint(1, 3))],
                              "pasal": [{"pasal": i, **({"teks": _sentence(rnd)} if rnd.random() < 0.5 else {})}
                                        for i in explained]}
    return base


def pdf_bytes(objects: list[bytes]) -> bytes:
    """A PDF file of ``objects`` (numbered from 1, the catalog first) with the cross-reference table computed, so that
    pdftotext and pikepdf read it."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)

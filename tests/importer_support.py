"""Helpers shared by the importer tests: spec comparison with ids (and how references are written) aside."""
from __future__ import annotations

import copy

from legaldraft.model import walk
from legaldraft.render.numbering import Numbering
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
    _strip(data)
    return data


def _strip(node) -> None:
    if isinstance(node, dict):
        for key in ("id", "lebar"):
            node.pop(key, None)
        if "pasal" in node and ("ayat" in node or "teks" in node or "definisi" in node or "formula" in node):
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

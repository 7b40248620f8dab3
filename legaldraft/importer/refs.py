"""Written references ("sebagaimana dimaksud dalam Pasal 5 ayat (2)", "pada ayat (1)", "huruf a") -> [[id]].

A reference is replaced only when the generated text of the replacement, at that place, is identical to what
the document says; the imported spec then renumbers safely and reads exactly the same.
"""
from __future__ import annotations

import re

from ..model import Ayat, Butir, Diktum, Pasal, walk
from ..naskah.numbering import Numbering
import json
from ..naskah.numbers import letters, roman

_ONE = r"(?:Pasal \d+[A-Z]?(?: ayat \(\d+\))?(?: huruf [a-z]+)?(?: angka \d+)?|ayat \(\d+\)(?: huruf [a-z]+)?(?: angka \d+)?|huruf [a-z]+(?: angka \d+)?|Diktum KE[A-Z]+(?: [A-Z]+)?|Lampiran(?: [IVX]+\b)?)"
REFERENCE = re.compile(rf"(?P<dimaksud>sebagaimana dimaksud (?:pada|dalam) )?(?P<list>{_ONE}(?:(?:, | dan |, dan ){_ONE})*)")
_SPLIT = re.compile(rf"{_ONE}")
#: a regulation named right after the reference, other than this one ('… Peraturan Bupati ini')
_OTHER_REGULATION = re.compile(r"\s+(?:Peraturan|Undang-[Uu]ndang|Keputusan|Qanun|Instruksi|Surat\s+Edaran)\b"
                               r"(?![^,.;:]{0,40}?\bini\b)")
TEXT_FIELDS = ("teks", "teks_akhir")


def link_references(doc, data: dict) -> int:
    """Rewrite references in ``data`` (the spec dict ``doc`` was validated from). Returns how many."""
    num = Numbering(doc)
    by_chain = {num.units[id(node)].chain: ident for ident, node in num.by_id.items()}
    count = 0
    for node in walk(doc):
        if not isinstance(node, (Pasal, Ayat, Butir, Diktum)):
            continue
        for name in TEXT_FIELDS:
            text = getattr(node, name, None)
            if not text or "[[" in text:
                continue
            new = _rewrite(text, node, num, by_chain)
            if new != text:
                _set(data, node.loc + (name,), new)
                count += new.count("[[")
    return count


def _rewrite(text: str, node, num: Numbering, by_chain: dict) -> str:
    here = num.units.get(id(node))
    out, last = [], 0
    for m in REFERENCE.finditer(text):
        if _OTHER_REGULATION.match(text, m.end()):
            continue        # 'Pasal 2 Peraturan Daerah Nomor 1 Tahun 2019': a Pasal of another regulation
        ids = []
        for part in _SPLIT.findall(m.group("list")):
            ident = _resolve(part, here, by_chain)
            if ident is None or _contains(num.by_id[ident], node, here):
                break
            ids.append(ident)
        else:
            candidate = f"[[{'dimaksud ' if m.group('dimaksud') else ''}{', '.join(ids)}]]"
            try:
                if num.expand(candidate, node) == m.group(0):
                    out.append(text[last: m.start()])
                    out.append(candidate)
                    last = m.end()
            except Exception:  # noqa: BLE001 - an unresolvable candidate just stays text
                pass
    out.append(text[last:])
    return "".join(out)


def _contains(target, node, here) -> bool:
    """A text never refers to the unit it stands in (the loader rejects such a loop): 'Pasal 3' inside Pasal 3."""
    return target is node or (here is not None and (here.pasal is target or here.ayat is target))


def _resolve(citation: str, here, by_chain: dict) -> str | None:
    parts = tuple(re.findall(r"Pasal \d+[A-Z]?|ayat \(\d+\)|huruf [a-z]+|angka \d+|Diktum KE[A-Z]+(?: [A-Z]+)?|Lampiran(?: [IVX]+\b)?", citation))
    candidates = [parts]
    if here is not None and here.chain:
        chain = here.chain
        for k in range(len(chain), 0, -1):
            candidates.append(chain[:k] + parts)
    for cand in candidates:
        if cand in by_chain:
            return by_chain[cand]
    return None


def _set(data, path: tuple, value) -> None:
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


def assign_ids(spec: dict) -> None:
    """Stable ids from the document's own numbering: pasal-5, pasal-5-ayat-2, pasal-5-ayat-2-huruf-a."""
    def items(owner: str, rincian: list, depth: int) -> None:
        for i, item in enumerate(rincian):
            word, mark = ("huruf", letters(i)) if depth % 2 == 0 else ("angka", str(i + 1))
            item["id"] = f"{owner}-{word}-{mark}"
            item.move_to_end("id", last=False) if hasattr(item, "move_to_end") else None
            items(item["id"], item.get("rincian", []), depth + 1)

    def pasal(p: dict) -> None:
        for ayat in p.get("ayat", []):
            items(ayat["id"], ayat.get("rincian", []), 0)
        items(p["pasal"], p.get("rincian", []), 0)

    def walk_body(nodes: list) -> None:
        for n in nodes:
            if "pasal" in n:
                pasal(n)
            else:
                walk_body(n.get("isi", []))

    walk_body(spec.get("batang_tubuh", []))
    lampiran = spec.get("lampiran", [])
    for i, lamp in enumerate(lampiran):
        lamp["id"] = "lampiran" if len(lampiran) == 1 else f"lampiran-{roman(i + 1).lower()}"
    for d in spec.get("diktum", []):
        items(d["id"], d.get("rincian", []), 0)


def prune_ids(spec: dict) -> None:
    """Keep the ids of Pasal and ayat; drop those of rincian and diktum that nothing refers to."""
    used = set(re.findall(r"\[\[(?:dimaksud )?([^\]]+)\]\]", json.dumps(spec, ensure_ascii=False, default=str)))
    used = {i.strip() for group in used for i in group.split(",")}
    used |= {c["lampiran"] for c in spec.get("perubahan", []) if isinstance(c, dict) and c.get("lampiran")}

    def visit(node) -> None:
        if isinstance(node, dict):
            if "id" in node and node["id"] not in used and ("-huruf-" in node["id"] or "-angka-" in node["id"]
                                                              or node["id"].startswith(("diktum-", "lampiran"))):
                del node["id"]
            for v in node.values():
                visit(v)
        elif isinstance(node, list):
            for v in node:
                visit(v)

    visit(spec.get("batang_tubuh", []))
    visit(spec.get("diktum", []))
    visit(spec.get("lampiran", []))

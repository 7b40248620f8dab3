"""Issue 9, the property: for any two versions A and B of a Perbup, consolidate(A, amend(A, B)) reads as B.

Trees are generated with BAB, Bagian, Pasal, ayat, huruf and definitions, then changed by random
inserts, deletes, moves and edits at every level. A third version C checks the chain: the second
Perubahan respects the numbers the first one inserted, and consolidate(A, P1, P2) reads as C.
bench/amend_bench.py runs the same property on many more cases.
"""
from __future__ import annotations

import copy
import itertools
import random

from hypothesis import HealthCheck, given, settings, strategies as st

from legaldraft.amend import plan
from legaldraft.amend.consolidate import consolidate_tree
from legaldraft.amend.diff import content, expand_texts, kind_of, label_of, tree_of, units
from legaldraft.model import PeraturanBupati, PerubahanBupati
from legaldraft.spec.profiles import load_profile

PROFILE = load_profile("contoh")[0]


class Gen:
    """Random spec data (plain dicts, as a spec is written) and random edits of it."""

    def __init__(self, rnd: random.Random):
        self.rnd = rnd
        self.counter = itertools.count(1)

    def ident(self, kind: str) -> str:
        return f"{kind}-{next(self.counter)}"

    def text(self) -> str:
        return f"Teks {next(self.counter)} {self.rnd.choice(['wajib', 'dapat', 'meliputi'])}."

    def butir(self, depth: int = 0) -> dict:
        b = {"teks": self.text()}
        if depth < 1 and self.rnd.random() < 0.2:
            b["rincian"] = [self.butir(depth + 1) for _ in range(self.rnd.randint(1, 3))]
        return b

    def ayat(self) -> dict:
        a = {"teks": self.text()}
        if self.rnd.random() < 0.8:
            a["id"] = self.ident("ayat")
        if self.rnd.random() < 0.3:
            a["rincian"] = [self.butir() for _ in range(self.rnd.randint(1, 3))]
        return a

    def pasal(self) -> dict:
        p = {"pasal": self.ident("pasal")}
        if self.rnd.random() < 0.5:
            p["ayat"] = [self.ayat() for _ in range(self.rnd.randint(1, 4))]
        else:
            p["teks"] = self.text()
            if self.rnd.random() < 0.3:
                p["rincian"] = [self.butir() for _ in range(self.rnd.randint(1, 3))]
        return p

    def definisi(self) -> dict:
        return {"id": self.ident("def"), "istilah": f"Istilah {next(self.counter)}", "arti": self.text()}

    def bagian(self) -> dict:
        return {"bagian": f"Bagian Uji {next(self.counter)}", "id": self.ident("bagian"),
                "isi": [self.pasal() for _ in range(self.rnd.randint(1, 3))]}

    def bab(self) -> dict:
        if self.rnd.random() < 0.3:
            isi = [self.bagian() for _ in range(self.rnd.randint(1, 3))]
        else:
            isi = [self.pasal() for _ in range(self.rnd.randint(1, 4))]
        return {"bab": f"BAB UJI {next(self.counter)}", "id": self.ident("bab"), "isi": isi}

    def body(self) -> list:
        first = {"bab": "KETENTUAN UMUM", "id": "bab-ku", "isi": [
            {"pasal": "ku", "definisi": [self.definisi() for _ in range(self.rnd.randint(1, 4))]}]}
        return [first] + [self.bab() for _ in range(self.rnd.randint(1, 4))]

    # -- edits ------------------------------------------------------------------------------------
    def containers(self, body: list) -> list[list]:
        out = [body]
        for bab in body[1:]:  # not the Ketentuan Umum
            out.append(bab["isi"])
            out.extend(b["isi"] for b in bab["isi"] if "bagian" in b)
        return out

    def all_pasal(self, body: list) -> list[tuple[list, dict]]:
        return [(c, p) for c in self.containers(body)[1:] or [[]] for p in c if "pasal" in p]

    def edit(self, body: list) -> None:
        op = self.rnd.choice(["text", "text", "insert_pasal", "delete_pasal", "move_pasal", "insert_ayat",
                              "delete_ayat", "insert_bab", "delete_bab", "rename_bab", "insert_bagian", "definisi",
                              "form", "butir", "move_ayat", "move_bab", "move_definisi", "move_bagian"])
        pasal = self.all_pasal(body)
        regular = [(c, p) for c, p in pasal if "definisi" not in p]
        if op == "text" and regular:
            _, p = self.rnd.choice(regular)
            target = self.rnd.choice(p["ayat"]) if p.get("ayat") else p
            target["teks"] = self.text()
        elif op == "butir" and regular:
            _, p = self.rnd.choice(regular)
            target = self.rnd.choice(p["ayat"]) if p.get("ayat") else p
            target["rincian"] = [self.butir() for _ in range(self.rnd.randint(1, 3))]
        elif op == "insert_pasal":
            c = self.rnd.choice([c for c in self.containers(body)[1:] or [[]] if not any("bagian" in x for x in c)] or [body[-1]["isi"]])
            c.insert(self.rnd.randint(0, len(c)), self.pasal())
        elif op == "delete_pasal" and len(regular) > 1:
            c, p = self.rnd.choice(regular)
            c.remove(p)
        elif op == "move_pasal" and regular:
            c, p = self.rnd.choice(regular)
            c.remove(p)
            dest = self.rnd.choice([c for c in self.containers(body)[1:] or [[]] if not any("bagian" in x for x in c)] or [body[-1]["isi"]])
            dest.insert(self.rnd.randint(0, len(dest)), p)
        elif op == "insert_ayat":
            with_ayat = [p for _, p in regular if p.get("ayat")]
            if with_ayat:
                p = self.rnd.choice(with_ayat)
                p["ayat"].insert(self.rnd.randint(0, len(p["ayat"])), self.ayat())
        elif op == "delete_ayat":
            with_ayat = [p for _, p in regular if len(p.get("ayat", [])) > 1]
            if with_ayat:
                p = self.rnd.choice(with_ayat)
                p["ayat"].pop(self.rnd.randrange(len(p["ayat"])))
        elif op == "insert_bab":
            body.insert(self.rnd.randint(1, len(body)), self.bab())
        elif op == "delete_bab" and len(body) > 2:
            body.pop(self.rnd.randrange(1, len(body)))
        elif op == "rename_bab" and len(body) > 1:
            self.rnd.choice(body[1:])["bab"] = f"BAB BARU {next(self.counter)}"
        elif op == "insert_bagian":
            babs = [b for b in body[1:] if all("bagian" in x for x in b["isi"])]
            if babs:
                b = self.rnd.choice(babs)
                b["isi"].insert(self.rnd.randint(0, len(b["isi"])), self.bagian())
        elif op == "definisi":
            defs = body[0]["isi"][0]["definisi"]
            choice = self.rnd.random()
            if choice < 0.4:
                defs.insert(self.rnd.randint(0, len(defs)), self.definisi())
            elif choice < 0.7 and len(defs) > 1:
                defs.pop(self.rnd.randrange(len(defs)))
            else:
                self.rnd.choice(defs)["arti"] = self.text()
        elif op == "move_ayat":
            sources = [p for _, p in regular if len(p.get("ayat", [])) > 1]
            targets = [p for _, p in regular if p.get("ayat")]
            if sources:
                src = self.rnd.choice(sources)
                ayat = src["ayat"].pop(self.rnd.randrange(len(src["ayat"])))
                dest = self.rnd.choice(targets)
                dest["ayat"].insert(self.rnd.randint(0, len(dest["ayat"])), ayat)
        elif op == "move_bab" and len(body) > 2:
            bab = body.pop(self.rnd.randrange(1, len(body)))
            body.insert(self.rnd.randint(1, len(body)), bab)
        elif op == "move_definisi":
            defs = body[0]["isi"][0]["definisi"]
            d = defs.pop(self.rnd.randrange(len(defs)))
            defs.insert(self.rnd.randint(0, len(defs)), d)
        elif op == "move_bagian":
            babs = [b for b in body[1:] if len(b["isi"]) > 1 and all("bagian" in x for x in b["isi"])]
            if babs:
                isi = self.rnd.choice(babs)["isi"]
                isi.insert(self.rnd.randint(0, len(isi) - 1), isi.pop(self.rnd.randrange(len(isi))))
        elif op == "form" and regular:
            _, p = self.rnd.choice(regular)
            for key in ("teks", "rincian", "ayat"):
                p.pop(key, None)
            p.update({k: v for k, v in self.pasal().items() if k != "pasal"})


def document(body: list, final: bool = True) -> PeraturanBupati:
    data = {"daerah": "contoh", "tentang": "Uji Perubahan", "konsiderans": ["bahwa perlu diuji;"],
            "batang_tubuh": copy.deepcopy(body)}
    if final:
        data.update(status="final", nomor="1", tahun=2025,
                    pengundangan={"tanggal": "2025-01-02", "berita_daerah": {"nomor": 1}})
    return PeraturanBupati.model_validate(data)


def text_of(doc) -> tuple:
    tree = tree_of(doc)
    expand_texts(tree)
    return content(tree, labels=False)


def roundtrip(perubahan) -> PerubahanBupati:
    """Through spec data, as the drafter's YAML would be read back."""
    from legaldraft.spec.loader import to_spec_dict

    return PerubahanBupati.model_validate({k: v for k, v in to_spec_dict(perubahan).items()})


def labels_of(tree, kind: str = "pasal") -> list[str]:
    return [label_of(u) for u in units(tree) if kind_of(u) == kind]


def check_case(seed: int, edits: int) -> None:
    gen = Gen(random.Random(seed))
    body_a = gen.body()
    body_b = copy.deepcopy(body_a)
    for _ in range(edits):
        gen.edit(body_b)
    body_c = copy.deepcopy(body_b)
    for _ in range(max(1, edits // 2)):
        gen.edit(body_c)
    a, b, c = document(body_a), document(body_b), document(body_c)

    result = plan(a, b, profile=PROFILE)
    first = roundtrip(result.perubahan)
    k1 = consolidate_tree(a, first, notes=False)
    assert content(k1.tree, labels=False) == text_of(b)
    assert content(k1.tree) == content(result.new_tree), "numbers differ from the stable numbering of B"
    numbers = labels_of(k1.tree)
    assert set(labels_of(tree_of(a))) <= set(numbers), "an existing Pasal number disappeared"
    assert len(numbers) == len(set(numbers)), "a Pasal number is used twice"

    second = roundtrip(plan(a, c, earlier=[first], profile=PROFILE).perubahan)
    k2 = consolidate_tree(a, first, second, notes=False)
    assert content(k2.tree, labels=False) == text_of(c)
    assert set(numbers) <= set(labels_of(k2.tree)), "the second Perubahan renumbered a Pasal"


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(st.integers(min_value=0, max_value=2**32), st.integers(min_value=1, max_value=6))
def test_consolidate_of_amend_reads_as_the_revision(seed, edits):
    check_case(seed, edits)

"""Issue 7: property-based tests.

Random valid documents (any depth of BAB/Bagian/Paragraf/Pasal/ayat/rincian, any unicode text including
XML-special and right-to-left characters, lampiran with tables) go YAML -> loader -> blocks -> DOCX, and
python-docx reads back exactly the text of the assembled blocks; the validator never crashes on them.
Random mutations of valid spec dicts give a SpecError whose problems are all located, never another
exception.
"""
import io
import string

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legaldraft.api import check
from legaldraft.render.docx import paragraph_text
from legaldraft.render.pipeline import docx_bytes, document_blocks
from legaldraft.spec.errors import SpecError
from legaldraft.spec.loader import context_of, loads

from conftest import docx_text

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Letters, digits, punctuation incl. XML specials, Indonesian/Latin accents, Arabic and Hebrew (RTL),
# CJK and an emoji. No control characters: the loader refuses those with a located message (bad inputs).
ALPHABET = st.sampled_from(
    list(string.ascii_letters + string.digits + " .,;:()/-'\"&<>%*!?=+")
    + list("éèüßñÀ§°«»–—…") + list("مرحبا بالعالم") + list("שלום") + ["中", "文", "😀", "\u00a0", "\u200f"])
TEXT = st.text(ALPHABET, min_size=1, max_size=40).map(str.strip).filter(lambda s: len(s) >= 1)
TITLE = st.text(ALPHABET, min_size=3, max_size=30).map(str.strip).filter(lambda s: len(s) >= 3)


def rincian(depth: int):
    leaf = st.builds(lambda t: {"teks": t}, TEXT)
    if depth == 0:
        return st.lists(leaf, max_size=3)
    nested = st.builds(lambda t, r: {"teks": t, "rincian": r} if r else {"teks": t}, TEXT, rincian(depth - 1))
    return st.lists(st.one_of(leaf, nested), max_size=3)


AYAT = st.builds(lambda t, r: {"teks": t, "rincian": r} if r else {"teks": t}, TEXT, rincian(2))
PASAL = st.one_of(
    st.builds(lambda t: {"teks": t}, TEXT),
    st.builds(lambda t, r: {"teks": t, "rincian": r}, TEXT, rincian(2).filter(bool)),
    st.builds(lambda a: {"ayat": a}, st.lists(AYAT, min_size=1, max_size=4)),
)
PASALS = st.lists(PASAL, min_size=1, max_size=3)
PARAGRAF = st.builds(lambda j, isi: {"paragraf": j, "isi": isi}, TITLE, PASALS)
BAGIAN = st.builds(lambda j, isi: {"bagian": j, "isi": isi}, TITLE,
                   st.one_of(PASALS, st.lists(PARAGRAF, min_size=1, max_size=2)))
BAB = st.builds(lambda j, isi: {"bab": j, "isi": isi}, TITLE,
                st.one_of(PASALS, st.lists(BAGIAN, min_size=1, max_size=2)))
BODY = st.one_of(PASALS, st.lists(BAB, min_size=1, max_size=3))

TABEL = st.integers(1, 4).flatmap(lambda n: st.builds(
    lambda kolom, baris, nomor, judul: {"tabel": {"kolom": kolom, "baris": baris, "nomor_otomatis": nomor,
                                                   **({"judul": judul} if judul else {})}},
    st.lists(TEXT, min_size=n, max_size=n), st.lists(st.lists(TEXT, min_size=n, max_size=n), max_size=4),
    st.booleans(), st.one_of(st.none(), TITLE)))
BLOK = st.one_of(st.builds(lambda t: {"teks": t}, TEXT), TABEL,
                 st.builds(lambda j, isi: {"bab": j, "isi": isi}, TITLE, st.lists(st.builds(lambda t: {"teks": t}, TEXT), max_size=2)))
LAMPIRAN = st.builds(lambda j, isi: {"judul": j, "isi": isi}, TITLE, st.lists(BLOK, min_size=1, max_size=4))


@st.composite
def perbup(draw) -> dict:
    body = draw(BODY)
    closing = {"pasal": "mulai-berlaku", "formula": "mulai_berlaku"}
    body.append({"bab": "KETENTUAN PENUTUP", "isi": [closing]} if "bab" in body[0] else closing)
    return {
        "jenis": "perbup",
        "daerah": "contoh",
        "tentang": draw(TITLE),
        "konsiderans": draw(st.lists(TEXT, min_size=1, max_size=3)),
        "dasar_hukum": ["uu-23-2014"],
        "batang_tubuh": body,
        "lampiran": draw(st.lists(LAMPIRAN, max_size=2)),
    }


def dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def expected_paragraphs(blocks) -> list[str]:
    """What python-docx must read back for the assembled blocks (see render/docx.py)."""
    out: list[str] = []
    for block in blocks:
        if block.table is not None:
            table = block.table
            if table.judul:
                out.append(table.judul)
            header, rows = list(table.kolom), [list(r) for r in table.baris]
            if table.nomor_otomatis:
                header = ["No."] + header
                rows = [[f"{i + 1}."] + r for i, r in enumerate(rows)]
            out.extend(" | ".join(r) for r in [header] + rows)
            out.append("")
        elif block.style in ("LD Lambang", "LD Gambar"):
            out.append("")
        else:
            out.append(paragraph_text(block).replace("\n", ""))
    return [line.replace("\u00a0", " ") for line in out]   # docx_text reads non-breaking spaces as spaces


def texts_of(node) -> list[str]:
    """Every 'teks' written in the spec data."""
    if isinstance(node, dict):
        return [v for k, v in node.items() if k == "teks" and isinstance(v, str)] + \
            [t for k, v in node.items() for t in texts_of(v)]
    if isinstance(node, list):
        return [t for v in node for t in texts_of(v)]
    return []


@SETTINGS
@given(perbup())
def test_random_documents_render_to_docx_with_the_same_text(tmp_path_factory, data):
    doc = loads(dump(data), "acak.yaml", tmp_path_factory.getbasetemp())
    ctx = context_of(doc)
    check(doc)  # the validator never crashes
    blocks = document_blocks(doc, ctx)
    path = tmp_path_factory.mktemp("docx") / "acak.docx"
    path.write_bytes(docx_bytes(doc, ctx))
    paragraphs = docx_text(path)
    assert paragraphs == expected_paragraphs(blocks)
    body = "\n".join(paragraphs)
    for text in texts_of(data["batang_tubuh"]):
        assert text.replace("\u00a0", " ") in body   # as docx_text reads it


def mutate(draw, data):
    """One random mutation somewhere in the spec: wrong type, unknown key, or a deleted key."""
    containers = []

    def collect(node, path):
        if isinstance(node, dict):
            containers.append(path)
            for k, v in node.items():
                collect(v, path + (k,))
        elif isinstance(node, list):
            containers.append(path)
            for i, v in enumerate(node):
                collect(v, path + (i,))

    collect(data, ())
    path = draw(st.sampled_from(containers))
    target = data
    for step in path:
        target = target[step]
    kind = draw(st.sampled_from(["wrong_type", "unknown_key", "delete"]))
    keys = list(target.keys()) if isinstance(target, dict) else list(range(len(target)))
    if kind == "unknown_key" and isinstance(target, dict):
        target[draw(st.sampled_from(["warna", "ayatt", "tentan", "isi_", "nomor_urut"]))] = draw(TEXT)
    elif kind == "delete" and keys:
        del target[draw(st.sampled_from(keys))]
    elif keys:
        target[draw(st.sampled_from(keys))] = draw(st.sampled_from([7, 2.5, True, None, [], {}, ["x"], {"a": 1}, "teks"]))
    return data


@SETTINGS
@given(st.data())
def test_mutated_specs_give_located_problems_never_a_crash(tmp_path_factory, data):
    spec = mutate(data.draw, data.draw(perbup()))
    try:
        doc = loads(dump(spec), "mutasi.yaml", tmp_path_factory.getbasetemp())
    except SpecError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.file == "mutasi.yaml"
            assert problem.position is not None and problem.position.line >= 1, str(problem)
            assert "\n" not in str(problem)
        return
    check(doc)  # a mutation that is still valid must check and render
    docx_bytes(doc, context_of(doc))

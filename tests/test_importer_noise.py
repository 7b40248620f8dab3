"""Noise variants of the corpus (page numbers and running headers, lines broken at ~60 characters, OCR slips)
import with the same spec as the clean text."""
from __future__ import annotations

import re
import textwrap

import pytest

from legaldraft.importer import import_text

from conftest import CORPUS

CORPUS_FILES = sorted(CORPUS.glob("*.txt"))


def with_page_furniture(text: str, every: int = 17) -> str:
    out = []
    for i, line in enumerate(text.split("\n"), start=1):
        out.append(line)
        if i % every == 0:
            page = i // every + 1
            out.extend(["", ["- {} -", "~{}~", "{}"][page % 3].format(page), ""])
    return "\n".join(out)


def wrapped(text: str, width: int = 60) -> str:
    """Hard line breaks as a PDF copy has them: running paragraphs break at the width. Capitalised lines (titles,
    the boxes of a chart) are set line by line by the author already and stay as they are."""
    out = []
    for line in text.split("\n"):
        if line.startswith(("[", "|")) or line.isupper():     # editorial notes are not document text; a flattened table keeps its rows
            out.append(line)
            continue
        out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False) or [""])
    return "\n".join(out)


def ocr_slips(text: str) -> str:
    """'Pasal 1' -> 'Pasal l', 'Pasal 10' -> 'Pasal 1O' on heading lines; 'TAHUN 2020' -> 'TAHUN 2O2O' in the title."""
    def slip(m):
        n = m.group(1)
        return "Pasal " + ("l" if n == "1" else n.replace("0", "O"))
    text = re.sub(r"(?m)^((?:PERATURAN|KEPUTUSAN) BUPATI .+\n\s*NOMOR\s*:?\s*\d+\s+TAHUN\s+)(\d{4})",
                  lambda m: m.group(1) + m.group(2).replace("0", "O"), text, count=1)
    return re.sub(r"(?m)^Pasal (1\d?|\d*0)[ \t\r]*$", slip, text)


@pytest.fixture(scope="module")
def clean_specs():
    return {p.name: import_text(p.read_text(encoding="utf-8")).spec for p in CORPUS_FILES}


NOISES = {"halaman": with_page_furniture, "baris-60": wrapped, "ocr": ocr_slips,
          "semua": lambda t: with_page_furniture(wrapped(ocr_slips(t)), every=23)}


@pytest.mark.parametrize("noise", list(NOISES))
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.stem)
def test_noisy_copy_gives_the_same_spec(clean_specs, path, noise):
    noisy = NOISES[noise](path.read_text(encoding="utf-8"))
    assert import_text(noisy).spec == clean_specs[path.name]


def test_noise_helpers_do_change_the_text():
    text = (CORPUS / "perbup-tulungagung-2022-33.txt").read_text(encoding="utf-8")
    assert "\nPasal l\n" in ocr_slips(text) and "\nPasal 1O\n" in ocr_slips(text) and "TAHUN 2O22" in ocr_slips(text)
    assert max(len(x) for x in wrapped(text).split("\n") if not x.startswith("[")) <= 60 + 40   # words longer than the width stay whole
    noisy = with_page_furniture(text)
    assert "\n- 3 -\n" in noisy and "\n~4~\n" in noisy and "\n5\n" in noisy


def damaged(text: str, seed: int) -> str:
    """Lines dropped, repeated and cut short at random places (a bad scan or a careless copy)."""
    import random

    rnd = random.Random(seed)
    lines = text.split("\n")
    for _ in range(rnd.randint(1, 25)):
        k = rnd.randrange(len(lines))
        op = rnd.random()
        if op < 0.4:
            del lines[k]
        elif op < 0.7:
            lines.insert(k, lines[rnd.randrange(len(lines))])
        else:
            lines[k] = lines[k][: rnd.randint(0, len(lines[k]))]
    return "\n".join(lines)


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.stem)
def test_damaged_copy_still_imports_to_a_valid_spec(path, seed):
    from legaldraft.importer.finish import load_spec

    text = damaged(path.read_text(encoding="utf-8"), seed)
    assert text != path.read_text(encoding="utf-8")
    result = import_text(text)
    load_spec(result)     # valid (import_text already checks it; this makes the promise explicit)
    assert result.spec["jenis"] in ("perbup", "keputusan", "pedoman")

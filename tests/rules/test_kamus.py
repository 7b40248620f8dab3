"""The spelling dictionary read on demand (legaldraft.rules.kamus.LazyDic) answers as spylls' whole dictionary does."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from legaldraft.rules import kamus

ROOT = Path(__file__).resolve().parents[2]
BASE = kamus.dictionary_path()
pytestmark = pytest.mark.skipif(BASE is None, reason="Hunspell id_ID (Debian hunspell-id) is not installed: "
                                                    "'make system-deps' installs it")


def words() -> list[str]:
    """Words of the real texts in corpus/, and forms a lookup must refuse or accept through affixes."""
    found: set[str] = set()
    for path in sorted((ROOT / "corpus").rglob("*.txt")):
        found.update(re.findall(r"[A-Za-z][A-Za-z-]*", path.read_text(encoding="utf-8", errors="replace")))
    found = set(sorted(found)[::4])  # a quarter of them, spread over the alphabet: a lookup takes milliseconds
    found.update(["sebagaimama", "dimaksdu", "ketentuian", "penerapan", "memberitahukan", "dituangkan", "Penerima",
                  "keluhan", "penyelenggara", "tunggal", "ditempatkan", "undang-undang", "tanggung-jawab", "B", "II"])
    return sorted(found)


def test_lazy_dictionary_answers_every_word_as_the_whole_dictionary():
    from spylls.hunspell import Dictionary

    whole = Dictionary.from_files(str(BASE))
    lazy = kamus.lazy_lookup(BASE)
    checked = words()
    assert len(checked) > 800
    assert [w for w in checked if lazy(w) != whole.lookup(w)] == []
    assert lazy("penerapan") and lazy("Penerima") and not lazy("sebagaimama")


def test_dic_lines_are_what_spylls_reader_yields(tmp_path):
    from spylls.hunspell.readers.file_reader import FileReader

    dic = tmp_path / "x.dic"
    dic.write_bytes(b"3\r\nab/XY\n\n  kata po:noun\r\nsatu\tdua\n")
    assert kamus.dic_lines(dic.read_text(encoding="latin-1")) == list(FileReader(str(dic), encoding="latin-1"))

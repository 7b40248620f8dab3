"""The check's prefilters never hide a finding.

To stay fast, a scanner runs only on the texts that hold one of the words or phrases it declares (``needs``), found
by one search over all the texts at once; a few rules test a substring before their regex. Each of these is checked
here against the scanner itself on every line of the project corpus (real documents), on the rules' own wrong/right
examples and on texts made to trip a careless filter: a text the scanner finds something in is always scanned.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from types import SimpleNamespace

import pytest

from legaldraft.naskah.citation_reader import DOUBLED_WORD
from legaldraft.rules import bahasa, kebersihan
from legaldraft.rules.engine import REGISTRY, load_rules
from legaldraft.rules.text import Joined, containing, fold_case, matching, scanned_texts

ROOT = Path(__file__).resolve().parents[2]

TRICKY = [
    "Pasal5 ayat 1", "2024tentang", "7 (tujuh)hari", "dan / atau", "dan  atau", "dan\tatau", "DAN/ATAU", "DAN  ATAU",
    "SELAMBAT-LAMBATNYA 14 hari", "Selambat-lambatnya", "diluar jam kerja", "DILUAR", "di ubah", "Di tetapkan", "yang yang",
    "Yang YANG", "PeraturanPeraturan", "peraturan bupati", "PERATURAN bupati", "wakil bupati", "undang-undang", "İNDANG",
    "paſal", "ıd", "kabupaten Purwakarta", "dinas Sosial", "purwakarta", "non fisik dan nonfisik", "NON-FISIK", "Rp. 500000",
    "20 persen", "20%", "١٢ hari", "dimaksud pada Pasal 5", "sebagaimana dimaksud [[ayat-1]] dan  [[x]]", "[[dimaksud x]] Pasal 3",
    " awal spasi", "akhir spasi ", "baris\n  menjorok", "tab\t\nbaris", "“kutip” dan \"lurus\"", "koma,tanpa spasi",
    "Agustus.2008", "tugas-tugas", "Tanpa mengurangi", "hal-hal yang belum diatur", "diatur lebih lanjut oleh Kepala Dinas",
    "pidana kurungan", "Penyidik berwenang", "Surat Edaran", "peraturan perundang-undangan yang berlaku", "Pasal terdahulu",
    "ayat (1) Pasal ini", "antara lain", "diwajibkan", "DLL.", "dsb", "Pasal 1, Pasal 2, dan Pasal 3", "huruf a dan b",
]


def _texts() -> list[str]:
    out = list(TRICKY)
    for path in sorted((ROOT / "corpus").rglob("*.txt")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        out += lines
        out += ["\n".join(lines[i:i + 3]) for i in range(0, len(lines), 3)]  # texts of several lines too
    for r in load_rules().values():
        out += [t for t in (r.wrong, r.right) if t]
    import legaldraft  # the texts of the specs and of the real-defect pairs, as the loader reads them
    from legaldraft.rules.engine import iter_texts

    for path in sorted(ROOT.glob("specs/**/*.yaml")) + sorted(ROOT.glob("tests/defects/*/wrong.yaml")):
        try:
            doc = legaldraft.load(path)
        except Exception:  # noqa: BLE001  (a spec that does not load has no texts to offer)
            continue
        out += [text for _, _, text in iter_texts(doc) if text]
    return out


TEXTS = _texts()


def _entries(texts=TEXTS) -> list:
    return [(None, "teks", text) for text in texts]


def _scanners() -> list:
    load_rules()
    found = {}
    for module in {r.func.__module__ for r in REGISTRY.values()}:
        for name, value in vars(importlib.import_module(module)).items():
            if callable(value) and (getattr(value, "patterns", ()) or getattr(value, "words", ())):
                found[f"{module.rsplit('.', 1)[-1]}.{name}"] = value
    return sorted(found.items())


def _missed(scan, kept: list, entries: list) -> list[str]:
    kept_ids = {id(e) for e in kept}
    return [text for entry in entries for text in (entry[2],) if id(entry) not in kept_ids and scan(text)]


def test_the_corpus_is_read():
    assert len(TEXTS) > 4000 and len(_scanners()) >= 20


@pytest.mark.parametrize("name, scanner", _scanners(), ids=[n for n, _ in _scanners()])
def test_a_scanner_is_run_on_every_text_it_finds_something_in(name, scanner):
    entries = _entries()
    kept = scanned_texts(SimpleNamespace(), scanner, entries)
    assert _missed(scanner, kept, entries) == []
    assert len(kept) < len(entries)  # the filter does filter


@pytest.mark.parametrize("daerah", ["Purwakarta", "Bandung Barat", "Kepulauan Seribu", "Seram Bagian Timur"])
def test_the_daerah_scanner_words(daerah):
    scan = kebersihan.daerah_scanner(daerah)
    entries = _entries(TEXTS + [daerah.lower(), f"Pemerintah {daerah.lower()} dan kota {daerah}"])
    kept = containing(SimpleNamespace(), entries, scan.words, cased=True)
    assert _missed(lambda t: not t.isupper() and scan(t), kept, entries) == []


def test_the_spelling_and_glued_filters():
    entries = _entries()
    ctx = SimpleNamespace()
    spelling = matching(ctx, entries, kebersihan._SPELLING_PATTERNS)
    assert _missed(lambda t: any(scan(t) for scan in kebersihan.SPELLING_SCANNERS), spelling, entries) == []
    glued = matching(ctx, entries, (kebersihan._GLUED_HINT,))
    assert _missed(kebersihan.scan_glued, glued, entries) == []
    bound = matching(ctx, entries, (kebersihan._BOUND,))
    assert _missed(lambda t: kebersihan._BOUND.search(t), bound, entries) == []


def test_the_hygiene_substring_tests():
    for text in TEXTS:
        assert bool(bahasa._SPACES.search(text)) <= bahasa._may_have_spaces(text), text


def test_lowercasing_keeps_offsets_and_the_regex_engines_case_equivalences():
    for text in ["İSTANBUL", "paſal", "ıd", "Straße", "ǅemal", "ΣΑΣ", "µ"]:
        assert len(fold_case(text)) == len(text)
    assert fold_case("PAſAL ıD İD") == "pasal id id"
    assert DOUBLED_WORD.search("Yang YANG") and matching(SimpleNamespace(), _entries(["x", "Yang YANG"]), (DOUBLED_WORD,))


def test_joined_texts_find_every_text_holding_a_word():
    texts = ["Perangkat Daerah", "perangkat daerah", "", "daerahdaerah", "x\x00y"]
    joined = Joined(texts)
    for word in ("daerah", "Daerah", "perangkat daerah", "", "\x00", "x"):
        assert list(joined.holding(word)) == [i for i, t in enumerate(texts) if word in t]


def test_the_bare_number_tests_read_only_the_tail_before_the_number():
    import re as regex

    from legaldraft.rules import bilangan
    from legaldraft.rules.text import masked

    crafted = ["Pasal : 5", "Nomor:\n 5", "Nomor : : 5", "ayat (1) DAN 2", "Pasal 3, 4, dan 5", "NIP 1964  003", "x::5",
               "Lampiran\t\t 5", "tanggal 5", "KODE 12", "sampai  dengan 7", "١٢ ٣", "ke-5", "Rp. 5"]
    checked = 0
    for text in TEXTS + crafted:
        view = masked(text)
        for m in bilangan._NUMBER.finditer(view):
            before = view[: m.start()]
            assert bilangan._exempt_before(before) == bool(bilangan._EXEMPT_BEFORE.search(before)), before[-40:]
            assert bilangan._reference_list_before(before) == bool(bilangan._REFERENCE_LIST.search(before)), before[-40:]
            assert bilangan._digit_then_space(before) == bool(regex.search(r"\d\s+$", before)), before[-40:]
            checked += 1
    assert checked > 1000


def test_the_generic_revocation_literal():
    from legaldraft.rules import perubahan

    entries = _entries(TEXTS + ["Segala ketentuan yang BERTENTANGAN dengan Peraturan ini dinyatakan tidak berlaku."])
    kept = containing(SimpleNamespace(), entries, ("yang bertentangan",), raw=True)
    assert _missed(perubahan._GENERIC_REVOCATION.search, kept, entries) == []


def test_typed_references_hold_their_words():
    from legaldraft.rules import referensi

    entries = _entries()
    kept = containing(SimpleNamespace(), entries, referensi.LITERAL_WORDS, cased=True)
    assert _missed(lambda t: list(referensi.literal_references(t)), kept, entries) == []


def test_the_jenis_case_substring_test():
    from legaldraft.rules.text import masked

    crafted = ["Wakil Bupati", "wakil bupati", "WAKIL bupati", "Staf Ahli Bupati", "pelaksana tugas BUPATI",
               "peraturan Bupati", "Peraturan bupati", "keputusan Wali Kota", "Peraturan walikota", "keputusan Gubernur",
               "Undang-undang", "undang-Undang", "perundang-undangan", "Peraturan Bupati", "WAKıL BUPATI"]
    for text in TEXTS + crafted:
        view = masked(text)
        assert bool(bahasa._JENIS_CASE.search(view)) <= bahasa._may_miscase(view), text


def test_the_rule_level_substring_and_pattern_tests():
    from legaldraft.rules import delegasi, ketentuan_umum

    ctx = SimpleNamespace()
    entries = _entries(TEXTS + ["Dinas  SLRT", "A-B dan X1Y", "koma,Tanpa", "“a” \"b\"", "Lebih  LANJUT"])
    abbreviations = matching(ctx, entries, (ketentuan_umum._TWO_CAPITALS,))
    assert _missed(lambda t: ketentuan_umum._undefined_abbreviations(t, set()), abbreviations, entries) == []
    glued = {id(e) for e in matching(ctx, entries, (bahasa._GLUED_PUNCT,))}
    for entry in entries:
        text = entry[2]
        if bahasa.scan_hygiene(text):
            assert id(entry) in glued or bahasa._may_have_spaces(text) or ('"' in text and ("“" in text or "”" in text))
        if delegasi._FURTHER.search(text):
            assert "lanjut" in text.lower()

"""The Indonesian dictionary: Hunspell id_ID (Debian package hunspell-id, from the LibreOffice dictionaries, MPL-2.0),
read with spylls (a pure-Python port of Hunspell). Read once, on first use: only when a text holds a word close to a
fixed word of the legal formulae (rule BHS-012), which most real specs do ('penerima', 'tunggal').

spylls parses all 31,000 entries of the .dic up front (about 0.4 s); a check looks up a handful of words. So the .dic
lines are only grouped by the first letters of their stem, and a group is parsed by spylls' own reader when a lookup
first asks for a stem in it (:class:`LazyDic`): the same entries, the same answers, in about 30 ms. A dictionary
whose lookup could need other entries (compounding, IGNORE, German or Turkic casing, escaped slashes) is read whole.

Where the dictionary is looked for: $LEGALDRAFT_HUNSPELL_ID (the path without .dic/.aff), then the Debian and
Fedora locations. None when it is not installed: the rule then reports nothing, and says so in docs/rules.md.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

PLACES = ("/usr/share/hunspell/id_ID", "/usr/share/myspell/id_ID", "/usr/share/myspell/dicts/id_ID")


def dictionary_path() -> Optional[Path]:
    for place in filter(None, (os.environ.get("LEGALDRAFT_HUNSPELL_ID"), *PLACES)):
        base = Path(place)
        if base.with_suffix(".dic").is_file() and base.with_suffix(".aff").is_file():
            return base
    return None


@lru_cache(maxsize=1)
def dictionary() -> Optional[Callable[[str], bool]]:
    """``is_word(w)``, or None when no dictionary (or no spylls) is installed."""
    base = dictionary_path()
    if base is None:
        return None
    try:
        lookup = lazy_lookup(base)
    except ImportError:  # pragma: no cover - spylls is an install requirement
        return None
    cache: dict[str, bool] = {}

    def is_word(word: str) -> bool:
        if word not in cache:
            cache[word] = bool(lookup(word))
        return cache[word]

    return is_word


_KEY = re.compile(r"[^/\s]{0,3}")


def _key(text: str) -> str:
    """The group of a stem, and of a .dic line: its first three letters before any '/' or space, in lower case. A
    stem is the start of its line, so a stem and its line share a key."""
    head = text[:3]
    if "/" in head or head.split() != [head]:  # rare: a stem shorter than three letters, or with a space
        head = _KEY.match(head).group()
    return head.lower()


def lazy_lookup(base: Path) -> Callable[[str], bool]:
    """spylls' Hunspell lookup of the dictionary ``base`` (.aff and .dic), its .dic entries parsed on demand."""
    from spylls.hunspell import Dictionary  # lazy: the dictionary is read on first use only
    from spylls.hunspell.algo.capitalization import Casing  # lazy: idem
    from spylls.hunspell.algo.lookup import Lookup  # lazy: idem
    from spylls.hunspell.readers import read_aff  # lazy: idem
    from spylls.hunspell.readers.file_reader import FileReader  # lazy: idem

    aff, context = read_aff(FileReader(f"{base}.aff"))
    with open(f"{base}.dic", encoding=context.encoding, errors="surrogateescape") as handle:
        text = handle.read()
    simple = (type(aff.casing) is Casing and not aff.IGNORE and "\\/" not in text
              and not (aff.COMPOUNDFLAG or aff.COMPOUNDBEGIN or aff.COMPOUNDRULE))
    if not simple:
        return Dictionary.from_files(str(base)).lookup
    return Lookup(aff, LazyDic(dic_lines(text), aff, context))


def dic_lines(text: str) -> list[tuple[int, str]]:
    """(line number, stripped line) of a .dic, empty lines left out: what spylls' FileReader yields to its reader."""
    lines = text.split("\n")
    if lines and lines[0].startswith("\xef\xbb\xbf"):
        lines[0] = lines[0].replace("\xef\xbb\xbf", "")
    return [(num, line) for num, raw in enumerate(lines, 1) if (line := raw.strip())]


class LazyDic:
    """A spylls ``Dic`` (``homonyms``, ``has_flag``) whose entries are parsed group by group, when first asked for."""

    def __init__(self, lines: list[tuple[int, str]], aff, context):
        self._aff, self._context, self._lines = aff, context, lines
        self._groups: dict[str, list[tuple[int, str]]] = {}
        for num, line in lines:
            self._groups.setdefault(_key(line), []).append((num, line))
        self._parsed: dict = {}

    def _read(self, key, lines):
        dic = self._parsed.get(key)
        if dic is None:
            from spylls.hunspell.readers import read_dic  # lazy: the dictionary is read on first use only

            dic = self._parsed[key] = read_dic(lines, aff=self._aff, context=self._context)
        return dic

    def homonyms(self, stem: str, *, ignorecase: bool = False) -> list:
        if ignorecase:
            # asked only for a word in capitals; spylls' lower-case index also files every lower-case entry under
            # each of its letters, so the whole dictionary answers (as spylls would)
            return self._read(None, self._lines).homonyms(stem, ignorecase=True)
        return self._read(_key(stem), self._groups.get(_key(stem), [])).homonyms(stem)

    def has_flag(self, stem: str, flag: str, *, for_all: bool = False) -> bool:
        homonyms = self.homonyms(stem)
        if not homonyms:
            return False
        return (all if for_all else any)(flag in homonym.flags for homonym in homonyms)

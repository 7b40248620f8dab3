"""The Indonesian dictionary: Hunspell id_ID (Debian package hunspell-id, from the LibreOffice dictionaries, MPL-2.0),
read with spylls (a pure-Python port of Hunspell). Loaded once, on first use (about 0.6 s): only when a text holds a
word close to a fixed word of the legal formulae (rule BHS-017).

Where the dictionary is looked for: $LEGALDRAFT_HUNSPELL_ID (the path without .dic/.aff), then the Debian and
Fedora locations. None when it is not installed: the rule then reports nothing, and says so in docs/rules.md.
"""
from __future__ import annotations

import os
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
        from spylls.hunspell import Dictionary  # lazy: loaded on first use only
    except ImportError:  # pragma: no cover - spylls is an install requirement
        return None
    loaded = Dictionary.from_files(str(base))
    cache: dict[str, bool] = {}

    def is_word(word: str) -> bool:
        if word not in cache:
            cache[word] = bool(loaded.lookup(word))
        return cache[word]

    return is_word

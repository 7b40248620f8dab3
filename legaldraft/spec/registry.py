"""Registry of national (and, through the daerah profile, regional) regulations.

The shipped data is ``data/registry.yaml`` (verification mark and source per entry). A daerah profile
adds its own entries (formation law, Perda) under ``registry:``. Amendment chains are computed per date:
``chain(key, on)`` lists the amendments in force on the penetapan date, so a 2021 Perbup cites UU 9/2015
as the latest amendment of UU 23/2014 and a 2024 Perbup cites UU 6/2023 (catalogue §23 item 4).
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib import resources
from typing import Iterable, Mapping

import yaml

from ..model.reference import Peraturan


class Registry(Mapping[str, Peraturan]):
    def __init__(self, entries: Mapping[str, Peraturan]):
        self._entries = dict(entries)
        self._amended_by: dict[str, list[str]] = {}
        for key, reg in self._entries.items():
            for target in reg.mengubah:
                self._amended_by.setdefault(target, []).append(key)

    def __getitem__(self, key: str) -> Peraturan:
        return self._entries[key]

    def __iter__(self):
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def extended(self, extra: Mapping[str, Peraturan]) -> "Registry":
        if not extra:
            return self
        return Registry({**self._entries, **extra})

    def chain(self, key: str, on: dt.date | None = None) -> list[str]:
        """Keys of the amendments of ``key`` promulgated on or before ``on``, oldest first."""
        found = []
        for amender in self._amended_by.get(key, []):
            reg = self._entries[amender]
            when = reg.diundangkan or dt.date(reg.tahun or 1900, 1, 1)
            if on is None or when <= on:
                found.append((when, amender))
        return [k for _, k in sorted(found)]

    def find(self, jenis: str, nomor: str, tahun: int) -> str | None:
        for key, reg in self._entries.items():
            if reg.jenis.value == jenis and str(reg.nomor) == str(nomor) and reg.tahun == tahun:
                return key
        return None


def parse_entries(raw: Mapping | None) -> dict[str, Peraturan]:
    return {str(k): Peraturan.model_validate(v) for k, v in (raw or {}).items()}


@lru_cache(maxsize=1)
def national() -> Registry:
    """The registry shipped with the package."""
    try:
        text = resources.files("legaldraft.spec").joinpath("data/registry.yaml").read_text(encoding="utf-8")
    except FileNotFoundError:  # pragma: no cover - only in a broken install
        return Registry({})
    return Registry(parse_entries(yaml.safe_load(text)))


def keys_like(registry: Iterable[str], key: str) -> list[str]:
    """Keys that look like a mistyped ``key``. A key of the 'kind-number-year' form is only offered one of the
    same kind sharing its number or its year: 'perpres-96-2015' is not 'perpres-95-2018', another regulation."""
    import difflib  # lazy: start-up time

    close = difflib.get_close_matches(key, list(registry), n=3, cutoff=0.5)
    parts = key.rsplit("-", 2)
    if len(parts) != 3 or not (parts[1].isdigit() and parts[2].isdigit()):
        return close
    return [c for c in close if (cp := c.rsplit("-", 2)) and len(cp) == 3 and cp[0] == parts[0]
            and (cp[1] == parts[1] or cp[2] == parts[2])]

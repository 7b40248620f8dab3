"""``legaldraft new``: commented, valid starting specs (and a daerah profile)."""
from __future__ import annotations

from importlib import resources


def scaffold(jenis: str, daerah: str = "contoh") -> str:
    text = resources.files("legaldraft.spec").joinpath(f"data/scaffold/{jenis}.yaml").read_text(encoding="utf-8")
    nama = daerah.replace("-", " ").title()
    return text.replace("{{", "\x00").replace("}}", "\x01").replace("{daerah}", daerah).replace("{Nama}", nama) \
        .replace("\x00", "{").replace("\x01", "}")

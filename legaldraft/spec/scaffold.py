"""``legaldraft new``: commented, valid starting specs (and a daerah profile)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from .errors import SpecError
from .profiles import load_profile


def _provinsi(daerah: str, where: Path | None) -> str | None:
    """The province of a daerah whose profile can be found (next to ``where`` or shipped)."""
    try:
        profile, _ = load_profile(daerah, where)
    except SpecError:
        return None
    return profile.provinsi


def scaffold(jenis: str, daerah: str = "contoh", where: Path | None = None) -> str:
    text = resources.files("legaldraft.spec").joinpath(f"data/scaffold/{jenis}.yaml").read_text(encoding="utf-8")
    nama = daerah.replace("-", " ").title()
    provinsi = (_provinsi(daerah, where) if jenis != "profil" else None) or "Jawa Barat"
    return (text.replace("{{", "\x00").replace("}}", "\x01").replace("{daerah}", daerah).replace("{Nama}", nama)
            .replace("{Provinsi}", provinsi).replace("\x00", "{").replace("\x01", "}"))

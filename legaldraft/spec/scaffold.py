"""``legaldraft new``: commented, valid starting specs (and a daerah profile), worded for the daerah's tingkat."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..model.profile import ProfilDaerah
from ..model.tingkat import TINGKAT
from .errors import SpecError
from .profiles import load_profile

#: the daerah a new spec names when none is given: the example profile of the jenis's tingkat
CONTOH = {"perwali": "contoh-kota", "pergub": "contoh-provinsi"}
#: the scaffold file of each jenis (a Peraturan Wali Kota or Gubernur has the form of a Peraturan Bupati)
FILE = {"perwali": "perbup", "pergub": "perbup"}


def _profile(daerah: str, where: Path | None) -> ProfilDaerah | None:
    """The profile of a daerah that can be found (next to ``where`` or shipped)."""
    try:
        profile, _ = load_profile(daerah, where)
    except SpecError:
        return None
    return profile


def default_daerah(jenis: str) -> str:
    return CONTOH.get(jenis, "contoh")


def scaffold(jenis: str, daerah: str | None = None, where: Path | None = None) -> str:
    daerah = daerah or default_daerah(jenis)
    text = resources.files("legaldraft.spec").joinpath(f"data/scaffold/{FILE.get(jenis, jenis)}.yaml").read_text(encoding="utf-8")
    profile = _profile(daerah, where) if jenis != "profil" else None
    nama = profile.nama if profile else daerah.replace("-", " ").title()
    provinsi = profile.provinsi if profile else "Jawa Barat"
    row = profile.tingkat_daerah if profile else TINGKAT["kabupaten"]
    words = {
        "daerah": daerah, "Nama": nama, "Provinsi": provinsi, "jenis": jenis,
        "Kepala": profile.kepala_daerah if profile else row.kepala,
        "Daerah": f"{profile.sebutan if profile else row.sebutan} {nama}",
        "Pembina": row.pembina.format(provinsi=provinsi),
    }
    text = text.replace("{{", "\x00").replace("}}", "\x01")
    for key, value in words.items():
        text = text.replace("{" + key + "}", value)
    return text.replace("\x00", "{").replace("\x01", "}")


def mismatch(jenis: str, daerah: str | None, where: Path | None = None) -> str | None:
    """Why a new spec of ``jenis`` cannot name ``daerah`` ('perwali' for a kabupaten), with the fitting jenis."""
    from ..naskah.jenis import jenis_for, tingkat_problem  # lazy: start-up time

    profile = _profile(daerah or default_daerah(jenis), where) if jenis != "profil" else None
    why = tingkat_problem(jenis, profile) if profile else None
    return f"{why}; pakai 'legaldraft new {jenis_for(profile)} …' atau --daerah yang sesuai" if why else None

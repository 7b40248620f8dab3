"""Daerah profiles: found next to the spec (``profil/NAME.yaml`` or ``profiles/NAME.yaml`` in the spec's folder
or a parent), in ``$LEGALDRAFT_PROFILES``, or among the profiles shipped with the package."""
from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from ..model.profile import ProfilDaerah
from .errors import Problem, SpecError
from .yamlpos import load_yaml
from .validation import problems_from_validation

FOLDERS = ("profil", "profiles")


def candidates(name: str, spec_dir: Path | None) -> list[Path]:
    paths: list[Path] = []
    if name.endswith((".yaml", ".yml")):
        base = spec_dir or Path.cwd()
        return [(base / name)]
    if spec_dir is not None:
        here = spec_dir.resolve()
        for folder in [here, *list(here.parents)[:3]]:
            paths.extend(folder / sub / f"{name}.yaml" for sub in FOLDERS)
    for extra in filter(None, os.environ.get("LEGALDRAFT_PROFILES", "").split(os.pathsep)):
        paths.append(Path(extra) / f"{name}.yaml")
    return paths


def builtin_names() -> list[str]:
    folder = resources.files("legaldraft.spec").joinpath("data/profiles")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


def find_profile(name: str, spec_dir: Path | None = None) -> Path | None:
    for path in candidates(name, spec_dir):
        if path.is_file():
            return path
    builtin = resources.files("legaldraft.spec").joinpath(f"data/profiles/{name}.yaml")
    if builtin.is_file():
        return Path(str(builtin))
    return None


def load_profile(name: str, spec_dir: Path | None = None, position=None, spec_file: str | None = None) -> tuple[ProfilDaerah, Path]:
    path = find_profile(name, spec_dir)
    if path is None:
        import difflib  # lazy: start-up time

        close = difflib.get_close_matches(name, builtin_names(), n=1)
        hint = f"maksud Anda '{close[0]}'?" if close else \
            f"buat berkas profil/{name}.yaml di samping spec, misalnya dengan 'legaldraft new profil profil/{name}.yaml'"
        raise SpecError([Problem(f"profil daerah '{name}' tidak ditemukan", spec_file, position, hint, code="PROFIL")])
    stat = path.stat()
    return _load_profile_file(str(path), stat.st_mtime_ns, stat.st_size), path


@lru_cache(maxsize=64)
def _load_profile_file(path: str, mtime_ns: int = 0, size: int = 0) -> ProfilDaerah:
    """Cached per file version (mtime and size are part of the key), so an edited profile is read again."""
    text = Path(path).read_text(encoding="utf-8")
    data, smap = load_yaml(text, path)
    try:
        profile = ProfilDaerah.model_validate(data)
    except ValidationError as exc:
        raise SpecError(problems_from_validation(exc, data, smap, path)) from None
    if profile.lambang and not Path(profile.lambang).is_absolute():
        profile = profile.model_copy(update={"lambang": str(Path(path).parent / profile.lambang)})
    if profile.templates and not Path(profile.templates).is_absolute():
        profile = profile.model_copy(update={"templates": str(Path(path).parent / profile.templates)})
    return profile

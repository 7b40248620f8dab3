"""Daerah profiles: ``profil/NAME.yaml`` or ``profiles/NAME.yaml`` in the spec's folder or a parent up to the
project root (the nearest folder holding ``.git``; outside a repository only the spec's own folder), then in the
folders of ``$LEGALDRAFT_PROFILES`` (an explicit opt-in, named in the output), then the profiles shipped with
the package. ``daerah:`` is a name, never a path; a profile's own files (``lambang``, ``templates``) must lie
inside the profile's folder; a profile owned by another user or writable by anyone is refused.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from ..model.profile import ProfilDaerah
from .errors import Position, Problem, SpecError
from .files import read_text
from .trust import require_trusted, search_folders
from .validation import problems_from_validation
from .yamlpos import load_yaml

FOLDERS = ("profil", "profiles")
ENV = "LEGALDRAFT_PROFILES"
NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,80}$")


def check_name(name: str, position=None, spec_file: str | None = None) -> None:
    """``daerah:`` names a profile; a path (``../x.yaml``, ``/etc/x``) is refused."""
    if not NAME.match(name) or ".." in name or name.endswith((".yaml", ".yml")):
        raise SpecError([Problem(f"daerah '{name}' harus berupa nama profil, bukan path", spec_file, position,
                                 "tulis nama saja (mis. 'purwakarta') dan simpan profilnya di profil/NAMA.yaml "
                                 "di folder proyek", code="PROFIL")])


def candidates(name: str, spec_dir: Path | None) -> list[Path]:
    """Where a profile is looked for, in order (the built-in profile comes after all of these)."""
    paths: list[Path] = []
    if spec_dir is not None:
        for folder in search_folders(spec_dir):
            paths.extend(folder / sub / f"{name}.yaml" for sub in FOLDERS)
    for extra in env_folders():
        paths.append(extra / f"{name}.yaml")
    return paths


def env_folders() -> list[Path]:
    return [Path(p) for p in os.environ.get(ENV, "").split(os.pathsep) if p.strip()]


def from_env(path: Path | None) -> bool:
    """The profile was found through ``$LEGALDRAFT_PROFILES`` (callers say so in their output)."""
    if path is None:
        return False
    return any(Path(path).parent.resolve() == folder.resolve() for folder in env_folders())


def origin_note(name: str, path: Path | None) -> str | None:
    """The line that names a profile taken from ``$LEGALDRAFT_PROFILES``, or None."""
    if from_env(path):
        return f"catatan: profil daerah '{name}' dibaca dari {path} ({ENV})"
    return None


def builtin_names() -> list[str]:
    folder = resources.files("legaldraft.spec").joinpath("data/profiles")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


def find_profile(name: str, spec_dir: Path | None = None) -> Path | None:
    if not NAME.match(name) or ".." in name:
        return None
    for path in candidates(name, spec_dir):
        if path.is_file():
            return path
    builtin = resources.files("legaldraft.spec").joinpath(f"data/profiles/{name}.yaml")
    if builtin.is_file():
        return Path(str(builtin))
    return None


def load_profile(name: str, spec_dir: Path | None = None, position=None, spec_file: str | None = None) -> tuple[ProfilDaerah, Path]:
    check_name(name, position, spec_file)
    path = find_profile(name, spec_dir)
    if path is None:
        import difflib  # lazy: start-up time

        close = difflib.get_close_matches(name, builtin_names(), n=1)
        hint = f"maksud Anda '{close[0]}'?" if close else \
            f"buat berkas profil/{name}.yaml di samping spec, misalnya dengan 'legaldraft new profil profil/{name}.yaml'"
        raise SpecError([Problem(f"profil daerah '{name}' tidak ditemukan", spec_file, position, hint, code="PROFIL")])
    if not _is_builtin(path):
        require_trusted(path, "profil daerah", spec_dir)
    stat = path.stat()
    return _load_profile_file(str(path), stat.st_mtime_ns, stat.st_size), path


def _is_builtin(path: Path) -> bool:
    builtin = Path(str(resources.files("legaldraft.spec").joinpath("data/profiles"))).resolve()
    return Path(path).resolve().parent == builtin


@lru_cache(maxsize=64)
def _load_profile_file(path: str, mtime_ns: int = 0, size: int = 0) -> ProfilDaerah:
    """Cached per file version (mtime and size are part of the key), so an edited profile is read again."""
    text = read_text(Path(path), "profil daerah")
    data, smap = load_yaml(text, path)
    if not isinstance(data, dict):
        raise SpecError([Problem("profil daerah harus berupa pemetaan 'kunci: nilai'", path, Position(1, 1),
                                 "mulai dari 'legaldraft new profil profil/NAMA.yaml'", code="PROFIL")])
    try:
        profile = ProfilDaerah.model_validate(data)
    except ValidationError as exc:
        raise SpecError(problems_from_validation(exc, data, smap, path)) from None
    folder, home = Path(path).parent, home_folder(Path(path))
    updates = {}
    for key in ("lambang", "templates"):
        value = getattr(profile, key)
        if value:
            updates[key] = str(_inside(folder, home, value, key, path, smap.get((key,))))
    if updates:
        profile = profile.model_copy(update=updates)
    if profile.templates and not Path(profile.templates).is_dir():
        raise SpecError([Problem(f"folder templat '{data.get('templates')}' tidak ada", path, smap.get(("templates",)),
                                 "buat folder itu di samping profil, atau hapus 'templates:' untuk templat bawaan",
                                 code="PROFIL")])
    if profile.lambang:
        from .. import limits  # lazy: start-up time

        try:
            limits.check_image(profile.lambang)
        except limits.LimitError as exc:
            raise SpecError([Problem(f"lambang '{data.get('lambang')}': {exc}", path, smap.get(("lambang",)),
                                     "pakai berkas PNG atau JPEG lambang yang utuh", code="PROFIL")]) from None
        except OSError as exc:
            raise SpecError([Problem(f"lambang '{data.get('lambang')}' tidak dapat dibaca ({exc.strerror or exc})", path,
                                     smap.get(("lambang",)), "periksa nama berkas lambang", code="PROFIL")]) from None
    return profile


def home_folder(profile_path: Path) -> Path:
    """The folder a profile's files must lie in: the folder holding ``profil/`` (or ``profiles/``) for a profile
    found there (so ``templates: ../templat`` beside ``profil/`` works), else the profile's own folder."""
    folder = profile_path.parent
    return folder.parent if folder.name in FOLDERS else folder


def _inside(folder: Path, home: Path, value: str, key: str, path: str, position) -> Path:
    """``value`` (relative to the profile file) resolved inside the profile's home folder; an absolute path or
    one leaving that folder is refused."""
    raw = Path(value)
    full = (folder / raw).resolve()
    base = home.resolve()
    if raw.is_absolute() or not (full == base or base in full.parents):
        raise SpecError([Problem(f"'{key}: {value}' harus berada di dalam folder profil ({home})", path, position,
                                 f"salin berkasnya ke folder profil dan tulis path relatifnya, tanpa '..'", code="PROFIL")])
    return full

"""Where legaldraft looks for project files (``.legaldraft.yaml``, ``profil/NAME.yaml``), and which it trusts.

The search goes upward from the spec's folder and stops at the project root, the nearest folder that holds
``.git``; outside a git repository only the spec's own folder is searched. So a ``/tmp/.legaldraft.yaml`` or
a ``/tmp/profil/`` written by another user of a shared machine is never found for a spec in a project.
A file that is found is still refused when another user owns it, or when anyone may write to it: its
settings would otherwise change what legaldraft checks or prints without the drafter knowing.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import Position, Problem, SpecError


def project_root(start: Path) -> Path | None:
    """The nearest folder from ``start`` upward that holds ``.git`` (a folder, or a file in a worktree)."""
    here = Path(start).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return None


def search_folders(start: Path) -> list[Path]:
    """``start`` and its parents up to the project root; only ``start`` outside a git repository."""
    here = Path(start).resolve()
    root = project_root(here)
    if root is None:
        return [here]
    folders = [here]
    for folder in here.parents:
        if len(folders) and folders[-1] == root:
            break
        folders.append(folder)
    return folders


def untrusted_reason(path: Path, start: Path | None = None) -> str | None:
    """Why ``path`` may not be trusted (owned by another user, writable by others), or None.

    Trusted owners: the user running legaldraft, root, and the owner of ``start`` (the spec's folder: a project
    mounted into a container keeps its owner's uid while root runs the build)."""
    if not hasattr(os, "getuid"):
        return None  # Windows: no owner/mode semantics to check
    try:
        info = os.stat(path)
    except OSError:
        return None  # reading it reports the problem
    owners = {os.getuid(), 0}
    if start is not None:
        try:
            owners.add(os.stat(start).st_uid)
        except OSError:
            pass
    if info.st_uid not in owners:
        owner = _user_name(info.st_uid)
        return f"dimiliki pengguna lain ({owner})"
    if info.st_mode & stat.S_IWOTH:
        return "dapat diubah oleh siapa saja (izin tulis untuk semua pengguna)"
    return None


def _user_name(uid: int) -> str:
    try:
        import pwd  # lazy: start-up time

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"uid {uid}"


def require_trusted(path: Path, what: str, start: Path | None = None) -> None:
    reason = untrusted_reason(path, start)
    if reason:
        raise SpecError([Problem(f"{what} {path} ditolak: {reason}", str(path), Position(1, 1),
                                 f"periksa isinya, lalu jadikan milik Anda dan tutup izin tulisnya: chmod o-w {path}",
                                 code="BERKAS")])

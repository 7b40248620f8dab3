"""What an output folder already holds: the build manifest, its journal, and the folder lock.

``out/.legaldraft-build.json`` records, per spec, the content hashes of everything its outputs were made
from (the spec, its daerah profile, template(s), images, the registry data and the legaldraft version)
and the hash of each output written. A spec whose inputs hash the same and whose outputs are all present
is up to date. An output whose hash differs from the recorded one was edited by hand since.

Results are appended to ``out/.legaldraft-build.journal`` as they arrive, so a build killed half-way does
not forget the outputs it did write (they would otherwise look hand-edited next time); the journal is
folded into the manifest at the start and end of every build.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from . import __version__
from .ioutil import atomic_write_text, is_leftover_tmp, open_no_follow, sha256_file

MANIFEST = ".legaldraft-build.json"
JOURNAL = ".legaldraft-build.journal"
LOCK = ".legaldraft.lock"
FORMAT = 1


@contextmanager
def output_lock(out_dir: Path, on_wait=None):
    """Exclusive lock on ``out_dir`` for the whole build; a second build waits (and says so) until the first ends."""
    out_dir.mkdir(parents=True, exist_ok=True)
    fd = open_no_follow(out_dir / LOCK, os.O_RDWR | os.O_CREAT | os.O_APPEND)
    with os.fdopen(fd, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_leftovers(out_dir: Path) -> None:
    """Temporary files of a build that was killed mid-write (only ever called under the lock)."""
    for path in out_dir.iterdir():
        if is_leftover_tmp(path):
            path.unlink(missing_ok=True)


class FileHashes:
    """Content hashes, each file read once per build (a profile or template is shared by many specs)."""

    def __init__(self):
        self._cache: dict[str, str | None] = {}

    def __call__(self, path: str | Path) -> str | None:
        key = str(path)
        if key not in self._cache:
            try:
                self._cache[key] = sha256_file(key)
            except OSError:
                self._cache[key] = None
        return self._cache[key]


def environment_hash(hashes: FileHashes) -> str:
    data = resources.files("legaldraft.spec").joinpath("data")
    registry = Path(str(data.joinpath("registry.yaml")))
    bulk = Path(str(data.joinpath("national.json.gz")))  # the generated layer (tools/build_registry.py)
    return _digest({"registry": hashes(registry), "national": hashes(bulk), "legaldraft": __version__})


def _digest(data) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()


@dataclass
class Entry:
    """One spec's record in the manifest."""

    spec_hash: str
    deps: dict[str, str]            # path -> content hash (profile, templates, images)
    env: str                        # registry data and legaldraft version
    daerah: str = ""
    profile: str = ""
    shadows: list[str] = field(default_factory=list)  # profile paths that would win if they appeared
    formats: list[str] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)  # file name in out/ -> content hash

    @property
    def key(self) -> str:
        return _digest({"spec": self.spec_hash, "deps": self.deps, "env": self.env})

    def to_json(self) -> dict:
        return {"key": self.key, "spec": self.spec_hash, "deps": self.deps, "env": self.env, "daerah": self.daerah,
                "profile": self.profile, "shadows": self.shadows, "formats": self.formats, "outputs": self.outputs}

    @classmethod
    def from_json(cls, data: dict) -> "Entry":
        return cls(data["spec"], dict(data.get("deps", {})), data.get("env", ""), data.get("daerah", ""),
                   data.get("profile", ""), list(data.get("shadows", [])), list(data.get("formats", [])), dict(data.get("outputs", {})))


class Manifest:
    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self.entries: dict[str, Entry] = {}
        self._journal = None
        self.dirty = False

    @property
    def path(self) -> Path:
        return self.out_dir / MANIFEST

    @property
    def journal_path(self) -> Path:
        return self.out_dir / JOURNAL

    def load(self) -> "Manifest":
        try:
            if self.path.is_symlink():
                raise OSError("symlink")  # not read: rebuilt, and writing it refuses the symlink
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT:
                self.entries = {k: Entry.from_json(v) for k, v in data.get("specs", {}).items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.entries = {}  # a missing or damaged manifest means: build everything
        self._replay_journal()
        return self

    def _replay_journal(self) -> None:
        if self.journal_path.is_symlink():
            return  # never read through a symlink; writing the journal refuses it with a message
        try:
            lines = self.journal_path.read_text(encoding="utf-8").splitlines()
        except OSError:
            return
        self.dirty = True
        for line in lines:
            try:
                record = json.loads(line)
                self.entries[record["spec_file"]] = Entry.from_json(record["entry"])
            except (ValueError, KeyError, TypeError):
                break  # the last line of a killed build may be cut short

    def record(self, spec_file: str, entry: Entry) -> None:
        self.entries[spec_file] = entry
        self.dirty = True
        if self._journal is None:
            fd = open_no_follow(self.journal_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
            self._journal = os.fdopen(fd, "a", encoding="utf-8")
        self._journal.write(json.dumps({"spec_file": spec_file, "entry": entry.to_json()}) + "\n")
        self._journal.flush()

    def save(self) -> None:
        """Write the manifest (atomically) when anything changed, and fold the journal in."""
        if not self.dirty:
            return
        data = {"format": FORMAT, "legaldraft": __version__,
                "specs": {k: v.to_json() for k, v in sorted(self.entries.items())}}
        atomic_write_text(self.path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
        if self._journal is not None:
            self._journal.close()
            self._journal = None
        try:
            os.unlink(self.journal_path)
        except FileNotFoundError:
            pass
        self.dirty = False

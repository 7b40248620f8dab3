"""The files of the start-up caches (:mod:`legaldraft.regexcache`, :mod:`legaldraft.codecache`): one ``marshal``
record ``(key, payload)`` in the package's own ``__pycache__``, beside the bytecode and with its trust.

A file is only ever a cache: one that is missing, larger than :data:`MAX_BYTES`, damaged, or written for another
interpreter (its key differs) reads as None, and the caller then compiles as usual.
"""
from __future__ import annotations

import marshal
import sys
from pathlib import Path

#: a cache is refused above this size (the regex cache is ~0.3 MB, the code cache ~0.6 MB)
MAX_BYTES = 8 * 1024 * 1024


def cache_path(name: str) -> Path:
    """``legaldraft/__pycache__/<name>.<interpreter tag>.bin``."""
    return Path(__file__).resolve().parent / "__pycache__" / f"{name}.{sys.implementation.cache_tag}.bin"


def read(path: Path, key: tuple):
    """The payload stored under ``key`` in ``path``; None when there is no usable cache."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return None
        stored_key, payload = marshal.loads(data)
    except Exception:  # noqa: BLE001 - a cache that cannot be read (absent, truncated, not marshal) is no cache
        return None
    return payload if stored_key == key else None


def write(path: Path, key: tuple, payload) -> Path:
    """Write ``(key, payload)`` atomically, creating the ``__pycache__`` folder if needed."""
    from .ioutil import atomic_write_bytes  # lazy: only when a cache is written

    path.parent.mkdir(exist_ok=True)
    atomic_write_bytes(path, marshal.dumps((key, payload)))
    return path

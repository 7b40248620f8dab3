"""Extra CLI commands, one module each, registered on the main group.

Each module defines ``register(main)`` and imports only click at module level (heavy imports go inside
the command), so that start-up stays fast. Adding a command never requires editing cli.py.
"""
from __future__ import annotations

import importlib
import pkgutil


def register_all(main) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(main)

"""legaldraft: draft Peraturan Bupati, Keputusan Bupati and Pedoman as code.

YAML spec -> typed models -> Tata Naskah validation -> DOCX/PDF.

The public API is imported lazily so that ``legaldraft --version`` stays fast.
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["load", "loads", "check", "build", "render_docx_bytes", "amend", "consolidate", "registry_search",
           "__version__"]


def __getattr__(name):  # PEP 562: lazy public API
    if name in ("load", "loads", "check", "build", "render_docx_bytes"):
        from . import api  # lazy: start-up time

        return getattr(api, name)
    if name in ("amend", "consolidate"):
        import importlib  # lazy: start-up time

        package = importlib.import_module(".amend", __name__)  # callable: legaldraft.amend(old, new)
        return package if name == "amend" else package.consolidate
    if name == "registry_search":
        from .spec.search import registry_search  # lazy: the registry loads on first use, not at import

        return registry_search
    raise AttributeError(name)

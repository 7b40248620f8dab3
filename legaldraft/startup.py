"""The start-up settings of one command-line run (issue 14: a whole-process ``check`` or ``build`` of a small
spec is mostly start-up, paid by every edit-check-build loop and every pre-commit run).

Only the command line uses this module, and what it changes is restored when the command ends, so a program
that runs the CLI in-process (click's ``CliRunner``, a test) keeps its own settings. The measures that last
for the process (the regular-expression cache, the skipped plugin lookup) are taken only when the command is
the whole process.
"""
from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys
import types

PLUGINS_ENV = "PYDANTIC_DISABLE_PLUGINS"
#: the values with which pydantic loads no plugin at all (pydantic/plugin/_loader.py, ``get_plugins``)
NO_PLUGINS = ("__all__", "1", "true")
PLUGIN_LOADER = "pydantic.plugin._loader"


@contextlib.contextmanager
def short_run(whole_process: bool = False):
    """Start-up settings of one command (restored after it, for a program that runs the CLI in-process).

    - The cyclic garbage collector sweeps rarely: a command creates tens of thousands of long-lived objects
      (modules, pydantic schemas, compiled patterns) and few cycles, and with the default thresholds it swept
      them about 120 times in a ``check`` of 10 Pasal (a fifth of the process). Memory stays the same. When the
      command is the whole process, its objects are frozen at the end instead of swept once more on the way out.
    - pydantic plugins are not looked up (``PYDANTIC_DISABLE_PLUGINS``, pydantic's own switch): the lookup
      reads the metadata of every installed package on each start. A value set by the user is kept.
    - When the command is the whole process: the regular expressions and the code compiled from source strings
      by an earlier run are loaded instead of compiled again (:mod:`legaldraft.warmstart`), and pydantic's
      plugin loader is not imported at all while plugins are off (:func:`skip_plugin_loader`).
    """
    thresholds = gc.get_threshold()
    plugins = os.environ.get(PLUGINS_ENV)
    gc.set_threshold(100_000, 50, 100)
    if plugins is None:
        os.environ[PLUGINS_ENV] = "__all__"
    compiler = None
    if whole_process:
        from .warmstart import warm  # lazy: only when the command is the whole process

        _, compiler = warm()
        skip_plugin_loader()
    try:
        yield
    finally:
        if compiler is not None:
            compiler.uninstall()
        if whole_process:
            gc.freeze()
        gc.set_threshold(*thresholds)
        if plugins is None:
            os.environ.pop(PLUGINS_ENV, None)


def skip_plugin_loader() -> bool:
    """With plugins off, answer pydantic's one question to its plugin loader ("which plugins?": none) without
    importing the loader, whose first line imports ``importlib.metadata`` and through it ``email``, ``zipfile``
    and ``csv`` (12 ms, a twentieth of a ``check``) only to find the entry points it would then ignore.

    The stand-in answers ``get_plugins()`` as the loader itself does while ``PYDANTIC_DISABLE_PLUGINS`` says
    none, and hands any other name to the real loader, imported then. Nothing is done when plugins are on, or
    when the loader is already imported. True when the stand-in is in place."""
    if os.environ.get(PLUGINS_ENV) not in NO_PLUGINS or PLUGIN_LOADER in sys.modules:
        return False
    sys.modules[PLUGIN_LOADER] = _PluginLoaderStandIn(PLUGIN_LOADER)
    return True


class _PluginLoaderStandIn(types.ModuleType):
    def get_plugins(self):
        if os.environ.get(PLUGINS_ENV) in NO_PLUGINS:
            return ()
        return self._real().get_plugins()  # plugins turned on since: the loader decides

    def __getattr__(self, name):
        if name.startswith("__"):  # the import system asks for __path__ and the like: a module has none of them
            raise AttributeError(name)
        return getattr(self._real(), name)

    def _real(self):
        if sys.modules.get(PLUGIN_LOADER) is self:
            del sys.modules[PLUGIN_LOADER]
        return importlib.import_module(PLUGIN_LOADER)

"""Issue 14: what a whole-process ``legaldraft check`` / ``build`` loads (its start-up), and that the start-up
settings of the command line do not leak into a program that runs the CLI in-process.

Figures are printed by bench/check_bench.py; these tests hold the structure that makes them: a check of a spec
does not import the Word review, python-docx or the spelling dictionary it does not need, and does not decode
the registry's generated layer when the spec cites hand-verified regulations only.
"""
from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from legaldraft.spec.scaffold import scaffold

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
import json, sys
from legaldraft.cli import main
sys.argv = ["legaldraft", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
modules = sorted(sys.modules)  # what the command imported (the probe's own import below is not counted)
from legaldraft.spec import registry
print(json.dumps({"code": code, "modules": modules, "bulk_read": registry.bulk.cache_info().currsize}))
"""


def run(tmp_path: Path, *args: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, cwd=tmp_path, env=env,
                          timeout=120)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_check_of_a_spec_loads_only_what_a_check_needs(tmp_path):
    spec = tmp_path / "perbup.yaml"
    spec.write_text(scaffold("perbup", "contoh"), encoding="utf-8")
    found = run(tmp_path, "check", str(spec))
    assert found["code"] == 0
    loaded = set(found["modules"])
    assert "legaldraft.rules.engine" in loaded  # the check did run
    # the Word review, the DOCX writer and python-docx: for .docx drafts and for build only
    assert not {"legaldraft.review", "legaldraft.wordml.reader", "legaldraft.render.docx", "docx"} & loaded
    assert not {"urllib.request", "xml.sax.saxutils"} & loaded
    # pydantic's plugin loader (importlib.metadata and through it email) is not imported while plugins are off
    assert not {"importlib.metadata", "email.message"} & loaded
    # the scaffold cites hand-verified regulations only: the 5,900 generated entries stay unread
    assert found["bulk_read"] == 0


def test_build_writes_the_docx_without_the_review_package(tmp_path):
    """On a packaged template the writer sets the page up and writes the package as text: neither python-docx nor
    lxml is imported (their imports were a fifth of the command); the DOCX is whole and carries the body."""
    spec = tmp_path / "perbup.yaml"
    spec.write_text(scaffold("perbup", "contoh"), encoding="utf-8")
    found = run(tmp_path, "build", str(spec), "-o", str(tmp_path / "out"), "--no-progress")
    assert found["code"] == 0
    assert (tmp_path / "out" / "perbup.docx").is_file()
    loaded = set(found["modules"])
    assert "legaldraft.render.docx" in loaded
    assert "docx" not in loaded and "lxml.etree" not in loaded
    assert "legaldraft.review" not in loaded and "urllib.request" not in loaded
    with zipfile.ZipFile(tmp_path / "out" / "perbup.docx") as zf:
        assert zf.testzip() is None
        body = zf.read("word/document.xml").decode("utf-8")
    assert "Pasal\u00a01" in body and "<w:sectPr" in body and body.count("<w:body>") == 1



def test_a_daerah_with_its_own_png_lambang_builds_without_python_docx(tmp_path):
    """A final document needs the daerah's lambang: the limits check and the writer read a PNG's header themselves, so
    a profile with ``lambang:`` does not bring python-docx and lxml back; the image is in the DOCX."""
    from test_render import png

    from legaldraft.spec.profiles import find_profile

    (tmp_path / "profil").mkdir()
    profile = find_profile("contoh").read_text(encoding="utf-8")
    (tmp_path / "profil" / "daerahku.yaml").write_text(profile + "\nlambang: lambang.png\n", encoding="utf-8")
    (tmp_path / "profil" / "lambang.png").write_bytes(png(300, 330))
    spec = tmp_path / "perbup.yaml"
    spec.write_text(scaffold("perbup", "contoh").replace("daerah: contoh", "daerah: daerahku", 1), encoding="utf-8")
    found = run(tmp_path, "build", str(spec), "-o", str(tmp_path / "out"), "--no-progress")
    assert found["code"] == 0
    loaded = set(found["modules"])
    assert "docx" not in loaded and "lxml.etree" not in loaded
    with zipfile.ZipFile(tmp_path / "out" / "perbup.docx") as zf:
        media = [zf.read(name) for name in zf.namelist() if name.startswith("word/media/")]
    assert png(300, 330) in media  # the daerah's own lambang, not the placeholder


def test_a_spec_citing_a_generated_entry_reads_the_generated_layer(tmp_path):
    """The lazy read is not a skipped read: a key only the generated layer holds is still found."""
    spec = tmp_path / "perbup.yaml"
    text = scaffold("perbup", "contoh")
    assert "- uu-23-2014" in text
    spec.write_text(text.replace("  - uu-23-2014", "  - uu-23-2014\n  - pp-1-1950", 1), encoding="utf-8")
    found = run(tmp_path, "check", str(spec), "--rule", "DH-001")
    assert found["code"] in (0, 1)  # a finding is fine; an unknown key would be exit 2
    assert found["bulk_read"] == 1


def test_the_cli_run_in_process_leaves_gc_and_environment_as_they_were(cli, tmp_path):
    spec = tmp_path / "perbup.yaml"
    spec.write_text(scaffold("perbup", "contoh"), encoding="utf-8")
    before = gc.get_threshold(), gc.isenabled(), os.environ.get("PYDANTIC_DISABLE_PLUGINS")
    frozen = gc.get_freeze_count()
    result = cli("check", spec)
    assert result.exit_code == 0, result.output
    assert (gc.get_threshold(), gc.isenabled(), os.environ.get("PYDANTIC_DISABLE_PLUGINS")) == before
    assert gc.get_freeze_count() == frozen  # objects are frozen only when the command is the whole process


STAND_IN = r"""
import importlib, json, os, sys
from legaldraft import startup
os.environ.pop("PYDANTIC_DISABLE_PLUGINS", None)
out = {"plugins_on": startup.skip_plugin_loader()}
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
out["plugins_off"] = startup.skip_plugin_loader()
out["again"] = startup.skip_plugin_loader()  # already in place
from legaldraft import api
from legaldraft.spec.scaffold import scaffold
doc = api.loads(scaffold("perbup", "contoh"))  # pydantic builds its validators: asks the loader for plugins
out["findings"] = len(api.check(doc))
out["metadata_imported"] = "importlib.metadata" in sys.modules
from pydantic.plugin import _loader
out["stand_in_answers"] = list(_loader.get_plugins())
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "some-plugin"  # plugins on again: the real loader answers
out["real_answers"] = type(_loader.get_plugins()).__name__
out["real_loader_now"] = type(sys.modules["pydantic.plugin._loader"]).__name__ == "module"
out["real_name"] = hasattr(sys.modules["pydantic.plugin._loader"], "PYDANTIC_ENTRY_POINT_GROUP")
print(json.dumps(out))
"""


def test_pydantic_plugin_loader_is_not_imported_while_plugins_are_off(tmp_path):
    """The stand-in answers 'no plugins' exactly while pydantic's own switch says so; with plugins on it is not
    put in place, and once they are turned on the real loader (imported then) answers."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", STAND_IN], capture_output=True, text=True, cwd=tmp_path, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out["plugins_on"] is False and out["plugins_off"] is True and out["again"] is False
    assert out["findings"] >= 0 and out["metadata_imported"] is False
    assert out["stand_in_answers"] == []
    assert out["real_answers"] != "tuple" and out["real_loader_now"] and out["real_name"]


def test_the_rule_modules_a_check_skips_declare_no_rule():
    """load_rules imports every module of legaldraft/rules except its support modules: a module that declares a
    rule must never be among them (its rules would silently not run)."""
    import importlib

    from legaldraft.rules.engine import SUPPORT_MODULES, load_rules

    for name in SUPPORT_MODULES:  # imported here, so that a rule one of them declared would be registered
        importlib.import_module(f"legaldraft.rules.{name}")
    declared = {r.func.__module__.rsplit(".", 1)[-1] for r in load_rules().values() if r.func}
    assert declared and not declared & SUPPORT_MODULES


def test_no_model_field_defaults_to_a_builtin_factory():
    """pydantic reads a default factory's signature for each field at start-up; for the builtin ``list`` or ``dict``
    that signature is text parsed with ``ast`` (model.base.empty_list / empty_dict are read from their code)."""
    import pydantic

    import legaldraft.model as model

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    models = {cls for cls in subclasses(pydantic.BaseModel) if cls.__module__.startswith("legaldraft.model")}
    assert len(models) > 40 and model.Pasal in models
    builtin = [f"{cls.__name__}.{name}" for cls in models for name, info in cls.model_fields.items()
               if info.default_factory in (list, dict, set, tuple)]
    assert builtin == []

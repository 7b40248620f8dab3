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
from pathlib import Path

from legaldraft.spec.scaffold import scaffold

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
import json, sys
from legaldraft.cli import main
from legaldraft.spec import registry
sys.argv = ["legaldraft", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules), "bulk_read": registry.bulk.cache_info().currsize}))
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
    # the scaffold cites hand-verified regulations only: the 5,900 generated entries stay unread
    assert found["bulk_read"] == 0


def test_build_writes_the_docx_without_the_review_package(tmp_path):
    spec = tmp_path / "perbup.yaml"
    spec.write_text(scaffold("perbup", "contoh"), encoding="utf-8")
    found = run(tmp_path, "build", str(spec), "-o", str(tmp_path / "out"), "--no-progress")
    assert found["code"] == 0
    assert (tmp_path / "out" / "perbup.docx").is_file()
    loaded = set(found["modules"])
    assert "docx" in loaded and "legaldraft.review" not in loaded and "urllib.request" not in loaded


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

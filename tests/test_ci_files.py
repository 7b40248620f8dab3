"""Issue 5 item 3: the CI workflow and the pre-commit hook parse, and every legaldraft call they make names
real CLI commands and options."""
import re
import shlex

import click
import pytest
import yaml

from conftest import ROOT

from legaldraft.cli import main

WORKFLOW = ROOT / ".github" / "workflows" / "drafts.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"


def _options_of(command_name: str) -> set[str]:
    command = main.commands[command_name]
    names: set[str] = set()
    for param in command.params:
        if isinstance(param, click.Option):
            names.update(param.opts)
            names.update(param.secondary_opts)
    return names | {"-h", "--help"}


def _choices_of(command_name: str, option: str) -> list[str] | None:
    for param in main.commands[command_name].params:
        if option in getattr(param, "opts", ()) and isinstance(param.type, click.Choice):
            return list(param.type.choices)
    return None


def _assert_real_invocation(argv: list[str]) -> None:
    """argv starts after 'legaldraft': a known command, known options, and valid values for choices."""
    assert argv, "legaldraft tanpa perintah"
    command, *rest = argv
    assert command in main.commands, f"perintah tidak dikenal: {command}"
    known = _options_of(command)
    for i, token in enumerate(rest):
        if token.startswith("-"):
            assert token in known, f"opsi tidak dikenal untuk '{command}': {token}"
            choices = _choices_of(command, token)
            if choices is not None:
                assert rest[i + 1] in choices, f"{token} {rest[i + 1]}: bukan salah satu dari {choices}"


def _legaldraft_calls(script: str) -> list[list[str]]:
    calls = []
    for line in script.splitlines():
        line = line.split(">", 1)[0]  # drop shell redirection
        if line.strip().startswith("legaldraft "):
            calls.append(shlex.split(line)[1:])
    return calls


@pytest.fixture(scope="module")
def workflow():
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_workflow_parses_and_triggers_on_specs(workflow):
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads the key 'on' as True
    assert "specs/**" in triggers["push"]["paths"]
    assert workflow["permissions"]["security-events"] == "write"


def test_workflow_checks_with_sarif_uploads_and_builds_pdf(workflow):
    steps = workflow["jobs"]["drafts"]["steps"]
    scripts = "\n".join(s.get("run", "") for s in steps)
    calls = _legaldraft_calls(scripts)
    assert ["check", "specs/", "--format", "sarif"] in calls
    assert any(c[:4] == ["build", "specs/", "-o", "out/"] and "--pdf" in c for c in calls)
    for call in calls:
        _assert_real_invocation(call)
    assert "> results.sarif" in scripts
    uses = {s["uses"].split("@")[0]: s for s in steps if "uses" in s}
    assert uses["github/codeql-action/upload-sarif"]["with"]["sarif_file"] == "results.sarif"
    assert uses["actions/upload-artifact"]["with"]["path"] == "out/"
    assert re.search(r"apt-get install .*libreoffice-writer-nogui", scripts.replace("\\\n", " "))
    # the build runs even when check finds errors; the job fails at the end
    check = next(s for s in steps if s.get("id") == "check")
    assert check["continue-on-error"] is True
    assert steps[-1]["if"] == "steps.check.outcome == 'failure'"


def test_precommit_hook_names_real_cli_and_filters_files():
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "legaldraft-check")
    assert hook["language"] == "python"
    entry = shlex.split(hook["entry"])
    assert entry[0] == "legaldraft"
    _assert_real_invocation(entry[1:] + hook.get("args", []))
    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])

    def selected(path):  # pre-commit: 'files' searched, then 'exclude' searched
        return bool(files.search(path)) and not exclude.search(path)

    assert selected("specs/purwakarta/perbup-slrt.yaml")
    assert selected("drafts/kepbup.yml")
    assert not selected("specs/profil/purwakarta.yaml")
    assert not selected("profiles/lahat.yaml")
    assert not selected(".pre-commit-config.yaml")
    assert not selected(".github/workflows/drafts.yml")
    assert not selected("specs/purwakarta/perbup-slrt.docx")


def test_readme_documents_both():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## CI dan pre-commit", 1)[1].split("\n## ", 1)[0]
    assert ".github/workflows/drafts.yml" in section and "legaldraft-check" in section
    assert "--format sarif" in section and "upload-sarif" in section


def test_workflow_check_step_on_this_repository_gives_clean_sarif():
    """What the workflow's check step produces for specs/: valid SARIF, repository-relative paths, no error."""
    import json
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "legaldraft", "check", "specs/", "--format", "sarif"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    sarif = json.loads(proc.stdout)
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    assert all(r["level"] != "error" for r in results)
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in results for loc in r["locations"]}
    assert all(u.startswith("specs/") for u in uris)

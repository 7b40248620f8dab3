"""Issue 3: rule configuration. Severity merge order: rule default < profile 'aturan' < project
.legaldraft.yaml < caller/CLI; project and inline suppressions need a reason."""
import pytest

import legaldraft
from legaldraft.spec.errors import SpecError

from conftest import ROOT

BASE = (ROOT / "tests" / "seeded" / "specs" / "slrt.yaml").read_text(encoding="utf-8")
# one ayat removed: pasal 'pemantauan' keeps a lone ayat (BT-009, warning by default)
LONE = BASE.replace("\n          - teks: Ketentuan lebih lanjut mengenai tata cara pemantauan dan evaluasi diatur dengan Keputusan Bupati.", "")
PROFILE = """nama: Contoh
provinsi: Jawa Barat
tempat_penetapan: Contoh
aturan: {BT-009: info}
"""


def severity_of(findings, rule_id):
    levels = [f.severity.value for f in findings if f.rule.id == rule_id]
    return levels[0] if levels else None


@pytest.fixture
def project(tmp_path):
    """drafts/perbup.yaml inside a project folder (a git repository: its root holds .git); returns (spec path,
    project folder)."""
    (tmp_path / ".git").mkdir()
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    spec = drafts / "perbup.yaml"
    spec.write_text(LONE, encoding="utf-8")
    return spec, tmp_path


def test_rule_default_without_configuration(project):
    spec, _ = project
    assert severity_of(legaldraft.check(legaldraft.load(spec)), "BT-009") == "warning"


def test_merge_order_profile_project_caller(project):
    spec, root = project
    (root / "profil").mkdir()
    (root / "profil" / "contoh.yaml").write_text(PROFILE, encoding="utf-8")
    spec.write_text(LONE.replace("daerah: purwakarta", "daerah: contoh"), encoding="utf-8")
    assert severity_of(legaldraft.check(legaldraft.load(spec)), "BT-009") == "info"        # profile
    (root / ".legaldraft.yaml").write_text("aturan:\n  BT-009: error\n  KU-006: off\n", encoding="utf-8")
    doc = legaldraft.load(spec)
    assert severity_of(legaldraft.check(doc), "BT-009") == "error"                          # project over profile
    assert severity_of(legaldraft.check(doc, severities={"BT-009": "warning"}), "BT-009") == "warning"  # caller wins
    assert severity_of(legaldraft.check(doc, severities={"BT-009": "off"}), "BT-009") is None


def test_bare_off_in_yaml_turns_a_rule_off(project):
    spec, root = project
    (root / ".legaldraft.yaml").write_text("aturan: {BT-009: off}\n", encoding="utf-8")
    assert severity_of(legaldraft.check(legaldraft.load(spec)), "BT-009") is None


def test_project_suppression_with_reason_and_scope(project):
    spec, root = project
    (root / ".legaldraft.yaml").write_text(
        "abaikan:\n  - aturan: BT-009\n    alasan: praktik daerah menomori ayat tunggal\n    di: penyelenggara\n", encoding="utf-8")
    assert severity_of(legaldraft.check(legaldraft.load(spec)), "BT-009") == "warning"  # another pasal
    (root / ".legaldraft.yaml").write_text(
        "abaikan:\n  - aturan: BT-009\n    alasan: praktik daerah menomori ayat tunggal\n    di: pemantauan\n", encoding="utf-8")
    assert severity_of(legaldraft.check(legaldraft.load(spec)), "BT-009") is None


@pytest.mark.parametrize("content,message", [
    ("abaikan:\n  - aturan: BT-009\n", "penekanan BT-009 tanpa alasan"),
    ("aturan:\n  XX-999: off\n", "aturan 'XX-999' tidak dikenal"),
    ("aturan:\n  BT-009: keras\n", "tingkat 'keras' untuk BT-009 tidak dikenal"),
    ("atura:\n  BT-009: off\n", "kunci 'atura' tidak dikenal"),
    ("aturan: [BT-009]\n", "'aturan' berupa pemetaan ID: tingkat dan 'abaikan' berupa daftar"),
])
def test_invalid_project_file_is_reported_with_position(project, content, message):
    spec, root = project
    (root / ".legaldraft.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(SpecError) as exc:
        legaldraft.check(legaldraft.load(spec))
    problem = exc.value.problems[0]
    assert problem.message == message and problem.file.endswith(".legaldraft.yaml") and problem.position.line >= 1


def test_inline_suppression_needs_reason_and_can_target_a_unit(write_spec):
    spec = LONE.replace("\npenetapan:", "\nabaikan:\n  - aturan: BT-009\n    alasan: praktik daerah ini\n    di: pemantauan\npenetapan:")
    assert severity_of(legaldraft.check(legaldraft.load(write_spec(spec))), "BT-009") is None
    elsewhere = spec.replace("di: pemantauan", "di: penyelenggara")
    assert severity_of(legaldraft.check(legaldraft.load(write_spec(elsewhere, "b.yaml"))), "BT-009") == "warning"
    with pytest.raises(SpecError):
        legaldraft.load(write_spec(spec.replace("alasan: praktik daerah ini", "alasan: x"), "c.yaml"))


def test_cli_check_follows_project_file(cli, project):
    spec, root = project
    assert cli("check", spec).exit_code == 0
    (root / ".legaldraft.yaml").write_text("aturan: {BT-009: error}\n", encoding="utf-8")
    result = cli("check", spec)
    assert result.exit_code == 1 and "galat BT-009" in result.output


def test_cli_option_wins_over_project_file(cli, project):
    spec, root = project
    (root / ".legaldraft.yaml").write_text("aturan: {BT-009: error}\n", encoding="utf-8")
    result = cli("check", spec, "--aturan", "BT-009=info")
    assert result.exit_code == 0 and "info BT-009" in result.output
    assert cli("check", spec, "--aturan", "BT-009=keras").exit_code == 3


def test_on_restores_the_rule_default_over_the_profile(project):
    spec, root = project
    (root / "profil").mkdir()
    (root / "profil" / "contoh.yaml").write_text(PROFILE.replace("BT-009: info", "BT-009: 'off'"), encoding="utf-8")
    spec.write_text(LONE.replace("daerah: purwakarta", "daerah: contoh"), encoding="utf-8")
    assert severity_of(legaldraft.check(legaldraft.load(spec)), "BT-009") is None
    (root / ".legaldraft.yaml").write_text("aturan: {BT-009: on}\n", encoding="utf-8")
    assert severity_of(legaldraft.check(legaldraft.load(spec)), "BT-009") == "warning"


def test_cli_reports_a_bad_project_file_with_exit_2(cli, project):
    spec, root = project
    (root / ".legaldraft.yaml").write_text("aturan:\n  XX-999: off\n", encoding="utf-8")
    result = cli("check", spec)
    assert result.exit_code == 2 and ".legaldraft.yaml:2:" in result.output and "Traceback" not in result.output

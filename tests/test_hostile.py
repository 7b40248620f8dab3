"""Issue 17: hostile inputs and a shared machine. Nothing found outside the project, nothing unbounded, no
internal errors.

Every hostile case of tests/hostile_cases.py runs in its own process under a memory cap (setrlimit) and a
timeout, so that a regression fails instead of eating the machine or hanging; the rest runs in-process.
"""
import errno
import fcntl
import os
import re
import shutil
import stat
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import legaldraft
from legaldraft import exitcodes, limits
from legaldraft.cli import main
from legaldraft.spec.errors import SpecError

from conftest import ROOT

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hostile_cases  # noqa: E402

MEMORY_MB = 1024      # address space of each case's process: the 1 GB zip bomb alone would need more
TIMEOUT = 60          # seconds: a hang fails the test instead of holding the suite
POSITIONED = re.compile(r"^\S+:\d+:\d+: \S")
SPEC = hostile_cases.SPEC


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return folder, hostile_cases.make(folder)


def test_every_hostile_case_exits_with_its_code_and_one_positioned_line(cases):
    folder, all_cases = cases

    def one(case):
        start = time.monotonic()
        try:
            done = hostile_cases.run(case, folder, MEMORY_MB, TIMEOUT)
        except Exception as exc:  # noqa: BLE001 - a timeout is a failure of this case, reported with the others
            return f"{case.name}: {type(exc).__name__} {exc}"
        took = time.monotonic() - start
        lines = [ln for ln in done.stderr.splitlines() if ln.strip()]
        shown = lines + done.stdout.splitlines()
        if done.returncode != case.code:
            return f"{case.name}: exit {done.returncode}, expected {case.code}: {done.stderr[-400:]}"
        if "Traceback" in done.stderr or "galat internal" in done.stderr or "MemoryError" in done.stderr:
            return f"{case.name}: {done.stderr[-400:]}"
        hits = [ln for ln in shown if case.message in ln]
        if not hits:
            return f"{case.name}: no line with {case.message!r}: {shown[:5]}"
        if case.code in (exitcodes.EXIT_INVALID, exitcodes.EXIT_PDF) and not all(POSITIONED.match(h) for h in hits):
            return f"{case.name}: not positioned: {hits}"
        if took > 30:
            return f"{case.name}: {took:.0f} s"
        return None

    with ThreadPoolExecutor(max_workers=2) as pool:
        problems = [p for p in pool.map(one, all_cases) if p]
    assert problems == [], "\n".join(problems)
    assert len(all_cases) >= 35


def test_hung_soffice_is_killed_with_its_children_and_the_lock_released(cases, monkeypatch):
    folder, all_cases = cases
    case = next(c for c in all_cases if c.name == "pdf: soffice macet")
    monkeypatch.chdir(folder)
    for key, value in case.env.items():
        monkeypatch.setenv(key, value)
    pid_file = Path(case.env["LEGALDRAFT_TEST_CHILD"])
    pid_file.unlink(missing_ok=True)
    start = time.monotonic()
    result = CliRunner().invoke(main, case.args)
    assert result.exit_code == exitcodes.EXIT_PDF, result.output
    assert time.monotonic() - start < 20
    child = int(pid_file.read_text())
    assert _gone(child), f"soffice's child {child} survived the timeout"
    with open(folder / "pdf" / "out" / ".legaldraft.lock", "a+") as handle:   # not held any more by this process
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    assert (folder / "pdf" / "out" / "arsip.docx").is_file()               # the DOCX stays written


def _gone(pid: int) -> bool:
    for _ in range(50):
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][:1]
        except FileNotFoundError:
            return True
        if state in ("Z", "X"):
            return True
        time.sleep(0.1)
    return False


def _spec(folder: Path, text: str = "Arsip dikelola oleh Dinas.", daerah: str = "contoh", name: str = "arsip.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(SPEC.format(daerah=daerah, text=text), encoding="utf-8")
    return path


# -- PDF without LibreOffice ---------------------------------------------------------------------------
def test_build_pdf_without_libreoffice_fails_unless_pdf_optional(tmp_path, monkeypatch):
    from legaldraft.render import pdf

    monkeypatch.setattr(pdf, "soffice", lambda: None)
    monkeypatch.delenv(pdf.SERVER_ENV, raising=False)
    spec = _spec(tmp_path)
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "out"), "--pdf", "--jobs", "1"])
    assert result.exit_code == exitcodes.EXIT_PDF
    assert f"{spec}:1:1: PDF tidak dibuat: LibreOffice tidak ditemukan" in result.stderr
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "out"), "--pdf", "--pdf-optional",
                                       "--force", "--jobs", "1"])
    assert result.exit_code == 0 and "peringatan: LibreOffice tidak ditemukan" in result.stderr
    assert (tmp_path / "out" / "arsip.docx").is_file() and not (tmp_path / "out" / "arsip.pdf").exists()


def test_make_run_keeps_working_without_libreoffice():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"legaldraft build specs/ -o out/ --pdf --pdf-optional", makefile)


# -- out/ hygiene --------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["arsip.docx", ".legaldraft-build.journal", ".legaldraft.lock"])
def test_symlinks_inside_out_are_refused_not_followed(tmp_path, name):
    spec = _spec(tmp_path / "src")
    out = tmp_path / "out"
    out.mkdir()
    outside = tmp_path / "di-luar"
    (out / name).symlink_to(outside)
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(out), "--jobs", "1"])
    assert result.exit_code == exitcodes.EXIT_IO, result.output
    assert f"{out / name}:1:1: berkas tidak dapat dibaca atau ditulis: berkas keluaran adalah symlink" in result.stderr
    assert not outside.exists()
    assert "Traceback" not in result.output


def test_outputs_honour_the_umask_and_keep_an_existing_mode(tmp_path):
    spec = _spec(tmp_path / "src")
    out = tmp_path / "out"
    old = os.umask(0o027)
    try:
        assert CliRunner().invoke(main, ["build", str(spec), "-o", str(out), "--jobs", "1"]).exit_code == 0
        assert stat.S_IMODE((out / "arsip.docx").stat().st_mode) == 0o640
        (out / "arsip.docx").chmod(0o644)
        assert CliRunner().invoke(main, ["build", str(spec), "-o", str(out), "--jobs", "1", "--force"]).exit_code == 0
        assert stat.S_IMODE((out / "arsip.docx").stat().st_mode) == 0o644
    finally:
        os.umask(old)


@pytest.mark.parametrize("code, hint", [(errno.ENOSPC, "disk penuh"), (errno.EROFS, "hanya-baca"),
                                        (errno.EACCES, "izin ditolak")])
def test_full_disk_or_read_only_out_is_a_clear_message_and_the_old_file_stays(tmp_path, monkeypatch, code, hint):
    from legaldraft import ioutil

    spec = _spec(tmp_path / "src")
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(spec), "-o", str(out), "--jobs", "1"]).exit_code == 0
    before = (out / "arsip.docx").read_bytes()

    def fail(path):
        raise OSError(code, os.strerror(code), str(path.parent))

    monkeypatch.setattr(ioutil, "_tmp_for", fail)
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(out), "--jobs", "1", "--force"])
    assert result.exit_code == exitcodes.EXIT_IO
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert lines and all(POSITIONED.match(ln) for ln in lines) and hint in lines[0]
    assert "galat internal" not in result.output and "Traceback" not in result.output
    assert (out / "arsip.docx").read_bytes() == before


# -- configuration and profiles only from the project ------------------------------------------------
CONFIG_OFF = "aturan: {BT-009: off, BHS-010: off}\n"


def _config_applies(spec: Path) -> bool:
    """Whether a .legaldraft.yaml (CONFIG_OFF) governs the spec."""
    from legaldraft.rules.config import project_config
    from legaldraft.spec.loader import context_of

    return bool(project_config(context_of(legaldraft.load(spec))).aturan)


def test_configuration_outside_a_git_project_is_searched_only_in_the_spec_folder(tmp_path):
    spec = _spec(tmp_path / "tmpdir" / "drafts")
    (tmp_path / "tmpdir" / ".legaldraft.yaml").write_text(CONFIG_OFF, encoding="utf-8")     # like /tmp/.legaldraft.yaml
    assert not _config_applies(spec)
    (spec.parent / ".legaldraft.yaml").write_text(CONFIG_OFF, encoding="utf-8")
    assert _config_applies(spec)


def test_configuration_search_stops_at_the_git_root(tmp_path):
    project = tmp_path / "shared" / "proyek"
    spec = _spec(project / "naskah" / "2026")
    (tmp_path / "shared" / ".legaldraft.yaml").write_text(CONFIG_OFF, encoding="utf-8")     # above the project
    (project / ".git").mkdir()
    assert not _config_applies(spec)
    (project / ".legaldraft.yaml").write_text(CONFIG_OFF, encoding="utf-8")
    assert _config_applies(spec)


def test_profiles_above_the_project_are_never_used(tmp_path):
    project = tmp_path / "tmp" / "proyek"
    (project / ".git").mkdir(parents=True)
    spec = _spec(project / "naskah", daerah="contoh")
    (tmp_path / "tmp" / "profil").mkdir()
    (tmp_path / "tmp" / "profil" / "contoh.yaml").write_text(
        hostile_cases.PROFILE.replace("Uji", "Penyusup"), encoding="utf-8")
    assert legaldraft.load(spec)._context.profile.nama == "Contoh"                       # the built-in one
    (project / "profil").mkdir()
    (project / "profil" / "contoh.yaml").write_text(hostile_cases.PROFILE.replace("Uji", "Setempat"), encoding="utf-8")
    assert legaldraft.load(spec)._context.profile.nama == "Setempat"                     # the project's own


def test_world_writable_config_and_profile_are_refused_with_their_name(tmp_path):
    (tmp_path / ".git").mkdir()
    spec = _spec(tmp_path / "naskah", daerah="uji")
    (tmp_path / "profil").mkdir()
    profile = tmp_path / "profil" / "uji.yaml"
    profile.write_text(hostile_cases.PROFILE, encoding="utf-8")
    profile.chmod(0o666)
    with pytest.raises(SpecError) as info:
        legaldraft.load(spec)
    assert f"profil daerah {profile} ditolak: dapat diubah oleh siapa saja" in str(info.value)
    profile.chmod(0o644)
    config = tmp_path / ".legaldraft.yaml"
    config.write_text(CONFIG_OFF, encoding="utf-8")
    config.chmod(0o646)
    result = CliRunner().invoke(main, ["check", str(spec)])
    assert result.exit_code == exitcodes.EXIT_INVALID
    assert f"{config}:1:1: konfigurasi {config} ditolak: dapat diubah oleh siapa saja" in result.stderr


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="changing a file's owner needs root")
def test_profile_owned_by_another_user_is_refused(tmp_path):
    (tmp_path / ".git").mkdir()
    spec = _spec(tmp_path, daerah="uji")
    (tmp_path / "profil").mkdir()
    profile = tmp_path / "profil" / "uji.yaml"
    profile.write_text(hostile_cases.PROFILE, encoding="utf-8")
    os.chown(profile, 54321, -1)
    with pytest.raises(SpecError) as info:
        legaldraft.load(spec)
    assert "ditolak: dimiliki pengguna lain (uid 54321)" in str(info.value)


def test_legaldraft_profiles_is_an_opt_in_named_in_the_output(tmp_path, monkeypatch):
    extra = tmp_path / "profil-bersama"
    extra.mkdir()
    (extra / "uji.yaml").write_text(hostile_cases.PROFILE, encoding="utf-8")
    spec = _spec(tmp_path / "naskah", daerah="uji")
    assert CliRunner().invoke(main, ["check", str(spec)]).exit_code == exitcodes.EXIT_INVALID     # not found without it
    monkeypatch.setenv("LEGALDRAFT_PROFILES", str(extra))
    note = f"catatan: profil daerah 'uji' dibaca dari {extra / 'uji.yaml'} (LEGALDRAFT_PROFILES)"
    result = CliRunner().invoke(main, ["check", str(spec)])
    assert note in result.stderr
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 0 and note in result.stderr


@pytest.mark.parametrize("daerah", ["../../etc/profil", "/etc/passwd", "profil/uji.yaml", "uji.yaml"])
def test_daerah_is_a_name_not_a_path(tmp_path, daerah):
    spec = _spec(tmp_path, daerah=daerah)
    with pytest.raises(SpecError) as info:
        legaldraft.load(spec)
    (problem,) = info.value.problems
    assert problem.message == f"daerah '{daerah}' harus berupa nama profil, bukan path" and problem.position.line == 2


def test_profile_files_stay_inside_the_profile_folder(tmp_path):
    (tmp_path / ".git").mkdir()
    spec = _spec(tmp_path / "proyek", daerah="uji")
    (tmp_path / "proyek" / "profil").mkdir()
    (tmp_path / "rahasia.png").write_bytes(hostile_cases.png(4, 4))
    profile = tmp_path / "proyek" / "profil" / "uji.yaml"
    for value in ("../../rahasia.png", str(tmp_path / "rahasia.png")):
        profile.write_text(hostile_cases.PROFILE + f"lambang: {value}\n", encoding="utf-8")
        with pytest.raises(SpecError, match="harus berada di dalam folder profil"):
            legaldraft.load(spec)
    (tmp_path / "proyek" / "profil" / "garuda.png").write_bytes(hostile_cases.png(40, 40))
    profile.write_text(hostile_cases.PROFILE + "lambang: garuda.png\n", encoding="utf-8")
    assert legaldraft.load(spec)._context.profile.lambang == str((tmp_path / "proyek" / "profil" / "garuda.png").resolve())


# -- regular expressions -------------------------------------------------------------------------------
def test_profile_pattern_runs_in_linear_time_and_a_backreference_is_refused():
    start = time.perf_counter()
    assert limits.compile_pattern("(a+)+$").fullmatch("a" * 100_000 + "!") is None
    assert time.perf_counter() - start < 1
    with pytest.raises(limits.LimitError, match="RE2"):
        limits.compile_pattern(r"(a)\1")
    with pytest.raises(limits.LimitError, match="terlalu panjang"):
        limits.compile_pattern("a" * (limits.MAX_PATTERN_CHARS + 1))


# -- limits: one module, documented, overridable -----------------------------------------------------
def test_limits_are_named_documented_and_overridable(monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in limits.OVERRIDABLE:
        assert isinstance(getattr(limits, name), int)
        assert name in readme, f"{name} is not documented in README"
    monkeypatch.setenv("LEGALDRAFT_LIMIT_MAX_IMPORT_CHARS", "20_000_000")
    assert limits.limit("MAX_IMPORT_CHARS") == 20_000_000
    monkeypatch.setenv("LEGALDRAFT_LIMIT_MAX_YAML_NODES", "999999999")   # not overridable: guards the program
    assert limits.limit("MAX_YAML_NODES") == limits.MAX_YAML_NODES


def test_a_raised_limit_lets_a_long_text_through(tmp_path, monkeypatch):
    spec = _spec(tmp_path, text="Arsip " * 20_000)  # 120 000 characters in one ayat
    with pytest.raises(SpecError, match="teks terlalu panjang"):
        legaldraft.load(spec)
    monkeypatch.setenv("LEGALDRAFT_LIMIT_MAX_TEXT_CHARS", "200000")
    assert legaldraft.load(spec).batang_tubuh


def test_odt_packages_get_the_same_zip_checks(tmp_path):
    from legaldraft.importer import ImportError_, check_source

    bomb = hostile_cases.zip_bomb(tmp_path / "bom.odt", megabytes=100, member="content.xml")
    with pytest.raises(ImportError_, match="ODT"):
        check_source(bomb)
    fine = hostile_cases.write_zip(tmp_path / "baik.odt", {"mimetype": b"application/vnd.oasis.opendocument.text",
                                                            "content.xml": b"<office:document-content/>"})
    check_source(fine)


def test_catchword_is_linear_and_decides_like_the_old_pattern():
    from legaldraft.importer.text import is_catchword

    old = re.compile(r"(?:…|\.{4,}|…\.+|\.+…)[.…\s]*\d{1,3}$")
    import random

    rng = random.Random(17)
    for _ in range(20_000):
        text = "".join(rng.choice(".… a1\u00a07") for _ in range(rng.randint(0, 14)))
        assert is_catchword(text) == bool(old.search(text)), repr(text)
    start = time.perf_counter()
    assert not is_catchword("." * 100_000 + " x") and is_catchword("Undang-undang " + "." * 100_000 + " 2")
    assert time.perf_counter() - start < 0.5


# -- amend and consolidate ---------------------------------------------------------------------------
PERUBAHAN = ROOT / "specs" / "purwakarta" / "perubahan"


@pytest.fixture
def chain(tmp_path):
    work = tmp_path / "perubahan"
    shutil.copytree(PERUBAHAN, work)
    (tmp_path / ".git").mkdir()
    shutil.copytree(ROOT / "specs" / "profil", tmp_path / "profil")
    return work


def test_consolidate_refuses_the_same_perubahan_twice(chain, tmp_path):
    result = CliRunner().invoke(main, ["consolidate", str(chain / "slrt-2026.yaml"), str(chain / "slrt-perubahan.yaml"),
                                       str(chain / "slrt-perubahan.yaml"), "-o", str(tmp_path / "k.docx")])
    assert result.exit_code == exitcodes.EXIT_INVALID
    assert re.search(r"slrt-perubahan\.yaml:\d+:\d+: Perubahan yang sama disebut dua kali", result.stderr), result.stderr
    assert not (tmp_path / "k.docx").exists()


def test_consolidate_refuses_a_perubahan_out_of_order(chain, tmp_path):
    data = yaml.safe_load((chain / "slrt-perubahan.yaml").read_text(encoding="utf-8"))
    data["perubahan_sebelumnya"] = [dict(data["mengubah"], nomor="7", tahun=2027,
                                         tentang="Perubahan atas Peraturan Bupati Nomor 12 Tahun 2026")]
    second = chain / "kedua.yaml"
    second.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    base = legaldraft.load(chain / "slrt-2026.yaml")
    with pytest.raises(SpecError) as info:
        legaldraft.consolidate(base, legaldraft.load(second), legaldraft.load(chain / "slrt-perubahan.yaml"))
    assert "urutan Perubahan salah: ini Perubahan ke-2" in str(info.value)


def test_amend_refuses_specs_of_another_daerah_or_jenis(chain, tmp_path):
    other = chain / "revisi-lain.yaml"
    other.write_text((chain / "slrt-revisi.yaml").read_text(encoding="utf-8").replace("daerah: purwakarta", "daerah: contoh"),
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["amend", str(chain / "slrt-2026.yaml"), str(other), "-o", str(tmp_path / "p.yaml")])
    assert result.exit_code == exitcodes.EXIT_INVALID
    assert re.search(r"revisi-lain\.yaml:\d+:\d+: daerah berbeda: 'purwakarta' dan 'contoh'", result.stderr), result.stderr
    assert not (tmp_path / "p.yaml").exists()
    keputusan = tmp_path / "kep.yaml"
    keputusan.write_text(hostile_cases.KEPUTUSAN.format(daerah="purwakarta", nomor="1"), encoding="utf-8")
    result = CliRunner().invoke(main, ["amend", str(chain / "slrt-2026.yaml"), str(keputusan), "-o", str(tmp_path / "p.yaml")])
    assert result.exit_code == exitcodes.EXIT_INVALID and "jenis dokumen berbeda" in result.stderr


# -- exit codes: defined once, listed in README and --help ------------------------------------------------
def test_exit_codes_are_listed_in_readme_and_help():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    help_text = CliRunner().invoke(main, ["--help"]).output
    for code, meaning in exitcodes.MEANINGS.items():
        assert re.search(rf"^\| {code} \| ", readme, re.M), f"exit code {code} missing from README"
        assert f"{code} {' '.join(meaning.split())}" in " ".join(help_text.split()), f"exit code {code} missing from --help"


@pytest.mark.parametrize("args", [["--tidak-ada"], ["check"], ["build", "x.yaml", "--format"],
                                  ["new", "bukan-jenis", "x.yaml"], ["build", "x.yaml", "-o", "a", "--out", "b"]])
def test_usage_errors_exit_3(args):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == exitcodes.EXIT_USAGE, result.output


def test_an_option_given_twice_is_refused_a_multiple_option_is_not(tmp_path):
    spec = _spec(tmp_path)
    result = CliRunner().invoke(main, ["check", str(spec), "--severity", "error", "--severity", "info"])
    assert result.exit_code == exitcodes.EXIT_USAGE and "opsi --severity diberikan dua kali" in result.output
    result = CliRunner().invoke(main, ["check", str(spec), "--rule", "BT-009", "--rule", "BHS-011"])
    assert result.exit_code == 0, result.output


# -- fuzzing the importer -----------------------------------------------------------------------------------
def test_importer_fuzz_random_structures_and_hostile_zips_under_a_memory_cap(tmp_path):
    """Random DOCX bodies (nested tables, breaks, long runs), corrupted and truncated packages, member soups with
    bombs, ODT packages, hand-made and corrupted PDFs, random text: each is imported or refused as bad input."""
    import json
    import resource
    import subprocess

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_MB << 20, MEMORY_MB << 20))

    script = Path(__file__).resolve().parent / "fuzz_importer.py"
    done = subprocess.run([sys.executable, "-W", "ignore", str(script), "17", "70", str(tmp_path / "fuzz")],
                          capture_output=True, text=True, timeout=900, preexec_fn=cap,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr[-2000:]
    summary = json.loads(done.stdout.splitlines()[-1])
    assert summary["failures"] == [], "\n\n".join(summary["failures"])
    assert summary["inputs"] == 70 and summary["imported"] >= 10 and summary["refused"] >= 10, summary


def test_a_paragraph_no_spec_can_hold_is_refused_before_the_work(tmp_path):
    from legaldraft.importer import ImportError_, import_file

    source = tmp_path / "panjang.txt"
    source.write_text("PERATURAN BUPATI CONTOH\nNOMOR 1 TAHUN 2026\nTENTANG\nARSIP\nPasal 1\n" + "kata " * 30_000 + "\n",
                      encoding="utf-8")
    with pytest.raises(ImportError_, match=r"baris 6: paragraf terlalu panjang \(149999 karakter; batas 100000\)"):
        import_file(source)

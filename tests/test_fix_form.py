"""The one fix form: a span of the spec's source and its replacement, written by ``check --fix`` keeping the
file as written (comments, indentation, quotes, null, CRLF, BOM), to the fixed point in one run."""
from __future__ import annotations

from click.testing import CliRunner

import legaldraft
from legaldraft.cli import main as cli
from legaldraft.spec.edits import Fix, apply, resolve
from legaldraft.spec.scaffold import scaffold
from legaldraft.spec.yamlpos import load_yaml

AYAT = "PPT diselenggarakan oleh Perangkat Daerah sesuai dengan kewenangannya."
UU25 = "  - uu-25-2009\n"
UU25_TEKS = ("Nomor 25 Tahun 2009 tentang Pelayanan Publik (Lembaran Negara Republik Indonesia Tahun 2009 Nomor 112, "
             "Tambahan Lembaran Negara Republik Indonesia Nomor 5038)")


def spec_text() -> str:
    text = scaffold("perbup", "contoh")
    text = text.replace(AYAT, "PPT berlaku efektif sejak Perangkat Daerah siap.  # komentar penyusun")
    text = text.replace(UU25, f"  - teks: 'Undang-undang {UU25_TEKS}'   # dari naskah lama\n")
    return text


def expected_after_fix(text: str) -> str:
    return (text.replace("PPT berlaku efektif sejak", "PPT berlaku sejak")
                .replace("'Undang-undang Nomor 25", "'Undang-Undang Nomor 25"))


def run_fix(tmp_path, data: bytes):
    path = tmp_path / "spec.yaml"
    path.write_bytes(data)
    result = CliRunner().invoke(cli, ["check", str(path), "--fix"])
    return path, result


def test_check_fix_rewrites_only_the_changed_scalars(tmp_path):
    text = spec_text()
    path, result = run_fix(tmp_path, text.encode("utf-8"))
    assert path.read_text(encoding="utf-8") == expected_after_fix(text), result.output
    assert "diperbaiki" in result.output


def test_crlf_and_bom_stay(tmp_path):
    text = spec_text().replace("\n", "\r\n")
    path, result = run_fix(tmp_path, b"\xef\xbb\xbf" + text.encode("utf-8"))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data[3:].decode("utf-8") == expected_after_fix(text), result.output
    assert b"nomor: null" in data and b"\n" not in data.replace(b"\r\n", b"")


def test_one_run_reaches_the_fixed_point(tmp_path):
    path, _ = run_fix(tmp_path, spec_text().encode("utf-8"))
    once = path.read_bytes()
    again = CliRunner().invoke(cli, ["check", str(path), "--fix"])
    assert path.read_bytes() == once and "diperbaiki" not in again.output
    assert [f for f in legaldraft.check(legaldraft.load(path)) if f.fix is not None] == []


def test_a_finding_carries_its_fix_as_span_old_and_new_text(tmp_path):
    path = tmp_path / "spec.yaml"
    path.write_text(spec_text(), encoding="utf-8")
    source = path.read_text(encoding="utf-8")
    fixes = [f.fix for f in legaldraft.check(legaldraft.load(path)) if f.fix is not None]
    assert fixes and all(f.resolved for f in fixes)
    for fix in fixes:
        start, end = fix.span
        assert source[start:end] == fix.old_text and fix.new_text != fix.old_text
    quoted = next(f for f in fixes if "Undang-undang" in f.old_text)
    assert quoted.old_text.startswith("'") and quoted.new_text == f"'Undang-Undang {UU25_TEKS}'"


def test_a_fix_is_placed_when_first_read_as_it_would_have_been_at_once(tmp_path):
    """The engine places a fix in the source only when its finding's ``fix`` is read (the text output asks
    ``fixable`` only): the placed fix is the one :func:`resolve` gives in the source as loaded, a copy or a
    pickle carries it placed, and nothing of the source travels with a finding whose fix was placed."""
    import copy
    import pickle

    path = tmp_path / "spec.yaml"
    path.write_text(spec_text(), encoding="utf-8")
    doc = legaldraft.load(path)
    findings = [f for f in legaldraft.check(doc) if f.fixable]
    assert len(findings) >= 2 and all(f.placing is not None for f in findings)  # nothing placed yet
    text, smap = findings[0].placing
    first, second = findings[0], findings[1]
    unplaced = first.__dict__["_fix"]
    assert not unplaced.resolved
    assert first.fix == resolve(unplaced, text, smap) and first.fix.resolved and first.placing is None
    assert first.fix is first.fix  # placed once
    pickled = pickle.loads(pickle.dumps(second))
    assert second.placing is None and pickled.placing is None and pickled.fix == second.fix and pickled.fix.resolved
    assert copy.copy(findings[-1]).fix == findings[-1].fix
    assert pickled == second  # equality reads the placed fix


def fix_in(text: str, loc: tuple, value) -> str:
    _, smap = load_yaml(text)
    fix = resolve(Fix(loc, value, "uji"), text, smap)
    assert fix.resolved, loc
    return apply(text, [fix])[0]


def test_a_list_item_is_deleted_with_its_line():
    text = scaffold("perbup", "contoh")
    assert fix_in(text, ("dasar_hukum", 1), None) == text.replace(UU25, "")


def test_a_mapping_entry_is_deleted_and_a_missing_one_added():
    text = scaffold("perbup", "contoh")
    after = fix_in(text, ("penetapan", "tanggal"), None)
    assert after == text.replace("  tanggal: null              # YYYY-MM-DD saat ditetapkan\n", "")
    added = fix_in(text, ("penetapan", "tempat"), "Purwakarta")
    assert "penetapan:\n  tanggal: null              # YYYY-MM-DD saat ditetapkan\n  tempat: Purwakarta\n" in added
    assert legaldraft.loads(added).penetapan.tempat == "Purwakarta"


def test_a_value_that_needs_quotes_gets_them_and_reads_back():
    text = scaffold("perbup", "contoh")
    after = fix_in(text, ("tentang",), "Pelayanan: Publik # Terpadu")
    assert 'tentang: "Pelayanan: Publik # Terpadu"\n' in after
    assert legaldraft.loads(after).tentang == "Pelayanan: Publik # Terpadu"

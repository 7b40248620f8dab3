"""Hashes of every DOCX the project can build from its own inputs, to prove a refactor changes no output.

    python bench/hash_outputs.py > before.txt      # on the old commit
    python bench/hash_outputs.py > after.txt       # on the new one
    diff before.txt after.txt

bench/output_hashes.txt holds the figures of the commit before the naskah layer (51ea618).

Covers every spec in specs/ and examples/data/, every scaffold of ``legaldraft new`` (daerah 'contoh'),
and the amendment outputs (amend, consolidate, compare, redline) of the specs/purwakarta/perubahan chain.
One line per output: ``sha256  name``. PDFs are compared by text and page count with ``--pdf`` (slow).
Run from the repository root (the package is imported from there).
"""
from __future__ import annotations

import hashlib
import io
import re
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import legaldraft  # noqa: E402


_STAMPS = re.compile(rb'<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>|w:date="[^"]*"')


def sha(data: bytes) -> str:
    """Digest of a DOCX's content: every part's bytes in name order, the creation/revision times left out
    (they change on every run), so equal digests mean the same document. Other files: their bytes."""
    digest = hashlib.sha256()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        digest.update(data)
        return digest.hexdigest()[:16]
    for name in sorted(archive.namelist()):
        digest.update(name.encode() + b"\0" + _STAMPS.sub(b"", archive.read(name)) + b"\0")
    return digest.hexdigest()[:16]


def spec_files() -> list[Path]:
    files = sorted((ROOT / "specs").rglob("*.yaml")) + sorted((ROOT / "examples" / "data").glob("*.yaml"))
    return [f for f in files if "profil" not in f.parts and not f.name.startswith(".")]  # .legaldraft.yaml: project config


def main() -> None:
    from legaldraft.spec.scaffold import scaffold

    rows: list[tuple[str, str]] = []
    for path in spec_files():
        name = str(path.relative_to(ROOT))
        try:
            doc = legaldraft.load(path)
            rows.append((sha(legaldraft.render_docx_bytes(doc)), name))
        except Exception as exc:  # noqa: BLE001  (a spec that does not build is a row too)
            rows.append((f"ERROR {type(exc).__name__}", name))
    with tempfile.TemporaryDirectory() as tmp:
        for jenis in ("perbup", "keputusan", "pedoman", "pencabutan"):
            spec = Path(tmp) / f"{jenis}.yaml"
            spec.write_text(scaffold(jenis, "contoh"), encoding="utf-8")
            try:
                rows.append((sha(legaldraft.render_docx_bytes(legaldraft.load(spec))), f"scaffold:{jenis}"))
            except Exception as exc:  # noqa: BLE001
                rows.append((f"ERROR {type(exc).__name__}", f"scaffold:{jenis}"))
        rows += amendment_rows(Path(tmp))
    for digest, name in rows:
        print(f"{digest}  {name}")


def amendment_rows(tmp: Path) -> list[tuple[str, str]]:
    """amend (old -> new spec), consolidate, compare and redline on the shipped Purwakarta chain."""
    from click.testing import CliRunner

    from legaldraft.cli import main as cli

    rows = []
    base = ROOT / "specs" / "purwakarta"
    old, new = base / "perubahan" / "slrt-2026.yaml", base / "perubahan" / "slrt-revisi.yaml"
    commands = {
        "compare": ["compare", str(old), str(new), "-o", str(tmp / "compare.docx")],
        "redline": ["redline", str(old), str(new), "-o", str(tmp / "redline.docx")],
        "amend": ["amend", str(old), str(new), "-o", str(tmp / "amend.yaml")],
        "amend-replace": ["amend", "--replace", str(old), str(new), "-o", str(tmp / "replace.yaml")],
        "consolidate": ["consolidate", str(old), str(base / "perubahan" / "slrt-perubahan.yaml"), "-o", str(tmp / "consolidate.docx")],
    }
    runner = CliRunner()
    for name, args in commands.items():
        result = runner.invoke(cli, args)
        out = Path(args[-1])
        rows.append((sha(out.read_bytes()) if out.exists() else f"ERROR exit {result.exit_code}", f"cli:{name}"))
    return rows


if __name__ == "__main__":
    main()

"""Keputusan Bupati whose member table comes from a CSV file.

    python examples/keputusan_dari_csv.py OUT_DIR [ANGGOTA.csv]

The spec template (data/keputusan-tim-pendamping.yaml) is read with a safe YAML loader, the lampiran table
is filled from the CSV (columns: kedudukan, nama, unsur, wilayah_atau_instansi), and the result goes through
the normal pipeline: load -> check -> DOCX. Exit code 1 when the check finds an error.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import yaml

import legaldraft

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "data" / "keputusan-tim-pendamping.yaml"
COLUMNS = ("kedudukan", "nama", "unsur", "wilayah_atau_instansi")


def read_members(csv_path: Path) -> list[list[str]]:
    with csv_path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = set(COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise SystemExit(f"{csv_path}: kolom tidak ada: {', '.join(sorted(missing))}")
        return [[row[c].strip() for c in COLUMNS] for row in reader if any(v.strip() for v in row.values())]


def keputusan_with_members(members: list[list[str]]):
    data = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    data["lampiran"][0]["isi"][0]["tabel"]["baris"] = members
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return legaldraft.loads(text, filename=str(TEMPLATE), base_dir=TEMPLATE.parent)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 3
    out_dir = Path(argv[0])
    csv_path = Path(argv[1]) if len(argv) > 1 else HERE / "data" / "anggota.csv"
    members = read_members(csv_path)
    doc = keputusan_with_members(members)
    errors = [f for f in legaldraft.check(doc) if f.severity.value == "error"]
    for f in errors:
        print(f"galat {f.rule.id}: {f.message}", file=sys.stderr)
    if errors:
        return 1
    written = legaldraft.build(doc, out_dir, formats=["docx"], stem="keputusan-tim-pendamping")
    print(f"{len(members)} anggota dari {csv_path.name}")
    for path in written:
        print(f"ditulis: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

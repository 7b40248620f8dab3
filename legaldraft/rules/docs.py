"""docs/rules.md, generated from the rule registry: ``python -m legaldraft.rules.docs [PATH]``.

Nothing happens on import (the engine imports every module of this package to collect rules).
"""
from __future__ import annotations

import sys
from pathlib import Path
from .engine import load_rules

DEFAULT = Path(__file__).resolve().parent.parent.parent / "docs" / "rules.md"

FAMILIES = {
    "JUD": "Judul", "PMB": "Pembukaan", "KON": "Konsiderans", "DH": "Dasar hukum", "DIK": "Diktum peraturan",
    "BT": "Batang tubuh", "KU": "Ketentuan Umum", "LST": "Rincian", "REF": "Pengacuan", "DLG": "Pendelegasian",
    "BIL": "Bilangan", "BHS": "Bahasa", "PNT": "Penutup", "LAM": "Lampiran dan Pedoman", "PJL": "Penjelasan",
    "PRB": "Perubahan", "CBT": "Pencabutan", "KEP": "Keputusan Bupati", "FMT": "Format",
}
VERIFICATION = {"P": "teks primer dibaca", "P*": "teks primer (salinan OCR)", "S": "sumber sekunder", "U": "belum terverifikasi"}


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _order(rule) -> tuple:
    family = rule.id.split("-")[0]
    keys = list(FAMILIES)
    return (keys.index(family) if family in keys else len(keys), rule.id)


def _example(label: str, text: str) -> list[str]:
    if not text:
        return []
    if "\n" in text:
        return [f"{label}:", "", "```text", text, "```", ""]
    return [f"{label}: `{text}`", ""]


def render(rules) -> str:
    ordered = sorted(rules.values(), key=_order)
    lines = [
        "# Aturan pemeriksaan Tata Naskah",
        "",
        "<!-- Dibuat oleh `python -m legaldraft.rules.docs` dari registry aturan; jangan disunting tangan. -->",
        "",
        f"`legaldraft check` menjalankan {len(ordered)} aturan. Setiap aturan mempunyai id tetap, tingkat bawaan "
        "(galat/error, peringatan/warning, info), sumber (butir UU 12/2011 Lampiran II sebagaimana diubah UU 13/2022, "
        "kecuali disebut lain) dan tanda verifikasi sumber (P, P\\*, S, U).",
        "",
        "Tingkat dapat diubah per daerah (`aturan:` di profil), per proyek (`.legaldraft.yaml` di folder spec atau "
        "folder induknya: `aturan: {KON-005: off, BT-009: error}` dan `abaikan:` dengan `alasan`), dan per spec "
        "(`abaikan: [{aturan: …, alasan: …}]`).",
        "",
        "| id | tingkat | aturan | sumber | ver | berlaku untuk |",
        "|---|---|---|---|---|---|",
    ]
    for r in ordered:
        lines.append(f"| [{r.id}](#{r.id.lower()}) | {r.severity.value} | {_cell(r.title)} | {_cell(r.source)} | "
                     f"{r.verification} | {', '.join(r.applies_to)} |")
    family = None
    for r in ordered:
        current = r.id.split("-")[0]
        if current != family:
            family = current
            lines += ["", f"## {FAMILIES.get(family, family)} ({family})"]
        lines += ["", f"### {r.id}", "", f"**{r.title}** — tingkat bawaan: {r.severity.value}; sumber: {r.source} "
                  f"(verifikasi {r.verification}: {VERIFICATION.get(r.verification, '-')})", "", " ".join(r.explanation.split()), ""]
        lines += _example("Salah", r.wrong) + _example("Benar", r.right)
    return "\n".join(lines).rstrip() + "\n"


def current() -> str:
    return render(load_rules())


def write(path: Path = DEFAULT) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(current(), encoding="utf-8")
    return path


if __name__ == "__main__":
    target = write(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
    print(f"ditulis: {target}")

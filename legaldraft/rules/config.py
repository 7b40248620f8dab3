"""Per-project rule configuration: ``.legaldraft.yaml`` in the spec's folder or one of its parents up to the
project root (the nearest folder holding ``.git``; outside a repository only the spec's folder). A file owned
by another user or writable by anyone is refused with a message naming it (see :mod:`legaldraft.spec.trust`).

```yaml
aturan:                 # change a rule's severity, or turn it off
  KON-005: off
  BT-009: error
abaikan:                # project-wide suppressions, each with its reason
  - {aturan: BHS-007, alasan: "kata ulang lazim dalam nomenklatur jabatan daerah ini"}
```

Severities merge in this order, later wins: the rule's default < the daerah profile's ``aturan`` < this
project file < the caller (``legaldraft.check(doc, severities=...)``, the CLI).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..spec.errors import Position, Problem, SpecError

FILENAME = ".legaldraft.yaml"
LEVELS = ("off", "error", "warning", "info")


@dataclass(frozen=True)
class ProjectSuppression:
    """One suppression of the project configuration: a rule, the reason, where."""

    aturan: str
    alasan: str
    di: Optional[str] = None


@dataclass
class ProjectConfig:
    """The project configuration of the rules (rule levels and suppressions)."""

    path: Optional[Path] = None
    aturan: dict[str, str] = field(default_factory=dict)
    abaikan: list[ProjectSuppression] = field(default_factory=list)


def find_config(spec_dir: Path | None) -> Path | None:
    """The nearest ``.legaldraft.yaml`` from ``spec_dir`` upwards, within the project."""
    from ..spec.trust import require_trusted, search_folders  # lazy: start-up time

    if spec_dir is None:
        return None
    for folder in search_folders(Path(spec_dir)):
        candidate = folder / FILENAME
        if candidate.exists() or candidate.is_symlink():
            require_trusted(candidate, "konfigurasi", Path(spec_dir))
            return candidate
    return None


def _level(value, default: str) -> str | None:
    # YAML 1.1 reads a bare `off` as False and `on` as True (the rule's own severity, e.g. over a profile's off)
    if value is False:
        return "off"
    if value is True:
        return default
    return str(value).strip().lower() if value is not None else None


def load_config(path: Path) -> ProjectConfig:
    from ..spec.files import read_text  # lazy: start-up time
    from ..spec.yamlpos import load_yaml  # lazy: start-up time
    from .engine import load_rules  # lazy: start-up time

    name = str(path)
    data, smap = load_yaml(read_text(path, "konfigurasi"), name)
    data = data or {}
    problems: list[Problem] = []
    if not isinstance(data, dict):
        raise SpecError([Problem("berkas konfigurasi harus berupa pemetaan 'kunci: nilai'", name, Position(1, 1), code="KONFIG")])
    rules = load_rules()
    for key in data:
        if key not in ("aturan", "abaikan"):
            problems.append(Problem(f"kunci '{key}' tidak dikenal", name, smap.get((key, "__key__")) or smap.get((key,)),
                                    "yang dikenal: 'aturan' dan 'abaikan'", code="KONFIG"))
    config = ProjectConfig(path)
    aturan, abaikan = data.get("aturan") or {}, data.get("abaikan") or []
    if not isinstance(aturan, dict) or not isinstance(abaikan, list):
        raise SpecError([Problem("'aturan' berupa pemetaan ID: tingkat dan 'abaikan' berupa daftar", name,
                                 smap.get(("aturan",)) or smap.get(("abaikan",)), code="KONFIG")])
    for rule_id, value in aturan.items():
        where = smap.get(("aturan", rule_id))
        if rule_id not in rules:
            problems.append(Problem(f"aturan '{rule_id}' tidak dikenal", name, where, "lihat 'legaldraft rules'", code="KONFIG"))
            continue
        level = _level(value, rules[rule_id].severity.value)
        if level is not None and level not in LEVELS:
            problems.append(Problem(f"tingkat '{value}' untuk {rule_id} tidak dikenal", name, where,
                                    f"pilih: {', '.join(LEVELS)}", code="KONFIG"))
        elif level is not None:
            config.aturan[rule_id] = level
    for i, item in enumerate(abaikan):
        where = smap.get(("abaikan", i))
        if not isinstance(item, dict) or not item.get("aturan"):
            problems.append(Problem("setiap butir 'abaikan' memerlukan 'aturan' dan 'alasan'", name, where, code="KONFIG"))
            continue
        reason = str(item.get("alasan") or "").strip()
        if item["aturan"] not in rules:
            problems.append(Problem(f"aturan '{item['aturan']}' tidak dikenal", name, where, "lihat 'legaldraft rules'", code="KONFIG"))
        elif len(reason) < 5:
            problems.append(Problem(f"penekanan {item['aturan']} tanpa alasan", name, where,
                                    "tulis 'alasan:' (mis. praktik daerah yang dirujuk)", code="KONFIG"))
        else:
            config.abaikan.append(ProjectSuppression(item["aturan"], reason, item.get("di")))
    if problems:
        raise SpecError(problems)
    return config


def project_config(spec_context) -> ProjectConfig:
    """The configuration governing a loaded spec (empty for a document built in code)."""
    path = find_config(spec_context.path.parent) if spec_context.path else None
    return load_config(path) if path else ProjectConfig()


def merged_severities(spec_context, config: ProjectConfig, overrides: dict[str, str] | None) -> dict[str, str]:
    """Rule default < profile ``aturan`` < project file < caller."""
    return {**spec_context.profile.aturan, **config.aturan, **(overrides or {})}


def apply_suppressions(findings, config: ProjectConfig, numbering) -> list:
    """Drop the findings the project file suppresses (``di``: only inside the unit with that id)."""
    if not config.abaikan:
        return findings
    kept = []
    for f in findings:
        suppressed = False
        for s in config.abaikan:
            if s.aturan != f.rule.id:
                continue
            if s.di is None:
                suppressed = True
            else:
                unit = numbering.by_id.get(s.di)
                suppressed = unit is not None and f.loc[: len(unit.loc)] == unit.loc
            if suppressed:
                break
        if not suppressed:
            kept.append(f)
    return kept

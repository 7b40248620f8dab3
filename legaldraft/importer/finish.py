"""Ids, references, validation through the ordinary loader, YAML output."""
from __future__ import annotations

from pathlib import Path

import yaml

from .parse import Imported
from .refs import assign_ids, link_references, prune_ids
import copy
from ..spec.loader import loads
from ..spec.errors import SpecError
from ..ioutil import atomic_write_text


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(data) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000)


def load_spec(result: Imported, spec: dict | None = None, filename: str = "<impor>"):
    return loads(dump(spec if spec is not None else result.spec), filename, profile=result.profile)


def finish(result: Imported) -> Imported:
    assign_ids(result.spec)
    doc = load_spec(result)
    plain = copy.deepcopy(result.spec)
    linked = link_references(doc, result.spec)
    prune_ids(result.spec)
    try:
        load_spec(result)   # the output must be a valid spec
    except SpecError as exc:
        # a reference the loader does not accept: keep every reference as the text it was
        result.notes.warn(None, f"rujukan tidak dapat ditulis sebagai [[id]] ({exc.problems[0].message}); disimpan sebagai teks")
        result.spec = plain
        prune_ids(result.spec)
        load_spec(result)
        linked = 0
    if linked:
        result.notes.info(None, f"{linked} rujukan 'sebagaimana dimaksud ...' ditulis sebagai [[id]]")
    return result


def write_files(result: Imported, target: Path, force_profile: bool = False) -> list[Path]:
    written = []
    target.parent.mkdir(parents=True, exist_ok=True)
    if result.profile_data is not None:
        profile_path = target.parent / "profil" / f"{result.spec['daerah']}.yaml"
        if force_profile or not profile_path.exists():
            profile_path.parent.mkdir(parents=True, exist_ok=True)
            header = (f"# Profil daerah {result.profile.nama_daerah}, dibuat oleh 'legaldraft import' dari naskah;\n"
                      "# periksa nama pejabat dan provinsi sebelum dipakai.\n")
            atomic_write_text(profile_path, header + dump(result.profile_data))
            written.append(profile_path)
    atomic_write_text(target, dump(result.spec))
    written.append(target)
    return written

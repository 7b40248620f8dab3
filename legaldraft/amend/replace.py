"""``amend --replace``: when a change is too large for a Perubahan (butir 237), a new Perbup that revokes the old."""
from __future__ import annotations

import yaml
from ..spec.loader import context_of, to_spec_dict
from .instructions import reference_of


def replacement_yaml(old, new, new_path) -> str:
    """The new spec as a rancangan, with a Pasal ``formula: pencabutan`` before the mulai berlaku Pasal."""
    profile = context_of(new).profile
    data = to_spec_dict(new)
    for key in ("nomor", "tahun", "penetapan", "pengundangan"):
        data.pop(key, None)
    data["status"] = "rancangan"
    ref = reference_of(old, profile).model_dump(mode="json", exclude_defaults=True)
    ref["jenis"] = "perbup"
    clause = {"pasal": "pencabutan-perbup-lama", "formula": "pencabutan", "dicabut": [ref]}
    body = data.setdefault("batang_tubuh", [])
    container = body[-1]["isi"] if body and "bab" in body[-1] else body
    at = next((i for i, p in enumerate(container) if isinstance(p, dict) and p.get("formula") == "mulai_berlaku"), len(container))
    container.insert(at, clause)
    nama = profile.formula.nama_jenis_peraturan
    header = (f"# {nama} pengganti {new_path.name}: perubahan menurut butir 237 terlalu besar untuk Perubahan;\n"
              f"# {nama} Nomor {old.nomor} Tahun {old.tahun} dicabut dalam Ketentuan Penutup.\n")
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)

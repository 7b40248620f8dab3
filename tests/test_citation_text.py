"""legaldraft.naskah.citation_reader reads back every citation legaldraft.naskah.citation writes."""
import datetime as dt

import pytest

from legaldraft.naskah.citation_reader import parse_citation
from legaldraft.model.reference import DasarHukum, JenisPeraturan as J
from legaldraft.naskah.citation import cite
from legaldraft.spec.registry import national

REGISTRY = national()


@pytest.mark.parametrize("key", sorted(REGISTRY._entries))
def test_a_rendered_citation_reads_back_to_its_registry_entry(key):
    reg = REGISTRY[key]
    on = dt.date(2026, 1, 1)
    item = DasarHukum.model_validate({"ref": key, **({"pasal": "Pasal 18 ayat (6)"} if reg.jenis == J.uud else {})})
    c = parse_citation(cite(item, REGISTRY, on) + ";")
    assert (c.jenis, c.nomor, c.tahun) == (reg.jenis, reg.nomor, reg.tahun)
    if reg.jenis == J.uud:
        assert c.pasal == "Pasal 18 ayat (6)"
        return
    assert c.tentang == reg.tentang and not c.tahun_in_nomor
    if reg.lembaran is not None and not reg.publikasi_teks:
        assert c.lembaran == (reg.lembaran.tahun, str(reg.lembaran.nomor))
        assert c.tambahan == (str(reg.tambahan) if reg.tambahan else None)
    chain = REGISTRY.chain(key, on)
    assert c.amended == bool(chain)
    if chain:
        last = REGISTRY[chain[-1]]
        assert (c.amendment.jenis, c.amendment.nomor, c.amendment.tahun) == (last.jenis, last.nomor, last.tahun)
        assert ("beberapa kali" in c.wording) == (len(chain) > 1)

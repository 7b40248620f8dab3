from pathlib import Path

from legaldraft.spec.docs import render


def test_spec_reference_is_up_to_date():
    path = Path(__file__).resolve().parent.parent / "docs" / "spec.md"
    assert path.read_text(encoding="utf-8") == render(), "jalankan: python -m legaldraft.spec.docs"


def test_spec_reference_covers_every_field():
    from legaldraft.model import Pasal

    text = render()
    for field in ("teks", "rincian", "ayat", "definisi", "formula", "berlaku"):
        assert f"`{field}`" in text
    assert "`pasal`" in text and Pasal.model_fields["id"].serialization_alias == "pasal"

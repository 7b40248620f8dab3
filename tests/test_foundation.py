"""Issue 2: model round-trip, error paths, API, scaffolds."""
import datetime as dt
import json

import pytest
import yaml

import legaldraft
from legaldraft.model import Ayat, Bab, Konsiderans, KonsideransPoin, Pasal, PeraturanBupati
from legaldraft.spec.errors import SpecError
from legaldraft.spec.loader import to_spec_dict
from legaldraft.spec.scaffold import scaffold

from conftest import docx_text

KINDS = ["perbup", "keputusan", "pedoman"]


@pytest.mark.parametrize("jenis", KINDS)
def test_scaffold_checks_clean_and_builds(jenis, write_spec, tmp_path):
    path = write_spec(scaffold(jenis), f"{jenis}.yaml")
    doc = legaldraft.load(path)
    errors = [f for f in legaldraft.check(doc) if f.severity.value == "error"]
    assert errors == [], [f"{f.rule.id} {f.message}" for f in errors]
    out = legaldraft.build(doc, tmp_path / "out")
    texts = docx_text(out[0])
    joined = "\n".join(texts)
    # title block, konsiderans, dasar hukum, body and penetapan, in this order
    order = ["NOMOR ... TAHUN ...", "TENTANG", "Menimbang", "Mengingat", "MEMUTUSKAN:", "Menetapkan",
             "Ditetapkan di Contoh"]
    positions = [joined.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert doc.tentang.upper() in joined
    assert "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara Republik Indonesia Tahun 2014 Nomor 244" in joined


@pytest.mark.parametrize("jenis", KINDS)
def test_model_round_trip(jenis, write_spec):
    doc = legaldraft.load(write_spec(scaffold(jenis)))
    data = to_spec_dict(doc)
    again = legaldraft.loads(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "spec.yaml",
                             base_dir=None)
    assert to_spec_dict(again) == data
    assert type(again) is type(doc)
    assert again == doc


def test_generated_konsiderans_closing_point(write_spec):
    doc = legaldraft.load(write_spec(scaffold("perbup")))
    from legaldraft.render.pipeline import document_blocks
    from legaldraft.spec.loader import context_of

    blocks = document_blocks(doc, context_of(doc))
    points = [b for b in blocks if b.style == "LD Konsiderans" and b.label in ("Menimbang", " ") and b.marker and
              b.text.startswith("bahwa")]
    assert [b.marker for b in points] == ["a.", "b.", "c."]
    assert points[-1].text == ("bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b perlu "
                               "menetapkan Peraturan Bupati tentang Penyelenggaraan Pelayanan Publik Terpadu;")


def test_references_follow_numbering_when_a_pasal_is_inserted(write_spec):
    spec = scaffold("perbup")
    doc = legaldraft.load(write_spec(spec, "a.yaml"))
    from legaldraft.render.pipeline import document_blocks
    from legaldraft.spec.loader import context_of

    def ayat_texts(d):
        return [b.text for b in document_blocks(d, context_of(d)) if b.style == "LD Ayat"]

    assert "sebagaimana dimaksud pada ayat (1)" in ayat_texts(doc)[1]
    inserted = spec.replace("  - bab: PENYELENGGARAAN\n    isi:\n",
                            "  - bab: PENYELENGGARAAN\n    isi:\n      - pasal: sisipan\n        teks: Pasal sisipan.\n"
                            "      - pasal: rujuk\n        teks: Lihat [[dimaksud penyelenggara-1]].\n")
    doc2 = legaldraft.load(write_spec(inserted, "b.yaml"))
    blocks = document_blocks(doc2, context_of(doc2))
    lihat = next(b.text for b in blocks if b.text.startswith("Lihat"))
    assert lihat == "Lihat sebagaimana dimaksud dalam Pasal 4 ayat (1)."
    assert [b.text for b in blocks if b.style == "LD Pasal"] == ["Pasal 1", "Pasal 2", "Pasal 3", "Pasal 4", "Pasal 5"]


def test_build_from_models_in_code(tmp_path):
    doc = PeraturanBupati(
        daerah="contoh", tentang="Hari Bebas Kendaraan Bermotor",
        konsiderans=Konsiderans(poin=[KonsideransPoin(teks="bahwa udara bersih perlu dijaga;")]),
        dasar_hukum=["uu-23-2014"],
        batang_tubuh=[Bab(judul="KETENTUAN UMUM", isi=[Pasal(id="p1", teks="Hari bebas kendaraan dilaksanakan setiap Minggu.")]),
                      Bab(judul="KETENTUAN PENUTUP", isi=[Pasal(formula="mulai_berlaku"),
                                                           Pasal(ayat=[Ayat(teks="Lihat [[p1]]."), Ayat(teks="Cukup.")])])],
    )
    files = legaldraft.build(doc, tmp_path)
    text = "\n".join(docx_text(files[0]))
    assert "HARI BEBAS KENDARAAN BERMOTOR" in text
    assert "(1)\tLihat Pasal 1." in text
    assert "Peraturan Bupati ini mulai berlaku pada tanggal diundangkan." in text
    data = legaldraft.render_docx_bytes(doc)
    assert data[:2] == b"PK"


def _problems(write_spec, text):
    with pytest.raises(SpecError) as info:
        legaldraft.load(write_spec(text))
    return info.value.problems


BASE = scaffold("perbup")


def test_unknown_key_suggests(write_spec):
    problems = _problems(write_spec, BASE.replace("konsiderans:", "konsideran:"))
    msgs = [str(p) for p in problems]
    assert any("kunci 'konsideran' tidak dikenal" in m and "maksud Anda 'konsiderans'?" in m for m in msgs), msgs
    line = BASE.splitlines().index("konsiderans:                 # butir penutup \"bahwa berdasarkan pertimbangan ...\" dibuat otomatis") + 1
    hit = next(p for p in problems if "konsideran'" in p.message)
    assert (hit.position.line, hit.position.column) == (line, 1)


def test_wrong_type(write_spec):
    problems = _problems(write_spec, BASE.replace("tahun: null", "tahun: dua ribu", 1))
    assert [p.message for p in problems] == ["tahun: nilai harus bilangan bulat"]
    assert problems[0].position.column == 8


def test_yaml_syntax_error_has_line_and_column(write_spec):
    problems = _problems(write_spec, "jenis: perbup\ntentang: \"tidak ditutup\n")
    assert problems[0].message.startswith("YAML tidak sah")
    assert problems[0].position is not None


def test_dangling_reference(write_spec):
    problems = _problems(write_spec, BASE.replace("[[dimaksud penyelenggara-1]]", "[[dimaksud penyelenggara-9]]"))
    assert len(problems) == 1
    assert problems[0].message == "referensi ke id 'penyelenggara-9' yang tidak ada"
    assert problems[0].hint == "maksud Anda 'penyelenggara-1'?"
    line_no = next(i for i, l in enumerate(BASE.splitlines(), 1) if "[[dimaksud penyelenggara-1]]" in l)
    assert problems[0].position.line == line_no
    assert problems[0].position.column == BASE.splitlines()[line_no - 1].index("[[") + 1


def test_errors_come_as_a_list(write_spec):
    text = BASE.replace("konsiderans:", "konsideran:").replace("tahun: null", "tahun: x", 1)
    assert len(_problems(write_spec, text)) >= 3  # unknown key, missing konsiderans, wrong type


def test_unknown_registry_key_and_profile(write_spec):
    problems = _problems(write_spec, BASE.replace("  - uu-23-2014", "  - uu-23-2041"))
    assert problems[0].message == "kunci registry 'uu-23-2041' tidak dikenal"
    assert "uu-23-2014" in problems[0].hint
    problems = _problems(write_spec, BASE.replace("daerah: contoh", "daerah: tidakada"))
    assert "profil daerah 'tidakada' tidak ditemukan" in problems[0].message


def test_schema_is_valid_json_schema_and_accepts_scaffolds():
    import jsonschema

    from legaldraft.spec.schema import json_schema

    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    for jenis in KINDS:
        data = yaml.safe_load(scaffold(jenis))
        data = json.loads(json.dumps(data, default=str))
        jsonschema.validate(data, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"jenis": "perbup", "tentangg": "x"}, schema)

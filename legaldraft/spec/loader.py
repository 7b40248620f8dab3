"""Spec loading: bytes -> YAML (with positions) -> typed document -> resolved profile, registry and references.

Every problem found is collected and raised together as one :class:`SpecError`, each with file:line:column
and a hint, in Indonesian. Nothing here ever lets a Python traceback reach a drafter for bad input.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from pydantic import ValidationError

from .. import limits
from ..model import JENIS, BlokGambar, ProfilDaerah, assign_locations, walk
from .errors import Position, Problem, SpecError
from .files import read_text
from .registry import Registry, national
from .tablefile import resolve_tables
from .yamlpos import SourceMap, load_yaml
from .validation import problems_from_validation
from .profiles import load_profile
from ..naskah.numbering import Numbering
from ..naskah.jenis import jenis_for, tingkat_problem
from ..model.tingkat import WALI_KOTA_SEJAK

MAX_BYTES = limits.MAX_SPEC_BYTES  # see legaldraft/limits.py (overridable there)
MAX_TEXT = limits.MAX_TEXT_CHARS
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


@dataclass
class SpecContext:
    """Where a document came from and what it is resolved against."""

    path: Optional[Path]
    source: SourceMap
    profile: ProfilDaerah
    profile_path: Optional[Path]
    registry: Registry
    text: Optional[str] = None

    @property
    def filename(self) -> str:
        return str(self.path) if self.path else "<spec>"

    @property
    def base_dir(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def position(self, loc: tuple) -> Position | None:
        return self.source.find(loc)


def loads(text: str, filename: str = "<spec>", base_dir: Path | None = None, profile: ProfilDaerah | None = None):
    """Load a spec from text. ``base_dir`` is where profiles and images are looked up."""
    path = Path(filename) if filename != "<spec>" else None
    if len(text) > limits.limit("MAX_SPEC_BYTES"):  # text handed in through the Python API: the same limit as a file
        raise SpecError([Problem(f"spec terlalu besar ({len(text)} karakter; batas {limits.limit('MAX_SPEC_BYTES')})",
                                 filename, Position(1, 1), "pecah menjadi beberapa spec", code="BERKAS")])
    data, smap = load_yaml(text, filename)
    return from_data(data, smap, filename, base_dir or (path.parent if path else Path.cwd()), text, profile)


def load(path: str | Path, profile: ProfilDaerah | None = None):
    path = Path(path)
    text = read_text(path)
    return loads(text, str(path), path.parent, profile)


def _root_checks(data: Any, smap: SourceMap, filename: str) -> None:
    if not isinstance(data, dict):
        kind = "daftar" if isinstance(data, list) else "teks/bilangan"
        raise SpecError([Problem(f"spec harus berupa pemetaan 'kunci: nilai' di tingkat teratas, bukan {kind}",
                                 filename, smap.find(()), "mulai dari 'legaldraft new perbup FILE'", code="SKEMA")])
    jenis = data.get("jenis")
    if jenis is None:
        raise SpecError([Problem("bagian wajib 'jenis' tidak ada", filename, Position(1, 1),
                                 f"tambahkan 'jenis: perbup'; jenis yang dikenal: {', '.join(JENIS)}", code="SKEMA")])
    if not isinstance(jenis, str) or jenis not in JENIS:  # a list or mapping here is not hashable
        import difflib  # lazy: start-up time

        close = difflib.get_close_matches(str(jenis), list(JENIS), n=len(JENIS))
        if close:  # among equally close kinds the commonest (JENIS order: perbup before pergub for 'perbub')
            best = difflib.SequenceMatcher(None, str(jenis), close[0]).ratio()
            close = [next(j for j in JENIS if j in close and
                          difflib.SequenceMatcher(None, str(jenis), j).ratio() == best)]
        hint = f"maksud Anda '{close[0]}'?" if close else f"pilih salah satu: {', '.join(JENIS)}"
        raise SpecError([Problem(f"jenis dokumen '{jenis}' tidak dikenal", filename, smap.get(("jenis",)), hint, code="SKEMA")])


def _text_problems(data: Any, smap: SourceMap, filename: str, path: tuple = ()) -> list[Problem]:
    problems: list[Problem] = []
    if isinstance(data, dict):
        for k, v in data.items():
            problems += _text_problems(v, smap, filename, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            problems += _text_problems(v, smap, filename, path + (i,))
    elif isinstance(data, str):
        if len(data) > limits.limit("MAX_TEXT_CHARS"):
            problems.append(Problem(f"teks terlalu panjang ({len(data)} karakter; batas {limits.limit('MAX_TEXT_CHARS')})", filename,
                                    smap.find(path), "pecah menjadi beberapa pasal/ayat atau blok lampiran", code="SKEMA"))
        m = _CONTROL.search(data)
        if m:
            problems.append(Problem(f"teks memuat karakter kendali U+{ord(m.group()):04X} yang tidak boleh ada dalam dokumen",
                                    filename, smap.find(path), "hapus karakter tak terlihat itu", code="SKEMA"))
    return problems


def from_data(data: Any, smap: SourceMap, filename: str, base_dir: Path, text: str | None = None,
              profile: ProfilDaerah | None = None):
    _root_checks(data, smap, filename)
    resolve_tables(data, smap, filename, base_dir)
    problems = _text_problems(data, smap, filename)
    if problems:
        raise SpecError(problems)
    try:
        # the member of the Dokumen union that 'jenis' selects (checked above), validated directly: the same
        # problems, and only that kind's validator is built (on first use)
        doc = JENIS[data["jenis"]].model_validate(data)
    except ValidationError as exc:
        raise SpecError(problems_from_validation(exc, data, smap, filename)) from None
    assign_locations(doc)
    path = Path(filename) if filename != "<spec>" else None
    profile_path = None
    if profile is None:
        profile, profile_path = load_profile(doc.daerah, base_dir, smap.get(("daerah",)), filename)
        profile = profile.for_date(document_date(doc))
    registry = national().extended(profile.registry)
    context = SpecContext(path, smap, profile, profile_path, registry, text)
    problems = tingkat_problems(doc, context) + resolve_problems(doc, context)
    attach(doc, context)
    if problems:
        raise SpecError(problems)
    return doc


def attach(doc, context: SpecContext) -> None:
    doc._context = context


def context_of(doc, profile: ProfilDaerah | None = None, numbering: Numbering | None = None) -> SpecContext:
    """The context of a loaded document; for a document built in code, one resolved from its daerah.

    Nothing derived from the tree is kept with it: the document may have been edited since it was loaded, so
    its references and ids are checked again on every call (a few milliseconds), and numbering is computed by
    whoever needs it."""
    ctx = doc._context
    if ctx is not None and (profile is None or ctx.profile is profile):
        problems = resolve_problems(doc, ctx, numbering)
        if problems:
            raise SpecError(problems)
        return ctx
    profile_path = None
    if profile is None:
        profile, profile_path = load_profile(doc.daerah, Path.cwd())
        profile = profile.for_date(document_date(doc))
    assign_locations(doc)
    ctx = SpecContext(None, SourceMap(), profile, profile_path, national().extended(profile.registry))
    attach(doc, ctx)
    problems = tingkat_problems(doc, ctx) + resolve_problems(doc, ctx, numbering)
    if problems:
        raise SpecError(problems)
    return ctx


def document_date(doc):
    """The day a document speaks from (its penetapan; a year before 2014 when only the year is known; None for
    a draft): which spelling of the head's title it uses."""
    tanggal = getattr(getattr(doc, "penetapan", None), "tanggal", None)
    if tanggal is None and isinstance(doc.tahun, int) and doc.tahun < WALI_KOTA_SEJAK.year:
        import datetime as dt  # lazy: start-up time

        tanggal = dt.date(doc.tahun, 12, 31)
    return tanggal


def _imported_form(doc) -> bool:
    """An imported spec that names its Peraturan by the form ('perbup') and records the kind it read in
    ``asal.jenis``: legaldraft/importer/parse.py writes every Peraturan so today; once it writes 'perwali' and
    'pergub' itself this exemption can go."""
    asal = getattr(doc, "asal", None)
    return asal is not None and doc.jenis == "perbup"


def tingkat_problems(doc, ctx: SpecContext) -> list[Problem]:
    """A ``jenis`` the daerah cannot issue: a Peraturan Wali Kota with a kabupaten profile, …"""
    why = tingkat_problem(doc.jenis, ctx.profile)
    if why is None or _imported_form(doc):
        return []
    hint = (f"untuk profil ini tulis 'jenis: {jenis_for(ctx.profile)}', atau pilih profil daerah "
            f"yang sesuai di 'daerah:'")
    return [Problem(why, ctx.filename, ctx.position(("jenis",)), hint, code="SKEMA")]


def resolve_problems(doc, ctx: SpecContext, numbering: Numbering | None = None) -> list[Problem]:
    """Registry keys, internal references, duplicate ids and lampiran images."""
    problems: list[Problem] = []
    fname = ctx.filename
    for i, item in enumerate(getattr(doc, "dasar_hukum", [])):
        keys = ([item.ref] if item.ref else []) + item.perubahan_keys()
        for key in keys:
            if key not in ctx.registry:
                from .search import unknown_key_hint  # lazy: start-up time (only an unknown key needs the index)

                hint = unknown_key_hint(ctx.registry, key)
                problems.append(Problem(f"kunci registry '{key}' tidak dikenal", fname,
                                        ctx.position(("dasar_hukum", i)), hint, code="REGISTRY"))
    numbering = numbering or Numbering(doc)
    for ident, node in numbering.duplicates:
        problems.append(Problem(f"id '{ident}' dipakai lebih dari sekali", fname, ctx.position(node.loc + ("id",)) or ctx.position(node.loc),
                                "setiap id harus unik dalam satu dokumen", code="REFERENSI"))
    for node, fld, ident in numbering.references():
        if not ident:
            problems.append(Problem("referensi kosong '[[ ]]'", fname, ctx.position(node.loc + (fld,)),
                                    "tulis id unit yang dirujuk, contoh [[pasal-tujuan]]", code="REFERENSI"))
        elif ident not in numbering.by_id:
            import difflib  # lazy: start-up time

            close = difflib.get_close_matches(ident, list(numbering.by_id), n=1)
            hint = f"maksud Anda '{close[0]}'?" if close else "periksa id unit yang dirujuk"
            problems.append(Problem(f"referensi ke id '{ident}' yang tidak ada", fname,
                                    _position_in_text(ctx, node.loc + (fld,), "[[", ident), hint, code="REFERENSI"))
        elif _contains(numbering.by_id[ident], node):
            problems.append(Problem(f"referensi melingkar: '{ident}' adalah unit yang memuat teks ini sendiri", fname,
                                    _position_in_text(ctx, node.loc + (fld,), "[[", ident),
                                    "rujuk unit lain; untuk unit itu sendiri tulis 'Pasal ini' atau 'ayat ini'", code="REFERENSI"))
    for node in numbering.nodes():
        if isinstance(node, BlokGambar):
            problems.extend(_image_problems(node, ctx))
    return problems


def _contains(outer, inner) -> bool:
    """``inner`` is ``outer`` or lies inside it (by identity: nodes added in code have no path of their own)."""
    return any(node is inner for node in walk(outer))


def _position_in_text(ctx: SpecContext, loc: tuple, opener: str, ident: str) -> Position | None:
    """Column of the reference inside a one-line scalar when it can be found in the source line."""
    pos = ctx.position(loc)
    if pos is None or not ctx.text:
        return pos
    lines = ctx.text.splitlines()
    for lineno in range(pos.line - 1, min(pos.line + 40, len(lines))):
        col = lines[lineno].find(ident)
        if col >= 0 and opener in lines[lineno]:
            start = lines[lineno].rfind(opener, 0, col)
            return Position(lineno + 1, (start if start >= 0 else col) + 1)
    return pos


def _image_problems(node: BlokGambar, ctx: SpecContext) -> list[Problem]:
    base = ctx.base_dir.resolve()
    raw = Path(node.gambar)
    where = ctx.position(node.loc + ("gambar",))
    if raw.is_absolute():
        return [Problem(f"path gambar '{node.gambar}' harus relatif terhadap folder spec", ctx.filename, where,
                        "salin gambar ke folder spec dan tulis path relatifnya", code="GAMBAR")]
    full = (base / raw).resolve()
    try:
        full.relative_to(base)
    except ValueError:
        return [Problem(f"path gambar '{node.gambar}' keluar dari folder spec", ctx.filename, where,
                        "gambar harus berada di dalam folder spec, tanpa '..'", code="GAMBAR")]
    if not full.is_file():
        return [Problem(f"gambar '{node.gambar}' tidak ditemukan", ctx.filename, where,
                        "periksa nama berkas gambar", code="GAMBAR")]
    if full.suffix.lower() not in (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff"):
        return [Problem(f"format gambar '{full.suffix}' tidak didukung", ctx.filename, where,
                        "gunakan PNG atau JPEG", code="GAMBAR")]
    try:
        limits.check_image(full)  # bytes, pixels, and a header python-docx can read, before any rendering
    except limits.LimitError as exc:
        return [Problem(f"gambar '{node.gambar}': {exc}", ctx.filename, where,
                        "simpan ulang gambar sebagai PNG atau JPEG yang utuh dan berukuran wajar", code="GAMBAR")]
    except OSError as exc:
        return [Problem(f"gambar '{node.gambar}' tidak dapat dibaca ({exc.strerror or exc})", ctx.filename, where,
                        "periksa berkas gambar", code="GAMBAR")]
    return []


def to_spec_dict(doc) -> dict:
    """The document as spec data (``jenis`` first, defaults left out): YAML -> model -> dict -> model round-trips."""
    data = doc.model_dump(by_alias=True, exclude_defaults=True, mode="json")
    return {"jenis": doc.jenis, **data}


__all__ = ["load", "loads", "from_data", "context_of", "to_spec_dict", "SpecContext"]

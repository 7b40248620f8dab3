"""How well an import kept a document: words kept, typed coverage, counts, kind; the same figures for a folder.

``words kept``      share of the source's words that the rebuilt spec gives back, in order;
``typed coverage``  share of the source's words that the rebuilt spec gives back from a structural unit (judul,
                    konsiderans point, Mengingat item, BAB/Pasal/ayat/rincian, definition, diktum, penetapan,
                    pengundangan, Lampiran block): the text kept only in verbatim header lines (``kepala_naskah``)
                    or in a raw ``teks`` fallback of a Pasal or diktum does not count;
``counts``          konsiderans points (the closing point included), Mengingat items, BAB, Pasal, ayat, definitions.

Lines the importer names as garbled decoration (``Notes.garbled``) are left out of the source's words: the
report names them, so dropping them is not a loss (issue 12, 'Done when').
``measure_folder(DIR)`` reads every .txt/.docx/.pdf/.odt/.rtf/.html under DIR and, when DIR holds a
``manifest.yaml`` (see corpus/manifest.yaml), compares kind and counts with it.
"""
from __future__ import annotations

import statistics
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..model import walk
from ..naskah import assemble
from ..spec.loader import context_of
from .finish import load_spec
from .report import comparable_source, kept_words
from .report import words as _report_words

MIN_TYPED_COVERAGE = 0.6     # below this 'legaldraft import' exits EXIT_IMPORT_BELOW with one summary
SUFFIXES = (".txt", ".docx", ".pdf", ".odt", ".rtf", ".html", ".htm")
COUNTED = ("konsiderans", "mengingat", "bab", "pasal")


@dataclass
class Figures:
    """What one import kept; ``counts`` as found by the importer."""

    words: int
    words_kept: float
    typed_coverage: float
    counts: dict[str, int]
    untyped: list[str] = field(default_factory=list)     # where untyped text sits (for the report)


@dataclass
class Measure:
    name: str
    seconds: float = 0.0
    figures: Optional[Figures] = None
    kind: Optional[str] = None               # 'pergub', 'perubahan/perwali', ... as detected
    tingkat: Optional[str] = None
    expected: dict = field(default_factory=dict)
    error: Optional[str] = None              # an internal error (a bug): its last traceback line
    refused: Optional[str] = None            # the importer refused the input with a message (not a bug)

    @property
    def kind_expected(self) -> Optional[str]:
        e = self.expected
        if not e.get("jenis"):
            return None
        return f"{e['jenis']}/{e['induk']}" if e.get("induk") else e["jenis"]

    @property
    def kind_ok(self) -> Optional[bool]:
        if self.kind_expected is None:
            return None
        return self.kind == self.kind_expected and self.tingkat == self.expected.get("tingkat")

    def count_ok(self, name: str) -> Optional[bool]:
        if name not in self.expected or self.figures is None:
            return None
        return self.figures.counts.get(name, 0) == self.expected[name]


def _words(text: str) -> list[str]:
    return _report_words(text)


def _matched(src: list[str], out: list[str]) -> int:
    return kept_words(src, out)[0]


def _untyped_blocks(doc, blocks) -> tuple[set[int], list[str]]:
    """Indexes of assembled blocks whose text is not in a structural unit."""
    out, where = set(), []
    for i, b in enumerate(blocks):
        src = b.source
        if b.style == "LD Kop" and doc.kepala_naskah:
            out.add(i)
            if "kepala_naskah" not in where:
                where.append("kepala_naskah")
        elif src is not None and isinstance(getattr(src, "teks", None), str) and "\n" in src.teks \
                and (hasattr(src, "pasal") or type(src).__name__ == "Diktum"):
            out.add(i)
            where.append(f"{type(src).__name__}: teks apa adanya")
    return out, where


def counts_of(doc, blocks=None) -> dict[str, int]:
    counts = {"konsiderans": 0, "mengingat": len(doc.dasar_hukum), "bab": 0, "pasal": 0, "ayat": 0, "definisi": 0}
    asal = getattr(doc, "asal", None)
    if doc.konsiderans is not None and not (asal is not None and "konsiderans" in asal.isian):
        kon = doc.konsiderans
        counts["konsiderans"] = len(kon.poin) + (0 if kon.is_tunggal or _no_closing(doc) else 1)
    if doc.jenis in ("perubahan", "pencabutan"):
        counts["mengingat"] += _amendment_headings(doc, counts)
        counts["perubahan"] = len(getattr(doc, "perubahan", None) or getattr(doc, "dicabut", []))
    for node in walk(doc):
        name = type(node).__name__
        if name == "Bab":
            counts["bab"] += 1
        elif name == "Pasal":
            counts["pasal"] += 1
        elif name == "Ayat":
            counts["ayat"] += 1
        elif name == "Definisi":
            counts["definisi"] += 1
    return counts


def _amendment_headings(doc, counts: dict) -> int:
    """A Perubahan prints the amended regulation as its last Mengingat item (unless the copy did not show it:
    ``asal.isian`` 'mengubah'), and 'Pasal I'/'Pasal II' (a Pencabutan 'Pasal 1'/'Pasal 2') above its changes;
    returns the Mengingat item to add and adds the Pasal headings the copy holds."""
    asal = getattr(doc, "asal", None)
    cut = asal.terpotong if asal is not None else None
    if cut in (None, "penutup"):
        counts["pasal"] += 2
    elif cut == "batang_tubuh" and (getattr(doc, "perubahan", None) or doc.jenis == "pencabutan"):
        counts["pasal"] += 1
    if doc.jenis != "perubahan":
        return 0
    return 0 if asal is not None and "mengubah" in asal.isian else 1


def _no_closing(doc) -> bool:
    """A copy cut off inside the konsiderans has no closing point: the importer marks it (``tanpa_penutup``)."""
    asal = getattr(doc, "asal", None)
    return bool(asal is not None and asal.terpotong == "konsiderans")


def figures(result, source: str) -> Figures:
    """Figures of one import against the source text it came from."""
    doc = load_spec(result)
    ctx = context_of(doc)
    blocks = assemble(doc, ctx.profile, ctx.registry)
    src_text = comparable_source(result.notes, source)
    src = _words(src_text)
    every = [b.plain() for b in blocks]
    untyped, where = _untyped_blocks(doc, blocks)
    out_all = _words("\n".join(every))
    out_typed = _words("\n".join(t for i, t in enumerate(every) if i not in untyped))
    n = max(len(src), 1)
    return Figures(len(src), _matched(src, out_all) / n, _matched(src, out_typed) / n, counts_of(doc, blocks), where)


def kind_of(result) -> tuple[Optional[str], Optional[str]]:
    asal = result.spec.get("asal") or {}
    jenis = asal.get("jenis") or result.spec.get("jenis")
    if jenis in ("perubahan", "pencabutan") and asal.get("induk"):
        jenis = f"{jenis}/{asal['induk']}"
    return jenis, asal.get("tingkat")


def measure(path: Path, expected: dict | None = None) -> Measure:
    from . import ImportError_, import_file, source_text  # lazy: the package imports this module's names

    m = Measure(path.name, expected=dict(expected or {}))
    start = time.perf_counter()
    try:
        result = import_file(path)
        m.kind, m.tingkat = kind_of(result)
        m.figures = figures(result, source_text(path))
    except ImportError_ as exc:
        m.refused = str(exc)
    except Exception as exc:       # noqa: BLE001 - an internal error is what this measures
        m.error = f"{type(exc).__name__}: {exc}"
        m.error += " | " + traceback.format_exc().strip().splitlines()[-3].strip()
    m.seconds = time.perf_counter() - start
    return m


def load_manifest(folder: Path) -> dict[str, dict]:
    import yaml  # lazy: only the bench and the tests read a manifest

    path = folder / "manifest.yaml"
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return data.get("dokumen", {}) or {}


def documents(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                  and not p.name.startswith("."))


def measure_folder(folder: Path, progress=None) -> list[Measure]:
    folder = Path(folder)
    manifest = load_manifest(folder)
    out = []
    for path in documents(folder):
        rel = path.relative_to(folder).as_posix()
        out.append(measure(path, manifest.get(rel)))
        if progress:
            progress(out[-1])
    return out


@dataclass
class Totals:
    documents: int
    errors: int
    refused: int
    kind_right: Optional[float]
    words_kept_mean: float
    words_kept_worst: float
    typed_mean: float
    counts_equal: dict[str, Optional[float]]
    median_s: float
    p95_s: float


def totals(measures: list[Measure]) -> Totals:
    done = [m for m in measures if m.figures is not None]
    kinds = [m.kind_ok for m in measures if m.kind_ok is not None]
    times = sorted(m.seconds for m in measures) or [0.0]
    eq = {}
    for name in COUNTED:
        oks = [m.count_ok(name) for m in measures if m.count_ok(name) is not None]
        eq[name] = sum(oks) / len(oks) if oks else None
    kept = [m.figures.words_kept for m in done] or [0.0]
    typed = [m.figures.typed_coverage for m in done] or [0.0]
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return Totals(len(measures), sum(1 for m in measures if m.error), sum(1 for m in measures if m.refused),
                  sum(kinds) / len(kinds) if kinds else None, statistics.mean(kept), min(kept),
                  statistics.mean(typed), eq, statistics.median(times), p95)


def format_figures(f: Figures, asal: dict | None = None) -> str:
    """The honest part of 'import --report': kind found, typed coverage and the counts found."""
    c = f.counts
    lines = []
    if asal:
        kind = f"  jenis naskah: {asal.get('nama_jenis') or asal.get('jenis')}"
        kind += f" ({asal['tingkat']})" if asal.get("tingkat") else " (tingkat tidak terbaca)"
        if asal.get("mengubah"):
            kind += f"; {asal['jenis']}{' atas' if asal['jenis'] == 'perubahan' else ''} {asal['mengubah']}"
        if asal.get("terpotong"):
            kind += f"; salinan berhenti di bagian {asal['terpotong'].replace('_', ' ')}"
        lines.append(kind)
        if asal.get("isian"):
            lines.append("  isian importer (bukan teks naskah): " + ", ".join(asal["isian"]))
    lines += [f"  cakupan bertipe: {f.typed_coverage:.1%} kata sumber ada di unit bertipe "
             f"(kata terbawa {f.words_kept:.1%} dari {f.words})",
             f"  ditemukan: {c['konsiderans']} butir konsiderans, {c['mengingat']} dasar hukum, {c['bab']} BAB, "
             f"{c['pasal']} Pasal, {c['ayat']} ayat, {c['definisi']} definisi"
             + (f", {c['perubahan']} {'butir perubahan' if asal and asal.get('jenis') == 'perubahan' else 'peraturan dicabut'}"
                if "perubahan" in c else "")]
    if f.untyped:
        lines.append("  teks tanpa unit: " + ", ".join(f.untyped))
    return "\n".join(lines)

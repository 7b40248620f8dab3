"""Every error finding of ``legaldraft check`` on the corpus, pinned one by one (issues 12 and 13: "each error finding
on a corpus document is reviewed: a true defect of the source is pinned by a test with the reason, a false one is
fixed").

    python tools/pin_corpus_errors.py            # compare: what is reported but not pinned, pinned but not reported
    python tools/pin_corpus_errors.py --draft    # print a YAML draft for each finding not pinned (reason: TODO;
                                                 # 'temuan' shows the finding: delete it once reviewed)

tests/rules/corpus_errors.yaml has two sections, each ``document -> list of entries``:

``pinned``       true defects. An entry names one finding (or ``kali`` identical ones) by its rule (``aturan``) and a
                 stable key (``kutipan``: text of the finding, its quoted source text or the regulation it names;
                 ``pesan``, optional: a part of the message that tells two findings on one text apart), says where the
                 defect is (``asal``: ``sumber`` = the issued document as the copy shows it, ``salinan`` = the stored
                 copy only, an OCR or extraction slip of a document marked ``mutu: ocr``, or of a clean copy whose
                 curators' note names it: ``catatan`` quotes that note), quotes the source (``bukti``: verbatim from
                 the corpus file outside the notes, checked) and gives the reason (``alasan``).
``KNOWN_FALSE``  false alarms not fixed yet, each with its owner (``pemilik``: the branch or part that fixes it),
                 the cause (``sebab``: ``importer`` = how the text was read, ``aturan`` = the rule) and why it is
                 false (``alasan``). They are printed by the test, never counted as true.

A finding belongs to the matching entry with the longest key; an entry must match exactly ``kali`` findings (default
1). Documents marked ``ukur_saja`` (held out) are compared and reported, not asserted.
"""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
PINNED = ROOT / "tests" / "rules" / "corpus_errors.yaml"
SECTIONS = ("pinned", "KNOWN_FALSE")
HOW = ("Jika temuan itu cacat nyata naskah: sematkan di tests/rules/corpus_errors.yaml bagian 'pinned' (aturan, "
       "kutipan, asal, bukti = teks sumber apa adanya, alasan). Jika palsu: perbaiki aturan atau importer; bila "
       "perbaikannya milik cabang lain, catat di bagian 'KNOWN_FALSE' dengan pemilik dan sebabnya. "
       "Draf: python tools/pin_corpus_errors.py --draft")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _is_note(line: str) -> bool:
    return bool(re.fullmatch(r"\s*\[[^\]]*\]\s*", line))


def curator_notes(doc: str) -> str:
    """The curators' notes of a corpus file (whole lines in square brackets), whitespace collapsed."""
    return norm("\n".join(line for line in (CORPUS / doc).read_text(encoding="utf-8").split("\n") if _is_note(line)))


def source_body(doc: str) -> str:
    """The corpus file's text without the curators' notes (whole lines in square brackets: '[source: …]', '[part: …]'),
    whitespace collapsed: what a pin's ``bukti`` must quote."""
    text = (CORPUS / doc).read_text(encoding="utf-8")
    return norm("\n".join(line for line in text.split("\n") if not _is_note(line)))


class KnownFalse(UserWarning):
    """False error findings on the corpus that are listed, with their owner, and not fixed yet."""


@dataclass
class Found:
    doc: str
    rule: str
    message: str
    snippet: str

    @property
    def text(self) -> str:
        return f"{norm(self.message)} ¦ {norm(self.snippet)}"

    def show(self) -> str:
        return f"{self.rule} {self.message!r}" + (f" [{norm(self.snippet)[:90]}]" if self.snippet else "")


@dataclass
class Entry:
    section: str
    doc: str
    row: dict
    found: list = field(default_factory=list)

    @property
    def rule(self) -> str:
        return self.row["aturan"]

    @property
    def keys(self) -> list[str]:
        k = self.row.get("kutipan")
        return [norm(x) for x in (k if isinstance(k, list) else [k])]

    @property
    def want(self) -> int:
        return int(self.row.get("kali", 1))

    def matches(self, f: Found) -> bool:
        return f.rule == self.rule and all(k in f.text for k in self.keys) \
            and norm(self.row.get("pesan", "")) in norm(f.message)

    @property
    def weight(self) -> int:
        return sum(len(k) for k in self.keys) + len(norm(self.row.get("pesan", "")))

    def show(self) -> str:
        return f"{self.rule} kutipan={self.row.get('kutipan')!r}" + (f" pesan={self.row['pesan']!r}" if self.row.get("pesan") else "")


def manifest() -> dict:
    data = yaml.safe_load((CORPUS / "manifest.yaml").read_text(encoding="utf-8")) or {}
    return data.get("dokumen", {}) or {}


def held_out(doc: str, entries: dict | None = None) -> bool:
    return bool(((entries if entries is not None else manifest()).get(doc) or {}).get("ukur_saja"))


def findings_of(path: Path) -> list[Found]:
    from legaldraft.api import check
    from legaldraft.importer import import_file
    from legaldraft.importer.finish import load_spec

    doc = path.relative_to(CORPUS).as_posix()
    return [Found(doc, f.rule.id, f.message, f.snippet or "")
            for f in check(load_spec(import_file(path))) if f.severity.value == "error"]


def current() -> dict[str, list[Found]]:
    """Every corpus document (held-out ones included) and its error findings."""
    sys.path.insert(0, str(ROOT))
    return {path.relative_to(CORPUS).as_posix(): findings_of(path) for path in sorted(CORPUS.rglob("*.txt"))}


def pinned() -> dict:
    return (yaml.safe_load(PINNED.read_text(encoding="utf-8")) or {}) if PINNED.exists() else {}


def entries_of(pins: dict) -> dict[str, list[Entry]]:
    out: dict[str, list[Entry]] = defaultdict(list)
    for section in SECTIONS:
        for doc, rows in (pins.get(section) or {}).items():
            out[doc] += [Entry(section, doc, row) for row in rows or []]
    return out


@dataclass
class Comparison:
    unpinned: list = field(default_factory=list)     # (doc, Found)
    stale: list = field(default_factory=list)        # (doc, Entry, how many found)
    known_false: list = field(default_factory=list)  # (doc, Entry)
    true: list = field(default_factory=list)         # (doc, Entry)

    def problems(self, docs=None) -> list[str]:
        keep = (lambda d: True) if docs is None else (lambda d: d in docs)
        out = [f"{d}: {f.show()} dilaporkan tetapi tidak tersemat. {HOW}" for d, f in self.unpinned if keep(d)]
        for d, e, n in self.stale:
            if not keep(d):
                continue
            if n == 0 and e.section == "KNOWN_FALSE":
                out.append(f"{d}: KNOWN_FALSE {e.show()} tidak dilaporkan lagi: galat palsu ini sudah diperbaiki; "
                           "hapus entrinya dari KNOWN_FALSE (catat siapa yang memperbaikinya)")
            elif n == 0:
                out.append(f"{d}: sematan {e.show()} tidak dilaporkan lagi: bila cacat naskah itu memang tidak "
                           "dilaporkan lagi (aturan berubah: apakah masih benar?), hapus sematannya; bila teks "
                           "temuannya berubah, perbarui 'kutipan'")
            else:
                out.append(f"{d}: {e.section} {e.show()} cocok dengan {n} temuan, tersemat kali={e.want}: periksa "
                           "temuan yang baru/hilang lalu perbarui 'kali' atau tambahkan sematan yang lebih khusus")
        return out


def compare(found: dict[str, list[Found]], pins: dict) -> Comparison:
    result = Comparison()
    entries = entries_of(pins)
    for doc in sorted(set(found) | set(entries)):
        mine = entries.get(doc, [])
        for f in found.get(doc, []):
            best = max((e for e in mine if e.matches(f)), key=lambda e: e.weight, default=None)
            if best is None:
                result.unpinned.append((doc, f))
            else:
                best.found.append(f)
        for e in mine:
            if len(e.found) != e.want:
                result.stale.append((doc, e, len(e.found)))
            elif e.section == "KNOWN_FALSE":
                result.known_false.append((doc, e))
            else:
                result.true.append((doc, e))
    return result


def bad_rows(pins: dict, entries: dict | None = None) -> list[str]:
    """Rows that are not a review: missing fields, TODO, a quote not in the source, 'salinan' on a clean copy."""
    entries = manifest() if entries is None else entries
    out = []
    for section in SECTIONS:
        for doc, rows in (pins.get(section) or {}).items():
            if doc not in entries:
                out.append(f"{doc}: tidak ada di corpus/manifest.yaml")
                continue
            source = source_body(doc)
            for row in rows or []:
                need = ("aturan", "kutipan", "alasan") + (("asal", "bukti") if section == "pinned"
                                                          else ("pemilik", "sebab"))
                allowed = set(need) | {"pesan", "kali", "catatan"} | ({"pemilik", "sebab"} if section == "KNOWN_FALSE" else set())
                if set(row) - allowed:
                    out.append(f"{doc}: {section} {row.get('aturan')}: kunci tak dikenal {sorted(set(row) - allowed)}")
                missing = [k for k in need if not row.get(k) or "TODO" in str(row.get(k))]
                if missing:
                    out.append(f"{doc}: {section} {row.get('aturan')} {row.get('kutipan')!r}: isi {', '.join(missing)}")
                    continue
                if section == "pinned":
                    if row["asal"] not in ("sumber", "salinan"):
                        out.append(f"{doc}: {row['aturan']}: asal harus 'sumber' atau 'salinan'")
                    if row["asal"] == "salinan" and entries[doc].get("mutu") != "ocr" and \
                            not (row.get("catatan") and norm(row["catatan"]) in curator_notes(doc)):
                        out.append(f"{doc}: {row['aturan']}: 'salinan' pada salinan bersih hanya bila catatan korpus "
                                   "menyebut cacat salinan itu ('catatan': kutipan apa adanya dari catatan [part: …])")
                    quotes = row["bukti"] if isinstance(row["bukti"], list) else [row["bukti"]]
                    for q in quotes:
                        if norm(q) not in source:
                            out.append(f"{doc}: {row['aturan']}: bukti {q!r} tidak ada dalam teks sumber")
                elif row["sebab"] not in ("importer", "aturan"):
                    out.append(f"{doc}: {row['aturan']}: sebab harus 'importer' atau 'aturan'")
    return out


def draft(comparison: Comparison) -> str:
    """YAML rows for the findings not pinned: the key is the finding's snippet (or its message when it has none), the
    source text is the snippet when the corpus file has it verbatim; asal and alasan are left TODO for the reviewer
    (the test refuses a TODO). 'pesan' only where two findings of one rule share a snippet."""
    rows: dict[str, list[dict]] = defaultdict(list)
    shared = defaultdict(set)
    for doc, f in comparison.unpinned:
        shared[(doc, f.rule, norm(f.snippet))].add(norm(f.message))
    for doc, f in comparison.unpinned:
        key = norm(f.snippet).strip("…").strip() or norm(f.message)
        row = {"aturan": f.rule, "kutipan": key}
        if len(shared[(doc, f.rule, norm(f.snippet))]) > 1:
            row["pesan"] = norm(f.message)
        same = [r for r in rows[doc] if {k: r.get(k) for k in ("aturan", "kutipan", "pesan")} ==
                {k: row.get(k) for k in ("aturan", "kutipan", "pesan")}]
        if same:
            same[0]["kali"] = same[0].get("kali", 1) + 1
            continue
        row.update({"asal": "TODO", "bukti": key if key in source_body(doc) else "TODO", "alasan": "TODO",
                    "temuan": f.show()})
        rows[doc].append(row)
    return yaml.safe_dump({"pinned": dict(rows)}, allow_unicode=True, sort_keys=False, width=120)


def report(comparison: Comparison, entries: dict | None = None, held: bool = True) -> str:
    """Counts, every KNOWN_FALSE entry with its owner, and (``held``) what differs on the held-out documents."""
    entries = manifest() if entries is None else entries
    lines = [f"tersemat benar: {sum(e.want for _, e in comparison.true)} temuan "
             f"({sum(e.want for _, e in comparison.true if e.row.get('asal') == 'salinan')} cacat salinan); "
             f"KNOWN_FALSE: {sum(e.want for _, e in comparison.known_false)} temuan palsu belum diperbaiki"]
    for doc, e in comparison.known_false:
        lines.append(f"  KNOWN_FALSE {doc}: {e.show()} — pemilik {e.row['pemilik']}, sebab {e.row['sebab']}: "
                     f"{norm(e.row['alasan'])}")
    if held:
        diff = [f"  {d}: tidak tersemat: {f.show()}" for d, f in comparison.unpinned if held_out(d, entries)]
        diff += [f"  {d}: tidak dilaporkan lagi (atau jumlahnya berubah, {n} dari {e.want}): {e.show()}"
                 for d, e, n in comparison.stale if held_out(d, entries)]
        if diff:
            lines.append(f"dokumen uji tertahan (ukur_saja: dilaporkan, tidak dinilai): {len(diff)} selisih")
            lines += diff
    return "\n".join(lines)


if __name__ == "__main__":
    comparison = compare(current(), pinned())
    if "--draft" in sys.argv:
        print(draft(comparison))
    else:
        print(report(comparison))
        asserted = [p for p in comparison.problems() if not held_out(p.split(":", 1)[0])]
        print("\n".join(asserted + bad_rows(pinned())) or "sama")

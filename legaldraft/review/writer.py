"""The reviewed DOCX: the author's file with every finding as a Word comment and every mechanical fix as a
tracked change, and a first comment with the counts per severity.

Nothing else in the file changes: the parts are copied as they are, document.xml keeps every element the
author wrote (runs are only split where a comment or a change starts or ends, each piece keeping its
``w:rPr``), and comments.xml is added (or extended when the draft already carries comments).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

from ..wordml.edit import Editor, NotEditable, Stamp
from .core import Report, SourceFinding, check_source

LABEL = {"error": "galat", "warning": "peringatan", "info": "info"}


def comment_text(f: SourceFinding) -> list[str]:
    lines = [f"[{f.rule.id}] {LABEL[f.severity.value]}: {f.message}"]
    if f.edits:
        changes = "; ".join(f"'{e.old}' -> '{e.new}'" if e.old else f"sisipkan '{e.new}'" for e in f.edits)
        lines.append(f"Perbaikan (perubahan terlacak, terima atau tolak): {changes}.")
    elif f.hint:
        lines.append(f"Cara memperbaiki: {f.hint.rstrip('.')}.")
    if f.note:
        lines.append(f"Catatan: {f.note}.")
    lines.append(f"Aturan: {f.rule.title}. Sumber: {f.rule.source}.")
    return lines


def cover_text(report: Report, applied: int, as_comment: int) -> list[str]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in report.findings:
        counts[f.severity.value] += 1
    total = sum(counts.values())
    return [
        f"Hasil pemeriksaan legaldraft (Tata Naskah, UU 12/2011 Lampiran II sebagaimana diubah UU 13/2022): "
        f"{total} temuan: {counts['error']} galat, {counts['warning']} peringatan, {counts['info']} info.",
        f"{applied} perbaikan mekanis ditandai sebagai perubahan terlacak (Tinjau > Terima/Tolak); "
        f"{as_comment} temuan lain hanya berupa komentar dan diperbaiki oleh penyusun.",
        "Setelah diperbaiki, periksa lagi: legaldraft check " + report.source.path.name,
    ]


def review_docx(source: str | Path, target: str | Path | None = None, author: str = "legaldraft",
                when: Optional[dt.datetime] = None, report: Optional[Report] = None, only=None,
                severities: dict | None = None, threshold: str = "info") -> tuple[bytes, Report]:
    """Review ``source`` (DOCX or ODT); returns the reviewed DOCX bytes (written to ``target`` when given)."""
    from ..rules.engine import Severity  # lazy: start-up time

    report = report or check_source(source, only=only, severities=severities)
    if report.source.kind != "docx":
        raise ValueError("review menulis komentar ke DOCX atau ODT; untuk PDF/teks gunakan 'legaldraft check'")
    limit = Severity(threshold).rank
    findings = [f for f in report.findings if f.severity.rank >= limit]
    editor = Editor(report.source.package, Stamp.make(author, when))
    # comments first (they do not change the text), then the changes, right to left in each paragraph
    for f in findings:
        if f.place is None:
            continue
        try:
            editor.comment(f.place.para, f.place.start, f.place.end, comment_text(f))
        except NotEditable:
            editor.comment(f.place.para, f.place.para.body_start, len(f.place.para.text), comment_text(f))
    applied = 0
    done: list[tuple[int, int, int]] = []
    wanted = {id(e) for f in findings for e in f.edits}
    for edit in sorted(report.edits, key=lambda e: (e.place.para.index, -e.place.start)):
        if id(edit) not in wanted:
            continue
        span = (edit.place.para.index, edit.place.start, edit.place.end)
        if any(s[0] == span[0] and s[1] < span[2] and span[1] < s[2] for s in done):
            continue
        try:
            editor.replace(edit.place.para, edit.place.start, edit.place.end, edit.new)
        except NotEditable:
            continue
        done.append(span)
        applied += 1
    first = next((p for p in report.source.paras if p.where == "body" and p.text.strip()), None)
    if first is not None:
        editor.comment(first, first.body_start, len(first.text),
                       cover_text(report, applied, sum(1 for f in findings if not f.edits)))
        editor.comments.insert(0, editor.comments[-1])      # the cover note is the first comment
    data = editor.save()
    if target is not None:
        from ..ioutil import atomic_write_bytes  # lazy: start-up time

        atomic_write_bytes(Path(target), data)
    return data, report


def margin_pdf(reviewed: str | Path, target: str | Path | None = None) -> Path:
    """PDF of a reviewed DOCX with its comments in a margin column (LibreOffice), beside it by default."""
    import shutil  # lazy: start-up time
    import tempfile  # lazy: start-up time

    from ..render.pdf import convert_batch  # lazy: start-up time
    from ..wordml.margin import with_margin_comments  # lazy: start-up time

    reviewed = Path(reviewed)
    target = Path(target) if target else reviewed.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="legaldraft-review-") as tmp:
        copy = Path(tmp) / f"{target.stem}.docx"
        copy.write_bytes(with_margin_comments(reviewed.read_bytes()))
        pdf = convert_batch([copy], Path(tmp) / "pdf")[0]
        staged = target.with_name(f".{target.name}.tmp")
        shutil.copy(pdf, staged)
        staged.replace(target)
    return target

"""Review a draft where it lives (issue 15).

- :func:`check_source` (``legaldraft check DRAF.docx|.odt|.pdf|.txt``): the draft imported by the ordinary
  importer, checked by the rules, plus what only the source shows (:mod:`.sumber`: hand numbering, formula
  typos); every finding placed on the source paragraph, page and words (:mod:`.locate`); mechanical fixes as
  :class:`~.core.Edit` s (a located span and its replacement).
- :func:`review_docx` (``legaldraft review``): the author's DOCX with the findings as Word comments and the
  edits as tracked changes (:mod:`.writer`, on :mod:`legaldraft.wordml`).
"""
from __future__ import annotations

from .core import Edit, Report, SourceFinding, check_source
from .writer import margin_pdf, review_docx

__all__ = ["check_source", "review_docx", "margin_pdf", "Report", "SourceFinding", "Edit"]

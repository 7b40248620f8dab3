"""Errors for people: file:line:column, what is wrong, how to fix it (Indonesian)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, Optional

#: Exit codes of the CLI, defined in legaldraft/exitcodes.py (re-exported here for older imports).
from ..exitcodes import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_INVALID, EXIT_OK, EXIT_USAGE  # noqa: E402,F401


class Position(NamedTuple):
    """Where in the spec (a tuple: the loader makes one for every YAML value, so it must be cheap)."""

    line: int  # 1-based
    column: int  # 1-based

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


class FilePosition(NamedTuple):
    """A place in another file than the spec (a row and column of a table read from CSV/XLSX)."""

    line: int  # the row, 1-based, as a spreadsheet numbers it
    column: int  # the column, 1-based (A = 1)
    file: str

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


def file_of(position, default: Optional[str]) -> Optional[str]:
    """The file a position lies in: its own for a :class:`FilePosition`, else ``default`` (the spec)."""
    return getattr(position, "file", None) or default


@dataclass
class Problem:
    """One problem of a spec, with its place (file:line:column) when known."""

    message: str
    file: Optional[str] = None
    position: Optional[Position] = None
    hint: Optional[str] = None
    code: str = "SPEC"

    def __post_init__(self):
        self.file = file_of(self.position, self.file)

    def location(self) -> str:
        where = self.file or "<spec>"
        if self.position:
            where += f":{self.position}"
        return where

    def __str__(self) -> str:
        text = f"{self.location()}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


@dataclass
class SpecError(Exception):
    """A spec that cannot be used. Carries every problem found, not only the first."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

"""Errors for people: file:line:column, what is wrong, how to fix it (Indonesian)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, Optional

#: Exit codes of the CLI (documented in README and ``legaldraft --help``).
EXIT_OK = 0
EXIT_FINDINGS = 1   # check: at least one finding of severity error
EXIT_INVALID = 2    # the spec cannot be read, is not valid, or a reference/profile/registry key is unknown
EXIT_USAGE = 3      # wrong command-line usage, or an output that may not be overwritten
EXIT_INTERNAL = 4   # a bug in legaldraft (please report it)
EXIT_IMPORT_BELOW = 6  # import: the source fell below the typed-coverage threshold (spec written; see --report)


class Position(NamedTuple):
    """Where in the spec (a tuple: the loader makes one for every YAML value, so it must be cheap)."""

    line: int  # 1-based
    column: int  # 1-based

    def __str__(self) -> str:
        return f"{self.line}:{self.column}"


@dataclass
class Problem:
    message: str
    file: Optional[str] = None
    position: Optional[Position] = None
    hint: Optional[str] = None
    code: str = "SPEC"

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

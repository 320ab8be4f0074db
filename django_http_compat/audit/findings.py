"""What the audit reports: one ``Finding`` per legacy use, gathered in a ``Report``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from django_http_compat.features import FEATURES_BY_ID, Feature
from django_http_compat.rules import Rewrite

Certainty = Literal["certain", "possible"]


@dataclass(frozen=True)
class Finding:
    path: str
    #: 1-based line and column (in characters) where the use starts.
    line: int
    col: int
    feature: str
    certainty: Certainty
    #: The rewrite ``--fix`` applies; None when the change must be made by hand.
    fix: Rewrite | None = None
    #: Where the use ends: 1-based line, and the 1-based column just past its last character.
    end_line: int = 0
    end_col: int = 0
    #: (line, 0-based column) where the identifying name ends, and that name:
    #: autofix finds the node by the first and checks it by the second.
    anchor: tuple[int, int] = (0, 0)
    name: str = ""

    @property
    def certain(self) -> bool:
        return self.certainty == "certain"

    @property
    def fixable(self) -> bool:
        return self.certain and self.fix is not None

    @property
    def definition(self) -> Feature:
        return FEATURES_BY_ID[self.feature]

    @property
    def code(self) -> str:
        return self.definition.code

    @property
    def message(self) -> str:
        """The runtime warning's text: the API, its removal, the replacement, the feature id."""
        return self.definition.warning_message

    def describe(self) -> str:
        """``path:line:col: CODE message``, the form ruff, flake8 and editors read."""
        notes = [] if self.certain else ["possible"]
        if self.fixable:
            notes.append("fixable")
        suffix = f" ({', '.join(notes)})" if notes else ""
        return f"{self.path}:{self.line}:{self.col}: {self.code} {self.message}{suffix}"

    def as_json(self) -> dict[str, object]:
        feature = self.definition
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "end_line": self.end_line,
            "end_col": self.end_col,
            "code": feature.code,
            "feature": feature.id,
            "certainty": self.certainty,
            "fixable": self.fixable,
            "message": self.message,
            "replacement": feature.replacement,
            "removed_in": feature.removed,
        }


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    #: (path, reason) of files that could not be audited (unreadable, not Python 3, too large ...).
    skipped: list[tuple[str, str]] = field(default_factory=list)
    #: (path, reason) of files whose audit failed inside the tool: a bug, exit status 2.
    errors: list[tuple[str, str]] = field(default_factory=list)
    #: Findings silenced by an inline comment (noqa with a code, or http-compat: ignore).
    suppressed: int = 0
    files: int = 0

    def extend(self, other: Report) -> None:
        self.findings.extend(other.findings)
        self.skipped.extend(other.skipped)
        self.errors.extend(other.errors)
        self.suppressed += other.suppressed
        self.files += other.files

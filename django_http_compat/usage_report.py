"""The usage report: the counted legacy calls as text, JSON, CSV or one HTML page.

``manage.py http_compat_report`` and ``python -m django_http_compat report``
read a usage file (``HTTP_COMPAT_USAGE_FILE``) and print its sites, most
called first, with paths relative to the project root.  ``--against-audit``
joins the counts with the sites of an audit report (``audit --format
json``): sites the audit found that never ran are the first to rewrite or
delete, and sites that ran but the audit missed need a look by hand.

The audit names the position of a use and the counts name the line Python
was executing, which differ when a call spans lines (``mimetype=`` three
lines below ``HttpResponse(``), so the two are matched by statement: a
runtime site and an audit site are the same when they are in the same
innermost statement of the same file, read from the source.  Without the
source they are matched by line.  Module-level names (``render_to_response``,
``MergeDict``) are counted where they are imported, not where they are
called, so for those every site the audit found in a file matches the
file's count.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from .features import FEATURES_BY_ID
from .rules import ServedNames
from .usage_counts import Site, UnreadableUsageFile, load

FORMATS = ("text", "json", "csv", "html")

#: Statuses of a site when the counts are joined with the audit.
HIT = "hit"
NEVER_HIT = "never hit"
NOT_IN_AUDIT = "not in the audit"
STATUSES = (HIT, NEVER_HIT, NOT_IN_AUDIT)


class ReportError(Exception):
    """A file the report needs is missing or unreadable; the message says which and why."""


@dataclass(frozen=True)
class Row:
    """One site: a feature used at a file and line, and how often it ran."""

    feature: str
    file: str
    line: int
    calls: int
    #: One of ``STATUSES`` when joined with an audit, else None.
    status: str | None = None
    #: The audit's findings at this site, as the audit wrote them.
    findings: tuple[dict[str, Any], ...] = ()

    @property
    def replacement(self) -> str:
        known = FEATURES_BY_ID.get(self.feature)
        return known.replacement if known else "(unknown feature)"

    @property
    def removed_in(self) -> str | None:
        known = FEATURES_BY_ID.get(self.feature)
        return known.removed if known else None


@dataclass
class Report:
    rows: list[Row]
    root: str
    usage_file: str
    audit_file: str | None = None
    totals_by_feature: dict[str, dict[str, int]] = field(default_factory=dict)
    totals_by_file: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def joined(self) -> bool:
        return self.audit_file is not None

    @property
    def calls(self) -> int:
        return sum(row.calls for row in self.rows)


# --- reading -------------------------------------------------------------------


def read_usage(path: str | os.PathLike[str]) -> dict[Site, int]:
    """The counts in a usage file; ``ReportError`` if it is missing, unreadable or another file."""
    if not os.path.exists(path):
        raise ReportError(
            f"{path} does not exist. Each process writes its counts there when it exits or is "
            "stopped (SIGTERM, SIGINT), so check the path, and that a process with "
            "HTTP_COMPAT_USAGE_FILE set has run and stopped."
        )
    if os.path.isdir(path):
        raise ReportError(f"{path} is a directory, not a usage file.")
    try:
        return load(path)
    except UnreadableUsageFile as exc:
        raise ReportError(str(exc)) from None
    except OSError as exc:
        raise ReportError(f"cannot read {path}: {exc.strerror or exc}") from None


def read_audit(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """The findings of an ``audit --format json`` report; fields beyond those read here are kept."""
    try:
        data = json.loads(Path(path).read_bytes().decode("utf-8"))
    except FileNotFoundError:
        raise ReportError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise ReportError(f"{path} is a directory, not an audit report.") from None
    except OSError as exc:
        raise ReportError(f"cannot read {path}: {exc.strerror or exc}") from None
    except ValueError:
        data = None
    findings = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(findings, list) or not all(_is_finding(f) for f in findings):
        raise ReportError(
            f"{path} is not an audit report; write one with "
            "python -m django_http_compat audit --format json > audit.json"
        )
    return findings


def _is_finding(finding: object) -> bool:
    return (
        isinstance(finding, dict)
        and isinstance(finding.get("path"), str)
        and isinstance(finding.get("feature"), str)
        and isinstance(finding.get("line"), int)
        and not isinstance(finding.get("line"), bool)
    )


def display_path(path: str, root: str) -> str:
    """``path`` relative to ``root`` when it is inside it (with ``/``), else as recorded."""
    if not os.path.isabs(path):
        return Path(path).as_posix().removeprefix("./")
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return path


class _Statements:
    """For each source file, the first line of the innermost statement covering each line."""

    def __init__(self, root: str) -> None:
        self.root = root
        self._maps: dict[str, dict[int, int] | None] = {}

    def key(self, file: str, line: int) -> int:
        if file not in self._maps:
            self._maps[file] = self._read(file)
        statements = self._maps[file]
        return line if statements is None else statements.get(line, line)

    def _read(self, file: str) -> dict[int, int] | None:
        for candidate in (Path(self.root, file), Path(file)):
            try:
                tree = ast.parse(candidate.read_bytes())  # bytes: the coding line is honoured
            except (OSError, SyntaxError, ValueError):
                continue
            return _statement_starts(tree)
        return None


def _statement_starts(tree: ast.AST) -> dict[int, int]:
    best: dict[int, tuple[int, int]] = {}  # line -> (first line, span) of the smallest statement over it
    for node in ast.walk(tree):
        if not isinstance(node, ast.stmt):
            continue
        first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", ()))])
        last = node.end_lineno or node.lineno
        if isinstance(node, _COMPOUND) and _body_start(node) > first:
            last = min(last, _body_start(node) - 1)  # the header only; its body has statements of its own
        for line in range(first, last + 1):
            if line not in best or last - first < best[line][1]:
                best[line] = (first, last - first)
    return {line: first for line, (first, _) in best.items()}


_COMPOUND = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.If,
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.With,
    ast.AsyncWith,
    ast.Try,
)


def _body_start(node: Any) -> int:
    return cast(int, node.body[0].lineno if node.body else node.lineno)


# --- building ------------------------------------------------------------------


def build(
    counts: Mapping[Site, int],
    root: str,
    usage_file: str,
    findings: Sequence[dict[str, Any]] | None = None,
    audit_file: str | None = None,
) -> Report:
    """The report's rows and totals; with ``findings``, the counts joined with the audit's sites."""
    runtime: dict[Site, int] = {}
    for (feature, file, line), n in counts.items():
        site = (feature, display_path(file, root), line)
        runtime[site] = runtime.get(site, 0) + n
    if findings is None:
        rows = [Row(feature, file, line, n) for (feature, file, line), n in runtime.items()]
    else:
        rows = _join(runtime, findings, root)
    rows.sort(key=lambda row: (-row.calls, row.file, row.line, row.feature))
    report = Report(rows, root, usage_file, audit_file)
    report.totals_by_feature = _totals(rows, lambda row: row.feature)
    report.totals_by_file = _totals(rows, lambda row: row.file)
    return report


def _join(runtime: Mapping[Site, int], findings: Sequence[dict[str, Any]], root: str) -> list[Row]:
    statements = _Statements(root)

    def key(feature: str, file: str, line: int) -> tuple[str, str, int]:
        return (feature, file, 0 if _counted_at_import(feature) else statements.key(file, line))

    groups: dict[tuple[str, str, int], list[dict[str, Any]]] = {}
    for finding in findings:
        file = display_path(finding["path"], root)
        groups.setdefault(key(finding["feature"], file, finding["line"]), []).append(finding)
    calls: dict[tuple[str, str, int], int] = {}
    rows = []
    for (feature, file, line), n in runtime.items():
        site_key = key(feature, file, line)
        if site_key in groups:
            calls[site_key] = calls.get(site_key, 0) + n
        else:
            rows.append(Row(feature, file, line, n, NOT_IN_AUDIT))
    for site_key, group in groups.items():
        feature, file, _ = site_key
        n = calls.get(site_key, 0)
        line = min(finding["line"] for finding in group)
        rows.append(Row(feature, file, line, n, HIT if n else NEVER_HIT, tuple(group)))
    return rows


def _counted_at_import(feature_id: str) -> bool:
    known = FEATURES_BY_ID.get(feature_id)
    return known is not None and any(isinstance(rule, ServedNames) for rule in known.patterns)


def _totals(rows: Iterable[Row], by: Any) -> dict[str, dict[str, int]]:
    totals: dict[str, dict[str, int]] = {}
    for row in rows:
        entry = totals.setdefault(by(row), {"sites": 0, "calls": 0, **dict.fromkeys(STATUSES, 0)})
        entry["sites"] += 1
        entry["calls"] += row.calls
        if row.status:
            entry[row.status] += 1
    return dict(sorted(totals.items(), key=lambda item: (-item[1]["calls"], -item[1]["sites"], item[0])))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _certainty(finding: Mapping[str, Any]) -> str:
    # Newer audits say it in words; earlier ones as a boolean.
    certainty = finding.get("certainty")
    if isinstance(certainty, str):
        return certainty
    return "certain" if finding.get("certain") else "possible"


# --- writing -------------------------------------------------------------------


def _printable(text: str) -> str:
    """``text`` with what a terminal would act on (escape sequences, control and bidi characters) escaped.

    The usage file is written by the processes being measured, and its paths
    come from their code objects: a file name may hold anything.
    """
    if text.isprintable():
        return text
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in text
    )


def write_text(report: Report, out: IO[str]) -> None:
    def line(row: Row) -> str:
        where = _printable(f"{row.file}:{row.line}  {row.feature}")
        return f"{row.calls:>8}  {where} — use {row.replacement}"

    if not report.joined:
        for row in report.rows:
            out.write(line(row) + "\n")
        out.write(f"{_count(report.calls, 'legacy call')} at {_count(len(report.rows), 'site')}.\n")
        return
    headings = {
        HIT: "Found by the audit and run",
        NEVER_HIT: "Found by the audit, never run (rewrite or delete these first)",
        NOT_IN_AUDIT: "Run, but not found by the audit (look at these by hand)",
    }
    for status in STATUSES:
        rows = [row for row in report.rows if row.status == status]
        calls = sum(row.calls for row in rows)
        out.write(f"{headings[status]}: {_count(len(rows), 'site')}, {_count(calls, 'call')}.\n")
        for row in rows:
            how = ", ".join(sorted({_certainty(f) for f in row.findings}))
            out.write(line(row) + (f" (audit: {_printable(how)})" if how else "") + "\n")
        out.write("\n")
    audited = sum(row.status != NOT_IN_AUDIT for row in report.rows)
    never = sum(row.status == NEVER_HIT for row in report.rows)
    out.write(
        f"{_count(report.calls, 'legacy call')} at {_count(len(report.rows), 'site')}; "
        f"the audit found {audited}, of which {never} never ran.\n"
    )


def _row_json(row: Row, joined: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "feature": row.feature,
        "file": row.file,
        "line": row.line,
        "calls": row.calls,
        "removed_in": row.removed_in,
        "replacement": row.replacement,
    }
    if joined:
        data["status"] = row.status
        data["audit"] = list(row.findings)
    return data


def write_json(report: Report, out: IO[str]) -> None:
    data: dict[str, Any] = {
        "usage_file": report.usage_file,
        "root": report.root,
        "calls": report.calls,
        "sites": [_row_json(row, report.joined) for row in report.rows],
        "features": [{"feature": k, **v} for k, v in report.totals_by_feature.items()],
        "files": [{"file": k, **v} for k, v in report.totals_by_file.items()],
    }
    if report.joined:
        data["audit_file"] = report.audit_file
    else:
        for entry in (*data["features"], *data["files"]):
            for status in STATUSES:
                del entry[status]
    # One write: a management command's stdout ends every write with a newline.
    out.write(json.dumps(data, indent=1, ensure_ascii=False) + "\n")


#: What a spreadsheet takes as the start of a formula (or a cell break) in a cell read from CSV.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def _cell(value: Any) -> Any:
    """A text field as a spreadsheet shows it rather than runs it (OWASP's CSV injection advice)."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(report: Report, out: IO[str]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    header = ["feature", "file", "line", "calls", "removed_in", "replacement"]
    writer.writerow([*header, "status", "audit_certainty"] if report.joined else header)
    for row in report.rows:
        fields = [row.feature, row.file, row.line, row.calls, row.removed_in or "", row.replacement]
        if report.joined:
            fields += [row.status, ";".join(sorted({_certainty(f) for f in row.findings}))]
        writer.writerow([_cell(field) for field in fields])
    out.write(buffer.getvalue())

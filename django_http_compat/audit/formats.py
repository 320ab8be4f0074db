"""The output formats: ``text`` (``path:line:col: CODE message``), ``json``, ``github`` and ``sarif``."""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from urllib.parse import quote

from django_http_compat import __version__
from django_http_compat.features import FEATURES, Feature

from .findings import Finding, Report

FORMATS = ("text", "json", "github", "sarif")
JSON_VERSION = 1
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


@dataclass
class Outcome:
    """What one run found and did, for every format."""

    report: Report
    features: list[Feature]
    fixed: list[Finding] = field(default_factory=list)
    #: (path, problem) of files ``--fix`` left alone or only partly rewrote.
    fix_problems: list[tuple[str, str]] = field(default_factory=list)
    #: With a baseline: how many recorded sites are gone, and how many findings it covers.
    baseline: str | None = None
    baseline_gone: int = 0
    baseline_known: int = 0
    #: Files ``--fix`` would change (``--check``, ``--diff``) or changed.
    changed_files: list[str] = field(default_factory=list)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def summary(findings: list[Finding]) -> dict[str, dict[str, int]]:
    totals: dict[str, Counter[str]] = {}
    for finding in findings:
        counter = totals.setdefault(finding.feature, Counter())
        counter["total"] += 1
        counter["certain"] += finding.certain
        counter["fixable"] += finding.fixable
    return {
        feature: {k: totals[feature][k] for k in ("total", "certain", "fixable")}
        for feature in sorted(totals)
    }


def write_text(outcome: Outcome, out: IO[str]) -> None:
    report = outcome.report
    for finding in report.findings:
        out.write(finding.describe() + "\n")
    if report.findings:
        out.write("\n")
        for feature, counts in summary(report.findings).items():
            out.write(
                f"{feature}: {counts['total']} ({counts['certain']} certain, {counts['fixable']} fixable)\n"
            )
    if outcome.fixed:
        files = len({f.path for f in outcome.fixed})
        out.write(f"Fixed {_count(len(outcome.fixed), 'use')} in {_count(files, 'file')}.\n")
    fixable = sum(f.fixable for f in report.findings)
    line = (
        f"{_count(len(report.findings), 'legacy use')} in {len({f.path for f in report.findings})} of "
        f"{_count(report.files, 'file')} ({fixable} fixable with --fix); "
        f"{_count(len(report.skipped) + len(report.errors), 'file')} skipped"
    )
    if report.suppressed:
        line += f"; {report.suppressed} suppressed by comments"
    if outcome.baseline is not None:
        line += f"; {outcome.baseline_known} in the baseline"
        if outcome.baseline_gone:
            line += f", {outcome.baseline_gone} baseline sites gone (--update-baseline records that)"
    out.write(line + ".\n")


def write_json(outcome: Outcome, out: IO[str]) -> None:
    report = outcome.report
    data = {
        "version": JSON_VERSION,
        "tool": {"name": "django-http-compat", "version": __version__},
        "files": report.files,
        "findings": [f.as_json() for f in report.findings],
        "summary": summary(report.findings),
        "fixed": [f.as_json() for f in outcome.fixed],
        "skipped": [{"path": p, "reason": r} for p, r in report.skipped],
        "errors": [{"path": p, "reason": r} for p, r in report.errors],
        "suppressed": report.suppressed,
        "baseline": None
        if outcome.baseline is None
        else {"path": outcome.baseline, "known": outcome.baseline_known, "gone": outcome.baseline_gone},
    }
    json.dump(data, out, indent=1)
    out.write("\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(outcome: Outcome, out: IO[str]) -> None:
    """GitHub Actions workflow commands: one annotation per finding, on the pull request's diff."""
    for f in outcome.report.findings:
        properties = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (
                ("file", f.path),
                ("line", f.line),
                ("col", f.col),
                ("endLine", f.end_line),
                ("endColumn", f.end_col),
                ("title", f"{f.code} {f.feature}" + ("" if f.certain else " (possible)")),
            )
        )
        out.write(f"::warning {properties}::{_escape_data(f.message)}\n")
    for path, reason in outcome.report.skipped + outcome.report.errors:
        out.write(f"::error file={_escape_property(path)},title=not audited::{_escape_data(reason)}\n")


def _location(path: str) -> dict[str, str]:
    """A SARIF artifactLocation: relative to the working directory (%SRCROOT%) when inside it."""
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(Path.cwd())
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(relative.as_posix()), "uriBaseId": "%SRCROOT%"}


def sarif(outcome: Outcome) -> dict[str, object]:
    """A SARIF 2.1.0 log: one rule per feature, one result per finding (code scanning reads it)."""
    rules = [_sarif_rule(feature) for feature in FEATURES]
    index = {feature.id: i for i, feature in enumerate(FEATURES)}
    results = []
    for f in outcome.report.findings:
        results.append(
            {
                "ruleId": f.code,
                "ruleIndex": index[f.feature],
                "level": "warning" if f.certain else "note",
                "message": {"text": f.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": _location(f.path),
                            "region": {
                                "startLine": f.line,
                                "startColumn": f.col,
                                "endLine": f.end_line,
                                "endColumn": f.end_col,
                            },
                        }
                    }
                ],
                "properties": {"feature": f.feature, "certainty": f.certainty, "fixable": f.fixable},
            }
        )
    notifications = [
        {
            "level": "error",
            "message": {"text": f"not audited: {reason}"},
            "locations": [{"physicalLocation": {"artifactLocation": _location(path)}}],
        }
        for path, reason in outcome.report.skipped + outcome.report.errors
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "django-http-compat",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
                "invocations": [
                    {
                        "executionSuccessful": not outcome.report.errors,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": results,
            }
        ],
    }


def _sarif_rule(feature: Feature) -> dict[str, object]:
    return {
        "id": feature.code,
        "name": feature.id,
        "shortDescription": {"text": f"{feature.api} ({feature.removal})"},
        "fullDescription": {"text": feature.summary},
        "help": {"text": f"Use {feature.replacement}."},
        "defaultConfiguration": {"level": "warning"},
        "properties": {"removed_in": feature.removed, "tags": ["django", "migration", feature.area]},
    }


def write_sarif(outcome: Outcome, out: IO[str]) -> None:
    json.dump(sarif(outcome), out, indent=1)
    out.write("\n")


WRITERS = {"text": write_text, "json": write_json, "github": write_github, "sarif": write_sarif}

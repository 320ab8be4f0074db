"""The ``audit`` and ``report`` commands, shared by ``python -m django_http_compat``
and the ``http_compat_audit`` / ``http_compat_report`` management commands.

Exit status of ``audit``: 0 when nothing is found, 1 when legacy uses remain
(or a file could not be read, so cleanliness is unproven), 2 on usage errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import IO

from .features import FEATURES, FEATURES_BY_ID, Feature
from .versions import InvalidVersion, format_version, parse_version


def _feature_id(value: str) -> str:
    if value not in FEATURES_BY_ID:
        raise argparse.ArgumentTypeError(f"unknown feature {value!r}; valid ids: {', '.join(FEATURES_BY_ID)}")
    return value


def _removal_version(value: str) -> str:
    removals = sorted({f.removed_version for f in FEATURES})
    try:
        version = parse_version(value)
    except InvalidVersion as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    if version not in removals:
        choices = ", ".join(format_version(v) for v in removals)
        raise argparse.ArgumentTypeError(
            f"no feature was removed or changed in {value}; choose from {choices}"
        )
    return format_version(version)


def add_audit_arguments(parser: argparse.ArgumentParser, default_path: str = ".") -> None:
    parser.add_argument("paths", nargs="*", default=[default_path], help="files or directories to audit")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--feature", action="append", type=_feature_id, default=[], help="only this feature (repeatable)"
    )
    parser.add_argument(
        "--removed-in",
        action="append",
        type=_removal_version,
        default=[],
        metavar="X.Y",
        help="only features Django removed or changed in this release (repeatable)",
    )
    parser.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help="skip matching paths (repeatable)"
    )
    parser.add_argument("--fix", action="store_true", help="apply the rewrites proven to keep behaviour")


def selected_features(feature_ids: list[str], removed_in: list[str]) -> list[Feature]:
    chosen = [f for f in FEATURES if not feature_ids or f.id in feature_ids]
    if removed_in:
        wanted = {parse_version(v) for v in removed_in}
        chosen = [f for f in chosen if f.removed_version in wanted]
    return chosen


def run_audit(options: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .audit import audit_paths

    missing = [p for p in options.paths if not os.path.exists(p)]
    if missing:
        err.write(f"no such file or directory: {', '.join(missing)}\n")
        return 2
    features = selected_features(options.feature, options.removed_in)
    report = audit_paths(options.paths, features, options.exclude)
    fixed = []
    if options.fix and any(f.fixable for f in report.findings):
        from . import autofix

        if not autofix.available():
            err.write(autofix.INSTALL_HINT + "\n")
            return 2
        fixed = _apply_fixes(report.findings)
        report = audit_paths(options.paths, features, options.exclude)
    for path, reason in report.skipped:
        err.write(f"{path}: skipped, {reason}\n")
    if options.format == "json":
        _write_json(report, fixed, out)
    else:
        _write_text(report, fixed, out)
    return 1 if report.findings or report.skipped else 0


def _apply_fixes(findings: list) -> list:
    from . import autofix

    by_path: dict[str, list] = {}
    for finding in findings:
        if finding.fixable:
            by_path.setdefault(finding.path, []).append(finding)
    done = []
    for path, path_findings in by_path.items():
        source = Path(path).read_bytes()
        new_source, applied = autofix.fix_source(source, path_findings)
        if new_source != source:
            Path(path).write_bytes(new_source)
        done.extend(applied)
    return done


def _summary(findings: list) -> dict[str, dict[str, int]]:
    totals: dict[str, Counter] = {}
    for finding in findings:
        counter = totals.setdefault(finding.feature, Counter())
        counter["total"] += 1
        counter["certain"] += finding.certain
        counter["fixable"] += finding.fixable
    return {feature: dict(totals[feature]) for feature in sorted(totals)}


def _write_text(report, fixed: list, out: IO[str]) -> None:
    for finding in report.findings:
        out.write(finding.describe() + "\n")
    if report.findings:
        out.write("\n")
        for feature, counts in _summary(report.findings).items():
            out.write(
                f"{feature}: {counts['total']} ({counts.get('certain', 0)} certain, "
                f"{counts.get('fixable', 0)} fixable)\n"
            )
    if fixed:
        out.write(f"Fixed {_count(len(fixed), 'use')} in {_count(len({f.path for f in fixed}), 'file')}.\n")
    fixable = sum(f.fixable for f in report.findings)
    out.write(
        f"{_count(len(report.findings), 'legacy use')} in {len({f.path for f in report.findings})} of "
        f"{_count(report.files, 'file')} ({fixable} fixable with --fix); "
        f"{_count(len(report.skipped), 'file')} skipped.\n"
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _write_json(report, fixed: list, out: IO[str]) -> None:
    data = {
        "files": report.files,
        "findings": [f.as_json() for f in report.findings],
        "summary": _summary(report.findings),
        "fixed": [f.as_json() for f in fixed],
        "skipped": [{"path": path, "reason": reason} for path, reason in report.skipped],
    }
    json.dump(data, out, indent=1)
    out.write("\n")


def add_report_arguments(
    parser: argparse.ArgumentParser, file_optional: bool = False, default_root: str = "."
) -> None:
    from .usage_report import add_arguments

    add_arguments(parser, file_optional, default_root)


def run_report(options: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .usage_report import run

    return run(options, out, err)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m django_http_compat")
    commands = parser.add_subparsers(dest="command", required=True)
    audit = commands.add_parser("audit", help="list the legacy django.http uses in Python source")
    add_audit_arguments(audit)
    report = commands.add_parser("report", help="print a runtime usage file (text, JSON, CSV or HTML)")
    add_report_arguments(report)
    options = parser.parse_args(argv)
    run = run_audit if options.command == "audit" else run_report
    return run(options, sys.stdout, sys.stderr)

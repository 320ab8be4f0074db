"""The ``audit`` and ``report`` commands, shared by ``python -m django_http_compat``,
``python -m django_http_compat.audit`` and the ``http_compat_audit`` /
``http_compat_report`` management commands.

Exit status of ``audit``: 0 when nothing is found, 1 when legacy uses remain
(with a baseline: new ones) or a file could not be audited, 2 on a usage
error or a failure of the tool itself.  With ``--check``: 1 when ``--fix``
would change a file.  A crash is never reported as 1.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import traceback
from pathlib import Path
from typing import IO, TYPE_CHECKING

from . import __version__
from .features import FEATURES, FEATURES_BY_ID, Feature
from .versions import InvalidVersion, format_version, parse_version

if TYPE_CHECKING:
    from .audit.config import Settings
    from .audit.findings import Report
    from .audit.formats import Outcome

_BY_CODE = {f.code: f.id for f in FEATURES}


def _feature_id(value: str) -> str:
    """A feature id or its code (``request_REQUEST`` or ``HC101``)."""
    found = _BY_CODE.get(value.upper(), value)
    if found not in FEATURES_BY_ID:
        raise argparse.ArgumentTypeError(f"unknown feature {value!r}; valid ids: {', '.join(FEATURES_BY_ID)}")
    return found


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


def _version(value: str) -> str:
    try:
        return format_version(parse_version(value))
    except InvalidVersion as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {value!r}")
    return number


def add_audit_arguments(
    parser: argparse.ArgumentParser, default_path: str | None = None, version: bool = True
) -> None:
    parser.set_defaults(default_path=default_path)
    parser.add_argument(
        "paths", nargs="*", help="files or directories to audit (default: the configured paths, or .)"
    )
    if version:  # a management command has Django's own --version
        parser.add_argument("--version", action="version", version=f"django-http-compat {__version__}")
    parser.add_argument("--format", choices=("text", "json", "github", "sarif"), default="text")
    parser.add_argument(
        "--feature",
        action="append",
        type=_feature_id,
        default=[],
        metavar="ID",
        help="only this feature (id or code; repeatable)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        type=_feature_id,
        default=[],
        metavar="ID",
        help="not this feature (id or code; repeatable)",
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
        "--target-version", type=_version, metavar="X.Y", help="only features gone by this Django release"
    )
    parser.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help="skip matching paths (repeatable)"
    )
    fixing = parser.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true", help="apply the rewrites proven to keep behaviour")
    parser.add_argument("--diff", action="store_true", help="print the rewrites as a diff; write nothing")
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if --fix would change a file"
    )
    parser.add_argument(
        "--baseline", metavar="FILE", help="fail only on uses not recorded in FILE (recorded if missing)"
    )
    parser.add_argument(
        "--update-baseline", action="store_true", help="record today's uses in the --baseline FILE"
    )
    parser.add_argument("--config", metavar="FILE", help="read [tool.django-http-compat] from FILE")
    parser.add_argument(
        "--jobs", "-j", type=_positive, metavar="N", help="worker processes (default: every core)"
    )
    parser.add_argument(
        "--max-file-size", type=_positive, metavar="BYTES", help="skip larger files (default 1 MiB)"
    )
    parser.add_argument(
        "--list-rules", action="store_true", help="list the codes, feature ids and releases; audit nothing"
    )


def selected_features(
    feature_ids: list[str],
    removed_in: list[str],
    ignore: list[str] = (),  # type: ignore[assignment]
    target: str | None = None,
) -> list[Feature]:
    chosen = [f for f in FEATURES if (not feature_ids or f.id in feature_ids) and f.id not in ignore]
    if removed_in:
        wanted = {parse_version(v) for v in removed_in}
        chosen = [f for f in chosen if f.removed_version in wanted]
    if target is not None:
        chosen = [f for f in chosen if f.removed_version <= parse_version(target)]
    return chosen


class UsageError(Exception):
    """Exit status 2, with the message on standard error."""


def run_audit(options: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    try:
        return _run_audit(options, out, err)
    except UsageError as exc:
        err.write(f"{exc}\n")
        return 2
    except Exception:  # a crash of the tool is exit status 2, never 1 ("uses remain")
        err.write(traceback.format_exc())
        err.write("django-http-compat audit failed; the traceback above is a bug worth reporting.\n")
        return 2


def _settings(options: argparse.Namespace) -> tuple[Settings, dict[str, list[str]], str | None]:
    from .audit.config import ConfigError, load

    try:
        settings = load(Path(options.config) if options.config else None)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    names = {}
    for key in ("features", "ignore"):
        try:
            names[key] = [_feature_id(v) for v in getattr(settings, key)]
        except argparse.ArgumentTypeError as exc:
            raise UsageError(f"{settings.source}: {key}: {exc}") from None
    target = options.target_version or settings.target_version
    if target is not None:
        try:
            target = _version(target)
        except argparse.ArgumentTypeError as exc:
            raise UsageError(f"{settings.source}: target-version: {exc}") from None
    return settings, names, target


def _list_rules(out: IO[str]) -> int:
    for feature in FEATURES:
        out.write(f"{feature.code} {feature.id} ({feature.removal}): {feature.api}\n")
    return 0


def _run_audit(options: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    if getattr(options, "list_rules", False):
        return _list_rules(out)
    from .audit import autofix, baseline
    from .audit.files import DEFAULT_MAX_BYTES, audit_paths, resolved_roots, terminal_progress
    from .audit.formats import WRITERS, Outcome

    settings, names, target = _settings(options)
    paths = options.paths or settings.paths or [getattr(options, "default_path", None) or "."]
    missing = [p for p in paths if not os.path.lexists(p)]
    if missing:
        raise UsageError(f"no such file or directory: {', '.join(missing)}")
    rewriting = options.fix or options.diff or options.check
    if rewriting and not autofix.available():
        raise UsageError(autofix.INSTALL_HINT)
    if options.update_baseline and not (options.baseline or settings.baseline):
        raise UsageError("--update-baseline needs --baseline FILE (or baseline in the settings)")
    features = selected_features(
        options.feature or names["features"], options.removed_in, options.ignore + names["ignore"], target
    )
    exclude = [*settings.exclude, *options.exclude]
    max_bytes = options.max_file_size or settings.max_file_size or DEFAULT_MAX_BYTES
    progress = terminal_progress(err) if err is sys.stderr else None

    def audit() -> Report:
        return audit_paths(
            paths, features, exclude, jobs=options.jobs, max_bytes=max_bytes, progress=progress
        )

    outcome = Outcome(audit(), features)
    if rewriting:
        _rewrite(outcome, resolved_roots(paths), options, max_bytes, out, err)
        if options.check or options.diff:
            for path, problem in outcome.fix_problems:
                err.write(f"{path}: {problem}\n")
            if options.check:
                for path in outcome.changed_files:
                    err.write(f"would rewrite {path}\n")
            err.write(f"{len(outcome.changed_files)} file(s) would be rewritten.\n")
            return 1 if options.check and outcome.changed_files else 0
        if outcome.fixed:
            outcome.report = audit()
    baseline_file = options.baseline or settings.baseline
    if baseline_file is not None:
        try:
            if options.update_baseline or not os.path.exists(baseline_file):
                count = baseline.write(baseline_file, outcome.report.findings)
                err.write(f"recorded {count} legacy uses in {baseline_file}\n")
            outcome.baseline = baseline_file
            total = len(outcome.report.findings)
            outcome.report.findings, outcome.baseline_gone = baseline.compare(
                baseline_file, outcome.report.findings
            )
            outcome.baseline_known = total - len(outcome.report.findings)
        except (baseline.BaselineError, OSError) as exc:
            raise UsageError(str(exc)) from None
    report = outcome.report
    for path, reason in report.skipped:
        err.write(f"{path}: skipped, {reason}\n")
    for path, reason in report.errors:
        err.write(f"{path}: the audit failed: {reason}\n")
    for path, problem in outcome.fix_problems:
        err.write(f"{path}: {problem}\n")
    WRITERS[options.format](outcome, out)
    if report.errors:
        return 2
    return 1 if report.findings or report.skipped else 0


def _rewrite(
    outcome: Outcome,
    roots: list[Path],
    options: argparse.Namespace,
    max_bytes: int,
    out: IO[str],
    err: IO[str],
) -> None:
    from .audit.files import decode
    from .audit.writing import rewrite

    paths = list(dict.fromkeys(f.path for f in outcome.report.findings if f.fixable))
    for path in paths:
        result = rewrite(path, roots, outcome.features, write=options.fix, max_bytes=max_bytes)
        if result.problem:
            outcome.fix_problems.append((path, result.problem))
        if not result.changed:
            continue
        outcome.changed_files.append(path)
        outcome.fixed.extend(result.done)
        if options.diff:
            before = decode(result.original).splitlines(keepends=True)
            after = decode(result.fixed).splitlines(keepends=True)
            out.writelines(difflib.unified_diff(before, after, f"{path}", f"{path}"))


def add_report_arguments(
    parser: argparse.ArgumentParser, file_optional: bool = False, default_root: str = "."
) -> None:
    from .report_command import add_arguments

    add_arguments(parser, file_optional, default_root)


def run_report(options: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .report_command import run

    return run(options, out, err)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m django_http_compat")
    parser.add_argument("--version", action="version", version=f"django-http-compat {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    audit = commands.add_parser("audit", help="list the legacy django.http uses in Python source")
    add_audit_arguments(audit)
    report = commands.add_parser("report", help="print a runtime usage file (text, JSON, CSV or HTML)")
    add_report_arguments(report)
    options = parser.parse_args(argv)
    run = run_audit if options.command == "audit" else run_report
    return run(options, sys.stdout, sys.stderr)

"""``http_compat_report`` and ``python -m django_http_compat report``: options, and the report in each format.

The report itself is built in ``usage_report`` and drawn as HTML in
``usage_report_html``; this module only reads the command line and picks
the writer.
"""

from __future__ import annotations

import argparse
import os
from typing import IO

from .usage_report import (
    FORMATS,
    Report,
    ReportError,
    build,
    read_audit,
    read_usage,
    write_csv,
    write_json,
    write_text,
)
from .usage_report_html import render


def write_html(report: Report, out: IO[str]) -> None:
    out.write(render(report))


WRITERS = {"text": write_text, "json": write_json, "csv": write_csv, "html": write_html}


def add_arguments(
    parser: argparse.ArgumentParser, file_optional: bool = False, default_root: str = "."
) -> None:
    parser.add_argument(
        "file", nargs="?" if file_optional else None, help="the HTTP_COMPAT_USAGE_FILE to read"
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="default: text")
    parser.add_argument(
        "--root",
        default=default_root,
        help=f"show paths relative to this directory (default: {default_root})",
    )
    parser.add_argument(
        "--against-audit",
        metavar="AUDIT_JSON",
        help="join the counts with the sites of `python -m django_http_compat audit --format json`",
    )


def run(options: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Print the report; 2, with the reason on ``err``, when a file cannot be used."""
    try:
        counts = read_usage(options.file)
        findings = read_audit(options.against_audit) if options.against_audit else None
    except ReportError as exc:
        err.write(f"error: {exc}\n")
        return 2
    root = os.path.abspath(options.root)
    report = build(counts, root, str(options.file), findings, options.against_audit)
    WRITERS[options.format](report, out)
    return 0

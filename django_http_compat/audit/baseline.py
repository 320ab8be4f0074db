"""The baseline: today's legacy uses recorded, so that later runs fail only on new ones.

A site is recorded by its path (relative to the baseline file), its feature
and the text of its line, not by line number, so edits elsewhere in a file
do not make old uses look new.  Each (path, feature, line text) is counted:
a copy of an old line is a new use.  Uses that have gone are reported, so the
baseline can be rewritten smaller (``--update-baseline``): the ratchet.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from .files import decode, read_bytes
from .findings import Finding
from .visitor import split_lines

VERSION = 1


class BaselineError(Exception):
    """The baseline file cannot be read."""


def _key(finding: Finding, base: Path, texts: dict[str, list[str]]) -> tuple[str, str, str]:
    lines = texts.get(finding.path)
    if lines is None:
        try:
            lines = split_lines(decode(read_bytes(finding.path)))
        except Exception:  # the file was audited a moment ago; keep it keyed by feature alone
            lines = []
        texts[finding.path] = lines
    text = lines[finding.line - 1].strip() if finding.line <= len(lines) else ""
    return _relative(finding.path, base), finding.feature, text


def _relative(path: str, base: Path) -> str:
    try:
        return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()
    except ValueError:  # another drive
        return Path(os.path.abspath(path)).as_posix()


def write(path: str, findings: list[Finding]) -> int:
    """Record ``findings`` in ``path``; returns how many sites were recorded."""
    base = Path(os.path.abspath(path)).parent
    texts: dict[str, list[str]] = {}
    sites = sorted(
        (
            {"path": key[0], "feature": key[1], "line": finding.line, "source": key[2]}
            for finding in findings
            for key in [_key(finding, base, texts)]
        ),
        key=lambda site: (site["path"], site["line"], site["feature"]),
    )
    data = {"tool": "django-http-compat", "version": VERSION, "sites": sites}
    Path(path).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return len(sites)


def read(path: str) -> Counter[tuple[str, str, str]]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise ValueError(f"version {data.get('version')!r}, expected {VERSION}")
        return Counter((s["path"], s["feature"], s["source"]) for s in data["sites"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BaselineError(f"cannot read the baseline {path}: {exc}") from None


def compare(path: str, findings: list[Finding]) -> tuple[list[Finding], int]:
    """(the findings not in the baseline, how many recorded sites are gone)."""
    recorded = read(path)
    base = Path(os.path.abspath(path)).parent
    texts: dict[str, list[str]] = {}
    new = []
    for finding in findings:
        key = _key(finding, base, texts)
        if recorded[key] > 0:
            recorded[key] -= 1
        else:
            new.append(finding)
    return new, sum(recorded.values())

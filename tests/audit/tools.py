"""Helpers for audit tests on dedented source, after django-upgrade's tests/fixers/tools.py.

``check_findings(src, [(line, feature), (line, feature, "possible"), ...])``
asserts exactly those findings; ``check_clean(src)`` asserts none;
``check_fixed(src, expected)`` asserts what ``--fix`` makes of it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from django_http_compat.audit import audit_source
from django_http_compat.audit.autofix import fix_source
from django_http_compat.features import FEATURES

REPO = Path(__file__).resolve().parents[2]


def findings(src: str, features=FEATURES) -> list:
    return audit_source("example.py", textwrap.dedent(src), features)


def check_findings(src: str, expected: list[tuple], features=FEATURES) -> None:
    wanted = sorted((e[0], e[1], e[2] if len(e) > 2 else "certain") for e in expected)
    found = sorted((f.line, f.feature, f.certainty) for f in findings(src, features))
    assert found == wanted


def check_clean(src: str, features=FEATURES) -> None:
    assert [f.describe() for f in findings(src, features)] == []


def check_fixed(src: str, expected: str) -> None:
    source = textwrap.dedent(src)
    new, _, left = fix_source(source.encode(), audit_source("example.py", source))
    assert new.decode() == textwrap.dedent(expected)
    assert left == []


def check_not_fixable(src: str) -> None:
    found = findings(src)
    assert found, "expected a finding"
    assert [f.describe() for f in found if f.fixable] == []


def audit_cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> tuple[int, str, str]:
    result = subprocess.run(
        [sys.executable, "-m", "django_http_compat", "audit", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
        timeout=300,
    )
    return result.returncode, result.stdout, result.stderr

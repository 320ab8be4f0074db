"""The least change that lets an old test module import on Python 3 and modern Django.

The old modules all parse as Python 3; what stops them is imports of modules
and test helpers that are gone.  Only import statements are rewritten, by the
fixed table below, and each rewritten statement keeps its line count, so a
traceback's line numbers are the release's own.  Test bodies are never
touched: a test that only Python 2 could pass fails, and is listed so.

Names of ``django.http`` and ``django.utils.http`` are never supplied: serving
them at the flag is the app's work, and a module that cannot import one shows
the gap as its own failure.
"""

from __future__ import annotations

import re
from pathlib import Path

#: Written into a transformed suite; change it whenever the table changes, to refetch.
VERSION = "2"

#: Whole-statement rewrites: Django's bundled copies of six and unittest2
#: (removed in 3.0 and 1.9) by the originals, Python 2's StringIO by a bytes
#: stream that takes the test's str literals as Python 2 did (support.py).
STATEMENTS = {
    "from django.utils import six": "import six",
    "from django.utils import unittest": "import unittest",
    "from StringIO import StringIO": "from tests.historical_suites.support import StringIO",
}
PREFIXES = {
    "from django.utils.six.moves": "from six.moves",
    "from django.utils.unittest import": "from unittest import",
}

#: Test helpers and names outside ``django.http`` that modern Django removed,
#: imported from ``support.py`` instead (which says what each is).
SUPPLIED = {
    "django.test.utils": {"str_prefix", "get_warnings_state", "restore_warnings_state"},
    "django.utils._os": {"upath"},
    "django.utils.timezone": {"utc"},
    "django.utils.encoding": {"force_text", "smart_text"},
    "django.core.handlers.modpython": {"ModPythonRequest"},
    "django.utils.deprecation": {"RemovedInDjango40Warning"},
}
SUPPORT = "tests.historical_suites.support"

_FROM_IMPORT = re.compile(
    r"^from (?P<module>[\w.]+) import (?:\((?P<group>[^)]*)\)|(?P<line>[^\n]*))", re.MULTILINE
)


def transform_source(text: str) -> tuple[str, list[str]]:
    """``text`` with its imports rewritten, and a line describing each rewrite."""
    changes: list[str] = []
    lines = text.split("\n")
    for number, line in enumerate(lines):
        stripped = line.strip()
        indent = line[: len(line) - len(line.lstrip())]
        if stripped in STATEMENTS:
            lines[number] = indent + STATEMENTS[stripped]
        else:
            for old, new in PREFIXES.items():
                if stripped.startswith(old):
                    lines[number] = indent + new + stripped[len(old) :]
                    break
            else:
                continue
        changes.append(f"line {number + 1}: {stripped} -> {lines[number].strip()}")
    text = "\n".join(lines)

    def supplied(match: re.Match[str]) -> str:
        module = match["module"]
        names = [name.strip() for name in (match["group"] or match["line"]).split(",") if name.strip()]
        ours = [name for name in names if name in SUPPLIED.get(module, ())]
        if not ours:
            return match[0]
        kept = [name for name in names if name not in ours]
        statements = [f"from {module} import {', '.join(kept)}"] if kept else []
        statements.append(f"from {SUPPORT} import {', '.join(ours)}")
        line = text.count("\n", 0, match.start()) + 1
        changes.append(f"line {line}: {', '.join(ours)} from {module} -> from {SUPPORT}")
        return "; ".join(statements) + "\n" * match[0].count("\n")

    return _FROM_IMPORT.sub(supplied, text), changes


def transform_tree(root: Path) -> list[str]:
    """Rewrite every module under ``root`` in place; the rewrites, also written to ``TRANSFORMS.txt``."""
    log = []
    for path in sorted(root.rglob("*.py")):
        text, changes = transform_source(path.read_text(encoding="utf-8"))
        if changes:
            path.write_text(text, encoding="utf-8")
            log += [f"{path.relative_to(root)} {change}" for change in changes]
    (root / "TRANSFORMS.txt").write_text("".join(f"{line}\n" for line in log))
    return log

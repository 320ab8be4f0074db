"""The audit against django-upgrade on Django's own source tree, side by side: ``tox -e bench``.

Both tools read the same copy of the installed Django's ``.py`` files, in
fresh processes taken in turn, and the wall times are compared as a ratio of
medians.  django-upgrade rewrites files, so it runs on a copy; it processes
one file after another, while the audit uses every core it may run on
(``--jobs``).  Run alone: ``python benchmarks/audit_speed.py [ROUNDS]``.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django

REPO = Path(__file__).resolve().parent.parent
#: The audit must take at most this fraction of django-upgrade's wall time.
LIMIT = 1 / 1.5


def _tree(into: Path) -> list[str]:
    source = Path(django.__file__).parent
    shutil.copytree(source, into / "django", ignore=shutil.ignore_patterns("__pycache__"))
    return sorted(str(p) for p in (into / "django").rglob("*.py"))


def _timed(command: list[str], ok: tuple[int, ...]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    elapsed = time.perf_counter() - started
    if done.returncode not in ok:
        raise RuntimeError(f"{command[:4]} exited {done.returncode}: {done.stderr.decode()[-2000:]}")
    return elapsed


def measure(rounds: int = 7) -> dict[str, float]:
    """Median wall seconds per tool, and the files audited."""
    with tempfile.TemporaryDirectory() as directory:
        files = _tree(Path(directory))
        audit = [
            sys.executable,
            "-m",
            "django_http_compat",
            "audit",
            "--format",
            "json",
            str(Path(directory, "django")),
        ]
        upgrade = [sys.executable, "-m", "django_upgrade", "--target-version", "5.2", *files]
        _timed(upgrade, (0, 1))  # the first run may rewrite a file: later runs see the same tree
        times: dict[str, list[float]] = {"audit": [], "django-upgrade": []}
        for _ in range(rounds):
            times["audit"].append(_timed(audit, (0, 1)))
            times["django-upgrade"].append(_timed(upgrade, (0, 1)))
    medians = {tool: statistics.median(found) for tool, found in times.items()}
    return {
        **medians,
        "files": float(len(files)),
        "cores": float(
            len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        ),
    }


def rows(figures: dict[str, float]) -> list[list[str]]:
    ratio = figures["audit"] / figures["django-upgrade"]
    return [
        ["django-upgrade", f"{figures['django-upgrade']:.2f} s", "", ""],
        [
            f"audit ({figures['cores']:.0f} cores)",
            f"{figures['audit']:.2f} s",
            f"x{ratio:.2f} of django-upgrade (target <= x{LIMIT:.2f})",
            "met" if ratio <= LIMIT else "MISSED",
        ],
    ]


if __name__ == "__main__":
    figures = measure(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
    print(f"{figures['files']:.0f} files of Django {django.__version__}")
    for row in rows(figures):
        print("  ".join(row))

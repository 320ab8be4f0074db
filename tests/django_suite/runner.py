"""One run of Django's test suite with django_http_compat installed.

Started by ``python -m tests.django_suite`` as ``python -m
tests.django_suite.runner [options] [labels]`` in the extracted suite's
folder, named by ``DJANGO_SUITE_DIR``.  Django's ``tests/runtests.py`` is
imported, not edited: its machinery builds the
settings of the suite (INSTALLED_APPS from ``ALWAYS_INSTALLED_APPS`` plus the
test apps), so the app is added to that list, first, as the installation docs
ask, and ``django_tests()`` runs the labels.  The list is extended at import
time, so that worker processes which import this module afresh (the
"spawn" and "forkserver" start methods) see it too.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

APP = "django_http_compat"

# The fixed subset: everything that meets requests, responses, templates,
# error reports, caching, sessions, uploads, handlers and checks.  Where
# Django renamed a folder, the names are alternatives, the first found is run.
LABELS = (
    "template_tests",
    "auth_tests",
    "admin_views",
    "view_tests",
    "cache",
    "middleware",
    "csrf_tests",
    "sessions_tests",
    "file_uploads",
    "handlers",
    "test_client",
    ("requests_tests", "requests"),
    "responses",
    "httpwrappers",
    "generic_views",
    "shortcuts",
    "logging_tests",
    "asgi",
    "check_framework",
)
# Test modules left out of their label, and why.
LEFT_OUT = {
    # Password hashing at production work factors: the costliest module by far
    # on two cores, and nothing in it meets django.http.
    "auth_tests.test_hashers",
}

# The extracted suite, from ``python -m tests.django_suite`` (fetch.py).
SUITE = Path(os.environ["DJANGO_SUITE_DIR"])
sys.path.insert(0, str(SUITE))
import runtests  # noqa: E402  (Django's tests/runtests.py, importable once SUITE is on the path)

if os.environ.get("DJANGO_SUITE_WITHOUT_APP") != "1" and APP not in runtests.ALWAYS_INSTALLED_APPS:
    runtests.ALWAYS_INSTALLED_APPS.insert(0, APP)


def default_labels(suite: Path) -> list[str]:
    labels = []
    for label in LABELS:
        names = (label,) if isinstance(label, str) else label
        found = [name for name in names if (suite / name / "__init__.py").is_file()]
        if not found:
            raise SystemExit(f"None of {', '.join(names)} is in {suite}")
        label = found[0]
        left_out = {name.rpartition(".")[2] for name in LEFT_OUT if name.startswith(f"{label}.")}
        if not left_out:
            labels.append(label)
            continue
        # The label's other test modules, as discovery would find them.
        for path in sorted((suite / label).glob("test*.py")):
            if path.stem not in left_out:
                labels.append(f"{label}.{path.stem}")
    return labels


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("labels", nargs="*")
    parser.add_argument("--parallel", type=int, default=2)
    parser.add_argument("-k", dest="patterns", action="append")
    parser.add_argument("--verbosity", type=int, default=1)
    parser.add_argument("--durations", type=int, help="show the N slowest tests")
    options = parser.parse_args()

    # As runtests.py's own entry point: a private temporary folder, and its settings.
    tmpdir = tempfile.mkdtemp(prefix="django_")
    tempfile.tempdir = os.environ["TMPDIR"] = tmpdir
    atexit.register(shutil.rmtree, tmpdir, ignore_errors=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.django_suite.settings"

    return runtests.django_tests(
        verbosity=options.verbosity,
        interactive=False,
        failfast=False,
        keepdb=False,
        reverse=False,
        test_labels=options.labels or default_labels(SUITE),
        debug_sql=False,
        parallel=options.parallel,
        tags=None,
        exclude_tags=None,
        test_name_patterns=options.patterns,
        start_at=None,
        start_after=None,
        pdb=False,
        buffer=False,
        timing=False,
        shuffle=False,
        durations=options.durations,
    )


if __name__ == "__main__":
    sys.exit(1 if main() else 0)

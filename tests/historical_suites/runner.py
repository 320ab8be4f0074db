"""One historical suite's run: ``python -m tests.historical_suites.runner`` in the suite's folder.

Started by ``python -m tests.historical_suites`` with ``HISTORICAL_SUITE_FLAG``
(the release), ``DJANGO_SUITE_RESULTS`` (where the record goes) and the
suite's folder as working directory and first on the path, so that its
``requests`` package is the test package and not any installed one.
Django's discovery runner runs the test packages; the recording runner of
tests/django_suite writes down each failure by test id.
"""

from __future__ import annotations

import os
import sys

import django
from django.conf import settings
from django.test.utils import get_runner


def main(labels: list[str]) -> int:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.historical_suites.settings"
    django.setup()
    runner = get_runner(settings)(verbosity=1, interactive=False, top_level=os.getcwd())
    return bool(runner.run_tests(labels))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

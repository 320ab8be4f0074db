"""Settings of a historical-suite run: what the old suites needed, on modern Django.

The flag (``HTTP_COMPAT_VERSION``) is the suite's own release, given by
``python -m tests.historical_suites`` in ``HISTORICAL_SUITE_FLAG``.
``USE_TZ`` is off, its default in every release run here.
"""

from __future__ import annotations

import os

SECRET_KEY = "historical-suites"
# TEST_NAME: the pre-1.7 spelling of TEST["NAME"], which 1.6's requests tests
# read at import time (to skip the tests an in-memory database cannot run).
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:", "TEST_NAME": None}}
INSTALLED_APPS = [
    "django_http_compat",
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
]
USE_TZ = False
TEST_RUNNER = "tests.django_suite.recorder.RecordingRunner"
HTTP_COMPAT_VERSION = os.environ["HISTORICAL_SUITE_FLAG"]

"""Settings of the Django-suite runs: Django's own suite settings plus ours.

``runtests`` replaces INSTALLED_APPS, MIDDLEWARE, TEMPLATES and friends with
its own; the app itself is added by ``runner.py``.  The
``HTTP_COMPAT_*`` values of each run come from ``python -m
tests.django_suite`` (``RUN_SETTINGS`` there, which says why).
"""

from __future__ import annotations

import json
import os

from test_sqlite import *  # noqa: F403  (Django's tests/test_sqlite.py: SQLite, a fast hasher)

TEST_RUNNER = "tests.django_suite.recorder.RecordingRunner"

globals().update(json.loads(os.environ.get("DJANGO_SUITE_HTTP_COMPAT", "{}")))

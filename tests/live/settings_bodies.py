"""Settings of the servers in tests/legacy/test_handler.py: the views of tests.live.body_urls,
code written for the release in HTTP_COMPAT_TEST_VERSION; HTTP_COMPAT_TEST_PLAIN=1 leaves the
app out (plain Django)."""

from __future__ import annotations

import os

from tests.settings import *  # noqa: F403
from tests.settings import INSTALLED_APPS

ROOT_URLCONF = "tests.live.body_urls"
if os.environ.get("HTTP_COMPAT_TEST_PLAIN"):
    INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "django_http_compat"]
HTTP_COMPAT_VERSION = os.environ.get("HTTP_COMPAT_TEST_VERSION", "6.1")
HTTP_COMPAT_WARNINGS = "ignore"

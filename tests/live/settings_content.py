"""Settings of the ASGI servers in test_response_content.py: code written for 1.6 on a sqlite
database, with django.request logging to a file; HTTP_COMPAT_TEST_PLAIN=1 leaves the app out
(plain Django)."""

from __future__ import annotations

import os

from tests.settings import *  # noqa: F403
from tests.settings import INSTALLED_APPS

ROOT_URLCONF = "tests.live.content_urls"
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["HTTP_COMPAT_TEST_DATABASE"]}
}
if os.environ.get("HTTP_COMPAT_TEST_PLAIN"):
    INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "django_http_compat"]
HTTP_COMPAT_VERSION = "1.6"
HTTP_COMPAT_WARNINGS = "ignore"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"file": {"class": "logging.FileHandler", "filename": os.environ["HTTP_COMPAT_TEST_LOG"]}},
    "loggers": {"django.request": {"handlers": ["file"], "level": "ERROR"}},
}

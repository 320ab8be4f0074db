"""Settings of the request-parsing suites: code written for 1.4 (every legacy POST rule and
the absolute Location on), behind Django's CSRF middleware, with small upload limits."""

from __future__ import annotations

from tests.settings import *  # noqa: F403

ROOT_URLCONF = "tests.live.parsing_urls"
MIDDLEWARE = ["django.middleware.csrf.CsrfViewMiddleware"]
HTTP_COMPAT_VERSION = "1.4"
HTTP_COMPAT_WARNINGS = "ignore"
DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
DATA_UPLOAD_MAX_NUMBER_FIELDS = 50

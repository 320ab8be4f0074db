"""The test settings as a Django 3.1 project with a ``_headers`` middleware, for real servers."""

from __future__ import annotations

from tests.settings import *  # noqa: F403

HTTP_COMPAT_VERSION = "3.1"
HTTP_COMPAT_WARNINGS = "ignore"
MIDDLEWARE = ["tests.live.middleware_31.LegacyHeadersMiddleware"]

"""Settings of the concurrency suite: a modern project (HTTP_COMPAT_VERSION "6.1", so nothing is
patched for its own code) with one legacy view under ``@override("1.4")``."""

from __future__ import annotations

from tests.settings import *  # noqa: F403

ROOT_URLCONF = "tests.live.concurrent_urls"
HTTP_COMPAT_VERSION = "6.1"
HTTP_COMPAT_WARNINGS = "ignore"

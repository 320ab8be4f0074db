"""Settings of the live-server suites: code written for 1.6, plus the 0.96 request[key]
and the 1.5 raw_post_data switched on, so one server carries every request-side legacy
entry point.  Small upload limits keep the over-limit cases quick."""

from __future__ import annotations

from tests.settings import *  # noqa: F403

ROOT_URLCONF = "tests.live.urls"
HTTP_COMPAT_VERSION = "1.6"
HTTP_COMPAT_FEATURES = {"request_raw_post_data": True, "request_getitem": True}
HTTP_COMPAT_WARNINGS = "ignore"
DATA_UPLOAD_MAX_MEMORY_SIZE = 20_000
DATA_UPLOAD_MAX_NUMBER_FIELDS = 50
DATA_UPLOAD_MAX_NUMBER_FILES = 5

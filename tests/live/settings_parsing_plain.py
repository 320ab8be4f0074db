"""The request-parsing suites' settings with the app absent: plain Django, to compare with."""

from __future__ import annotations

from tests.live.settings_parsing import *  # noqa: F403
from tests.live.settings_parsing import INSTALLED_APPS

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "django_http_compat"]

from __future__ import annotations

import pytest
from django.conf import settings

from django_http_compat import installer

pytest_plugins = ["pytester"]


@pytest.fixture
def reinstall():
    """For tests that call install()/uninstall(): leave the shim as the settings configure it."""
    yield
    installer.install()


@pytest.fixture
def bad_settings(monkeypatch):
    """Put invalid settings in place without ``setting_changed`` (which refuses them)."""

    def put(**values):
        for name, value in values.items():
            monkeypatch.setattr(settings, name, value, raising=False)

    return put

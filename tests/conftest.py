from __future__ import annotations

import pytest

from django_http_compat import installer


@pytest.fixture
def reinstall():
    """For tests that call install()/uninstall(): leave the shim as the settings configure it."""
    yield
    installer.install()

from __future__ import annotations

import pytest

from django_http_compat import patching

pytest_plugins = ["pytester"]


@pytest.fixture
def reinstall():
    """For tests that call install()/uninstall(): leave the shim as the settings configure it."""
    yield
    patching.install()

"""Names old code imports from modules that no longer have them (legacy/module_names.py)."""

from __future__ import annotations

import importlib

import pytest
from django.core.exceptions import DisallowedHost

from django_http_compat import override
from tests.golden.probes import make_request
from tests.legacy.uses import check_use


@override(version="1.4", warnings="ignore")
def test_get_host_still_validates_the_host():
    request = make_request(headers={"HTTP_HOST": "evil.example"})
    with pytest.raises(DisallowedHost):
        served("django.http", "get_host")(request)


def served(module: str, name: str):
    """``module.name`` looked up here, as old code's import would (a served name warns at this file)."""
    return getattr(importlib.import_module(module), name)


# feature id -> (a release that had it, a use of it as old code wrote it)
USES = {
    "http_get_host": ("1.4", lambda: served("django.http", "get_host")(make_request())),
    "http_module_names": ("1.4", lambda: served("django.http", "smart_str")(b"x")),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)

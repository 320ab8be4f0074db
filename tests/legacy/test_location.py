"""Relative Location headers made absolute, as the old request handler did (legacy/location.py)."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from django_http_compat import override
from tests.legacy.uses import check_use


@override(version="1.8")
def test_location_is_made_absolute_only_for_allowed_hosts():
    assert Client().get("/form/?form=redirect")["Location"] == "http://testserver/to/"
    assert Client().get("/form/?form=redirect_absolute")["Location"] == "http://example.com/to/"
    with override_settings(ALLOWED_HOSTS=["other"]):
        response = Client().get("/form/?form=redirect")
    assert (response.status_code, response["Location"]) == (302, "/to/")  # no host to trust: left relative
    with override(version="1.9"):
        assert Client().get("/form/?form=redirect")["Location"] == "/to/"


# feature id -> (a release that had it, a use of it as old code wrote it)
USES = {
    "response_absolute_location": ("1.8", lambda: Client().get("/form/?form=redirect")["Location"]),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)

"""Relative Location headers made absolute, as the old request handler did (legacy/location.py)."""

from __future__ import annotations

import importlib

import pytest
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseRedirect
from django.test import Client, override_settings

from django_http_compat import override
from tests.golden.probes import make_request
from tests.legacy.uses import check_use, warns


def _fix_location_header():
    """``from django.http import fix_location_header``, looked up here as old code's import would."""
    return importlib.import_module("django.http").fix_location_header


def _fixed(location: str) -> str:
    return _fix_location_header()(make_request(), HttpResponseRedirect(location))["Location"]


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
    "http_fix_location_header": ("1.8", lambda: _fixed("/to/")),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)


@override(version="1.4")
def test_fix_location_header_is_the_handler_s_rewrite_on_the_response_it_returns():
    with warns("http_fix_location_header"):
        fix_location_header = _fix_location_header()
    response = HttpResponseRedirect("/to/")
    assert fix_location_header(make_request(headers={"PATH_INFO": "/a/"}), response) is response
    assert response["Location"] == "http://testserver/to/"
    without = HttpResponse()
    assert fix_location_header(make_request(), without) is without and not without.has_header("Location")


@override(version="1.8", warnings="ignore")
def test_fix_location_header_still_validates_the_host():
    """Called by code, a host outside ALLOWED_HOSTS raises (Django answers 400), as the host check always did."""
    request = make_request(headers={"HTTP_HOST": "evil.example"})
    with pytest.raises(DisallowedHost):
        _fix_location_header()(request, HttpResponseRedirect("/to/"))

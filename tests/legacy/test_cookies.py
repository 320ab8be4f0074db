"""Cookie dates with hyphens, CompatCookie and cookie_date (legacy/cookies.py)."""

from __future__ import annotations

import importlib
from datetime import datetime

import pytest
from django.http import HttpResponse

from django_http_compat import override
from tests.legacy.uses import check_use


def _deleted_cookie() -> str:
    response = HttpResponse()
    response.delete_cookie("gone")
    return response.cookies["gone"]["expires"]


@override(version="2.0")
def test_only_dates_django_writes_get_hyphens():
    response = HttpResponse()
    response.set_cookie("given", "1", expires="Wed, 21 Oct 2015 07:28:00 GMT")
    response.set_cookie("computed", "1", expires=datetime(2037, 1, 2, 3, 4, 5))
    response.set_cookie("aged", "1", max_age=60)
    assert response.cookies["given"]["expires"] == "Wed, 21 Oct 2015 07:28:00 GMT"
    assert response.cookies["computed"]["expires"] == "Fri, 02-Jan-2037 03:04:05 GMT"
    assert response.cookies["aged"]["expires"][7] == "-"


def _aged_cookie_has_expires() -> bool:
    response = HttpResponse()
    response.set_cookie("aged", "1", max_age=3600)
    return bool(response.cookies["aged"]["expires"])


@pytest.mark.parametrize(
    "call", [{"max_age": 60}, {"max_age": 0}, {"max_age": 60, "expires": None}, "positional"]
)
def test_max_age_alone_sends_no_expires_up_to_1_2(call):
    for version, has_expires in (("1.2", False), ("1.3", True), ("6.1", True)):
        with override(version=version):
            response = HttpResponse()
            if call == "positional":
                response.set_cookie("k", "v", 60)
            else:
                response.set_cookie("k", "v", **call)
            output = response.cookies["k"].OutputString()
        assert ("expires=" in output) is has_expires, (version, output)
        assert "Max-Age=" in output


@override(version="1.2")
def test_at_1_2_expires_given_with_max_age_stays_and_deleted_cookies_expire():
    response = HttpResponse()
    response.set_cookie("both", "1", max_age=60, expires="Fri, 02-Jan-2037 03:04:05 GMT")
    response.set_cookie("dated", "1", expires=datetime(2037, 1, 2, 3, 4, 5))
    response.delete_cookie("gone")
    assert response.cookies["both"]["expires"] == "Fri, 02-Jan-2037 03:04:05 GMT"
    assert response.cookies["dated"]["expires"] == "Fri, 02-Jan-2037 03:04:05 GMT"
    assert response.cookies["gone"]["expires"] == "Thu, 01-Jan-1970 00:00:00 GMT"


def test_max_age_alone_with_the_feature_off_sends_expires():
    with override(version="1.2", features={"response_cookie_max_age": False}):
        response = HttpResponse()
        response.set_cookie("k", "v", max_age=60)
    assert response.cookies["k"]["expires"][7] == "-"  # the other 1.2 feature still applies


# feature id -> (a release that had it, a use of it as old code wrote it)
USES = {
    "response_cookie_dates": ("2.0", _deleted_cookie),
    "response_cookie_max_age": ("1.2", _aged_cookie_has_expires),
    "http_CompatCookie": ("1.4", lambda: importlib.import_module("django.http").CompatCookie.__name__),
    "utils_http_cookie_date": ("2.2", lambda: importlib.import_module("django.utils.http").cookie_date(0)),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)

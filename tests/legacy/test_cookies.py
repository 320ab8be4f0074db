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


# feature id -> (a release that had it, a use of it as old code wrote it)
USES = {
    "response_cookie_dates": ("2.0", _deleted_cookie),
    "http_CompatCookie": ("1.4", lambda: importlib.import_module("django.http").CompatCookie.__name__),
    "utils_http_cookie_date": ("2.2", lambda: importlib.import_module("django.utils.http").cookie_date(0)),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)

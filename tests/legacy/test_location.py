"""Relative Location headers made absolute, as the old request handler did (legacy/location.py)."""

from __future__ import annotations

import importlib

import pytest
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseRedirect
from django.test import Client, SimpleTestCase, override_settings

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


def _test_case() -> SimpleTestCase:
    class Case(SimpleTestCase):
        def runTest(self) -> None:
            pass

    return Case()


@override(version="1.6")
def test_assert_redirects_takes_either_form_while_locations_are_made_absolute():
    """Old tests expect what 1.6 sent; modern ones, Django's included, the URL as the view gave it."""
    case = _test_case()
    response = Client().get("/form/?form=to_relative")
    assert response["Location"] == "http://testserver/form/?form=plain"
    case.assertRedirects(response, "/form/?form=plain")
    case.assertRedirects(response, "http://testserver/form/?form=plain")
    case.assertRedirects(Client().get("/form/?form=to_relative", follow=True), "/form/?form=plain")
    case.assertRedirects(Client().get("/form/?form=to_relative", secure=True), "/form/?form=plain")
    other = Client(headers={"host": "localhost"}).get("/form/?form=to_relative")
    assert other["Location"] == "http://localhost/form/?form=plain"
    case.assertRedirects(other, "/form/?form=plain")
    with pytest.raises(AssertionError, match="expected 'http://testserver/form/\\?form=other'"):
        case.assertRedirects(response, "/form/?form=other")
    with pytest.raises(AssertionError, match="'https://testserver/form/"):
        case.assertRedirects(response, "https://testserver/form/?form=plain")
    # The view's own absolute URL on another host is no redirect to a local path.
    elsewhere = Client().get("/form/?form=to_other_host")
    with pytest.raises(AssertionError):
        case.assertRedirects(elsewhere, "/form/?form=plain", fetch_redirect_response=False)
    # The target is still fetched, as modern Django fetches it.
    with pytest.raises(AssertionError, match="Couldn't retrieve redirection page"):
        case.assertRedirects(Client().get("/form/?form=to_missing"), "/form/?form=not_found")


def test_assert_redirects_is_django_s_own_where_locations_stay_relative():
    case = _test_case()
    response = Client().get("/form/?form=to_relative")
    assert response["Location"] == "/form/?form=plain"
    case.assertRedirects(response, "/form/?form=plain")
    with pytest.raises(AssertionError, match="Response redirected to '/form/\\?form=plain'"):
        case.assertRedirects(response, "http://testserver/form/?form=plain")


def _redirect_to_relative_asserted_as(expected: str) -> bool:
    try:
        _test_case().assertRedirects(Client().get("/form/?form=to_relative"), expected)
    except AssertionError:
        return False
    return True


@pytest.mark.parametrize(
    ("expected", "passes"),
    [
        ("/form/?form=plain", True),
        ("http://testserver/form/?form=plain", True),
        ("https://testserver/form/?form=plain", True),
        ("http://other.example/form/?form=plain", True),  # 1.9 dropped any host
        ("http://testserver/form/?form=other", False),
        ("/form/?form=other", False),
    ],
)
def test_assert_redirects_drops_the_expected_host_for_a_relative_redirect_at_1_9(expected, passes):
    with override(version="1.9", warnings="ignore"):
        assert _redirect_to_relative_asserted_as(expected) is passes
    with override(version="2.0"):
        assert _redirect_to_relative_asserted_as(expected) is (expected == "/form/?form=plain")


@override(version="1.11", warnings="ignore")
def test_assert_redirects_keeps_the_host_of_an_absolute_redirect():
    case = _test_case()
    case.assertRedirects(Client().get("/form/?form=to_testserver"), "http://testserver/form/?form=plain")
    with pytest.raises(AssertionError):
        case.assertRedirects(Client().get("/form/?form=to_testserver"), "/form/?form=plain")
    followed = Client().get("/form/?form=to_relative", follow=True)
    case.assertRedirects(followed, "http://testserver/form/?form=plain")


# feature id -> (a release that had it, a use of it as old code wrote it)
USES = {
    "response_absolute_location": ("1.8", lambda: Client().get("/form/?form=redirect")["Location"]),
    "http_fix_location_header": ("1.8", lambda: _fixed("/to/")),
    "test_assert_redirects_strips_host": (
        "1.9",
        lambda: _redirect_to_relative_asserted_as("http://testserver/form/?form=plain"),
    ),
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

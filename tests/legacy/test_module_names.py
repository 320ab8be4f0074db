"""Names old code imports from modules that no longer have them (legacy/module_names.py)."""

from __future__ import annotations

import importlib

import pytest
from django.core.exceptions import DisallowedHost

from django_http_compat import override
from tests.golden.probes import make_request
from tests.legacy.uses import check_use, warns


@override(version="1.4", warnings="ignore")
def test_get_host_still_validates_the_host():
    request = make_request(headers={"HTTP_HOST": "evil.example"})
    with pytest.raises(DisallowedHost):
        served("django.http", "get_host")(request)


def served(module: str, name: str):
    """``module.name`` looked up here, as old code's import would (a served name warns at this file)."""
    return getattr(importlib.import_module(module), name)


# feature id -> (a release that had it, a use of it as old code wrote it)
def _head_without_body() -> tuple[bytes, str | None]:
    from django.http import HttpResponse

    remove = served("django.http", "conditional_content_removal")
    response = remove(make_request("HEAD", ""), HttpResponse("body"))
    return response.content, response.get("Content-Length")


USES = {
    "http_get_host": ("1.4", lambda: served("django.http", "get_host")(make_request())),
    "http_conditional_content_removal": ("1.8", _head_without_body),
    "http_cookie_module": ("1.4", lambda: served("django.http", "Cookie").SimpleCookie("a=1")["a"].value),
    "utils_http_urllib_parse": ("1.5", lambda: served("django.utils.http", "urllib_parse").quote("a b")),
    "http_module_names": ("1.4", lambda: served("django.http", "smart_str")(b"x")),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)


@pytest.mark.parametrize(
    ("method", "status", "expected"),
    [
        ("HEAD", 200, (b"", None)),
        ("GET", 304, (b"", "0")),
        ("GET", 204, (b"", "0")),
        ("GET", 100, (b"", "0")),
        ("GET", 200, (b"body", None)),
        ("GET", 404, (b"body", None)),
    ],
)
def test_conditional_content_removal_empties_bodies_as_1_9_did(method, status, expected):
    from django.http import HttpResponse, StreamingHttpResponse

    with override(version="1.9"), warns("http_conditional_content_removal"):
        remove = served("django.http", "conditional_content_removal")
        response = HttpResponse("body", status=status)
        assert remove(make_request(method, ""), response) is response
        assert (response.content, response.get("Content-Length")) == expected
        streaming = remove(make_request(method, ""), StreamingHttpResponse(["body"], status=status))
        assert b"".join(streaming) == expected[0]


def test_served_modules_are_pythons_own():
    import http.cookies
    import urllib.parse

    with override(version="1.3"), warns("http_cookie_module"):
        assert served("django.http", "Cookie") is http.cookies
    with override(version="1.5"), warns("utils_http_urllib_parse"):
        assert served("django.utils.http", "urllib_parse") is urllib.parse
    for version, module, name in (
        ("1.5", "django.http", "Cookie"),
        ("1.6", "django.utils.http", "urllib_parse"),
    ):
        with override(version=version), pytest.raises(AttributeError):
            served(module, name)

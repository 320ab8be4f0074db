"""The response side so far: ``_headers`` and upper-case reason phrases (issue #4 in progress).

Era behaviour is compared with recordings in test_golden.py; these tests
cover what recordings cannot: validation of writes, absence at modern flags,
and a 3.1-era middleware through Django's WSGI handler.
"""

from __future__ import annotations

import importlib

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.http import BadHeaderError, HttpResponse
from django.test import override_settings

from django_http_compat import override
from tests.golden.probes import make_request
from tests.legacy_uses import check_use

pytestmark = pytest.mark.filterwarnings("ignore::django_http_compat.warnings.HttpCompatWarning")


def _late_404() -> str:
    response = HttpResponse()
    response.status_code = 404
    return response.reason_phrase


USES = {
    "response_private_headers": ("3.1", lambda: dict(HttpResponse(content_type="text/plain")._headers)),
    "response_upper_reason_phrases": ("1.8", _late_404),
    "http_reason_phrase_tables": (
        "1.6",
        lambda: importlib.import_module("django.http.response").REASON_PHRASES[404],
    ),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)


@override(version="3.1")
def test_header_writes_are_validated_and_atomic():
    response = HttpResponse("x", content_type="text/plain")
    for name, value in (("X-Evil", "a\r\nSet-Cookie: x=1"), ("X-Evil\n", "v")):
        with pytest.raises(BadHeaderError):
            response._headers[name.lower()] = (name, value)
    with pytest.raises(BadHeaderError):
        response._headers = {"x-ok": ("X-Ok", "1"), "x-bad": ("X-Bad", "a\nb")}
    assert dict(response._headers) == {"content-type": ("Content-Type", "text/plain")}
    with pytest.raises(KeyError):
        response._headers["x-a"] = ("X-B", "1")


class LegacyHeadersMiddleware:
    """Written for Django 3.1: reads and rewrites response._headers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        names = sorted(name for name, _ in response._headers.values())
        response._headers["x-seen"] = ("X-Seen", ",".join(names))
        if "x-drop" in response._headers:
            del response._headers["x-drop"]
        if request.GET.get("inject"):
            response._headers["x-injected"] = ("X-Injected", request.GET["inject"])
        return response


def serve(query: str) -> tuple[str, list[tuple[str, str]]]:
    environ = make_request("GET", query).environ
    environ["PATH_INFO"] = "/headers/"
    captured = []
    b"".join(
        WSGIHandler()(environ, lambda status, headers, exc_info=None: captured.append((status, headers)))
    )
    return captured[0]


@override(version="3.1", warnings="ignore")
@override_settings(MIDDLEWARE=[f"{__name__}.LegacyHeadersMiddleware"])
def test_a_31_middleware_edits_served_headers_and_cannot_inject():
    status, headers = serve("")
    assert status == "200 OK"
    assert sorted(headers) == [
        ("Content-Type", "text/plain"),
        ("X-Seen", "Content-Type,X-Written"),
        ("X-Written", "yes"),
    ]
    status, headers = serve("inject=a%0D%0ASet-Cookie:%20stolen=1")
    assert status.startswith("500")
    assert not any(name in ("Set-Cookie", "X-Injected") for name, _ in headers)

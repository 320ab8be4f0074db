"""response._headers and the case-sensitive headers of 0.96 (legacy/response_headers.py)."""

from __future__ import annotations

import os

import pytest
from django.http import (
    BadHeaderError,
    HttpResponse,
)
from django.test import override_settings

from django_http_compat import override, uninstall
from django_http_compat.warnings import RemovedInDjango32Warning
from tests.legacy.uses import check_use, warns
from tests.legacy.wsgi import run_wsgi
from tests.live.servers import REPO, get, running


def _delete_in_other_case() -> bool:
    response = HttpResponse()
    response["X-PHP"] = "1"
    del response["x-php"]
    return response.has_header("X-PHP")


@override(version="3.1")
def test_header_writes_are_validated_and_atomic():
    response = HttpResponse("x", content_type="text/plain")
    for name, value in (("X-Evil", "a\r\nSet-Cookie: x=1"), ("X-Evil\n", "v")):
        with pytest.raises(BadHeaderError), warns("response_private_headers"):
            response._headers[name.lower()] = (name, value)
    with pytest.raises(BadHeaderError), warns("response_private_headers"):
        response._headers = {"x-ok": ("X-Ok", "1"), "x-bad": ("X-Bad", "a\nb")}
    with warns("response_private_headers"):
        assert dict(response._headers) == {"content-type": ("Content-Type", "text/plain")}
    with pytest.raises(KeyError), warns("response_private_headers"):
        response._headers["x-a"] = ("X-B", "1")


@override(version="3.1", warnings="ignore")
@override_settings(MIDDLEWARE=["tests.live.middleware_31.LegacyHeadersMiddleware"])
def test_a_31_middleware_edits_served_headers_and_cannot_inject():
    status, headers, _ = run_wsgi("/headers/")
    assert status == "200 OK"
    assert sorted(headers) == [
        ("Content-Type", "text/plain"),
        ("X-Seen", "Content-Type,X-Written"),
        ("X-Written", "yes"),
    ]
    status, headers, _ = run_wsgi("/headers/", "inject=a%0D%0ASet-Cookie:%20stolen=1")
    assert status.startswith("500")
    assert not any(name in ("Set-Cookie", "X-Injected") for name, _ in headers)


@pytest.mark.server
def test_a_31_middleware_behind_gunicorn_edits_served_headers_and_cannot_inject():
    env = {**os.environ, "PYTHONPATH": str(REPO), "DJANGO_SETTINGS_MODULE": "tests.live.settings_31"}
    with running(["gunicorn", "--workers", "1", "tests.live.wsgi_31:application"], REPO, env) as port:
        response = get(port, "/headers/", {"Host": "localhost"})
        assert (response.status, response.getheader("X-Seen"), response.getheader("X-Written")) == (
            200,
            "Content-Type,X-Written",
            "yes",
        )
        assert response.getheader("X-Drop") is None
        response = get(port, "/headers/?inject=a%0D%0ASet-Cookie:%20stolen=1", {"Host": "localhost"})
        assert response.status == 500
        assert response.getheader("Set-Cookie") is None and response.getheader("X-Injected") is None
        assert get(port, "/headers/", {"Host": "localhost"}).status == 200  # still serving


@override(version="0.96")
def test_096_header_lookup_is_case_sensitive_and_has_header_is_not():
    response = HttpResponse()
    response["X-DJANGO"] = "It's the best."
    del response["X-PHP"]  # a missing header: no KeyError
    assert response["X-DJANGO"] == "It's the best."
    with pytest.raises(KeyError):
        response["x-django"]
    del response["x-django"]  # another case: nothing happens
    assert response.has_header("x-django") and response.has_header("X-DJANGO")
    with pytest.raises(BadHeaderError):
        response["X-Evil"] = "a\r\nb"
    with override(version="1.0"):
        assert response["x-django"] == "It's the best."


def test_a_probe_in_error_mode_finds_headers_absent_and_a_use_raises_the_warning(reinstall):
    with override(warnings="error"):
        response = HttpResponse()
        probed = (hasattr(response, "_headers"), getattr(response, "_headers", "absent"))
        with pytest.raises(RemovedInDjango32Warning, match=r"\[response_private_headers\]"):
            response._headers  # noqa: B018
    uninstall()
    assert (
        probed
        == (hasattr(response, "_headers"), getattr(response, "_headers", "absent"))
        == (False, "absent")
    )


# feature id -> (a release that had it, a use of it as old code wrote it)
USES = {
    "response_private_headers": ("3.1", lambda: dict(HttpResponse(content_type="text/plain")._headers)),
    "response_case_sensitive_headers": ("0.96", _delete_in_other_case),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)

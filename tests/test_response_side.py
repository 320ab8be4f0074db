"""The response side: each legacy feature's use, its safety, and what recordings cannot show.

Era behaviour is compared with recordings in test_golden.py; these tests
cover the rest: absence at modern flags, warnings at the caller, validation of
every legacy write, streaming, the 0.96 contract (from seed 003, since 0.96
cannot be installed any more), and a 3.1-era middleware behind a real server.
"""

from __future__ import annotations

import importlib
import logging
import os
import pickle
from datetime import datetime
from pathlib import Path

import pytest
from django.core.checks import run_checks
from django.core.exceptions import DisallowedRedirect
from django.core.handlers.wsgi import WSGIHandler
from django.http import (
    BadHeaderError,
    HttpResponse,
    HttpResponseNotModified,
    HttpResponseRedirect,
)
from django.template import Context
from django.test import Client, SimpleTestCase, override_settings

from django_http_compat import override, uninstall
from tests.golden.probes import make_request
from tests.golden.probes.common import served
from tests.golden.probes.response import SERVED
from tests.legacy_uses import check_use
from tests.servers import get, running

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.filterwarnings("ignore::django_http_compat.warnings.HttpCompatWarning")


def _late_404() -> str:
    response = HttpResponse()
    response.status_code = 404
    return response.reason_phrase


def _xhtml_by_default() -> str:
    with override_settings(DEFAULT_CONTENT_TYPE="application/xhtml+xml"):
        return HttpResponse("<p/>")["Content-Type"]


def _read_at_construction() -> list[str]:
    log: list[str] = []

    def rows():
        log.append("read")
        yield "a"

    HttpResponse(rows())
    return log


def _delete_in_other_case() -> bool:
    response = HttpResponse()
    response["X-PHP"] = "1"
    del response["x-php"]
    return response.has_header("X-PHP")


def _redirect_with_content() -> tuple[int, bytes]:
    response = HttpResponseRedirect("/next/", "Moved to /next/.")
    return response.status_code, response.content


def _deleted_cookie() -> str:
    response = HttpResponse()
    response.delete_cookie("gone")
    return response.cookies["gone"]["expires"]


def _render_to_response(**kwargs) -> bytes:
    shortcuts = importlib.import_module("django.shortcuts")
    return shortcuts.render_to_response("probe.html", {"value": 1}, **kwargs).content


USES = {
    "response_private_headers": ("3.1", lambda: dict(HttpResponse(content_type="text/plain")._headers)),
    "response_upper_reason_phrases": ("1.8", _late_404),
    "http_reason_phrase_tables": (
        "1.6",
        lambda: importlib.import_module("django.http.response").REASON_PHRASES[404],
    ),
    "response_default_content_type": ("2.2", _xhtml_by_default),
    "response_falsy_status": ("1.5", lambda: HttpResponse("x", status=0).status_code),
    "response_iterator_content": ("1.6", _read_at_construction),
    "response_not_modified_content_type": ("1.4", lambda: HttpResponseNotModified().get("Content-Type")),
    "response_absolute_location": ("1.8", lambda: Client().get("/form/?form=redirect")["Location"]),
    "response_str_message": ("1.6", lambda: str(HttpResponse("body", content_type="text/plain"))),
    "response_cookie_dates": ("2.0", _deleted_cookie),
    "response_case_sensitive_headers": ("0.96", _delete_in_other_case),
    "response_redirect_positional_content": ("1.6", _redirect_with_content),
    "http_CompatCookie": ("1.4", lambda: importlib.import_module("django.http").CompatCookie.__name__),
    "utils_http_cookie_date": ("2.2", lambda: importlib.import_module("django.utils.http").cookie_date(0)),
    "shortcuts_render_to_response": ("2.2", _render_to_response),
    "shortcuts_context_instance": (
        "1.8",
        lambda: _render_to_response(context_instance=Context({"value": 2})),
    ),
}


def test_every_response_feature_has_a_use():
    from django_http_compat.features import FEATURES

    assert {f.id for f in FEATURES if f.area == "response"} - {
        "response_mimetype",
        "response_positional_order",
    } == set(USES)


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


def run_wsgi(path: str, query: str = "", **settings) -> tuple[str, list, list[bytes]]:
    """Serve ``path`` through WSGIHandler, reading the body chunk by chunk as a server does."""
    environ = make_request("GET", query).environ
    environ["PATH_INFO"] = path
    captured = []
    with override_settings(**settings):
        result = WSGIHandler()(
            environ, lambda status, headers, exc_info=None: captured.append((status, headers))
        )
        chunks = list(result)
        result.close()
    status, headers = captured[0]
    return status, headers, chunks


@override(version="3.1", warnings="ignore")
@override_settings(MIDDLEWARE=["tests.middleware_31.LegacyHeadersMiddleware"])
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
    env = {**os.environ, "PYTHONPATH": str(REPO), "DJANGO_SETTINGS_MODULE": "tests.settings_31"}
    with running(["gunicorn", "--workers", "1", "tests.wsgi_31:application"], REPO, env) as port:
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


# --- constructor rules ----------------------------------------------------------


def test_swap_import_classes_get_the_era_reason_phrase():
    from django_http_compat import HttpResponse as SwappedResponse

    with override(version="1.8"):
        response = SwappedResponse("x", status=404)
        response.status_code = 200
        assert response.reason_phrase == "NOT FOUND"  # fixed at construction, as in 1.6-1.8


def test_swap_import_redirects_take_content_after_the_url(reinstall):
    from django_http_compat import HttpResponseRedirect as SwappedRedirect

    uninstall()  # the swap classes work without the app's patches
    with override_settings(HTTP_COMPAT_VERSION="1.6", HTTP_COMPAT_WARNINGS="ignore"):
        response = SwappedRedirect("/next/", "moved", "text/plain")
        assert (response.status_code, response.content, response["Content-Type"]) == (
            302,
            b"moved",
            "text/plain",
        )
        assert isinstance(response, HttpResponseRedirect)


@override(version="2.2")
def test_default_content_type_yields_to_an_explicit_one_and_keeps_the_charset():
    with override_settings(DEFAULT_CONTENT_TYPE="application/xhtml+xml", DEFAULT_CHARSET="latin-1"):
        assert HttpResponse()["Content-Type"] == "application/xhtml+xml; charset=latin-1"
        assert HttpResponse(charset="utf-8")["Content-Type"] == "application/xhtml+xml; charset=utf-8"
        assert HttpResponse(content_type="text/csv")["Content-Type"] == "text/csv"
        assert HttpResponseRedirect("/to/")["Content-Type"].startswith("application/xhtml+xml")


def test_an_ignored_default_content_type_is_reported_by_a_check():
    with override_settings(DEFAULT_CONTENT_TYPE="application/xhtml+xml", HTTP_COMPAT_VERSION="3.0"):
        ids = [message.id for message in run_checks()]
    assert "http_compat.W001" in ids
    with override_settings(DEFAULT_CONTENT_TYPE="application/xhtml+xml", HTTP_COMPAT_VERSION="2.2"):
        assert "http_compat.W001" not in [message.id for message in run_checks()]


@override(version="1.6")
def test_positional_redirect_content_keeps_unsafe_schemes_refused():
    with pytest.raises(DisallowedRedirect):
        HttpResponseRedirect("javascript:alert(1)", "content")
    response = HttpResponseRedirect("/next/", "moved", "text/plain")
    assert (response.status_code, response.content, response["Content-Type"]) == (302, b"moved", "text/plain")


@override(version="1.6")
def test_render_to_response_validates_headers_and_merges_contexts():
    render_to_response = importlib.import_module("django.shortcuts").render_to_response
    with pytest.raises(BadHeaderError):
        render_to_response("probe.html", {}, mimetype="text/plain\r\nSet-Cookie: x=1")
    response = render_to_response("probe.html", context_instance=Context({"value": "base"}), status=201)
    assert (response.status_code, response.content) == (201, b"probe base\n")
    response = render_to_response("probe.html", {"value": "dict"}, Context({"value": "base"}), "text/plain")
    assert (response.content, response["Content-Type"]) == (b"probe dict\n", "text/plain")
    with override(version="2.2"), pytest.raises(TypeError, match="not a Context"):
        render_to_response("probe.html", {}, Context({}))


# --- content from an iterator -----------------------------------------------------


class Rows:
    """A generator-like iterator that records what happened to it."""

    def __init__(self):
        self.events = []
        self._chunks = iter(["id,name\r\n", "1,teapot\r\n"])

    def __iter__(self):
        return self

    def __next__(self):
        self.events.append("next")
        return next(self._chunks)

    def close(self):
        self.events.append("close")


def rows_view(request):
    request.rows = Rows()
    return HttpResponse(request.rows, content_type="text/csv")


@override(version="1.6", warnings="ignore")
def test_an_iterator_response_streams_until_something_reads_it():
    rows = Rows()
    response = HttpResponse(rows)
    assert rows.events == []  # nothing read at construction
    assert list(response) == [b"id,name\r\n", b"1,teapot\r\n"]  # streamed, chunk by chunk
    response.close()
    assert rows.events[-1] == "close"
    rows = Rows()
    response = HttpResponse(rows)
    assert response.content == response.content == b"id,name\r\n1,teapot\r\n"  # the first read is kept
    response.write("2,kettle\r\n")
    assert response.tell() == len(response.getvalue()) == 29
    assert pickle.loads(pickle.dumps(response)).content == response.content  # what the cache middleware does


@override(version="1.6", warnings="ignore")
def test_an_iterator_response_is_served_whole_with_and_without_middleware():
    urls = "tests.test_response_side_urls"
    for middleware in ([], ["django.middleware.common.CommonMiddleware"]):
        status, _, chunks = run_wsgi("/rows/", ROOT_URLCONF=urls, MIDDLEWARE=middleware)
        assert (status, b"".join(chunks)) == ("200 OK", b"id,name\r\n1,teapot\r\n")
        assert len(chunks) == (2 if not middleware else 1)  # CommonMiddleware read it for Content-Length


@override(version="0.96", warnings="ignore")
def test_096_writing_to_an_iterator_response_raises_as_seed_003_says():
    response = HttpResponse(iter(["a", "b"]))
    with pytest.raises(Exception, match="is not writable"):
        response.write("c")
    with pytest.raises(Exception, match="cannot tell its position"):
        response.tell()
    assert response.content == b"ab"
    writable = HttpResponse()
    writable.write("<p>text</p>")
    assert writable.content == b"<p>text</p>"


# --- the 0.96 header contract (seed 003) ------------------------------------------


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


# --- handler and cookies ------------------------------------------------------------


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


@pytest.mark.parametrize(
    ("label", "status", "log"),
    [
        ("raise_404", "404 NOT FOUND", ("WARNING", "Not Found: /form/")),
        ("not_found", "404 NOT FOUND", ("WARNING", "Not Found: /form/")),
        ("raise_500", "500 INTERNAL SERVER ERROR", ("ERROR", "Internal Server Error: /form/")),
        ("return_503", "503 SERVICE UNAVAILABLE", ("ERROR", "Service Unavailable: /form/")),
    ],
)
@override(version="1.6")
def test_the_request_log_keeps_title_case_while_the_status_line_is_upper_case(caplog, label, status, log):
    """1.6's handler logged "Not Found: /x" (recorded in the golden data), never the phrase."""
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert served("form/", "form=" + label)["status"] == status
    assert [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "django.request"] == [log]


@override(version="1.6")
def test_the_request_log_of_an_explicit_reason_is_the_view_s(caplog, monkeypatch):
    monkeypatch.setitem(
        SERVED, "reason", lambda request: HttpResponse("x", status=404, reason="Gone Fishing")
    )
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert served("form/", "form=reason")["status"] == "404 Gone Fishing"
    assert [r.getMessage() for r in caplog.records if r.name == "django.request"] == ["Gone Fishing: /form/"]


@override(version="2.0")
def test_only_dates_django_writes_get_hyphens():
    response = HttpResponse()
    response.set_cookie("given", "1", expires="Wed, 21 Oct 2015 07:28:00 GMT")
    response.set_cookie("computed", "1", expires=datetime(2037, 1, 2, 3, 4, 5))
    response.set_cookie("aged", "1", max_age=60)
    assert response.cookies["given"]["expires"] == "Wed, 21 Oct 2015 07:28:00 GMT"
    assert response.cookies["computed"]["expires"] == "Fri, 02-Jan-2037 03:04:05 GMT"
    assert response.cookies["aged"]["expires"][7] == "-"

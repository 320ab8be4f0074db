"""Legacy constructor arguments of the response classes (legacy/response.py).

``mimetype=``, positional arguments in each era's order, a false status, the
``DEFAULT_CONTENT_TYPE`` setting, the old 304 and content after a redirect's
URL, through every class and every way Django builds a response.  Era
behaviour is compared with recordings in tests/golden/test_golden.py; these
tests cover absence at modern flags, warnings at the caller and validation.
"""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import DisallowedRedirect
from django.http import (
    BadHeaderError,
    FileResponse,
    HttpResponse,
    HttpResponseNotModified,
    HttpResponseRedirect,
    JsonResponse,
    StreamingHttpResponse,
)
from django.test import Client, RequestFactory, override_settings

from django_http_compat import override, uninstall
from tests.legacy.uses import check_refused_as_plain_django, check_use, warns


def _positional_after_content() -> tuple[int, str]:
    # (mimetype, status, content_type) in 1.4; (content_type, status, reason) now.
    response = HttpResponse("x", "text/plain", 201, "text/csv")
    return response.status_code, response.reason_phrase


def _xhtml_by_default() -> str:
    with override_settings(DEFAULT_CONTENT_TYPE="application/xhtml+xml"):
        return HttpResponse("<p/>")["Content-Type"]


def _redirect_with_content() -> tuple[int, bytes]:
    response = HttpResponseRedirect("/next/", "Moved to /next/.")
    return response.status_code, response.content


USES = {
    "response_mimetype": ("1.6", lambda: HttpResponse("x", mimetype="text/plain")["Content-Type"]),
    "response_positional_order": ("1.4", _positional_after_content),
    "response_default_content_type": ("2.2", _xhtml_by_default),
    "response_falsy_status": ("1.5", lambda: HttpResponse("x", status=0).status_code),
    "response_status_range": ("1.8", lambda: HttpResponse("x", status=799).status_code),
    "response_not_modified_content_type": ("1.4", lambda: HttpResponseNotModified().get("Content-Type")),
    "response_redirect_positional_content": ("1.6", _redirect_with_content),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)


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
    with (
        override_settings(DEFAULT_CONTENT_TYPE="application/xhtml+xml", DEFAULT_CHARSET="latin-1"),
        warns("response_default_content_type"),
    ):
        assert HttpResponse()["Content-Type"] == "application/xhtml+xml; charset=latin-1"
        assert HttpResponse(charset="utf-8")["Content-Type"] == "application/xhtml+xml; charset=utf-8"
        assert HttpResponse(content_type="text/csv")["Content-Type"] == "text/csv"
        assert HttpResponseRedirect("/to/")["Content-Type"].startswith("application/xhtml+xml")


@pytest.mark.parametrize("version", [None, "1.7", "2.2"])
def test_default_content_type_with_positional_arguments_as_django_2_2_built_them(version, reinstall):
    # Django's own classes pass the content type positionally (SimpleTemplateResponse
    # gives HttpResponse ("", content_type, status)); 2.2 used the setting only
    # when that content type was None.
    from django.template import Template
    from django.template.response import SimpleTemplateResponse

    from django_http_compat import HttpResponse as SwappedResponse

    xhtml = "application/xhtml+xml; charset=utf-8"
    with (
        override(version=version, warnings="ignore"),
        override_settings(DEFAULT_CONTENT_TYPE="application/xhtml+xml"),
    ):
        assert HttpResponse("x", "text/plain")["Content-Type"] == "text/plain"
        assert HttpResponse("x", "text/plain", 201).status_code == 201
        assert HttpResponse("x", None)["Content-Type"] == xhtml
        assert HttpResponse("x", None, 202).status_code == 202
        assert SimpleTemplateResponse(Template("{{ 1 }}"))["Content-Type"] == xhtml
        assert SimpleTemplateResponse(Template("{{ 1 }}"), None, "text/csv")["Content-Type"] == "text/csv"
        assert SwappedResponse("x", "text/plain")["Content-Type"] == "text/plain"
        with pytest.raises(TypeError, match="multiple values"):
            HttpResponse("x", "text/plain", content_type="text/csv")
    uninstall()  # the swap classes apply the setting without the app's patches
    with override_settings(
        DEFAULT_CONTENT_TYPE="application/xhtml+xml",
        HTTP_COMPAT_VERSION=version,
        HTTP_COMPAT_WARNINGS="ignore",
    ):
        assert SwappedResponse("x", "text/plain")["Content-Type"] == "text/plain"
        assert SwappedResponse("x")["Content-Type"] == xhtml


@override(version="1.6")
def test_positional_redirect_content_keeps_unsafe_schemes_refused():
    with pytest.raises(DisallowedRedirect), warns("response_redirect_positional_content"):
        HttpResponseRedirect("javascript:alert(1)", "content")
    with warns("response_redirect_positional_content"):
        response = HttpResponseRedirect("/next/", "moved", "text/plain")
    assert (response.status_code, response.content, response["Content-Type"]) == (302, b"moved", "text/plain")


def test_custom_404_handler_using_mimetype():
    with warns("response_mimetype"):
        response = Client().get("/missing/")
    assert (response.status_code, response["Content-Type"], response.content) == (
        404,
        "text/plain",
        b"custom 404",
    )


@override_settings(MIDDLEWARE=["django.middleware.common.CommonMiddleware"], APPEND_SLASH=True)
def test_responses_django_builds_itself_come_from_the_patched_classes():
    from django.http import HttpResponsePermanentRedirect
    from django.http.response import HttpResponseBase

    from django_http_compat.legacy import response as legacy_response

    with warns("response_mimetype"):  # the 404 view's, before CommonMiddleware redirects
        response = Client().get("/slash")
    assert response.status_code == 301
    assert type(response) is HttpResponsePermanentRedirect
    assert HttpResponseBase.__init__ is legacy_response._base_init


@pytest.mark.parametrize(
    ("cls", "args"),
    [
        (HttpResponse, ("x",)),
        (StreamingHttpResponse, (iter([b"x"]),)),
        (JsonResponse, ({"a": 1},)),
        (FileResponse, (io.BytesIO(b"x"),)),
    ],
)
def test_mimetype_on_every_response_class(cls, args):
    with warns("response_mimetype"):
        assert cls(*args, mimetype="text/x-old")["Content-Type"] == "text/x-old"


def test_mimetype_on_template_responses():
    from django.template.response import SimpleTemplateResponse, TemplateResponse

    with warns("response_mimetype"):
        assert SimpleTemplateResponse("probe.html", mimetype="text/x-old")["Content-Type"] == "text/x-old"
    request = RequestFactory().get("/")
    with warns("response_mimetype"):
        response = TemplateResponse(request, "probe.html", {"value": 1}, mimetype="text/x-old").render()
    assert (response["Content-Type"], response.content) == ("text/x-old", b"probe 1\n")


def test_mimetype_header_injection_is_refused():
    with pytest.raises(BadHeaderError), warns("response_mimetype"):
        HttpResponse("x", mimetype="text/plain\r\nSet-Cookie: evil=1")
    with pytest.raises(BadHeaderError), override(version="1.4"):
        HttpResponse("x", "text/plain\nX-Evil: 1")


PLAIN_DJANGO_CALLS = [
    ("mimetype", lambda: HttpResponse("x", mimetype="text/plain")),
    (
        "template mimetype",
        lambda: __import__("django.template.response").template.response.SimpleTemplateResponse(
            "probe.html", mimetype="text/plain"
        ),
    ),
]


@pytest.mark.parametrize(("name", "call"), PLAIN_DJANGO_CALLS, ids=[n for n, _ in PLAIN_DJANGO_CALLS])
def test_absent_at_modern_version_exactly_as_plain_django(name, call, reinstall):
    check_refused_as_plain_django(call)


@override(version="2.2", warnings="ignore")
def test_default_content_type_assigned_at_run_time_applies_to_the_next_response():
    from django.conf import settings

    with override_settings():  # restores the settings after the assignments below
        assert HttpResponse()["Content-Type"] == "text/html; charset=utf-8"
        settings.DEFAULT_CONTENT_TYPE = "application/xhtml+xml"
        assert HttpResponse()["Content-Type"] == "application/xhtml+xml; charset=utf-8"
        settings.DEFAULT_CONTENT_TYPE = "text/plain"
        assert HttpResponse()["Content-Type"] == "text/plain; charset=utf-8"
        del settings.DEFAULT_CONTENT_TYPE
        assert HttpResponse()["Content-Type"] == "text/html; charset=utf-8"


@override(version="2.2", warnings="ignore")
def test_default_content_type_is_looked_up_once_per_change_of_the_settings(monkeypatch):
    """Responses after the first do not walk the settings again, yet see each assignment and override."""
    from django.conf import settings

    from django_http_compat.legacy import response as response_module

    walks = []
    walk = response_module._look_up_default_mime_type

    def counted(holder):
        walks.append(holder)
        return walk(holder)

    monkeypatch.setattr(response_module, "_look_up_default_mime_type", counted)

    def content_types(n=3):
        return {HttpResponse()["Content-Type"] for _ in range(n)}

    with override_settings():
        assert content_types() == {"text/html; charset=utf-8"}
        assert len(walks) == 1  # unset: remembered for the holder assignments go to
        settings.DEFAULT_CONTENT_TYPE = "text/plain"
        assert content_types() == {"text/plain; charset=utf-8"}
        assert len(walks) == 2  # set: then found where settings caches what it reads
        with override_settings(DEFAULT_CONTENT_TYPE="application/xhtml+xml"):
            assert content_types() == {"application/xhtml+xml; charset=utf-8"}
        assert content_types() == {"text/plain; charset=utf-8"}
        with override_settings():
            del settings.DEFAULT_CONTENT_TYPE  # deleted in the inner holder only
            assert content_types() == {"text/html; charset=utf-8"}
        assert content_types() == {"text/plain; charset=utf-8"}
        walks.clear()
        assert content_types(10) == {"text/plain; charset=utf-8"}
        assert walks == []


@pytest.mark.parametrize(
    ("version", "phrase"),
    [("1.4", "UNKNOWN STATUS CODE"), ("1.6", "UNKNOWN STATUS CODE"), ("1.10", "Unknown Status Code")],
)
@pytest.mark.parametrize("status", [600, 999, "600"])
def test_wide_status_is_served_with_the_phrase_for_unknown_codes(version, phrase, status):
    with override(version=version):
        response = HttpResponse("x", status=status)
        streaming = StreamingHttpResponse(["x"], status=status)
        assert (response.status_code, response.reason_phrase) == (int(status), phrase)
        assert (streaming.status_code, streaming.reason_phrase) == (int(status), phrase)


@pytest.mark.parametrize("version", ["1.4", "1.10", "1.11"])
@pytest.mark.parametrize("status", [-1, 0.5, 99, 1000, 10**6, "1000"])
def test_status_outside_three_digits_is_refused_in_every_era(version, status):
    """Old releases sent '-1 UNKNOWN STATUS CODE'; a status line needs three digits."""
    with override(version=version), pytest.raises(ValueError, match="from 100 to 599"):
        HttpResponse("x", status=status)


def test_wide_status_is_refused_from_1_11_and_with_the_feature_off():
    for version, features in (("1.11", {}), ("1.8", {"response_status_range": False})):
        with override(version=version, features=features), pytest.raises(ValueError, match="from 100 to 599"):
            HttpResponse("x", status=600)


def test_wide_status_goes_on_the_wire_as_a_valid_status_line():
    from tests.legacy.wsgi import run_wsgi

    with override(version="1.6"):
        assert run_wsgi("/status/", "code=799")[0] == "799 UNKNOWN STATUS CODE"

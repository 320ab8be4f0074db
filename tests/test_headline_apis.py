"""request.REQUEST, is_ajax(), xreadlines() and mimetype= through every way Django builds objects.

Exact old behaviour is compared with recorded real-Django data in
test_golden.py; this module covers the paths and the safety properties.
"""

from __future__ import annotations

import io
import json

import pytest
from asgiref.sync import async_to_sync
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.http import (
    BadHeaderError,
    FileResponse,
    HttpRequest,
    HttpResponse,
    JsonResponse,
    StreamingHttpResponse,
)
from django.test import AsyncClient, Client, RequestFactory, override_settings

from django_http_compat import override, uninstall
from django_http_compat.warnings import HttpCompatWarning
from tests.golden.probes import make_request, multipart

pytestmark = pytest.mark.filterwarnings("ignore::django_http_compat.warnings.HttpCompatWarning")

LEGACY = {"REQUEST": {"a": ["post"], "b": ["2"]}, "is_ajax": True}


def echo(content) -> dict:
    data = json.loads(content)
    return {key: data[key] for key in ("REQUEST", "is_ajax")}


def test_test_client():
    response = Client().post("/echo/?a=get&b=2", {"a": "post"}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response["Content-Type"] == "application/json"
    assert echo(response.content) == LEGACY


def test_async_client_and_asgi_handler():
    response = async_to_sync(AsyncClient().post)(
        "/echo/?a=get&b=2", {"a": "post"}, headers={"X-Requested-With": "XMLHttpRequest"}
    )
    assert echo(response.content) == LEGACY
    assert json.loads(response.content)["class"] == "ASGIRequest"


def test_wsgi_handler_streams_lines():
    body = b"first\nsecond\n"
    environ = RequestFactory().post("/echo/", body, content_type="text/plain").environ
    environ["wsgi.input"] = io.BytesIO(body)
    seen = {}

    def start_response(status, headers):
        seen["status"] = status

    content = b"".join(WSGIHandler()(environ, start_response))
    assert seen["status"].startswith("200")
    assert json.loads(content)["lines"] == ["first\n", "second\n"]


def test_request_factory_requests_have_REQUEST_but_bare_requests_never_did():
    assert RequestFactory().get("/?x=1").REQUEST["x"] == "1"
    assert not hasattr(HttpRequest(), "REQUEST")


def test_custom_404_handler_using_mimetype():
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
    assert cls(*args, mimetype="text/x-old")["Content-Type"] == "text/x-old"


def test_mimetype_on_template_responses():
    from django.template.response import SimpleTemplateResponse, TemplateResponse

    assert SimpleTemplateResponse("probe.html", mimetype="text/x-old")["Content-Type"] == "text/x-old"
    request = RequestFactory().get("/")
    response = TemplateResponse(request, "probe.html", {"value": 1}, mimetype="text/x-old").render()
    assert (response["Content-Type"], response.content) == ("text/x-old", b"probe 1\n")


def test_mimetype_header_injection_is_refused():
    with pytest.raises(BadHeaderError):
        HttpResponse("x", mimetype="text/plain\r\nSet-Cookie: evil=1")
    with pytest.raises(BadHeaderError), override(version="1.4"):
        HttpResponse("x", "text/plain\nX-Evil: 1")


def test_xreadlines_streams_without_reading_the_body_whole():
    class CountingStream(io.BytesIO):
        largest = 0

        def read(self, size=-1):
            CountingStream.largest = max(CountingStream.largest, size if size and size > 0 else 1 << 30)
            return super().read(size)

        def readline(self, size=-1):
            return super().readline(size)

    body = b"x" * 100 + b"\n" + b"y\n" * 5000
    request = make_request("POST", "", b"", "text/plain")
    request._stream = CountingStream(body)
    lines = request.xreadlines()
    assert next(lines) == b"x" * 100 + b"\n"
    assert CountingStream.largest < len(body)
    assert sum(1 for _ in lines) == 5000


def test_REQUEST_goes_through_upload_limits():
    with override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=3):
        response = Client().post("/echo/", {f"f{i}": "v" for i in range(10)})
    assert response.status_code == 400
    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=100):
        response = Client().post("/echo/", {"big": "v" * 500})
    assert response.status_code == 400


def test_REQUEST_is_lazy_and_cached():
    request = make_request("POST", "g=1", multipart([("p", "2")]), "multipart/form-data; boundary=BoUnDaRy")
    assert "_post" not in request.__dict__
    merged = request.REQUEST
    assert merged is request.REQUEST
    assert (merged["p"], merged["g"]) == ("2", "1")


PLAIN_DJANGO_CALLS = [
    ("REQUEST", lambda: RequestFactory().get("/").REQUEST),
    ("is_ajax", lambda: RequestFactory().get("/").is_ajax()),
    ("xreadlines", lambda: RequestFactory().get("/").xreadlines()),
    ("mimetype", lambda: HttpResponse("x", mimetype="text/plain")),
    (
        "template mimetype",
        lambda: __import__("django.template.response").template.response.SimpleTemplateResponse(
            "probe.html", mimetype="text/plain"
        ),
    ),
]


def _error_of(call):
    try:
        call()
    except Exception as exc:
        return type(exc), str(exc)
    return None


@pytest.mark.parametrize(("name", "call"), PLAIN_DJANGO_CALLS, ids=[n for n, _ in PLAIN_DJANGO_CALLS])
def test_absent_at_modern_version_exactly_as_plain_django(name, call, reinstall):
    with override(version="5.2"):
        flagged = _error_of(call)
    uninstall()
    plain = _error_of(call)
    assert plain is not None
    assert flagged == plain


def test_legacy_calls_warn_with_the_callers_line():
    request = RequestFactory().get("/")
    with override(warnings="always"), pytest.warns(HttpCompatWarning) as record:
        request.is_ajax()
        JsonResponse({}, mimetype="application/x-json")
    assert [w.filename for w in record] == [__file__, __file__]
    assert isinstance(make_request(), WSGIRequest)

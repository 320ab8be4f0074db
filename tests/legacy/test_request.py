"""Legacy attributes and methods of the request (legacy/request.py).

Each is present under its flag, warns, is bounded by Django's upload limits,
works through the test clients and the WSGI and ASGI handlers, and is absent
at a modern flag exactly as in plain Django.  Behaviour of each era is
compared with recordings in tests/golden/test_golden.py; the 0.96-only APIs,
which no installable release has, are checked here against the 0.96
documentation.
"""

from __future__ import annotations

import importlib
import io
import json

import django.urls
import pytest
from asgiref.sync import async_to_sync
from django.core.exceptions import RequestDataTooBig
from django.core.handlers.wsgi import WSGIHandler
from django.http import HttpRequest
from django.http.request import RawPostDataException
from django.test import AsyncClient, Client, RequestFactory, override_settings

from django_http_compat import override, uninstall
from django_http_compat.features import FEATURES_BY_ID
from django_http_compat.warnings import CATEGORY_OF
from tests.golden.probes import MULTIPART, URLENCODED, make_request, multipart
from tests.legacy.uses import check_refused_as_plain_django, check_use, warns


def served(module: str, name: str):
    """``module.name`` looked up here, as old code's import would (a served name warns at this file)."""
    return getattr(importlib.import_module(module), name)


# feature id -> (a release that had it, a use of it as old code wrote it)
# --- probes: hasattr() and getattr() with a default --------------------------------------

PROBED = {"REQUEST": "request_REQUEST", "raw_post_data": "request_raw_post_data"}


@pytest.mark.parametrize("attribute", sorted(PROBED))
def test_a_probe_in_error_mode_finds_the_attribute_absent_and_a_use_raises_the_warning(attribute):
    request = make_request("POST", "", b"a=1", URLENCODED)
    with override(warnings="error"):
        assert not hasattr(request, attribute)
        assert getattr(request, attribute, "absent") == "absent"
        with pytest.raises(CATEGORY_OF[PROBED[attribute]]) as raised:
            getattr(request, attribute)
    assert str(raised.value) == FEATURES_BY_ID[PROBED[attribute]].warning_message


@pytest.mark.parametrize("attribute", sorted(PROBED))
@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=10)
def test_a_probe_of_a_body_too_big_finds_the_attribute_absent_and_a_use_gets_django_s_error(attribute):
    request = make_request("POST", "", b"a=" + b"x" * 100, URLENCODED)
    with override(warnings="ignore"):
        assert not hasattr(request, attribute)
        with pytest.raises(RequestDataTooBig):  # a 400 from Django's handler, as for request.body
            getattr(request, attribute)


def test_a_probe_after_the_stream_was_read_finds_raw_post_data_absent():
    request = make_request("POST", "", b"a=1", URLENCODED)
    request.read()
    with override(warnings="ignore"):
        assert not hasattr(request, "raw_post_data")
        with pytest.raises(RawPostDataException):
            request.raw_post_data  # noqa: B018


@override(warnings="ignore")
def test_a_probe_sees_the_attributes_old_code_expects():
    request = make_request("POST", "", b"a=1", URLENCODED)
    assert hasattr(request, "REQUEST") and hasattr(request, "raw_post_data")


@pytest.mark.parametrize("mode", ["error", "ignore"])
@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=100)
def test_a_view_that_probes_serves_an_upload_over_the_memory_limit_as_plain_django(mode, reinstall):
    """A probe never turns a request plain Django serves into an error response."""
    upload = io.BytesIO(b"x" * 200)
    upload.name = "big.txt"
    with override(warnings=mode):
        shimmed = Client().post("/probing/", {"f": upload})
    uninstall()
    upload.seek(0)
    plain = Client().post("/probing/", {"f": upload})
    read = str(b"x" * 200).encode()
    assert (plain.status_code, plain.content) == (200, b"False False " + read)
    # Old code finds REQUEST; the body, too big to hold, is absent to the probe, not an error.
    expected = b"False False " if mode == "error" else b"True False "
    assert (shimmed.status_code, shimmed.content) == (200, expected + read)


USES = {
    "request_REQUEST": ("1.6", lambda: make_request("GET", "a=1").REQUEST["a"]),
    "request_raw_post_data": ("1.5", lambda: make_request("POST", "", b"a=1", URLENCODED).raw_post_data),
    "request_getitem": ("0.96", lambda: make_request("GET", "a=1")["a"]),
    "request_get_raw_uri": ("3.2", lambda: make_request("GET", "a=1").get_raw_uri()),
    "request_long_repr": ("1.7", lambda: repr(make_request("GET", "a=1")).split("\n")[:3]),
    "request_is_ajax": (
        "3.1",
        lambda: make_request(headers={"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}).is_ajax(),
    ),
    "request_xreadlines": ("2.2", lambda: list(make_request("POST", "", b"a\nb", "text/plain").xreadlines())),
    "request_unescaped_full_path": (
        "1.7",
        lambda: make_request("GET", "q=%C3%A9", headers={"PATH_INFO": "/a b/caf\xc3\xa9/"}).get_full_path(),
    ),
    "request_keyless_cookies": (
        "1.7",
        lambda: sorted(make_request(headers={"HTTP_COOKIE": "a=1; b; =x; c=3"}).COOKIES.items()),
    ),
    "http_build_request_repr": (
        "1.8",
        lambda: served("django.http", "build_request_repr")(make_request())[:13],
    ),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)


LIMITS = {
    "memory": ({"DATA_UPLOAD_MAX_MEMORY_SIZE": 100}, multipart([("a", "v" * 300)]), MULTIPART),
    "fields": (
        {"DATA_UPLOAD_MAX_NUMBER_FIELDS": 3},
        multipart([(f"f{i}", "v") for i in range(5)]),
        MULTIPART,
    ),
    "files": ({"DATA_UPLOAD_MAX_NUMBER_FILES": 1}, None, MULTIPART),
    "memory_text": ({"DATA_UPLOAD_MAX_MEMORY_SIZE": 100}, b"a=" + b"v" * 300, "text/plain"),
    "fields_text": ({"DATA_UPLOAD_MAX_NUMBER_FIELDS": 3}, b"a=1&b=2&c=3&d=4&e=5", "text/plain"),
}


# (legacy accessor, the modern code replacing it, a release with the legacy one)
PAIRS = [
    ("REQUEST", "POST", "1.6"),
    ("raw_post_data", "body", "1.5"),
    ("getitem", "POST", "0.96"),
    ("FILES_dict", "FILES", "0.96"),
    ("POST", "QueryDict_of_body", "1.4"),  # a non-form body parsed as a form
]


def two_files() -> bytes:
    part = '--BoUnDaRy\r\nContent-Disposition: form-data; name="f{0}"; filename="f{0}.txt"\r\n\r\nx\r\n'
    return (part.format(1) + part.format(2) + "--BoUnDaRy--\r\n").encode()


def status(accessor: str, limit: str) -> int:
    limit_settings, body, content_type = LIMITS[limit]
    with override_settings(**limit_settings):
        response = Client().generic(
            "POST", f"/accessor/{accessor}/?a=get", body or two_files(), content_type=content_type
        )
    return response.status_code


# A non-form body reaches POST only through the any-content-type feature (the
# last pair), so only that pair meets the text bodies.
COMBINATIONS = [
    (*pair, limit) for pair in PAIRS for limit in LIMITS if limit.endswith("_text") == (pair[0] == "POST")
]


@pytest.mark.parametrize(("legacy", "modern", "release", "limit"), COMBINATIONS)
def test_upload_limits_hold_through_legacy_accessors(legacy, modern, release, limit):
    with override(version=release, warnings="ignore"):
        assert status(legacy, limit) == status(modern, limit)


@pytest.mark.parametrize(
    ("accessor", "release", "limits_refused"),
    [
        ("REQUEST", "1.6", {"memory", "fields", "files"}),
        ("raw_post_data", "1.5", {"memory", "memory_text"}),
        # 0.96 also parsed text bodies into POST, so those meet the limits too.
        ("getitem", "0.96", set(LIMITS)),
        ("FILES_dict", "0.96", set(LIMITS)),
        ("POST", "1.4", set(LIMITS)),
    ],
)
def test_limits_refuse_with_400(accessor, release, limits_refused):
    with override(version=release, warnings="ignore"):
        refused = {limit for limit in LIMITS if status(accessor, limit) == 400}
    assert refused == limits_refused


@override(version="0.96")
def test_request_getitem_searches_post_then_get():
    request = make_request("POST", "a=get&g=1", b"a=post", URLENCODED)
    with warns("request_getitem"):
        assert (request["a"], request["g"]) == ("post", "1")
    with warns("request_getitem"):
        assert request.has_key("g") and "a" in request and "zz" not in request
    with pytest.raises(KeyError) as info, warns("request_getitem"):
        request["zz"]
    assert info.value.args == ("zz not found in either POST or GET",)


@override(version="0.96")
def test_raw_post_data_after_a_multipart_parse_refuses_rather_than_lie():
    request = make_request("POST", "", multipart([("a", "1")]), MULTIPART)
    assert request.POST["a"] == "1"
    with pytest.raises(RawPostDataException, match="raw_post_data"), warns("request_raw_post_data"):
        getattr(request, "raw_post_data")  # noqa: B009


LEGACY = {"REQUEST": {"a": ["post"], "b": ["2"]}, "is_ajax": True}


def echo(content) -> dict:
    data = json.loads(content)
    return {key: data[key] for key in ("REQUEST", "is_ajax")}


def test_test_client():
    with warns("request_REQUEST", "request_is_ajax", "request_xreadlines", "response_mimetype"):
        response = Client().post("/echo/?a=get&b=2", {"a": "post"}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert response["Content-Type"] == "application/json"
    assert echo(response.content) == LEGACY


def test_async_client_and_asgi_handler():
    with warns("request_REQUEST", "request_is_ajax", "request_xreadlines", "response_mimetype"):
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

    with warns("request_REQUEST", "request_is_ajax", "request_xreadlines", "response_mimetype"):
        content = b"".join(WSGIHandler()(environ, start_response))
    assert seen["status"].startswith("200")
    assert json.loads(content)["lines"] == ["first\n", "second\n"]


def test_request_factory_requests_have_REQUEST_but_bare_requests_never_did():
    with warns("request_REQUEST"):
        assert RequestFactory().get("/?x=1").REQUEST["x"] == "1"
    assert not hasattr(HttpRequest(), "REQUEST")


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
    with warns("request_xreadlines"):
        lines = request.xreadlines()
    assert next(lines) == b"x" * 100 + b"\n"
    assert CountingStream.largest < len(body)
    assert sum(1 for _ in lines) == 5000


def test_REQUEST_goes_through_upload_limits():
    with override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=3), warns("request_REQUEST"):
        response = Client().post("/echo/", {f"f{i}": "v" for i in range(10)})
    assert response.status_code == 400
    with override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=100), warns("request_REQUEST"):
        response = Client().post("/echo/", {"big": "v" * 500})
    assert response.status_code == 400


def test_REQUEST_is_lazy_and_cached():
    request = make_request("POST", "g=1", multipart([("p", "2")]), "multipart/form-data; boundary=BoUnDaRy")
    assert "_post" not in request.__dict__
    with warns("request_REQUEST"):
        merged = request.REQUEST
        assert merged is request.REQUEST
    assert (merged["p"], merged["g"]) == ("2", "1")


PLAIN_DJANGO_CALLS = [
    ("REQUEST", lambda: RequestFactory().get("/").REQUEST),
    ("is_ajax", lambda: RequestFactory().get("/").is_ajax()),
    ("xreadlines", lambda: RequestFactory().get("/").xreadlines()),
]


@pytest.mark.parametrize(("name", "call"), PLAIN_DJANGO_CALLS, ids=[n for n, _ in PLAIN_DJANGO_CALLS])
def test_absent_at_modern_version_exactly_as_plain_django(name, call, reinstall):
    check_refused_as_plain_django(call)


@pytest.mark.parametrize("release", ["1.7", "1.8"])
def test_cookies_without_a_name_are_left_out_up_to_1_7_through_both_handlers(release):
    from django.core.handlers.asgi import ASGIRequest

    header = "a=1; b; =x; c=3"
    scope = {"type": "http", "method": "GET", "path": "/", "headers": [(b"cookie", header.encode())]}
    expected = {"a": "1", "c": "3"} if release == "1.7" else {"a": "1", "": "x", "c": "3"}
    with override(version=release, warnings="ignore"):
        wsgi = make_request(headers={"HTTP_COOKIE": header}).COOKIES
        asgi = ASGIRequest(scope, io.BytesIO()).COOKIES
    assert wsgi == expected
    assert asgi == expected


def _path_view(request):
    from django.http import HttpResponse

    return HttpResponse(request.get_full_path())


# ROOT_URLCONF of the test below: paths with characters to escape (requested as /a%20b/ ...).
ROUTES = {"a b/": "a%20b", "café/": "caf%C3%A9", "100%/": "100%25", "q?/": "q%3F"}
urlpatterns = [django.urls.path(route, _path_view) for route in ROUTES]


@pytest.mark.parametrize("release", ["1.7", "1.8"])
def test_full_path_unescaped_up_to_1_7_while_django_redirects_to_the_escaped_one(release, reinstall):
    """Old code reads the path as requested; APPEND_SLASH and the HTTPS redirect still send valid Locations."""
    middleware = [
        "django.middleware.security.SecurityMiddleware",
        "django.middleware.common.CommonMiddleware",
    ]

    def served(suffix, **settings):
        client = Client()
        with override_settings(ROOT_URLCONF=__name__, MIDDLEWARE=middleware, **settings):
            return [client.get(f"/{requested}{suffix}", {"x": "é"}) for requested in ROUTES.values()]

    def locations(**settings):
        return [response["Location"] for response in served("", **settings)]

    with override(version=release, warnings="ignore"):
        shown = [response.content.decode() for response in served("/")]
        slashed, secured = locations(), locations(SECURE_SSL_REDIRECT=True)
    uninstall()
    plain_shown = [response.content.decode() for response in served("/")]
    # At these flags Location is made absolute (response_absolute_location).
    slashed = [location.removeprefix("http://testserver") for location in slashed]
    assert (slashed, secured) == (locations(), locations(SECURE_SSL_REDIRECT=True))
    assert slashed[0] == "/a%20b/?x=%C3%A9"
    assert all(location.isascii() and " " not in location for location in slashed + secured)
    if release == "1.7":
        assert shown == [f"/{route}?x=%C3%A9" for route in ROUTES]
    else:
        assert shown == plain_shown

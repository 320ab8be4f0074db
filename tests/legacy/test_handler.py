"""Bodies the old request handler removed (legacy/handler.py), through WSGI, ASGI, the test
client and real servers; what the app hands its server is checked as well as the wire, since
the servers drop such bodies themselves."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import types
import wsgiref.util
from pathlib import Path
from typing import Any

import pytest
from django.core.handlers.asgi import ASGIHandler
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIHandler
from django.http import HttpResponse, HttpResponseNotModified
from django.test import Client, RequestFactory, override_settings

from django_http_compat import install, override, uninstall
from django_http_compat.legacy.handler import conditional_content_removal
from tests.golden.probes import make_request
from tests.golden.probes.common import served
from tests.legacy.uses import check_use
from tests.live import body_urls
from tests.live.servers import LIVE_SERVERS, REPO, get, running

URLS = override_settings(ROOT_URLCONF="tests.live.body_urls")


def _served_204() -> dict:
    return served("form/", "form=body_204")


USES = {"handler_body_removal": ("1.9", _served_204)}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)


# --- what the app hands its server ----------------------------------------------------------

#: (method, path) -> (body, Content-Length) as the 1.9 handler hands them over.
AT_1_9 = {
    ("GET", "/content/200/"): (b"body", None),
    ("HEAD", "/content/200/"): (b"", None),
    ("GET", "/content/204/"): (b"", "0"),
    ("HEAD", "/content/204/"): (b"", "0"),
    ("GET", "/content/304/"): (b"", "0"),
    ("GET", "/content/100/"): (b"", "0"),
    ("GET", "/content/404/"): (b"body", None),
    ("HEAD", "/content/404/"): (b"", None),
    ("GET", "/stream/200/"): (b"body", None),
    ("HEAD", "/stream/200/"): (b"", None),
    ("GET", "/stream/204/"): (b"", "0"),
    ("HEAD", "/file/200/"): (b"", str(Path(body_urls.__file__).stat().st_size)),  # FileResponse's
    ("GET", "/file/304/"): (b"", "0"),
}


def _label(method: str, path: str) -> str:
    return f"{method}{path}"


def through_wsgi(method: str, path: str) -> tuple[bytes, str | None, bool | None]:
    """(body, Content-Length, was the stream or file closed) as WSGIHandler hands them to a server."""
    label = _label(method, path)
    environ = RequestFactory().generic(method, f"{path}?label={label}").environ
    environ["wsgi.file_wrapper"] = wsgiref.util.FileWrapper  # as gunicorn offers it
    started = []
    result = WSGIHandler()(environ, lambda status, headers, exc_info=None: started.append(headers))
    try:
        body = b"".join(result)
    finally:
        result.close()  # what the server does once it is done
    length = dict(started[0]).get("Content-Length")
    given = body_urls.HANDED_OUT.pop(label, None)
    return body, length, None if given is None else given.closed


def through_asgi(method: str, path: str) -> tuple[bytes, str | None, bool | None]:
    """The same, from the messages ASGIHandler sends."""
    label = _label(method, path)
    messages: list[dict[str, Any]] = []

    async def main() -> None:
        requested = False

        async def receive() -> dict[str, Any]:
            nonlocal requested
            if not requested:
                requested = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await asyncio.Event().wait()  # no disconnect: Django cancels this once it has answered
            raise AssertionError("not reached")

        async def send(message: dict[str, Any]) -> None:
            messages.append(message)

        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "query_string": f"label={label}".encode(),
            "headers": [(b"host", b"testserver")],
            "server": ("testserver", 80),
            "client": ("127.0.0.1", 10000),
        }
        await ASGIHandler()(scope, receive, send)

    asyncio.run(main())
    start, *bodies = messages
    assert start["type"] == "http.response.start" and all(m["type"] == "http.response.body" for m in bodies)
    length = dict(start["headers"]).get(b"Content-Length")
    given = body_urls.HANDED_OUT.pop(label, None)
    return (
        b"".join(m.get("body", b"") for m in bodies),
        None if length is None else length.decode(),
        None if given is None else given.closed,
    )


HANDLERS = {"wsgi": through_wsgi, "asgi": through_asgi}


#: Django warns when its ASGI handler serves a synchronous stream, as the views' are.
SYNC_STREAM = pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume synchronous iterators")


@URLS
@SYNC_STREAM
@pytest.mark.parametrize("handler", sorted(HANDLERS))
@pytest.mark.parametrize(("method", "path"), sorted(AT_1_9))
def test_the_1_9_handler_hands_over_bodies_as_1_9_did_and_closes_what_it_drops(handler, method, path):
    with override(version="1.9"):
        body, length, closed = HANDLERS[handler](method, path)
    assert (body, length) == AT_1_9[(method, path)]
    assert closed in (None, True)  # a stream or a file, read or dropped, is closed


@URLS
@SYNC_STREAM
@pytest.mark.parametrize("handler", sorted(HANDLERS))
def test_from_1_10_the_handler_hands_over_what_plain_django_does(handler, reinstall):
    through = HANDLERS[handler]
    with override(version="1.10"):
        at_1_10 = {request: through(*request) for request in AT_1_9}
    uninstall()
    plain = {request: through(*request) for request in AT_1_9}
    assert at_1_10 == plain
    # Plain Django leaves the bodies to the server: the handler's removal is really gone.
    assert plain[("HEAD", "/content/200/")] == (b"body", None, None)
    assert plain[("GET", "/content/204/")] == (b"body", None, None)
    assert plain[("GET", "/stream/204/")] == (b"body", None, True)


def test_at_1_10_and_uninstalled_the_handler_is_djangos_own(reinstall):
    uninstall()
    plain = dict(vars(BaseHandler))
    install()
    with override(version="1.10"):
        assert dict(vars(BaseHandler)) == plain
    with override(version="1.9"):
        assert vars(BaseHandler)["get_response"] is not plain["get_response"]
    uninstall()
    assert dict(vars(BaseHandler)) == plain


@URLS
@override(version="1.9")
def test_the_test_client_sees_content_length_0_on_a_204_as_1_9_s_did():
    response = Client().get("/content/204/")
    assert (response.status_code, response.content, response["Content-Length"]) == (204, b"", "0")
    head = Client().head("/content/200/")
    assert (head.content, head.has_header("Content-Length")) == (b"", False)


@URLS
def test_from_1_10_the_test_client_empties_the_body_but_sets_no_length():
    with override(version="1.10"):
        response = Client().get("/content/204/")
    assert (response.content, response.has_header("Content-Length")) == (b"", False)


@override(version="1.9", warnings="ignore")
def test_the_served_conditional_content_removal_is_the_handler_s_own():
    import django.http

    assert django.http.conditional_content_removal is conditional_content_removal
    response = conditional_content_removal(make_request("HEAD", ""), HttpResponse("body", status=204))
    assert (response.content, response["Content-Length"]) == (b"", "0")


# --- a 304 with content (1.4 and earlier) ------------------------------------------------


@URLS
@pytest.mark.parametrize("handler", sorted(HANDLERS))
@pytest.mark.parametrize(
    "features",
    [
        {},
        {"handler_body_removal": False},
        {"handler_body_removal": False, "response_absolute_location": False},
    ],
)
def test_a_304_built_with_content_never_hands_a_body_to_the_server(handler, features):
    with override(version="1.4", features=features, warnings="ignore"):
        body, length, _closed = HANDLERS[handler]("GET", "/not-modified/")
    assert body == b""
    assert length == ("0" if features == {} else None)


@URLS
@pytest.mark.parametrize("handler", sorted(HANDLERS))
def test_a_304_built_with_content_under_an_override_hands_no_body_to_a_modern_handler(handler):
    @override(version="1.4", warnings="ignore")
    def legacy_view(request):
        return HttpResponseNotModified("body")

    with override_settings(ROOT_URLCONF=_urls_of(legacy_view)):
        body, length, _closed = HANDLERS[handler]("GET", "/legacy/")
    assert (body, length) == (b"", None)


def _urls_of(view: Any) -> Any:
    from django.urls import path

    module = types.ModuleType("legacy_urls")
    module.urlpatterns = [path("legacy/", view)]  # type: ignore[attr-defined]
    return module


# --- real servers -----------------------------------------------------------------------------

SERVED = [
    ("GET", "/content/200/"),
    ("HEAD", "/content/200/"),
    ("GET", "/content/204/"),
    ("GET", "/content/304/"),
    ("HEAD", "/stream/200/"),
    ("GET", "/stream/204/"),
    ("HEAD", "/file/200/"),
    ("GET", "/file/304/"),
]


def on_the_wire(port: int, method: str, path: str) -> tuple[str, list[str], bytes]:
    """Status line, Content-Length and Transfer-Encoding lines, and every byte after the head."""
    label = _label(method, path)
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(
            f"{method} {path}?label={label} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
        )
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    status, *lines = head.decode("latin-1").split("\r\n")
    framing = sorted(
        line.lower() for line in lines if line.lower().startswith(("content-length:", "transfer-encoding:"))
    )
    return status.split(" ", 2)[1], framing, rest


def serve_all(server: str, env: dict[str, str]) -> tuple[list, dict[str, bool]]:
    env = {"PYTHONPATH": str(REPO), "DJANGO_SETTINGS_MODULE": "tests.live.settings_bodies", **env}
    with running(LIVE_SERVERS[server], cwd=REPO, env={**os.environ, **env}) as port:
        wire = [on_the_wire(port, method, path) for method, path in SERVED]
        closed = json.loads(get(port, "/closed/").body)  # type: ignore[attr-defined]
    return wire, closed


@pytest.mark.server
@pytest.mark.parametrize("server", ["gunicorn-sync", "uvicorn"])
def test_real_servers_get_no_body_and_content_length_0_at_1_9_and_plain_django_s_answer_at_1_10(server):
    at_1_9, closed_1_9 = serve_all(server, {"HTTP_COMPAT_TEST_VERSION": "1.9"})
    at_1_10, _ = serve_all(server, {"HTTP_COMPAT_TEST_VERSION": "1.10"})
    plain, _ = serve_all(server, {"HTTP_COMPAT_TEST_PLAIN": "1"})
    assert at_1_10 == plain  # (whether plain Django closes a 204 stream under uvicorn is a race)
    by_request = dict(zip(SERVED, at_1_9, strict=True))
    for (method, path), (_status, framing, rest) in by_request.items():
        if method == "HEAD" or not path.endswith("/200/"):
            assert rest == b"", (method, path)
        if path.endswith("/304/"):
            assert framing == ["content-length: 0"], (method, path)
        if path.endswith("/204/"):  # gunicorn drops a 204's Content-Length, as RFC 9110 asks
            assert framing == ([] if server.startswith("gunicorn") else ["content-length: 0"]), (method, path)
    assert by_request[("GET", "/content/200/")][2] != b""
    assert dict(zip(SERVED, plain, strict=True))[("GET", "/file/304/")][1] != ["content-length: 0"]
    # Every stream and file the 1.9 handler emptied was closed.
    assert closed_1_9 == dict.fromkeys((_label(m, p) for m, p in SERVED if "/content/" not in p), True)

"""One small view, written against the modern ``django.http`` API and against the legacy one.

Both answer ``GET /<view>?name=alice`` sent by an XMLHttpRequest with the same
status, headers and body, so the request-cycle benchmarks time the same work.
"""

from __future__ import annotations

import io
from typing import Any

from django.http import HttpResponse
from django.urls import path


def modern(request: Any) -> HttpResponse:
    name = request.POST["name"] if "name" in request.POST else request.GET["name"]
    ajax = request.headers.get("x-requested-with") == "XMLHttpRequest"
    response = HttpResponse(f"hello {name}", content_type="text/plain")
    response.headers["X-Ajax"] = str(ajax)
    return response


def legacy(request: Any) -> HttpResponse:
    name = request.REQUEST["name"]
    ajax = request.is_ajax()
    response = HttpResponse(f"hello {name}", mimetype="text/plain")
    response._headers["x-ajax"] = ("X-Ajax", str(ajax))
    return response


urlpatterns = [path("modern", modern), path("legacy", legacy)]


def environ(view: str, body: bytes = b"", **extra: Any) -> dict[str, Any]:
    """The WSGI environ of the benchmark request to ``view``."""
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": f"/{view}",
        "QUERY_STRING": "name=alice",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "testserver",
        "HTTP_X_REQUESTED_WITH": "XMLHttpRequest",
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
        "wsgi.errors": io.StringIO(),
        **extra,
    }


def serve(handler: Any, view: str) -> tuple[str, list[tuple[str, str]], bytes]:
    """One request through Django's WSGI handler, read as a server would read it."""
    started: list[Any] = []
    response = handler(
        environ(view), lambda status, headers, exc_info=None: started.append((status, headers))
    )
    try:
        body = b"".join(response)
    finally:
        response.close()
    status, headers = started[0]
    return status, headers, body

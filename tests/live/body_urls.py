"""Views for the tests of the bodies the old handler removed (tests/legacy/test_handler.py):
each answers with a body, whatever its status, as plain content, a stream or a file.

``HANDED_OUT`` keeps what each stream and file view handed out, and ``/closed/``
reports whether it was closed, so a test can see, through a real server too, that a
dropped body was still closed.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import FileResponse, HttpResponse, HttpResponseNotModified, StreamingHttpResponse
from django.urls import path

#: Label of a stream or file view's request (``?label=``) -> what it handed out.
HANDED_OUT: dict[str, Any] = {}


def content(request, status):
    return HttpResponse("body", status=status)


def not_modified(request):
    """The 304 of 1.4 and earlier, with content (a 500 from 1.5, where that raises)."""
    return HttpResponseNotModified("body")


class Chunks:
    """An iterator of two chunks that records whether it was closed."""

    def __init__(self) -> None:
        self.chunks = iter((b"bo", b"dy"))
        self.closed = False

    def __iter__(self):
        return self

    def __next__(self) -> bytes:
        return next(self.chunks)

    def close(self) -> None:
        self.closed = True


def stream(request, status):
    chunks = HANDED_OUT[request.GET.get("label", "")] = Chunks()
    return StreamingHttpResponse(chunks, status=status)


def file(request, status):
    handle = HANDED_OUT[request.GET.get("label", "")] = open(__file__, "rb")  # noqa: SIM115 (the response closes it)
    return FileResponse(handle, status=status)


def closed(request):
    """Label -> was what that request's view handed out closed?"""
    report = {label: bool(given.closed) for label, given in HANDED_OUT.items()}
    return HttpResponse(json.dumps(report, sort_keys=True), content_type="application/json")


urlpatterns = [
    path("content/<int:status>/", content),
    path("not-modified/", not_modified),
    path("stream/<int:status>/", stream),
    path("file/<int:status>/", file),
    path("closed/", closed),
]

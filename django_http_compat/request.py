"""Legacy request APIs, put onto Django's request classes while active.

Each entry point warns, then works through modern Django's own parsing
(``request.POST``, ``request.GET``, ``request.readline``), so upload limits
and decoding rules hold exactly as for modern code.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.core.handlers.asgi import ASGIRequest
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpRequest

from .datastructures import MergeDict
from .patching import Patch
from .warnings import warn

_REQUEST_CACHE = "_http_compat_REQUEST"


def _get_REQUEST(self: HttpRequest) -> MergeDict:
    """POST, then GET; built once per request and kept, as old Django did."""
    warn("request_REQUEST")
    try:
        return self.__dict__[_REQUEST_CACHE]
    except KeyError:
        merged = self.__dict__[_REQUEST_CACHE] = MergeDict(self.POST, self.GET)
        return merged


REQUEST = property(_get_REQUEST, doc="Legacy POST-then-GET lookup (removed in Django 1.9).")


def is_ajax(self: HttpRequest) -> bool:
    """True when X-Requested-With is exactly ``XMLHttpRequest`` (removed in Django 4.0)."""
    warn("request_is_ajax")
    return self.META.get("HTTP_X_REQUESTED_WITH") == "XMLHttpRequest"


def xreadlines(self: HttpRequest) -> Iterator[bytes]:
    """A generator over the body's lines, read from the stream one line at a time."""
    warn("request_xreadlines")
    return _lines(self)


def _lines(request: HttpRequest) -> Iterator[bytes]:
    while line := request.readline():
        yield line


# REQUEST lived on the handler's request classes only: a bare HttpRequest()
# never had it.
PATCHES: dict[str, list[Patch]] = {
    "request_REQUEST": [Patch(WSGIRequest, "REQUEST", REQUEST), Patch(ASGIRequest, "REQUEST", REQUEST)],
    "request_is_ajax": [Patch(HttpRequest, "is_ajax", is_ajax)],
    "request_xreadlines": [Patch(HttpRequest, "xreadlines", xreadlines)],
}

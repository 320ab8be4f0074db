"""What the old request handler did to every response once the middleware had run.

Up to 1.9 the handler ended each request by passing the response through its
"response fixes": a relative Location made absolute (to 1.8, see
``location``), and the body removed from a response that must not have one,
the answer to a HEAD request and a 1xx, 204 or 304, which also got
``Content-Length: 0``.  Django 1.10 left the body to the servers; only the test
client still removes it, without the header.

One wrapper of ``BaseHandler.get_response`` (and its async twin) serves every
feature that adds a fix, and applies the fixes the calling context has: it
reaches the WSGI and ASGI handlers and both test clients, as the old handler
reached servers and tests.  A body dropped is dropped the way Django drops one
(the content set empty, a stream replaced), so what it held is still closed by
``response.close()``, the server's call when it is done.

Old code could also call the handler's helper itself, as
``django.http.conditional_content_removal()`` (served by name, see
``module_names``): the same function as the handler's, below.
"""

from __future__ import annotations

import functools
from typing import Any

from django.core.handlers.base import BaseHandler
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from django_http_compat.legacy.location import make_location_absolute
from django_http_compat.state import Patch, is_active

#: The features whose fixes the wrapper applies.  ``response_not_modified_content``
#: is one: a 304 that holds a body must not reach a server with it.
FIXES = ("response_absolute_location", "handler_body_removal", "response_not_modified_content")


def must_not_have_a_body(status_code: int) -> bool:
    """1xx, 204 and 304 responses carry no body (RFC 9110, 15.2, 15.3.5 and 15.4.5)."""
    return 100 <= status_code < 200 or status_code in (204, 304)


def _empty(response: HttpResponseBase) -> None:
    if response.streaming:
        response.streaming_content = []  # type: ignore[attr-defined]  # streaming responses have it
    else:
        response.content = b""  # type: ignore[attr-defined]  # non-streaming responses have it


def conditional_content_removal(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
    """The old handler's body removal: HEAD answers and 1xx/204/304 emptied, the latter with ``Content-Length: 0``."""
    if must_not_have_a_body(response.status_code):
        _empty(response)
        response["Content-Length"] = "0"
    elif request.method == "HEAD":
        _empty(response)
    return response


def _apply_fixes(request: HttpRequest, response: HttpResponseBase) -> None:
    if is_active("response_absolute_location") and "location" in response.headers._store:  # Django-private
        make_location_absolute(request, response)
    if is_active("handler_body_removal"):
        conditional_content_removal(request, response)
    elif response.status_code == 304 and is_active("response_not_modified_content"):
        _empty(response)  # what 1.4 let a 304 hold, never sent (the headers stay modern Django's)


#: The statuses no fix touches in a response that has no Location and does
#: not answer a HEAD request: every three-digit status but 1xx, 204 and 304.
#: A response with any other status (those, or anything odd) takes ``_apply_fixes()``.
_UNFIXED_STATUSES = frozenset(range(200, 1000)) - {204, 304}


_modern_get_response = BaseHandler.get_response
_modern_get_response_async = BaseHandler.get_response_async


@functools.wraps(_modern_get_response)
def _get_response(self: BaseHandler, request: HttpRequest) -> Any:
    response = _modern_get_response(self, request)
    # Every response passes here: the one no fix can touch (the 200 of a GET)
    # costs no further call and no look at the configuration.
    if (
        response.status_code not in _UNFIXED_STATUSES
        or request.method == "HEAD"
        or "location" in response.headers._store  # Django-private
    ):
        _apply_fixes(request, response)
    return response


@functools.wraps(_modern_get_response_async)
async def _get_response_async(self: BaseHandler, request: HttpRequest) -> Any:
    response = await _modern_get_response_async(self, request)
    if (
        response.status_code not in _UNFIXED_STATUSES
        or request.method == "HEAD"
        or "location" in response.headers._store  # Django-private
    ):
        _apply_fixes(request, response)
    return response


HANDLER_PATCHES = [
    Patch(BaseHandler, "get_response", _get_response),
    Patch(BaseHandler, "get_response_async", _get_response_async),
]


def patches() -> dict[str, list[Patch]]:
    return dict.fromkeys(FIXES, HANDLER_PATCHES)

"""What the old request handler did to every response: relative Location made absolute.

Old releases rewrote a relative ``Location`` into an absolute URI after the
view and middleware had run, so servers, and tests through the test client,
saw ``http://testserver/next/``.  Wrapping ``BaseHandler.get_response`` (and
its async twin) reaches the WSGI and ASGI handlers and both test clients.  The
host comes from ``request.get_host()``, so ALLOWED_HOSTS still applies: a
request whose host is not allowed keeps its relative Location.

The rewrite runs after Django's handler has turned exceptions into
responses, so it must not raise: a Location it cannot rewrite (a host not
allowed, a URL ``urlsplit()`` refuses such as ``//[``) is sent as the view
gave it, as plain Django sends it.

Old code could also call the handler's helper itself, as
``django.http.fix_location_header()`` (served by name, see ``module_names``).
"""

from __future__ import annotations

import contextlib
import functools
from typing import Any

from django.core.handlers.base import BaseHandler
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from django_http_compat.state import Patch


def make_location_absolute(request: HttpRequest, response: HttpResponseBase) -> None:
    location = response.headers.get("Location")
    # Whatever fails (DisallowedHost, ValueError from urlsplit(), a misconfigured
    # SECURE_PROXY_SSL_HEADER), nothing after this would catch it.
    if location:
        with contextlib.suppress(Exception):
            response["Location"] = request.build_absolute_uri(location)


def fix_location_header(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
    """``django.http.fix_location_header()``: the same rewrite, called by old code itself.

    Called from a view or middleware, a failure is the caller's to see, as it
    was: a host outside ALLOWED_HOSTS raises ``DisallowedHost`` (a 400).
    """
    if response.has_header("Location"):
        response["Location"] = request.build_absolute_uri(response["Location"])
    return response


_modern_get_response = BaseHandler.get_response
_modern_get_response_async = BaseHandler.get_response_async


@functools.wraps(_modern_get_response)
def _get_response(self: BaseHandler, request: HttpRequest) -> Any:
    response = _modern_get_response(self, request)
    if "location" in response.headers._store:  # every response passes here: the rest is rare
        make_location_absolute(request, response)
    return response


@functools.wraps(_modern_get_response_async)
async def _get_response_async(self: BaseHandler, request: HttpRequest) -> Any:
    response = await _modern_get_response_async(self, request)
    if "location" in response.headers._store:
        make_location_absolute(request, response)
    return response


def patches() -> dict[str, list[Patch]]:
    return {
        "response_absolute_location": [
            Patch(BaseHandler, "get_response", _get_response),
            Patch(BaseHandler, "get_response_async", _get_response_async),
        ]
    }

"""Legacy attributes and methods of the request, put onto Django's request classes.

Each entry point warns, then works through modern Django's own parsing
(``request.POST``, ``request.GET``, ``request.body``, ``request.readline``),
so upload limits and decoding rules hold exactly as for modern code.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator
from pprint import pformat
from types import FrameType
from typing import Any

from django.core.handlers.asgi import ASGIRequest
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpRequest
from django.http.request import RawPostDataException
from django.template.base import Variable
from django.utils.encoding import escape_uri_path
from django.utils.functional import cached_property

from django_http_compat.probes import absent_to_probes
from django_http_compat.state import Patch, at_least, before, is_active
from django_http_compat.warnings import warn, warned

from .datastructures import MergeDict
from .request_parsing import StreamReadError


@warned("request_REQUEST", probe="REQUEST")
def _get_REQUEST(self: HttpRequest) -> MergeDict:
    """POST, then GET; built once per request and kept, as old Django did."""
    try:
        merged: MergeDict = self._http_compat_REQUEST  # type: ignore[attr-defined]  # kept on the request
        return merged
    except AttributeError:
        pass
    with absent_to_probes(self, "REQUEST"):  # reading POST may fail: a body too big
        merged = self._http_compat_REQUEST = MergeDict(self.POST, self.GET)  # type: ignore[attr-defined]
    return merged


REQUEST = property(_get_REQUEST, doc="Legacy POST-then-GET lookup; see the request_REQUEST feature.")


@warned("request_raw_post_data", probe="raw_post_data")
def _get_raw_post_data(self: HttpRequest) -> bytes:
    """``request.body``, except once a multipart form has consumed the stream.

    Then Django 1.0-1.2 gave ``''`` and 1.3 raised naming ``raw_post_data``;
    1.4-1.5 (and the shim with no version set) raise as ``body`` does.
    """
    try:
        # Django's own cache of the body, once read: what ``body`` returns
        # then, without a second property call on every read.
        return self._body
    except AttributeError:
        pass
    try:
        return self.body
    except Exception as error:
        with absent_to_probes(self, "raw_post_data"):
            return _after_body_error(error)


def _after_body_error(error: Exception) -> bytes:
    if isinstance(error, RawPostDataException):
        if at_least("1.0") and before("1.3"):
            return b""
        if before("1.4"):
            # 0.96 buffered every upload, but the stream is gone: refuse loudly.
            refusal = StreamReadError if is_active("request_body_exception_class") else RawPostDataException
            raise refusal(
                "You cannot access raw_post_data after reading from request's data stream"
            ) from None
    raise error


raw_post_data = property(_get_raw_post_data, doc="The raw body; see the request_raw_post_data feature.")


# The Django template engine's lookup of ``{{ obj.name }}``, which tries ``obj[name]`` first.
_TEMPLATE_LOOKUP = Variable._resolve_lookup.__code__  # type: ignore[attr-defined]  # Django-private, not in the stubs


def called_by_template_lookup(caller: FrameType) -> bool:
    """Is ``caller`` (the frame that ran ``obj[key]``) the template engine trying ``{{ obj.key }}``?

    Such a lookup is not a use of ``obj[key]`` in code: it is neither counted
    nor warned about, and where the object has an attribute of that name the
    attribute answers, as in plain Django.
    """
    return caller.f_code is _TEMPLATE_LOOKUP


def _getitem(self: HttpRequest, key: str) -> Any:
    """``request[key]`` of Django 0.96: POST, then GET.

    Templates try ``request[name]`` before the attribute, so without care
    ``?get_full_path=...`` would answer for ``{{ request.get_full_path }}``.
    For the template engine, a name the request has as an attribute is not a
    key: the attribute answers, as in plain Django.  Other names still reach
    POST and GET, as in 0.96 templates.  Template lookups are not uses of
    ``request[key]`` in code, so they are neither counted nor warned about.
    """
    if called_by_template_lookup(sys._getframe(1)):
        if hasattr(type(self), key) or key in self.__dict__:
            raise KeyError(key)
    else:
        warn("request_getitem")
    for data in (self.POST, self.GET):
        if key in data:
            return data[key]
    raise KeyError(f"{key} not found in either POST or GET")


@warned("request_getitem")
def _has_key(self: HttpRequest, key: str) -> bool:
    return key in self.GET or key in self.POST


_modern_get_full_path = HttpRequest.get_full_path
#: Django's own code that redirects to the current path: written for the escaped one.
_REDIRECTING_MODULES = ("django.middleware.", "django.contrib.")


@functools.wraps(_modern_get_full_path)
def get_full_path(self: HttpRequest, force_append_slash: bool = False) -> str:
    """The path as requested (not percent-escaped), then the query string as Django gives it.

    ``build_absolute_uri()`` and templates get it too, as in old releases; the
    middleware and contrib apps that send the current path as ``Location``
    get modern Django's answer.
    """
    full_path = _modern_get_full_path(self, force_append_slash)
    if not is_active("request_unescaped_full_path"):
        return full_path
    if sys._getframe(1).f_globals.get("__name__", "").startswith(_REDIRECTING_MODULES):
        return full_path
    return self.path + full_path[len(escape_uri_path(self.path)) :]


@warned("request_get_raw_uri")
def get_raw_uri(self: HttpRequest) -> str:
    """The URI with the Host header as sent, unvalidated."""
    return f"{self.scheme}://{self._get_raw_host()}{self.get_full_path()}"  # type: ignore[attr-defined]  # Django-private, not in the stubs


@warned("request_is_ajax")
def is_ajax(self: HttpRequest) -> bool:
    """True when X-Requested-With is exactly ``XMLHttpRequest``."""
    return self.META.get("HTTP_X_REQUESTED_WITH") == "XMLHttpRequest"


@warned("request_xreadlines")
def xreadlines(self: HttpRequest) -> Iterator[bytes]:
    """A generator over the body's lines, read from the stream one line at a time."""
    return _lines(self)


def _lines(request: HttpRequest) -> Iterator[bytes]:
    while line := request.readline():
        yield line


_MODERN_COOKIES = {cls: cls.__dict__["COOKIES"].func for cls in (WSGIRequest, ASGIRequest)}


def _named_cookies(request_class: type[WSGIRequest] | type[ASGIRequest]) -> cached_property[dict[str, str]]:
    """``request_class.COOKIES`` from Django's own parser, without the cookies that have no name.

    The old parser skipped a chunk without ``=``; modern Django files it under
    ``""``.  Only its result is filtered: the old parser itself allowed
    CVE-2016-7401.
    """
    modern = _MODERN_COOKIES[request_class]

    def COOKIES(self: HttpRequest) -> dict[str, str]:
        cookies: dict[str, str] = modern(self)
        if is_active("request_keyless_cookies"):
            cookies.pop("", None)
        return cookies

    cookies = cached_property(COOKIES)
    cookies.__set_name__(request_class, "COOKIES")
    return cookies


_NAMED_COOKIES = {cls: _named_cookies(cls) for cls in _MODERN_COOKIES}


def _formatted(get_value: Any) -> str:
    # Used while reporting errors, so a part that cannot be read must not raise.
    try:
        return pformat(get_value())
    except Exception:
        return "<could not parse>"


def build_request_repr(
    request: HttpRequest,
    path_override: str | None = None,
    GET_override: Any = None,
    POST_override: Any = None,
    COOKIES_override: Any = None,
    META_override: Any = None,
) -> str:
    """The multi-line dump old error reports showed; any part can be replaced.

    Error reports print the ``repr()`` of every frame's ``request``, so the
    parts not replaced are filtered as modern reports filter them: through
    the request's exception reporter filter (``@sensitive_post_parameters``,
    the session cookie, secret-looking META keys).  The dump then shows
    nothing that the report itself hides.
    """
    from django.views.debug import get_exception_reporter_filter

    reporter_filter = get_exception_reporter_filter(request)

    def part(override: Any, get_value: Any) -> str:
        return _formatted(get_value if override is None else lambda: override)

    lines = [f"<{type(request).__name__}"]
    if at_least("1.4"):
        lines.append(f"path:{request.path if path_override is None else path_override},")
    lines += [
        f"GET:{part(GET_override, lambda: request.GET)},",
        f"POST:{part(POST_override, lambda: reporter_filter.get_post_parameters(request))},",
        f"COOKIES:{part(COOKIES_override, lambda: reporter_filter.get_safe_cookies(request))},",
        f"META:{part(META_override, lambda: reporter_filter.get_safe_request_meta(request))}>",
    ]
    return "\n".join(lines)


@functools.wraps(HttpRequest.__repr__)
def _long_repr(self: HttpRequest) -> str:
    return build_request_repr(self)


def patches() -> dict[str, list[Patch]]:
    # REQUEST lived on the handler's request classes only: a bare
    # HttpRequest() never had it.
    return {
        "request_REQUEST": [Patch(WSGIRequest, "REQUEST", REQUEST), Patch(ASGIRequest, "REQUEST", REQUEST)],
        "request_raw_post_data": [Patch(HttpRequest, "raw_post_data", raw_post_data)],
        "request_getitem": [
            Patch(HttpRequest, "__getitem__", _getitem),
            Patch(HttpRequest, "has_key", _has_key),
            Patch(HttpRequest, "__contains__", _has_key),
        ],
        "request_get_raw_uri": [Patch(HttpRequest, "get_raw_uri", get_raw_uri)],
        "request_long_repr": [Patch(HttpRequest, "__repr__", _long_repr)],
        "request_is_ajax": [Patch(HttpRequest, "is_ajax", is_ajax)],
        "request_xreadlines": [Patch(HttpRequest, "xreadlines", xreadlines)],
        "request_unescaped_full_path": [Patch(HttpRequest, "get_full_path", get_full_path)],
        "request_keyless_cookies": [
            Patch(WSGIRequest, "COOKIES", _NAMED_COOKIES[WSGIRequest]),
            Patch(ASGIRequest, "COOKIES", _NAMED_COOKIES[ASGIRequest]),
        ],
    }

"""Upper-case reason phrases, as old Django releases produced them.

Up to 1.5 the WSGI handler looked the phrase up for the status the response
had when it was served; 1.6 to 1.8 fixed ``reason_phrase`` when the response
was built, so a later ``status_code = 404`` still said ``OK``.  From 1.9 the
phrase is title case and follows ``status_code``, as modern Django does.  An
explicit ``reason=`` or ``reason_phrase = ...`` wins in every era, and still
goes through modern Django's validation.

The phrase was never in the request log: old handlers logged their own
words ("Not Found: /x", "Internal Server Error: /x").  Modern Django builds
that line from ``response.reason_phrase``, so the handlers' ``log_response``
is given the title-case phrase (the status line stays upper case).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from http.client import responses
from typing import Any

import django.core.handlers.base
import django.core.handlers.exception
from django.http.response import HttpResponseBase, HttpResponseRedirectBase

from django_http_compat.conf import Config
from django_http_compat.state import Patch, before, state
from django_http_compat.versions import VERSION_OF, Version

UNKNOWN = "UNKNOWN STATUS CODE"

# The table of Django 1.8 (recorded from 1.8.19).
UPPER_CASE_PHRASES: dict[int, str] = {
    100: "CONTINUE",
    101: "SWITCHING PROTOCOLS",
    102: "PROCESSING",
    200: "OK",
    201: "CREATED",
    202: "ACCEPTED",
    203: "NON-AUTHORITATIVE INFORMATION",
    204: "NO CONTENT",
    205: "RESET CONTENT",
    206: "PARTIAL CONTENT",
    207: "MULTI-STATUS",
    208: "ALREADY REPORTED",
    226: "IM USED",
    300: "MULTIPLE CHOICES",
    301: "MOVED PERMANENTLY",
    302: "FOUND",
    303: "SEE OTHER",
    304: "NOT MODIFIED",
    305: "USE PROXY",
    306: "RESERVED",
    307: "TEMPORARY REDIRECT",
    308: "PERMANENT REDIRECT",
    400: "BAD REQUEST",
    401: "UNAUTHORIZED",
    402: "PAYMENT REQUIRED",
    403: "FORBIDDEN",
    404: "NOT FOUND",
    405: "METHOD NOT ALLOWED",
    406: "NOT ACCEPTABLE",
    407: "PROXY AUTHENTICATION REQUIRED",
    408: "REQUEST TIMEOUT",
    409: "CONFLICT",
    410: "GONE",
    411: "LENGTH REQUIRED",
    412: "PRECONDITION FAILED",
    413: "REQUEST ENTITY TOO LARGE",
    414: "REQUEST-URI TOO LONG",
    415: "UNSUPPORTED MEDIA TYPE",
    416: "REQUESTED RANGE NOT SATISFIABLE",
    417: "EXPECTATION FAILED",
    418: "I'M A TEAPOT",
    422: "UNPROCESSABLE ENTITY",
    423: "LOCKED",
    424: "FAILED DEPENDENCY",
    426: "UPGRADE REQUIRED",
    428: "PRECONDITION REQUIRED",
    429: "TOO MANY REQUESTS",
    431: "REQUEST HEADER FIELDS TOO LARGE",
    500: "INTERNAL SERVER ERROR",
    501: "NOT IMPLEMENTED",
    502: "BAD GATEWAY",
    503: "SERVICE UNAVAILABLE",
    504: "GATEWAY TIMEOUT",
    505: "HTTP VERSION NOT SUPPORTED",
    506: "VARIANT ALSO NEGOTIATES",
    507: "INSUFFICIENT STORAGE",
    508: "LOOP DETECTED",
    510: "NOT EXTENDED",
    511: "NETWORK AUTHENTICATION REQUIRED",
}

# Codes the tables of earlier releases lacked (recorded from 1.1.4 to 1.8.19;
# 308 was already in 1.7.11, a release earlier than the 1.8 release notes suggest).
_ADDED_IN: dict[str, frozenset[int]] = {
    "1.4": frozenset({102, 207, 208, 226, 422, 423, 424, 426, 506, 507, 508, 510}),
    "1.6": frozenset({418, 428, 429, 431, 511}),
    "1.7": frozenset({308}),
}

_modern_reason_phrase = HttpResponseBase.__dict__["reason_phrase"]


@functools.cache
def phrases_for(version: Version | None) -> dict[int, str]:
    """The upper-case phrase table of release ``version`` (the newest table for None)."""
    missing = {
        code
        for release, codes in _ADDED_IN.items()
        if version is not None and version < VERSION_OF[release]
        for code in codes
    }
    return {code: phrase for code, phrase in UPPER_CASE_PHRASES.items() if code not in missing}


@functools.cache
def _served_table(version: Version | None) -> dict[int, str]:
    return dict(phrases_for(version))


def status_code_text() -> dict[int, str]:
    """``django.core.handlers.wsgi.STATUS_CODE_TEXT``: the flagged release's table.

    One dict per release, as the module-level table was; a copy, so changing
    it changes no phrase the shim gives.
    """
    return _served_table(state.config.version)


def reason_phrases_table() -> dict[int, str]:
    """``django.http.response.REASON_PHRASES``, the same table, which 1.6 added."""
    if before("1.6"):
        raise AttributeError("module 'django.http.response' has no attribute 'REASON_PHRASES'")
    return status_code_text()


def __getattr__(name: str) -> dict[int, str]:
    """The tables ``features.py`` serves by these names, worked out for the calling code's flag."""
    if name == "STATUS_CODE_TEXT":
        return status_code_text()
    if name == "REASON_PHRASES":
        return reason_phrases_table()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def legacy_phrase(status_code: int) -> str:
    """The upper-case phrase the flagged release gave ``status_code``."""
    return phrases_for(state.config.version).get(status_code, UNKNOWN)


def phrase_at_construction(config: Config) -> Callable[[HttpResponseBase], None] | None:
    """1.6-1.8 (and no version set): the rule that fixes the phrase when a response is built.

    Called by ``response.py`` once per configuration; the rule it returns runs
    in ``__init__`` of every response.
    """
    if config.before("1.6"):
        return None  # the handler's lookup at serving time: the property below
    table = phrases_for(config.version)

    def fix_phrase(response: HttpResponseBase) -> None:
        # A redirect's own constructor may still change the status
        # (``preserve_request``): its phrase is fixed when that one ends
        # (``fix_redirect_phrase``), else it follows the status.
        if response._reason_phrase is None and not isinstance(response, HttpResponseRedirectBase):  # type: ignore[attr-defined]  # Django-private, not in the stubs
            response._reason_phrase = table.get(response.status_code, UNKNOWN)  # type: ignore[attr-defined]  # Django-private, not in the stubs

    return fix_phrase


def fix_redirect_phrase(response: HttpResponseRedirectBase) -> None:
    """1.6-1.8: fix a redirect's phrase for the status its constructor ended with.

    Called at the end of the patched redirect constructor, in place at these
    flags for ``response_redirect_positional_content``; where that feature is
    turned off the phrase follows the status, as the property gives it.
    """
    config = state.config
    if response._reason_phrase is None and not config.before("1.6"):  # type: ignore[attr-defined]  # Django-private, not in the stubs
        response._reason_phrase = phrases_for(config.version).get(response.status_code, UNKNOWN)  # type: ignore[attr-defined]  # Django-private, not in the stubs


def _get_reason_phrase(self: HttpResponseBase) -> str:
    if self._reason_phrase is not None:  # type: ignore[attr-defined]  # Django-private, not in the stubs
        return self._reason_phrase  # type: ignore[attr-defined,no-any-return]  # Django-private, not in the stubs
    return legacy_phrase(self.status_code)


reason_phrase = property(
    _get_reason_phrase, _modern_reason_phrase.fset, doc="Upper-case phrase of the flagged era."
)


_LEGACY_PHRASES = frozenset(UPPER_CASE_PHRASES.values()) | {UNKNOWN}
_modern_log_response = django.core.handlers.base.log_response  # type: ignore[attr-defined]  # imported from django.utils.log; not re-exported by the stubs


@functools.wraps(_modern_log_response)
def _log_response(message: str, *args: Any, response: Any = None, **kwargs: Any) -> None:
    # The handlers pass ``response.reason_phrase`` as the first argument.
    if args and response is not None and args[0] in _LEGACY_PHRASES and args[0] == response.reason_phrase:
        args = (responses.get(response.status_code, "Unknown Status Code"), *args[1:])
    _modern_log_response(message, *args, response=response, **kwargs)


def patches() -> dict[str, list[Patch]]:
    # The constructor half (phrase_at_construction) is registered by response.py.
    return {
        "response_upper_reason_phrases": [
            Patch(HttpResponseBase, "reason_phrase", reason_phrase),
            Patch(django.core.handlers.base, "log_response", _log_response),
            Patch(django.core.handlers.exception, "log_response", _log_response),
        ]
    }

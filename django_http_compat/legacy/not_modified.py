"""A 304 that holds content, as ``HttpResponseNotModified`` did up to 1.4.

Up to 1.4 the class was an ordinary response with another status: it took
content, and ``.content`` gave it back; only the request handler removed it
before the response went out.  Modern Django refuses the content.

A body on a 304 must never reach a client, and this one might not meet the
old handler's removal: a view under ``override()`` hands its response to a
handler outside it, a swap class needs no handler patch, and a feature set
may turn the removal off.  So the content is held beside the response's
container, for ``.content`` to return where the feature is in force, and the
container stays empty: iterating the response (the WSGI server's read) gives
nothing, and ``.content`` read anywhere else (the ASGI handler's read outside
the feature) is modern Django's empty one.
"""

from __future__ import annotations

from typing import Any

from django.http.response import HttpResponse, HttpResponseNotModified

from django_http_compat.state import Patch

_modern_content = HttpResponseNotModified.__dict__["content"]
#: Where the content given to a 304 is held, outside the container servers read.
HELD = "_not_modified_content"


def _held_or_modern(self: HttpResponseNotModified) -> bytes:
    held = self.__dict__.get(HELD)
    return _modern_content.fget(self) if held is None else held  # type: ignore[no-any-return]  # a property's getter is untyped


def _accept(self: HttpResponseNotModified, value: Any) -> None:
    """Read ``value`` as any response reads its content, then hold it beside an empty container."""
    self.__dict__.pop(HELD, None)
    if not value:
        _modern_content.fset(self, value)
        return
    content = vars(HttpResponse)["content"]  # whatever HttpResponse serves: Django's, or a legacy one
    content.__set__(self, value)
    held = content.__get__(self, type(self))
    self._container = []  # type: ignore[attr-defined]  # Django-private, not in the stubs
    if held:
        self.__dict__[HELD] = held


NOT_MODIFIED_CONTENT = property(_held_or_modern, _accept, doc=_modern_content.__doc__)


def patches() -> dict[str, list[Patch]]:
    return {
        "response_not_modified_content": [Patch(HttpResponseNotModified, "content", NOT_MODIFIED_CONTENT)]
    }

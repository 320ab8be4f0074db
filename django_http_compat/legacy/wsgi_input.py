"""A ``wsgi.input`` that is not a file object, as old releases accepted it.

Django 4.2's ``LimitedStream`` takes the stream's ``read`` and ``readline``
when it is built, so an input without them (an object with ``read()`` only,
or a placeholder for a body nobody reads) fails at ``WSGIRequest(environ)``;
before, each was looked up only when the body or a line was read.  Django's
own ``LimitedStream`` still wraps the input (so a body is never read past
``CONTENT_LENGTH`` and the upload limits hold); it is only handed methods
that look the stream's up when called.
"""

from __future__ import annotations

import functools
from typing import Any

from django.core.handlers.wsgi import LimitedStream

from django_http_compat.state import Patch, is_active
from django_http_compat.warnings import warn

_original_init = LimitedStream.__init__


class _LookedUpWhenCalled:
    """The stream, with ``read`` and ``readline`` looked up on it at each call (AttributeError there)."""

    __slots__ = ("_stream",)

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def read(self, *args: Any) -> Any:
        return self._stream.read(*args)

    def readline(self, *args: Any) -> Any:
        return self._stream.readline(*args)


@functools.wraps(_original_init)
def _init(self: LimitedStream, stream: Any, limit: int) -> None:
    if not (hasattr(stream, "read") and hasattr(stream, "readline")) and is_active(
        "request_wsgi_input_read_only"
    ):
        warn("request_wsgi_input_read_only", _caller_depth=3)
        lazy: Any = _LookedUpWhenCalled(stream)
        stream = lazy
    _original_init(self, stream, limit)


def patches() -> dict[str, list[Patch]]:
    return {"request_wsgi_input_read_only": [Patch(LimitedStream, "__init__", _init)]}

"""A ``wsgi.input`` with ``read()`` and nothing else, as old releases accepted it.

Django 4.2's ``LimitedStream`` takes the stream's ``readline`` when it is
built, so an input without one fails at ``WSGIRequest(environ)``; before, it
was looked up only if something read a line.  Django's own ``LimitedStream``
still wraps the input (so a body is never read past ``CONTENT_LENGTH`` and the
upload limits hold); it is only handed a ``readline`` that is looked up when called.
"""

from __future__ import annotations

import functools
from typing import Any

from django.core.handlers.wsgi import LimitedStream

from django_http_compat.state import Patch, is_active
from django_http_compat.warnings import warn

_original_init = LimitedStream.__init__


class _LazyReadline:
    """The stream's ``read``, and a ``readline`` looked up on the stream at each call."""

    __slots__ = ("_stream", "read")

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        self.read = stream.read

    def readline(self, *args: Any) -> Any:
        return self._stream.readline(*args)  # AttributeError here, where old releases raised it


@functools.wraps(_original_init)
def _init(self: LimitedStream, stream: Any, limit: int) -> None:
    if not hasattr(stream, "readline") and is_active("request_wsgi_input_read_only"):
        warn("request_wsgi_input_read_only", _caller_depth=3)
        lazy: Any = _LazyReadline(stream)
        stream = lazy
    _original_init(self, stream, limit)


def patches() -> dict[str, list[Patch]]:
    return {"request_wsgi_input_read_only": [Patch(LimitedStream, "__init__", _init)]}

"""Response content as old releases held it: lazy iterators, and ``str(response)``.

An iterator handed to an old ``HttpResponse`` was not read when the response
was built.  The server iterated it, so it streamed, unless code read
``.content`` (or called ``write()``/``tell()``) first; from 1.5 that read kept
the result.  The shim keeps every era lazy in that 1.5 way: before 1.5 a second
read of ``.content`` returned ``''``, and since modern middleware reads
``.content`` (``CommonMiddleware`` sets Content-Length from it), reproducing
that would serve empty bodies.  What 1.4 and earlier did refuse, ``write()``
and ``tell()`` on a response built from an iterable, they still refuse.

Modern code meets these responses too: the cache middleware pickles them, the
ASGI handler sends them from its event loop, and a response built inside
``override()`` may be read after it ends.  ``PendingContent`` keeps each of
those as correct as plain Django, which reads an iterator at once.

From 1.7 to 1.9 content was read at once, but an iterable that can be closed
(a file, a generator) was closed by ``response.close()``, when the server was
done, rather than as soon as it was read; code that cleans up in ``close()``
relied on the response still holding it open until then.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from typing import Any

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIHandler
from django.core.handlers.exception import response_for_exception
from django.http import HttpRequest
from django.http.response import HttpResponse, HttpResponseBase, StreamingHttpResponse

from django_http_compat.state import Patch, before, is_active, state
from django_http_compat.warnings import warn

_modern_content = HttpResponse.__dict__["content"]
_modern_get_content = _modern_content.fget
_modern_set_content = _modern_content.fset
_modern_write = HttpResponse.write
_modern_tell = HttpResponse.tell


class PendingContent:
    """An iterator given as content and not yet read.

    Where the feature is in force, iterating it streams it, once, as the
    server did in old releases.  Anywhere else (after ``override()`` has
    ended, after ``uninstall()``) Django's own ``content``, iteration and
    ``write()`` reach it unpatched, and it reads itself into the response
    first, as modern Django reads an iterator, so they see the same bytes.
    """

    def __init__(self, response: HttpResponse, iterator: Iterator[Any]) -> None:
        self._response = response
        self._iterator = iterator
        self._close: Callable[[], Any] | None = getattr(iterator, "close", None)
        self._settled: list[bytes] | None = None

    def __iter__(self) -> Iterator[bytes]:
        if self._settled is None and state.installed and is_active("response_iterator_content"):
            return (self._response.make_bytes(chunk) for chunk in self._iterator)
        return iter(self.settle())

    def append(self, chunk: bytes) -> None:
        """Django's ``write()`` appends to the container: the content read so far comes first."""
        self.settle().append(chunk)

    def __reduce__(self) -> tuple[type[list[bytes]], tuple[list[bytes]]]:
        """Pickling (the cache middleware) reads the content and stores a plain list."""
        return list, (self.settle(),)

    def settle(self) -> list[bytes]:
        """Read the rest of the iterator into the response, as the first ``.content`` did from 1.5.

        The iterator is then closed, as modern Django closes an iterator it has
        read, and its closer leaves the response, which pickles without it.
        """
        if self._settled is None:
            content = b"".join(self._response.make_bytes(chunk) for chunk in self._iterator)
            self._settled = [content]
            self.discard()
        self._response._container = self._settled  # type: ignore[attr-defined]  # Django-private, not in the stubs
        return self._settled

    def discard(self) -> None:
        """Close the iterator and take its closer off the response (the content is read or replaced)."""
        if self._close is not None:
            closers = self._response._resource_closers  # type: ignore[attr-defined]  # Django-private, not in the stubs
            if self._close in closers:
                closers.remove(self._close)
            with contextlib.suppress(Exception):  # as Django's close() and content setter do
                self._close()
            self._close = None


def _is_iterable_content(value: Any) -> bool:
    return hasattr(value, "__iter__") and not isinstance(value, (bytes, memoryview, str))


def _get_content(self: HttpResponse) -> bytes:
    if type(self._container) is PendingContent:  # type: ignore[attr-defined]  # Django-private, not in the stubs
        self._container.settle()  # type: ignore[attr-defined]  # Django-private, not in the stubs
    return _modern_get_content(self)  # type: ignore[no-any-return]  # a property's getter is untyped


class DeferredClose:
    """The ``close`` of content already read, for ``response.close()`` to call.

    A pickled response (the cache middleware's) must not close the original's
    iterable, and a generator cannot be pickled: a copy gets nothing to close.
    """

    __slots__ = ("close",)

    def __init__(self, close: Callable[[], Any]) -> None:
        self.close = close

    def __call__(self) -> None:
        self.close()

    def __reduce__(self) -> tuple[Callable[[], None], tuple[()]]:
        return _nothing_to_close, ()


def _nothing_to_close() -> None:
    """What a pickled copy of a response closes for the iterable the original read."""


def _read_now(response: HttpResponse, value: Any) -> None:
    """Modern Django's content setter; from 1.7 to 1.9 the close waits for ``response.close()``."""
    close = getattr(value, "close", None)
    if close is None or not is_active("response_deferred_close"):
        _modern_set_content(response, value)
        return
    _modern_set_content(response, (chunk for chunk in value))  # Django closes this generator, not ``value``
    response._resource_closers.append(DeferredClose(close))  # type: ignore[attr-defined]  # Django-private, not in the stubs


def _set_content(self: HttpResponse, value: Any) -> None:
    if self.__dict__.pop("_legacy_iterable_content", None):  # replacing an iterable: maybe pending
        _discard(self)
    if type(value) is bytes or type(value) is str:  # what nearly every response holds
        _modern_set_content(self, value)
        return
    if not _is_iterable_content(value):
        _modern_set_content(self, value)
        return
    if not is_active("response_iterator_content"):
        _read_now(self, value)
        return
    self.__dict__["_legacy_iterable_content"] = True
    if iter(value) is not value:  # lists and the like: nothing to defer
        _read_now(self, value)
        return
    warn("response_iterator_content")
    self._container = PendingContent(self, value)  # type: ignore[attr-defined]  # Django-private, not in the stubs
    if hasattr(value, "close"):
        self._resource_closers.append(value.close)  # type: ignore[attr-defined]  # Django-private, not in the stubs
    # Pickle saves attributes in order; with the closers after the content, it
    # reaches PendingContent first, whose reduction unregisters the iterator's
    # closer before the closers are saved.
    self._resource_closers = self.__dict__.pop("_resource_closers")  # type: ignore[attr-defined]  # Django-private, not in the stubs
    self.__dict__.pop("text", None)


def _discard(response: HttpResponse) -> None:
    container = response.__dict__.get("_container")
    if type(container) is PendingContent:
        container.discard()


def _refuse_before_1_5(response: HttpResponse, what: str) -> None:
    if before("1.5") and response.__dict__.get("_legacy_iterable_content"):
        raise Exception(f"This {type(response)} instance {what}")


@functools.wraps(_modern_write)
def _write(self: HttpResponse, content: Any) -> None:
    _refuse_before_1_5(self, "is not writable")
    _modern_write(self, content)


@functools.wraps(_modern_tell)
def _tell(self: HttpResponse) -> int:
    _refuse_before_1_5(self, "cannot tell its position")
    return _modern_tell(self)


@functools.wraps(ASGIHandler.get_response_async)
async def _get_response_async(self: ASGIHandler, request: HttpRequest) -> HttpResponseBase:
    """Under ASGI, read pending content in the request's sync thread before the handler sends.

    The handler reads ``.content`` on its event loop after sending the status
    line, where a generator's ORM queries raise ``SynchronousOnlyOperation``
    (cutting the body short, logged nowhere) and a blocking generator stalls
    every connection.  Read where Django runs sync views, an error is handled
    as one raised by the outermost middleware: logged, and answered by
    ``handler500``.
    """
    response = await super(ASGIHandler, self).get_response_async(request)
    pending = getattr(response, "_container", None)
    if type(pending) is PendingContent:
        try:
            await sync_to_async(pending.settle, thread_sensitive=True)()
        except Exception as exc:
            failed = response
            response = await sync_to_async(response_for_exception, thread_sensitive=False)(request, exc)
            response._resource_closers.extend(failed._resource_closers)  # type: ignore[attr-defined]  # Django-private; the request's, the iterator's
    return response


@functools.wraps(HttpResponse.__str__)
def _str(self: HttpResponse) -> str:
    """The HTTP message, as Python 2's ``str(response)`` gave it."""
    warn("response_str_message")
    ending = "\n" if before("1.5") else "\r\n"
    head = self.serialize_headers().decode("latin-1").replace("\r\n", ending)
    return head + ending + ending + self.content.decode(self.charset or "utf-8", "replace")


@functools.wraps(StreamingHttpResponse.__str__)
def _streaming_str(self: StreamingHttpResponse) -> str:
    """The header lines alone, as Python 2's ``str()`` of a streaming response gave them (the body is not read)."""
    warn("response_str_message")
    return self.serialize_headers().decode("latin-1")


class CompatibleStreamingHttpResponse(StreamingHttpResponse):
    """A streaming response that middleware unaware of streaming could still read (1.5-1.6).

    Reading ``content`` consumes the stream and keeps what it read as the only
    chunk, so the response still sends it; assigning ``content`` replaces the stream.
    """

    @property  # type: ignore[override]
    def content(self) -> bytes:
        warn("http_CompatibleStreamingHttpResponse")
        content = b"".join(self)
        self.streaming_content = [content]
        return content

    @content.setter
    def content(self, value: Any) -> None:
        warn("http_CompatibleStreamingHttpResponse")
        self.streaming_content = [value]


CONTENT = Patch(HttpResponse, "content", property(_get_content, _set_content))


def patches() -> dict[str, list[Patch]]:
    return {
        "response_deferred_close": [CONTENT],
        "response_iterator_content": [
            CONTENT,
            Patch(HttpResponse, "write", _write),
            Patch(HttpResponse, "tell", _tell),
            Patch(ASGIHandler, "get_response_async", _get_response_async),
        ],
        "response_str_message": [
            Patch(HttpResponse, "__str__", _str),
            Patch(StreamingHttpResponse, "__str__", _streaming_str),
        ],
    }

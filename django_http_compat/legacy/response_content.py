"""Response content as old releases held it: kept iterables, the response as its own iterator, ``str(response)``.

Up to 1.6 an iterable given to ``HttpResponse`` was not joined when the
response was built: it was the response's container.  An iterator (a
generator, a file) streamed to the server unless code read ``.content`` (or
called ``write()``/``tell()``) first; from 1.5 that read kept the result.  The
shim keeps every era's iterator in that 1.5 way: before 1.5 a second read of
``.content`` returned ``''``, and since modern middleware reads ``.content``
(``CommonMiddleware`` sets Content-Length from it), reproducing that would
serve empty bodies.  Any other iterable (a list, a tuple, a queryset) is kept
too: each pass over the response is a pass over it, one chunk per item, and
``.content`` joins it, on every read up to 1.4 and once from 1.5, when the
joined content replaces it.  What 1.4 and earlier refused, ``write()`` and
``tell()`` on a response built from an iterable, they still refuse.  Either
kind is closed by ``response.close()``, when the server is done.

Up to 1.6 the response was also its own iterator: ``iter(response)`` returned
it, each ``iter()`` starting a pass over the content up to 1.4 and only the
first from 1.5, and Python 2's ``next()`` gave the next chunk.  From 1.7 to
1.11 ``next`` was still there, six's Python 2 spelling of a ``__next__`` the
responses no longer had, so calling it raised ``AttributeError``.

Modern code meets these responses too: the cache middleware pickles them, the
ASGI handler sends them from its event loop, and a response built inside
``override()`` may be read after it ends.  ``KeptContent`` keeps each of
those as correct as plain Django, which joins an iterable at once.

From 1.7 to 1.9 content was read at once, but an iterable that can be closed
(a file, a generator) was closed by ``response.close()``, when the server was
done, rather than as soon as it was read; code that cleans up in ``close()``
relied on the response still holding it open until then.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
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
_modern_iter = HttpResponse.__iter__


class KeptContent:
    """An iterable given as content, held as the response's container where ``feature`` is in force.

    ``feature`` is ``response_iterator_content`` for an iterator (read once)
    and ``response_iterable_container`` for any other iterable (read on each
    pass).  Where the feature is in force, a pass over the container is a pass
    over the iterable, each chunk encoded.  Anywhere else (after
    ``override()`` has ended, after ``uninstall()``) Django's own ``content``,
    iteration and ``write()`` reach it unpatched, and it reads itself into the
    response first, as modern Django reads an iterable, so they see the same
    bytes.
    """

    def __init__(self, response: HttpResponse, iterable: Iterable[Any], feature: str) -> None:
        self._response = response
        self._iterable = iterable
        self._feature = feature
        self._settled: list[bytes] | None = None

    @property
    def is_iterator(self) -> bool:
        return self._feature == "response_iterator_content"

    def in_force(self) -> bool:
        """Is the iterable still held, and its feature in force for the calling code?"""
        return self._settled is None and state.installed and is_active(self._feature)

    def __iter__(self) -> Iterator[bytes]:
        return self.chunks() if self.in_force() else iter(self.settle())

    def chunks(self) -> Iterator[bytes]:
        """A pass over the iterable (what is left of it, for an iterator), each chunk encoded."""
        return (self._response.make_bytes(chunk) for chunk in self._iterable)

    def append(self, chunk: bytes) -> None:
        """Django's ``write()`` appends to the container: the content read so far comes first."""
        self.settle().append(chunk)

    def __reduce__(self) -> tuple[type[list[bytes]], tuple[list[bytes]]]:
        """Pickling (the cache middleware) stores the content as a plain list of encoded chunks.

        An iterator is read into the response first (it cannot be read twice);
        another iterable is passed over without being replaced, as old releases
        pickled it untouched.
        """
        if self._settled is None and not self.is_iterator:
            return list, (list(self.chunks()),)
        return list, (self.settle(),)

    def settle(self) -> list[bytes]:
        """Read the rest of the iterable into the response, as the first ``.content`` did from 1.5.

        Before 1.5 an iterator's chunks stay one chunk each.  The iterable
        stays open: ``response.close()`` closes it, as these releases did.
        """
        if self._settled is None:
            chunks = list(self.chunks())
            self._settled = chunks if before("1.5") else [b"".join(chunks)]
        self._response._container = self._settled  # type: ignore[attr-defined]  # Django-private, not in the stubs
        return self._settled


def _is_iterable_content(value: Any) -> bool:
    return hasattr(value, "__iter__") and not isinstance(value, (bytes, memoryview, str))


def _get_content(self: HttpResponse) -> bytes:
    container = self._container  # type: ignore[attr-defined]  # Django-private, not in the stubs
    if type(container) is KeptContent:
        if not container.is_iterator and before("1.5") and container.in_force():
            return b"".join(container.chunks())  # up to 1.4 the iterable stays the container
        container.settle()
    return _modern_get_content(self)  # type: ignore[no-any-return]  # a property's getter is untyped


class DeferredClose:
    """The ``close`` of content kept or read, for ``response.close()`` to call.

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
    """What a pickled copy of a response closes for the iterable the original held."""


def _read_now(response: HttpResponse, value: Any) -> None:
    """Modern Django's content setter; from 1.7 to 1.9 the close waits for ``response.close()``."""
    close = getattr(value, "close", None)
    if close is None or not is_active("response_deferred_close"):
        _modern_set_content(response, value)
        return
    _modern_set_content(response, (chunk for chunk in value))  # Django closes this generator, not ``value``
    response._resource_closers.append(DeferredClose(close))  # type: ignore[attr-defined]  # Django-private, not in the stubs


def _set_content(self: HttpResponse, value: Any) -> None:
    self.__dict__.pop("_legacy_iterable_content", None)
    if type(value) is bytes or type(value) is str:  # what nearly every response holds
        _modern_set_content(self, value)
        return
    if not _is_iterable_content(value):
        _modern_set_content(self, value)
        return
    if is_active("response_iterator_content"):
        self.__dict__["_legacy_iterable_content"] = True  # write() and tell() refuse it before 1.5
    is_iterator = hasattr(type(value), "__next__")  # iter(value) would start a pass over a list
    feature = "response_iterator_content" if is_iterator else "response_iterable_container"
    if not is_active(feature):
        _read_now(self, value)
        return
    if is_iterator:
        warn(feature)
    self._container = KeptContent(self, value, feature)  # type: ignore[attr-defined]  # Django-private, not in the stubs
    if hasattr(value, "close"):
        self._resource_closers.append(DeferredClose(value.close))  # type: ignore[attr-defined]  # Django-private, not in the stubs
    self.__dict__.pop("text", None)


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
    """Under ASGI, read kept content in the request's sync thread before the handler sends.

    The handler reads ``.content`` on its event loop after sending the status
    line, where a generator's (or a queryset's) ORM queries raise
    ``SynchronousOnlyOperation`` (cutting the body short, logged nowhere) and
    a blocking generator stalls every connection.  Read where Django runs sync
    views, an error is handled as one raised by the outermost middleware:
    logged, and answered by ``handler500``.
    """
    response = await super(ASGIHandler, self).get_response_async(request)
    kept = getattr(response, "_container", None)
    if type(kept) is KeptContent:
        try:
            await sync_to_async(kept.settle, thread_sensitive=True)()
        except Exception as exc:
            failed = response
            response = await sync_to_async(response_for_exception, thread_sensitive=False)(request, exc)
            response._resource_closers.extend(failed._resource_closers)  # type: ignore[attr-defined]  # Django-private; the request's, the iterable's
    return response


# --- the response as its own iterator ---------------------------------------------------


class OwnPass:
    """``response._iterator``: the pass over the content that ``iter(response)`` started.

    A pickled copy (the cache middleware's) is a response nobody has
    iterated: its pass is ``None``, and its first ``iter()`` starts one.
    ``iter()`` sets ``chunks`` itself: a Python ``__init__`` would be a call
    more for every response served.
    """

    __slots__ = ("chunks",)
    chunks: Iterator[bytes]

    def __next__(self) -> bytes:
        return next(self.chunks)

    def __reduce__(self) -> tuple[Callable[[], None], tuple[()]]:
        return _not_started, ()


def _not_started() -> None:
    """What a pickled copy of a response holds for the pass the original had started."""


@functools.wraps(_modern_iter)
def _own_iter(self: HttpResponse) -> HttpResponse:
    """The response itself: a new pass over the content on each call up to 1.4, on the first from 1.5.

    The first call always starts one, without asking the era (``b"".join()``
    calls ``iter()`` twice).
    """
    if type(self.__dict__.get("_iterator")) is not OwnPass or state.config.before("1.5"):
        own_pass = OwnPass()
        own_pass.chunks = _modern_iter(self)
        self._iterator = own_pass  # type: ignore[attr-defined]  # the name old releases used
    return self


_modern_make_bytes = HttpResponseBase.make_bytes


def _next_chunk(self: HttpResponseBase) -> bytes:
    """The next encoded chunk of the pass ``iter(response)`` started (``AttributeError`` before one).

    Every chunk of a response's own pass is bytes already (the content is
    encoded when set), which Django's ``make_bytes`` returns as they are: that
    call is left out, and so is the pass's own ``__next__``.
    """
    iterator = self._iterator  # type: ignore[attr-defined]  # set by iter(), or Django's own (streaming)
    chunk = next(iterator.chunks if type(iterator) is OwnPass else iterator)
    if type(chunk) is bytes and getattr(self.make_bytes, "__func__", None) is _modern_make_bytes:
        return chunk  # Django's own make_bytes, of the class and not replaced on the instance
    return self.make_bytes(chunk)


def _next(self: HttpResponseBase) -> bytes:
    """Python 2's name of ``__next__``, spelled as six spelled it: it fails where there is no ``__next__``."""
    warn("response_next_method")
    return type(self).__next__(self)  # type: ignore[attr-defined, no-any-return]  # from response_own_iterator, if at all


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
ASGI_READS_KEPT_CONTENT = Patch(ASGIHandler, "get_response_async", _get_response_async)


def patches() -> dict[str, list[Patch]]:
    return {
        "response_deferred_close": [CONTENT],
        "response_iterator_content": [
            CONTENT,
            Patch(HttpResponse, "write", _write),
            Patch(HttpResponse, "tell", _tell),
            ASGI_READS_KEPT_CONTENT,
        ],
        "response_iterable_container": [CONTENT, ASGI_READS_KEPT_CONTENT],
        "response_own_iterator": [
            Patch(HttpResponse, "__iter__", _own_iter),
            Patch(HttpResponseBase, "__next__", _next_chunk),
        ],
        "response_next_method": [Patch(HttpResponseBase, "next", _next)],
        "response_str_message": [
            Patch(HttpResponse, "__str__", _str),
            Patch(StreamingHttpResponse, "__str__", _streaming_str),
        ],
    }

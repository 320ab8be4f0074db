"""Response content as old releases held it: lazy iterators, and ``str(response)``.

An iterator handed to an old ``HttpResponse`` was not read when the response
was built.  The server iterated it, so it streamed, unless code read
``.content`` (or called ``write()``/``tell()``) first; from 1.5 that read kept
the result.  The shim keeps every era lazy in that 1.5 way: before 1.5 a second
read of ``.content`` returned ``''``, and since modern middleware reads
``.content`` (``CommonMiddleware`` sets Content-Length from it), reproducing
that would serve empty bodies.  What 1.4 and earlier did refuse, ``write()``
and ``tell()`` on a response built from an iterable, they still refuse.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.http.response import HttpResponse

from .patching import Patch, flagged_before
from .warnings import warn

_modern_content = HttpResponse.__dict__["content"]
_modern_get_content = _modern_content.fget
_modern_set_content = _modern_content.fset
_modern_write = HttpResponse.write
_modern_tell = HttpResponse.tell


class PendingContent:
    """An iterator given as content and not yet read; iterating it streams it, once."""

    def __init__(self, response: HttpResponse, iterator: Iterator[Any]) -> None:
        self._make_bytes = response.make_bytes
        self._iterator = iterator

    def __iter__(self) -> Iterator[bytes]:
        return (self._make_bytes(chunk) for chunk in self._iterator)


def _is_iterable_content(value: Any) -> bool:
    return hasattr(value, "__iter__") and not isinstance(value, (bytes, memoryview, str))


def _settle(response: HttpResponse) -> None:
    """Read a pending iterator into the response, as the first ``.content`` did from 1.5."""
    if type(response._container) is PendingContent:
        response._container = [b"".join(response._container)]


def _get_content(self: HttpResponse) -> bytes:
    if type(self._container) is PendingContent:
        _settle(self)
    return _modern_get_content(self)


def _set_content(self: HttpResponse, value: Any) -> None:
    if type(value) is bytes or type(value) is str:  # what nearly every response holds
        self.__dict__.pop("_legacy_iterable_content", None)
        _modern_set_content(self, value)
        return
    iterable = _is_iterable_content(value)
    self.__dict__["_legacy_iterable_content"] = iterable
    if not iterable or iter(value) is not value:  # lists and the like: nothing to defer
        _modern_set_content(self, value)
        return
    warn("response_iterator_content")
    self._container = PendingContent(self, value)
    if hasattr(value, "close"):
        self._resource_closers.append(value.close)
    self.__dict__.pop("text", None)


def _refuse_before_1_5(response: HttpResponse, what: str) -> None:
    if flagged_before((1, 5)) and response.__dict__.get("_legacy_iterable_content"):
        raise Exception(f"This {type(response)} instance {what}")


def _write(self: HttpResponse, content: Any) -> None:
    _refuse_before_1_5(self, "is not writable")
    _settle(self)
    _modern_write(self, content)


def _tell(self: HttpResponse) -> int:
    _refuse_before_1_5(self, "cannot tell its position")
    return _modern_tell(self)


def _getstate(self: HttpResponse) -> dict[str, Any]:
    """The cache middleware pickles responses; a pending iterator is read first."""
    _settle(self)
    return self.__dict__.copy()


def _str(self: HttpResponse) -> str:
    """The HTTP message, as Python 2's ``str(response)`` gave it."""
    warn("response_str_message")
    ending = "\n" if flagged_before((1, 5)) else "\r\n"
    head = self.serialize_headers().decode("latin-1").replace("\r\n", ending)
    return head + ending + ending + self.content.decode(self.charset or "utf-8", "replace")


def patches() -> dict[str, list[Patch]]:
    return {
        "response_iterator_content": [
            Patch(HttpResponse, "content", property(_get_content, _set_content)),
            Patch(HttpResponse, "write", _write),
            Patch(HttpResponse, "tell", _tell),
            Patch(HttpResponse, "__getstate__", _getstate),
        ],
        "response_str_message": [Patch(HttpResponse, "__str__", _str)],
    }

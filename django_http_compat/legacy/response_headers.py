"""Header access of old eras: ``response._headers`` (1.0 to 3.1) and 0.96's case-sensitive lookup.

Its shape was ``{lower-case name: (Name, value)}``.  Modern responses keep
exactly that shape privately, in ``response.headers``; ``_headers`` is a live
view of it whose writes go through ``response.headers[...] = ...``, so a
newline in a name or value is refused with ``BadHeaderError`` just as for
modern code, and whatever is written is what the server sends.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any

from django.http.response import HttpResponseBase, ResponseHeaders

from django_http_compat.state import Patch
from django_http_compat.warnings import warned


class HeaderStore(MutableMapping[str, tuple[str, str]]):
    """``{lower-case name: (Name, value)}``, read from and written to ``response.headers``."""

    __slots__ = ("_live",)

    def __init__(self, headers: ResponseHeaders) -> None:
        self._live = headers

    def __getitem__(self, key: str) -> tuple[str, str]:
        return self._live._store[key]

    def __setitem__(self, key: str, item: tuple[str, str]) -> None:
        name, value = item
        if key != name.lower():
            raise KeyError(f"_headers[{key!r}] must hold the header {key!r}, not {name!r}")
        self._live[name] = value

    def __delitem__(self, key: str) -> None:
        if key not in self._live._store:
            raise KeyError(key)
        del self._live[key]

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._live._store))

    def __len__(self) -> int:
        return len(self._live._store)

    def copy(self) -> dict[str, tuple[str, str]]:
        return dict(self._live._store)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self.items()) == dict(other.items())

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(self._live._store)


_new_store = HeaderStore.__new__


# The probe: hasattr(response, "_headers") in "error" mode.
@warned("response_private_headers", probe="_headers")
def _get_headers(self: HttpResponseBase) -> HeaderStore:
    store = _new_store(HeaderStore)  # HeaderStore(self.headers), without a call to __init__ on every read
    store._live = self.headers
    return store


@warned("response_private_headers")
def _set_headers(self: HttpResponseBase, value: Mapping[str, tuple[str, str]]) -> None:
    """``response._headers = {...}`` replaces every header, each one validated."""
    replacement = HeaderStore(ResponseHeaders({}))
    for key, item in value.items():
        replacement[key] = item  # validated here, before anything changes
    self.headers._store.clear()
    self.headers._store.update(replacement.copy())


_headers = property(_get_headers, _set_headers, doc="Legacy {lower: (Name, value)} header dict.")


def _stored_name(response: HttpResponseBase, header: str) -> str | None:
    entry = response.headers._store.get(header.lower())
    return None if entry is None else entry[0]


@functools.wraps(HttpResponseBase.__getitem__)
def _getitem_exact_case(self: HttpResponseBase, header: str) -> str:
    """0.96: ``response["content-type"]`` missed a header set as ``Content-Type``."""
    if _stored_name(self, header) != header:
        raise KeyError(header)
    return self.headers[header]


@functools.wraps(HttpResponseBase.__delitem__)
def _delitem_exact_case(self: HttpResponseBase, header: str) -> None:
    """0.96: deleting under another case left the header in place, silently."""
    if _stored_name(self, header) == header:
        del self.headers[header]


def patches() -> dict[str, Any]:
    return {
        "response_private_headers": [Patch(HttpResponseBase, "_headers", _headers)],
        "response_case_sensitive_headers": [
            Patch(HttpResponseBase, "__getitem__", _getitem_exact_case),
            Patch(HttpResponseBase, "__delitem__", _delitem_exact_case),
        ],
    }

"""The Python 2 era ``QueryDict``/``MultiValueDict`` contract.

Code written for Django 1.11 and earlier ran on Python 2, where these
classes had ``has_key()`` and the ``iter*`` methods, ``items()`` and friends
returned lists, and a missing key's error carried a different text.  The
patches go on ``MultiValueDict``, so ``QueryDict`` (``GET``, ``POST``) and
``request.FILES`` get them alike.

Python 2's ``QueryDict`` also decoded a query string of bytes its own way:
each key and value was percent-decoded to bytes first, then decoded with the
``QueryDict``'s encoding.  Modern Django's own parser still does the parsing
here, so ``DATA_UPLOAD_MAX_NUMBER_FIELDS`` holds; only the decoding differs.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from django.conf import settings
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict, MultiValueDictKeyError

from django_http_compat.state import Patch, before, state
from django_http_compat.warnings import warned

_items = MultiValueDict.items
_values = MultiValueDict.values
_lists = MultiValueDict.lists
_getitem = MultiValueDict.__getitem__


# Each is the C or Django function that does the work, wrapped with its warning
# (warned()): has_key is dict's own membership test, as Python 2's dict.has_key
# was, and each iter* method what Django's own method returns, an iterator.
_PY2 = "querydict_py2_methods"
has_key = warned(_PY2, name="has_key")(dict.__contains__)
iteritems = warned(_PY2, name="iteritems")(_items)
iterkeys = warned(_PY2, name="iterkeys")(dict.__iter__)
itervalues = warned(_PY2, name="itervalues")(_values)
iterlists = warned(_PY2, name="iterlists")(_lists)


@functools.wraps(MultiValueDict.items)
def items(self: MultiValueDict[Any, Any]) -> list[tuple[Any, Any]]:
    """(key, last value) pairs, as a list."""
    return list(_items(self))


@functools.wraps(MultiValueDict.keys)
def keys(self: MultiValueDict[Any, Any]) -> list[Any]:
    return list(dict.keys(self))


@functools.wraps(MultiValueDict.values)
def values(self: MultiValueDict[Any, Any]) -> list[Any]:
    """The last value of each key, as a list."""
    return list(_values(self))


@functools.wraps(MultiValueDict.lists)
def lists(self: MultiValueDict[Any, Any]) -> list[tuple[Any, list[Any]]]:
    """(key, list of values) pairs, as a list: what the dict itself holds."""
    return list(dict.items(self))


@functools.wraps(MultiValueDict.__getitem__)
def __getitem__(self: MultiValueDict[Any, Any], key: Any) -> Any:
    try:
        return _getitem(self, key)
    except MultiValueDictKeyError:
        text = f"Key {key!r} not found in {_keys_only(self)}" if before("1.6") else repr(key)
        raise MultiValueDictKeyError(text) from None


def _keys_only(data: MultiValueDict[Any, Any]) -> str:
    """The repr of the dict as Django 1.5 put it in the message, with every value left out.

    The message ends up in logs and error reports, where the submitted
    values (a password next to the missing key) have no place.
    """
    keys = ", ".join(f"{key!r}: [...]" for key in dict.keys(data))
    return f"<{type(data).__name__}: {{{keys}}}>"


_modern_init = QueryDict.__init__
_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _escaped(query_string: bytes) -> str:
    """The query string with every non-ASCII byte percent-escaped: the same query, as ASCII text."""
    return _NON_ASCII.sub(lambda byte: b"%%%02X" % byte[0][0], query_string).decode("ascii")


def _strict_or_latin1(value: bytes, encoding: str) -> str:
    try:
        return value.decode(encoding)
    except UnicodeDecodeError:
        return value.decode("iso-8859-1")


@functools.wraps(_modern_init)
def __init__(
    self: QueryDict, query_string: Any = None, mutable: bool = False, encoding: str | None = None
) -> None:
    """Up to 1.6 invalid bytes become U+FFFD, raw or escaped; from 1.7 a value falls back to ISO-8859-1.

    Bytes that are plain ASCII without escapes decode the same in every era.
    """
    config = state.config  # every request builds two: read once, not through is_active() and before()
    if (
        not isinstance(query_string, bytes)
        or "querydict_bytes_decoding" not in config.features
        or (query_string.isascii() and b"%" not in query_string)  # the same in every era, asked first
    ):
        _modern_init(self, query_string, mutable, encoding)
    elif config.before("1.7"):
        # Escaped, every byte reaches the parser's decoding, which replaces invalid ones.
        _modern_init(
            self, query_string if query_string.isascii() else _escaped(query_string), mutable, encoding
        )
    else:
        _decode_values_on_their_own(self, query_string, mutable, encoding)


def _decode_values_on_their_own(
    query: QueryDict, query_string: bytes, mutable: bool, encoding: str | None
) -> None:
    # Parsed as ISO-8859-1, each character is one byte of the percent-decoded key or value.
    _modern_init(query, _escaped(query_string), True, "iso-8859-1")
    raw = list(dict.items(query))
    dict.clear(query)
    query.encoding = encoding = encoding or settings.DEFAULT_CHARSET
    for key, values in raw:
        text_key = key.encode("iso-8859-1").decode(encoding, "replace")
        for value in values:
            query.appendlist(text_key, _strict_or_latin1(value.encode("iso-8859-1"), encoding))
    query._mutable = mutable


def patches() -> dict[str, list[Patch]]:
    return {
        "querydict_py2_methods": [
            Patch(MultiValueDict, "has_key", has_key),
            Patch(MultiValueDict, "iteritems", iteritems),
            Patch(MultiValueDict, "iterkeys", iterkeys),
            Patch(MultiValueDict, "itervalues", itervalues),
            Patch(MultiValueDict, "iterlists", iterlists),
        ],
        "querydict_list_returns": [
            Patch(MultiValueDict, "items", items),
            Patch(MultiValueDict, "keys", keys),
            Patch(MultiValueDict, "values", values),
            Patch(MultiValueDict, "lists", lists),
        ],
        "querydict_key_error_args": [Patch(MultiValueDict, "__getitem__", __getitem__)],
        "querydict_bytes_decoding": [Patch(QueryDict, "__init__", __init__)],
    }

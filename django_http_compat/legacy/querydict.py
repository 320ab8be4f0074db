"""The Python 2 era ``QueryDict``/``MultiValueDict`` contract.

Code written for Django 1.11 and earlier ran on Python 2, where these
classes had ``has_key()`` and the ``iter*`` methods, ``items()`` and friends
returned lists, and a missing key's error carried a different text.  The
patches go on ``MultiValueDict``, so ``QueryDict`` (``GET``, ``POST``) and
``request.FILES`` get them alike.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from django.utils.datastructures import MultiValueDict, MultiValueDictKeyError

from django_http_compat.state import Patch, before
from django_http_compat.warnings import warn

_items = MultiValueDict.items
_values = MultiValueDict.values
_lists = MultiValueDict.lists
_getitem = MultiValueDict.__getitem__


def has_key(self: MultiValueDict, key: Any) -> bool:
    warn("querydict_py2_methods")
    return key in self


def iteritems(self: MultiValueDict) -> Iterator[tuple[Any, Any]]:
    warn("querydict_py2_methods")
    return iter(_items(self))


def iterkeys(self: MultiValueDict) -> Iterator[Any]:
    warn("querydict_py2_methods")
    return iter(dict.keys(self))


def itervalues(self: MultiValueDict) -> Iterator[Any]:
    warn("querydict_py2_methods")
    return iter(_values(self))


def iterlists(self: MultiValueDict) -> Iterator[tuple[Any, list[Any]]]:
    warn("querydict_py2_methods")
    return iter(_lists(self))


@functools.wraps(MultiValueDict.items)
def items(self: MultiValueDict) -> list[tuple[Any, Any]]:
    """(key, last value) pairs, as a list."""
    return list(_items(self))


@functools.wraps(MultiValueDict.keys)
def keys(self: MultiValueDict) -> list[Any]:
    return list(dict.keys(self))


@functools.wraps(MultiValueDict.values)
def values(self: MultiValueDict) -> list[Any]:
    """The last value of each key, as a list."""
    return list(_values(self))


@functools.wraps(MultiValueDict.lists)
def lists(self: MultiValueDict) -> list[tuple[Any, list[Any]]]:
    """(key, list of values) pairs, as a list: what the dict itself holds."""
    return list(dict.items(self))


@functools.wraps(MultiValueDict.__getitem__)
def __getitem__(self: MultiValueDict, key: Any) -> Any:
    try:
        return _getitem(self, key)
    except MultiValueDictKeyError:
        text = f"Key {key!r} not found in {_keys_only(self)}" if before("1.6") else repr(key)
        raise MultiValueDictKeyError(text) from None


def _keys_only(data: MultiValueDict) -> str:
    """The repr of the dict as Django 1.5 put it in the message, with every value left out.

    The message ends up in logs and error reports, where the submitted
    values (a password next to the missing key) have no place.
    """
    keys = ", ".join(f"{key!r}: [...]" for key in dict.keys(data))
    return f"<{type(data).__name__}: {{{keys}}}>"


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
    }

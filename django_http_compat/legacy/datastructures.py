"""``MergeDict``: the read-only chain of dicts behind ``request.REQUEST``.

Django removed it in 1.9.  Lookups go through the dicts in order and the
first one holding the key answers, whole: ``getlist`` never combines values
from two dicts.  Details that changed between releases follow the flagged
version (recorded from real Django 1.1 to 1.8):

* before 1.3, ``repr()`` and ``str()`` are the default object repr, naming
  ``django.utils.datastructures.MergeDict``;
* before 1.6, ``bool()`` is always True and a missing key raises a bare
  ``KeyError()``; from 1.6 ``bool()`` reflects the contents and the error is
  ``KeyError(key)``;
* for Python 2 era versions (up to 1.11) ``items()``/``keys()``/``values()``
  return lists; otherwise they are iterators, as on Python 3.  The ``iter*``
  methods are always there, as in every release that had the class.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django_http_compat.state import Patch, before


def _py2_era() -> bool:
    return before("2.0")


class MergeDict:
    """A read-only view over several dicts; the first dict holding a key wins."""

    def __init__(self, *dicts: Any) -> None:
        self.dicts = dicts

    def __getitem__(self, key: Any) -> Any:
        for mapping in self.dicts:
            if key in mapping:
                return mapping[key]
        if before("1.6"):
            raise KeyError
        raise KeyError(key)

    def get(self, key: Any, default: Any = None) -> Any:
        for mapping in self.dicts:
            if key in mapping:
                return mapping[key]
        return default

    def getlist(self, key: Any) -> list[Any]:
        for mapping in self.dicts:
            if key in mapping:
                values: list[Any] = mapping.getlist(key)
                return values
        return []

    def _unique_items(self) -> Iterator[tuple[Any, Any]]:
        seen = set()
        for mapping in self.dicts:
            for key, value in mapping.items():
                if key not in seen:
                    seen.add(key)
                    yield key, value

    def items(self) -> Any:
        items = self._unique_items()
        return list(items) if _py2_era() else items

    def keys(self) -> Any:
        keys = (key for key, _ in self._unique_items())
        return list(keys) if _py2_era() else keys

    def values(self) -> Any:
        values = (value for _, value in self._unique_items())
        return list(values) if _py2_era() else values

    def __iter__(self) -> Iterator[Any]:
        return (key for key, _ in self._unique_items())

    def has_key(self, key: Any) -> bool:
        # A loop, not any() over a generator, which costs a frame: every REQUEST lookup may ask.
        for mapping in self.dicts:  # noqa: SIM110
            if key in mapping:
                return True
        return False

    __contains__ = has_key

    def __bool__(self) -> bool:
        if before("1.6"):
            return True
        return any(self.dicts)

    def copy(self) -> MergeDict:
        return self.__class__(*self.dicts)

    __copy__ = copy

    def __str__(self) -> str:
        if before("1.3"):
            return self._object_repr()
        return str(dict(self._unique_items()))

    def __repr__(self) -> str:
        if before("1.3"):
            return self._object_repr()
        return "MergeDict({})".format(", ".join(repr(mapping) for mapping in self.dicts))

    def _object_repr(self) -> str:
        # The class had no repr of its own: Python's default, naming where old code imported it from.
        return f"<django.utils.datastructures.{type(self).__name__} object at {id(self):#x}>"

    # The class belongs to the Python 2 era (Django removed it in 1.9), whose code
    # also called the iter* spellings.
    def iteritems(self) -> Iterator[tuple[Any, Any]]:
        return self._unique_items()

    def iterkeys(self) -> Iterator[Any]:
        return iter(self)

    def itervalues(self) -> Iterator[Any]:
        return (value for _, value in self._unique_items())


def patches() -> dict[str, list[Patch]]:
    """Nothing: ``MergeDict`` is served by name (``module_names``) and used by ``request.REQUEST``."""
    return {}

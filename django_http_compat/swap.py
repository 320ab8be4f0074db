"""The swap-import classes: Django's response classes with the legacy contract, opt-in per module.

Each is a subclass of the Django class of the same name, so ``isinstance``
checks, middleware and the test client treat it as the original.  They obey
the same flags as the installed shim (``HTTP_COMPAT_VERSION`` and friends),
but need no ``INSTALLED_APPS`` entry and patch nothing.

What they add is read from the behaviour modules' patches, so a swap class
has every response feature the patched Django class has: the constructor
arguments through the mixins of ``legacy/response.py`` (placed where Django
receives them), everything else (``_headers``, ``str(response)``, cookie
dates, ...) through a descriptor that serves the legacy attribute where the
calling code's flags have its feature, and otherwise exactly what the Django
class serves.  What lives outside the classes (served module names, the
request handler's rewrites) needs the app installed.
"""

from __future__ import annotations

from typing import Any

import django.http as _http
from django.template import response as _template

from . import SWAP_IMPORTS
from .installer import _MISSING, _binder, _DataGuard, _Guard, _is_data_descriptor, _providers
from .legacy.datastructures import MergeDict as MergeDict  # served as a swap import
from .legacy.response import LegacyArguments, LegacyKeywordArguments, LegacyRedirectArguments
from .state import state


def _after(guard: _Guard, obj: Any, owner: type | None) -> Any:
    """What the classes after the swap class give, found by ``super()``: Python's own lookup, at C speed."""
    try:
        return getattr(super(guard.target, owner if obj is None else obj), guard.name)
    except AttributeError:
        if guard._inherited(obj, owner) is not _MISSING:
            raise  # raised by what the Django class holds, a property's getter say
        return guard._without(obj, owner)  # nothing there: Python's own error


class _FollowsFlags(_Guard):
    """A legacy method of a swap class: served where the calling code's flags have its feature.

    The installer's guards ask what is patched for the calling context; a
    swap class patches nothing, so it asks the flags themselves.  Elsewhere
    the lookup goes on to the Django class, as if the swap class held nothing.
    """

    __slots__ = ()

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if self.features.isdisjoint(state.config.features):
            return _after(self, obj, owner)
        return self.legacy_get(obj, owner)  # type: ignore[misc]


class _DataFollowsFlags(_DataGuard):
    """A legacy property of a swap class, by the flags; elsewhere the instance and the Django class decide."""

    __slots__ = ()

    def _value(self, obj: Any, owner: type | None) -> Any:
        if self.features.isdisjoint(state.config.features):
            return self._inherited(obj, owner)
        return self.legacy

    def _here(self, obj: Any) -> Any:
        """What assignment and deletion go through: the legacy property, or what the class after holds."""
        if self.features.isdisjoint(state.config.features):
            try:  # super() on the class gives a descriptor itself, unbound
                return getattr(super(self.target, type(obj)), self.name)
            except AttributeError:
                return _MISSING
        return self.legacy

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        on = not self.features.isdisjoint(state.config.features)
        if not on and (obj is None or self.name not in obj.__dict__):
            return _after(self, obj, owner)  # the instance holds nothing that could come first
        value = self._value(obj, owner)
        if obj is not None and not _is_data_descriptor(value) and self.name in obj.__dict__:
            return obj.__dict__[self.name]
        get = _binder(value)
        return self._without(obj, owner) if get is None else get(obj, owner)


def _defines(cls: type, name: str) -> bool:
    """Does ``cls`` itself hold ``name`` without the shim (patches set aside)?"""
    return state.originals.get((cls, name), vars(cls).get(name, _MISSING)) is not _MISSING


def _legacy_attributes(cls: type, mro: tuple[type, ...]) -> dict[str, Any]:
    """A flag-following descriptor for each patch on a class of ``mro`` that lookups on ``cls`` reach.

    A patch hidden by a class between (Django's own ``__init__`` of a
    subclass, a mixin's) is reached only through ``super()``; there the
    mixins stand where Django receives the arguments.
    """
    found: dict[str, Any] = {}
    for (target, name), (value, features) in _providers().items():
        if not isinstance(target, type) or target not in mro:
            continue
        if any(_defines(between, name) for between in mro[1 : mro.index(target)]):
            continue
        data = _is_data_descriptor(value) or any(
            _is_data_descriptor(vars(base)[name]) for base in mro[1:] if name in vars(base)
        )
        found[name] = (_DataFollowsFlags if data else _FollowsFlags)(cls, name, value, _MISSING, features)
    return found


def _legacy_subclass(cls: type, *mixins: type) -> Any:
    bases = (*mixins[:-1], cls, mixins[-1]) if len(mixins) > 1 else (cls, *mixins)
    swapped = type(cls.__name__, bases, {"__module__": __name__, "__doc__": cls.__doc__})
    for name, descriptor in _legacy_attributes(swapped, swapped.__mro__).items():
        setattr(swapped, name, descriptor)
    return swapped


HttpResponse = _legacy_subclass(_http.HttpResponse, LegacyArguments)
HttpResponseRedirect = _legacy_subclass(_http.HttpResponseRedirect, LegacyRedirectArguments, LegacyArguments)
HttpResponsePermanentRedirect = _legacy_subclass(
    _http.HttpResponsePermanentRedirect, LegacyRedirectArguments, LegacyArguments
)
HttpResponseNotModified = _legacy_subclass(_http.HttpResponseNotModified, LegacyArguments)
HttpResponseBadRequest = _legacy_subclass(_http.HttpResponseBadRequest, LegacyArguments)
HttpResponseNotFound = _legacy_subclass(_http.HttpResponseNotFound, LegacyArguments)
HttpResponseForbidden = _legacy_subclass(_http.HttpResponseForbidden, LegacyArguments)
HttpResponseNotAllowed = _legacy_subclass(_http.HttpResponseNotAllowed, LegacyArguments)
HttpResponseGone = _legacy_subclass(_http.HttpResponseGone, LegacyArguments)
HttpResponseServerError = _legacy_subclass(_http.HttpResponseServerError, LegacyArguments)
StreamingHttpResponse = _legacy_subclass(_http.StreamingHttpResponse, LegacyArguments)
FileResponse = _legacy_subclass(_http.FileResponse, LegacyKeywordArguments, LegacyArguments)
JsonResponse = _legacy_subclass(_http.JsonResponse, LegacyArguments)
SimpleTemplateResponse = _legacy_subclass(
    _template.SimpleTemplateResponse, LegacyKeywordArguments, LegacyArguments
)
TemplateResponse = _legacy_subclass(_template.TemplateResponse, LegacyKeywordArguments, LegacyArguments)

HttpRequest = _http.HttpRequest
QueryDict = _http.QueryDict
Http404 = _http.Http404
BadHeaderError = _http.BadHeaderError
HttpResponseBase = _http.HttpResponseBase
UnreadablePostError = _http.UnreadablePostError
RawPostDataException = _http.RawPostDataException

__all__ = list(SWAP_IMPORTS)

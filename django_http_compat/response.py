"""Legacy response constructor arguments: ``mimetype=`` and each era's positional order.

Every response class funnels its arguments into ``HttpResponseBase.__init__``,
so translating them there covers ``HttpResponse``, its subclasses,
``StreamingHttpResponse``, ``FileResponse``, ``JsonResponse`` and user
subclasses at once.  The translated call is an ordinary modern call: the
Content-Type still goes through Django's header validation, so a newline in a
``mimetype`` is refused with ``BadHeaderError`` exactly as in ``content_type``.
The template responses spell out their own signatures, and ``FileResponse``
looks at its own ``content_type`` before the base sees it, so those three
translate the keyword at their own level too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.http.response import FileResponse, HttpResponseBase
from django.template.response import SimpleTemplateResponse, TemplateResponse

from .patching import Patch, is_active, state
from .reason_phrases import fix_at_construction
from .versions import format_version
from .warnings import warn

# What positional arguments after ``content`` meant, by the first release
# that stopped meaning it (all verified on real Django: RS-01 / C-04).
_ERA_LAYOUTS: tuple[tuple[tuple[int, int], tuple[str, ...]], ...] = (
    ((1, 5), ("mimetype", "status", "content_type")),
    ((1, 6), ("content_type", "status", "mimetype")),
    ((1, 7), ("content_type", "status", "reason", "mimetype")),
)
_MODERN_LAYOUT = ("content_type", "status", "reason", "charset", "headers")
_SAME_EFFECT = {"mimetype": "content_type"}


def _era_layout() -> tuple[str, ...] | None:
    version = state.config.version
    if version is None or not is_active("response_positional_order"):
        return None
    for first_release_without, layout in _ERA_LAYOUTS:
        if version < first_release_without:
            return layout
    return None


def _take_mimetype(kwargs: dict[str, Any]) -> None:
    """Turn a ``mimetype=`` keyword into ``content_type``; a non-empty mimetype wins."""
    if "mimetype" in kwargs and is_active("response_mimetype"):
        warn("response_mimetype")
        mimetype = kwargs.pop("mimetype")
        if mimetype:
            kwargs["content_type"] = mimetype


def translate_arguments(
    args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """Legacy ``HttpResponseBase`` arguments -> modern ones (a no-op for modern calls)."""
    layout = _era_layout()
    if layout is not None and args:
        if len(args) > len(layout):
            raise TypeError(
                f"In Django {format_version(state.config.version)} (HTTP_COMPAT_VERSION), response "  # type: ignore[arg-type]
                f"classes take at most {len(layout)} positional arguments after the content "
                f"({', '.join(layout)}); {len(args)} were given."
            )
        named = dict(zip(layout, args, strict=False))
        if any(
            _SAME_EFFECT.get(name, name) != modern
            for name, modern in zip(named, _MODERN_LAYOUT, strict=False)
        ):
            warn("response_positional_order")
        for name in named:
            if name in kwargs:
                raise TypeError(f"__init__() got multiple values for argument '{name}'")
        mimetype = named.pop("mimetype", None)
        if mimetype:
            named["content_type"] = mimetype
        args, kwargs = (), {**kwargs, **named}
    if "mimetype" in kwargs:
        kwargs = dict(kwargs)
        _take_mimetype(kwargs)
    return args, kwargs


_modern_base_init = HttpResponseBase.__init__


@functools.wraps(_modern_base_init)
def _base_init(self: HttpResponseBase, *args: Any, **kwargs: Any) -> None:
    args, kwargs = translate_arguments(args, kwargs)
    _modern_base_init(self, *args, **kwargs)
    if is_active("response_upper_reason_phrases"):
        fix_at_construction(self)


def _accept_mimetype_keyword(init: Callable[..., None]) -> Callable[..., None]:
    @functools.wraps(init)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        _take_mimetype(kwargs)
        init(self, *args, **kwargs)

    return __init__


class LegacyArguments(HttpResponseBase):
    """Mixin for the swap-import classes: translates arguments where HttpResponseBase receives them.

    Listed after a Django class (``class X(HttpResponse, LegacyArguments)``),
    the method resolution order puts it directly above ``HttpResponseBase``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        args, kwargs = translate_arguments(args, kwargs)
        super().__init__(*args, **kwargs)


class LegacyKeywordArguments:
    """Mixin for swap-import classes that read ``content_type`` before HttpResponseBase does."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        _take_mimetype(kwargs)
        super().__init__(*args, **kwargs)


BASE_INIT = Patch(HttpResponseBase, "__init__", _base_init)
_ARGUMENT_PATCHES = [
    BASE_INIT,
    Patch(FileResponse, "__init__", _accept_mimetype_keyword(FileResponse.__init__)),
    Patch(SimpleTemplateResponse, "__init__", _accept_mimetype_keyword(SimpleTemplateResponse.__init__)),
    Patch(TemplateResponse, "__init__", _accept_mimetype_keyword(TemplateResponse.__init__)),
]


def patches() -> dict[str, list[Patch]]:
    return {
        "response_mimetype": _ARGUMENT_PATCHES,
        "response_positional_order": _ARGUMENT_PATCHES[:1],
    }

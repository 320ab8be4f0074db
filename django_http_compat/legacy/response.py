"""Legacy response constructor arguments and the era rules applied when a response is built.

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
import inspect
from collections.abc import Callable
from types import MethodType
from typing import Any, NamedTuple

from django.conf import settings
from django.http.response import (
    FileResponse,
    HttpResponse,
    HttpResponseBase,
    HttpResponseNotModified,
    HttpResponseRedirectBase,
)
from django.template.response import SimpleTemplateResponse, TemplateResponse
from django.utils.functional import empty

from django_http_compat.conf import Config
from django_http_compat.state import Patch, delegates_to, is_active, state
from django_http_compat.versions import format_version
from django_http_compat.warnings import warn

from .charset import empty_content_type
from .reason_phrases import fix_redirect_phrase, phrase_at_construction

_MODERN_LAYOUT = ("content_type", "status", "reason", "charset", "headers")
_SAME_EFFECT = {"mimetype": "content_type"}


def _era_layout(config: Config) -> tuple[str, ...] | None:
    """What positional arguments after ``content`` meant in the flagged release (recorded from real Django)."""
    if config.version is None or "response_positional_order" not in config.features:
        return None
    if config.before("1.5"):
        return ("mimetype", "status", "content_type")
    if config.before("1.6"):
        return ("content_type", "status", "mimetype")
    if config.before("1.7"):
        return ("content_type", "status", "reason", "mimetype")
    return None


def _translate_positional(
    args: tuple[Any, ...], kwargs: dict[str, Any], layout: tuple[str, ...]
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """Name the positional arguments by the flagged era's order."""
    if len(args) > len(layout):
        raise TypeError(
            f"In Django {format_version(state.config.version)} (HTTP_COMPAT_VERSION), response "  # type: ignore[arg-type]
            f"classes take at most {len(layout)} positional arguments after the content "
            f"({', '.join(layout)}); {len(args)} were given."
        )
    named = dict(zip(layout, args, strict=False))
    if any(
        _SAME_EFFECT.get(name, name) != modern for name, modern in zip(named, _MODERN_LAYOUT, strict=False)
    ):
        warn("response_positional_order")
    for name in named:
        if name in kwargs:
            raise TypeError(f"__init__() got multiple values for argument '{name}'")
    mimetype = named.pop("mimetype", None)
    if mimetype:
        named["content_type"] = mimetype
    return (), {**kwargs, **named}


def _name_modern_positional(
    args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """Name positional arguments by modern Django's order, so a default can tell a content type was given.

    A call Django would refuse (too many, or a value given twice) is left
    as it is, for Django to raise its own TypeError.
    """
    named = dict(zip(_MODERN_LAYOUT, args, strict=False))
    if len(args) > len(_MODERN_LAYOUT) or not named.keys().isdisjoint(kwargs):
        return args, kwargs
    return (), {**kwargs, **named}


def _take_mimetype(kwargs: dict[str, Any]) -> None:
    """Turn a ``mimetype=`` keyword into ``content_type``; a non-empty mimetype wins."""
    if "mimetype" in kwargs:
        warn("response_mimetype")
        mimetype = kwargs.pop("mimetype")
        if mimetype:
            kwargs["content_type"] = mimetype


def _is_falsy_status(status: Any) -> bool:
    """Old releases tested ``if status:``, so 0 or '' kept the class's own status."""
    return status is not None and not status


def _falsy_status(kwargs: dict[str, Any]) -> None:
    if _is_falsy_status(kwargs["status"]):
        warn("response_falsy_status")
        del kwargs["status"]


def _needs_status_rule(status: Any) -> bool:
    """A false status, or one modern Django refuses: an era rule may apply to it."""
    return status is not None and (not status or not isinstance(status, int) or not 100 <= status <= 599)


#: Where ``_wide_status`` leaves a status for ``build_with_era_rules`` to set once Django built the response.
_WIDE_STATUS = "_http_compat_wide_status"


def _wide_status(kwargs: dict[str, Any]) -> None:
    """Up to 1.10 any status was sent; codes of three digits still make a valid status line."""
    try:
        code = int(kwargs["status"])
    except (TypeError, ValueError):
        return  # Django's own TypeError
    if 600 <= code <= 999:
        del kwargs["status"]
        kwargs[_WIDE_STATUS] = code


# LazySettings' own namespace: the holder of the settings in force (``_wrapped``,
# replaced by override_settings) and a cache of the settings read through it,
# from which an assignment or a deletion removes the name.  The dict itself is
# never replaced (a new holder clears it), so it is taken once.
_LAZY_NAMESPACE: dict[str, Any] = object.__getattribute__(settings, "__dict__")
_UNREAD: Any = object()
#: (holder, its namespace) in which DEFAULT_CONTENT_TYPE was last found unset.
_unset_in: tuple[Any, dict[str, Any]] = (None, {})


def _default_mime_type() -> str | None:
    """``settings.DEFAULT_CONTENT_TYPE``, or None when it is not set; read for every response built without a type.

    Django removed the setting, so asking ``settings`` for it raises
    AttributeError inside Django (3 µs) and caches nothing.  A value that is
    set is read once and then found in LazySettings' cache (an assignment
    removes it from there); that it is unset is remembered for the holder
    of the settings in force, which an assignment writes to, so the next
    response sees any assignment or ``override_settings``.
    """
    value = _LAZY_NAMESPACE.get("DEFAULT_CONTENT_TYPE", _UNREAD)
    if value is not _UNREAD:
        return value  # type: ignore[no-any-return]  # what settings holds
    holder = _LAZY_NAMESPACE.get("_wrapped")
    unset_holder, unset_namespace = _unset_in
    if holder is unset_holder and "DEFAULT_CONTENT_TYPE" not in unset_namespace:
        return None
    return _look_up_default_mime_type(holder)


def _look_up_default_mime_type(holder: Any) -> str | None:
    """Walk the holders (``override_settings`` falls back on the one it replaced) for DEFAULT_CONTENT_TYPE."""
    global _unset_in
    innermost = holder
    while holder is not empty and holder is not None:
        namespace = vars(holder)
        if "DEFAULT_CONTENT_TYPE" in namespace:
            # Read through settings, which caches it in its namespace for the next response.
            mime_type: str | None = getattr(settings, "DEFAULT_CONTENT_TYPE")  # noqa: B009  # removed from the stubs
            return mime_type
        if "DEFAULT_CONTENT_TYPE" in namespace.get("_deleted", ()):
            break
        holder = namespace.get("default_settings")
    if innermost is not empty and innermost is not None:
        _unset_in = (innermost, vars(innermost))
    return None


def _default_content_type(charset: str | None) -> str | None:
    """``DEFAULT_CONTENT_TYPE`` plus the charset, for a response built without a content type."""
    mime_type = _default_mime_type()
    if not mime_type or mime_type == "text/html":
        return None
    warn("response_default_content_type")
    return f"{mime_type}; charset={charset or settings.DEFAULT_CHARSET}"


#: Era rules for the arguments, each applied only when its keyword is given.
_KEYWORD_RULES: tuple[tuple[str, str, Callable[[dict[str, Any]], None]], ...] = (
    ("response_mimetype", "mimetype", _take_mimetype),
    ("response_falsy_status", "status", _falsy_status),
    ("response_status_range", "status", _wide_status),
    ("response_default_charset", "content_type", empty_content_type),
)
#: Era rules applied to the response once Django has built it, made per plan.
_BUILT_RULES: dict[str, Callable[[Config], Callable[[HttpResponseBase], None] | None]] = {
    "response_upper_reason_phrases": phrase_at_construction,
}


class _Plan(NamedTuple):
    """What building a response involves under one configuration, worked out once.

    Every response in the process goes through here, modern code's included,
    so nothing is looked up per response that can be looked up per
    configuration: a modern call pays for a few ``in`` tests and the rules
    its era applies to every response.
    """

    config: Config | None
    layout: tuple[str, ...] | None
    keyword_rules: tuple[tuple[str, Callable[[dict[str, Any]], None]], ...]
    default_content_type: Callable[[str | None], str | None] | None
    built_rules: tuple[Callable[[HttpResponseBase], None], ...]
    takes_mimetype: bool


def _made(rules: dict[str, Callable[[Config], Any]], config: Config) -> tuple[Callable[..., None], ...]:
    """The rules of the active features that apply under ``config`` (a maker may return None)."""
    made = (make(config) for feature_id, make in rules.items() if feature_id in config.features)
    return tuple(rule for rule in made if rule is not None)


def _make_plan(config: Config) -> _Plan:
    return _Plan(
        config,
        _era_layout(config),
        tuple(
            (keyword, rule) for feature_id, keyword, rule in _KEYWORD_RULES if feature_id in config.features
        ),
        _default_content_type if "response_default_content_type" in config.features else None,
        _made(_BUILT_RULES, config),
        "response_mimetype" in config.features,
    )


_plan = _Plan(None, None, (), None, (), False)


def _current_plan() -> _Plan:
    global _plan
    plan = _plan
    config = state.config  # read once: while an override runs anywhere, each read asks the context
    if plan.config is not config:
        plan = _plan = _make_plan(config)
    return plan


def build_with_era_rules(
    init: Callable[..., None], response: HttpResponseBase, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    """Call ``init`` (bound to ``response``) with the era's arguments, then apply the era's rules to it.

    ``kwargs`` must be the caller's own ``**kwargs`` dict: it is changed in place.
    """
    plan = _current_plan()
    if args and plan.layout is not None:
        args, kwargs = _translate_positional(args, kwargs, plan.layout)
    wide_status = None
    if kwargs:
        for keyword, rule in plan.keyword_rules:
            if keyword in kwargs:
                rule(kwargs)
        wide_status = kwargs.pop(_WIDE_STATUS, None)
    if plan.default_content_type is not None:
        if args:  # Django's own classes pass the content type positionally
            args, kwargs = _name_modern_positional(args, kwargs)
        if kwargs.get("content_type") is None:
            default = plan.default_content_type(kwargs.get("charset"))
            if default is not None:
                kwargs["content_type"] = default
    init(*args, **kwargs)
    if wide_status is not None:
        response.status_code = wide_status
    for built_rule in plan.built_rules:
        built_rule(response)


_modern_base_init = HttpResponseBase.__init__


@functools.wraps(_modern_base_init)
def _base_init(
    self: HttpResponseBase,
    *args: Any,
    content_type: Any = None,
    status: Any = None,
    reason: Any = None,
    charset: Any = None,
    headers: Any = None,
    **legacy: Any,
) -> None:
    """``HttpResponseBase.__init__`` under the era's rules.

    The keywords are those of modern Django (``_MODERN_LAYOUT``), so a modern
    call, keywords only and nothing an era rule reads, goes straight to
    Django; anything else takes ``build_with_era_rules``.
    """
    plan = _plan
    if plan.config is not state.config:  # _current_plan(), without its call on every response
        plan = _current_plan()
    if legacy and plan.takes_mimetype and not args and len(legacy) == 1 and "mimetype" in legacy:
        # The legacy keyword old code passes most, without the detour through
        # every rule; HttpResponse(mimetype=) is called from the user's frame
        # above HttpResponse.__init__, so the warning finds it without a walk.
        warn("response_mimetype", _caller_depth=3)
        mimetype = legacy.pop("mimetype")
        if mimetype:
            content_type = mimetype
    if args or legacy or (status is not None and _needs_status_rule(status)) or content_type == "":
        given = zip(_MODERN_LAYOUT, (content_type, status, reason, charset, headers), strict=True)
        kwargs = {**legacy, **{name: value for name, value in given if value is not None}}
        build_with_era_rules(MethodType(_modern_base_init, self), self, args, kwargs)
        return
    if content_type is None and plan.default_content_type is not None:
        content_type = plan.default_content_type(charset)
    _modern_base_init(self, content_type, status, reason, charset, headers)
    for built_rule in plan.built_rules:
        built_rule(self)


@functools.wraps(HttpResponseNotModified.__init__)
def _not_modified_init(self: HttpResponseNotModified, *args: Any, **kwargs: Any) -> None:
    """An old 304 was an ordinary response with another status: its Content-Type stayed."""
    HttpResponse.__init__(self, *args, **kwargs)


_modern_redirect_init = HttpResponseRedirectBase.__init__
# Django 5.2 put preserve_request second, where older code passed the content.
_REDIRECT_TAKES_PRESERVE_REQUEST = "preserve_request" in inspect.signature(_modern_redirect_init).parameters


def redirect_arguments(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Positional arguments after the URL are the content and what follows, as they were."""
    if args:
        warn("response_redirect_positional_content")
        if _REDIRECT_TAKES_PRESERVE_REQUEST:
            args = (kwargs.pop("preserve_request", False), *args)
    return args


@functools.wraps(_modern_redirect_init)
def _redirect_init(self: HttpResponseRedirectBase, redirect_to: str, *args: Any, **kwargs: Any) -> None:
    """Content after the URL, as it was; the era's phrase fixed once the status is final (``preserve_request``)."""
    if args and is_active("response_redirect_positional_content"):
        args = redirect_arguments(args, kwargs)
    _modern_redirect_init(self, redirect_to, *args, **kwargs)
    if is_active("response_upper_reason_phrases"):
        fix_redirect_phrase(self)


def _accept_mimetype_keyword(init: Callable[..., None]) -> Callable[..., None]:
    # With **kwargs in Django's signature (FileResponse), that signature is the call shape that holds.
    takes_keywords = any(p.kind is p.VAR_KEYWORD for p in inspect.signature(init).parameters.values())
    wraps: Callable[[Callable[..., None]], Callable[..., None]] = (
        delegates_to(init) if takes_keywords else functools.wraps(init)
    )

    @wraps
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if is_active("response_mimetype"):
            _take_mimetype(kwargs)
        init(self, *args, **kwargs)

    return __init__


class LegacyArguments(HttpResponseBase):
    """Mixin for the swap-import classes: the era rules, where HttpResponseBase receives the arguments.

    Listed after a Django class (``class X(HttpResponse, LegacyArguments)``),
    the method resolution order puts it directly above ``HttpResponseBase``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        build_with_era_rules(super().__init__, self, args, kwargs)


class LegacyKeywordArguments:
    """Mixin for swap-import classes that read ``content_type`` before HttpResponseBase does."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if is_active("response_mimetype"):
            _take_mimetype(kwargs)
        super().__init__(*args, **kwargs)


class LegacyRedirectArguments:
    """Mixin for the swap-import redirect classes: content after the URL, as it was."""

    def __init__(self, redirect_to: str, *args: Any, **kwargs: Any) -> None:
        if is_active("response_redirect_positional_content"):
            args = redirect_arguments(args, kwargs)
        super().__init__(redirect_to, *args, **kwargs)  # type: ignore[call-arg]
        if is_active("response_upper_reason_phrases"):
            fix_redirect_phrase(self)  # type: ignore[arg-type]


BASE_INIT = Patch(HttpResponseBase, "__init__", _base_init)
_ARGUMENT_PATCHES = [
    BASE_INIT,
    Patch(FileResponse, "__init__", _accept_mimetype_keyword(FileResponse.__init__)),
    Patch(SimpleTemplateResponse, "__init__", _accept_mimetype_keyword(SimpleTemplateResponse.__init__)),
    Patch(TemplateResponse, "__init__", _accept_mimetype_keyword(TemplateResponse.__init__)),
]


def patches() -> dict[str, list[Patch]]:
    found: dict[str, list[Patch]] = {
        "response_mimetype": _ARGUMENT_PATCHES,
        "response_not_modified_content_type": [
            Patch(HttpResponseNotModified, "__init__", _not_modified_init)
        ],
        "response_redirect_positional_content": [Patch(HttpResponseRedirectBase, "__init__", _redirect_init)],
    }
    rule_features = (feature_id for feature_id, _keyword, _rule in _KEYWORD_RULES)
    for feature_id in (
        "response_positional_order",
        *rule_features,
        "response_default_content_type",
        *_BUILT_RULES,
    ):
        found.setdefault(feature_id, [BASE_INIT])
    return found

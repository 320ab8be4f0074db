"""Warning classes and the one ``warn()`` every legacy entry point calls.

One category per Django release that removed an API, named after Django's
own ``RemovedInDjangoXYWarning`` and written out, as ``django.utils.deprecation``
writes its own, so type checkers and readers see them; a test holds them equal
to the releases the registry names.  All of them subclass ``HttpCompatWarning``
so one filter can select everything we emit.

DeprecationWarning is hidden by Python outside ``__main__``, so
``show_warnings()`` (called when the app is ready) lets ours through
where nothing but Python's own default filters would hide them.  The first
use at each site is also logged to the ``django_http_compat`` logger, at
INFO, for production logs.
"""

from __future__ import annotations

import functools
import inspect
import logging
import os
import sys
import warnings as _warnings
from collections.abc import Callable, Iterable
from types import FrameType
from typing import Any, TypeVar, cast

import django

from . import usage_counts
from .conf import Config
from .features import FEATURES, FEATURES_BY_ID
from .probes import absent_to_probes
from .state import state


class HttpCompatWarning(DeprecationWarning):
    """Base class of every warning django-http-compat emits."""


class RemovedInDjango10Warning(HttpCompatWarning):
    """Use of a django.http API that Django 1.0 removed or changed."""


class RemovedInDjango13Warning(HttpCompatWarning):
    """Use of a django.http API that Django 1.3 removed or changed."""


class RemovedInDjango14Warning(HttpCompatWarning):
    """Use of a django.http API that Django 1.4 removed or changed."""


class RemovedInDjango15Warning(HttpCompatWarning):
    """Use of a django.http API that Django 1.5 removed or changed."""


class RemovedInDjango16Warning(HttpCompatWarning):
    """Use of a django.http API that Django 1.6 removed or changed."""


class RemovedInDjango17Warning(HttpCompatWarning):
    """Use of a django.http API that Django 1.7 removed or changed."""


class RemovedInDjango18Warning(HttpCompatWarning):
    """Use of a django.http API that Django 1.8 removed or changed."""


class RemovedInDjango19Warning(HttpCompatWarning):
    """Use of a django.http API that Django 1.9 removed or changed."""


class RemovedInDjango110Warning(HttpCompatWarning):
    """Use of a django.http API that Django 1.10 removed or changed."""


class RemovedInDjango111Warning(HttpCompatWarning):
    """Use of a django.http API that Django 1.11 removed or changed."""


class RemovedInDjango20Warning(HttpCompatWarning):
    """Use of a django.http API that Django 2.0 removed or changed."""


class RemovedInDjango21Warning(HttpCompatWarning):
    """Use of a django.http API that Django 2.1 removed or changed."""


class RemovedInDjango30Warning(HttpCompatWarning):
    """Use of a django.http API that Django 3.0 removed or changed."""


class RemovedInDjango32Warning(HttpCompatWarning):
    """Use of a django.http API that Django 3.2 removed or changed."""


class RemovedInDjango40Warning(HttpCompatWarning):
    """Use of a django.http API that Django 4.0 removed or changed."""


class RemovedInDjango42Warning(HttpCompatWarning):
    """Use of a django.http API that Django 4.2 removed or changed."""


class RemovedInDjango50Warning(HttpCompatWarning):
    """Use of a django.http API that Django 5.0 removed or changed."""


class RemovedInDjango52Warning(HttpCompatWarning):
    """Use of a django.http API that Django 5.2 removed or changed."""


#: Category name -> class, for every removing release the registry names
#: (a feature naming a release without a class here fails at import).
CATEGORIES: dict[str, type[HttpCompatWarning]] = {
    feature.category_name: globals()[feature.category_name] for feature in FEATURES
}
CATEGORY_OF = {feature.id: CATEGORIES[feature.category_name] for feature in FEATURES}

__all__ = [
    "HttpCompatWarning",
    "RemovedInDjango10Warning",
    "RemovedInDjango13Warning",
    "RemovedInDjango14Warning",
    "RemovedInDjango15Warning",
    "RemovedInDjango16Warning",
    "RemovedInDjango17Warning",
    "RemovedInDjango18Warning",
    "RemovedInDjango19Warning",
    "RemovedInDjango110Warning",
    "RemovedInDjango111Warning",
    "RemovedInDjango20Warning",
    "RemovedInDjango21Warning",
    "RemovedInDjango30Warning",
    "RemovedInDjango32Warning",
    "RemovedInDjango40Warning",
    "RemovedInDjango42Warning",
    "RemovedInDjango50Warning",
    "RemovedInDjango52Warning",
    "show_warnings",
    "warn",
]

logger = logging.getLogger("django_http_compat")

# Python's default filters come last in ``warnings.filters``, the ``ignore``
# of DeprecationWarning (which hides ours) right after the ``default`` for
# ``__main__``; ``-W``, PYTHONWARNINGS and ``filterwarnings()`` put theirs in
# front (and remove a default they repeat, which then is no longer in that place).
_PYTHON_SHOWS_MAIN = ("default", None, DeprecationWarning, "__main__", 0)
_PYTHON_HIDES_DEPRECATIONS = ("ignore", None, DeprecationWarning, None, 0)
_SHOWN = ("default", None, HttpCompatWarning, None, 0)


def show_warnings() -> None:
    """Show our categories where only Python's default filters would hide them.

    Our filter goes just in front of Python's default ``ignore`` of
    DeprecationWarning, behind every filter set by ``-W``, PYTHONWARNINGS or
    code, so those still decide for our warnings as for any other, and no
    other category is filtered differently.  ``"default"`` shows a site's
    warning once; ``warn()`` itself decides between "once" and "always".
    """
    filters = cast("list[Any]", _warnings.filters)  # a list, which typeshed calls a Sequence
    if _SHOWN in filters:
        return
    for position in range(1, len(filters)):
        if filters[position] == _PYTHON_HIDES_DEPRECATIONS and filters[position - 1] == _PYTHON_SHOWS_MAIN:
            break
    else:
        return  # Python's defaults were replaced or repeated: whoever did that decides
    # filterwarnings() tells the warnings machinery that the filters changed;
    # it puts the filter first, and we move it to its place.
    _warnings.filterwarnings("default", category=HttpCompatWarning)
    filters.insert(position, filters.pop(0))


# Frames in these trees are skipped so the warning names the user's line.
_SKIP_PREFIXES = (
    os.path.dirname(django.__file__) + os.sep,
    os.path.dirname(__file__) + os.sep,
)
# filename -> is it in those trees?  Asked on every legacy call, so cached.
_skipped_files: dict[str, bool] = {}


def _user_frame(frame: FrameType) -> FrameType:
    """The first frame from ``frame`` outwards that is outside Django and this package."""
    while True:
        filename = frame.f_code.co_filename
        skipped = _skipped_files.get(filename)
        if skipped is None:
            skipped = _skipped_files[filename] = filename.startswith(_SKIP_PREFIXES)
        outer = frame.f_back
        if not skipped or outer is None:
            return frame
        frame = outer


#: The configuration under which a legacy call does no bookkeeping: warnings
#: ``"ignore"``, no reader of the counts and first uses not logged.  Decided at
#: the first legacy call under it, so the calls after it pay one comparison.
_silent: Config | None = None
_known_calls = usage_counts.known_calls
_getframe = sys._getframe


def warn(feature_id: str, _caller_depth: int = 2) -> None:
    """Count one use of a legacy API and report it as ``HTTP_COMPAT_WARNINGS`` asks.

    Only the package's own entry points call this, so the search for the
    user's frame starts at their caller (``_caller_depth`` frames out: an
    entry point that Django calls says how far out its usual caller is).  With warnings ``"ignore"``, no
    reader of the counts (``usage_counts.counting``) and the logger below
    INFO, nothing is looked up: a production site that silenced warnings
    pays one comparison.  Otherwise a site that has warned already, called
    straight from user code, costs one lookup, one counter and one comparison.
    """
    global _silent
    config = state.config
    mode = config.warnings
    if mode == "ignore":  # otherwise every call is counted: no need to ask
        if config is _silent and not usage_counts.counting:
            return
        if not reports_anything((config,)):
            _silent = config
            return
    frame = _getframe(_caller_depth)
    # usage_counts.count_known_call(), written out: this is every counted call.
    counter = _known_calls.get((feature_id, id(frame.f_code), frame.f_lasti))
    if counter is not None:
        uses = next(counter)
    else:  # a new site, or a call from inside Django (a template, say)
        frame = _user_frame(frame)
        uses = usage_counts.count_call(feature_id, frame)
        if uses == 1 and logger.isEnabledFor(logging.INFO):
            _log_first_use(feature_id, frame)
    _report(feature_id, mode, uses, frame)


def _report(feature_id: str, mode: str, uses: int, frame: FrameType) -> None:
    """Warn about a counted use, the ``uses``-th at the site ``frame`` is at, as ``mode`` asks."""
    if mode == "ignore" or (mode == "once" and uses > 1):
        return
    category = CATEGORY_OF[feature_id]
    message = FEATURES_BY_ID[feature_id].warning_message
    if mode == "error":
        raise category(message)
    module_globals = frame.f_globals
    _warnings.warn_explicit(
        message,
        category,
        frame.f_code.co_filename,
        frame.f_lineno,
        module=module_globals.get("__name__"),
        registry=None if mode == "always" else module_globals.setdefault("__warningregistry__", {}),
    )


def reports_anything(configs: Iterable[Config]) -> bool:
    """Would a legacy call under one of ``configs`` be counted, logged, or warned about?

    Asked by the installer each time it applies the configurations; while
    the answer is no, it serves every entry point made by ``warned()``
    without its call to ``warn()``.  The logger's level is read then too.
    """
    return (
        usage_counts.counting
        or logger.isEnabledFor(logging.INFO)
        or any(config.warnings != "ignore" for config in configs)
    )


F = TypeVar("F", bound=Callable[..., Any])


def _fixed_arguments(work: Callable[..., Any]) -> int | None:
    """How many arguments ``work`` takes where each call passes them all by position, else None.

    ``def work(self)``, or a C function whose arguments are positional-only
    (``dict.__contains__``): an entry point taking exactly those calls it
    as any caller could, and spares every call packing ``*args, **kwargs``.
    """
    code = getattr(work, "__code__", None)
    if code is not None:
        variable = code.co_flags & (inspect.CO_VARARGS | inspect.CO_VARKEYWORDS)
        plain = code.co_argcount == 1 and not code.co_kwonlyargcount and not variable
        return 1 if plain and not getattr(work, "__defaults__", None) else None
    try:
        parameters = inspect.signature(work).parameters.values()
    except (TypeError, ValueError):
        return None
    if all(parameter.kind is inspect.Parameter.POSITIONAL_ONLY for parameter in parameters):
        return len(parameters)
    return None


def warned(feature_id: str, *, name: str | None = None, probe: str | None = None) -> Callable[[F], F]:
    """Make the decorated function, the work of a legacy entry point, into the entry point: ``warn()``, then the work.

    The work stays reachable as the entry point's ``__silent__``: where no
    configuration reports or counts anything (``reports_anything()``), the
    installer serves it in the entry point's place, so a production site pays
    for the work alone.  ``name`` names an entry point whose work is a
    function of another name (``dict.__contains__`` as ``has_key``).  For the
    getter of a legacy attribute, ``probe`` names the attribute: an error the
    warning raises is also an ``AttributeError`` (``probes.py``).
    """

    def decorate(work: F) -> F:
        # Under "once", each entry point first looks for its caller among the
        # sites counted before: where found, it counts the call and goes on to
        # the work, and warn() (a call, and its own lookups) is left for new
        # sites and the other modes.  A count of 1 taken here is a site whose
        # first caller, in another thread, has not counted yet: that first
        # use is reported here, as warn() would report it.
        def warning_entry(*args: Any, **kwargs: Any) -> Any:
            frame = _getframe(1)
            counter = _known_calls.get((feature_id, id(frame.f_code), frame.f_lasti))
            if counter is None or state.config.warnings != "once":
                warn(feature_id)
            elif next(counter) == 1:
                _report(feature_id, "once", 1, frame)
            return work(*args, **kwargs)

        def method_entry(obj: Any) -> Any:  # also the getter of a legacy attribute
            frame = _getframe(1)
            counter = _known_calls.get((feature_id, id(frame.f_code), frame.f_lasti))
            try:
                if counter is None or state.config.warnings != "once":
                    warn(feature_id)
                elif next(counter) == 1:
                    _report(feature_id, "once", 1, frame)
            except Exception:  # raised as an error ("error" mode, -W error)
                if probe is None:
                    raise
                with absent_to_probes(obj, probe):  # a getter's: absent to probes
                    raise
            return work(obj)

        def one_argument_entry(obj: Any, argument: Any) -> Any:
            frame = _getframe(1)
            counter = _known_calls.get((feature_id, id(frame.f_code), frame.f_lasti))
            if counter is None or state.config.warnings != "once":
                warn(feature_id)
            elif next(counter) == 1:
                _report(feature_id, "once", 1, frame)
            return work(obj, argument)

        by_arguments: dict[int | None, Callable[..., Any]] = {1: method_entry, 2: one_argument_entry}
        entry = method_entry if probe is not None else by_arguments.get(_fixed_arguments(work), warning_entry)
        functools.update_wrapper(entry, work)
        if name is not None:
            entry.__name__ = entry.__qualname__ = name
        entry.__silent__ = work  # type: ignore[attr-defined]
        return cast(F, entry)

    return decorate


def _log_first_use(feature_id: str, frame: FrameType) -> None:
    """Log a site's first use, the record naming the user's file, line and function."""
    code = frame.f_code
    record = logger.makeRecord(
        logger.name,
        logging.INFO,
        code.co_filename,
        frame.f_lineno,
        "%s:%d: %s",
        (code.co_filename, frame.f_lineno, FEATURES_BY_ID[feature_id].warning_message),
        None,
        func=code.co_name,
        extra={"http_compat_feature": feature_id},
    )
    logger.handle(record)

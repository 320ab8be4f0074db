"""Warning classes and the one ``warn()`` every legacy entry point calls.

One category per Django release that removed an API, named after Django's
own ``RemovedInDjangoXYWarning`` and generated from the registry; all of them
subclass ``HttpCompatWarning`` so one filter can select everything we emit.
"""

from __future__ import annotations

import os
import sys
import warnings as _warnings
from types import FrameType

import django

from . import usage_counts
from .features import FEATURES, FEATURES_BY_ID
from .state import state


class HttpCompatWarning(DeprecationWarning):
    """Base class of every warning django-http-compat emits."""


def _make_categories() -> dict[str, type[HttpCompatWarning]]:
    by_name: dict[str, type[HttpCompatWarning]] = {}
    for feature in FEATURES:
        name = feature.category_name
        if name not in by_name:
            by_name[name] = type(
                name,
                (HttpCompatWarning,),
                {
                    "__module__": __name__,
                    "__doc__": f"Use of a django.http API that Django {feature.removed} removed or changed.",
                },
            )
    return by_name


CATEGORIES = _make_categories()
globals().update(CATEGORIES)
CATEGORY_OF = {feature.id: CATEGORIES[feature.category_name] for feature in FEATURES}

__all__ = ["HttpCompatWarning", "warn", *CATEGORIES]

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


def warn(feature_id: str) -> None:
    """Count one use of a legacy API and report it as ``HTTP_COMPAT_WARNINGS`` asks.

    Only the package's own entry points call this, so the search for the
    user's frame starts at their caller.  Every legacy call pays for this; a
    site that has warned already, called straight from user code, costs one
    lookup, one counter and one comparison.
    """
    frame = sys._getframe(2)
    uses = usage_counts.count_known_call(feature_id, frame)
    if uses is None:  # a new site, or a call from inside Django (a template, say)
        frame = _user_frame(frame)
        uses = usage_counts.count_call(feature_id, frame)
    mode = state.config.warnings
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

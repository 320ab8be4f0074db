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
from .patching import state


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
    while frame.f_back is not None:
        filename = frame.f_code.co_filename
        skipped = _skipped_files.get(filename)
        if skipped is None:
            skipped = _skipped_files[filename] = filename.startswith(_SKIP_PREFIXES)
        if not skipped:
            break
        frame = frame.f_back
    return frame


def warn(feature_id: str) -> None:
    """Count one use of a legacy API and report it as ``HTTP_COMPAT_WARNINGS`` asks.

    Every legacy call pays for this, so a site that has warned already costs
    one frame walk (cached per file), one counter and one comparison.
    """
    frame = _user_frame(sys._getframe(1))
    filename, lineno = frame.f_code.co_filename, frame.f_lineno
    uses = usage_counts.count((feature_id, filename, lineno))
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
        filename,
        lineno,
        module=module_globals.get("__name__"),
        registry=None if mode == "always" else module_globals.setdefault("__warningregistry__", {}),
    )

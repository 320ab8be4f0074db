"""Deprecated alias of ``state`` and ``installer``, kept for one release.

``patching`` used to be both the configuration every legacy call reads and the
installer that imports every behaviour module.  Those are now two modules on
two floors: ``django_http_compat.state`` and ``django_http_compat.installer``.
``install()``, ``uninstall()`` and ``override()`` are best imported from the
package itself (``from django_http_compat import install``).
"""

from __future__ import annotations

import importlib
import warnings
from typing import Any

#: Name -> the module that holds it now.
MOVED = {
    **dict.fromkeys(("install", "uninstall", "override", "refresh", "implementations"), "installer"),
    **dict.fromkeys(("Patch", "state", "current_config", "process_config", "is_active"), "state"),
}


def __getattr__(name: str) -> Any:
    module = MOVED.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    warnings.warn(
        f"django_http_compat.patching is deprecated and will be removed in the next release; "
        f"import {name} from django_http_compat.{module}.",
        DeprecationWarning,
        stacklevel=2,
    )
    return getattr(importlib.import_module(f"django_http_compat.{module}"), name)

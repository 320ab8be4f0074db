"""Old ``django.http`` contracts on modern Django.

``install()``/``uninstall()``/``override()`` control the shim and ``usage()``
returns the legacy calls counted so far; the names in
``SWAP_IMPORTS`` give per-module opt-in without installing the app
(``from django_http_compat import HttpResponse``).  They load lazily, so
importing this package costs almost nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what __getattr__ serves, for type checkers and IDEs
    from .installer import install, override, uninstall  # noqa: F401
    from .swap import (  # noqa: F401
        BadHeaderError,
        FileResponse,
        Http404,
        HttpRequest,
        HttpResponse,
        HttpResponseBadRequest,
        HttpResponseBase,
        HttpResponseForbidden,
        HttpResponseGone,
        HttpResponseNotAllowed,
        HttpResponseNotFound,
        HttpResponseNotModified,
        HttpResponsePermanentRedirect,
        HttpResponseRedirect,
        HttpResponseServerError,
        JsonResponse,
        MergeDict,
        QueryDict,
        RawPostDataException,
        SimpleTemplateResponse,
        StreamingHttpResponse,
        TemplateResponse,
        UnreadablePostError,
    )
    from .usage_counts import usage  # noqa: F401

__version__ = "0.1.0"

SWAP_IMPORTS = (
    "HttpResponse",
    "HttpResponseRedirect",
    "HttpResponsePermanentRedirect",
    "HttpResponseNotModified",
    "HttpResponseBadRequest",
    "HttpResponseNotFound",
    "HttpResponseForbidden",
    "HttpResponseNotAllowed",
    "HttpResponseGone",
    "HttpResponseServerError",
    "StreamingHttpResponse",
    "FileResponse",
    "JsonResponse",
    "SimpleTemplateResponse",
    "TemplateResponse",
    "MergeDict",
    # Unchanged django.http names, so a module can swap its whole import line.
    "HttpRequest",
    "QueryDict",
    "Http404",
    "BadHeaderError",
    "HttpResponseBase",
    "UnreadablePostError",
    "RawPostDataException",
)

__all__ = ["__version__", "install", "uninstall", "override", "usage", *SWAP_IMPORTS]


def __getattr__(name: str) -> Any:
    if name in ("install", "uninstall", "override"):
        from . import installer as _installer

        return getattr(_installer, name)
    if name == "usage":
        from .usage_counts import usage  # noqa: F401

        return usage
    if name in SWAP_IMPORTS:
        from . import swap

        value = getattr(swap, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

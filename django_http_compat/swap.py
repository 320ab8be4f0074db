"""The swap-import classes: Django's response classes with the legacy arguments, opt-in per module.

Each is a subclass of the Django class of the same name, so ``isinstance``
checks, middleware and the test client treat it as the original.  They obey
the same flags as the installed shim (``HTTP_COMPAT_VERSION`` and friends),
but need no ``INSTALLED_APPS`` entry and patch nothing.
"""

from __future__ import annotations

from typing import Any

import django.http as _http
from django.template import response as _template

from . import SWAP_IMPORTS
from .legacy.datastructures import MergeDict as MergeDict  # served as a swap import
from .legacy.response import LegacyArguments, LegacyKeywordArguments, LegacyRedirectArguments


def _legacy_subclass(cls: type, *mixins: type) -> Any:
    bases = (*mixins[:-1], cls, mixins[-1]) if len(mixins) > 1 else (cls, *mixins)
    return type(cls.__name__, bases, {"__module__": __name__, "__doc__": cls.__doc__})


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

"""Views that read the legacy request APIs, for tests of every way a request is built."""

from __future__ import annotations

import json

from django.http import HttpResponse, HttpResponseNotFound
from django.urls import path


def legacy_echo(request):
    """Reports what the legacy APIs show; written as old code would use them."""
    data = {
        "REQUEST": {key: request.REQUEST.getlist(key) for key in sorted(request.REQUEST.keys())},
        "is_ajax": request.is_ajax(),
        "lines": [line.decode() for line in request.xreadlines()],
        "class": type(request).__name__,
    }
    return HttpResponse(json.dumps(data), mimetype="application/json")


def not_found(request, exception):
    return HttpResponseNotFound("custom 404", mimetype="text/plain")


handler404 = not_found

urlpatterns = [path("echo/", legacy_echo), path("slash/", legacy_echo)]

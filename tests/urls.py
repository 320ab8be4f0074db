"""Views that read the legacy request APIs, for tests of every way a request is built."""

from __future__ import annotations

import json

from django.http import HttpResponse, HttpResponseNotFound, QueryDict
from django.urls import path

from tests.golden import probes


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
handler400 = probes.bad_request_view
handler500 = probes.server_error_view

urlpatterns = [
    path("echo/", legacy_echo),
    path("slash/", legacy_echo),
    path("probe/", probes.probe_view),
    path("status/", probes.status_view),
    path("headers/", probes.headers_view),
    path("form/", probes.form_view),
    path("iterator/", probes.iterator_view),
]


# Each legacy request accessor next to the modern code that replaces it, for
# tests that both meet Django's upload limits with the same response.
ACCESSORS = {
    "REQUEST": lambda r: r.REQUEST.get("a"),
    "POST": lambda r: r.POST.get("a"),
    "raw_post_data": lambda r: r.raw_post_data,
    "body": lambda r: r.body,
    "getitem": lambda r: r.has_key("a") and r["a"],
    "FILES_dict": lambda r: [f["content"] for f in r.FILES.values()],
    "FILES": lambda r: [f.read() for f in r.FILES.values()],
    "QueryDict_of_body": lambda r: QueryDict(r.body).get("a"),
}


def accessor(request, name):
    ACCESSORS[name](request)
    return HttpResponse("ok")


urlpatterns.append(path("accessor/<str:name>/", accessor))


def probing(request):
    """What code written for several Django releases does: look before using, then read the upload."""
    probes = [hasattr(request, "REQUEST"), hasattr(request, "raw_post_data")]
    return HttpResponse(" ".join(map(str, [*probes, *(f.read() for f in request.FILES.values())])))


urlpatterns.append(path("probing/", probing))

"""Views for the request-parsing suites, written in modern Django only, so the same
URLconf serves with the app installed and with it absent (plain Django)."""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.urls import path


def post(request):
    return HttpResponse(json.dumps(sorted(request.POST.lists())), content_type="application/json")


def stream(request):
    """Reads the body as a stream, never as a whole: what a view taking a raw upload does."""
    size = 0
    while chunk := request.read(4096):
        size += len(chunk)
    return HttpResponse(str(size))


def body(request):
    return HttpResponse(str(len(request.body)))


def _redirect(request) -> HttpResponse:
    # Set as a header: HttpResponseRedirect itself refuses what urlsplit() cannot parse.
    response = HttpResponse("moved", status=302)
    response["Location"] = request.GET["to"]
    return response


def location(request):
    return _redirect(request)


async def async_location(request):
    return _redirect(request)


urlpatterns = [
    path("post/", post),
    path("stream/", stream),
    path("body/", body),
    path("location/", location),
    path("async-location/", async_location),
]

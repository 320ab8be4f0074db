"""Views for test_response_content.py: each generator view next to its twin with str content
(what plain Django is compared on), for the cache middleware."""

from __future__ import annotations

from collections import Counter

from django.http import HttpResponse
from django.urls import path

CALLS: Counter[str] = Counter()


def page(label: str):
    def chunks():
        yield "<p>cached "
        yield f"{label}</p>"

    return chunks()


def generator_page(request):
    CALLS[request.path] += 1
    response = HttpResponse(page("page"), content_type="text/html; charset=utf-8")
    response["X-Page"] = "1"
    return response


def str_page(request):
    CALLS[request.path] += 1
    response = HttpResponse("".join(page("page")), content_type="text/html; charset=utf-8")
    response["X-Page"] = "1"
    return response


urlpatterns = [path(f"{kind}/page/", globals()[f"{kind}_page"]) for kind in ("generator", "str")]

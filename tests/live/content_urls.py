"""Views for test_response_content.py: each generator view next to its twin with str content
(what plain Django is compared on), for the cache middleware and ASGI servers."""

from __future__ import annotations

import threading
from collections import Counter

from django.http import HttpResponse
from django.urls import path

from tests.models import Member

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


def list_page(request):
    CALLS[request.path] += 1
    response = HttpResponse(list(page("page")), content_type="text/html; charset=utf-8")
    response["X-Page"] = "1"
    return response


def str_page(request):
    CALLS[request.path] += 1
    response = HttpResponse("".join(page("page")), content_type="text/html; charset=utf-8")
    response["X-Page"] = "1"
    return response


# --- under ASGI: the ORM, errors, and a generator that blocks ------------------------------
def _members() -> str:
    return ", ".join(Member.objects.order_by("email").values_list("email", flat=True))


def generator_members(request):
    def chunks():
        yield "members: "
        yield _members()

    return HttpResponse(chunks(), content_type="text/plain")


def str_members(request):
    return HttpResponse("members: " + _members(), content_type="text/plain")


def generator_missing(request):
    def chunks():
        yield "member: "
        yield Member.objects.get(email="nobody@example.com").email

    return HttpResponse(chunks(), content_type="text/plain")


def str_missing(request):
    return HttpResponse("member: " + Member.objects.get(email="nobody@example.com").email)


def iterable_emails(request):
    """A queryset as the content: up to 1.6 it is kept, and evaluated when the content is read."""
    emails = Member.objects.order_by("email").values_list("email", flat=True)
    return HttpResponse(emails, content_type="text/plain")


def str_emails(request):
    emails = Member.objects.order_by("email").values_list("email", flat=True)
    return HttpResponse("".join(emails), content_type="text/plain")


_events_lock = threading.Lock()
_events: dict[tuple[str, str], threading.Event] = {}


def _event(name: str, key: str) -> threading.Event:
    with _events_lock:
        return _events.setdefault((name, key), threading.Event())


def _wait_for_release(key: str) -> str:
    """Block until /release/ has been served on another connection (or give up)."""
    _event("started", key).set()
    return "released" if _event("released", key).wait(5) else "stalled"


def generator_wait(request):
    key = request.GET["key"]

    def chunks():
        yield _wait_for_release(key)

    return HttpResponse(chunks(), content_type="text/plain")


def str_wait(request):
    return HttpResponse(_wait_for_release(request.GET["key"]), content_type="text/plain")


def release(request):
    """Release a waiting view once it is blocking (409 before that, so the client retries)."""
    key = request.GET["key"]
    if not _event("started", key).is_set():
        return HttpResponse("not waiting yet", content_type="text/plain", status=409)
    _event("released", key).set()
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path(f"{kind}/{name}/", globals()[f"{kind}_{name}"])
    for kind in ("generator", "str")
    for name in ("page", "members", "missing", "wait")
] + [
    path("release/", release),
    path("list/page/", list_page),
    path("iterable/emails/", iterable_emails),
    path("str/emails/", str_emails),
]

"""Views of the concurrency suite: a legacy view that holds its ``override()`` open until released,
and modern views that answer only while it is held.

Sync views serve gunicorn's threads; the async twins share uvicorn's one event loop.
"""

from __future__ import annotations

import asyncio
import json
import threading

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import path

from django_http_compat import override

HOLD = 20  # seconds; reached only when the test goes wrong

held = threading.Event()
released = threading.Event()


def _legacy_answer() -> HttpResponse:
    user = AnonymousUser()
    body = json.dumps({"is_authenticated()": user.is_authenticated(), "held": held.is_set()})
    return HttpResponse(body, mimetype="application/json")


def _modern_answer(request) -> JsonResponse:
    user = AnonymousUser()
    is_ajax = hasattr(request, "is_ajax")
    return JsonResponse(
        {"auth": user.is_authenticated, "type": type(user.is_authenticated).__name__, "is_ajax": is_ajax}
    )


@override(version="1.4")
def legacy_hold(request):
    held.set()
    released.wait(HOLD)
    return _legacy_answer()


def modern_json(request):
    held.wait(HOLD)
    return _modern_answer(request)


def modern_redirect(request):
    held.wait(HOLD)
    return HttpResponseRedirect("/next/")


def release(request):
    released.set()
    return HttpResponse("released")


async def _until(event: threading.Event) -> None:
    # Polled, so the loop keeps serving other connections meanwhile.
    for _ in range(HOLD * 100):
        if event.is_set():
            return
        await asyncio.sleep(0.01)


@override(version="1.4")
async def async_legacy_hold(request):
    held.set()
    await _until(released)
    return _legacy_answer()


async def async_modern_json(request):
    await _until(held)
    return _modern_answer(request)


async def async_modern_redirect(request):
    await _until(held)
    return HttpResponseRedirect("/next/")


async def async_release(request):
    released.set()
    return HttpResponse("released")


urlpatterns = [
    path("legacy-hold/", legacy_hold),
    path("modern-json/", modern_json),
    path("modern-redirect/", modern_redirect),
    path("release/", release),
    path("async/legacy-hold/", async_legacy_hold),
    path("async/modern-json/", async_modern_json),
    path("async/modern-redirect/", async_modern_redirect),
    path("async/release/", async_release),
]

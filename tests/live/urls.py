"""Views for the live-server suites: each legacy entry point next to its modern equivalent.

A legacy view and its modern twin must answer every input alike, hostile input
included; ``echo`` carries one client's data through every legacy accessor at once.
"""

from __future__ import annotations

import asyncio
import json

from django.http import HttpResponse, HttpResponseRedirect
from django.urls import path


def _text(value) -> HttpResponse:
    return HttpResponse(json.dumps(value), content_type="application/json")


def echo(request):
    token = request.REQUEST["token"]
    response = HttpResponse(
        json.dumps(
            {
                "REQUEST": token,
                "item": request["token"],
                "raw_post_data": request.raw_post_data.decode(),
                "lines": [line.decode() for line in request.xreadlines()],
                "ajax": request.is_ajax(),
                "GET": request.GET.items(),
            }
        ),
        mimetype="application/json",
    )
    response._headers["x-token"] = ("X-Token", token)
    response.set_cookie("token", token)
    return response


# --- legacy entry points and their modern twins ---------------------------------------
def legacy_request(request):
    return _text([request.REQUEST.get("k"), request.REQUEST.getlist("k"), sorted(request.REQUEST)])


def modern_request(request):
    merged = sorted(set(request.POST) | set(request.GET))
    values = request.POST.getlist("k") if "k" in request.POST else request.GET.getlist("k")
    return _text([request.POST.get("k", request.GET.get("k")), values, merged])


def legacy_item(request):
    return _text(request["k"] if request.has_key("k") else None)


def modern_item(request):
    return _text(request.POST["k"] if "k" in request.POST else request.GET.get("k"))


def legacy_raw(request):
    return _text(len(request.raw_post_data))


def modern_raw(request):
    return _text(len(request.body))


def legacy_lines(request):
    return _text([len(line) for line in request.xreadlines()])


def modern_lines(request):
    return _text([len(line) for line in request])


def legacy_ajax(request):
    return _text(request.is_ajax())


def modern_ajax(request):
    return _text(request.headers.get("x-requested-with") == "XMLHttpRequest")


def legacy_files(request):
    return _text(sorted((name, f.size) for name, f in request.FILES.items()) + [request.REQUEST.get("k")])


def modern_files(request):
    return _text(
        sorted((name, f.size) for name, f in request.FILES.items())
        + [request.POST.get("k", request.GET.get("k"))]
    )


def legacy_mimetype(request):
    return HttpResponse("body", mimetype=request.GET["t"])


def modern_mimetype(request):
    return HttpResponse("body", content_type=request.GET["t"])


def legacy_headers(request):
    response = HttpResponse("body")
    response._headers["x-value"] = ("X-Value", request.GET["v"])
    return response


def modern_headers(request):
    response = HttpResponse("body")
    response.headers["X-Value"] = request.GET["v"]
    return response


def legacy_redirect(request):
    return HttpResponseRedirect(request.GET["to"], "moved")


def modern_redirect(request):
    return HttpResponseRedirect(request.GET["to"], content="moved")


def legacy_cookie(request):
    response = HttpResponse("body")
    response.set_cookie("c", request.GET["v"], max_age=60)
    return response


modern_cookie = legacy_cookie  # the same call: only the Expires text differs by era


def ok(request):
    return HttpResponse("ok")


ENTRY_POINTS = (
    "request",
    "item",
    "raw",
    "lines",
    "ajax",
    "files",
    "mimetype",
    "headers",
    "redirect",
    "cookie",
)

urlpatterns = [path("echo/", echo), path("ok/", ok)]
for _name in ENTRY_POINTS:
    urlpatterns += [
        path(f"legacy/{_name}/", globals()[f"legacy_{_name}"]),
        path(f"modern/{_name}/", globals()[f"modern_{_name}"]),
    ]


async def async_echo(request):
    """The same legacy accessors in an async view, yielding to the loop between them."""
    token = request.REQUEST["token"]
    await asyncio.sleep(0)
    item = request["token"]
    await asyncio.sleep(0)
    body = request.raw_post_data.decode()
    await asyncio.sleep(0)
    lines = [line.decode() for line in request.xreadlines()]
    response = HttpResponse(
        json.dumps(
            {
                "REQUEST": token,
                "item": item,
                "raw_post_data": body,
                "lines": lines,
                "ajax": request.is_ajax(),
                "GET": request.GET.items(),
            }
        ),
        mimetype="application/json",
    )
    await asyncio.sleep(0)
    response._headers["x-token"] = ("X-Token", token)
    response.set_cookie("token", token)
    return response


urlpatterns.append(path("async-echo/", async_echo))


# --- one view per other legacy feature of the 1.6 flag, compared with the test client ---
def feature_private_headers(request):
    response = HttpResponse("body", mimetype="text/plain")
    response._headers["x-frame-options"] = ("X-Frame-Options", "DENY")
    del response._headers["content-type"]
    response.write(json.dumps(sorted(response._headers.items())))
    return response


def feature_reason_phrase(request):
    from django.http import HttpResponseNotFound

    return HttpResponseNotFound("gone")


def feature_str_message(request):
    return HttpResponse(str(HttpResponse("x", mimetype="text/plain")), mimetype="text/plain")


def feature_cookie_dates(request):
    import datetime

    response = HttpResponse("body")
    response.set_cookie("fixed", "1", expires=datetime.datetime(2030, 1, 2, 3, 4, 5))
    response.delete_cookie("gone")
    return response


def feature_merge_dict(request):
    from django.utils.datastructures import MergeDict

    merged = MergeDict(request.POST, request.GET)
    return _text([merged.get("k"), merged.getlist("k"), "k" in merged])


def feature_request_repr(request):
    from django.http import build_request_repr

    text = build_request_repr(
        request, GET_override={"a": "1"}, POST_override={}, COOKIES_override={}, META_override={}
    )
    return _text(text.split("\n", 1)[1])


def feature_phrase_tables(request):
    from django.http.response import REASON_PHRASES

    return _text([REASON_PHRASES[404], REASON_PHRASES.get(418)])


def feature_user_methods(request):
    from django.contrib.auth.models import AnonymousUser

    user = AnonymousUser()
    return _text([bool(user.is_authenticated()), bool(user.is_anonymous())])


def feature_key_error(request):
    try:
        request.GET["missing"]
    except KeyError as exc:
        return _text(str(exc))


def feature_post_charset(request):
    return _text(request.POST.get("k"))


def feature_redirect_content(request):
    return HttpResponseRedirect("/next/", "moved")


def feature_querydict(request):
    keys = request.GET.keys()
    keys.sort()
    return _text([keys, sorted(request.GET.iteritems()), request.GET.has_key("a")])


def feature_iterable_container(request):
    items = ["<p>", "kept", "</p>"]
    response = HttpResponse(items)
    items.append("!")  # the list is the content up to 1.6: this is sent too
    return response


def feature_own_iterator(request):
    response = HttpResponse(["a", "b"])
    passes = [iter(response) is response, response.next(), b"".join(response), b"".join(response)]
    return _text([part.decode() if isinstance(part, bytes) else part for part in passes])


FEATURE_VIEWS = {
    name[len("feature_") :].replace("_", "-"): view
    for name, view in globals().items()
    if name.startswith("feature_")
}
urlpatterns += [path(f"feature/{name}/", view) for name, view in FEATURE_VIEWS.items()]

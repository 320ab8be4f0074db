"""A middleware as a Django 3.1 project wrote it: it reads and rewrites ``response._headers``."""

from __future__ import annotations


class LegacyHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        names = sorted(name for name, _ in response._headers.values())
        response._headers["x-seen"] = ("X-Seen", ",".join(names))
        if "x-drop" in response._headers:
            del response._headers["x-drop"]
        if request.GET.get("inject"):
            response._headers["x-injected"] = ("X-Injected", request.GET["inject"])
        return response

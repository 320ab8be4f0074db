"""Serving a request through Django's WSGI handler as a server does, for the legacy tests."""

from __future__ import annotations

from django.core.handlers.wsgi import WSGIHandler
from django.test import override_settings

from tests.golden.probes import make_request


def run_wsgi(path: str, query: str = "", **settings) -> tuple[str, list, list[bytes]]:
    """Serve ``path`` through WSGIHandler, reading the body chunk by chunk as a server does."""
    environ = make_request("GET", query).environ
    environ["PATH_INFO"] = path
    captured = []
    with override_settings(**settings):
        result = WSGIHandler()(
            environ, lambda status, headers, exc_info=None: captured.append((status, headers))
        )
        chunks = list(result)
        result.close()
    status, headers = captured[0]
    return status, headers, chunks

"""What the old request handler did to every response: relative Location made absolute.

Old releases rewrote a relative ``Location`` into an absolute URI after the
view and middleware had run, so servers, and tests through the test client,
saw ``http://testserver/next/``.  The rewrite is one of the request handler's
fixes, applied by ``handler`` to every response.  The host comes from
``request.get_host()``, so ALLOWED_HOSTS still applies: a request whose host
is not allowed keeps its relative Location.

The rewrite runs after Django's handler has turned exceptions into
responses, so it must not raise: a Location it cannot rewrite (a host not
allowed, a URL ``urlsplit()`` refuses such as ``//[``) is sent as the view
gave it, as plain Django sends it.

Old code could also call the handler's helper itself, as
``django.http.fix_location_header()`` (served by name, see ``module_names``).

Tests meet the rewrite in ``assertRedirects()``.  Up to 1.8 it made a
relative expected URL absolute before comparing, so old tests pass either
form; modern Django compares the URL as given, so ``assertRedirects(response,
"/next/")`` would fail on every redirect the rewrite reached.  While the
feature is on, a relative expected URL is therefore made absolute as the
redirect was: with its scheme, and the host the request went to
(``testserver`` for a followed redirect, the test client's host, as 1.8 had it).
The rest of the assertion, fetching the target included, is modern Django's.
``django.test`` is imported by tests only (importing it costs about 100 ms),
so that patch waits for it: see ``WAITS_FOR`` and the installer.
"""

from __future__ import annotations

import contextlib
import functools
import sys
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from django.http import HttpRequest
from django.http.response import HttpResponseBase

from django_http_compat.state import Patch, is_active
from django_http_compat.warnings import warn


def make_location_absolute(request: HttpRequest, response: HttpResponseBase) -> None:
    location = response.headers.get("Location")
    # Whatever fails (DisallowedHost, ValueError from urlsplit(), a misconfigured
    # SECURE_PROXY_SSL_HEADER), nothing after this would catch it.
    if location:
        with contextlib.suppress(Exception):
            response["Location"] = request.build_absolute_uri(location)


def fix_location_header(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
    """``django.http.fix_location_header()``: the same rewrite, called by old code itself.

    Called from a view or middleware, a failure is the caller's to see, as it
    was: a host outside ALLOWED_HOSTS raises ``DisallowedHost`` (a 400).
    """
    if response.has_header("Location"):
        response["Location"] = request.build_absolute_uri(response["Location"])
    return response


def expected_as_compared(response: Any, expected_url: Any) -> Any:
    """``expected_url``, absolute if it is relative and the redirect was made absolute."""
    try:
        expected = urlsplit(str(expected_url))  # str(): reverse_lazy()
        chain = getattr(response, "redirect_chain", None)
        if chain:
            redirect, host = urlsplit(chain[-1][0]), "testserver"
        else:
            redirect = urlsplit(response.headers.get("Location", ""))
            request = getattr(response, "wsgi_request", None) or getattr(response, "asgi_request", None)
            host = request.get_host() if request is not None else "testserver"
    except Exception:
        # Not a redirect, or one the rewrite left alone (a host not allowed, a
        # URL urlsplit() refuses): modern Django's assertion says what is wrong.
        return expected_url
    if expected.scheme or expected.netloc or not (redirect.scheme and redirect.netloc):
        return expected_url
    return urlunsplit((redirect.scheme, host, expected.path, expected.query, expected.fragment))


def expected_without_host(response: Any, expected_url: Any) -> Any:
    """``expected_url`` without scheme and host where only that tells it from a relative redirect (1.9 to 1.11).

    Those releases no longer made a Location absolute, and stripped the
    scheme and host that tests written before still expected.
    """
    try:
        chain = getattr(response, "redirect_chain", None)
        url = chain[-1][0] if chain else response.headers["Location"]
        if not urlsplit(url).path.startswith("/"):
            url = urljoin(response.request["PATH_INFO"], url)
        expected = urlsplit(str(expected_url))
    except Exception:
        return expected_url  # not a redirect: modern Django's assertion says so
    relative = urlunsplit(("", "", expected.path, expected.query, expected.fragment))
    if url == str(expected_url) or url != relative:
        return expected_url
    warn("test_assert_redirects_strips_host", _caller_depth=3)
    return relative


#: Module -> the features whose patches here wait for it; the installer applies them once it is imported.
WAITS_FOR = {"django.test.testcases": ("response_absolute_location", "test_assert_redirects_strips_host")}


@functools.cache
def _assert_redirects(test_case: type) -> Any:
    """``assertRedirects`` for ``test_case`` (Django's SimpleTestCase), made once: patches are compared by identity."""
    modern = vars(test_case)["assertRedirects"]

    @functools.wraps(modern)
    def assert_redirects(self: Any, response: Any, expected_url: Any, *args: Any, **kwargs: Any) -> None:
        if is_active("response_absolute_location"):
            expected_url = expected_as_compared(response, expected_url)
        elif is_active("test_assert_redirects_strips_host"):
            expected_url = expected_without_host(response, expected_url)
        modern(self, response, expected_url, *args, **kwargs)

    return assert_redirects


def patches() -> dict[str, list[Patch]]:
    assertion: list[Patch] = []
    testcases = sys.modules.get("django.test.testcases")
    if testcases is not None and hasattr(testcases, "SimpleTestCase"):  # not while it is being imported
        test_case = testcases.SimpleTestCase
        assertion.append(Patch(test_case, "assertRedirects", _assert_redirects(test_case)))
    return {"response_absolute_location": assertion, "test_assert_redirects_strips_host": assertion}

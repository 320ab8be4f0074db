"""Names old code imports from modules that no longer have them (legacy/module_names.py)."""

from __future__ import annotations

import importlib
import sys

import pytest
from django.core.exceptions import DisallowedHost
from django.http import HttpResponseRedirect

from django_http_compat import install, override, uninstall
from tests.golden.probes import make_request
from tests.legacy.uses import check_use, warns


@override(version="1.4", warnings="ignore")
def test_get_host_still_validates_the_host():
    request = make_request(headers={"HTTP_HOST": "evil.example"})
    with pytest.raises(DisallowedHost):
        served("django.http", "get_host")(request)


def served(module: str, name: str):
    """``module.name`` looked up here, as old code's import would (a served name warns at this file)."""
    return getattr(importlib.import_module(module), name)


# feature id -> (a release that had it, a use of it as old code wrote it)
def _head_without_body() -> tuple[bytes, str | None]:
    from django.http import HttpResponse

    remove = served("django.http", "conditional_content_removal")
    response = remove(make_request("HEAD", ""), HttpResponse("body"))
    return response.content, response.get("Content-Length")


USES = {
    "http_get_host": ("1.4", lambda: served("django.http", "get_host")(make_request())),
    "http_conditional_content_removal": ("1.8", _head_without_body),
    "http_cookie_module": ("1.4", lambda: served("django.http", "Cookie").SimpleCookie("a=1")["a"].value),
    "utils_http_urllib_parse": ("1.5", lambda: served("django.utils.http", "urllib_parse").quote("a b")),
    "http_module_names": ("1.4", lambda: served("django.http", "smart_str")(b"x")),
    "http_fix_IE_helpers": (
        "1.3",
        lambda: served("django.http", "fix_IE_for_vary")(
            make_request(headers={"HTTP_USER_AGENT": "MSIE 6.0"}), _with_vary()
        ).get("Vary"),
    ),
}


def _with_vary():
    from django.http import HttpResponse

    response = HttpResponse(content_type="image/png")
    response["Vary"] = "Cookie"
    return response


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)


@pytest.mark.parametrize(
    ("method", "status", "expected"),
    [
        ("HEAD", 200, (b"", None)),
        ("GET", 304, (b"", "0")),
        ("GET", 204, (b"", "0")),
        ("GET", 100, (b"", "0")),
        ("GET", 200, (b"body", None)),
        ("GET", 404, (b"body", None)),
    ],
)
def test_conditional_content_removal_empties_bodies_as_1_9_did(method, status, expected):
    from django.http import HttpResponse, StreamingHttpResponse

    with override(version="1.9"), warns("http_conditional_content_removal"):
        remove = served("django.http", "conditional_content_removal")
        response = HttpResponse("body", status=status)
        assert remove(make_request(method, ""), response) is response
        assert (response.content, response.get("Content-Length")) == expected
        streaming = remove(make_request(method, ""), StreamingHttpResponse(["body"], status=status))
        assert b"".join(streaming) == expected[0]


def test_served_modules_are_pythons_own():
    import http.cookies
    import urllib.parse

    with override(version="1.3"), warns("http_cookie_module"):
        assert served("django.http", "Cookie") is http.cookies
    with override(version="1.5"), warns("utils_http_urllib_parse"):
        assert served("django.utils.http", "urllib_parse") is urllib.parse
    for version, module, name in (
        ("1.5", "django.http", "Cookie"),
        ("1.6", "django.utils.http", "urllib_parse"),
    ):
        with override(version=version), pytest.raises(AttributeError):
            served(module, name)


@pytest.mark.parametrize(
    ("release", "present"),
    [
        ("1.2", set()),
        ("1.3", {"HttpResponseRedirectBase", "validate_host", "cookie_date", "SuspiciousOperation"}),
        (
            "1.4",
            {
                "HttpResponseRedirectBase",
                "validate_host",
                "cookie_date",
                "SuspiciousOperation",
                "RAISE_ERROR",
            },
        ),
    ],
)
def test_django_http_has_the_names_of_its_release(release, present):
    import django.http

    late = {"HttpResponseRedirectBase", "validate_host", "cookie_date", "SuspiciousOperation", "RAISE_ERROR"}
    with override(version=release, warnings="ignore"):
        assert {name for name in late if hasattr(django.http, name)} == present
        assert hasattr(django.http, "smart_str")  # 1.1's names, at every release up to 1.4


def _utils_names() -> list[str] | str:
    try:
        module = importlib.import_module("django.http.utils")
    except ImportError as exc:
        return type(exc).__name__
    return [name for name in dir(module) if not name.startswith("_")]


@pytest.mark.parametrize(
    ("release", "names"),
    [
        (
            "1.3",
            ["conditional_content_removal", "fix_IE_for_attach", "fix_IE_for_vary", "fix_location_header"],
        ),
        ("1.4", ["conditional_content_removal", "fix_location_header"]),
        ("1.8", ["conditional_content_removal", "fix_location_header"]),
        ("1.9", ["conditional_content_removal"]),
        ("1.10", "ModuleNotFoundError"),
        ("6.1", "ModuleNotFoundError"),
    ],
)
def test_django_http_utils_is_a_module_up_to_1_9(release, names, reinstall):
    import django.http

    with override(version=release, warnings="ignore"):
        assert _utils_names() == names
        assert hasattr(django.http, "utils") is isinstance(names, list)
    # Imported under one flag, it is not left where another context would find it.
    assert "django.http.utils" not in sys.modules and "utils" not in vars(django.http)


@override(version="1.8")
def test_django_http_utils_serves_the_shim_s_own_helpers():
    from django_http_compat.legacy.handler import conditional_content_removal
    from django_http_compat.legacy.location import fix_location_header

    with warns("http_fix_location_header", "http_conditional_content_removal"):
        from django.http.utils import conditional_content_removal as served_removal
        from django.http.utils import fix_location_header as served_fix
    assert (served_fix, served_removal) == (fix_location_header, conditional_content_removal)
    with warns("http_fix_location_header"):
        import django.http.utils

        response = django.http.utils.fix_location_header(make_request(), HttpResponseRedirect("/to/"))
    assert response["Location"] == "http://testserver/to/"


def test_an_import_in_another_context_does_not_see_it(reinstall):
    """An override serving django.http.utils elsewhere leaves plain Django's import error here."""
    import contextvars

    install(version="6.1")
    context = contextvars.copy_context()
    legacy = override(version="1.8", warnings="ignore")
    context.run(legacy.__enter__)
    try:
        assert context.run(_utils_names) == ["conditional_content_removal", "fix_location_header"]
        assert _utils_names() == "ModuleNotFoundError"
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module("django.http.utils")
    finally:
        context.run(legacy.__exit__, None, None, None)
    uninstall()
    assert django_meta_path_is_plain()


def django_meta_path_is_plain() -> bool:
    from django_http_compat.legacy.module_names import META_PATH

    return not vars(META_PATH) and not any(
        type(f).__module__.startswith("django_http_compat") for f in sys.meta_path
    )


def _ie_fixed(agent: str, content_type: str = "application/pdf"):
    from django.http import HttpResponse

    response = HttpResponse(b"%PDF", content_type=content_type)
    response["Content-Disposition"] = "attachment; filename=a.pdf"
    response["Cache-Control"] = "no-cache, max-age=60, no-store"
    response["Pragma"] = "no-cache"
    response["Vary"] = "Cookie"
    request = make_request(headers={"HTTP_USER_AGENT": agent})
    response = served("django.http.utils", "fix_IE_for_vary")(request, response)
    response = served("django.http", "fix_IE_for_attach")(request, response)
    return [(name, response.get(name)) for name in ("Cache-Control", "Pragma", "Vary")]


@override(version="1.3", warnings="ignore")
def test_the_internet_explorer_fixes_touch_only_its_responses():
    assert _ie_fixed("Mozilla/4.0 (compatible; MSIE 8.0)") == [
        ("Cache-Control", "max-age=60"),
        ("Pragma", None),
        ("Vary", None),
    ]
    assert _ie_fixed("Mozilla/5.0 (compatible; MSIE 8.0)", "text/html")[2] == ("Vary", "Cookie")
    assert _ie_fixed("Mozilla/5.0 Firefox/3.6") == [
        ("Cache-Control", "no-cache, max-age=60, no-store"),
        ("Pragma", "no-cache"),
        ("Vary", "Cookie"),
    ]

"""Upper-case reason phrases and the old phrase tables (legacy/reason_phrases.py)."""

from __future__ import annotations

import importlib
import logging

import django.http
import pytest
from django.http import HttpResponse, HttpResponseRedirect

from django_http_compat import override
from tests.golden.probes.common import served
from tests.golden.probes.response import SERVED
from tests.legacy.uses import check_use, warns


def _late_404() -> str:
    response = HttpResponse()
    response.status_code = 404
    return response.reason_phrase


def test_swap_import_classes_get_the_era_reason_phrase():
    from django_http_compat import HttpResponse as SwappedResponse

    with override(version="1.8"):
        response = SwappedResponse("x", status=404)
        response.status_code = 200
        assert response.reason_phrase == "NOT FOUND"  # fixed at construction, as in 1.6-1.8


# feature id -> (a release that had it, a use of it as old code wrote it)
USES = {
    "response_upper_reason_phrases": ("1.8", _late_404),
    "http_reason_phrase_tables": (
        "1.6",
        lambda: importlib.import_module("django.http.response").REASON_PHRASES[404],
    ),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)


@pytest.mark.parametrize(
    ("label", "status", "log"),
    [
        ("raise_404", "404 NOT FOUND", ("WARNING", "Not Found: /form/")),
        ("not_found", "404 NOT FOUND", ("WARNING", "Not Found: /form/")),
        ("raise_500", "500 INTERNAL SERVER ERROR", ("ERROR", "Internal Server Error: /form/")),
        ("return_503", "503 SERVICE UNAVAILABLE", ("ERROR", "Service Unavailable: /form/")),
    ],
)
@override(version="1.6", warnings="ignore")  # tests/urls.py's handler404 passes mimetype=
def test_the_request_log_keeps_title_case_while_the_status_line_is_upper_case(caplog, label, status, log):
    """1.6's handler logged "Not Found: /x" (recorded in the golden data), never the phrase."""
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert served("form/", "form=" + label)["status"] == status
    assert [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "django.request"] == [log]


@override(version="1.6")
def test_the_request_log_of_an_explicit_reason_is_the_view_s(caplog, monkeypatch):
    monkeypatch.setitem(
        SERVED, "reason", lambda request: HttpResponse("x", status=404, reason="Gone Fishing")
    )
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert served("form/", "form=reason")["status"] == "404 Gone Fishing"
    assert [r.getMessage() for r in caplog.records if r.name == "django.request"] == ["Gone Fishing: /form/"]


@pytest.mark.skipif(not hasattr(HttpResponseRedirect, "status_code_preserve_request"), reason="Django 5.2's")
@pytest.mark.parametrize(
    ("version", "temporary", "permanent"),
    [
        # The 1.6.11 and 1.7.11 tables (tests/golden/data): 308 came in 1.7.
        ("1.6", "TEMPORARY REDIRECT", "UNKNOWN STATUS CODE"),
        ("1.7", "TEMPORARY REDIRECT", "PERMANENT REDIRECT"),
        ("1.8", "TEMPORARY REDIRECT", "PERMANENT REDIRECT"),
    ],
)
@pytest.mark.parametrize("swapped", [False, True], ids=["django", "swap-import"])
def test_a_redirect_preserving_the_request_gets_the_phrase_of_its_status(
    version, temporary, permanent, swapped
):
    import django_http_compat

    module = django_http_compat if swapped else django.http
    with override(version=version, warnings="ignore"):
        found = module.HttpResponseRedirect("/x/", preserve_request=True)
        moved = module.HttpResponsePermanentRedirect("/x/", preserve_request=True)
        explicit = module.HttpResponseRedirect("/x/", preserve_request=True, reason="Go")
        plain = module.HttpResponseRedirect("/x/")
    assert (found.status_code, found.reason_phrase) == (307, temporary)
    assert (moved.status_code, moved.reason_phrase) == (308, permanent)
    assert explicit.reason_phrase == "Go"
    assert plain.reason_phrase == "FOUND"
    found.status_code = 200
    assert found.reason_phrase == temporary  # still fixed at construction


@pytest.mark.skipif(not hasattr(HttpResponseRedirect, "status_code_preserve_request"), reason="Django 5.2's")
def test_without_the_redirect_constructor_patch_a_redirect_phrase_follows_its_status():
    with override(version="1.8", features={"response_redirect_positional_content": False}):
        response = HttpResponseRedirect("/x/", preserve_request=True)
        assert (response.status_code, response.reason_phrase) == (307, "TEMPORARY REDIRECT")


@pytest.mark.parametrize(
    ("version", "has", "lacks"),
    [
        ("1.3", {400, 404}, {102, 207, 422, 418, 308}),
        ("1.4", {102, 207, 422, 510}, {418, 429, 308}),
        ("1.6", {418, 429, 511}, {308}),
        ("1.8", {308, 418, 102}, set()),
    ],
)
def test_the_tables_are_the_flagged_releases(version, has, lacks):
    wsgi = importlib.import_module("django.core.handlers.wsgi")
    with override(version=version), warns("http_reason_phrase_tables"):
        table = wsgi.STATUS_CODE_TEXT
        assert wsgi.STATUS_CODE_TEXT is table  # one table per release, as the module-level dict was
    assert has <= set(table) and not lacks & set(table)
    table[599] = "CHANGED"  # a copy: no phrase the shim gives changes
    try:
        with override(version=version):
            assert HttpResponse("x", status=599).reason_phrase == "UNKNOWN STATUS CODE"
    finally:
        del table[599]


@pytest.mark.parametrize(
    ("version", "code", "phrase"), [("1.3", 102, "UNKNOWN STATUS CODE"), ("1.4", 102, "PROCESSING")]
)
def test_the_status_line_uses_the_flagged_releases_table(version, code, phrase):
    with override(version=version):
        assert HttpResponse("x", status=code).reason_phrase == phrase


def test_reason_phrases_arrived_in_1_6():
    response_module = importlib.import_module("django.http.response")
    with override(version="1.5"), warns("http_reason_phrase_tables"), pytest.raises(AttributeError):
        response_module.REASON_PHRASES  # noqa: B018
    with override(version="1.6"), warns("http_reason_phrase_tables"):
        assert response_module.REASON_PHRASES[418] == "I'M A TEAPOT"

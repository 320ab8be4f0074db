"""Upper-case reason phrases and the old phrase tables (legacy/reason_phrases.py)."""

from __future__ import annotations

import importlib

import pytest
from django.http import HttpResponse

from django_http_compat import override
from tests.legacy.uses import check_use


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

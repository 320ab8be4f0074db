"""MediaType.is_all_types (legacy/media_type.py)."""

from __future__ import annotations

import pytest
from django.http.request import MediaType

from django_http_compat import override
from tests.golden.probes import make_request
from tests.legacy.uses import check_use

# feature id -> (a release that had it, a use of it as old code wrote it)
USES = {
    "request_media_type_is_all_types": (
        "3.2",
        lambda: [MediaType(value).is_all_types for value in ("*/*", "*/*; q=0.5", "text/*", "text/html", "")],
    ),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)


@override(version="3.2", warnings="error")
def test_django_s_own_use_does_not_warn():
    """Django up to 5.1 asks is_all_types itself, in request.accepts(); only old code's own use warns."""
    request = make_request(headers={"HTTP_ACCEPT": "*/*"})
    assert request.accepts("text/html") is True

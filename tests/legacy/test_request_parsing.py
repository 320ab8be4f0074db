"""How old releases turned a POST body into request.POST (legacy/request_parsing.py).

Hostile bodies and charsets, through the test client and real servers, are in
tests/live/test_hostile_parsing.py."""

from __future__ import annotations

import pytest

from django_http_compat import override
from tests.golden.probes import MULTIPART, URLENCODED, make_request, multipart
from tests.legacy.uses import check_use


@override(version="1.10", warnings="ignore")
def test_only_a_multipart_post_becomes_mutable():
    form = make_request("POST", "g=1", multipart([("a", "1")]), MULTIPART)
    form.POST["a"] = "2"
    assert form.POST["a"] == "2"
    with pytest.raises(AttributeError, match="immutable"):
        form.GET["g"] = "2"
    with pytest.raises(AttributeError, match="immutable"):
        make_request("POST", "", b"a=1", URLENCODED).POST["a"] = "2"


# feature id -> (a release that had it, a use of it as old code wrote it)
USES = {
    "request_post_any_content_type": (
        "1.4",
        lambda: dict(make_request("POST", "", b"a=1", "text/plain").POST),
    ),
    "request_post_charset": (
        "4.2",
        lambda: make_request("POST", "", b"n=caf%E9", URLENCODED + "; charset=latin-1").POST["n"],
    ),
    "request_multipart_post_mutable": (
        "1.10",
        lambda: make_request("POST", "", multipart([("a", "1")]), MULTIPART).POST.__setitem__("a", "2"),
    ),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)

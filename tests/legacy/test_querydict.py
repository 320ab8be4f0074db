"""The Python 2 era QueryDict and MultiValueDict (legacy/querydict.py)."""

from __future__ import annotations

import pytest
from django.core.exceptions import TooManyFieldsSent
from django.http import QueryDict
from django.test import Client, override_settings

from django_http_compat import override
from tests.golden.probes import URLENCODED, make_request
from tests.legacy.uses import check_use


def _error_args(call):
    try:
        call()
    except KeyError as exc:
        return exc.args
    raise AssertionError("no KeyError")


# feature id -> (a release that had it, a use of it as old code wrote it)
USES = {
    "querydict_py2_methods": ("1.11", lambda: QueryDict("a=1").has_key("a")),
    "querydict_list_returns": ("1.11", lambda: QueryDict("a=1&b=2").keys()[1]),
    "querydict_key_error_args": ("1.6", lambda: _error_args(lambda: QueryDict("a=1")["b"])),
    "querydict_bytes_decoding": ("1.6", lambda: QueryDict(b"q=caf\xe9")["q"]),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)


DECODED = {
    # query string: (up to 1.6, 1.7 to 1.10, from 1.11 as modern Django)
    b"q=caf\xe9": ({"q": ["caf\ufffd"]}, {"q": ["caf\xe9"]}, {"q": ["caf\xe9"]}),
    b"q=caf%E9": ({"q": ["caf\ufffd"]}, {"q": ["caf\xe9"]}, {"q": ["caf\ufffd"]}),
    b"k\xe9=v\xe9&k%E9=v%E9": (
        {"k\ufffd": ["v\ufffd", "v\ufffd"]},
        {"k\ufffd": ["v\xe9", "v\xe9"]},
        {"k\xe9": ["v\xe9"], "k\ufffd": ["v\ufffd"]},
    ),
    b"q=caf%C3%A9&r=caf\xc3\xa9": ({"q": ["caf\xe9"], "r": ["caf\xe9"]},) * 3,
    b"a=1&a=%2B+": ({"a": ["1", "+ "]},) * 3,
}


@pytest.mark.parametrize("query", DECODED)
@pytest.mark.parametrize(("release", "era"), [("1.6", 0), ("1.7", 1), ("1.10", 1), ("1.11", 2)])
def test_bytes_are_decoded_after_percent_decoding_as_each_era_did(query, release, era):
    with override(version=release, warnings="ignore"):
        for built in (
            QueryDict(query),
            make_request("GET", query.decode("latin-1")).GET,
            make_request("POST", "", query, URLENCODED).POST,
        ):
            assert dict(built.lists()) == DECODED[query][era]
            assert (built.encoding, built._mutable) == ("utf-8", False)
        assert QueryDict(query, mutable=True)._mutable


@pytest.mark.parametrize("release", ["1.6", "1.7"])
def test_text_stays_on_the_modern_path(release):
    with override(version=release, warnings="ignore"):
        assert dict(QueryDict("q=caf%E9&r=\xe9").lists()) == {"q": ["caf\ufffd"], "r": ["\xe9"]}


@pytest.mark.parametrize("release", ["1.6", "1.7"])
@pytest.mark.parametrize("query", [b"a=\xe9&b=2&c=3", b"a=%E9&b=2&c=3"])
def test_the_field_limit_holds_on_the_legacy_decoding(release, query):
    client = Client()
    with override(version=release, warnings="ignore"), override_settings(DATA_UPLOAD_MAX_NUMBER_FIELDS=2):
        with pytest.raises(TooManyFieldsSent):
            QueryDict(query)
        with pytest.raises(TooManyFieldsSent):
            _ = make_request("GET", query.decode("latin-1")).GET
        assert client.post("/probe/", query, content_type=URLENCODED).status_code == 400

"""The Python 2 era QueryDict and MultiValueDict (legacy/querydict.py)."""

from __future__ import annotations

import pytest
from django.http import QueryDict

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
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)

"""MergeDict, the read-only chain of dicts behind request.REQUEST (legacy/datastructures.py)."""

from __future__ import annotations

import importlib

import pytest

from tests.legacy.uses import check_use


def served(module: str, name: str):
    """``module.name`` looked up here, as old code's import would (a served name warns at this file)."""
    return getattr(importlib.import_module(module), name)


# feature id -> (a release that had it, a use of it as old code wrote it)
USES = {
    "datastructures_MergeDict": ("1.8", lambda: served("django.utils.datastructures", "MergeDict").__name__),
}


@pytest.mark.parametrize("feature_id", sorted(USES))
def test_legacy_api_works_under_its_flag_and_is_absent_at_a_modern_one(feature_id, reinstall):
    check_use(feature_id, *USES[feature_id], __file__)


@pytest.mark.parametrize(("release", "plain_repr"), [("1.2", True), ("1.3", False), ("1.8", False)])
def test_repr_and_str_are_the_default_object_repr_before_1_3(release, plain_repr):
    from django.http import QueryDict

    from django_http_compat import override
    from django_http_compat.legacy.datastructures import MergeDict

    merged = MergeDict(QueryDict("a=1"), {"b": 2})
    with override(version=release, warnings="ignore"):
        shown = repr(merged), str(merged)
    default = f"<django.utils.datastructures.MergeDict object at {id(merged):#x}>"
    if plain_repr:
        assert shown == (default, default)
    else:
        assert shown == ("MergeDict(<QueryDict: {'a': ['1']}>, {'b': 2})", "{'a': '1', 'b': 2}")

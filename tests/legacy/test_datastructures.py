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

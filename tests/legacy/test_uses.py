"""Every legacy feature has one use, in the test file of a behaviour module that implements it.

The tests mirror the code: ``tests/legacy/test_<module>.py`` for each module
of ``django_http_compat/legacy/``, holding the ``USES`` rows of the features
that module implements (``uses.check_use`` runs them).
"""

from __future__ import annotations

import importlib
from collections import Counter
from pathlib import Path

import pytest

from django_http_compat.features import FEATURES

from .implemented import implemented_by

HERE = Path(__file__).parent
MODULES = sorted(implemented_by())


def uses_of(module: str) -> dict:
    return getattr(importlib.import_module(f"tests.legacy.test_{module}"), "USES", {})


def test_every_behaviour_module_has_its_test_file():
    assert [module for module in MODULES if not (HERE / f"test_{module}.py").exists()] == []


def test_every_feature_has_exactly_one_use():
    counted = Counter(feature_id for module in MODULES for feature_id in uses_of(module))
    assert counted == Counter(feature.id for feature in FEATURES)


@pytest.mark.parametrize("module", MODULES)
def test_a_module_s_uses_are_features_it_implements(module):
    assert set(uses_of(module)) <= implemented_by()[module]

"""Every era a behaviour module tells apart is declared on a feature it implements.

Behaviour modules pick the era with ``before("1.4")`` / ``at_least("1.4")``;
the registry declares the same releases in ``Feature.changes`` (or as the
feature's ``added``/``removed``), where the docs render them.  This walks
``legacy/`` with ``ast`` so neither side can change alone.
"""

from __future__ import annotations

import ast

import pytest

from django_http_compat.features import FEATURES_BY_ID
from django_http_compat.versions import RELEASES

from .implemented import LEGACY_DIR, implemented_by

ERA_CHECKS = {"before", "at_least"}


def era_releases(tree: ast.AST) -> list[tuple[int, object]]:
    """(line, argument) of every era check, and (line, text) of every other release-name literal."""
    found = []
    in_checks = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            if name in ERA_CHECKS:
                argument = node.args[0] if node.args else None
                in_checks.add(id(argument))
                literal = isinstance(argument, ast.Constant) and isinstance(argument.value, str)
                found.append((node.lineno, argument.value if literal else ast.dump(argument)))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and node.value in RELEASES and id(node) not in in_checks:
            found.append((node.lineno, node.value))
    return found


def declared(feature_ids: set[str]) -> set[str]:
    """The releases these features mark: their first, their last and each declared change."""
    releases = set()
    for feature_id in feature_ids:
        feature = FEATURES_BY_ID[feature_id]
        releases |= {feature.added, feature.removed, *(version for version, _sentence in feature.changes)}
    return releases


MODULES = sorted(implemented_by().items())


@pytest.mark.parametrize(("module", "features"), MODULES, ids=[name for name, _ in MODULES])
def test_each_era_in_the_code_is_declared_on_a_feature_of_its_module(module, features):
    source = (LEGACY_DIR / f"{module}.py").read_text()
    allowed = declared(features)
    undeclared = [(line, value) for line, value in era_releases(ast.parse(source)) if value not in allowed]
    assert undeclared == [], f"declare these in Feature.changes of one of {sorted(features)}"


def test_the_walk_finds_era_checks_and_release_literals():
    tree = ast.parse('if before("1.6") and state.at_least(release):\n    TABLE = {"1.4": 1, "x": 2}\n')
    assert era_releases(tree) == [(1, "1.6"), (1, "Name(id='release', ctx=Load())"), (2, "1.4")]


def test_every_declared_change_is_used_by_the_code():
    """A change declared but never told apart in code would be documented and not done."""
    used: dict[str, set[str]] = {}
    for module, features in MODULES:
        releases = {
            value for _line, value in era_releases(ast.parse((LEGACY_DIR / f"{module}.py").read_text()))
        }
        for feature_id in features:
            used.setdefault(feature_id, set()).update(releases)
    unused = {
        (feature.id, version)
        for feature in FEATURES_BY_ID.values()
        for version, _sentence in feature.changes
        if version not in used.get(feature.id, set())
    }
    assert unused == set()

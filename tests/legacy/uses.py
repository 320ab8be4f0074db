"""One check for every legacy feature: it works under its flag and is absent at a modern one.

Each ``tests/legacy/test_<module>.py`` holds a table ``USES``: feature id ->
(a release that had it, a use of it as old code wrote it), for the features
its behaviour module implements, and runs ``check_use`` on each row with the
``reinstall`` fixture (``check_use`` uninstalls the shim to see plain Django).
``test_uses.py`` requires every feature to have exactly one row.

``warns(*feature_ids)`` is ``pytest.warns`` with each feature's category and
id, around the legacy calls a test makes on purpose.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Callable
from typing import Any

import django
import pytest

from django_http_compat import override, uninstall
from django_http_compat.features import FEATURES_BY_ID
from django_http_compat.warnings import CATEGORY_OF


def outcome(use: Callable[[], Any]) -> tuple[Any, ...]:
    try:
        return ("value", use())
    except Exception as exc:
        return ("error", type(exc), str(exc))


def check_refused_as_plain_django(use: Callable[[], Any]) -> None:
    """At a modern flag a removed API fails exactly as in plain Django: same exception, same text."""
    with override(version="5.2"):
        flagged = outcome(use)
    uninstall()
    plain = outcome(use)
    assert plain[0] == "error", plain
    assert flagged == plain


def check_use(feature_id: str, release: str, use: Callable[[], Any], caller_file: str) -> None:
    """Modern flag == plain Django; the flagged release works, differs and warns at the caller."""
    feature = FEATURES_BY_ID[feature_id]
    with override(version="6.1"):
        modern = outcome(use)
    uninstall()
    plain = outcome(use)
    assert modern == plain
    with override(version=release, warnings="always"), warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        legacy = outcome(use)
    assert legacy[0] == "value", legacy
    if django.VERSION[:2] < feature.removed_version:
        assert legacy == plain  # the installed Django still behaves this way itself
    else:
        assert legacy != plain
    ours = [w for w in caught if issubclass(w.category, CATEGORY_OF[feature_id])]
    if feature.warns:
        assert ours and all(w.filename == caller_file for w in ours)
        assert str(ours[0].message) == feature.warning_message
    else:
        assert ours == []


def warns(*feature_ids: str) -> contextlib.ExitStack:
    """``pytest.warns(<the feature's category>, match="[<feature id>]")`` for each feature, nested.

    Each expects at least one warning of its feature; a legacy call that
    none expects is passed on, and fails the test under ``-W error``.
    """
    stack = contextlib.ExitStack()
    for feature_id in feature_ids:
        stack.enter_context(pytest.warns(CATEGORY_OF[feature_id], match=rf"\[{feature_id}\]"))
    return stack

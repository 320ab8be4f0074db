"""Contains: ``key in request``."""

from __future__ import annotations

from .tools import check_clean, check_findings


def test_key_in_request():
    check_findings(
        "def view(request):\n    return 'q' in request, 'q' not in request\n",
        [(2, "request_getitem"), (2, "request_getitem")],
    )


def test_key_in_other_things_is_clean():
    check_clean("def view(request, d):\n    return 'q' in request.GET, 'q' in d, request in d\n")

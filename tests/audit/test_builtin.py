"""Builtin: str()/repr() of a request or response."""

from __future__ import annotations

from .tools import check_clean, check_findings


def test_str_and_repr():
    check_findings(
        "def view(request):\n    response = self.client.get('/')\n    return repr(request), str(response)\n",
        [(3, "request_long_repr"), (3, "response_str_message")],
    )


def test_other_receivers_and_shadowed_builtins_are_clean():
    check_clean("from x import str\n\ndef view(request, other):\n    return repr(other), str(request)\n")

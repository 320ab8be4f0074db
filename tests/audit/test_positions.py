"""Positions count real line breaks only, and --fix touches only the node the audit found."""

from __future__ import annotations

import pytest

from django_http_compat.audit import audit_source
from django_http_compat.audit.autofix import fix_source

# Characters str.splitlines() breaks at but Python's tokenizer does not.
NOT_LINE_BREAKS = ["\x0c", "\x0b", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]

SOURCE = (
    "# {char} note\n"
    "def view(request):\n"
    "    xx.save(); é = request.user.is_authenticated()\n"
    "    foo.bar; data = request.raw_post_data\n"
    "    s = 'naïve'; return request.is_ajax()\n"
)
FIXED = (
    "# {char} note\n"
    "def view(request):\n"
    "    xx.save(); é = request.user.is_authenticated\n"
    "    foo.bar; data = request.body\n"
    '    s = \'naïve\'; return request.headers.get("x-requested-with") == "XMLHttpRequest"\n'
)


@pytest.mark.parametrize("char", NOT_LINE_BREAKS, ids=ascii)
def test_a_character_splitlines_breaks_at_shifts_nothing(char):
    source = SOURCE.format(char=char)
    findings = audit_source("view.py", source)
    new, done, left = fix_source(source.encode(), findings)
    assert new.decode() == FIXED.format(char=char)
    assert len(done) == 3 and left == []
    assert [(f.line, f.col, f.feature) for f in findings] == [
        (3, 20, "user_is_authenticated_method"),
        (4, 21, "request_raw_post_data"),
        (5, 25, "request_is_ajax"),
    ]
    assert [(f.end_line, f.end_col) for f in findings] == [(3, 51), (4, 42), (5, 42)]


def test_a_finding_whose_node_is_another_name_is_left_and_reported():
    source = "def view(request):\n    xx.save()\n    return request.raw_post_data\n"
    (finding,) = audit_source("view.py", source)
    stale = finding.__class__(**{**finding.__dict__, "anchor": (2, 11)})  # where ``save`` ends
    new, done, left = fix_source(source.encode(), [stale])
    assert new.decode() == source
    assert done == [] and left == [stale]

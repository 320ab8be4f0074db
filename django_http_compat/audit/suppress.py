"""Inline suppression: ``# noqa: HC101`` or ``# http-compat: ignore[request_REQUEST]`` on a finding's line.

Only comments name a finding away, so the text of strings never does, and a
bare ``# noqa`` (which old code carries for unrelated linters) silences
nothing here.  A comment on the first or the last line of a multi-line use counts.
"""

from __future__ import annotations

import io
import re
import tokenize

from .findings import Finding

_NOQA = re.compile(r"#\s*noqa\s*:\s*(?P<codes>[A-Za-z]+[0-9]+(?:\s*,?\s*[A-Za-z]+[0-9]+)*)", re.I)
_IGNORE = re.compile(r"#\s*http-compat\s*:\s*ignore(?:\[(?P<names>[^\]]*)\])?", re.I)


def _comments(text: str) -> dict[int, str]:
    found: dict[int, str] = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(text, newline=None).readline):
            if token.type == tokenize.COMMENT:
                found[token.start[0]] = token.string
    except (tokenize.TokenError, SyntaxError):
        pass
    return found


def silences(comment: str, finding: Finding) -> bool:
    for match in _IGNORE.finditer(comment):
        names = match.group("names")
        if names is None:
            return True
        wanted = {n.strip() for n in names.split(",")}
        if finding.feature in wanted or finding.code in wanted:
            return True
    for match in _NOQA.finditer(comment):
        if finding.code in {c.upper() for c in re.split(r"[\s,]+", match.group("codes")) if c}:
            return True
    return False


def remove_suppressed(findings: list[Finding], text: str) -> tuple[list[Finding], int]:
    """(the findings no comment silences, how many were silenced)."""
    if not findings or ("noqa" not in text.lower() and "http-compat" not in text.lower()):
        return findings, 0
    comments = _comments(text)
    kept = [
        f
        for f in findings
        if not any(silences(comments.get(line, ""), f) for line in {f.line, f.end_line or f.line})
    ]
    return kept, len(findings) - len(kept)

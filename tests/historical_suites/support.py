"""Stand-ins for what old test modules import from outside ``django.http`` and modern Django removed.

Imported in their place by the rewritten imports (``transform.py``).  Each is
test machinery or a general utility, not part of the contract the app
restores; none of them is used by the app.
"""

from __future__ import annotations

import datetime
import io
import warnings
from typing import Any

from django.utils.encoding import force_str, smart_str


def str_prefix(text: str) -> str:
    """Python 2 test helper: "%(_)s" became "u" on Python 2 and "" on Python 3."""
    return text % {"_": ""}


# 1.4's test helpers saving and restoring the warning filters.
def get_warnings_state() -> list[Any]:
    return warnings.filters[:]


def restore_warnings_state(state: list[Any]) -> None:
    warnings.filters[:] = state


def upath(path: str) -> str:
    """Decoded a bytes path on Python 2; identity on Python 3."""
    return path


class StringIO(io.BytesIO):
    """Python 2's ``StringIO`` as the 1.4 tests use it: a byte stream, fed str literals.

    A Python 2 str literal is bytes, so one given here is encoded as Latin-1
    (code point n is byte n, as the literal's escapes meant); what is read is
    bytes, which a test comparing it with a str literal does not expect.
    """

    def __init__(self, initial: bytes | str = b"") -> None:
        super().__init__(initial.encode("latin-1") if isinstance(initial, str) else initial)


class RemovedInDjango40Warning(DeprecationWarning):
    """3.2's category for what 4.0 removed; the app warns with its own categories."""


utc = datetime.timezone.utc
force_text = force_str
smart_text = smart_str


class ModPythonRequest:
    """1.4's mod_python handler: removed in 1.5, with mod_python itself; tests of it cannot run."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise NotImplementedError("the mod_python handler was removed in Django 1.5")

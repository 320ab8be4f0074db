"""Applying ``--fix`` to files: from the exact bytes audited, atomically, inside the given paths only.

Each file is read once, audited and rewritten from those same bytes, so a
position can never be applied to other text.  Just before the new file
replaces the old one the file is read again: if it changed meanwhile it is
left alone.  The new text goes to a temporary file beside the original, with
the original's permission bits, and ``os.replace`` swaps it in, so a failed
write leaves the original whole.  A failure is reported for that file and the
run goes on.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django_http_compat.features import Feature

from . import autofix
from .files import DEFAULT_MAX_BYTES, Skip, audit_bytes, is_inside, read_bytes
from .findings import Finding


@dataclass
class FixResult:
    path: str
    original: bytes = b""
    fixed: bytes = b""
    done: list[Finding] = field(default_factory=list)
    #: Why the file was not rewritten, or why some of its fixable uses were left.
    problem: str = ""

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def rewrite(
    path: str,
    roots: Iterable[Path],
    features: Iterable[Feature],
    *,
    write: bool,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> FixResult:
    """Audit ``path`` afresh and compute its fixed text; with ``write``, replace the file with it."""
    result = FixResult(path)
    real = os.path.realpath(path)
    if not is_inside(real, roots):
        result.problem = "not rewritten: it lies outside the audited paths"
        return result
    try:
        result.original = result.fixed = read_bytes(real, max_bytes)
        findings, _ = audit_bytes(path, result.original, features)
        fixable = [f for f in findings if f.fixable]
        if not fixable:
            return result
        result.fixed, result.done, left = autofix.fix_source(result.original, fixable)
    except (Skip, autofix.Unfixable) as exc:
        result.problem = f"not rewritten: {exc}"
        return result
    if left:
        lines = ", ".join(str(f.line) for f in left)
        result.problem = (
            f"{len(left)} fixable use(s) left as they are (line {lines}): the source there did not match"
        )
    if write and result.changed:
        try:
            if read_bytes(real, max_bytes) != result.original:
                raise OSError("it changed while the audit ran")
            if not os.access(real, os.W_OK):
                raise OSError("it is not writable")
            replace_atomically(real, result.fixed)
        except (OSError, Skip) as exc:
            result.problem = f"not rewritten: {exc}"
            result.fixed, result.done = result.original, []
    return result


def replace_atomically(path: str, data: bytes) -> None:
    """Write ``data`` to a new file beside ``path`` with its mode, then rename it over ``path``."""
    mode = stat.S_IMODE(os.stat(path).st_mode)
    directory, name = os.path.split(path)
    fd, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=directory or ".")
    try:
        with open(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise

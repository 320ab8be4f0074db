"""The runtime usage report: which legacy paths production really takes, and how often.

Every legacy entry point already calls the package's ``warn()``, which finds the
calling frame; counting adds one dictionary lookup and one ``next()`` there.  Each site's counter is an ``itertools.count``, whose ``next()`` runs
without releasing the GIL, so threads lose no counts and the hot path takes
no lock (a lock is taken only to create a site's counter and to take a snapshot).
``HTTP_COMPAT_USAGE_FILE`` merges the counts into a JSON file when the
process exits.  Several processes (server workers) may share the file: each
merge holds an exclusive lock on ``<file>.lock`` and replaces the file
atomically, so no process's counts are lost or half-written.
"""

from __future__ import annotations

import atexit
import itertools
import json
import os
import tempfile
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import CodeType, FrameType

Site = tuple[str, str, int]  # (feature id, file, line)

FORMAT = 1

_lock = threading.Lock()
_counters: dict[Site, itertools.count] = {}
# (feature id, id(code), instruction offset) -> that site's counter: a site found
# again without working out its line number (which decodes the code's line
# table).  ``_codes`` keeps each code object alive, so its id is never reused.
_by_call: dict[tuple[str, int, int], itertools.count] = {}
_codes: list[CodeType] = []
_exit_files: set[str] = set()


def count_known_call(feature_id: str, frame: FrameType) -> int | None:
    """Count a use by the call ``frame`` is making if it has been counted before; else None."""
    counter = _by_call.get((feature_id, id(frame.f_code), frame.f_lasti))
    return None if counter is None else next(counter)


def count_call(feature_id: str, frame: FrameType) -> int:
    """Count one use of ``feature_id`` by the call ``frame`` is making; return the uses so far."""
    uses = count_known_call(feature_id, frame)
    if uses is not None:
        return uses
    code = frame.f_code
    site = (feature_id, code.co_filename, frame.f_lineno)
    with _lock:
        counter = _by_call[feature_id, id(code), frame.f_lasti] = _counters.setdefault(
            site, itertools.count(1)
        )
        _codes.append(code)
    return next(counter)


def _uses(counter: itertools.count) -> int:
    # A count shows the number it will return next only in its repr: "count(5)".
    return int(repr(counter)[len("count(") : -1]) - 1


def usage() -> dict[Site, int]:
    """A snapshot of this process's counts: ``{(feature id, file, line): calls}``."""
    with _lock:
        counters = list(_counters.items())
    return {site: _uses(counter) for site, counter in counters}


def _forget() -> None:
    _counters.clear()
    _by_call.clear()
    _codes.clear()


def reset() -> None:
    """Forget the counts (and so let ``HTTP_COMPAT_WARNINGS="once"`` warn again)."""
    with _lock:
        _forget()


def _after_fork_in_child() -> None:
    # A forked worker starts from zero: its parent writes the counts made before the fork.
    global _lock
    _lock = threading.Lock()
    _forget()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def load(path: str | os.PathLike) -> dict[Site, int]:
    """The counts stored in a usage file (empty if it does not exist yet)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(f"{path} is not a django-http-compat usage file")
    return {(row["feature"], row["file"], int(row["line"])): int(row["count"]) for row in data["counts"]}


def _dump(counts: Mapping[Site, int]) -> str:
    rows = [
        {"feature": feature, "file": file, "line": line, "count": n}
        for (feature, file, line), n in sorted(counts.items())
    ]
    return json.dumps({"format": FORMAT, "counts": rows}, indent=1) + "\n"


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    with open(f"{path}.lock", "a+b") as lock_file:
        try:
            import fcntl
        except ImportError:  # Windows
            import msvcrt

            lock_file.seek(0)
            msvcrt.locking(lock_file.fileno(), msvcrt.LK_LOCK, 1)
            try:
                yield
            finally:
                lock_file.seek(0)
                msvcrt.locking(lock_file.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            fcntl.flock(lock_file.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock_file.fileno(), fcntl.LOCK_UN)


def merge_into(path: str | os.PathLike, counts: Mapping[Site, int] | None = None) -> None:
    """Add ``counts`` (default: this process's) to the usage file at ``path``."""
    path = Path(path)
    counts = usage() if counts is None else counts
    if not counts:
        return
    with _locked(path):
        merged = load(path)
        for site, n in counts.items():
            merged[site] = merged.get(site, 0) + n
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(_dump(merged))
        os.replace(temporary, path)


def write_at_exit(path: str | os.PathLike) -> None:
    """Merge this process's counts into ``path`` when it exits (once per file)."""
    absolute = os.path.abspath(path)
    if absolute not in _exit_files:
        _exit_files.add(absolute)
        atexit.register(merge_into, absolute)


def report_lines(counts: Mapping[Site, int]) -> list[str]:
    """The counts, most used first, each with the modern replacement."""
    from .features import FEATURES_BY_ID

    lines = []
    for (feature, file, line), n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        known = FEATURES_BY_ID.get(feature)
        replacement = known.replacement if known else "(unknown feature)"
        lines.append(f"{n:>8}  {file}:{line}  {feature} — use {replacement}")
    return lines

"""Which files are audited, how they are read, and auditing many of them on every core.

A tree is walked without following directory links; a file link whose target
lies outside the audited paths is left alone, and a file reached by two paths
is audited once (by its real path), so ``--fix`` can never write outside the
paths it was given or apply one file's positions twice.  Only regular files
are read (a FIFO named ``x.py`` would block), up to a size limit, so one
generated module cannot take the run's time and memory.
"""

from __future__ import annotations

import fnmatch
import io
import multiprocessing
import os
import stat
import sys
import threading
import tokenize
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from django_http_compat.features import FEATURES, FEATURES_BY_ID, Feature

from .findings import Finding, Report
from .suppress import remove_suppressed
from .visitor import ModuleAudit, could_match, parse, patterns_of

# Directories never worth walking into when a tree is audited.
SKIPPED_DIRECTORIES = {"__pycache__", "node_modules", "site-packages", "venv"}
#: Larger files are skipped and listed: hand-written modules are far smaller, and
#: the syntax tree of a generated one costs many times its size in memory.
DEFAULT_MAX_BYTES = 1024 * 1024
#: Below this many files a single process is faster than starting workers.
_PARALLEL_FROM = 48


class Skip(Exception):
    """A file the audit cannot read as Python 3 source; the message says why."""


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def resolved_roots(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    return [Path(os.path.realpath(p)) for p in paths]


def is_inside(path: str | os.PathLike[str], roots: Iterable[Path]) -> bool:
    """Does ``path``'s real location lie in one of ``roots`` (real paths)?"""
    real = Path(os.path.realpath(path))
    return any(real == root or root in real.parents for root in roots)


def python_files(paths: Iterable[str | os.PathLike[str]], exclude: Iterable[str] = ()) -> Iterator[Path]:
    """The .py files under ``paths``, each once, skipping hidden, cache and virtualenv directories."""
    patterns = list(exclude)
    starts = [Path(p) for p in paths]
    roots = resolved_roots(starts)
    seen: set[str] = set()

    def first_time(path: Path) -> bool:
        real = os.path.realpath(path)
        if real in seen:
            return False
        seen.add(real)
        return True

    for start in starts:
        if not start.is_dir():
            if first_time(start):
                yield start
            continue
        for directory, subdirectories, files in os.walk(start):
            subdirectories[:] = sorted(
                d
                for d in subdirectories
                if not d.startswith(".")
                and d not in SKIPPED_DIRECTORIES
                and not _excluded(Path(directory, d), start, patterns)
            )
            for name in sorted(files):
                candidate = Path(directory, name)
                if not name.endswith(".py") or _excluded(candidate, start, patterns):
                    continue
                if candidate.is_symlink() and not is_inside(candidate, roots):
                    continue  # a link out of the audited tree
                if first_time(candidate):
                    yield candidate


def _excluded(path: Path, start: Path, patterns: list[str]) -> bool:
    if not patterns:
        return False
    relative = path.relative_to(start).as_posix()
    return any(fnmatch.fnmatch(relative, p) or fnmatch.fnmatch(path.name, p) for p in patterns)


def read_bytes(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; raises Skip otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise Skip(f"cannot open: {exc.strerror or exc}") from None
    with open(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Skip("not a regular file")
        if info.st_size > max_bytes:
            raise Skip(f"larger than {max_bytes} bytes ({info.st_size})")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise Skip(f"larger than {max_bytes} bytes")
    return data


def decode(data: bytes) -> str:
    """Source text as Python reads it: a BOM or a PEP 263 coding line chooses the encoding."""
    try:
        # tokenize reads lines at \n only; a file with CR-only line endings has its cookie on "line" one.
        head = data[:4096].replace(b"\r", b"\n") if b"\n" not in data[:4096] else data
        encoding, _ = tokenize.detect_encoding(io.BytesIO(head).readline)
        return data.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError) as exc:
        raise Skip(f"cannot decode: {exc}") from None


def audit_bytes(path: str, data: bytes, features: Iterable[Feature] = FEATURES) -> tuple[list[Finding], int]:
    """(findings, how many were suppressed by comments) for one file's bytes; raises Skip."""
    text = decode(data)
    patterns = patterns_of(features)
    if not could_match(text, patterns):
        return [], 0
    try:
        tree = parse(path, text)
    except SyntaxError as exc:
        raise Skip(f"SyntaxError: {exc.msg} (line {exc.lineno})") from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise Skip(f"cannot parse: {type(exc).__name__}") from None
    try:
        findings = ModuleAudit(path, text, patterns).audit(tree)
    except RecursionError:
        raise Skip("nested too deeply for the audit") from None
    return remove_suppressed(findings, text)


def audit_file(path: str, features: Iterable[Feature], max_bytes: int = DEFAULT_MAX_BYTES) -> Report:
    report = Report(files=1)
    try:
        findings, report.suppressed = audit_bytes(path, read_bytes(path, max_bytes), features)
        report.findings.extend(findings)
    except Skip as exc:
        report.skipped.append((path, str(exc)))
    except Exception as exc:  # a bug in the audit: reported, the run goes on, the exit status says so
        where = traceback.extract_tb(exc.__traceback__)[-1]
        report.errors.append(
            (path, f"{type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})")
        )
    return report


# --- many files -------------------------------------------------------------------
_worker_setup: tuple[list[Feature], int] = ([], DEFAULT_MAX_BYTES)


def _start_worker(feature_ids: list[str], max_bytes: int) -> None:
    global _worker_setup
    _worker_setup = ([FEATURES_BY_ID[i] for i in feature_ids], max_bytes)


def _audit_in_worker(task: tuple[int, str]) -> tuple[int, Report]:
    index, path = task
    features, max_bytes = _worker_setup
    return index, audit_file(path, features, max_bytes)


def _context() -> multiprocessing.context.BaseContext:
    # fork is the cheapest start, and safe while this process runs no other thread.
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def audit_paths(
    paths: Iterable[str | os.PathLike[str]],
    features: Iterable[Feature] = FEATURES,
    exclude: Iterable[str] = (),
    *,
    jobs: int | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Audit every Python file under ``paths``; files that cannot be audited are listed, not fatal.

    ``jobs`` worker processes share the files (all available cores by default; 1 runs in this process).
    """
    features = list(features)
    files = [str(p) for p in python_files(paths, exclude)]
    jobs = available_cores() if jobs is None else max(1, jobs)
    results: list[Report | None] = [None] * len(files)
    tasks = list(enumerate(files))
    if jobs > 1 and len(files) >= _PARALLEL_FROM:
        # Largest first, so that no worker is left with one big file at the end.
        tasks.sort(key=lambda task: -_size(task[1]))
        with _context().Pool(jobs, _start_worker, ([f.id for f in features], max_bytes)) as pool:
            chunk = max(1, len(tasks) // (jobs * 8))
            for done, (index, report) in enumerate(pool.imap_unordered(_audit_in_worker, tasks, chunk), 1):
                results[index] = report
                if progress is not None:
                    progress(done, len(files))
    else:
        for done, (index, path) in enumerate(tasks, 1):
            results[index] = audit_file(path, features, max_bytes)
            if progress is not None:
                progress(done, len(files))
    report = Report()
    for result in results:
        report.extend(result)  # type: ignore[arg-type]
    return report


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def terminal_progress(stream: IO[str] | None = None, after: float = 2.0) -> Callable[[int, int], None] | None:
    """A progress line on a terminal's stderr, for runs longer than ``after`` seconds."""
    stream = stream or sys.stderr
    if not stream.isatty():
        return None
    import time

    started = time.monotonic()
    shown = False

    def show(done: int, total: int) -> None:
        nonlocal shown
        if time.monotonic() - started < after and not shown:
            return
        shown = True
        stream.write(f"\raudited {done}/{total} files")
        if done == total:
            stream.write("\r" + " " * (20 + 2 * len(str(total))) + "\r")
        stream.flush()

    return show

"""The runtime usage report: which legacy paths production really takes, and how often.

While warnings are on or something reads the counts, every legacy entry
point finds its calling frame; counting adds one dictionary lookup, keyed on
the caller's code and instruction, and one ``next()`` there.  Each site's counter is an ``itertools.count``, whose ``next()`` runs
without releasing the GIL, so threads lose no counts and the hot path takes
no lock (a lock is taken only to create a site's counter and to take a
snapshot).  Counts are kept per (feature, file, line); the fast lookup by
code object holds each code object only weakly, so code compiled at run time
(templates compiled to Python, say) is freed as usual and memory grows with
the number of sites, not of code objects.

``HTTP_COMPAT_USAGE_FILE`` merges the counts into a JSON file when the
process exits, and when it receives SIGTERM or SIGINT: servers stop their
workers with these, and some (``runserver``, uvicorn) end by dying of the
signal, which skips ``atexit``.  Each write adds only the counts made since
the previous one, so a process that writes at the signal and again at exit
counts nothing twice.  Several processes (server workers) may share the file: each
merge holds an exclusive lock on ``<file>.lock`` and replaces the file
atomically, so no process's counts are lost or half-written.  A symbolic
link is followed (its target is replaced), the file keeps its mode, a file
that is not a usage file is set aside as ``<file>.corrupt-<time>``, and
temporary files left by a merge that was killed are removed by the next one.
"""

from __future__ import annotations

import atexit
import itertools
import json
import logging
import os
import re
import secrets
import signal
import stat
import threading
import time
import weakref
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from types import CodeType, FrameType

logger = logging.getLogger("django_http_compat")

Site = tuple[str, str, int]  # (feature id, file, line)

FORMAT = 1

# Re-entrant: a signal handler (which runs in the main thread, between two
# of its instructions) takes a snapshot while that thread may hold it.
_lock = threading.RLock()
_counters: dict[Site, itertools.count[int]] = {}
# (feature id, id(code), instruction offset) -> that site's counter: a site found
# again without working out its line number (which decodes the code's line
# table).  An id names one code object only while it lives, so each code
# object with entries here has a weak reference in ``_known_codes`` whose
# callback removes them when the code object is freed.
_by_call: dict[tuple[str, int, int], itertools.count[int]] = {}
#: The same dict, for ``warn()``'s own lookup (cleared in place, never replaced).
known_calls = _by_call
#: Are calls counted while ``HTTP_COMPAT_WARNINGS`` is ``"ignore"``?  Only once
#: something will read the counts: a usage file (``write_on_exit()``), the
#: pytest plugin's allow list, or ``keep_counting()``.  Every other mode counts,
#: as ``"once"`` needs the count to know a site's first use.
counting = False
_exit_files: set[str] = set()
# usage file -> the counts this process has merged into it so far.
_written: dict[str, dict[Site, int]] = {}
# Held while this process writes a usage file; a signal arriving meanwhile does not start another write.
_writing = threading.Lock()


class _KnownCode(weakref.ref[CodeType]):
    """A weak reference to a code object, with the ``_by_call`` keys naming it."""

    __slots__ = ("code_id", "keys")

    code_id: int
    keys: list[tuple[str, int, int]]


_known_codes: dict[int, _KnownCode] = {}


def _code_freed(known: _KnownCode) -> None:
    # Called while the code object is being freed, so its id is not reused
    # yet; it takes no lock, as it may run in a thread that holds one.
    _known_codes.pop(known.code_id, None)
    for key in known.keys:
        _by_call.pop(key, None)


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
    key = (feature_id, id(code), frame.f_lasti)
    with _lock:
        counter = _counters.setdefault(site, itertools.count(1))
        if key not in _by_call:
            _remember(code).keys.append(key)
            _by_call[key] = counter
    return next(counter)


def _remember(code: CodeType) -> _KnownCode:
    known = _known_codes.get(id(code))
    if known is None:
        known = _known_codes[id(code)] = _KnownCode(code, _code_freed)
        known.code_id, known.keys = id(code), []
    return known


_counting_changed: list[Callable[[], None]] = []


def when_counting_changes(callback: Callable[[], None]) -> None:
    """Call ``callback`` whenever ``keep_counting()`` turns counting on or off (the installer re-plans)."""
    _counting_changed.append(callback)


def keep_counting(on: bool = True) -> None:
    """Count legacy calls even while warnings are ``"ignore"``, for ``usage()`` to read.

    With warnings ignored and no usage file, calls are not counted, so a
    production site that silenced warnings pays for no bookkeeping.
    """
    global counting
    if counting != bool(on):
        counting = bool(on)
        for callback in _counting_changed:
            callback()


def _uses(counter: itertools.count[int]) -> int:
    # A count shows the number it will return next only in its repr: "count(5)".
    return int(repr(counter)[len("count(") : -1]) - 1


def usage() -> dict[Site, int]:
    """A snapshot of this process's counts: ``{(feature id, file, line): calls}``.

    Calls are counted while warnings are shown, raised or logged once
    (``HTTP_COMPAT_WARNINGS`` other than ``"ignore"``), or a usage file or
    ``keep_counting()`` asks for the counts.
    """
    with _lock:
        counters = list(_counters.items())
    return {site: _uses(counter) for site, counter in counters}


def _forget() -> None:
    _counters.clear()
    _by_call.clear()  # before the references whose callbacks would clear it
    _known_codes.clear()
    _written.clear()


def reset() -> None:
    """Forget the counts (and so let ``HTTP_COMPAT_WARNINGS="once"`` warn again)."""
    with _lock:
        _forget()


def _after_fork_in_child() -> None:
    # A forked worker starts from zero: its parent writes the counts made before the fork.
    global _lock, _writing
    _lock = threading.RLock()
    _writing = threading.Lock()
    _forget()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


class UnreadableUsageFile(ValueError):
    """The file is not a usage file (damaged, cut short, or another file)."""


def load(path: str | os.PathLike[str]) -> dict[Site, int]:
    """The counts stored in a usage file (empty if it does not exist yet, or is empty)."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return {}
    if not raw.strip():  # created empty beforehand, to give it its owner and mode
        return {}
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("no usage format marker")
        return {
            (_text(row["feature"]), _text(row["file"]), _whole(row["line"])): _whole(row["count"])
            for row in data["counts"]
        }
    # RecursionError: JSON nested deeper than the parser goes.
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise UnreadableUsageFile(f"{path} is not a django-http-compat usage file") from exc


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a count")


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{value!r} is not a string")
    return value


def _whole(value: object) -> int:
    """A line number or a count, as written: a JSON integer, not negative (1e400 is a float)."""
    if type(value) is not int or value < 0:
        raise TypeError(f"{value!r} is not a count")
    return value


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
            msvcrt.locking(lock_file.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined,unused-ignore]  # typeshed: win32 only
            try:
                yield
            finally:
                lock_file.seek(0)
                msvcrt.locking(lock_file.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined,unused-ignore]  # typeshed: win32 only
        else:
            fcntl.flock(lock_file.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock_file.fileno(), fcntl.LOCK_UN)


def merge_into(path: str | os.PathLike[str], counts: Mapping[Site, int] | None = None) -> None:
    """Add ``counts`` (default: this process's) to the usage file at ``path``."""
    counts = usage() if counts is None else counts
    if not counts:
        return
    target = Path(os.path.realpath(path))  # through a symbolic link, to the file it names
    with _locked(target):
        _remove_temporaries(target)
        try:
            mode: int | None = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            mode = None
        try:
            merged = load(target)
        except UnreadableUsageFile:
            aside = _set_aside(target)
            logger.warning("%s is not a usage file; moved it to %s and started a new one.", target, aside)
            merged = {}
        for site, n in counts.items():
            merged[site] = merged.get(site, 0) + n
        _replace(target, _dump(merged), mode)


def _temporary_name(target: Path) -> str:
    return f".{target.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}"


def _temporary_pattern(target: Path) -> re.Pattern[str]:
    # Ours, and the ``tempfile.mkstemp`` names (8 characters) of earlier releases.
    return re.compile(rf"\.{re.escape(target.name)}\.(tmp-[0-9]+-[0-9a-f]+|[a-z0-9_]{{8}})")


def _remove_temporaries(target: Path) -> None:
    """Remove temporary files of killed merges: only merges write them, each under the lock we hold."""
    pattern = _temporary_pattern(target)
    with os.scandir(target.parent) as entries:
        for entry in entries:
            if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with suppress(FileNotFoundError):
                    os.unlink(entry.path)


def _set_aside(target: Path) -> Path:
    """Rename an unreadable usage file out of the way, keeping it for inspection."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    aside = target.with_name(f"{target.name}.corrupt-{stamp}")
    for n in itertools.count(1):
        if not aside.exists():
            break
        aside = target.with_name(f"{target.name}.corrupt-{stamp}-{n}")
    os.replace(target, aside)
    return aside


def _replace(target: Path, text: str, mode: int | None) -> None:
    """Write ``text`` beside ``target`` and rename it over ``target``, so readers see one whole file.

    ``mode`` is the replaced file's; a new file gets what ``open()`` would
    give it (0o666 less the umask), which ``os.open`` applies for us.
    """
    temporary = target.with_name(_temporary_name(target))
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def write_new_counts(path: str | os.PathLike[str], blocking: bool = True) -> None:
    """Merge into ``path`` the counts this process made since it last wrote them there.

    With ``blocking=False`` (from a signal handler) nothing is written if
    this process is writing already: the handler may have interrupted that
    very write, which holds the file's lock.
    """
    if not _writing.acquire(blocking):
        return
    try:
        absolute = os.path.abspath(path)
        now = usage()
        before = _written.get(absolute, {})
        new = {site: n - before.get(site, 0) for site, n in now.items() if n > before.get(site, 0)}
        merge_into(absolute, new)
        _written[absolute] = now
    finally:
        _writing.release()


def write_on_exit(path: str | os.PathLike[str]) -> None:
    """Write this process's counts into ``path`` at exit and on SIGTERM/SIGINT (once per file)."""
    keep_counting()
    absolute = os.path.abspath(path)
    if absolute not in _exit_files:
        _exit_files.add(absolute)
        atexit.register(write_new_counts, absolute)
        _write_on_signals()


class _WriteOnSignal:
    """A signal handler that writes the counts, then does what the handler it replaced did."""

    def __init__(self, previous: object) -> None:
        self.previous = previous

    def __call__(self, signum: int, frame: object) -> None:
        for path in sorted(_exit_files):
            try:
                write_new_counts(path, blocking=False)
            except Exception:
                logger.exception("Could not write the legacy call counts to %s.", path)
        if callable(self.previous):  # a server's handler, or Python's KeyboardInterrupt for SIGINT
            self.previous(signum, frame)
        else:  # the default action: end the process as the signal would
            signal.signal(signum, signal.SIG_DFL)
            signal.raise_signal(signum)


def _write_on_signals() -> None:
    # Python lets only the main thread set handlers; a process set up
    # elsewhere still writes at exit.
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in (signal.SIGTERM, signal.SIGINT):
        previous = signal.getsignal(signum)
        if previous == signal.SIG_IGN or isinstance(previous, _WriteOnSignal):
            continue  # a signal the process ignores does not end it (SIGINT of a background job)
        signal.signal(signum, _WriteOnSignal(previous))
        if (
            callable(previous)
            and previous is not signal.default_int_handler
            and hasattr(signal, "siginterrupt")
        ):
            # A server's handler (gunicorn's) may have asked for system calls
            # to restart, so as not to disturb requests; signal() has undone that.
            signal.siginterrupt(signum, False)

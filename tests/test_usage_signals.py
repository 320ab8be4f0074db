"""Usage counts reach the file when a server is stopped by a signal, not only at a normal exit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from django_http_compat import usage_counts
from django_http_compat.usage_counts import load
from tests.live.servers import free_port, get, serving

REPO = Path(__file__).resolve().parent.parent
PROJECT = REPO / "examples" / "legacy_project"
VIEWS = str(PROJECT / "shop" / "views.py")


def usage_env(target: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), str(PROJECT)]),
        "DJANGO_SETTINGS_MODULE": "tests.live.settings_usage",
        "HTTP_COMPAT_TEST_USAGE_FILE": str(target),
    }


def served_and_stopped(argv: list[str], port: int, target: Path, stop: int, group: bool = False) -> int:
    """Serve ``/search/`` 7 times, stop the server with ``stop``; its exit status."""
    with serving(
        argv, port, PROJECT, usage_env(target), stdout=subprocess.DEVNULL, start_new_session=group
    ) as process:
        for n in range(7):
            assert get(port, f"/search/?q=t&n={n}").status == 200
        (os.killpg if group else os.kill)(process.pid, stop)
        process.wait(
            timeout=60
        )  # well under a second when idle; over 30 s under the parallel matrix on two cores
        return process.returncode


def searches_counted(target: Path) -> int:
    return load(target).get(("request_REQUEST", VIEWS, 14), 0)


def runserver(port: int, *options: str) -> list[str]:
    return [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", *options]


def gunicorn(port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        f"127.0.0.1:{port}",
        "legacy_project.wsgi:application",
    ]


def uvicorn(port: int, *options: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "--lifespan",
        "off",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        *options,
        "legacy_project.asgi:application",
    ]


@pytest.mark.server
@pytest.mark.parametrize(
    ("server", "stop", "group"),
    [
        # runserver dies of SIGTERM (no atexit); Ctrl-C reaches the reloader and its child.
        # (SIGTERM to the reloader makes it kill its child with SIGKILL: see docs/audit.rst.)
        ("runserver --noreload", signal.SIGTERM, False),
        ("runserver", signal.SIGINT, True),
        ("gunicorn", signal.SIGINT, False),
        # uvicorn shuts down, then raises the signal again, with the default action.
        ("uvicorn", signal.SIGTERM, False),
        ("uvicorn", signal.SIGINT, False),
        ("uvicorn --workers 2", signal.SIGTERM, False),
    ],
    ids=lambda value: getattr(value, "name", None) or str(value),
)
def test_a_server_stopped_by_a_signal_writes_its_counts(tmp_path, server, stop, group):
    target = tmp_path / "usage.json"
    port = free_port()
    name, *options = server.split()
    argv = {"runserver": runserver, "gunicorn": gunicorn, "uvicorn": uvicorn}[name](port, *options)
    served_and_stopped(argv, port, target, stop, group)
    assert searches_counted(target) == 7


COUNT_THEN_SIGNAL = """
import os, signal, sys
{install_handler}
import django
django.setup()
from django.test import RequestFactory
from shop.views import search
for n in range(3):
    search(RequestFactory().get("/search/?q=t"))
os.kill(os.getpid(), signal.SIGTERM)
for n in range(2):  # after the signal, if the process lives on
    search(RequestFactory().get("/search/?q=t"))
print("lived on", flush=True)
"""

OWN_HANDLER = """
def handler(signum, frame):
    print("own handler", flush=True)
# The project's own handler, set before Django: the app's runs first, then this one.
signal.signal(signal.SIGTERM, handler)
"""


def run_counting(target: Path, install_handler: str) -> subprocess.CompletedProcess:
    code = COUNT_THEN_SIGNAL.format(install_handler=textwrap.dedent(install_handler))
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env=usage_env(target),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_process_killed_by_sigterm_writes_its_counts_and_still_dies_of_it(tmp_path):
    target = tmp_path / "usage.json"
    result = run_counting(target, "")
    assert result.returncode == -signal.SIGTERM, result.stderr
    assert result.stdout == ""
    assert searches_counted(target) == 3


def test_a_handler_set_before_still_runs_and_nothing_is_counted_twice(tmp_path):
    target = tmp_path / "usage.json"
    result = run_counting(target, OWN_HANDLER)
    assert (result.returncode, result.stdout) == (0, "own handler\nlived on\n"), result.stderr
    # 3 written at the signal, the 2 made after it at exit: 5, not 3 + 5.
    assert searches_counted(target) == 5


def test_a_signal_during_a_write_does_not_start_another(tmp_path, monkeypatch):
    # The handler runs in the main thread, maybe in the middle of a write that
    # holds the file's lock: it must not wait for that lock (itself).
    target = tmp_path / "usage.json"
    monkeypatch.setattr(usage_counts, "_exit_files", {str(target)})
    monkeypatch.setattr(usage_counts, "_written", {})
    monkeypatch.setattr(usage_counts, "usage", lambda: {("request_is_ajax", "v.py", 1): 2})
    chained = []
    handler = usage_counts._WriteOnSignal(lambda signum, frame: chained.append(signum))
    with usage_counts._writing:
        handler(signal.SIGTERM, None)
    assert chained == [signal.SIGTERM]
    assert not target.exists()
    handler(signal.SIGTERM, None)
    assert load(target) == {("request_is_ajax", "v.py", 1): 2}
    assert chained == [signal.SIGTERM, signal.SIGTERM]


IGNORED_SIGINT = """
# A background job of a shell starts with SIGINT ignored; it stays ignored.
signal.signal(signal.SIGINT, signal.SIG_IGN)
"""


def test_a_signal_the_process_ignores_stays_ignored(tmp_path):
    target = tmp_path / "usage.json"
    code = COUNT_THEN_SIGNAL.format(install_handler=IGNORED_SIGINT).replace(
        "os.kill(os.getpid(), signal.SIGTERM)",
        "print(signal.getsignal(signal.SIGINT) == signal.SIG_IGN, flush=True)\nos.kill(os.getpid(), signal.SIGINT)",
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env=usage_env(target),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout) == (0, "True\nlived on\n"), result.stderr
    assert searches_counted(target) == 5  # written at exit

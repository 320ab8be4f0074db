"""Real servers on loopback for the tests: started on a free port, stopped afterwards."""

from __future__ import annotations

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]

# The live-server suites' app (tests.live.app, settings tests.live.settings) under each server.
LIVE_SERVERS = {
    "gunicorn-sync": ["gunicorn", "--workers", "1", "tests.live.app:application"],
    "gunicorn-gthread": [
        "gunicorn",
        "--worker-class",
        "gthread",
        "--threads",
        "8",
        "tests.live.app:application",
    ],
    "uvicorn": ["uvicorn", "--lifespan", "off", "tests.live.app:asgi_application"],
}


@contextlib.contextmanager
def running_live(server: str, settings: str = "tests.live.settings") -> Iterator[int]:
    """The live-server app under ``LIVE_SERVERS[server]`` with ``settings``; yields its port."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "DJANGO_SETTINGS_MODULE": settings}
    with running(LIVE_SERVERS[server], cwd=REPO, env=env) as port:
        yield port


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running(command: list[str], cwd: Path, env: dict[str, str]) -> Iterator[int]:
    """Run ``python -m <command>`` (gunicorn or uvicorn) on 127.0.0.1; yields its port."""
    port = free_port()
    bind = (
        ["--bind", f"127.0.0.1:{port}"]
        if command[0] == "gunicorn"
        else ["--host", "127.0.0.1", "--port", str(port)]
    )
    argv = [sys.executable, "-m", *command, *bind]
    with serving(argv, port, cwd, {**env, "PYTHONWARNINGS": "ignore"}, stdout=subprocess.DEVNULL):
        yield port


@contextlib.contextmanager
def serving(
    argv: list[str], port: int, cwd: Path, env: dict[str, str], **popen: Any
) -> Iterator[subprocess.Popen]:
    """Run ``argv``, a server that listens on 127.0.0.1:``port``; yields the process once it listens.

    Its stderr goes to a temporary file, ``process.stderr`` (a file, not a
    pipe: a server that logs more than a pipe holds would block on it; seek
    to 0 to read it).  The block may stop the process itself (a signal, say);
    if it is still running afterwards, it is terminated.
    """
    errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed in the finally below)
    process = subprocess.Popen(argv, cwd=cwd, env=env, stderr=errors, **popen)
    process.stderr = errors
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError as exc:
                if process.poll() is not None:
                    errors.seek(0)
                    raise RuntimeError(errors.read().decode()) from exc
                if time.monotonic() > deadline:
                    raise RuntimeError("server did not start") from exc
                time.sleep(0.1)
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
        process.wait(timeout=10)
        errors.close()
        if process.stdout:
            process.stdout.close()


def get(port: int, path: str, headers: dict[str, str] | None = None) -> http.client.HTTPResponse:
    """One GET over a fresh connection; the response is read before returning."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    connection.close()
    return response

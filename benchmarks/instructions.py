"""Instructions per request, counted by valgrind: a second, deterministic reading of the request cycle.

On a shared machine two timings of the same code drift further apart than
the 2 % the modern-code target allows (see ``plain-again``).  An instruction
count does not drift: callgrind counts what the CPU executes, the same for the
same code and input whatever else the machine is doing.  Each count is taken
in a fresh process with a fixed hash seed, address randomisation off and the
garbage collector paused; the count for ``REQUESTS`` requests minus the count
for none, divided by ``REQUESTS``, is what one request executes.

``python instructions.py STATE VIEW N`` is one counted process (the child).
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REQUESTS = 200

#: (name, shim state, view) of each counted side; the first is the baseline.
SIDES = (
    ("plain", "uninstalled", "modern"),
    ("compat-modern", "installed", "modern"),
    ("compat-legacy", "installed", "legacy"),
    ("compat-modern-while-overridden", "installed, override elsewhere", "modern"),
)


def available() -> bool:
    return shutil.which("valgrind") is not None


def _collected(state: str, view: str, requests: int) -> int:
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    if shutil.which("setarch"):
        command = ["setarch", platform.machine(), "-R", *command]
    command += [sys.executable, str(HERE / "instructions.py"), state, view, str(requests)]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=True,
        cwd=HERE,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    return int(re.search(r"Collected : (\d+)", done.stderr).group(1))  # type: ignore[union-attr]


def measure() -> dict[str, int]:
    """Instructions per request of each side in ``SIDES``."""
    return {
        name: (_collected(state, view, REQUESTS) - _collected(state, view, 0)) // REQUESTS
        for name, state, view in SIDES
    }


def _serve(state: str, view: str, requests: int) -> None:
    import gc

    import timed
    from request_cycle import serve

    handler = timed.statements_namespace(timed.PAIRS["cycle/compat-legacy"], state)["handler"]
    for _ in range(50):  # imports, caches and the specialising interpreter settle
        serve(handler, view)
    gc.collect()
    gc.disable()
    for _ in range(requests):
        serve(handler, view)


if __name__ == "__main__":
    _serve(sys.argv[1], sys.argv[2], int(sys.argv[3]))

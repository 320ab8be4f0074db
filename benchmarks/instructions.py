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

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import timed

HERE = Path(__file__).resolve().parent
REQUESTS = 200

#: (name, shim state, view, warnings) of each counted side; the first is the baseline.
SIDES = (
    ("plain", "uninstalled", "modern", "once"),
    ("compat-modern", "installed", "modern", "once"),
    ("compat-legacy", "installed", "legacy", "once"),
    ("compat-legacy-production", "installed", "legacy", "ignore"),
    ("compat-modern-while-overridden", "installed, override elsewhere", "modern", "once"),
    ("compat-modern-at-3.2", "installed at 3.2", "modern", "once"),
)
#: Statement runs counted per legacy call (more than requests: a call is short).
CALLS = 500
#: Counted in one process each: (the warnings mode, the sides it runs).  The
#: modern equivalents run on plain Django (after ``uninstall()``), the legacy
#: statements in production mode (warnings ignored, no usage file) and in
#: counting mode (``timed.py``'s ``COUNTING``).
API_PROCESSES = (("ignore", ("modern", "production")), ("once", ("counting",)))
#: Not legacy calls, the references that explain two of them.  First, the
#: least a method costs against an operator: a subclass of Django's QueryDict
#: whose ``has_key`` is ``dict.__contains__`` itself, written by hand, no
#: shim; what the shim serves as ``QueryDict.has_key`` in production mode.
#: Second, a modern constructor call with the shim at 1.6: what the era's
#: response rules cost every response, whichever keyword built it.
CONTROLS = (
    timed.ApiCase(
        "control: has_key = dict.__contains__ on a QueryDict subclass, no shim",
        "querydict_py2_methods",
        'result = control.has_key("b")',
        'result = "b" in control',
        "result is True",
        patcher=False,
    ),
    timed.ApiCase(
        "control: HttpResponse(content_type=) with the shim at 1.6",
        "response_mimetype",
        'result = HttpResponse("ok", content_type="text/plain")',
        'result = HttpResponse("ok", content_type="text/plain")',
        'result["Content-Type"] == "text/plain" and result.content == b"ok"',
        patcher=False,
    ),
)


#: The one C function the harness runs each counted loop inside: callgrind
#: collects only there and writes one dump as it returns.
_MARKER = "functools_reduce"


def available() -> bool:
    return shutil.which("valgrind") is not None


def collected(script: str, *arguments: str) -> int:
    """Instructions a fresh ``python script arguments...`` in this folder executes, whole."""
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    if shutil.which("setarch"):
        command = ["setarch", platform.machine(), "-R", *command]
    command += [sys.executable, str(HERE / script), *arguments]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=True,
        cwd=HERE,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    return int(re.search(r"Collected : (\d+)", done.stderr).group(1))  # type: ignore[union-attr]


def _per_run(runs: int, *arguments: str) -> int:
    return (
        collected("instructions.py", *arguments, str(runs)) - collected("instructions.py", *arguments, "0")
    ) // runs


def measure() -> dict[str, int]:
    """Instructions per request of each side in ``SIDES``."""
    return {name: _per_run(REQUESTS, state, view, warnings) for name, state, view, warnings in SIDES}


def measure_api() -> dict[str, dict[str, int]]:
    """Legacy call label -> instructions per run of its modern equivalent and of the legacy call in each mode.

    Starting Django under valgrind takes seconds, so each mode is one
    process that counts every statement: collection is on only inside
    ``_MARKER``, which the child calls once per counted loop, and each
    return writes a dump; an empty loop, counted the same way, is subtracted.
    """
    found: dict[str, dict[str, int]] = {}
    for warnings, sides in API_PROCESSES:
        with tempfile.TemporaryDirectory() as directory:
            out = Path(directory, "counts")
            command = [
                "valgrind",
                "--tool=callgrind",
                "--collect-atstart=no",
                f"--toggle-collect={_MARKER}",
                f"--dump-after={_MARKER}",
                f"--callgrind-out-file={out}",
            ]
            if shutil.which("setarch"):
                command = ["setarch", platform.machine(), "-R", *command]
            command += [sys.executable, str(HERE / "instructions.py"), "--api", warnings, *sides]
            done = subprocess.run(
                command,
                capture_output=True,
                text=True,
                check=True,
                cwd=HERE,
                env={**os.environ, "PYTHONHASHSEED": "0"},
            )
            labels = [tuple(label) for label in json.loads(done.stdout.strip().splitlines()[-1])]
            totals = [_total(Path(f"{out}.{n}")) for n in range(1, len(labels) + 1)]
        empty = dict(zip(labels, totals, strict=True))
        for (side, label), total in zip(labels, totals, strict=True):
            if label is not None:
                found.setdefault(label, {})[side] = (total - empty[side, None]) // CALLS
    return found


def _total(dump: Path) -> int:
    return int(re.search(r"^totals: (\d+)", dump.read_text(), re.M).group(1))  # type: ignore[union-attr]


def _settled_runs(run: object, runs: int) -> None:
    import gc

    for _ in range(50):  # imports, caches and the specialising interpreter settle
        run()  # type: ignore[operator]
    gc.collect()
    gc.disable()
    for _ in range(runs):
        run()  # type: ignore[operator]


def _serve(state: str, view: str, warnings: str, requests: int) -> None:
    import timed
    from request_cycle import serve

    pair = timed.PAIRS["cycle/compat-legacy" if warnings == "once" else "cycle/compat-legacy-production"]
    handler = timed.statements_namespace(pair, state)["handler"]
    _settled_runs(lambda: serve(handler, view), requests)


def _count_calls(warnings: str, sides: list[str]) -> None:
    """The child of ``measure_api``: one counted loop per (side, statement), the empty loop first."""
    import functools

    pair = timed.PAIRS[f"api/{timed.API_CASES[0].label}/{'production' if warnings == 'ignore' else 'compat'}"]
    namespace = timed.statements_namespace(pair, pair.candidate_state)
    from django.http import QueryDict

    class ControlQueryDict(QueryDict):
        has_key = dict.__contains__

    namespace["control"] = ControlQueryDict("a=1&b=2&b=3")
    labels: list[tuple[str, str | None]] = []
    for side in sides:
        timed.set_state(pair.setup, pair.baseline_state if side == "modern" else pair.candidate_state)
        controls = () if side == "counting" else CONTROLS
        for case in (None, *timed.API_CASES, *controls):
            statement = "pass" if case is None else case.modern if side == "modern" else case.legacy
            if case is not None:
                exec(statement, namespace)
                if not eval(case.check, namespace):
                    raise AssertionError(f"{case.label} ({side}): {statement!r} left {case.check!r} false")
            loop = compile(f"for _ in range({CALLS}):\n    {statement}", "<benchmark>", "exec")
            for _ in range(2):  # the first warning, caches and the specialising interpreter settle
                exec(loop, namespace)
            functools.reduce(lambda _, __: exec(loop, namespace), range(1), None)
            labels.append((side, None if case is None else case.label))
    print(json.dumps(labels))


if __name__ == "__main__":
    if sys.argv[1] == "--api":
        _count_calls(sys.argv[2], sys.argv[3:])
    else:
        _serve(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))

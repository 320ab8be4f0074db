"""What finding a call site costs in pure Python, step by step, counted by callgrind.

Counting mode keys each repeated legacy call on the calling code object and
instruction offset.  This counts, in plain Python without Django or the
shim, what each step of that lookup adds to a call: a wrapper's frame,
``sys._getframe(1)``, reading ``f_code`` and ``f_lasti``, and the key tuple
with its dictionary lookup.  ``python site_lookup.py`` prints instructions
per call for each step (valgrind must be installed).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

CALLS = 2000
STEPS = (
    "work called directly",
    "a wrapper's frame",
    "sys._getframe(1)",
    "f_code and f_lasti",
    "key and lookup",
)


def _child(step: str, calls: int) -> None:
    getframe = sys._getframe
    known: dict[tuple[str, int, int], object] = {}

    def work(obj: object) -> object:
        return obj

    def wrapper(obj: object) -> object:
        return work(obj)

    def with_frame(obj: object) -> object:
        getframe(1)
        return work(obj)

    def with_code_and_offset(obj: object) -> object:
        frame = getframe(1)
        site = (frame.f_code, frame.f_lasti)
        return work(obj) if site else None

    def with_lookup(obj: object) -> object:
        frame = getframe(1)
        counter = known.get(("feature", id(frame.f_code), frame.f_lasti))
        return work(obj) if counter is None else counter

    called = dict(zip(STEPS, (work, wrapper, with_frame, with_code_and_offset, with_lookup), strict=True))[
        step
    ]
    for _ in range(300):  # the specialising interpreter settles
        called(None)
    for _ in range(calls):
        called(None)


def _instructions(step: str, calls: int) -> int:
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            __file__,
            step,
            str(calls),
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    return int(re.search(r"Collected : (\d+)", done.stderr).group(1))  # type: ignore[union-attr]


def measure() -> dict[str, int]:
    """Instructions per call of each step, the loop included."""
    return {step: (_instructions(step, CALLS) - _instructions(step, 0)) // CALLS for step in STEPS}


if __name__ == "__main__":
    if len(sys.argv) == 3:
        _child(sys.argv[1], int(sys.argv[2]))
    else:
        previous = None
        for step, count in measure().items():
            added = "" if previous is None else f"  (+{count - previous:,})"
            print(f"{step:24} {count:>6,}{added}")
            previous = count

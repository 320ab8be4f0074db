"""Peak RSS growth while a view reads a 200 MB request body line by line.

Run as ``python memory.py SETUP HOW`` in a fresh process, one per variant
(``run.py`` does that); prints one JSON line.  HOW is ``xreadlines``,
``iterate`` (``for line in request``) or ``read``, the control that holds the
whole body and so shows the measurement sees what is kept.  The body is generated while it
is read, so only what Django or the shim keep shows up as growth.
"""

from __future__ import annotations

import io
import json
import sys
from typing import Any

from setups import configure

BODY_BYTES = 200 * 1024 * 1024
LINE = b"x" * 99 + b"\n"  # 100-byte lines: two million of them


class GeneratedBody(io.RawIOBase):
    """``BODY_BYTES`` of ``LINE``s, produced as they are read and never held whole."""

    def __init__(self) -> None:
        self.remaining = BODY_BYTES
        self.block = LINE * 655  # 65,500 bytes: whole lines per refill
        self.offset = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = min(len(buffer), self.remaining, len(self.block) - self.offset)
        buffer[:size] = self.block[self.offset : self.offset + size]
        self.offset = (self.offset + size) % len(self.block)
        self.remaining -= size
        return size


def _status(field: str) -> int:
    """A /proc/self/status memory field, in bytes."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    raise LookupError(field)


def _reset_peak() -> None:
    # Writing 5 to clear_refs resets VmHWM, the peak RSS, to the current RSS.
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")


def read_lines(request: Any, how: str) -> tuple[int, int]:
    if how == "read":  # the control: holding the body must show as growth
        data = request.read()
        return data.count(b"\n"), len(data)
    lines = request.xreadlines() if how == "xreadlines" else request
    count = size = 0
    for line in lines:
        count += 1
        size += len(line)
    return count, size


def main(setup: str, how: str) -> dict[str, Any]:
    configure(setup, warnings="ignore")
    from django.core.handlers.wsgi import WSGIRequest
    from request_cycle import environ

    body = io.BufferedReader(GeneratedBody(), buffer_size=64 * 1024)
    request = WSGIRequest(
        environ(
            "modern",
            REQUEST_METHOD="POST",
            CONTENT_TYPE="text/plain",
            CONTENT_LENGTH=str(BODY_BYTES),
            **{"wsgi.input": body},
        )
    )
    _reset_peak()
    before = _status("VmRSS")
    count, size = read_lines(request, how)
    growth = _status("VmHWM") - before
    if (count, size) != (BODY_BYTES // len(LINE), BODY_BYTES):
        raise AssertionError(f"read {count} lines, {size} bytes")
    return {"setup": setup, "how": how, "lines": count, "bytes": size, "peak_growth": growth}


if __name__ == "__main__":
    print(json.dumps(main(*sys.argv[1:3])))

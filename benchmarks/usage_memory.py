"""RSS growth while many short-lived code objects each make one legacy call.

Code compiled at run time (template engines that compile to Python, ``exec``
of generated source) makes a new code object per template.  Counting uses per
call site must not keep those objects alive.  Run as
``python usage_memory.py SETUP CODES FILES`` in a fresh process (``run.py``
does that); prints one JSON line.  SETUP ``compat`` calls ``request.is_ajax()``
with the shim counting; ``plain`` calls the modern equivalent without the
shim, the control.  FILES is ``one`` (every code object has the same file
name, so they share one counted site) or ``each`` (a file name per code
object: a counted site each, which the counts must keep).
"""

from __future__ import annotations

import gc
import json
import sys
from typing import Any

from memory import _status
from setups import COMPAT, configure

CALLS = {
    COMPAT: "request.is_ajax()",
    "plain": 'request.headers.get("x-requested-with") == "XMLHttpRequest"',
}


def main(setup: str, codes: int, files: str) -> dict[str, Any]:
    configure(setup, warnings="ignore")
    from django.test import RequestFactory

    import django_http_compat

    django_http_compat.usage_counts.keep_counting()  # what is measured is the counting
    request = RequestFactory().get("/", HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    source = CALLS[setup]
    exec(compile(source, "<warm-up>", "exec"), {"request": request})
    gc.collect()
    before = _status("VmRSS")
    for n in range(codes):
        filename = "<template>" if files == "one" else f"<template {n}>"
        exec(compile(source, filename, "exec"), {"request": request})
    gc.collect()
    growth = _status("VmRSS") - before
    counted = django_http_compat.usage()
    return {
        "setup": setup,
        "codes": codes,
        "files": files,
        "sites": len(counted) - 1 if counted else 0,
        "calls": sum(counted.values()) - 1 if counted else 0,
        "growth": growth,
        "per_code": growth / codes,
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], int(sys.argv[2]), sys.argv[3])))

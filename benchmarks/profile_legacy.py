"""Where a legacy call's time goes: a pyinstrument profile of each legacy statement.

``tox -e bench -- --profile`` runs it instead of the benchmarks (or
``python benchmarks/profile_legacy.py [LABEL-SUBSTRING]`` in the bench
environment).  Each statement of ``timed.API_CASES`` runs in a loop under the
shim, after its first warning, and the call tree shows what the shim adds to
the work the modern equivalent does.
"""

from __future__ import annotations

import sys
import timeit

import timed
from pyinstrument import Profiler

LOOPS = 100_000


def profile(select: str = "") -> str:
    namespace = timed.statements_namespace(timed.PAIRS["api/request.is_ajax()/compat"], timed.SHIM_STATE)
    out = []
    for case in timed.API_CASES:
        if select not in case.label:
            continue
        timer = timeit.Timer(case.legacy, globals=namespace)
        timer.timeit(10)  # the first warning, and a warm interpreter
        profiler = Profiler(interval=0.0002)
        profiler.start()
        timer.timeit(LOOPS)
        profiler.stop()
        out += [f"=== {case.label}: {LOOPS:,} calls", profiler.output_text(show_all=True, color=False)]
    return "\n".join(out)


if __name__ == "__main__":
    print(profile(sys.argv[1] if len(sys.argv) > 1 else ""))

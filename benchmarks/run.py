"""Run every benchmark and report each figure as a ratio against its target: ``tox -e bench``.

Each comparison is a pair (``timed.py``).  pyperf times both sides of every
pair, each in worker processes of its own: the absolute figures.  On a shared
machine two such runs of the same code can land tens of percent apart, so the
ratios come from a second measurement, both sides timed in alternating short
blocks in one process (the median of the per-block ratios).  The manager then
measures memory and start-up in fresh processes (``memory.py``,
``startup.py``), times the audit against django-upgrade on Django's own
source (``audit_speed.py``), counts the instructions of one request where valgrind is
installed (``instructions.py``) and what finding a call site costs in plain
Python (``site_lookup.py``), and prints the report.  ``--docs FILE`` also writes the report as reStructuredText, which
``docs/performance.rst`` includes.  pyperf's own options apply: ``--fast``
for a quick look, ``--rigorous`` for more processes, ``-o FILE`` to keep the
raw timings.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

import audit_speed
import django
import instructions
import pyperf
import report
import site_lookup
import timed
from setups import COMPAT, PATCHER, PLAIN

HERE = Path(__file__).resolve().parent

#: Memory variants: (setup, how the view reads the body).
MEMORY = (
    (COMPAT, "xreadlines"),
    (PATCHER, "xreadlines"),
    (PLAIN, "iterate"),
    (COMPAT, "iterate"),
    (PLAIN, "read"),
)


def _forward_options(command: list[str], args: Any) -> None:
    # Workers must register the same benchmarks, or pyperf's task numbers disagree.
    if args.select:
        command.extend(("--select", args.select))


def _in_fresh_process(script: str, *arguments: str) -> str:
    done = subprocess.run(
        [sys.executable, str(HERE / script), *arguments], capture_output=True, text=True, check=True, cwd=HERE
    )
    return done.stdout.strip().splitlines()[-1]


def measure_memory() -> list[dict[str, Any]]:
    return [json.loads(_in_fresh_process("memory.py", setup, how)) for setup, how in MEMORY]


def measure_startup(samples: int) -> dict[str, float]:
    """Median milliseconds over ``samples`` fresh processes per tool, taken in turn."""
    times: dict[str, list[float]] = {COMPAT: [], PATCHER: []}
    for _ in range(samples):
        for setup, found in times.items():
            found.append(float(_in_fresh_process("startup.py", setup)))
    return {setup: statistics.median(found) for setup, found in times.items()}


def measure_pairs(names: list[str], processes: int, blocks: int) -> dict[str, list[float]]:
    """candidate/baseline ratios per pair, from ``processes`` fresh processes each, taken in turn."""
    ratios: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(processes):
        for name in names:
            pairs = json.loads(_in_fresh_process("timed.py", name, str(blocks)))
            ratios[name] += [candidate / baseline for baseline, candidate in pairs]
    return ratios


def main() -> None:
    if sys.argv[1:2] == ["--profile"]:  # call trees instead of timings
        import profile_legacy

        print(profile_legacy.profile(*sys.argv[2:3]))
        return
    runner = pyperf.Runner(processes=4, add_cmdline_args=_forward_options)
    runner.argparser.add_argument("--select", default="", help="only the pairs whose name contains this")
    runner.argparser.add_argument("--docs", help="also write the report as reStructuredText to this file")
    runner.metadata["django_version"] = django.__version__
    selected = [name for name in timed.PAIRS if runner.parse_args().select in name]
    timings = {}
    for name in selected:
        for side in timed.SIDES:
            timings[name, side] = runner.bench_time_func(
                f"{name} [{side}]", timed.time_side, timed.PAIRS[name], side
            )
    if runner.args.worker:
        return
    everything = not runner.args.select
    fast = runner.args.fast
    results = report.Results(
        medians={key: found.median() for key, found in timings.items()},
        ratios=measure_pairs(selected, processes=3 if fast else 6, blocks=20 if fast else 40),
        memory=measure_memory() if everything else [],
        startup=measure_startup(5 if fast else 21) if everything else {},
        instructions=instructions.measure() if everything and instructions.available() else {},
        machine=report.machine(next(iter(timings.values())).get_metadata() if timings else {}),
        command=" ".join(["tox -e bench --", *sys.argv[1:]]) if len(sys.argv) > 1 else "tox -e bench",
        audit=audit_speed.measure(3 if fast else 7) if everything else {},
        api_instructions=instructions.measure_api() if everything and instructions.available() else {},
        site_lookup=site_lookup.measure() if everything and instructions.available() else {},
    )
    print()
    print(report.as_text(results))
    if runner.args.docs:
        Path(runner.args.docs).write_text(report.as_rst(results), encoding="utf-8")


if __name__ == "__main__":
    main()

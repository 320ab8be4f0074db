"""The targets, and the report of one run as text or reStructuredText.

Every timed figure is a ratio of medians taken in the same run; the plain
Django benchmark is run twice so the report shows how far two identical runs
drift apart, the resolution of every other ratio.
"""

from __future__ import annotations

import statistics
from typing import Any, NamedTuple

import timed

#: The figures the issue set, as (what, limit).
CYCLE_MODERN_LIMIT = 1.02  # modern code, app installed / plain Django (timed)
CYCLE_MODERN_INSTRUCTIONS_LIMIT = 1.01  # the same, in instructions per request
CYCLE_LEGACY_LIMIT = 1.03  # a legacy view in production mode / its modern rewrite on plain Django
API_LIMIT = 1.25  # each legacy call in production mode / its hand-written modern equivalent
COUNTING_LIMIT = 150e-9  # a repeated legacy call in counting mode, over production mode, in seconds
PATCHER_LIMIT = 1.0  # the shim's legacy call / django-compat-patcher's
MEMORY_LIMIT = 16 * 1024 * 1024  # peak RSS growth over a 200 MB body, in bytes
STARTUP_LIMIT = 20.0  # import plus install, in ms
WARNING_LIMIT = (
    1e-6  # warn() called directly under a configuration that reports nothing, per call, in seconds
)

#: Which pyperf metadata describes the machine (no host names).
MACHINE_KEYS = ("cpu_model_name", "cpu_count", "platform", "python_implementation", "python_version")


class Results(NamedTuple):
    medians: dict[tuple[str, str], float]  # (pair, side) -> pyperf median, seconds per run
    ratios: dict[str, list[float]]  # pair -> candidate/baseline of every block pair
    memory: list[dict[str, Any]]
    startup: dict[str, float]  # setup -> median ms
    instructions: dict[str, int]  # side of instructions.SIDES -> instructions per request
    #: instructions.measure_api(): legacy call -> {"modern"|"production"|"counting": instructions per call}.
    machine: dict[str, str]
    command: str
    #: audit_speed.measure(): median wall seconds of the audit and django-upgrade on Django's tree.
    audit: dict[str, float] = {}
    api_instructions: dict[str, dict[str, int]] = {}
    #: site_lookup.measure(): step -> instructions per call, in plain Python.
    site_lookup: dict[str, int] = {}


def machine(metadata: dict[str, Any]) -> dict[str, str]:
    described = {key: str(metadata[key]) for key in MACHINE_KEYS if key in metadata}
    described["django_version"] = str(metadata.get("django_version", "?"))
    return described


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def _time(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    if seconds >= 1e-6:
        return f"{seconds * 1e6:.2f} µs"
    return f"{seconds * 1e9:.0f} ns"


def _ratio(results: Results, name: str) -> float | None:
    found = results.ratios.get(name)
    return statistics.median(found) if found else None


def _spread(results: Results, name: str) -> str:
    """The median ratio and, in brackets, the middle half of the block ratios."""
    found = results.ratios[name]
    low, median, high = statistics.quantiles(found, n=4) if len(found) > 1 else found * 3
    return f"{median:.3f} [{low:.2f}–{high:.2f}]"


def _difference(results: Results, name: str, other: str) -> float | None:
    """How much longer ``name``'s candidate ran than ``other``'s, by pyperf's medians."""
    if (name, "candidate") not in results.medians or (other, "candidate") not in results.medians:
        return None
    return results.medians[name, "candidate"] - results.medians[other, "candidate"]


def _absolute(results: Results, name: str, side: str) -> str:
    seconds = results.medians.get((name, side))
    return _time(seconds) if seconds else "—"


def tables(results: Results) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, header, rows) for each part of the report that has results."""
    found = []
    rows = []
    for pair in timed.CYCLE:
        ratio = _ratio(results, pair.name)
        if ratio is None:
            continue
        limit = {
            "cycle/compat-modern": CYCLE_MODERN_LIMIT,
            "cycle/compat-legacy-production": CYCLE_LEGACY_LIMIT,
        }
        judged = limit.get(pair.name)
        rows.append(
            [
                pair.name.split("/")[1],
                _absolute(results, pair.name, "baseline"),
                _absolute(results, pair.name, "candidate"),
                _spread(results, pair.name),
                f"≤ {judged}" if judged else ("(noise floor)" if "again" in pair.name else ""),
                _verdict(ratio <= judged) if judged else "",
            ]
        )
    if rows:
        header = ["candidate", "plain", "candidate", "ratio [IQR]", "target", ""]
        found.append(("Request cycle (WSGI handler, small view)", header, rows))
    plain = results.instructions.get("plain")
    rows = []
    for name, count in results.instructions.items():
        if not plain or name == "plain":
            continue
        limit = {
            "compat-modern": CYCLE_MODERN_INSTRUCTIONS_LIMIT,
            "compat-legacy-production": CYCLE_LEGACY_LIMIT,
        }
        judged = limit.get(name)
        rows.append(
            [
                name,
                f"{plain:,}",
                f"{count:,}",
                f"{count / plain:.3f}",
                f"≤ {judged}" if judged else "",
                _verdict(count / plain <= judged) if judged else "",
            ]
        )
    if rows:
        header = ["candidate", "plain", "candidate", "ratio", "target", ""]
        found.append(("Request cycle, instructions per request (callgrind)", header, rows))
    rows = []
    for case in timed.API_CASES:
        production_name = f"api/{case.label}/production"
        counting_name, patcher_name = f"api/{case.label}/compat", f"api/{case.label}/patcher"
        production = _ratio(results, production_name)
        if production is None:
            continue
        patcher = _ratio(results, patcher_name)
        counting_cost = _difference(results, counting_name, production_name)
        rows.append(
            [
                case.label,
                _absolute(results, production_name, "baseline"),
                _absolute(results, production_name, "candidate"),
                _spread(results, production_name),
                _verdict(production <= API_LIMIT),
                _absolute(results, patcher_name, "candidate") if patcher else "—",
                f"{production / patcher:.2f}" if patcher else "—",
                _verdict(production <= patcher * PATCHER_LIMIT) if patcher else "",
                _absolute(results, counting_name, "candidate"),
                _time(counting_cost) if counting_cost is not None else "—",
            ]
        )
    if rows:
        header = [
            "legacy call",
            "modern",
            "production",
            "production/modern [IQR]",
            f"≤ {API_LIMIT}",
            "patcher",
            "production/patcher",
            "≤ patcher",
            "counting",
            "counting − production",
        ]
        found.append(("Legacy calls against their modern equivalents (time)", header, rows))
    rows = []
    for label, counts in results.api_instructions.items():
        modern, production, counting = counts["modern"], counts["production"], counts.get("counting")
        control = counting is None  # a plain-Python reference, not a legacy call: no target
        rows.append(
            [
                label,
                f"{modern:,}",
                f"{production:,}",
                f"{production / modern:.3f}",
                "" if control else f"≤ {API_LIMIT}",
                "" if control else _verdict(production / modern <= API_LIMIT),
                "—" if counting is None else f"{counting:,}",
                "—" if counting is None else f"{counting - production:+,}",
            ]
        )
    if rows:
        header = [
            "legacy call",
            "modern",
            "production",
            "production/modern",
            "target",
            "",
            "counting",
            "counting − production",
        ]
        found.append(("Legacy calls, instructions per call (callgrind)", header, rows))
    rows = []
    previous = None
    for step, count in results.site_lookup.items():
        rows.append([step, f"{count:,}", "" if previous is None else f"{count - previous:+,}"])
        previous = count
    if rows:
        found.append(
            (
                "Finding a call site in plain Python, instructions per call (callgrind)",
                ["step", "instructions", "added"],
                rows,
            )
        )
    rows = []
    labels = {
        "warn/once": ("entry point, site counted before (counting mode)", COUNTING_LIMIT),
        "warn/ignore": ("warn() called directly, nothing reported", WARNING_LIMIT),
    }
    for pair in timed.WARNING_SITE:
        if (pair.name, "candidate") in results.medians:
            cost = results.medians[pair.name, "candidate"] - results.medians[pair.name, "baseline"]
            label, limit = labels[pair.name]
            rows.append(
                [
                    label,
                    _spread(results, pair.name),
                    _time(cost),
                    f"≤ {_time(limit)}",
                    _verdict(cost <= limit),
                ]
            )
    if rows:
        found.append(
            (
                "A repeated legacy call, beyond its work (same process, alternating blocks)",
                ["what runs", "ratio [IQR]", "adds per call", "target", ""],
                rows,
            )
        )
    rows = []
    for measured in results.memory:
        control = measured["how"] == "read"
        growth = measured["peak_growth"]
        rows.append(
            [
                f"{measured['setup']}: {measured['how']}" + (" (control)" if control else ""),
                f"{growth / 2**20:.2f} MB",
                "" if control else f"< {MEMORY_LIMIT // 2**20} MB",
                "" if control else _verdict(growth < MEMORY_LIMIT),
            ]
        )
    if rows:
        found.append(
            (
                "Peak RSS growth reading a 200 MB body by lines",
                ["setup: reading", "growth", "target", ""],
                rows,
            )
        )
    rows = [
        [
            setup,
            f"{ms:.1f} ms",
            f"< {STARTUP_LIMIT:.0f} ms" if setup == "compat" else "",
            _verdict(ms < STARTUP_LIMIT) if setup == "compat" else "",
        ]
        for setup, ms in results.startup.items()
    ]
    if rows:
        found.append(("Import plus install", ["tool", "median", "target", ""], rows))
    if results.audit:
        import audit_speed

        title = f"Audit of Django's own {results.audit['files']:.0f} files, wall time"
        found.append((title, ["tool", "median", "target", ""], audit_speed.rows(results.audit)))
    return found


def as_text(results: Results) -> str:
    out = [f"Machine: {', '.join(f'{k}={v}' for k, v in results.machine.items())}"]
    for title, header, rows in tables(results):
        widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
        out += ["", title]
        for row in (header, *rows):
            out.append(
                "  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
            )
    return "\n".join(out) + "\n"


def as_rst(results: Results) -> str:
    out = [
        ".. Written by benchmarks/run.py --docs; do not edit by hand.",
        "",
        f"Command: ``{results.command}``",
        "",
        *(f"* {key.replace('_', ' ')}: {value}" for key, value in results.machine.items()),
    ]
    for title, header, rows in tables(results):
        out += ["", title, "-" * len(title), "", ".. list-table::", "   :header-rows: 1", ""]
        for row in (header, *rows):
            out.append(f"   * - {row[0] or ' '}")
            out += [f"     - {cell or ' '}" for cell in row[1:]]
    return "\n".join(out) + "\n"

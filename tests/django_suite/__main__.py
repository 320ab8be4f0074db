"""``python -m tests.django_suite``: run Django's tests with the app installed, compare with the list.

Fetches the suite of the installed Django (fetch.py), runs the fixed subset
(runner.py) once per run in a fresh process, and compares each run's
failures with expected_failures.toml.  Exits non-zero when they disagree in
either direction: a failure not listed, or a listed failure that passed.

  --runs unset,1.6     which runs (also "plain": the app not installed, to see
                       what fails in plain Django here)
  --features ID=off    override features (bisecting a failure), or
  --warnings MODE      another HTTP_COMPAT_WARNINGS; the list then does not
                       apply and every failure is printed
  --write              update expected_failures.toml from the runs (and exit 0);
                       new entries get an empty feature and reason, to be
                       written by hand
  labels, -k PATTERN   a part of the subset (only those tests are compared)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django

from tests import expected_lists

from . import expected, fetch
from .recorder import SYSTEM_CHECKS

# The runs and their settings.  With no version set only non-conflicting
# features are on: APIs that modern code never calls, so a legacy warning in
# that run means the shim took a modern call for a legacy one, and warnings
# are errors.  At "1.6" conflicting features change what some modern calls do
# and warn on those calls by design (``HttpResponse(iterator)``); an error
# there would stop the test at the call and hide what the changed behaviour
# does, so that run keeps the default "once" and its failures are behaviour.
RUN_SETTINGS = {
    "unset": {"HTTP_COMPAT_WARNINGS": "error"},
    "1.6": {"HTTP_COMPAT_VERSION": "1.6", "HTTP_COMPAT_WARNINGS": "once"},
    "plain": None,  # the app not installed
}


def parse_features(text: str) -> dict[str, bool]:
    features = {}
    for item in filter(None, text.split(",")):
        name, _, state = item.partition("=")
        if state not in ("on", "off"):
            raise argparse.ArgumentTypeError(f"{item!r}: write ID=on or ID=off")
        features[name] = state == "on"
    return features


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(
    run: str, options: argparse.Namespace, suite: Path, results: Path
) -> tuple[dict, tuple[float, float]]:
    env = dict(os.environ, DJANGO_SUITE_DIR=str(suite), DJANGO_SUITE_RESULTS=str(results))
    # Inside the suite's folder, as runtests.py expects: labels that are also
    # folder names here ("cache") would be taken as paths, and some tests
    # write relative to the working directory.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(fetch.REPO), env.get("PYTHONPATH")]))
    compat = RUN_SETTINGS[run]
    if compat is None:
        env["DJANGO_SUITE_WITHOUT_APP"] = "1"
    else:
        if options.features:
            compat = {**compat, "HTTP_COMPAT_FEATURES": options.features}
        if options.warnings:
            compat = {**compat, "HTTP_COMPAT_WARNINGS": options.warnings}
        env["DJANGO_SUITE_HTTP_COMPAT"] = json.dumps(compat)
    command = [sys.executable, "-m", "tests.django_suite.runner", "--parallel", str(options.parallel)]
    command += [f"-k={pattern}" for pattern in options.patterns or ()]
    command += options.labels
    print(f"\n=== Django {django.__version__}, run {run!r}: {json.dumps(compat)}", flush=True)
    started, cpu = time.monotonic(), _children_cpu()
    subprocess.run(command, env=env, cwd=suite)
    elapsed = (time.monotonic() - started, _children_cpu() - cpu)
    if not results.is_file():
        # The runner died before its result: report it as a failure of its own.
        return {"tests_run": 0, "skipped": 0, "test_ids": [], "failures": {"runner": {}}}, elapsed
    with open(results) as file:
        return json.load(file), elapsed


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.django_suite", description=__doc__.splitlines()[0])
    parser.add_argument("labels", nargs="*", help="a part of the subset, e.g. httpwrappers")
    parser.add_argument("--runs", default="unset,1.6", help="comma-separated: unset, 1.6, plain")
    parser.add_argument("--parallel", type=int, default=2, help="Django's test processes (default 2)")
    parser.add_argument("-k", dest="patterns", action="append", help="only tests matching")
    parser.add_argument("--features", type=parse_features, default={}, help="ID=on|off,...")
    parser.add_argument("--warnings", help="another HTTP_COMPAT_WARNINGS (the list then does not apply)")
    parser.add_argument("--write", action="store_true", help="update expected_failures.toml")
    parser.add_argument("--keep", type=Path, help="keep each run's record (JSON, with tracebacks) here")
    options = parser.parse_args()
    if sys.version_info[:3] == (3, 12, 1) and options.parallel > 1:
        # Its unittest calls no startTest() for a skipped test, and Django's
        # parallel runner counts those calls to know which test failed.
        parser.error("on Python 3.12.1 the parallel runner names the wrong failing tests; use --parallel 1")
    runs = options.runs.split(",")
    if unknown := set(runs) - set(RUN_SETTINGS):
        parser.error(f"unknown runs {sorted(unknown)}")
    overridden = bool(options.features or options.warnings)
    listed = not options.write and not overridden
    entries = expected.load(reviewed=not options.write)
    release = "{}.{}".format(*django.VERSION[:2])
    whole_subset = not options.labels and not options.patterns
    suite = fetch.suite_dir()

    disagreements = 0
    summary = []
    covered: set[expected.Combination] = set()
    failed: set[expected.Combination] = set()
    with tempfile.TemporaryDirectory() as work:
        for run in runs:
            results = Path(options.keep or work, f"django-{django.__version__}-{run}.json")
            results.parent.mkdir(parents=True, exist_ok=True)
            results.unlink(missing_ok=True)
            record, elapsed = run_once(run, options, suite, results)
            failures = record["failures"]
            summary.append(
                f"Django {django.__version__}, run {run}: {record['tests_run']} tests, "
                f"{record['skipped']} skipped, {len(failures)} failing, {elapsed[0]:.0f} s wall, {elapsed[1]:.0f} s CPU"
            )
            ran = set(record["test_ids"]) | set(failures) | {SYSTEM_CHECKS}
            if run in expected.RUNS and not overridden:
                failed |= {(test, run, release) for test in failures}
                covered |= {(test, run, release) for test in ran}
                if whole_subset:  # an entry for a test no longer in the subset is stale
                    covered |= {c for c in expected.expected(entries) if c[1:] == (run, release)}
            if not listed or run not in expected.RUNS:
                for test in sorted(failures):
                    summary.append(f"  failing: {test}")
                disagreements += bool(failures)
                continue
            should_fail = {c[0] for c in expected.expected(entries) if c[1:] == (run, release)}
            found = expected_lists.disagreements(
                set(failures), should_fail, should_fail if whole_subset else ran
            )
            summary += found
            disagreements += len(found)

    if options.write:
        entries = expected.updated(entries, covered.__contains__, failed)
        summary.append(expected_lists.write(expected.LIST, expected.dump, entries, "a feature and a reason"))
    print("\n" + "\n".join(summary))
    # After --write the list says what the runs did: nothing left to disagree with.
    return 1 if disagreements and not options.write else 0


if __name__ == "__main__":
    sys.exit(main())

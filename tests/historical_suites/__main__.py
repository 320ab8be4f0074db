"""``python -m tests.historical_suites``: old Django's django.http tests at their flag, compared with the list.

Fetches each release's test packages (fetch.py), runs them on the installed
Django with ``HTTP_COMPAT_VERSION`` set to that release, one fresh process
per release (runner.py), and compares the failures with
expected_failures.toml.  Exits non-zero when they disagree in either
direction: a failure not listed, or a listed failure that passed.

  --releases 1.4,1.6   which releases (default: all)
  --write              update expected_failures.toml from the runs (and exit 0);
                       new entries get an empty category and reason, to be
                       written by hand
  --keep DIR           keep each run's record (JSON, with tracebacks) there
  -v                   print each failure's last traceback line
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import django

from tests import expected_lists

from . import expected, fetch


def run_release(flag: str, results: Path) -> dict:
    """The record of one release's run (tests/django_suite/recorder.py writes it)."""
    suite = fetch.suite_dir(flag)
    labels = list(fetch.RELEASES[flag].labels)
    # The suite's folder first, so its "requests" package wins over any installed one.
    path = [str(suite), str(fetch.REPO), os.environ.get("PYTHONPATH", "")]
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(filter(None, path)),
        HISTORICAL_SUITE_FLAG=flag,
        DJANGO_SUITE_RESULTS=str(results),
    )
    subprocess.run([sys.executable, "-m", "tests.historical_suites.runner", *labels], env=env, cwd=suite)
    if not results.is_file():
        # The runner died before its record: a failure of its own.
        return {"tests_run": 0, "skipped": 0, "test_ids": [], "failures": {"runner": {"detail": ""}}}
    with open(results) as file:
        return json.load(file)


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.historical_suites", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--releases", default=",".join(fetch.RELEASES), help="comma-separated flags")
    parser.add_argument("--write", action="store_true", help="update expected_failures.toml")
    parser.add_argument("--keep", type=Path, help="keep each run's record (JSON, with tracebacks) here")
    parser.add_argument("-v", dest="verbose", action="store_true", help="print each failure's last line")
    options = parser.parse_args()
    releases = options.releases.split(",")
    if unknown := set(releases) - set(fetch.RELEASES):
        parser.error(f"unknown releases {sorted(unknown)}; they are {', '.join(fetch.RELEASES)}")
    entries = expected.load(reviewed=not options.write)
    should_fail = expected.expected(entries)
    # How each listed failure is counted: its category, and whether differences.py lacks it.
    categories = {
        combo: entry.category + (" (not in differences.py)" if entry.unlisted else "")
        for entry in entries
        for combo in entry.combinations()
    }

    disagreements = 0
    summary = [f"Django {django.__version__}, Python {sys.version.split()[0]}"]
    covered: set[expected.Combination] = set()
    failed: set[expected.Combination] = set()
    with tempfile.TemporaryDirectory() as work:
        for flag in releases:
            results = Path(options.keep or work, f"historical-{flag}.json")
            results.parent.mkdir(parents=True, exist_ok=True)
            results.unlink(missing_ok=True)
            print(
                f"\n=== Django {fetch.RELEASES[flag].version}'s tests at HTTP_COMPAT_VERSION = {flag!r}",
                flush=True,
            )
            started = time.monotonic()
            record = run_release(flag, results)
            failures = record["failures"]
            ran = {(test, flag) for test in {*record["test_ids"], *failures}}
            covered |= ran | {combo for combo in should_fail if combo[1] == flag}
            failed |= {(test, flag) for test in failures}
            listed = {combo for combo in should_fail if combo[1] == flag}
            counts: dict[str, int] = {}
            for combo in listed & failed:
                counts[categories[combo]] = counts.get(categories[combo], 0) + 1
            by_category = ", ".join(f"{n} {category}" for category, n in sorted(counts.items())) or "none"
            summary.append(
                f"{flag} ({fetch.RELEASES[flag].version}): {len(record['test_ids'])} found, "
                f"{record['tests_run']} run, {record['skipped']} skipped, "
                f"{record['tests_run'] - record['skipped'] - len(failures)} passing, "
                f"{len(failures)} failing; expected failures: {by_category}; "
                f"{time.monotonic() - started:.1f} s"
            )
            listed_tests = {test for test, _ in listed}
            found = expected_lists.disagreements(set(failures), listed_tests, listed_tests)
            summary += found
            disagreements += len(found)
            if options.verbose:
                for test in sorted(failures):
                    detail = failures[test].get("detail", "").strip().splitlines() or [""]
                    summary.append(f"    {test}: {detail[-1][:300]}")

    if options.write:
        entries = expected.updated(entries, covered, failed)
        summary.append(expected_lists.write(expected.LIST, expected.dump, entries, "a category and a reason"))
    print("\n" + "\n".join(summary))
    return 1 if disagreements and not options.write else 0


if __name__ == "__main__":
    sys.exit(main())

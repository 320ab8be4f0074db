"""The test runner of the Django-suite runs: Django's, writing down what happened.

Failures are recorded by test id (a failing subtest under its test's id) in a
JSON file that ``python -m tests.django_suite`` compares with the list of
expected failures.  A system check error, which would stop Django's runner
before any test, is recorded as the failure ``system checks`` and the tests run
anyway, so one broken check does not hide everything else.
"""

from __future__ import annotations

import json
import os
import traceback
import unittest
from collections import Counter
from multiprocessing.reduction import ForkingPickler
from typing import Any, NamedTuple

from django.core.management.base import SystemCheckError
from django.test.runner import DiscoverRunner, ParallelTestSuite, RemoteTestResult, RemoteTestRunner
from django.test.utils import iter_test_cases

SYSTEM_CHECKS = "system checks"

# Tests that fail in plain Django when run as root, who may read and write
# files whatever their mode: skipped then, with this reason.
FAIL_AS_ROOT = {
    "file_uploads.tests.DirectoryCreationTests.test_readonly_root",
    "template_tests.test_loaders.FileSystemLoaderTests.test_permissions_error",
}
AS_ROOT = "fails in plain Django too when run as root (file modes do not bind root)"


@unittest.skip(AS_ROOT)
def skipped_as_root() -> None:
    """Stands in for a test of FAIL_AS_ROOT (module level, so that it pickles)."""


def test_id(test: unittest.TestCase) -> str:
    case = getattr(test, "test_case", test)  # a subTest reports as its test
    return case.id()


class UnpicklableFailure(Exception):
    """A test's exception that could not be sent from a worker process, as text."""


class SubTestText(NamedTuple):
    """A failed subtest that could not be pickled, sent as its message and parameters' reprs."""

    message: Any
    params: dict[str, str]


def _sendable(part: Any) -> Any:
    """``part`` of a result event, or a picklable stand-in for it."""
    if isinstance(part, tuple) and len(part) == 3 and isinstance(part[1], BaseException):
        text = "".join(traceback.format_exception(*part))
        return (UnpicklableFailure, UnpicklableFailure(text), None)
    if isinstance(part, unittest.case._SubTest):
        return SubTestText(part._message, {name: repr(value) for name, value in part.params.items()})
    return part


class SendAnythingResult(RemoteTestResult):
    """Leaves the check that a failure pickles to ``TextWhereNeededRunner``."""

    def check_picklable(self, test: Any, err: Any) -> None:
        pass

    def check_subtest_picklable(self, test: Any, subtest: Any) -> None:
        pass


class TextWhereNeededRunner(RemoteTestRunner):
    """Sends a failure that cannot be pickled as its formatted traceback.

    Django's parallel runner pickles the events of each worker to send them
    to the main process; one failure holding something that cannot be pickled
    (a view function, a form, an open file in a traceback) aborts the whole
    run.  Such an event is sent with its traceback as text instead; all
    others go unchanged.
    """

    resultclass = SendAnythingResult

    def run(self, test: Any) -> Any:
        result = super().run(test)
        for index, event in enumerate(result.events):
            try:
                ForkingPickler.dumps(event)
            except Exception:
                result.events[index] = tuple(_sendable(part) for part in event)
        return result


class RecordingParallelSuite(ParallelTestSuite):
    runner_class = TextWhereNeededRunner

    def handle_event(self, result: Any, tests: Any, event: Any) -> None:
        if event[0] == "addSubTest" and isinstance(event[2], SubTestText):
            subtest = unittest.case._SubTest(tests[event[1]], event[2].message, event[2].params)
            event = (*event[:2], subtest, *event[3:])
        super().handle_event(result, tests, event)


class RecordingRunner(DiscoverRunner):
    parallel_test_suite = RecordingParallelSuite

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.test_ids: list[str] = []
        self.check_failure: str | None = None

    def build_suite(self, *args: Any, **kwargs: Any) -> unittest.TestSuite:
        suite = super().build_suite(*args, **kwargs)
        tests = list(iter_test_cases(suite))
        self.test_ids = [test.id() for test in tests]
        if os.geteuid() == 0:
            for test in tests:
                if test.id() in FAIL_AS_ROOT:
                    # An instance attribute, so only this test is affected.
                    setattr(test, test._testMethodName, skipped_as_root)
        return suite

    def run_checks(self, databases: Any) -> None:
        try:
            super().run_checks(databases)
        except SystemCheckError as exc:
            self.check_failure = str(exc)
            print(exc)

    def suite_result(self, suite: Any, result: unittest.TestResult, **kwargs: Any) -> int:
        failures: dict[str, dict[str, str]] = {}
        if self.check_failure is not None:
            failures[SYSTEM_CHECKS] = {"kind": "error", "detail": self.check_failure}
        outcomes = [("failure", result.failures), ("error", result.errors)]
        outcomes.append(("unexpected success", [(test, "") for test in result.unexpectedSuccesses]))
        for kind, entries in outcomes:
            for test, detail in entries:
                failures.setdefault(test_id(test), {"kind": kind, "detail": detail})
        record = {
            "tests_run": result.testsRun,
            "skipped": len(result.skipped),
            "skip_reasons": Counter(reason for _, reason in result.skipped),
            "expected_failures": len(result.expectedFailures),
            "test_ids": self.test_ids,
            "failures": failures,
        }
        with open(os.environ["DJANGO_SUITE_RESULTS"], "w") as file:
            json.dump(record, file, indent=1)
        return super().suite_result(suite, result, **kwargs) + (self.check_failure is not None)

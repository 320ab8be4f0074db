"""The pytest plugin, run by pytest in a subprocess (the ``pytester`` fixture) on small suites."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# Behaviour that tells eras apart: is_ajax() went in 4.0, REQUEST in 1.9.
ERA_PROBES = """
import warnings

from django.test import RequestFactory


def has(name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return hasattr(RequestFactory().get("/"), name)
"""


@pytest.fixture
def suite(pytester, monkeypatch):
    """A suite on this repository's test settings (HTTP_COMPAT_VERSION unset), with only the plugins named."""
    for name in ("PYTHONWARNINGS", "PYTHONDEVMODE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(REPO), str(pytester.path)]))
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "tests.settings")
    pytester.makepyfile(probes=ERA_PROBES)

    def run(*args: str) -> pytest.RunResult:
        return pytester.runpytest_subprocess(
            "-p",
            "pytest_django.plugin",
            "-p",
            "django_http_compat.pytest_plugin",
            "-p",
            "no:cacheprovider",
            *args,
        )

    return run


def test_the_version_option_runs_the_suite_under_an_era(pytester, suite):
    pytester.makepyfile(
        test_era="""
        from django.conf import settings
        from django.test import override_settings
        from probes import has

        def test_era():
            assert settings.HTTP_COMPAT_VERSION == "1.8"
            assert has("REQUEST") and has("is_ajax")

        @override_settings(HTTP_COMPAT_VERSION="6.1")
        def test_a_test_own_settings_still_win():
            assert not has("is_ajax")
        """
    )
    suite("--http-compat-version=1.8").assert_outcomes(passed=2)
    result = suite("--http-compat-version=1.9", "test_era.py::test_era")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*assert '1.9' == '1.8'*"])


def test_without_the_option_the_settings_decide(pytester, suite):
    pytester.makepyfile(
        test_default="""
        from django.conf import settings
        from probes import has

        def test_default():
            assert getattr(settings, "HTTP_COMPAT_VERSION", None) is None
            assert has("REQUEST") and has("is_ajax")
        """
    )
    suite().assert_outcomes(passed=1)


def test_an_invalid_version_is_a_usage_error(suite):
    result = suite("--http-compat-version=1.12")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--http-compat-version: *1.12*0.96, 1.0*"])


def test_the_marker_runs_one_test_and_its_fixtures_under_an_era(pytester, suite):
    pytester.makepyfile(
        test_marker="""
        import pytest
        from django.test import SimpleTestCase
        from probes import has

        @pytest.fixture
        def era_of_fixture():
            return has("REQUEST")

        @pytest.mark.http_compat("1.8")
        def test_marked(era_of_fixture):
            assert era_of_fixture and has("REQUEST")

        def test_unmarked():
            assert not has("is_ajax")

        @pytest.mark.http_compat("4.2", features={"request_is_ajax": True})
        def test_marked_with_features():
            assert has("is_ajax") and not has("REQUEST")

        class AsyncTests(SimpleTestCase):
            @pytest.mark.http_compat("1.8")
            async def test_async_marked(self):
                assert has("REQUEST")

            async def test_async_unmarked(self):
                assert not has("REQUEST")

        @pytest.mark.http_compat("1.12")
        def test_invalid():
            pass
        """
    )
    result = suite("--http-compat-version=6.1", "-p", "no:randomly")
    result.assert_outcomes(passed=5, errors=1)
    result.stdout.fnmatch_lines(
        [
            "*ERROR at setup of test_invalid*",
            "@pytest.mark.http_compat: (http_compat.E001) HTTP_COMPAT_VERSION='1.12' *",
        ]
    )


STRICT_SUITE = """
from django.test import RequestFactory


def test_legacy():
    request = RequestFactory().get("/", HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert request.is_ajax()
    assert request.is_ajax()


def test_modern():
    request = RequestFactory().get("/", HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert request.headers["x-requested-with"] == "XMLHttpRequest"


def test_failing_anyway():
    RequestFactory().get("/").is_ajax()
    assert False, "its own failure"
"""


def test_strict_fails_a_test_making_a_legacy_call_not_allowed(pytester, suite):
    pytester.makepyfile(test_strict=STRICT_SUITE)
    result = suite("--http-compat-strict", "-p", "no:randomly")
    result.assert_outcomes(passed=1, failed=2)
    result.stdout.fnmatch_lines(
        [
            "*legacy django.http calls not in the allow-list (--http-compat-strict):",
            '  test_strict.py:6  request_is_ajax, 1 call — use request.headers.get("x-requested-with")*',
            "  test_strict.py:7  request_is_ajax, 1 call — use *",
            "*its own failure*",
        ]
    )
    assert "test_strict.py:16  " not in result.stdout.str()  # that test is reported by its own failure


@pytest.mark.parametrize(
    ("allow", "passed"),
    [
        ("request_is_ajax", 2),
        ("test_strict.py", 2),
        ("test_*.py request_is_ajax", 2),
        ("test_strict.py request_REQUEST", 1),
        ("other.py", 1),
    ],
)
def test_the_ini_allow_list(pytester, suite, allow, passed):
    pytester.makepyfile(test_strict=STRICT_SUITE)
    pytester.makeini(
        f"[pytest]\nhttp_compat_allow =\n    # allowed until the views are migrated\n    {allow}\n"
    )
    suite("--http-compat-strict", "-p", "no:randomly").assert_outcomes(passed=passed, failed=3 - passed)


def test_an_allow_file(pytester, suite):
    pytester.makepyfile(test_strict=STRICT_SUITE)
    (pytester.path / "allowed.txt").write_text("# legacy calls left\ntest_strict.py  request_is_ajax\n")
    suite("--http-compat-strict", "--http-compat-allow-file=allowed.txt").assert_outcomes(passed=2, failed=1)
    pytester.makeini("[pytest]\nhttp_compat_allow_file = allowed.txt\n")
    suite("--http-compat-strict").assert_outcomes(passed=2, failed=1)
    result = suite("--http-compat-strict", "--http-compat-allow-file=missing.txt")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*cannot read the allow file *missing.txt*"])


def test_an_unknown_feature_in_the_allow_list_is_a_usage_error(pytester, suite):
    pytester.makepyfile(test_strict=STRICT_SUITE)
    pytester.makeini("[pytest]\nhttp_compat_allow = request_is_ajx\n")
    result = suite("--http-compat-strict")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*unknown feature id 'request_is_ajx'*"])


def test_without_strict_legacy_calls_pass(pytester, suite):
    pytester.makepyfile(test_strict=STRICT_SUITE)
    suite("-p", "no:randomly").assert_outcomes(passed=2, failed=1)

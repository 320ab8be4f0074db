"""Django's own historical ``django.http`` tests, run at their own release's flag.

``python -m tests.historical_suites`` (``tox -e py312-historical``) fetches the
``httpwrappers``, ``requests`` and ``responses`` test modules of Django 1.4,
1.5, 1.6, 1.8, 1.11 and 3.2 from those releases' sdists, runs each on the
installed (modern) Django with ``HTTP_COMPAT_VERSION`` set to that release,
and compares the failures with ``expected_failures.toml``, where each has a
reason.  See docs/testing.rst.
"""

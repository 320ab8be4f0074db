"""Django's own test suite, run with django_http_compat installed.

The promise is that modern code does not notice the app: Django's tests are
the largest body of modern code there is.  ``python -m tests.django_suite``
(``tox -e py312-djsuite-django61``) fetches the test suite of the installed
Django release, runs a fixed subset of it twice (no ``HTTP_COMPAT_VERSION``,
and ``"1.6"``) and compares the failures with ``expected_failures.toml``.
See docs/testing.rst.
"""

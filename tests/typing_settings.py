"""Settings for mypy's Django plugin (``[tool.django-stubs]`` in pyproject.toml).

Only the apps the package itself imports from, so the checked graph stays the
package's own, not the test project's models.
"""

from __future__ import annotations

SECRET_KEY = "not-secret"
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "django_http_compat"]

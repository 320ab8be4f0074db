from __future__ import annotations

from django.apps import AppConfig
from django.conf import settings
from django.core import checks


class HttpCompatConfig(AppConfig):
    name = "django_http_compat"
    verbose_name = "django.http compatibility"

    def ready(self) -> None:
        from . import patching, usage_counts
        from .checks import check_settings

        checks.register(check_settings, checks.Tags.compatibility)
        # Invalid settings patch nothing and are reported by check_settings.
        patching.install()
        usage_file = getattr(settings, "HTTP_COMPAT_USAGE_FILE", None)
        if usage_file:
            usage_counts.write_at_exit(usage_file)

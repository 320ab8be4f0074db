from __future__ import annotations

import logging

from django.apps import AppConfig
from django.conf import settings
from django.core import checks

logger = logging.getLogger("django_http_compat")


class HttpCompatConfig(AppConfig):
    name = "django_http_compat"
    verbose_name = "django.http compatibility"

    def ready(self) -> None:
        from . import installer, usage_counts
        from .checks import check_legacy_settings, check_settings
        from .conf import settings_config
        from .warnings import show_warnings

        checks.register(check_settings, checks.Tags.compatibility)
        checks.register(check_legacy_settings, checks.Tags.compatibility)
        # Invalid settings stop start-up here (InvalidSettings, an
        # ImproperlyConfigured), under any server and without ``check``:
        # starting with the shim off would only move the failure to the
        # first legacy call.
        config = settings_config()
        installer.install()
        show_warnings()
        logger.info("Installed the legacy django.http contract: %s", config.describe())
        usage_file = getattr(settings, "HTTP_COMPAT_USAGE_FILE", None)
        if usage_file:
            usage_counts.write_on_exit(usage_file)

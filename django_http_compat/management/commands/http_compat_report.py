from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from django_http_compat.cli import add_report_arguments, run_report
from django_http_compat.management.commands.http_compat_audit import _namespace
from django_http_compat.versions import format_version


class Command(BaseCommand):
    help = (
        "Show the active legacy features, then the legacy calls counted in a usage file "
        "(default: HTTP_COMPAT_USAGE_FILE), most frequent first."
    )
    requires_system_checks: list = []

    def add_arguments(self, parser):
        add_report_arguments(parser, file_optional=True)

    def handle(self, *args, **options):
        from django_http_compat.state import state

        config = state.config
        for line in configuration_lines(config):
            self.stdout.write(line)
        options["file"] = options["file"] or getattr(settings, "HTTP_COMPAT_USAGE_FILE", None)
        if not options["file"]:
            self.stdout.write("No usage counts: set HTTP_COMPAT_USAGE_FILE, or name a usage file.")
            return
        self.stdout.write("")
        code = run_report(_namespace(options), self.stdout, self.stderr)
        if code:
            raise SystemExit(code)


def configuration_lines(config) -> list[str]:
    """What the shim serves in this process: the version, the warnings mode, each active feature."""
    version = (
        "not set (every legacy API that cannot break modern code)"
        if config.version is None
        else format_version(config.version)
    )
    active = config.active_features()
    width = max((len(feature.id) for feature in active), default=0)
    return [
        f"HTTP_COMPAT_VERSION: {version}; HTTP_COMPAT_WARNINGS: {config.warnings}",
        f"Active legacy features ({len(active)}):" if active else "Active legacy features: none.",
        *(f"  {feature.id:<{width}}  {feature.api} ({feature.removal})" for feature in active),
    ]

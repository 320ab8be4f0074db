from __future__ import annotations

import os
from argparse import Namespace
from typing import IO, TYPE_CHECKING, Any, cast

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from django_http_compat.report_command import add_arguments, run
from django_http_compat.versions import format_version

if TYPE_CHECKING:
    from django_http_compat.conf import Config


class Command(BaseCommand):
    help = (
        "Show the active legacy features, then the legacy calls counted in a usage file "
        "(default: HTTP_COMPAT_USAGE_FILE), most frequent first, as text, JSON, CSV or HTML."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        add_arguments(parser, file_optional=True, default_root=str(getattr(settings, "BASE_DIR", os.curdir)))

    def handle(self, *args: Any, **options: Any) -> None:
        from django_http_compat.state import state

        options["file"] = options["file"] or getattr(settings, "HTTP_COMPAT_USAGE_FILE", None)
        text = options["format"] == "text"
        if text:
            for line in configuration_lines(state.config):
                self.stdout.write(line)
        if not options["file"]:
            if text:
                self.stdout.write("No usage counts: set HTTP_COMPAT_USAGE_FILE, or name a usage file.")
                return
            self.stderr.write("error: no usage file: set HTTP_COMPAT_USAGE_FILE, or name a usage file.")
            raise SystemExit(2)
        if text:
            self.stdout.write("")
        # An OutputWrapper writes through to the command's stream.
        code = run(Namespace(**options), cast(IO[str], self.stdout), cast(IO[str], self.stderr))
        if code:
            raise SystemExit(code)


def configuration_lines(config: Config) -> list[str]:
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

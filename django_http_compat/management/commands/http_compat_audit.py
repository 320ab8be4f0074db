from __future__ import annotations

from argparse import Namespace
from typing import IO, Any, cast

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from django_http_compat.cli import add_audit_arguments, run_audit


class Command(BaseCommand):
    help = "List every use of a legacy django.http API in the project's Python source."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        add_audit_arguments(parser, default_path=str(getattr(settings, "BASE_DIR", ".")), version=False)

    def handle(self, *args: Any, **options: Any) -> None:
        # An OutputWrapper writes through to the command's stream.
        code = run_audit(_namespace(options), cast(IO[str], self.stdout), cast(IO[str], self.stderr))
        if code:
            raise SystemExit(code)


def _namespace(options: dict[str, Any]) -> Namespace:
    return Namespace(**options)

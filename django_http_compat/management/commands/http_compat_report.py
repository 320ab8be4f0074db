from __future__ import annotations

from django.core.management.base import BaseCommand

from django_http_compat.cli import add_report_arguments, run_report
from django_http_compat.management.commands.http_compat_audit import _namespace


class Command(BaseCommand):
    help = "Print the legacy calls counted in an HTTP_COMPAT_USAGE_FILE, most frequent first."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        add_report_arguments(parser)

    def handle(self, *args, **options):
        code = run_report(_namespace(options), self.stdout, self.stderr)
        if code:
            raise SystemExit(code)

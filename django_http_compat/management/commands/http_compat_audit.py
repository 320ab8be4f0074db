from __future__ import annotations

from argparse import Namespace

from django.conf import settings
from django.core.management.base import BaseCommand

from django_http_compat.cli import add_audit_arguments, run_audit


class Command(BaseCommand):
    help = "List every use of a legacy django.http API in the project's Python source."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        add_audit_arguments(parser, default_path=str(getattr(settings, "BASE_DIR", ".")), version=False)

    def handle(self, *args, **options):
        code = run_audit(_namespace(options), self.stdout, self.stderr)
        if code:
            raise SystemExit(code)


def _namespace(options: dict) -> Namespace:
    return Namespace(**options)

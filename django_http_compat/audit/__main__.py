"""``python -m django_http_compat.audit PATH...``: the audit alone, without a Django project."""

from __future__ import annotations

import sys

from django_http_compat.cli import main

sys.exit(main(["audit", *sys.argv[1:]]))

"""``python -m django_http_compat audit|report``: works without a Django project."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())

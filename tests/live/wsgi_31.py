"""WSGI entry point of the 3.1 settings (``gunicorn tests.live.wsgi_31:application``)."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.live.settings_31")
application = get_wsgi_application()

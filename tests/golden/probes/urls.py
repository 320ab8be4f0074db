# -*- coding: utf-8 -*-
"""ROOT_URLCONF of the old releases while recording (the replay uses tests/urls.py)."""
from __future__ import unicode_literals

from . import routes

urlpatterns = routes()

# Dotted paths: Django 1.1 accepts nothing else here.
handler400 = "probes.response.bad_request_view"
handler500 = "probes.response.server_error_view"

"""URLs for the streaming tests in test_response_side.py."""

from __future__ import annotations

from django.urls import path

from tests.test_response_side import rows_view

urlpatterns = [path("rows/", rows_view)]

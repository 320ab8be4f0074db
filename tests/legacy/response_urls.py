"""URLs for the streaming tests in tests/legacy/test_response_content.py."""

from __future__ import annotations

from django.urls import path

from tests.legacy.test_response_content import items_view, rows_view

urlpatterns = [path("rows/", rows_view), path("items/", items_view)]

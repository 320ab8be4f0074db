from __future__ import annotations

project = "django-http-compat"
author = "The django-http-compat developers"
copyright = "2026, " + author
extensions: list[str] = []
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_static_path = ["_static"]

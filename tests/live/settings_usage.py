# The bundled 1.6 project, counting its legacy calls into the file the test names.
from __future__ import annotations

import os

from legacy_project.settings import *  # noqa: F403

HTTP_COMPAT_USAGE_FILE = os.environ["HTTP_COMPAT_TEST_USAGE_FILE"]
HTTP_COMPAT_WARNINGS = "ignore"

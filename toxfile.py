"""tox plugin: make pyenv's interpreters visible, so each Django runs on every Python it supports.

pyenv's shims only answer for the versions selected in pyenv, so tox would
skip the rest as missing.  Putting each installed version's ``bin`` on PATH
lets tox find them; without pyenv this does nothing, and interpreters that
are missing anyway are skipped (``skip_missing_interpreters``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path


def _pyenv_bins() -> list[str]:
    if not shutil.which("pyenv"):
        return []
    try:
        root = subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return []
    return [str(p / "bin") for p in sorted(Path(root, "versions").glob("*")) if (p / "bin").is_dir()]


_bins = _pyenv_bins()
if _bins:
    os.environ["PATH"] = os.pathsep.join([*_bins, os.environ.get("PATH", "")])

"""Time to import and install the shim (or django-compat-patcher) in a process that has set up Django.

Run as ``python startup.py SETUP`` in a fresh process, one per sample
(``run.py`` does that); prints the milliseconds.  The process first sets up a
plain project and imports the WSGI handler, as any served project has, so the
time is what adding the tool costs.
"""

from __future__ import annotations

import sys
import time

from setups import COMPAT, PATCHER, PLAIN, configure


def main(setup: str) -> float:
    configure(PLAIN)
    import django.core.handlers.wsgi  # noqa: F401

    started = time.perf_counter()
    if setup == COMPAT:
        import django_http_compat

        django_http_compat.install()
    elif setup == PATCHER:
        import django_compat_patcher

        django_compat_patcher.patch()
    return (time.perf_counter() - started) * 1000


if __name__ == "__main__":
    print(main(sys.argv[1]))

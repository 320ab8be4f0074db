"""The static audit: every use of a legacy API in Python source, by file and line.

Source is parsed with ``ast`` and never imported or run, so it works on code
that cannot be imported here, and nothing here imports Django.  The rules are
the ``finds=`` patterns the features declare; this package interprets them:

* ``receivers`` tells what kind of object an expression is;
* ``visitor`` matches the patterns in one module;
* ``files`` walks trees, reads files safely and audits them on every core;
* ``suppress``, ``baseline`` and ``formats`` fit the results to a team's tools;
* ``autofix`` and ``writing`` carry out ``--fix``.

A finding is *certain* when the receiver is known to be a request, response,
QueryDict, user or upload: a parameter named ``request`` or ``response``,
``self.request``, ``request.GET``, a response class called (or its
``__init__`` from a subclass), a test client call, or a name assigned from
one of those in the same function.  Elsewhere a distinctive name
(``is_ajax()``, ``raw_post_data``) is reported as *possible*; common names
(``x[key]``, ``key in x``, ``iteritems()``) are reported only on known or
QueryDict-shaped receivers.  Only certain findings are rewritten by ``--fix``.
"""

from __future__ import annotations

from .files import audit_paths, python_files
from .findings import Finding, Report
from .visitor import audit_source

__all__ = ["Finding", "Report", "audit_paths", "audit_source", "python_files"]

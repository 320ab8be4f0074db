"""The timed benchmarks: what each one runs, in which setup, and what it must compute.

Everything is timed as a statement, the way ``timeit`` times one, so the
loop adds nothing but the statement itself.  A legacy statement runs with the
shim, its modern equivalent on plain Django, and the legacy statement again on
django-compat-patcher where that offers the API.  Before it is timed, each
statement runs once and ``check`` must then be true, so a variant that
computes something else fails the run instead of looking fast.
"""

from __future__ import annotations

import contextvars
import timeit
from typing import Any, NamedTuple

from setups import COMPAT, PATCHER, configure


class ApiCase(NamedTuple):
    label: str  # how the legacy call reads
    feature: str  # its id in the registry
    legacy: str
    modern: str
    check: str  # true once either statement has run
    patcher: bool  # django-compat-patcher offers the legacy statement


API_CASES = (
    ApiCase(
        "request.REQUEST[k]",
        "request_REQUEST",
        'result = request.REQUEST["name"]',
        'result = request.POST["name"] if "name" in request.POST else request.GET["name"]',
        'result == "alice"',
        patcher=True,
    ),
    ApiCase(
        "request.is_ajax()",
        "request_is_ajax",
        "result = request.is_ajax()",
        'result = request.headers.get("x-requested-with") == "XMLHttpRequest"',
        "result is True",
        patcher=True,
    ),
    ApiCase(
        "request.raw_post_data",
        "request_raw_post_data",
        "result = posted.raw_post_data",
        "result = posted.body",
        'result == b"a=1&b=2"',
        patcher=True,
    ),
    ApiCase(
        "request.xreadlines() (new request, 64 lines)",
        "request_xreadlines",
        "result = list(new_upload().xreadlines())",
        "result = list(new_upload())",
        'len(result) == 64 and result[-1] == b"line 63 of the upload\\n"',
        patcher=True,
    ),
    ApiCase(
        "HttpResponse(mimetype=)",
        "response_mimetype",
        'result = HttpResponse("ok", mimetype="text/plain")',
        'result = HttpResponse("ok", content_type="text/plain")',
        'result["Content-Type"] == "text/plain" and result.content == b"ok"',
        patcher=False,
    ),
    ApiCase(
        "response._headers[k] (read)",
        "response_private_headers",
        'result = response._headers["content-type"][1]',
        'result = response.headers["Content-Type"]',
        'result == "text/html; charset=utf-8"',
        patcher=True,
    ),
    ApiCase(
        "response._headers[k] = (K, v)",
        "response_private_headers",
        'response._headers["x-frame-options"] = ("X-Frame-Options", "DENY")',
        'response.headers["X-Frame-Options"] = "DENY"',
        'response["X-Frame-Options"] == "DENY"',
        patcher=True,
    ),
    ApiCase(
        "QueryDict.has_key(k)",
        "querydict_py2_methods",
        'result = query.has_key("b")',
        'result = "b" in query',
        "result is True",
        patcher=False,
    ),
    ApiCase(
        "QueryDict.iteritems()",
        "querydict_py2_methods",
        "result = list(query.iteritems())",
        "result = list(query.items())",
        'result == [("a", "1"), ("b", "3")]',
        patcher=False,
    ),
    ApiCase(
        "QueryDict.iterlists()",
        "querydict_py2_methods",
        "result = list(query.iterlists())",
        "result = list(query.lists())",
        'result == [("a", ["1"]), ("b", ["2", "3"])]',
        patcher=False,
    ),
)


PLAIN_STATE = "uninstalled"  # uninstall() has restored Django: plain Django in this process
SHIM_STATE = "installed"
# Installed, and another request (another context) is inside override("1.4"):
# where the two configurations disagree, Django's classes hold guards.
OVERRIDDEN_ELSEWHERE_STATE = "installed, override elsewhere"
# Installed for code written for 3.2: the same patches in place, next to no
# era rule applying to a modern request.  What the app costs apart from the
# 1.6 contract.
LATE_FLAG_STATE = "installed at 3.2"


class Pair(NamedTuple):
    """A candidate statement timed against a baseline, in alternating blocks in one process.

    A process with the shim runs the baseline after ``uninstall()``, which
    restores Django exactly, and the candidate after ``install()``, so
    both halves of every pair share the process, its memory layout and the
    moment.  django-compat-patcher cannot be taken off again, so its pairs run
    in processes of their own; its patches only add attributes, leaving the
    modern baseline as plain Django has it.
    """

    name: str
    setup: str
    baseline: str
    candidate: str
    check: str
    baseline_state: str = PLAIN_STATE
    candidate_state: str = SHIM_STATE
    warnings: str = "once"


#: Production mode: warnings ignored and no usage file, so nothing is counted.
PRODUCTION = "ignore"
#: Counting mode: every call counted at its site, each site warned about once.
COUNTING = "once"

SERVE_MODERN = 'result = serve(handler, "modern")'
CYCLE_CHECK = (
    'result[0] == "200 OK" and result[2] == b"hello alice" '
    'and ("X-Ajax", "True") in result[1] and ("Content-Type", "text/plain") in result[1]'
)

#: The request cycle.  plain-again times plain Django against itself: how far
#: apart two identical halves land is the resolution of every other ratio.
CYCLE = (
    Pair("cycle/plain-again", COMPAT, SERVE_MODERN, SERVE_MODERN, CYCLE_CHECK, candidate_state=PLAIN_STATE),
    Pair("cycle/compat-modern", COMPAT, SERVE_MODERN, SERVE_MODERN, CYCLE_CHECK),
    Pair("cycle/compat-legacy", COMPAT, SERVE_MODERN, 'result = serve(handler, "legacy")', CYCLE_CHECK),
    Pair(
        "cycle/compat-legacy-production",
        COMPAT,
        SERVE_MODERN,
        'result = serve(handler, "legacy")',
        CYCLE_CHECK,
        warnings=PRODUCTION,
    ),
    Pair(
        "cycle/compat-modern-while-overridden",
        COMPAT,
        SERVE_MODERN,
        SERVE_MODERN,
        CYCLE_CHECK,
        candidate_state=OVERRIDDEN_ELSEWHERE_STATE,
    ),
)

#: A repeated legacy call, beyond its work.  ``once``: the entry point that
#: ``warnings.warned()`` makes, at a site counted before, against the work it
#: serves in production mode: what counting mode adds to every repeated call.
#: ``ignore``: ``warn()`` called directly, as the few entry points that warn
#: on some calls only do, under a configuration that reports nothing.
WARNING_SITE = (
    Pair("warn/once", COMPAT, "work(None)", "entry_point(None)", "True", SHIM_STATE, SHIM_STATE, COUNTING),
    Pair(
        "warn/ignore", COMPAT, "pass", 'warn("request_is_ajax")', "True", SHIM_STATE, SHIM_STATE, PRODUCTION
    ),
)


def api_pairs() -> list[Pair]:
    found = []
    for case in API_CASES:
        found.append(
            Pair(
                f"api/{case.label}/production",
                COMPAT,
                case.modern,
                case.legacy,
                case.check,
                warnings=PRODUCTION,
            )
        )
        found.append(Pair(f"api/{case.label}/compat", COMPAT, case.modern, case.legacy, case.check))
        if case.patcher:
            found.append(Pair(f"api/{case.label}/patcher", PATCHER, case.modern, case.legacy, case.check))
    return found


PAIRS = {pair.name: pair for pair in (*CYCLE, *api_pairs(), *WARNING_SITE)}


def _namespace() -> dict[str, Any]:
    """The objects the statements use, built after Django is set up."""
    from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
    from django.http import HttpResponse, QueryDict
    from request_cycle import environ, serve

    upload = b"".join(b"line %02d of the upload\n" % i for i in range(64))

    def new_upload() -> WSGIRequest:
        return WSGIRequest(
            environ(
                "modern",
                upload,
                REQUEST_METHOD="POST",
                CONTENT_TYPE="text/plain",
                CONTENT_LENGTH=str(len(upload)),
            )
        )

    posted = WSGIRequest(
        environ(
            "modern",
            b"a=1&b=2",
            REQUEST_METHOD="POST",
            CONTENT_TYPE="application/x-www-form-urlencoded",
            CONTENT_LENGTH="7",
        )
    )
    namespace = {
        "handler": WSGIHandler(),
        "serve": serve,
        "request": WSGIRequest(environ("modern")),
        "posted": posted,
        "new_upload": new_upload,
        "response": HttpResponse(),
        "query": QueryDict("a=1&b=2&b=3"),
        "HttpResponse": HttpResponse,
    }
    if "django_http_compat" in _installed_apps():
        from django_http_compat.warnings import warn, warned

        # Stand-ins for an entry point and its work; the statement is its caller.
        def work(obj: object) -> object:
            return obj

        namespace.update(work=work, entry_point=warned("request_is_ajax")(work), warn=warn)
    return namespace


def _installed_apps() -> list[str]:
    from django.conf import settings

    return list(settings.INSTALLED_APPS)


def _configure_once(pair: Pair) -> None:
    from django.conf import settings

    if not settings.configured:
        configure(pair.setup, pair.warnings)
    elif (settings.INSTALLED_APPS == ["django_http_compat"]) != (pair.setup == COMPAT):
        raise RuntimeError(f"{pair.name} needs a process of its own ({pair.setup})")


_held_elsewhere: list[Any] = []


def set_state(setup: str, state: str) -> None:
    if setup == COMPAT:
        import django_http_compat

        while _held_elsewhere:
            _held_elsewhere.pop().__exit__(None, None, None)
        if state == PLAIN_STATE:
            django_http_compat.uninstall()
            return
        if state == LATE_FLAG_STATE:
            django_http_compat.install(version="3.2")
            return
        django_http_compat.install()
        if state == OVERRIDDEN_ELSEWHERE_STATE:
            held = django_http_compat.override(version="1.4")
            contextvars.copy_context().run(held.__enter__)  # entered in a context not this one
            _held_elsewhere.append(held)


def statements_namespace(pair: Pair, state: str) -> dict[str, Any]:
    """Django set up for ``pair``, the shim in ``state``, and the objects the statements use."""
    _configure_once(pair)
    namespace = _namespace()
    set_state(pair.setup, state)
    return namespace


def _timer(pair: Pair, namespace: dict[str, Any], statement: str, state: str) -> timeit.Timer:
    """A timer for ``statement``, after proving it leaves ``pair.check`` true."""
    set_state(pair.setup, state)
    exec(statement, namespace)
    if not eval(pair.check, namespace):
        raise AssertionError(f"{pair.name}: {statement!r} left {pair.check!r} false")
    timer = timeit.Timer(statement, globals=namespace)
    timer.timeit(1)  # a site's first warning is not what is measured
    return timer


def _loops_for(timer: timeit.Timer, seconds: float) -> int:
    loops = 1
    while timer.timeit(loops) < seconds:
        loops *= 2
    return loops


def measure(pair: Pair, blocks: int, block_seconds: float = 0.01) -> list[tuple[float, float]]:
    """``blocks`` (baseline, candidate) seconds per run, from alternating blocks.

    The order within a pair flips every block, so neither side always runs
    first; each block runs long enough (``block_seconds``) to hide the timer.
    """
    _configure_once(pair)
    namespace = _namespace()
    baseline = _timer(pair, namespace, pair.baseline, pair.baseline_state)
    candidate = _timer(pair, namespace, pair.candidate, pair.candidate_state)
    set_state(pair.setup, pair.baseline_state)
    loops = _loops_for(baseline, block_seconds)
    sides = ((baseline, pair.baseline_state), (candidate, pair.candidate_state))
    found = []
    for block in range(blocks):
        times = {}
        for timer, state in sides if block % 2 == 0 else reversed(sides):
            set_state(pair.setup, state)
            # Changing Django's classes sends CPython's specialising interpreter
            # back to its generic paths until it has re-learnt them; a project
            # installs once, so an untimed block first lets the timed one see
            # the steady state.
            timer.timeit(loops)
            times[timer] = timer.timeit(loops) / loops
        found.append((times[baseline], times[candidate]))
    return found


SIDES = ("baseline", "candidate")
_prepared: dict[tuple[str, str], timeit.Timer] = {}


def time_side(loops: int, pair: Pair, side: str) -> float:
    """pyperf's time function: seconds for ``loops`` runs of one side of ``pair`` on its own."""
    if (pair.name, side) not in _prepared:
        _configure_once(pair)
        statement, state = (
            (pair.baseline, pair.baseline_state)
            if side == "baseline"
            else (pair.candidate, pair.candidate_state)
        )
        _prepared[pair.name, side] = _timer(pair, _namespace(), statement, state)
    return _prepared[pair.name, side].timeit(loops)


if __name__ == "__main__":
    import json
    import sys

    # timed.py NAME BLOCKS: one pair's block times as JSON (run.py);
    # timed.py --check NAME...: run each pair once, for the test suite.
    if sys.argv[1] == "--check":
        for name in sys.argv[2:]:
            measure(PAIRS[name], blocks=1, block_seconds=0)
        print("checked", len(sys.argv) - 2)
    else:
        print(json.dumps(measure(PAIRS[sys.argv[1]], int(sys.argv[2]))))

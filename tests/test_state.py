"""override() in threads and asyncio tasks: each context obeys its own configuration.

Classes are shared, so while two contexts disagree the patched attributes are
guards.  What a context outside every override sees is compared with plain
Django (after ``uninstall()``), and what one inside sees with the same
configuration installed alone.
"""

from __future__ import annotations

import asyncio
import contextvars
import io
import json
import logging
import pickle
import re
import threading
import types
from queue import Queue

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from django.contrib.auth.checks import check_user_model
from django.contrib.auth.models import AnonymousUser, User
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.core.handlers.asgi import ASGIHandler
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import LimitedStream
from django.core.serializers.json import DjangoJSONEncoder
from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseNotModified,
    HttpResponseRedirect,
    QueryDict,
)
from django.http.request import MediaType
from django.middleware.csrf import CsrfViewMiddleware
from django.template.response import SimpleTemplateResponse, TemplateResponse
from django.test import AsyncRequestFactory, Client, RequestFactory, SimpleTestCase, override_settings
from django.urls import path
from django.utils.datastructures import MultiValueDict
from hypothesis import given, settings, strategies

from django_http_compat import install, installer, override, uninstall
from django_http_compat.conf import resolve
from django_http_compat.features import FEATURES
from django_http_compat.legacy.module_names import LEGACY_NAMES
from tests.golden.probes.common import served
from tests.live.servers import REPO, get, running

WAIT = 20  # seconds; only reached when something is wrong

pytestmark = pytest.mark.usefixtures("reinstall")


def targets() -> set:
    return {patch.target for patches in installer.implementations().values() for patch in patches}


def snapshot() -> dict:
    """Every attribute of every class and module the shim patches, as objects."""
    return {(target, name): value for target in targets() for name, value in list(vars(target).items())}


def assert_same(before: dict, after: dict) -> None:
    assert after.keys() == before.keys(), set(after) ^ set(before)
    changed = [key for key in before if after[key] is not before[key]]
    assert changed == []


def post_request() -> HttpRequest:
    return RequestFactory().post("/", data=b"a=1", content_type="application/x-www-form-urlencoded")


class Threads:
    """Runs callables in named threads, in the order the test gives, each waiting for its turn."""

    def __init__(self, *names: str) -> None:
        self.inboxes = {name: Queue() for name in names}
        self.replies: Queue = Queue()
        self.threads = [threading.Thread(target=self._serve, args=(name,), daemon=True) for name in names]
        for thread in self.threads:
            thread.start()

    def _serve(self, name: str) -> None:
        inbox = self.inboxes[name]
        while (job := inbox.get()) is not None:
            try:
                self.replies.put((True, job()))
            except BaseException as exc:  # reported to the test's thread
                self.replies.put((False, exc))

    def run(self, name: str, job):
        self.inboxes[name].put(job)
        ok, result = self.replies.get(timeout=WAIT)
        if not ok:
            raise result
        return result

    def stop(self) -> None:
        for inbox in self.inboxes.values():
            inbox.put(None)
        for thread in self.threads:
            thread.join(WAIT)


# --- threads -------------------------------------------------------------------------------


def test_threads_leave_overrides_in_any_order():
    """Thread A enters 1.4, B enters 1.6, A leaves first: B keeps 1.6, others see plain Django."""
    uninstall()
    plain = snapshot()
    threads = Threads("A", "B")
    a, b = override(version="1.4", warnings="ignore"), override(version="1.6", warnings="ignore")
    try:
        threads.run("A", a.__enter__)
        threads.run("B", b.__enter__)
        assert threads.run("A", lambda: post_request().raw_post_data) == b"a=1"  # 1.4 had it
        assert threads.run("B", lambda: hasattr(post_request(), "raw_post_data")) is False  # 1.6 did not
        assert not hasattr(HttpRequest, "is_ajax")  # this thread is in neither
        threads.run("A", lambda: a.__exit__(None, None, None))
        assert threads.run("B", lambda: post_request().is_ajax()) is False
        assert threads.run("A", lambda: hasattr(post_request(), "is_ajax")) is False
        threads.run("B", lambda: b.__exit__(None, None, None))
    finally:
        threads.stop()
    assert_same(plain, snapshot())


def test_an_override_in_one_thread_leaves_the_process_configuration_to_the_others():
    """Installed at the settings' flag (no version): a thread inside 1.4 does not change this one."""
    threads = Threads("legacy")
    legacy = override(version="1.4", warnings="ignore")
    try:
        threads.run("legacy", legacy.__enter__)
        assert threads.run("legacy", lambda: type(AnonymousUser().is_authenticated) is bool) is False
        assert threads.run("legacy", lambda: type(MultiValueDict({"a": ["1"]}).items())) is list
        assert installer.state.config.version is None
        assert type(AnonymousUser().is_authenticated) is bool
        assert type(MultiValueDict({"a": ["1"]}).items()) is not list
        assert threads.run("legacy", lambda: HttpResponse(status=404).reason_phrase) == "NOT FOUND"
        assert HttpResponse(status=404).reason_phrase == "Not Found"
    finally:
        threads.run("legacy", lambda: legacy.__exit__(None, None, None))
        threads.stop()
    assert object.__getattribute__(installer.state, "config") is installer.state.process  # one again


def test_threads_started_inside_an_override_start_outside_it():
    """Python starts a thread with a fresh context; copying it in carries the override along."""
    uninstall()
    seen = {}
    with override(version="1.6", warnings="ignore"):
        plain = threading.Thread(target=lambda: seen.setdefault("plain", hasattr(HttpRequest, "is_ajax")))
        copied = threading.Thread(
            target=contextvars.copy_context().run,
            args=(lambda: seen.setdefault("copied", hasattr(HttpRequest, "is_ajax")),),
        )
        for thread in (plain, copied):
            thread.start()
            thread.join()
    assert seen == {"plain": False, "copied": True}


def test_an_override_may_exit_in_another_context_than_it_entered():
    """A fixture set up in one task and torn down in another, say: the override still ends."""
    uninstall()
    plain = snapshot()
    legacy = override(version="1.6")
    contextvars.copy_context().run(legacy.__enter__)
    assert "is_ajax" in vars(HttpRequest)  # for the context that entered it
    assert not hasattr(HttpRequest, "is_ajax")
    legacy.__exit__(None, None, None)
    assert_same(plain, snapshot())
    with pytest.raises(RuntimeError, match="exited more times"):
        legacy.__exit__(None, None, None)


def test_uninstall_ends_running_overrides():
    uninstall()
    plain = snapshot()
    with override(version="1.4"):
        install()
        uninstall()
        assert not hasattr(HttpRequest, "is_ajax")
    assert_same(plain, snapshot())


@override(version="1.4", warnings="ignore")
def _legacy_redirect(request):
    return HttpResponseRedirect(f"/next/?ajax={request.is_ajax()}")


urlpatterns = [path("legacy-redirect/", _legacy_redirect)]


@override_settings(ROOT_URLCONF=__name__)
def test_a_decorated_view_is_overridden_and_the_handler_after_it_is_not(client):
    """The view runs under 1.4; Django's handler, after the view returns, under the process configuration."""
    uninstall()
    response = client.get("/legacy-redirect/")
    assert response["Location"] == "/next/?ajax=False"  # 1.4 made it absolute, in its handler


# --- asyncio -------------------------------------------------------------------------------


def test_decorated_async_views_interleave_on_one_loop():
    """Two decorated async views on one loop, the first to enter leaving first, and undecorated code between."""
    uninstall()
    plain = snapshot()
    results = {}

    async def main():
        a_in, b_in, a_out = asyncio.Event(), asyncio.Event(), asyncio.Event()

        @override(version="1.4", warnings="ignore")
        async def view_a(request):
            a_in.set()
            await asyncio.wait_for(b_in.wait(), WAIT)
            return request.raw_post_data

        @override(version="1.6", warnings="ignore")
        async def view_b(request):
            b_in.set()
            await asyncio.wait_for(a_out.wait(), WAIT)  # view_a has left its override
            return hasattr(request, "raw_post_data"), request.is_ajax()

        async def run_a():
            results["a"] = await view_a(post_request())
            a_out.set()

        async def modern():
            await asyncio.wait_for(b_in.wait(), WAIT)  # both views are inside their overrides
            results["modern"] = hasattr(post_request(), "is_ajax"), hasattr(HttpRequest, "REQUEST")

        async def run_b():
            results["b"] = await view_b(post_request())

        await asyncio.gather(run_a(), run_b(), modern())

    asyncio.run(main())
    assert results == {"a": b"a=1", "b": (False, False), "modern": (False, False)}
    assert_same(plain, snapshot())


def test_tasks_and_sync_to_async_inside_an_override_follow_it_while_it_lasts():
    uninstall()
    seen = []

    async def main():
        ended = asyncio.Event()

        async def child():
            seen.append(await sync_to_async(hasattr)(HttpRequest, "is_ajax"))
            await asyncio.wait_for(ended.wait(), WAIT)
            seen.append(hasattr(HttpRequest, "is_ajax"))  # the override has ended everywhere

        with override(version="1.6"):
            task = asyncio.ensure_future(child())
            await asyncio.sleep(0.01)
        ended.set()
        await task

    asyncio.run(main())
    assert seen == [True, False]


def test_async_to_sync_carries_the_override():
    @override(version="1.6")
    def legacy():
        return async_to_sync(_has_is_ajax)()

    async def _has_is_ajax():
        return hasattr(HttpRequest, "is_ajax")

    uninstall()
    assert legacy() is True
    assert async_to_sync(_has_is_ajax)() is False


# --- uninstall() after interleaved exits -----------------------------------------------------


def test_uninstall_after_interleaved_exits_restores_django_exactly():
    """Overrides entered in three threads and left out of order restore Django; so does uninstall()
    with one still running, after install() in between."""
    uninstall()
    plain = snapshot()
    threads = Threads("A", "B", "C")

    def enter(name, version):
        legacy = override(version=version, warnings="ignore")
        threads.run(name, legacy.__enter__)
        return lambda: threads.run(name, lambda: legacy.__exit__(None, None, None))

    try:
        leave_a, leave_b, leave_c = enter("A", "0.96"), enter("B", "1.4"), enter("C", "3.1")
        leave_b(), leave_a(), leave_c()
        assert_same(plain, snapshot())

        leave_a, leave_b, leave_c = enter("A", "1.6"), enter("B", "1.9"), enter("C", "1.2")
        leave_c()
        install(version="1.8")
        leave_a()
        uninstall()  # B is still inside its override
        assert_same(plain, snapshot())
        assert threads.run("B", lambda: hasattr(HttpRequest, "is_ajax")) is False
        leave_b()
        assert_same(plain, snapshot())
    finally:
        threads.stop()


# --- every kind of patched attribute, outside and inside, against Django -------------------


def _outcome(get) -> tuple:
    """What evaluating ``get()`` gives, in a form that compares across runs."""
    try:
        value = get()
    except Exception as exc:
        return ("raises", type(exc), re.sub(r"0x[0-9a-f]+", "0x", str(exc)))
    func = getattr(value, "__func__", None)
    if func is not None:
        return ("bound", func)
    if isinstance(value, types.BuiltinMethodType):
        return ("builtin", value.__qualname__)
    if isinstance(value, property):  # some are made afresh by each patches() call
        return ("property", *(_outcome(lambda f=f: f) for f in (value.fget, value.fset, value.fdel)))
    if isinstance(value, types.FunctionType):
        return ("function", value.__code__)
    if isinstance(value, type):
        return ("object", value)
    if isinstance(value, (bool, int, str, bytes, type(None), list, tuple, dict)):
        return ("value", type(value), re.sub(r"0x[0-9a-f]+", "0x", repr(value)))
    return ("instance", type(value))


def _samples() -> list:
    request = RequestFactory().get("/?a=1")
    return [
        request,
        AsyncRequestFactory().get("/"),
        HttpResponse(b"x"),
        HttpResponseNotModified(),
        HttpResponseRedirect("/next/"),
        FileResponse(io.BytesIO(b"x")),
        SimpleTemplateResponse("t.html"),
        TemplateResponse(request, "t.html"),
        MultiValueDict({"a": ["1", "2"]}),
        QueryDict("a=1"),
        SimpleUploadedFile("a.txt", b"x"),
        AnonymousUser(),
        User(username="u"),
        BaseHandler(),
        ASGIHandler(),
        CsrfViewMiddleware(lambda request: HttpResponse()),
        DjangoJSONEncoder(),
        json.JSONEncoder(),
        _TestCase(),
        MediaType("text/html"),
        LimitedStream(io.BytesIO(b"x"), 1),
    ]


class _TestCase(SimpleTestCase):
    def runTest(self) -> None:
        pass


def _redirect_asserted(expected: str) -> bool:
    try:
        _TestCase().assertRedirects(Client().get("/form/?form=to_relative"), expected)
    except AssertionError:
        return False
    return True


def _request_log_line() -> list[str]:
    lines = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        served("form/", "form=raise_404")
    finally:
        logger.removeHandler(handler)
    return lines


def _set_and_read(obj, name, value):
    setattr(obj, name, value)
    return getattr(obj, name)


def _pickled_content(response):
    return pickle.loads(pickle.dumps(response)).content


def _cookie_expires():
    response = HttpResponse()
    response.set_cookie("k", "v", max_age=10)
    return bool(re.match(r"\w{3}, \d\d-", response.cookies["k"]["expires"]))


def _phrase_after_status_change():
    response = HttpResponse()
    response.status_code = 404
    return response.reason_phrase


def _mutate_post():
    request = RequestFactory().post("/", {"a": "1"})
    request.POST["a"] = "2"
    return request.POST["a"]


#: Operations modern code performs on the patched classes, each through Python's own syntax.
def _is_own_iterator(response: HttpResponse) -> tuple[bool, list[bytes], list[bytes]]:
    return iter(response) is response, list(response), list(response)


OPERATIONS = {
    "request[key]": lambda: RequestFactory().get("/?path=x")["path"],
    "key in request": lambda: "path" in RequestFactory().get("/?path=x"),
    "key in request with a body": lambda: b"a=1" in post_request(),
    "repr(request)": lambda: repr(RequestFactory().get("/")),
    "str(response)": lambda: str(HttpResponse(b"x")),
    "pickle(response)": lambda: _pickled_content(HttpResponse(b"x")),
    "iterator content": lambda: HttpResponse(iter([b"a", b"b"])).content,
    "response.write after iterator": lambda: HttpResponse(iter([b"a"])).write(b"b"),
    "list content": lambda: [list(HttpResponse([b"a", b"b"])), HttpResponse([b"a", b"b"]).content],
    "iter(response)": lambda: _is_own_iterator(HttpResponse(b"x")),
    "next(response)": lambda: next(HttpResponse(b"x")),
    "response.next()": lambda: HttpResponse(b"x").next(),  # type: ignore[attr-defined]
    "upload[key]": lambda: SimpleUploadedFile("a.txt", b"x")["filename"],
    "upload.keys": lambda: SimpleUploadedFile("a.txt", b"x").keys(),
    "MultiValueDict.items()": lambda: type(MultiValueDict({"a": ["1"]}).items()),
    "MultiValueDict.keys()": lambda: list(MultiValueDict({"a": ["1"]}).keys()),
    "MultiValueDict[missing]": lambda: MultiValueDict({"a": ["1"]})["b"],
    "QueryDict immutable": lambda: QueryDict("a=1").__setitem__("a", "2"),
    "multipart POST immutable": _mutate_post,
    "POST of text/plain": lambda: dict(
        RequestFactory().post("/", data=b"a=1", content_type="text/plain").POST
    ),
    "POST in latin-1": lambda: dict(
        RequestFactory()
        .post("/", data=b"a=%E9", content_type="application/x-www-form-urlencoded; charset=latin-1")
        .POST
    ),
    "AnonymousUser.is_authenticated": lambda: AnonymousUser().is_authenticated,
    "User.is_anonymous": lambda: User(username="u").is_anonymous,
    "set is_authenticated": lambda: _set_and_read(AnonymousUser(), "is_authenticated", True),
    "reason phrase": lambda: HttpResponse(status=404).reason_phrase,
    "reason phrase after status change": _phrase_after_status_change,
    "mimetype=": lambda: HttpResponse("x", mimetype="text/plain")["Content-Type"],
    "positional content type": lambda: HttpResponse("x", "text/csv")["Content-Type"],
    "status=0": lambda: HttpResponse(status=0).status_code,
    "304 content type": lambda: HttpResponseNotModified().get("Content-Type"),
    "redirect content": lambda: HttpResponseRedirect("/next/", "gone").content,
    "cookie dates": _cookie_expires,
    "response._headers": lambda: HttpResponse()._headers,
    "set response._headers": lambda: _set_and_read(HttpResponse(), "_headers", {}),
    "response[lower case]": lambda: HttpResponse()["content-type"],
    "del response[lower case]": lambda: HttpResponse().__delitem__("content-type"),
    "request.REQUEST set": lambda: _set_and_read(RequestFactory().get("/"), "REQUEST", 1),
    "FileResponse(mimetype=)": lambda: FileResponse(io.BytesIO(b"x"), mimetype="text/csv")["Content-Type"],
    "import render_to_response": lambda: (
        __import__("django.shortcuts", fromlist=["render_to_response"]).render_to_response
    ),
    "from django.http import get_host": lambda: __import__("django.http", fromlist=["get_host"]).get_host,
    "import django.http.utils": lambda: __import__("django.http.utils").http.utils.__name__,
    "assertRedirects(relative)": lambda: _redirect_asserted("/form/?form=plain"),
    "assertRedirects(absolute)": lambda: _redirect_asserted("http://testserver/form/?form=plain"),
    "request log line": _request_log_line,
}


def _behaviour() -> dict:
    """The outcome of every patched attribute (through each class and an instance), module name and operation."""
    samples = _samples()
    found = {}
    for patches in installer.implementations().values():
        for patch in patches:
            target, name = patch.target, patch.name
            if not isinstance(target, type):  # a module, or sys.meta_path: see the operations
                continue
            found[("class", target, name)] = _outcome(lambda target=target, name=name: getattr(target, name))
            instances = [sample for sample in samples if isinstance(sample, target)]
            assert instances, f"add an instance of {target.__name__} to _samples()"
            found[("instance", target, name)] = _outcome(lambda s=instances[0], n=name: getattr(s, n))
            found[("hasattr", target, name)] = hasattr(instances[0], name)
    for module_name, name in LEGACY_NAMES:
        found[("module", module_name, name)] = _outcome(
            lambda m=module_name, n=name: getattr(__import__(m, fromlist=[n]), n)
        )
    for label, operation in OPERATIONS.items():
        found[("operation", label)] = _outcome(operation)
    for sample in samples:
        if hasattr(sample, "close"):
            sample.close()
    return found


#: Where a guard is present, explicit lookups of the operations it stands for find it.
_GUARDED_SPECIAL = {
    (how, target, name)
    for how in ("hasattr", "instance")
    for target, name in (
        (HttpRequest, "__getitem__"),
        (HttpRequest, "__contains__"),
        (UploadedFile, "__getitem__"),
        (HttpResponseBase, "__next__"),
    )
}
_EVERYTHING = {feature.id: True for feature in FEATURES}


def _differences(expected: dict, seen: dict, allowed=frozenset()) -> dict:
    return {
        key: (expected[key], seen.get(key))
        for key in expected
        if key not in allowed and seen.get(key) != expected[key]
    }


def test_each_kind_of_patched_attribute_behaves_as_plain_django_outside_and_as_installed_inside():
    """Every feature on inside an override, nothing outside: every patch is a guard.

    Outside, methods, properties, special methods, names served by modules
    and the operations modern code performs behave as in plain Django;
    inside, as with the same configuration installed alone.
    """
    uninstall()
    plain = _behaviour()
    install(version="0.96", features=_EVERYTHING, warnings="ignore")
    installed = _behaviour()
    uninstall()
    assert _differences(plain, installed), "the configuration must change something"

    inside = contextvars.copy_context()
    everything = override(version="0.96", features=_EVERYTHING, warnings="ignore")
    inside.run(everything.__enter__)
    try:
        assert _differences(plain, _behaviour(), allowed=_GUARDED_SPECIAL) == {}
        assert _differences(installed, inside.run(_behaviour)) == {}
    finally:
        everything.__exit__(None, None, None)


def test_guards_keep_instance_attributes_as_django_does():
    """Where Django has no such attribute, an instance may hold one of its own; a guard lets it."""
    uninstall()
    everything = override(version="0.96", features=_EVERYTHING, warnings="ignore")
    contextvars.copy_context().run(everything.__enter__)
    try:
        request = RequestFactory().get("/")
        request.is_ajax = "mine"
        request.raw_post_data = b"mine"
        assert (request.is_ajax, request.raw_post_data) == ("mine", b"mine")
        del request.raw_post_data
        with pytest.raises(AttributeError, match="'WSGIRequest' object has no attribute 'raw_post_data'"):
            request.raw_post_data  # noqa: B018
        with pytest.raises(AttributeError, match="'WSGIRequest' object has no attribute 'raw_post_data'"):
            del request.raw_post_data
    finally:
        everything.__exit__(None, None, None)


# --- a real threaded server ----------------------------------------------------------------

CONCURRENT_SERVERS = {
    "gunicorn-gthread": [
        "gunicorn",
        "--worker-class",
        "gthread",
        "--threads",
        "4",
        "tests.live.app:application",
    ],
    "uvicorn": ["uvicorn", "--lifespan", "off", "tests.live.app:asgi_application"],
}


@pytest.mark.server
@pytest.mark.parametrize("server", CONCURRENT_SERVERS)
def test_modern_requests_are_plain_django_while_another_request_is_inside_override(server):
    """One request's view holds ``@override("1.4")``; requests served meanwhile behave as plain Django."""
    env = {"PYTHONPATH": str(REPO), "DJANGO_SETTINGS_MODULE": "tests.live.settings_concurrent", "PATH": ""}
    prefix = "/async" if server == "uvicorn" else ""
    held = {}
    with running(CONCURRENT_SERVERS[server], cwd=REPO, env=env) as port:
        holder = threading.Thread(
            target=lambda: held.setdefault("response", get(port, f"{prefix}/legacy-hold/"))
        )
        holder.start()
        try:
            modern_json = get(port, f"{prefix}/modern-json/")
            modern_redirect = get(port, f"{prefix}/modern-redirect/")
        finally:
            released = get(port, f"{prefix}/release/")
            holder.join(WAIT)
    assert released.body == b"released"
    assert (modern_json.status, modern_json.body) == (
        200,
        b'{"auth": false, "type": "bool", "is_ajax": false}',
    )
    assert (modern_redirect.status, modern_redirect.getheader("Location")) == (302, "/next/")
    legacy = held["response"]
    assert (legacy.status, legacy.body) == (200, b'{"is_authenticated()": false, "held": true}')


# --- random interleavings ------------------------------------------------------------------

VERSIONS = ("0.96", "1.4", "1.6", "1.9", "3.1", "6.1", None)
WORKERS = ("A", "B", "C")


def _views() -> tuple:
    request = post_request()
    return (
        installer.state.config,
        hasattr(request, "raw_post_data"),
        hasattr(request, "is_ajax"),
        type(AnonymousUser().is_authenticated) is bool,
    )


def _expected(config) -> tuple:
    """What ``_views()`` shows after its configuration, in a context patched for ``config`` (None: nothing)."""
    on = config.features if config is not None else frozenset()
    return (
        "request_raw_post_data" in on,
        "request_is_ajax" in on,
        "user_is_authenticated_method" not in on,
    )


_steps = strategies.lists(
    strategies.tuples(strategies.sampled_from(WORKERS), strategies.sampled_from((*VERSIONS, "exit"))),
    max_size=14,
)


def test_random_interleavings_of_overrides_across_threads():
    """Threads enter and leave overrides in random orders; after every step each sees its own."""
    threads = Threads(*WORKERS)
    process = resolve("1.8", None, "ignore")

    @settings(max_examples=100, deadline=None)
    @given(installed=strategies.booleans(), steps=_steps, last=strategies.permutations(WORKERS))
    def interleave(installed, steps, last):
        uninstall()
        plain = snapshot()
        if installed:
            install(version="1.8", warnings="ignore")
        outside = process if installed else None
        stacks = {name: [] for name in WORKERS}
        process_config = installer.current_config()  # this thread is outside every override

        def check():
            for name, stack in stacks.items():
                config = stack[-1].config if stack else process_config
                expected = _expected(stack[-1].config if stack else outside)
                seen = threads.run(name, _views)
                assert seen[0] == config
                assert seen[1:] == expected, (name, stack and stack[-1].config.version)
            assert _views()[1:] == _expected(outside)

        for name, step in steps:
            if step == "exit":
                if stacks[name]:
                    legacy = stacks[name].pop()
                    threads.run(name, lambda legacy=legacy: legacy.__exit__(None, None, None))
            else:
                legacy = override(version=step, warnings="ignore")
                threads.run(name, legacy.__enter__)
                stacks[name].append(legacy)
            check()
        for name in last:
            while stacks[name]:
                legacy = stacks[name].pop()
                threads.run(name, lambda legacy=legacy: legacy.__exit__(None, None, None))
            check()
        uninstall()
        assert_same(plain, snapshot())

    try:
        interleave()
    finally:
        threads.stop()


@pytest.mark.skipif(
    "callable" not in check_user_model.__code__.co_names,
    reason="only Django 6.1's auth check asks callable(); earlier ones look for a bound method",
)
def test_auth_checks_pass_inside_and_beside_an_override_that_disagrees():
    """The ``callable`` that auth's checks see is a module attribute: it too follows the context."""
    install(version="6.1")
    beside: Queue = Queue()
    with override("1.5"):
        inside = [message.id for message in check_user_model(None)]
        assert type(User().is_authenticated).__name__ == "CallableBool"
        thread = threading.Thread(target=lambda: beside.put([m.id for m in check_user_model(None)]))
        thread.start()
        thread.join()
    assert inside == []
    assert beside.get() == []
    uninstall()
    assert [message.id for message in check_user_model(None)] == []

# -*- coding: utf-8 -*-
"""A census of what ``django.http`` offers, so that a gap no probe asks about shows.

Every public name of the modules below and every public attribute of the
classes below is described in one string: its kind, and for callables the
call shape (``"method (self, key, default=None)"``).  The recorder takes the
census under each old release; the replay takes it on the shim at that
release's flag, and ``tests/golden/replay.py`` compares the two name by name.

Call shapes come from ``inspect.getargspec`` on Python 2 and
``inspect.signature`` on Python 3, written the same way on both (defaults as
text, ``b''`` and ``''`` alike).  A callable that is not a Python function
(a C method such as ``dict.get``, a callable object) has no shape Python 2
can read, so it is written ``(?)`` on both.

Subclasses of ``HttpResponse`` and ``StreamingHttpResponse`` list only what
they add or override, so a change to the base shows once.  Dunder methods
count only where Django's own classes define them (``__init__``, ``__iter__``
...); those of ``object`` and ``dict`` differ with the Python, not the release.
"""
from __future__ import unicode_literals

import importlib
import inspect
import io
import json
import sys

from .common import make_request, text

PY2 = sys.version_info[0] == 2

MODULES = (
    "django.http",
    "django.http.request",
    "django.http.response",
    "django.http.cookie",
    "django.http.utils",
    "django.utils.datastructures",
)

#: The parts of django.utils.datastructures that django.http used in some release.
DATASTRUCTURES = ("MultiValueDict", "MultiValueDictKeyError", "ImmutableList", "MergeDict", "CaseInsensitiveMapping")

DUNDERS = (
    "__init__",
    "__iter__",
    "__next__",
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__contains__",
    "__len__",
    "__copy__",
    "__deepcopy__",
    "__getstate__",
    "__setstate__",
    "__repr__",
    "__str__",
)

# Constructor arguments for an instance of each class whose instance attributes are listed.
INSTANCE_ARGS = {
    "HttpResponseRedirect": ("/",),
    "HttpResponsePermanentRedirect": ("/",),
    "HttpResponseRedirectBase": ("/",),
    "HttpResponseNotAllowed": (["GET"],),
    "JsonResponse": ({},),
    "StreamingHttpResponse": ([],),
}

_SIMPLE = (type(None), bool, int, float, bytes, type(""))


def _default(value):
    """A default value as text that is the same on Python 2 and 3."""
    if isinstance(value, (bool, type(None))) or (isinstance(value, (int, float)) and not PY2):
        return repr(value)
    if isinstance(value, (int, float)):
        return repr(value).rstrip("L")
    if isinstance(value, (bytes, type(""))):
        return json.dumps(text(value), ensure_ascii=False)
    if isinstance(value, (tuple, list)):
        inner = ",".join(_default(v) for v in value)
        return "(%s)" % inner if isinstance(value, tuple) else "[%s]" % inner
    return "<%s>" % type(value).__name__


def _shape_py2(func):
    spec = inspect.getargspec(func)
    defaults = spec.defaults or ()
    first_default = len(spec.args) - len(defaults)
    params = []
    for index, arg in enumerate(spec.args):
        name = arg if isinstance(arg, type("")) or isinstance(arg, str) else "(%s)" % ",".join(arg)
        if index >= first_default:
            name = "%s=%s" % (name, _default(defaults[index - first_default]))
        params.append(text(name))
    if spec.varargs:
        params.append("*" + spec.varargs)
    if spec.keywords:
        params.append("**" + spec.keywords)
    return params


def _shape_py3(func):
    signature = inspect.signature(func, follow_wrapped=False)
    params = []
    keyword_only = False
    previous = None
    for param in signature.parameters.values():
        if previous == param.POSITIONAL_ONLY and param.kind != param.POSITIONAL_ONLY:
            params.append("/")
        previous = param.kind
        if param.kind == param.VAR_POSITIONAL:
            params.append("*" + param.name)
            keyword_only = True
        elif param.kind == param.VAR_KEYWORD:
            params.append("**" + param.name)
        else:
            if param.kind == param.KEYWORD_ONLY and not keyword_only:
                params.append("*")
                keyword_only = True
            entry = param.name
            if param.default is not param.empty:
                entry = "%s=%s" % (entry, _default(param.default))
            params.append(entry)
    if previous == inspect.Parameter.POSITIONAL_ONLY:
        params.append("/")
    return params


def shape(func):
    """``(self, key, default=None)``; ``(?)`` when Python cannot tell."""
    # A function behind functools.lru_cache (urlsplit from Python 3.11): its own shape,
    # or the census would change with the Python rather than the release.
    wrapped = getattr(func, "__wrapped__", None)
    if not inspect.isfunction(func) and inspect.isfunction(wrapped):
        func = wrapped
    if not inspect.isfunction(func):
        return "(?)"
    try:
        params = _shape_py2(func) if PY2 else _shape_py3(func)
    except (TypeError, ValueError):
        return "(?)"
    return "(%s)" % ", ".join(params)


def _data(value):
    simple = isinstance(value, _SIMPLE) or (
        isinstance(value, (tuple, list)) and all(isinstance(v, _SIMPLE) for v in value)
    )
    return "data = %s" % _default(value) if simple else "data"


def _lookup(cls, name):
    """(class in the MRO that defines ``name``, the raw value there), or (None, None)."""
    for klass in inspect.getmro(cls):
        if name in vars(klass):
            return klass, vars(klass)[name]
    return None, None


def _init(cls):
    return shape(_lookup(cls, "__init__")[1])


def describe_value(value):
    """What a module-level name is."""
    if type(value).__name__ == "_Feature":  # from __future__ import ...
        return "future"
    if inspect.ismodule(value):
        return "module"
    if inspect.isclass(value):
        return "class " + _init(value)
    if callable(value):
        return "function " + shape(value)
    return _data(value)


def describe_raw(raw):
    """What a class attribute is, from the raw value in the class's ``__dict__``."""
    served_here = getattr(raw, "served_here", None)
    if served_here is not None and not inspect.isclass(raw):
        raw = served_here()  # the shim's guard: what it serves in this context
    if isinstance(raw, staticmethod):
        return "staticmethod " + shape(raw.__func__)
    if isinstance(raw, classmethod):
        return "classmethod " + shape(raw.__func__)
    if isinstance(raw, property):
        return "property"
    if inspect.isclass(raw):
        return "class " + _init(raw)
    if inspect.isfunction(raw):
        return "method " + shape(raw)
    if hasattr(type(raw), "__get__") and not callable(raw):
        return "property"  # cached_property, slots and other descriptors
    if callable(raw):
        return "method (?)"
    return _data(raw)


def _public(names):
    return set(n for n in names if not n.startswith("_"))


def _instance_names(instance):
    try:
        return _public(vars(instance))
    except TypeError:  # no __dict__
        return set()


def describe_class(cls, make, known=(), base=None):
    """{attribute: description}; with ``base``, only what ``cls`` adds or overrides."""
    try:
        instance = make()
    except Exception:
        instance = None
    own = _instance_names(instance)
    names = _public(dir(cls)) | own | set(DUNDERS) | set(known)
    result = {}
    for name in names:
        owner, raw = _lookup(cls, name)
        if owner is not None:
            if name.startswith("_") and not owner.__module__.startswith("django"):
                continue
            if base is not None and _lookup(base, name)[0] is owner:
                continue
            result[name] = describe_raw(raw)
        elif name in own:
            result[name] = "instance"
        elif instance is not None and not name.startswith("_") and hasattr(instance, name):
            result[name] = "dynamic"
    return result


def _module(name):
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def describe_module(module_name, known=()):
    module = _module(module_name)
    if module is None:
        return "missing"
    if module_name == "django.utils.datastructures":
        names = set(DATASTRUCTURES)
    else:
        names = _public(dir(module)) | _public(known)
    result = {}
    for name in names:
        try:
            value = getattr(module, name)
        except Exception:  # absent, or a lazy name that fails to load
            continue
        result[name] = describe_value(value)
    return result


def _instance_maker(name, cls):
    args = INSTANCE_ARGS.get(name, ())
    if name == "FileResponse":
        return lambda: cls(io.BytesIO(b""))
    return lambda: cls(*args)


def classes(known_modules=()):
    """name -> (class, instance maker, name of the base it is listed against or None)."""
    import django.http as http
    from django.core.handlers.wsgi import WSGIRequest
    from django.utils import datastructures

    found = {
        "HttpRequest": (http.HttpRequest, http.HttpRequest, None),
        "WSGIRequest": (WSGIRequest, make_request, None),
        "QueryDict": (http.QueryDict, lambda: http.QueryDict(""), None),
        "MultiValueDict": (datastructures.MultiValueDict, datastructures.MultiValueDict, None),
        "HttpResponse": (http.HttpResponse, http.HttpResponse, None),
    }
    for name, module, args in (
        ("MergeDict", datastructures, ({}, {})),
        ("SimpleCookie", http, ()),
        ("StreamingHttpResponse", http, ([],)),
    ):
        cls = getattr(module, name, None)
        if cls is not None:
            found[name] = (cls, lambda cls=cls, args=args: cls(*args), None)
    names = _public(dir(http)) | _public(known_modules)
    for name in sorted(names):
        cls = getattr(http, name, None)
        if not inspect.isclass(cls) or name in found:
            continue
        for base in ("HttpResponse", "StreamingHttpResponse"):
            if base in found and issubclass(cls, found[base][0]):
                found[name] = (cls, _instance_maker(name, cls), base)
    return found


#: Classes the census always looks for, so that a missing one shows.
ALWAYS = (
    "HttpRequest",
    "WSGIRequest",
    "QueryDict",
    "MultiValueDict",
    "MergeDict",
    "HttpResponse",
    "StreamingHttpResponse",
    "SimpleCookie",
)


def run(known=None):
    """The census; ``known`` (a recorded census) adds names ``dir()`` cannot see."""
    known = known or {"modules": {}, "classes": {}}

    def names_in(section, owner):
        value = known[section].get(owner)
        return value if isinstance(value, dict) else {}

    modules = dict((name, describe_module(name, names_in("modules", name))) for name in MODULES)
    found = classes(names_in("modules", "django.http"))
    described = {}
    for name in sorted(found, key=lambda n: found[n][2] is not None):
        cls, make, base = found[name]
        base_info = None
        if base is not None:
            try:
                base_instance = found[base][1]()
            except Exception:
                base_instance = None
            base_info = (found[base][0], _instance_names(base_instance))
        described[name] = describe_class(cls, make, names_in("classes", name), base_info and base_info[0])
        if base_info is not None:
            described[name] = dict(
                (k, v) for k, v in described[name].items() if not (v == "instance" and k in base_info[1])
            )
    for name in ALWAYS:
        described.setdefault(name, "missing")
    return {"modules": modules, "classes": described}

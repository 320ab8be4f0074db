"""The registry: every legacy ``django.http`` API, declared once.

Flags, warnings, system checks, the docs' feature table and the audit all read
from here, so a feature's versions, replacement and warning text exist in one
place only.  This module is pure data and imports nothing from Django.
"""

from __future__ import annotations

from dataclasses import dataclass

from .rules import (
    AbsoluteLocation,
    Attribute,
    Builtin,
    Contains,
    Item,
    IteratorContent,
    Keyword,
    ListUse,
    Method,
    NotFindable,
    Pattern,
    Positional,
    Rewrite,
    ServedNames,
    Setting,
)
from .versions import Version, format_version, parse_version

# Receiver kinds and call groups the audit rules below refer to (see rules.py).
REQUEST = ("request",)
QUERYDICT = ("querydict",)
RESPONSE = ("response",)
ANY_RESPONSE = ("response", "redirect", "other", "render_to_response")
QUERYDICT_WRITES = (
    "update",
    "setlist",
    "appendlist",
    "setlistdefault",
    "setdefault",
    "pop",
    "popitem",
    "clear",
)
#: Where the served objects that the shim writes itself live.
LEGACY = "django_http_compat.legacy"
#: The helpers the one-module ``django.http`` of 1.4 and earlier imported, and
#: old code imported from it: (name, dotted path of what is served for it).
HTTP_1_4_NAMES = (
    ("MultiValueDict", "django.utils.datastructures.MultiValueDict"),
    ("ImmutableList", "django.utils.datastructures.ImmutableList"),
    ("MultiPartParser", "django.http.multipartparser.MultiPartParser"),
    ("RESERVED_CHARS", f"{LEGACY}.module_names.RESERVED_CHARS"),
    ("absolute_http_url_re", f"{LEGACY}.module_names.absolute_http_url_re"),
    ("str_to_unicode", f"{LEGACY}.module_names.str_to_unicode"),
    ("parse_qsl", "urllib.parse.parse_qsl"),
    ("smart_str", "django.utils.encoding.smart_str"),
    ("force_unicode", "django.utils.encoding.force_str"),
    ("iri_to_uri", "django.utils.encoding.iri_to_uri"),
    ("urlencode", "urllib.parse.urlencode"),
    ("urljoin", "urllib.parse.urljoin"),
    ("settings", "django.conf.settings"),
    ("pformat", "pprint.pformat"),
    ("HttpResponseRedirectBase", "django.http.response.HttpResponseRedirectBase"),
    ("validate_host", "django.http.request.validate_host"),
    ("host_validation_re", "django.http.request.host_validation_re"),
    ("cookie_date", f"{LEGACY}.cookies.cookie_date"),
    ("SuspiciousOperation", "django.core.exceptions.SuspiciousOperation"),
    ("ImproperlyConfigured", "django.core.exceptions.ImproperlyConfigured"),
    ("RAISE_ERROR", "django.http.request.RAISE_ERROR"),
    ("Morsel", "http.cookies.Morsel"),
)
#: The names of ``HTTP_1_4_NAMES`` that ``django.http`` gained after 1.2, by the release that added them.
HTTP_NAMES_SINCE = {
    "1.3": (
        "HttpResponseRedirectBase",
        "validate_host",
        "host_validation_re",
        "cookie_date",
        "SuspiciousOperation",
    ),
    "1.4": ("RAISE_ERROR", "Morsel", "ImproperlyConfigured"),
}
PY2_ITERATORS = (
    ("iteritems", "items"),
    ("iterkeys", "keys"),
    ("itervalues", "values"),
    ("iterlists", "lists"),
)


@dataclass(frozen=True)
class Feature:
    #: Stable id used in settings, warnings, checks, docs anchors and the audit.
    id: str
    #: Short stable code of the audit's findings (``HC101``), for suppression comments and linters' output.
    code: str
    #: What old code writes, e.g. ``request.REQUEST``.
    api: str
    #: ``"request"`` or ``"response"``.
    area: str
    #: One sentence: what the old contract did.
    summary: str
    #: First Django release whose ``django.http`` had it ("0.96" for pre-1.0).
    added: str
    #: First release without it (removed, or its behaviour changed).
    removed: str
    #: The modern code that replaces it.
    replacement: str
    #: Release that started warning about it, if any did.
    deprecated: str | None = None
    #: True when the old behaviour cannot coexist with modern behaviour, or would
    #: change what modern code sees; such a feature is on only when
    #: ``HTTP_COMPAT_VERSION`` selects it explicitly.
    conflict: bool = False
    #: For a conflict: True when Django removed the API rather than changed what
    #: it does (the warning then says "was removed").
    api_removed: bool = False
    #: Old code using it, and the same code written for modern Django.
    example: str = ""
    modern: str = ""
    #: False for changed *behaviour* of a modern API (a list instead of an
    #: iterator, an error message): no call is legacy, so nothing can warn.
    warns: bool = True
    #: What the audit looks for in source code (rules.py), or why nothing can be found.
    finds: tuple[Pattern, ...] | NotFindable = ()
    #: What hand-written replacements tend to get wrong (for the migration guide).
    pitfalls: str = ""
    #: Changes within its versions: (first release that does it, one sentence).
    #: Behaviour modules pick the era with ``before(release)`` / ``at_least(release)``
    #: on exactly these releases (a test holds the two together).  A change from
    #: ``removed`` on applies where HTTP_COMPAT_FEATURES turns the feature on later.
    changes: tuple[tuple[str, str], ...] = ()

    @property
    def patterns(self) -> tuple[Pattern, ...]:
        """The audit's patterns for this feature; none when it cannot be found in source."""
        return () if isinstance(self.finds, NotFindable) else self.finds

    @property
    def added_version(self) -> Version:
        return parse_version(self.added)

    @property
    def removed_version(self) -> Version:
        return parse_version(self.removed)

    def available_in(self, version: Version) -> bool:
        """Did Django ``version`` have this API?"""
        return self.added_version <= version < self.removed_version

    @property
    def category_name(self) -> str:
        """Warning class name, after Django's own ``RemovedInDjangoXYWarning``."""
        major, minor = self.removed_version
        return f"RemovedInDjango{major}{minor}Warning"

    @property
    def changed(self) -> bool:
        """Does the same spelling do something else now (rather than not exist)?"""
        return self.conflict and not self.api_removed

    @property
    def removal(self) -> str:
        """``"removed in Django 1.9"``, or ``"changed in ..."`` for a changed behaviour."""
        verb = "changed" if self.changed else "removed"
        return f"{verb} in Django {format_version(self.removed_version)}"

    @property
    def warning_message(self) -> str:
        removal = self.removal if self.changed else f"was {self.removal}"
        return f"{self.api} {removal}; use {self.replacement} [{self.id}]"


FEATURES: tuple[Feature, ...] = (
    # --- request --------------------------------------------------------------
    Feature(
        id="request_REQUEST",
        code="HC101",
        api="request.REQUEST",
        area="request",
        summary="A merged, read-only view of POST and GET; POST is searched first.",
        added="0.96",
        deprecated="1.7",
        removed="1.9",
        replacement="request.POST or request.GET explicitly (look in POST first to keep the old precedence)",
        example='page = request.REQUEST.get("page", "1")',
        modern='page = request.POST.get("page", request.GET.get("page", "1"))',
        finds=(Attribute(("REQUEST",), on=REQUEST),),
        pitfalls="REQUEST looked in POST first, then GET. ``request.GET.get(k) or request.POST.get(k)`` reverses that, and ``or`` also skips empty values. ``REQUEST.getlist(k)`` gave the list of the first of POST and GET that had the key, never both lists joined.",
    ),
    Feature(
        id="request_raw_post_data",
        code="HC102",
        api="request.raw_post_data",
        area="request",
        summary="The raw body, under the name request.body had before 1.4.",
        added="0.96",
        deprecated="1.4",
        removed="1.6",
        replacement="request.body",
        example="payload = json.loads(request.raw_post_data)",
        modern="payload = json.loads(request.body)",
        finds=(Attribute(("raw_post_data",), on=REQUEST, fix=Rewrite("rename", "body")),),
        changes=(
            (
                "1.0",
                "After a multipart form has been parsed it is an empty string; 0.96 buffered every "
                "upload and still had the body there, which the shim cannot, so it raises for 0.96.",
            ),
            ("1.3", "After a multipart form has been parsed it raises, naming raw_post_data."),
            ("1.4", "It is request.body under another name, and raises as body does."),
        ),
        pitfalls='Up to 1.2, ``raw_post_data`` was ``""`` once a multipart form had been parsed; ``request.body`` raises ``RawPostDataException`` there. Read the body before ``POST`` or ``FILES`` when you need both.',
    ),
    Feature(
        id="request_getitem",
        code="HC103",
        api="request[key], request.has_key(key) and key in request",
        area="request",
        summary=(
            "Dictionary access on the request: POST is searched, then GET; a missing key "
            "raises KeyError('<key> not found in either POST or GET'). Templates, which try "
            "request[name] before the attribute, always get the attributes the request has "
            "({{ request.path }}), and their lookups are not counted or warned."
        ),
        added="0.96",
        removed="1.0",
        replacement="request.POST or request.GET explicitly, POST first",
        # Templates try obj[name] before the attribute: with it on by default, a
        # query string could answer for {{ request.path }} in modern templates too.
        conflict=True,
        api_removed=True,
        example='if request.has_key("q"):\n    query = request["q"]',
        modern='if "q" in request.POST or "q" in request.GET:\n    query = request.POST.get("q", request.GET.get("q"))',
        finds=(Item(on=REQUEST), Contains(on=REQUEST), Method(("has_key",), on=REQUEST, only_known=True)),
        pitfalls="The same precedence as ``REQUEST``: POST first. A missing key in both raised ``KeyError``; ``.get()`` chains return ``None`` instead.",
    ),
    Feature(
        id="request_files_dict",
        code="HC104",
        api="uploaded files as dicts: f['filename'], f['content-type'], f['content']",
        area="request",
        summary=(
            "request.FILES values answer the three keys of the 0.96 dict; 'content' is the "
            "whole file, read again from the start on each access."
        ),
        added="0.96",
        removed="1.0",
        replacement="f.name, f.content_type, f.read() (or f.chunks() for large files)",
        example='upload = request.FILES["doc"]\nsave(upload["filename"], upload["content"])',
        modern='upload = request.FILES["doc"]\nsave(upload.name, upload.read())',
        finds=(Item(on=("upload",), keys=("filename", "content-type", "content")),),
        pitfalls='``f.read()`` moves the file position, where ``f["content"]`` always gave the whole file: ``f.seek(0)`` before reading again.',
    ),
    Feature(
        id="request_get_raw_uri",
        code="HC105",
        api="request.get_raw_uri()",
        area="request",
        summary="The full URI built from the raw, unvalidated Host header.",
        added="1.9",
        removed="4.0",
        replacement="request.build_absolute_uri() (validates the host against ALLOWED_HOSTS)",
        example="logger.info(request.get_raw_uri())",
        modern="logger.info(request.build_absolute_uri())",
        finds=(Method(("get_raw_uri",), on=REQUEST, args=0),),
        pitfalls="``build_absolute_uri()`` raises ``DisallowedHost`` for a host outside ``ALLOWED_HOSTS``, where ``get_raw_uri()`` returned it; logging code that runs on bad requests must allow for that.",
    ),
    Feature(
        id="request_post_any_content_type",
        code="HC106",
        api="request.POST parsed from a body of any content type",
        area="request",
        summary=(
            "A POST body that is not a form (JSON, XML, text) is parsed as a query string, "
            "so it shows up as bogus keys in request.POST; a body of any other multipart type "
            "(multipart/mixed, multipart/related) is parsed as a form, with its files."
        ),
        added="0.96",
        removed="1.5",
        replacement="request.body, parsed for its real content type",
        conflict=True,
        example="data = json.loads(list(request.POST.keys())[0])",
        modern="data = json.loads(request.body)",
        finds=NotFindable(
            "it depends on the Content-Type clients send, not on the code that reads request.POST"
        ),
    ),
    Feature(
        id="request_post_charset",
        code="HC107",
        api="request.POST of a urlencoded body in a charset other than UTF-8",
        area="request",
        summary=(
            "A form body is decoded with request.encoding (for example from "
            "'charset=latin-1' in Content-Type) instead of being refused with a 400."
        ),
        added="1.0",
        removed="5.0",
        replacement="UTF-8 urlencoded forms, or request.body decoded by your own code",
        conflict=True,
        example='request.encoding = "latin-1"\nname = request.POST["name"]',
        modern='name = QueryDict(request.body, encoding="latin-1")["name"]',
        finds=NotFindable("it depends on the charset clients send, not on the code that reads request.POST"),
    ),
    Feature(
        id="request_multipart_post_mutable",
        code="HC108",
        api="assignment to request.POST of a multipart request",
        area="request",
        summary="The POST of a multipart/form-data request could be changed in place.",
        added="0.96",
        removed="1.11",
        replacement="request.POST.copy(), then change the copy",
        conflict=True,
        example='request.POST["owner"] = request.user.pk',
        modern='data = request.POST.copy()\ndata["owner"] = request.user.pk',
        finds=(Item(on=("post",), store=True), Method(QUERYDICT_WRITES, on=("post",), only_known=True)),
    ),
    Feature(
        id="request_long_repr",
        code="HC109",
        api="repr(request) as a dump of GET, POST, COOKIES and META",
        area="request",
        summary=(
            "repr() of a request lists path, GET, POST, COOKIES and META, with POST, cookies "
            "and META filtered as Django's error reports filter them."
        ),
        added="0.96",
        removed="1.8",
        replacement="explicit logging of the request attributes you need",
        conflict=True,
        warns=False,
        example="logger.error(repr(request))",
        modern='logger.error("%s GET=%r POST=%r", request.get_full_path(), request.GET, request.POST)',
        finds=(Builtin(("repr", "str"), on=REQUEST),),
        changes=(("1.4", "The dump starts with a path line."),),
    ),
    Feature(
        id="request_is_ajax",
        code="HC110",
        api="request.is_ajax()",
        area="request",
        summary="True when the X-Requested-With header is exactly 'XMLHttpRequest'.",
        added="1.0",
        deprecated="3.1",
        removed="4.0",
        replacement='request.headers.get("x-requested-with") == "XMLHttpRequest"',
        example="if request.is_ajax():\n    return JsonResponse(data)",
        modern='if request.headers.get("x-requested-with") == "XMLHttpRequest":\n    return JsonResponse(data)',
        finds=(Method(("is_ajax",), on=REQUEST, args=0, fix=Rewrite("header_comparison")),),
        pitfalls="Only the ``X-Requested-With`` header was ever checked. ``fetch()`` does not send it, so front-end code that moves to ``fetch()`` must send the header or the view must test ``Accept``.",
    ),
    Feature(
        id="request_xreadlines",
        code="HC111",
        api="request.xreadlines()",
        area="request",
        summary="A generator over the request body's lines, read as a stream.",
        added="1.3",
        deprecated="2.0",
        removed="3.0",
        replacement="iteration over the request (for line in request)",
        example="for line in request.xreadlines():\n    handle(line)",
        modern="for line in request:\n    handle(line)",
        finds=(Method(("xreadlines",), on=REQUEST, args=0, fix=Rewrite("iterate")),),
        pitfalls="The lines are bytes, each with its line ending. The stream can be read once: ``request.body`` raises after iterating.",
    ),
    Feature(
        id="request_keyless_cookies",
        code="HC113",
        api="request.COOKIES without the Cookie header's chunks that have no name",
        area="request",
        summary=(
            "A chunk of the Cookie header without '=' (a bare word), or with nothing before it, "
            "is left out of request.COOKIES; modern Django files it under the empty key."
        ),
        added="0.96",
        removed="1.8",
        replacement='request.COOKIES without its "" key',
        conflict=True,
        warns=False,
        example="for name, value in request.COOKIES.items():\n    audit(name, value)",
        modern="for name, value in request.COOKIES.items():\n    if name:\n        audit(name, value)",
        finds=NotFindable(
            "it depends on the Cookie header clients send, not on the code that reads request.COOKIES"
        ),
    ),
    Feature(
        id="request_body_exception_class",
        code="HC114",
        api="the class of the error raised by request.body and raw_post_data after the stream was read",
        area="request",
        summary=(
            "Reading the body after the request's stream was read (a multipart form parsed, "
            "read(), xreadlines()) raises an exception whose class is named Exception, as the "
            "built-in old releases raised; it is still a RawPostDataException."
        ),
        added="1.3",
        removed="1.7",
        replacement="except RawPostDataException (django.http)",
        conflict=True,
        warns=False,
        example="try:\n    data = request.body\nexcept Exception as exc:\n    assert type(exc).__name__ == 'Exception'",
        modern="try:\n    data = request.body\nexcept RawPostDataException:\n    data = None",
        finds=NotFindable("it shows only where code reads the class name of a caught exception"),
    ),
    Feature(
        id="request_invalid_content_length",
        code="HC115",
        api="request.body and request.POST of a request whose CONTENT_LENGTH is not a number",
        area="request",
        summary=(
            "A Content-Length that is not an integer ('abc', '1.5') means an empty body: "
            "request.body is b'' and request.POST is empty, where Django 1.10 to 6.0 raise "
            "ValueError (Django 6.1 reads no body either)."
        ),
        added="0.96",
        removed="1.10",
        replacement="a valid Content-Length (the request is malformed)",
        conflict=True,
        warns=False,
        example='payload = request.body  # b"" for "Content-Length: abc"',
        modern="payload = request.body",
        finds=NotFindable("it depends on the headers clients send, not on the code that reads the body"),
        changes=(
            (
                "1.3",
                "Django 1.3 read the whole stream instead, whatever its length; the shim does not "
                "read an unbounded body, so at 1.3 it answers as the installed Django does.",
            ),
            ("1.4", "The body is empty again, as up to 1.2."),
        ),
    ),
    Feature(
        id="request_unescaped_full_path",
        code="HC116",
        api="request.get_full_path() and build_absolute_uri() with the path as it was requested",
        area="request",
        summary=(
            "The path is not percent-escaped: '/a b/', '/café/?q=%C3%A9'. Django's own "
            "middleware and contrib apps, which redirect to it, still get the escaped path."
        ),
        added="0.96",
        removed="1.8",
        replacement="request.path where the decoded path is wanted, get_full_path() for a URL",
        conflict=True,
        warns=False,
        example='if request.get_full_path().startswith("/café/"): ...',
        modern='if request.path.startswith("/café/"): ...',
        finds=NotFindable(
            "every call of get_full_path() looks the same; only paths with characters to escape differ"
        ),
    ),
    Feature(
        id="request_wsgi_input_read_only",
        code="HC117",
        api="a wsgi.input that is not a file object (read() only, or a placeholder for a body never read)",
        area="request",
        summary=(
            "The request is built whatever the wsgi.input is; its read() and readline() are looked "
            "up only when the body or a line is read, where modern Django needs both at once."
        ),
        added="0.96",
        removed="4.2",
        replacement="a file-like wsgi.input (io.BytesIO, or the server's own stream) with read() and readline()",
        example='environ["wsgi.input"] = BodyReader(payload)  # defines read() only\nrequest = WSGIRequest(environ)',
        modern='environ["wsgi.input"] = io.BytesIO(payload)\nrequest = WSGIRequest(environ)',
        finds=NotFindable("it depends on the object a server or a test puts in the environ"),
    ),
    Feature(
        id="request_media_type_is_all_types",
        code="HC118",
        api="MediaType.is_all_types",
        area="request",
        summary="True for the media range */* of an Accept header (django.http.request.MediaType).",
        added="3.1",
        removed="5.2",
        replacement='media_type.main_type == "*" and media_type.sub_type == "*"',
        example="from django.http.request import MediaType\n\nif MediaType(value).is_all_types:\n    ...",
        modern='media_type = MediaType(value)\nif media_type.main_type == "*" and media_type.sub_type == "*":\n    ...',
        finds=(Attribute(("is_all_types",), on=("media_type",), only_known=True),),
    ),
    Feature(
        id="user_is_authenticated_method",
        code="HC112",
        api="request.user.is_authenticated() and is_anonymous() called as methods",
        area="request",
        summary=(
            "is_authenticated/is_anonymous can be called and still work as booleans, on "
            "AnonymousUser and every user model built on AbstractBaseUser; modern code that "
            "prints, formats, compares or JSON-encodes them sees the bool."
        ),
        added="0.96",
        deprecated="1.10",
        removed="2.0",
        replacement="request.user.is_authenticated (an attribute)",
        conflict=True,
        example="if request.user.is_authenticated():\n    ...",
        modern="if request.user.is_authenticated:\n    ...",
        finds=(Method(("is_authenticated", "is_anonymous"), on=("user",), args=0, fix=Rewrite("property")),),
        pitfalls="Before 1.10 ``user.is_authenticated`` without the call was a bound method, always true. Drop the parentheses only for code that runs with the shim or on 1.10+.",
    ),
    # --- QueryDict and friends ------------------------------------------------
    Feature(
        id="querydict_py2_methods",
        code="HC201",
        api="QueryDict/MultiValueDict has_key(), iteritems(), iterkeys(), itervalues(), iterlists()",
        area="request",
        summary="The Python 2 dict methods, on request.GET, request.POST, request.FILES and every MultiValueDict.",
        added="0.96",
        removed="2.0",
        replacement="key in q, q.items(), q.keys(), q.values(), q.lists()",
        example='if request.GET.has_key("q"):\n    for key, value in request.GET.iteritems(): ...',
        modern='if "q" in request.GET:\n    for key, value in request.GET.items(): ...',
        finds=(
            Method(("has_key",), on=QUERYDICT, only_known=True, args=1, fix=Rewrite("contains")),
            # Only on known or QueryDict-shaped receivers: on real code these names are mostly
            # plain dicts (defaultdicts, parsed query strings, API payloads).
            *(
                Method((old,), on=QUERYDICT, only_known=True, args=0, fix=Rewrite("rename", new))
                for old, new in PY2_ITERATORS
            ),
        ),
        pitfalls="``items()`` and ``values()`` give the last value of each key, as ``iteritems()`` did; ``lists()`` gives them all.",
    ),
    Feature(
        id="querydict_list_returns",
        code="HC202",
        api="QueryDict/MultiValueDict items(), keys(), values() and lists() returning lists",
        area="request",
        summary="As on Python 2: real lists that can be indexed, sorted and kept while the dict changes.",
        added="0.96",
        removed="2.0",
        replacement="list(q.items()), sorted(q.keys()) ...",
        conflict=True,
        warns=False,
        example="first = request.GET.keys()[0]",
        modern="first = next(iter(request.GET))",
        finds=(ListUse(("items", "keys", "values", "lists"), on=QUERYDICT, fix=Rewrite("list")),),
        pitfalls="``items()``, ``values()`` and ``lists()`` are now one-pass iterators and ``keys()`` a view: none can be indexed or sorted in place, and an iterator is empty the second time.",
    ),
    Feature(
        id="querydict_key_error_args",
        code="HC203",
        api="the text of MultiValueDictKeyError",
        area="request",
        summary=(
            "A missing key is reported as \"Key 'k' not found in <QueryDict: ...>\", with the dict's "
            "keys and its values left out."
        ),
        added="0.96",
        removed="2.0",
        replacement="exc.args[0], which is the missing key itself",
        conflict=True,
        warns=False,
        example='except MultiValueDictKeyError as exc:\n    name = str(exc).strip("\'")',
        modern="except MultiValueDictKeyError as exc:\n    name = exc.args[0]",
        finds=NotFindable("it shows only where code reads the text of a caught MultiValueDictKeyError"),
        changes=(("1.6", "The text is the key's repr, \"'k'\"."),),
    ),
    Feature(
        id="querydict_bytes_decoding",
        code="HC204",
        api="request.GET, request.POST and QueryDict(bytes) of bytes not valid in the encoding",
        area="request",
        summary=(
            "A query string or urlencoded body is percent-decoded to bytes first, then decoded with "
            "the QueryDict's encoding: an invalid byte becomes U+FFFD whether it came raw or as %E9 "
            "(modern Django decodes raw bytes as ISO-8859-1 and replaces only escapes). Text given "
            "to QueryDict is decoded as modern Django does."
        ),
        added="0.96",
        removed="1.11",
        replacement="QueryDict(query_string.decode(charset)) with the charset the client is known to send",
        conflict=True,
        warns=False,
        example='name = request.GET["name"]  # "caf\\ufffd" for ?name=caf%E9',
        modern='name = request.GET["name"]  # "caf\\ufffd" for ?name=caf%E9, "café" for a raw Latin-1 byte',
        finds=NotFindable("it depends on the bytes clients send, not on the code that reads the QueryDict"),
        changes=(
            (
                "1.7",
                "A value is decoded strictly and falls back to ISO-8859-1 on its own (?q=caf%E9 gives "
                "'café'); keys still get U+FFFD.",
            ),
        ),
    ),
    # --- module-level names ---------------------------------------------------
    Feature(
        id="datastructures_MergeDict",
        code="HC301",
        api="django.utils.datastructures.MergeDict",
        area="request",
        summary="The read-only chain of dicts behind request.REQUEST; the first dict holding a key answers.",
        added="0.96",
        deprecated="1.7",
        removed="1.9",
        replacement="collections.ChainMap or dict.update()",
        example="from django.utils.datastructures import MergeDict\nparams = MergeDict(request.POST, request.GET)",
        modern="from collections import ChainMap\nparams = ChainMap(request.POST, request.GET)",
        finds=(
            ServedNames((("django.utils.datastructures.MergeDict", f"{LEGACY}.datastructures.MergeDict"),)),
        ),
        pitfalls="``ChainMap`` has no ``getlist()``; for QueryDicts choose the precedence explicitly.",
        changes=(
            (
                "1.3",
                "repr() lists the dicts, as in MergeDict(<QueryDict: ...>, ...), and str() the merged "
                "items; before, both were Python's default object repr.",
            ),
            (
                "1.6",
                "bool() reflects the contents (it was always true), and a missing key raises "
                "KeyError(key) rather than a KeyError without arguments.",
            ),
            (
                "2.0",
                "Turned on at 2.0 or later, or with no version set, items(), keys() and values() "
                "return iterators and iteritems(), iterkeys() and itervalues() are gone, as on Python 3.",
            ),
        ),
    ),
    Feature(
        id="http_get_host",
        code="HC302",
        api="django.http.get_host(request)",
        area="request",
        summary="The module-level spelling of request.get_host().",
        added="0.96",
        removed="1.5",
        replacement="request.get_host()",
        example="from django.http import get_host\nhost = get_host(request)",
        modern="host = request.get_host()",
        finds=(ServedNames((("django.http.get_host", f"{LEGACY}.module_names.get_host"),)),),
        pitfalls="``request.get_host()`` validates the host against ``ALLOWED_HOSTS`` and raises ``DisallowedHost``.",
    ),
    Feature(
        id="http_build_request_repr",
        code="HC303",
        api="django.http.build_request_repr(request, path_override=None, GET_override=None, ...)",
        area="request",
        summary=(
            "The multi-line request dump used by error reporters, with parts replaceable; "
            "parts not replaced are filtered as in repr(request)."
        ),
        added="1.4",
        removed="1.9",
        replacement="your own formatting of the request attributes you need",
        example="from django.http import build_request_repr\ntext = build_request_repr(request, POST_override={})",
        modern='text = "%s GET=%r" % (request.path, request.GET)',
        finds=(
            ServedNames(
                (
                    ("django.http.build_request_repr", f"{LEGACY}.request.build_request_repr"),
                    # Where it was defined from 1.5 on.
                    ("django.http.request.build_request_repr", f"{LEGACY}.request.build_request_repr"),
                )
            ),
        ),
    ),
    Feature(
        id="http_module_names",
        code="HC304",
        api="names django.http re-exported up to 1.4 (MultiValueDict, smart_str, iri_to_uri, ...)",
        area="request",
        summary=(
            "Helpers that the one-module django.http of 1.4 and earlier imported and old "
            "code imported from it in turn."
        ),
        added="0.96",
        removed="1.5",
        replacement="each name from the module that defines it (django.utils.datastructures, ...)",
        example="from django.http import MultiValueDict, smart_str",
        modern="from django.utils.datastructures import MultiValueDict\nfrom django.utils.encoding import smart_str",
        finds=(ServedNames(tuple((f"django.http.{name}", target) for name, target in HTTP_1_4_NAMES)),),
        changes=(
            ("1.3", "It also has " + ", ".join(HTTP_NAMES_SINCE["1.3"]) + "."),
            ("1.4", "It also has " + ", ".join(HTTP_NAMES_SINCE["1.4"]) + "."),
        ),
    ),
    Feature(
        id="http_fix_location_header",
        code="HC305",
        api="django.http.fix_location_header(request, response), also in django.http.utils",
        area="response",
        summary=(
            "Makes the response's Location header absolute with request.build_absolute_uri(), "
            "as the request handler then did for every response, and returns the response."
        ),
        added="1.0",
        removed="1.9",
        replacement='response["Location"] = request.build_absolute_uri(response["Location"])',
        example='from django.http import fix_location_header\nresponse = fix_location_header(request, HttpResponseRedirect("/next/"))',
        modern='response = HttpResponseRedirect(request.build_absolute_uri("/next/"))',
        finds=(
            ServedNames(
                (
                    ("django.http.fix_location_header", f"{LEGACY}.location.fix_location_header"),
                    ("django.http.utils.fix_location_header", f"{LEGACY}.location.fix_location_header"),
                )
            ),
        ),
        pitfalls="The host comes from ``request.get_host()``, which raises ``DisallowedHost`` for a host outside ``ALLOWED_HOSTS``; a relative Location is valid HTTP, so most code can drop the call.",
    ),
    Feature(
        id="http_conditional_content_removal",
        code="HC306",
        api="django.http.conditional_content_removal(request, response), also in django.http.utils",
        area="response",
        summary=(
            "Empties the body of a response to a HEAD request, and of a 1xx, 204 or 304 response "
            "(setting Content-Length: 0 for those), and returns the response."
        ),
        added="1.0",
        removed="1.10",
        replacement="django.test.client.conditional_content_removal, or nothing: servers drop such bodies",
        example="from django.http import conditional_content_removal\nresponse = conditional_content_removal(request, response)",
        modern="from django.test.client import conditional_content_removal\nresponse = conditional_content_removal(request, response)",
        finds=(
            ServedNames(
                (
                    (
                        "django.http.conditional_content_removal",
                        f"{LEGACY}.handler.conditional_content_removal",
                    ),
                    (
                        "django.http.utils.conditional_content_removal",
                        f"{LEGACY}.handler.conditional_content_removal",
                    ),
                )
            ),
        ),
    ),
    Feature(
        id="http_fix_IE_helpers",
        code="HC309",
        api="django.http.fix_IE_for_attach() and fix_IE_for_vary(), also in django.http.utils",
        area="response",
        summary=(
            "For Internet Explorer (a User-Agent with MSIE or chromeframe), drop no-cache and no-store "
            "from an attachment's caching headers, and the Vary header from content other than HTML, "
            "plain text or SGML; each returns the response."
        ),
        added="1.0",
        removed="1.4",
        replacement="nothing: browsers since Internet Explorer 9 need neither",
        example="from django.http import fix_IE_for_vary\nresponse = fix_IE_for_vary(request, response)",
        modern="response = response  # drop the call",
        finds=(
            ServedNames(
                tuple(
                    (f"{module}.{name}", f"{LEGACY}.module_names.{name}")
                    for module in ("django.http", "django.http.utils")
                    for name in ("fix_IE_for_attach", "fix_IE_for_vary")
                )
            ),
        ),
    ),
    Feature(
        id="http_cookie_module",
        code="HC307",
        api="django.http.Cookie (Python 2's Cookie module)",
        area="response",
        summary="django.http imported Python's Cookie module by that name, and old code reached it through django.http.",
        added="1.3",
        removed="1.5",
        replacement="http.cookies (or django.http.SimpleCookie)",
        example="from django.http import Cookie\njar = Cookie.SimpleCookie()",
        modern="from http import cookies\njar = cookies.SimpleCookie()",
        finds=(ServedNames((("django.http.Cookie", "http.cookies"),)),),
    ),
    Feature(
        id="utils_http_urllib_parse",
        code="HC308",
        api="django.utils.http.urllib_parse",
        area="request",
        summary="Django 1.5 imported the URL-parsing module as urllib_parse in django.utils.http, and code reused it.",
        added="1.5",
        removed="1.6",
        replacement="urllib.parse",
        example="from django.utils.http import urllib_parse\nurllib_parse.quote(path)",
        modern="from urllib import parse\nparse.quote(path)",
        finds=(ServedNames((("django.utils.http.urllib_parse", "urllib.parse"),)),),
    ),
    # --- response -------------------------------------------------------------
    Feature(
        id="response_mimetype",
        code="HC401",
        api="the mimetype= argument of response classes",
        area="response",
        summary="Sets Content-Type; when both are given, a non-empty mimetype wins over content_type.",
        added="0.96",
        deprecated="1.5",
        removed="1.7",
        replacement="content_type=",
        example='return HttpResponse(data, mimetype="text/csv")',
        modern='return HttpResponse(data, content_type="text/csv")',
        finds=(Keyword(("mimetype",), calls=ANY_RESPONSE, fix=Rewrite("rename", "content_type")),),
        pitfalls="A call giving both ``mimetype`` and ``content_type`` is left to you by ``--fix``: decide which one the response should have.",
    ),
    Feature(
        id="response_positional_order",
        code="HC402",
        api="positional HttpResponse(content, mimetype, status, content_type) arguments",
        area="response",
        summary="Positional arguments after content in the era's order: (mimetype, status, content_type).",
        added="1.0",
        deprecated="1.5",
        removed="1.7",
        replacement="keyword arguments (content_type=, status=, reason=)",
        conflict=True,
        example='HttpResponse(body, "text/plain", 201)',
        modern='HttpResponse(body, content_type="text/plain", status=201)',
        finds=(Positional(3, calls=("response",)), Positional(4, calls=("redirect",))),
        changes=(
            ("1.5", "The order is (content_type, status, mimetype)."),
            ("1.6", "The order is (content_type, status, reason, mimetype)."),
        ),
        pitfalls="The fourth positional argument was the content type up to 1.6 and is the reason phrase now: the status line silently changes instead of failing.",
    ),
    Feature(
        id="response_private_headers",
        code="HC403",
        api="response._headers",
        area="response",
        summary=(
            "The header dict {lower-case name: (Name, value)}, read and written by "
            "middleware; writes are validated and served."
        ),
        added="1.0",
        removed="3.2",
        replacement="response.headers (case-insensitive, name to value)",
        example='for key, (name, value) in response._headers.items(): ...\nresponse._headers["x-frame-options"] = ("X-Frame-Options", "DENY")',
        modern='for name, value in response.headers.items(): ...\nresponse.headers["X-Frame-Options"] = "DENY"',
        finds=(Attribute(("_headers",), on=RESPONSE),),
        pitfalls="``_headers`` was keyed by lower-case name with ``(Name, value)`` tuples; ``response.headers`` maps any case of the name to the value alone.",
    ),
    Feature(
        id="response_upper_reason_phrases",
        code="HC404",
        api="upper-case reason phrases ('NOT FOUND')",
        area="response",
        summary=(
            "Status lines and reason_phrase in upper case, looked up for the status the "
            "response has when it is served. The request log keeps its "
            'title-case line ("Not Found: /x"), as the old handlers logged it.'
        ),
        added="0.96",
        removed="1.9",
        replacement="status codes rather than phrases (title-case phrases follow status_code)",
        conflict=True,
        warns=False,
        example='self.assertEqual(response.reason_phrase, "NOT FOUND")',
        modern="self.assertEqual(response.status_code, 404)",
        finds=NotFindable("it shows only where code compares a reason phrase with its upper-case text"),
        changes=(
            ("1.4", "102, 207, 208, 226, 422, 423, 424, 426, 506, 507, 508 and 510 have phrases."),
            (
                "1.6",
                "The phrase is fixed when the response is built, so a later status_code change keeps "
                "it; 418, 428, 429, 431 and 511 have phrases.",
            ),
            ("1.7", "308 has a phrase."),
        ),
    ),
    Feature(
        id="http_reason_phrase_tables",
        code="HC405",
        api="django.http.response.REASON_PHRASES and django.core.handlers.wsgi.STATUS_CODE_TEXT",
        area="response",
        summary="The upper-case {status code: phrase} tables.",
        added="0.96",
        removed="1.9",
        replacement="http.HTTPStatus(code).phrase",
        example="from django.http.response import REASON_PHRASES\nphrase = REASON_PHRASES[404]",
        changes=(
            ("1.4", "The tables have 102, 207, 208, 226, 422, 423, 424, 426, 506, 507, 508 and 510."),
            (
                "1.6",
                "REASON_PHRASES is in django.http.response; the tables have 418, 428, 429, 431 and 511.",
            ),
            ("1.7", "The tables have 308."),
        ),
        modern="from http import HTTPStatus\nphrase = HTTPStatus(404).phrase",
        finds=(
            ServedNames(
                (
                    ("django.http.response.REASON_PHRASES", f"{LEGACY}.reason_phrases.REASON_PHRASES"),
                    (
                        "django.core.handlers.wsgi.STATUS_CODE_TEXT",
                        f"{LEGACY}.reason_phrases.STATUS_CODE_TEXT",
                    ),
                )
            ),
        ),
    ),
    Feature(
        id="response_default_content_type",
        code="HC406",
        api="the DEFAULT_CONTENT_TYPE setting",
        area="response",
        summary=(
            "The MIME type of every response built without a content type; the charset is added as before."
        ),
        added="0.96",
        deprecated="2.0",
        removed="3.0",
        replacement="content_type= on the responses that need another type",
        example='DEFAULT_CONTENT_TYPE = "application/xhtml+xml"\nreturn HttpResponse(page)',
        modern='return HttpResponse(page, content_type="application/xhtml+xml; charset=utf-8")',
        finds=(Setting("DEFAULT_CONTENT_TYPE"),),
        pitfalls="The setting also changed the type of responses built without one in third-party code; set ``content_type=`` where your own views need it.",
    ),
    Feature(
        id="response_falsy_status",
        code="HC407",
        api="status=0 (or another false value) meaning the class's own status",
        area="response",
        summary="A false status argument left the class default (200 for HttpResponse) in place.",
        added="1.0",
        removed="1.6",
        replacement="no status argument (or status=None)",
        conflict=True,
        example="HttpResponse(body, status=form_status or 0)",
        modern="HttpResponse(body, status=form_status or None)",
        finds=(Keyword(("status",), calls=ANY_RESPONSE, falsy=True),),
    ),
    Feature(
        id="response_status_range",
        code="HC419",
        api="a status code from 600 to 999 given to a response class",
        area="response",
        summary=(
            "A status the HTTP table lacks, up to 999, is accepted and sent with the phrase for "
            "unknown codes; modern Django refuses anything outside 100-599 with ValueError."
        ),
        added="0.96",
        removed="1.11",
        replacement="a status from 100 to 599",
        conflict=True,
        warns=False,
        example="HttpResponse(body, status=799)",
        modern="HttpResponse(body, status=499)",
        finds=NotFindable("the status is usually a value computed at run time"),
    ),
    Feature(
        id="response_iterator_content",
        code="HC408",
        api="HttpResponse(iterator) consumed lazily",
        area="response",
        summary=(
            "An iterator given as content is not read at construction: it streams to the "
            "server unless something reads .content first, which keeps the result; write() "
            "and tell() on such a response raise; response.close() closes it."
        ),
        added="0.96",
        deprecated="1.5",
        removed="1.7",
        replacement="StreamingHttpResponse(iterator) to stream; HttpResponse(b''.join(...)) otherwise",
        conflict=True,
        example="return HttpResponse(rows_as_csv(queryset), content_type='text/csv')",
        modern="return StreamingHttpResponse(rows_as_csv(queryset), content_type='text/csv')",
        finds=(IteratorContent(),),
        changes=(("1.5", "write() and tell() work; write() appends after the iterator's content."),),
        pitfalls='``HttpResponse`` now reads an iterator at once and keeps it in memory. ``StreamingHttpResponse`` streams it but has no ``.content``: tests read ``b"".join(response.streaming_content)``.',
    ),
    Feature(
        id="response_not_modified_content_type",
        code="HC409",
        api="HttpResponseNotModified keeping its Content-Type",
        area="response",
        summary="A 304 response kept the Content-Type header it was built with.",
        added="1.0",
        removed="1.5",
        replacement="no Content-Type on a 304, which carries no body",
        conflict=True,
        warns=False,
        example="assert response['Content-Type'] == 'text/html; charset=utf-8'  # a 304",
        modern="assert not response.has_header('Content-Type')",
        finds=NotFindable("it shows only in what clients or tests read from a 304"),
    ),
    Feature(
        id="response_not_modified_content",
        code="HC423",
        api="HttpResponseNotModified(content) and content set on a 304",
        area="response",
        summary=(
            "A 304 response accepted content, and .content gave it back; the request handler "
            "removed it before the response was sent."
        ),
        added="1.0",
        removed="1.5",
        replacement="HttpResponseNotModified() with no content (a 304 carries no body)",
        conflict=True,
        # The audit cannot point at the call (below), so the call does not warn either.
        warns=False,
        example='return HttpResponseNotModified("unchanged")',
        modern="return HttpResponseNotModified()",
        finds=NotFindable(
            "the audit's call groups do not single out HttpResponseNotModified; "
            "look for it called with arguments"
        ),
        pitfalls=(
            "The content is kept for ``.content`` (and ``.text``) only: iterating the response gives "
            "nothing, so no server is handed a 304 body at any flag, whatever serves it."
        ),
    ),
    Feature(
        id="handler_body_removal",
        code="HC424",
        api="bodies removed by the request handler (HEAD, 1xx, 204, 304)",
        area="response",
        summary=(
            "The request handler emptied the body of the answer to a HEAD request and of every "
            "1xx, 204 and 304 response, and set Content-Length: 0 on the latter, for servers and "
            "tests alike."
        ),
        added="1.0",
        removed="1.10",
        replacement="nothing: servers drop such bodies, and the test client drops them too",
        conflict=True,
        warns=False,
        example='self.assertEqual(response["Content-Length"], "0")  # a 204',
        modern="self.assertEqual(response.status_code, 204)",
        finds=NotFindable("it shows only in what servers and tests receive for those responses"),
        pitfalls=(
            "The test client still empties these bodies; only ``Content-Length: 0`` on 1xx, 204 and "
            "304 responses, and bodies seen by code that calls the handler itself, differ."
        ),
    ),
    Feature(
        id="response_absolute_location",
        code="HC410",
        api="relative Location headers made absolute",
        area="response",
        summary=(
            "The request handler rewrote a relative Location to an absolute URI (for "
            "example http://testserver/next/), as servers and tests then saw it."
        ),
        added="1.0",
        removed="1.9",
        replacement="the URL as the view gave it, or assertRedirects (relative redirects are valid HTTP)",
        conflict=True,
        warns=False,
        example='self.assertEqual(response["Location"], "http://testserver/next/")',
        modern='self.assertEqual(response["Location"], "/next/")',
        finds=(AbsoluteLocation(),),
        pitfalls=(
            "While the feature is on, ``assertRedirects`` takes the path (``/next/``) or the absolute "
            "URL, as 1.6 to 1.8 did; modern Django compares the URL as the view gave it, so write the "
            "path there, and compare ``Location`` strings with the relative form."
        ),
    ),
    Feature(
        id="response_str_message",
        code="HC411",
        api="str(response) giving the HTTP message",
        area="response",
        summary=(
            "On Python 2, str(response) was the header lines, a blank line and the content, "
            "each line ending with a bare LF; str() of a streaming response, the header lines alone."
        ),
        added="0.96",
        removed="2.0",
        replacement="response.serialize() (bytes)",
        conflict=True,
        example="self.assertIn('X-Frame-Options: DENY', str(response))",
        modern="self.assertIn(b'X-Frame-Options: DENY', response.serialize())",
        finds=(Builtin(("str",), on=RESPONSE),),
        pitfalls="``serialize()`` returns bytes; for the body alone use ``response.content``.",
        changes=(("1.5", "Lines end with CR LF, as in the HTTP message."),),
    ),
    Feature(
        id="response_cookie_dates",
        code="HC412",
        api="cookie Expires dates with hyphens (Wdy, DD-Mon-YYYY)",
        area="response",
        summary=(
            "set_cookie(max_age=...) and delete_cookie() wrote Expires as "
            "'Thu, 01-Jan-1970 00:00:00 GMT'; Django 2.1 switched to the RFC 7231 form."
        ),
        added="0.96",
        removed="2.1",
        replacement="Max-Age, or the parsed date instead of its text",
        conflict=True,
        warns=False,
        example="self.assertIn('expires=Thu, 01-Jan-1970', cookie.output())",
        modern="self.assertEqual(cookie['max-age'], 0)",
        finds=NotFindable("it shows only where code compares the text of Set-Cookie dates"),
    ),
    Feature(
        id="response_cookie_max_age",
        code="HC420",
        api="set_cookie(max_age=...) without an Expires date",
        area="response",
        summary=(
            "A cookie set with max_age and no expires gets Max-Age only; from 1.3 Django adds "
            "the Expires date the age ends on, for clients that ignore Max-Age."
        ),
        added="0.96",
        removed="1.3",
        replacement="set_cookie(max_age=...), which now sends Expires too",
        conflict=True,
        warns=False,
        example="assert 'expires' not in response.cookies['k'].output()",
        modern="assert response.cookies['k']['max-age'] == 3600",
        finds=NotFindable("it shows only where code reads the Set-Cookie text"),
    ),
    Feature(
        id="response_default_charset",
        code="HC421",
        api="response._charset, and HttpResponse(content_type='')",
        area="response",
        summary=(
            "response._charset is DEFAULT_CHARSET whatever the Content-Type names (unless a "
            "charset was given or assigned), and an empty content_type gives the default "
            "Content-Type; the content is still encoded in the charset the header names."
        ),
        added="0.96",
        removed="1.8",
        replacement="response.charset; content_type=None for the default",
        conflict=True,
        warns=False,
        example='body = response.content.decode(response._charset)\nHttpResponse(data, content_type="")',
        modern="body = response.content.decode(response.charset)\nHttpResponse(data)",
        finds=(Attribute(("_charset",), on=RESPONSE, only_known=True),),
    ),
    Feature(
        id="response_deferred_close",
        code="HC422",
        api="a closable iterable given as content, closed by response.close()",
        area="response",
        summary=(
            "A file or generator given as content is read at once but closed only when the "
            "response is closed (when the server is done), not as soon as it was read."
        ),
        added="1.7",
        removed="1.10",
        replacement="close the iterable yourself, or a StreamingHttpResponse, which closes it when done",
        conflict=True,
        warns=False,
        example="response = HttpResponse(open(path))\nassert not response._container_file.closed",
        modern="with open(path) as f:\n    response = HttpResponse(f.read())",
        finds=NotFindable("it shows only where code relies on the iterable staying open"),
    ),
    Feature(
        id="response_iterable_container",
        code="HC425",
        api="HttpResponse(list) keeping the list as its content",
        area="response",
        summary=(
            "An iterable that is neither a string nor an iterator (a list, a tuple, a queryset) "
            "is kept as given: iterating the response gives one chunk per item, each read of "
            ".content joins them again, and response.close() closes it."
        ),
        added="0.96",
        removed="1.7",
        replacement="HttpResponse(b''.join(...)) for the whole body, StreamingHttpResponse(items) for one chunk per item",
        conflict=True,
        warns=False,
        example='response = HttpResponse(["<p>", "Ada", "</p>"])\nassert list(response) == [b"<p>", b"Ada", b"</p>"]',
        modern='response = StreamingHttpResponse(["<p>", "Ada", "</p>"])\nassert list(response) == [b"<p>", b"Ada", b"</p>"]',
        finds=NotFindable("it shows only in how many chunks the content is iterated in, or when it is read"),
        changes=(("1.5", "The first read of .content replaces the iterable with the joined content."),),
        pitfalls="Modern ``HttpResponse`` joins the items at construction: an item appended to the list afterwards is no longer sent, and iterating the response gives one chunk.",
    ),
    Feature(
        id="response_own_iterator",
        code="HC426",
        api="iter(response) returning the response itself",
        area="response",
        summary=(
            "A response is its own iterator: iter(response) returns it, each call starting a "
            "new pass over the content, and next(response) gives the next chunk of that pass, "
            "encoded."
        ),
        added="0.96",
        removed="1.7",
        replacement="iter(response), which returns a new iterator over the content",
        conflict=True,
        warns=False,
        example="chunks = iter(response)\nfirst = next(response)",
        modern="chunks = iter(response)\nfirst = next(chunks)",
        finds=NotFindable("every server iterates responses; only code that relies on the identity shows it"),
        changes=(
            (
                "1.5",
                "Only the first iter() starts a pass; later calls continue it, so a second list(response) is empty.",
            ),
        ),
    ),
    Feature(
        id="response_next_method",
        code="HC427",
        api="response.next()",
        area="response",
        summary=(
            "Python 2's name of the iterator method: the next chunk of the pass iter(response) "
            "started, up to 1.6; from 1.7 it is six.Iterator's spelling of a __next__ that "
            "responses no longer have (they stopped being their own iterators), so calling it "
            "raises AttributeError."
        ),
        added="0.96",
        removed="2.0",
        replacement="next() on the iterator iter(response) returns",
        conflict=True,
        api_removed=True,
        example="response = HttpResponse(rows)\niter(response)\nfirst = response.next()",
        modern="first = next(iter(response))",
        finds=(Method(("next",), on=RESPONSE, only_known=True, args=0),),
    ),
    Feature(
        id="response_case_sensitive_headers",
        code="HC413",
        api="case-sensitive response[name] and del response[name]",
        area="response",
        summary=(
            "Reading a header under another case raised KeyError, and deleting it under "
            "another case did nothing; has_header() ignored case."
        ),
        added="0.96",
        removed="1.0",
        replacement="any case of the header name (names are case-insensitive)",
        conflict=True,
        warns=False,
        example='del response["x-php"]  # left "X-PHP" in place',
        modern='del response["X-PHP"]',
        finds=NotFindable("header names that differ only in case look the same as intended ones"),
    ),
    Feature(
        id="response_redirect_positional_content",
        code="HC414",
        api="positional content after the URL of HttpResponseRedirect",
        area="response",
        summary=(
            "HttpResponseRedirect(url, content, content_type, status) passed everything after "
            "the URL to HttpResponse; Django 5.2 made the second argument preserve_request."
        ),
        added="1.5",
        removed="5.2",
        replacement="keyword arguments: HttpResponseRedirect(url, content=..., content_type=...)",
        conflict=True,
        example='HttpResponseRedirect("/next/", "Moved to /next/.")',
        modern='HttpResponseRedirect("/next/", content="Moved to /next/.")',
        finds=(Positional(1, calls=("redirect",), fix=Rewrite("keywords", "content,content_type,status")),),
        pitfalls="From Django 5.2 the second positional argument is ``preserve_request``: content passed there silently makes the redirect a 307 or 308.",
    ),
    Feature(
        id="test_assert_redirects_strips_host",
        code="HC429",
        api="assertRedirects() with an absolute expected URL for a relative redirect",
        area="response",
        summary=(
            "Where the redirect's Location is relative, the scheme and host of the expected URL are "
            "dropped before comparing, so tests written when Location was made absolute still pass."
        ),
        added="1.9",
        deprecated="1.9",
        removed="2.0",
        replacement="the expected URL as the redirect gives it: relative for a relative Location",
        conflict=True,
        example='self.assertRedirects(response, "http://testserver/next/")',
        modern='self.assertRedirects(response, "/next/")',
        finds=NotFindable("the expected URL and the redirect's Location are known only when the test runs"),
    ),
    Feature(
        id="http_CompatCookie",
        code="HC415",
        api="django.http.CompatCookie",
        area="response",
        summary="The cookie class whose values quote ';' and ',' (as SimpleCookie now does).",
        added="1.1",
        deprecated="1.3",
        removed="1.5",
        replacement="django.http.SimpleCookie",
        example="from django.http import CompatCookie",
        modern="from django.http import SimpleCookie",
        finds=(ServedNames((("django.http.CompatCookie", f"{LEGACY}.cookies.CompatCookie"),)),),
    ),
    Feature(
        id="http_CompatibleStreamingHttpResponse",
        code="HC428",
        api="django.http.CompatibleStreamingHttpResponse",
        area="response",
        summary=(
            "A streaming response whose content middleware could still read, which consumes "
            "the iterator and keeps what it read, or assign."
        ),
        added="1.5",
        deprecated="1.5",
        removed="1.7",
        replacement="django.http.StreamingHttpResponse, read through streaming_content",
        example="return CompatibleStreamingHttpResponse(open(path, 'rb'))",
        modern="return FileResponse(open(path, 'rb'))",
        finds=(
            ServedNames(
                tuple(
                    (
                        f"{module}.CompatibleStreamingHttpResponse",
                        f"{LEGACY}.response_content.CompatibleStreamingHttpResponse",
                    )
                    for module in ("django.http", "django.http.response")
                )
            ),
        ),
        pitfalls="Middleware that reads ``response.content`` must skip streaming responses (check ``response.streaming``).",
    ),
    Feature(
        id="utils_http_cookie_date",
        code="HC416",
        api="django.utils.http.cookie_date",
        area="response",
        summary="Formats a timestamp as a Netscape cookie date, 'Wdy, DD-Mon-YYYY HH:MM:SS GMT'.",
        added="1.0",
        deprecated="2.1",
        removed="3.0",
        replacement="django.utils.http.http_date",
        example="from django.utils.http import cookie_date",
        modern="from django.utils.http import http_date",
        finds=(ServedNames((("django.utils.http.cookie_date", f"{LEGACY}.cookies.cookie_date"),)),),
    ),
    Feature(
        id="shortcuts_render_to_response",
        code="HC417",
        api="django.shortcuts.render_to_response()",
        area="response",
        summary=(
            "Renders a template into an HttpResponse; a Context given as the third "
            "argument is merged under the dictionary."
        ),
        added="0.96",
        deprecated="2.0",
        removed="3.0",
        replacement="django.shortcuts.render(request, template_name, context)",
        example='return render_to_response("page.html", {"user": user}, mimetype="text/plain")',
        modern='return render(request, "page.html", {"user": user}, content_type="text/plain")',
        finds=(
            ServedNames((("django.shortcuts.render_to_response", f"{LEGACY}.shortcuts.render_to_response"),)),
        ),
        pitfalls="``render()`` needs the request and so runs the context processors: values they add can appear where a plain ``Context`` had none.",
    ),
    Feature(
        id="shortcuts_context_instance",
        code="HC418",
        api="the context_instance= and dictionary= arguments of render_to_response()",
        area="response",
        summary=(
            "context_instance (a Context or RequestContext) supplied the base values and the "
            "request; dictionary was the old name of context."
        ),
        added="0.96",
        deprecated="1.8",
        removed="1.10",
        replacement="render(request, template_name, context), with the request for context processors",
        example='render_to_response("page.html", {"x": 1}, context_instance=RequestContext(request))',
        modern='render(request, "page.html", {"x": 1})',
        finds=(Keyword(("context_instance", "dictionary"), calls=("render_to_response", "render")),),
        pitfalls="``render()`` takes a dict, not a ``Context``: move the values of the context instance into the dict.",
    ),
)

FEATURES_BY_ID: dict[str, Feature] = {feature.id: feature for feature in FEATURES}


def served_names() -> dict[tuple[str, str], str]:
    """(module, name) -> feature id, for every module-level name the shim serves."""
    return {
        tuple(dotted.rsplit(".", 1)): feature.id  # type: ignore[misc]
        for feature in FEATURES
        for pattern in feature.patterns
        if isinstance(pattern, ServedNames)
        for dotted in pattern.names
    }


def served_targets() -> dict[str, str]:
    """Dotted name old code imports -> dotted path of the object the shim serves there."""
    return {
        name: target
        for feature in FEATURES
        for pattern in feature.patterns
        if isinstance(pattern, ServedNames)
        for name, target in pattern.serves
    }


def default_features() -> frozenset[str]:
    """Active with no version set: every legacy API that cannot break modern code."""
    return frozenset(f.id for f in FEATURES if not f.conflict)


def features_for(version: Version | None) -> frozenset[str]:
    """The features the given Django release had (the default set if None)."""
    if version is None:
        return default_features()
    return frozenset(f.id for f in FEATURES if f.available_in(version))

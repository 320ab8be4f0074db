"""Where the shim deliberately differs from recorded old Django, and why.

``tests/test_golden.py`` requires this list to match the replay exactly, and
``docs/generate_features.py`` renders it into the documentation, so each
difference is stated once.  Pure data: importable without Django.
"""

from __future__ import annotations

PY2_RELEASES_BEFORE_1_10 = (
    "1.1.4",
    "1.2.7",
    "1.3.7",
    "1.4.22",
    "1.5.12",
    "1.6.11",
    "1.7.11",
    "1.8.19",
    "1.9.13",
)

# (releases, probe name prefix(es), text the differing leaf's path contains (or a
# tuple of alternatives), why the shim differs on purpose).
DIFFERENCES: list[tuple[tuple[str, ...], str | tuple[str, ...], str | tuple[str, ...], str]] = [
    # --- security: old holes stay closed ------------------------------------------
    (
        ("1.1.4",),
        "mimetype",
        '"text/plain\\r\\nX-Evil: 1"',
        "Security: Django 1.1 let a newline in mimetype inject a header; the shim refuses it "
        "with BadHeaderError as modern Django does.",
    ),
    (
        PY2_RELEASES_BEFORE_1_10,
        "is_authenticated",
        ("/truth/", "/not", "/equals/", "/in_set/"),
        "Security: before 1.10 is_authenticated was a bound method, so a bare "
        "'if user.is_authenticated:' let anonymous users in. The shim gives the 1.10 "
        "CallableBool: callable as before, but truthy only for real users.",
    ),
    (
        PY2_RELEASES_BEFORE_1_10 + ("1.10.8", "1.11.29"),
        "query_strings",
        "/5/",
        "Security: Python 2's parser, and Django's own before 2.2.19/3.1.7, split query "
        "strings on ';' as well as '&' (web cache poisoning, CVE-2021-23336); modern Django "
        "splits on '&' only.",
    ),
    (
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22", "1.5.12", "1.6.11", "1.7.11", "1.8.19", "1.9.13", "1.10.8")
        + ("1.11.29", "2.2.28", "3.1.14"),
        "private_headers",
        "/evil",
        "Security: writes to response._headers were not validated, so a newline injected a "
        "header; the shim sends them through response.headers, which raises BadHeaderError.",
    ),
    (
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22", "1.5.12"),
        "key_errors",
        "/args/",
        "Security: up to 1.5 the MultiValueDictKeyError text held the repr of the whole dict, "
        "so every submitted value (a password next to the missing key) reached logs and error "
        "reports. The shim keeps the message's shape and the keys, with each value list "
        "written [...]: \"Key 'missing' not found in <QueryDict: {'a': [...]}>\".",
    ),
    # --- data is not silently lost or invented --------------------------------------
    (
        ("1.1.4", "1.2.7"),
        "reading_orders",
        ("/0/result/1/", "/2/result/1/"),
        "Django 1.0-1.2 silently dropped a multipart form when raw_post_data had been read "
        "first; modern Django parses it from the buffered body, and so does the shim.",
    ),
    (
        ("1.1.4", "1.2.7"),
        "request_body_then_request",
        "/value/a",
        "As above: reading raw_post_data first no longer empties a multipart POST.",
    ),
    (
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22"),
        "post_content_types",
        "/5/post/",
        "Before 1.5 the charset named in Content-Type was ignored and a Latin-1 form was "
        "decoded as UTF-8 with replacement characters; the shim decodes it with the declared "
        "charset, as 1.5 to 4.2 did.",
    ),
    (
        ("1.7.11", "1.8.19", "1.9.13", "1.10.8"),
        "query_strings",
        "/4/",
        "On Python 2 these releases decoded invalid UTF-8 in a query string as Latin-1 "
        "('%E9' became 'é'); the shim gives U+FFFD, as modern Django and 1.6 and earlier did.",
    ),
    # --- modern Django is a superset here ----------------------------------------
    (
        ("1.3.7", "1.4.22", "1.5.12", "1.6.11"),
        ("request_multipart_then_body", "reading_orders", "wsgi_handler"),
        "/error",
        "Modern request.body raises RawPostDataException, a subclass of the plain Exception "
        "these releases raised, so their except clauses still catch it.",
    ),
    (
        ("1.1.4", "1.2.7"),
        "reading_orders",
        ("/4/result/1/", "/10/result/1/"),
        "request.read() arrived in 1.3; modern requests always have it.",
    ),
    (
        ("1.1.4", "1.2.7"),
        "request_factory",
        "",
        "RequestFactory arrived in Django 1.3; the test suite of a 1.1 project cannot use it.",
    ),
    (
        ("1.1.4", "1.2.7", "1.3.7"),
        "module_names",
        ("/django_http", "/cookie_date/"),
        "The shim serves every name the 1.4 django.http exported; a few of them (cookie_date, "
        "validate_host, ...) arrived in 1.3 or 1.4.",
    ),
    (
        ("1.1.4", "1.2.7"),
        "request_repr",
        "/value/",
        "MergeDict had no repr before 1.4 (an object address); the shim always gives the 1.4 form.",
    ),
    (
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22", "1.5.12"),
        "mimetype",
        '["x", "text/plain", 404, "text/html", "text/css"]',
        "Too many positional arguments: the shim's TypeError names the era's order instead of "
        "Python 2's argument count.",
    ),
    (
        ("1.7.11",),
        "mimetype",
        '["x", "text/plain", 404, "text/html", "text/css"]',
        "Modern Django takes a fifth positional argument (charset, from 1.8); 1.7 raised TypeError for it.",
    ),
    (
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22"),
        "mimetype",
        (
            '"HttpResponseRedirect", ["/to/"',
            '"HttpResponsePermanentRedirect"',
            '"HttpResponseNotAllowed"',
            '"StreamingHttpResponse"',
            'TemplateResponse"',
        ),
        "Modern classes and signatures accept more than these releases did (new classes, "
        "extra arguments); code written for them never relied on the TypeError.",
    ),
    (
        ("1.6.11",),
        "mimetype",
        "TemplateResponse",
        "Django 1.6 passed a template response's mimetype into the reason-phrase slot and kept "
        "text/html; the shim sets the Content-Type as the 1.6 documentation describes.",
    ),
    (
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22", "1.5.12"),
        ("reason_phrases", "reason_phrase_tables"),
        ("/reason_phrase/", "/after_status_change/", "/REASON_PHRASES/"),
        "reason_phrase and REASON_PHRASES arrived in 1.6 (before, only the status line had "
        "the phrase); modern Django's handler needs the attribute, so it is there, upper case.",
    ),
    (
        ("1.9.13", "1.10.8", "1.11.29", "2.2.28", "3.1.14", "3.2.25"),
        "reason_phrases",
        ("/306/", "/308/", "/413/", "/414/", "/416/", "/418/", "/422/", "/429/"),
        "From 1.9 the phrase comes from the running Python's http.client table, whose wording "
        'changed between Python versions (418 is "I\'m a Teapot" only from Python 3.9); '
        "the shim uses the running Python's table as those releases did.",
    ),
    (
        PY2_RELEASES_BEFORE_1_10[:5],
        "response_forms",
        "/redirect_unsafe/",
        "Security: before 1.3.2/1.4.1 a redirect to any scheme (javascript:...) was sent; "
        "later the refusal was a SuspiciousOperation answered with a 500 until 1.6. The shim "
        "refuses it as modern Django does: DisallowedRedirect, answered with a 400.",
    ),
    (
        PY2_RELEASES_BEFORE_1_10 + ("1.10.8",),
        "response_forms",
        "/status_string/",
        "A status given as a string ('404') stayed a string before 1.11, so these releases "
        "sent '404 UNKNOWN STATUS CODE' (1.10 crashed on it); the shim converts it to the "
        "number, as 1.11 and later do, and the status line is right.",
    ),
    (
        ("1.6.11", "1.7.11", "1.8.19", "1.9.13", "1.10.8"),
        "response_forms",
        ("/status_0/", "/status_empty/"),
        "1.6 to 1.10 stored status=0 or '' as given and sent an invalid status line "
        "('0 UNKNOWN STATUS CODE'); the shim keeps modern Django's error. (Up to 1.5 a false "
        "status meant 200, and the shim does that for those flags.)",
    ),
    (
        PY2_RELEASES_BEFORE_1_10[:7],
        "response_forms",
        "/latin1/",
        "Before 1.8 the content was encoded with DEFAULT_CHARSET even when the Content-Type "
        "named another charset, so the body contradicted its own header; the shim encodes "
        "it with the declared charset.",
    ),
    (
        PY2_RELEASES_BEFORE_1_10[:4],
        "iterator_content",
        ("/read_twice/value/content/1", "/read_twice/value/iterated", "/assigned/value/2"),
        "Before 1.5 the first read of .content consumed an iterator and a second read gave "
        "''. Modern middleware reads .content (CommonMiddleware sets Content-Length from "
        "it), so that would serve empty bodies; the shim keeps the first read, as 1.5 and "
        "1.6 did.",
    ),
    (
        PY2_RELEASES_BEFORE_1_10[:4],
        "iterator_content",
        ("/write_then_read/args", "/tell/args", "/list_write/args"),
        "The refusal names the class by its modern module path (django.http.response."
        "HttpResponse); the exception and the rest of the message are as recorded.",
    ),
    (
        PY2_RELEASES_BEFORE_1_10[:3],
        ("iterator_content", "response_forms"),
        ("/assigned/", "/int_content/"),
        "Superset: assigning an iterator to .content after construction, and content that "
        "is neither a string nor iterable (an int), raised TypeError before 1.4.",
    ),
    (
        PY2_RELEASES_BEFORE_1_10[:4],
        "not_modified",
        ("/set_content/", "/constructed_with_content/"),
        "Before 1.5 a 304 accepted content, which the handler then removed. A 304 must have "
        "no body and modern handlers no longer remove one, so the shim keeps refusing it; "
        "the Content-Type is kept, as recorded.",
    ),
    (
        PY2_RELEASES_BEFORE_1_10,
        "response_forms",
        "/not_modified/served/",
        "Before 1.10 the WSGI handler itself emptied the body of a 304 and sent "
        "Content-Length: 0; that job moved to the servers, and the shim leaves it there.",
    ),
    (
        PY2_RELEASES_BEFORE_1_10 + ("1.10.8",),
        ("cookies", "response_forms"),
        ("/served/2/1", "/cookies/1", "/headers/2/1"),
        'Python 3\'s cookie module writes an empty cookie value as "" (gone=""), where '
        "Python 2 wrote gone=; both mean an empty value.",
    ),
    (
        ("1.1.4", "1.2.7"),
        ("cookies", "response_forms"),
        ("/served/1/1", "/cookies/0", "/headers/1/1", "/cookies_type"),
        "Before 1.3 max_age alone sent no Expires date and response.cookies was the "
        "CompatCookie subclass; the shim sends both dates as every later release does, from "
        "a SimpleCookie (django.http.CompatCookie itself is provided).",
    ),
    (
        PY2_RELEASES_BEFORE_1_10 + ("1.10.8", "1.11.29", "2.2.28", "3.1.14"),
        "header_case",
        "/headers_attribute",
        "response.headers exists at every flag, because modern Django's own code uses it; "
        "before 3.2 it did not exist (and 0.96's was a plain dict).",
    ),
    (
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22", "1.5.12", "1.6.11", "1.7.11"),
        "shortcuts",
        (
            "/render_content_type/",
            "/render_mimetype/",
            "/rtr_content_type/",
            "/rtr_status/",
            "/rtr_mimetype/args",
        ),
        "Superset and wording: render() (1.3), render_to_response(content_type=) (1.5) and "
        "status= (1.8) work at every flag, and a refused mimetype= names render() or "
        "render_to_response() rather than the render_to_string() these releases called inside.",
    ),
    (
        ("1.10.8", "1.11.29", "2.2.28"),
        "shortcuts",
        "/rtr_positional_context/",
        "From 1.10 a Context passed as the third argument became the Content-Type header "
        "(its repr was sent); the shim raises TypeError instead of sending it.",
    ),
    # --- Python 3 recording of a Python 2 era release --------------------------------
    (
        ("1.11.29",),
        "querydict_methods",
        ("/items", "/keys", "/values", "/lists", "/has_key", "/iter"),
        "1.11 was recorded on Python 3, where QueryDict methods return iterators and has_key/"
        "iter* do not exist; the 1.11 flag selects the Python 2 contract most 1.11 code was "
        "written for (turn off querydict_list_returns and querydict_py2_methods for Python 3 code).",
    ),
    (
        ("1.11.29",),
        "str_response",
        "/str/",
        "As above: on Python 3 str(response) is a repr; the 1.11 flag gives the Python 2 "
        "message (turn off response_str_message for Python 3 code).",
    ),
]

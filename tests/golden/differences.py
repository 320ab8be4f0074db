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
    # --- not yet provided: response side (issue #4) -------------------------------
    (
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22"),
        "mimetype",
        '"HttpResponseNotModified"',
        "Before 1.5 a 304 kept its Content-Type; modern Django drops it (conflict C-17, issue #4).",
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
    # --- Python 3 recording of a Python 2 era release --------------------------------
    (
        ("1.11.29",),
        "querydict_methods",
        ("/items", "/keys", "/values", "/lists", "/has_key", "/iter"),
        "1.11 was recorded on Python 3, where QueryDict methods return iterators and has_key/"
        "iter* do not exist; the 1.11 flag selects the Python 2 contract most 1.11 code was "
        "written for (turn off querydict_list_returns and querydict_py2_methods for Python 3 code).",
    ),
]


# Applies from Django 5.2 on, to every recorded release.
PRESERVE_REQUEST = (
    "mimetype",
    '["/to/", "body", "text/plain"]',
    "Django 5.2 made preserve_request the second positional argument of redirects, so "
    "HttpResponseRedirect(url, content, content_type) answers 307 (issue #4).",
)


def known_differences(releases: tuple[str, ...], django_version: tuple[int, ...]) -> list:
    """The differences expected when replaying ``releases`` on ``django_version``."""
    found = list(DIFFERENCES)
    if django_version >= (5, 2):
        found.append((releases, *PRESERVE_REQUEST))
    return found

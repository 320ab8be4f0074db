"""Where the shim deliberately differs from recorded old Django, and why.

``tests/golden/test_golden.py`` requires this list to match the replay exactly, and
``docs/generate_features.py`` renders it into the documentation, so each
difference is stated once.  Pure data: importable without Django.
"""

from __future__ import annotations

from typing import NamedTuple


class Difference(NamedTuple):
    """One way the shim answers differently from recorded releases, on purpose."""

    #: The recorded releases it occurs on (each must still show it).
    releases: tuple[str, ...]
    #: Names of the probes it concerns ("census" for the census).
    probes: tuple[str, ...]
    #: Texts one of which the differing leaf's path contains.
    leaves: tuple[str, ...]
    #: Why the shim differs.
    reason: str
    #: Texts none of which the leaf's path may contain (exceptions to ``leaves``).
    unless: tuple[str, ...] = ()
    #: The modern Django feature releases it occurs on ("6.1"); empty: every one.
    djangos: tuple[str, ...] = ()

    def explains(self, release: str, probe: str, leaf: str) -> bool:
        return (
            release in self.releases
            and probe in self.probes
            and any(part in leaf for part in self.leaves)
            and not any(part in leaf for part in self.unless)
            and (not self.djangos or _running_django() in self.djangos)
        )


def _running_django() -> str:
    import django

    return "{}.{}".format(*django.VERSION[:2])


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

ALL_RELEASES = (
    *PY2_RELEASES_BEFORE_1_10,
    "1.10.8",
    "1.11.29",
    "2.0.13",
    "2.1.15",
    "2.2.28",
    "3.0.14",
    "3.1.14",
    "3.2.25",
)


def census_leaves(owner: str, names: tuple[str, ...], tag: str) -> tuple[str, ...]:
    """The census leaves of ``names`` of ``owner`` (``modules/django.http``, ``classes/QueryDict``) with ``tag``."""
    return tuple(f"/{owner}/{name} ({tag})" for name in names)


DIFFERENCES: list[Difference] = [
    Difference(
        PY2_RELEASES_BEFORE_1_10[:6],
        ("pickled_iterator_content",),
        ("/after_read/",),
        "These releases kept the generator in the response even after .content was read, "
        "so pickling it raised TypeError and the cache middleware, which pickles what it "
        "stores, turned every such page into a 500. The shim pickles the content read, "
        "without the generator, as modern Django pickles str content.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10[6:],
        ("pickled_iterator_content",),
        ("/after_read/",),
        "From 1.7 to 1.9 an iterator was read at once but kept for close(), so the response "
        "still could not be pickled (TypeError); at these flags the shim leaves content to "
        "modern Django, which closes the iterator once read and pickles the response.",
    ),
    Difference(
        ("1.1.4",),
        ("mimetype",),
        ('"text/plain\\r\\nX-Evil: 1"',),
        "Security: Django 1.1 let a newline in mimetype inject a header; the shim refuses it "
        "with BadHeaderError as modern Django does.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10,
        ("is_authenticated",),
        ("/truth/", "/not", "/equals/", "/in_set/"),
        "Security: before 1.10 is_authenticated was a bound method, so a bare "
        "'if user.is_authenticated:' let anonymous users in. The shim gives the 1.10 "
        "CallableBool: callable as before, but truthy only for real users.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10 + ("1.10.8", "1.11.29", "2.0.13", "2.1.15"),
        ("query_strings",),
        ("/5/",),
        "Security: Python 2's parser, and Django's own before 2.2.19/3.1.7, split query "
        "strings on ';' as well as '&' (web cache poisoning, CVE-2021-23336); modern Django "
        "splits on '&' only.",
    ),
    Difference(
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22", "1.5.12", "1.6.11", "1.7.11", "1.8.19", "1.9.13", "1.10.8")
        + ("1.11.29", "2.0.13", "2.1.15", "2.2.28", "3.0.14", "3.1.14"),
        ("private_headers",),
        ("/evil",),
        "Security: writes to response._headers were not validated, so a newline injected a "
        "header; the shim sends them through response.headers, which raises BadHeaderError.",
    ),
    Difference(
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22", "1.5.12"),
        ("key_errors",),
        ("/args/",),
        "Security: up to 1.5 the MultiValueDictKeyError text held the repr of the whole dict, "
        "so every submitted value (a password next to the missing key) reached logs and error "
        "reports. The shim keeps the message's shape and the keys, with each value list "
        "written [...]: \"Key 'missing' not found in <QueryDict: {'a': [...]}>\".",
    ),
    # --- data is not silently lost or invented --------------------------------------
    Difference(
        ("1.1.4", "1.2.7"),
        ("reading_orders",),
        ("/0/result/1/", "/2/result/1/"),
        "Django 1.0-1.2 silently dropped a multipart form when raw_post_data had been read "
        "first; modern Django parses it from the buffered body, and so does the shim.",
    ),
    Difference(
        ("1.1.4", "1.2.7"),
        ("request_body_then_request",),
        ("/value/a",),
        "As above: reading raw_post_data first no longer empties a multipart POST.",
    ),
    Difference(
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22"),
        ("post_content_types",),
        ("/5/post/",),
        "Before 1.5 the charset named in Content-Type was ignored and a Latin-1 form was "
        "decoded as UTF-8 with replacement characters; the shim decodes it with the declared "
        "charset, as 1.5 to 4.2 did.",
    ),
    Difference(
        ("1.1.4", "1.2.7"),
        ("reading_orders",),
        ("/4/result/1/", "/10/result/1/"),
        "request.read() arrived in 1.3; modern requests always have it.",
    ),
    Difference(
        ("1.1.4", "1.2.7"),
        ("request_factory",),
        ("",),
        "RequestFactory arrived in Django 1.3; the test suite of a 1.1 project cannot use it.",
    ),
    Difference(
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22", "1.5.12"),
        ("mimetype",),
        ('["x", "text/plain", 404, "text/html", "text/css"]',),
        "Too many positional arguments: the shim's TypeError names the era's order instead of "
        "Python 2's argument count.",
    ),
    Difference(
        ("1.7.11",),
        ("mimetype",),
        ('["x", "text/plain", 404, "text/html", "text/css"]',),
        "Modern Django takes a fifth positional argument (charset, from 1.8); 1.7 raised TypeError for it.",
    ),
    Difference(
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22"),
        ("mimetype",),
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
    Difference(
        ("1.6.11",),
        ("mimetype",),
        ("TemplateResponse",),
        "Django 1.6 passed a template response's mimetype into the reason-phrase slot and kept "
        "text/html; the shim sets the Content-Type as the 1.6 documentation describes.",
    ),
    Difference(
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22", "1.5.12"),
        ("reason_phrases", "reason_phrase_tables", "status_range"),
        ("/reason_phrase/", "/after_status_change/", "/REASON_PHRASES/", "/built/value/1"),
        "reason_phrase and REASON_PHRASES arrived in 1.6 (before, only the status line had "
        "the phrase); modern Django's handler needs the attribute, so it is there, upper case.",
    ),
    Difference(
        ("1.9.13", "1.10.8", "1.11.29", "2.0.13", "2.1.15", "2.2.28", "3.0.14", "3.1.14", "3.2.25"),
        ("reason_phrases", "status_range"),
        ("/103/", "/306/", "/308/", "/413/", "/414/", "/416/", "/418/", "/422/", "/429/"),
        "From 1.9 the phrase comes from the running Python's http.client table, whose wording "
        'changed between Python versions (418 is "I\'m a Teapot" only from Python 3.9); '
        "the shim uses the running Python's table as those releases did.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10[:5],
        ("response_forms",),
        ("/redirect_unsafe/",),
        "Security: before 1.3.2/1.4.1 a redirect to any scheme (javascript:...) was sent; "
        "later the refusal was a SuspiciousOperation answered with a 500 until 1.6. The shim "
        "refuses it as modern Django does: DisallowedRedirect, answered with a 400.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10 + ("1.10.8",),
        ("response_forms",),
        ("/status_string/",),
        "A status given as a string ('404') stayed a string before 1.11, so these releases "
        "sent '404 UNKNOWN STATUS CODE' (1.10 crashed on it); the shim converts it to the "
        "number, as 1.11 and later do, and the status line is right.",
    ),
    Difference(
        ("1.6.11", "1.7.11", "1.8.19", "1.9.13", "1.10.8"),
        ("response_forms",),
        ("/status_0/", "/status_empty/"),
        "1.6 to 1.10 stored status=0 or '' as given and sent an invalid status line "
        "('0 UNKNOWN STATUS CODE'); the shim keeps modern Django's error. (Up to 1.5 a false "
        "status meant 200, and the shim does that for those flags.)",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10[:7],
        ("response_forms",),
        ("/latin1/",),
        "Before 1.8 the content was encoded with DEFAULT_CHARSET even when the Content-Type "
        "named another charset, so the body contradicted its own header; the shim encodes "
        "it with the declared charset.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10[:4],
        ("iterator_content",),
        ("/read_twice/value/content/1", "/read_twice/value/iterated", "/assigned/value/2"),
        "Before 1.5 the first read of .content consumed an iterator and a second read gave "
        "''. Modern middleware reads .content (CommonMiddleware sets Content-Length from "
        "it), so that would serve empty bodies; the shim keeps the first read, as 1.5 and "
        "1.6 did.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10[:4],
        ("iterable_content",),
        ("/closable_iterator/content_first/value/1",),
        "As above: before 1.5 an iterator that .content had read was gone, so iterating the "
        "response afterwards gave nothing; the shim keeps what the first read got, one chunk "
        "per item, and serves it.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10[6:] + ("1.10.8",),
        ("response_own_iterator",),
        ("/builtin_next/", "/builtin_next_after_iter/"),
        "Python 2's next(response) called response.next(), which raised AttributeError from "
        "1.7; Python 3's next() looks for __next__ on the class, and one that raised would make "
        "every response pass for an iterator (collections.abc.Iterator). next(response) raises "
        "TypeError instead, as for any object that is not an iterator.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10[:4],
        ("census",),
        (
            "/HttpResponse/__next__ (added by the shim)",
            "/StreamingHttpResponse/__next__ (added by the shim)",
            "/StreamingHttpResponse/next (added by the shim)",
        ),
        "Python 3's iteration calls __next__ where Python 2's called next, so a response that "
        "is its own iterator (response_own_iterator) needs both, as 1.5 and 1.6 had them; "
        "StreamingHttpResponse, there at every flag for modern code, inherits them from "
        "HttpResponseBase, as in 1.5.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10[:4],
        ("iterator_content",),
        ("/write_then_read/args", "/tell/args", "/list_write/args"),
        "The refusal names the class by its modern module path (django.http.response."
        "HttpResponse); the exception and the rest of the message are as recorded.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10[:3],
        ("iterator_content", "response_forms"),
        ("/assigned/", "/int_content/"),
        "Superset: assigning an iterator to .content after construction, and content that "
        "is neither a string nor iterable (an int), raised TypeError before 1.4.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10 + ("1.10.8",),
        ("cookies", "response_forms", "delete_prefixed_cookies"),
        ("/served/2/1", "/cookies/1", "/headers/2/1", "/plain/value"),
        'Python 3\'s cookie module writes an empty cookie value as "" (gone=""), where '
        "Python 2 wrote gone=; both mean an empty value.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10 + ("1.10.8", "1.11.29", "2.0.13", "2.1.15", "2.2.28", "3.0.14", "3.1.14"),
        ("header_case",),
        ("/headers_attribute",),
        "response.headers exists at every flag, because modern Django's own code uses it; "
        "before 3.2 it did not exist (and 0.96's was a plain dict).",
    ),
    Difference(
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22", "1.5.12", "1.6.11", "1.7.11"),
        ("shortcuts",),
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
    Difference(
        ("1.10.8", "1.11.29", "2.0.13", "2.1.15", "2.2.28"),
        ("shortcuts",),
        ("/rtr_positional_context/",),
        "From 1.10 a Context passed as the third argument became the Content-Type header "
        "(its repr was sent); the shim raises TypeError instead of sending it.",
    ),
    Difference(
        ("1.11.29",),
        ("querydict_methods",),
        ("/items", "/keys", "/values", "/lists", "/has_key", "/iter"),
        "1.11 was recorded on Python 3, where QueryDict methods return iterators and has_key/"
        "iter* do not exist; the 1.11 flag selects the Python 2 contract most 1.11 code was "
        "written for (turn off querydict_list_returns and querydict_py2_methods for Python 3 code).",
    ),
    Difference(
        ("1.11.29",),
        ("response_own_iterator",),
        ("/has_next", "/next_method"),
        "As above: on Python 3 a 1.11 response has no next; the 1.11 flag gives the Python 2 "
        "response.next, which raises AttributeError as it did there (turn off "
        "response_next_method for Python 3 code).",
    ),
    Difference(
        ("1.11.29",),
        ("str_response",),
        ("/str/",),
        "As above: on Python 3 str(response) is a repr; the 1.11 flag gives the Python 2 "
        "message (turn off response_str_message for Python 3 code).",
    ),
    # --- kept on purpose, as issue 17 decided (each confirmed by a recording) ---------
    Difference(
        PY2_RELEASES_BEFORE_1_10[:7],
        ("cookie_parser",),
        ("/COOKIES/",),
        "Security: up to 1.7 Python 2's cookie parser read the Cookie header, and a chunk it "
        "could not parse lost the chunks after it or let one cookie set another "
        "(CVE-2016-7401); the shim keeps modern Django's strict parser.",
    ),
    Difference(
        ("1.8.19", "1.9.13", "1.10.8"),
        ("cookie_parser",),
        ("b=\\u00e9",),
        "On Python 2 these releases kept a cookie value as the header's bytes (b'\\xe9', recorded "
        "as é); on Python 3 a WSGI header is text, and modern Django decodes its bytes as UTF-8, "
        "with U+FFFD for a byte that is not; the shim keeps that.",
    ),
    Difference(
        ("1.1.4", "1.2.7"),
        ("cookies",),
        ("/cookies_type",),
        "response.cookies is Django's own SimpleCookie at every flag, where 1.1 and 1.2 made it a "
        "CompatCookie; the shim serves django.http.CompatCookie as a SimpleCookie subclass that "
        "quotes values the same way, so only code comparing the class sees it.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10 + ("1.10.8", "1.11.29", "2.0.13", "2.1.15", "2.2.28", "3.0.14"),
        ("module_names_by_release",),
        ("/is_all_types/",),
        "django.http.request (1.5) and its MediaType (3.1) exist at every flag, because Django's own "
        "code imports them; MediaType.is_all_types is served from 3.1, and a Django up to 5.1 has it "
        "at every flag itself.",
    ),
    Difference(
        ("1.10.8",),
        ("module_names_by_release",),
        ("/http_utils/",),
        "Python 3 reports a missing module as ModuleNotFoundError (an ImportError) naming it in full, "
        "where Python 2 said 'No module named utils'.",
    ),
    Difference(
        ("1.1.4",),
        ("forwarded_host",),
        ("/host",),
        "Security: before 1.3.1 get_host() trusted X-Forwarded-Host; modern Django (and 1.3.1 "
        "on) needs USE_X_FORWARDED_HOST, and the shim keeps that.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10,
        ("body_limits",),
        ("/",),
        "Security: before 1.10 a request body and the number of form fields were unbounded; "
        "the shim keeps DATA_UPLOAD_MAX_MEMORY_SIZE and DATA_UPLOAD_MAX_NUMBER_FIELDS, which "
        "answer with a 400.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10 + ("1.10.8", "1.11.29", "2.0.13"),
        ("delete_prefixed_cookies",),
        ("/__Secure-k/", "/__Host-k/"),
        "Before 2.1 delete_cookie() of a __Secure- or __Host- cookie sent no Secure flag, and "
        "browsers ignore such a deletion, so the cookie stayed; the shim deletes it as modern "
        "Django does.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10 + ("1.10.8",),
        ("querydict_internal_lists",),
        ("/",),
        "Before 1.11 getlist() returned the list the QueryDict stored, so appending to the "
        "result changed even an immutable QueryDict; the shim returns a copy, as modern "
        "Django does.",
    ),
    Difference(
        ("1.3.7", "1.4.22"),
        ("querydict_copies",),
        ("/querydict_copy_module/",),
        "In 1.3 and 1.4 copy.copy() of a QueryDict shared its value lists with the "
        "original, so appending to the copy changed the original; the shim's copies are "
        "independent, as in 1.1, 1.2 and from 1.5 on.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10 + ("1.10.8", "1.11.29", "2.0.13", "2.1.15", "2.2.28", "3.0.14", "3.1.14"),
        ("querydict_update_forms", "querydict_constructor_forms", "response_constructor_forms"),
        ("/",),
        "Superset: calls modern Django accepts and these releases refused stay accepted "
        "(QueryDict.update() with pairs or keywords, QueryDict() without a query string, "
        "fromkeys(value=), HttpResponse(charset=, headers=, reason=)); old code never relied "
        "on the TypeError.",
    ),
    Difference(
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22", "1.5.12", "1.6.11")
        + ("1.7.11", "1.8.19", "1.9.13", "1.10.8", "1.11.29", "2.0.13", "2.1.15", "2.2.28", "3.0.14")
        + ("3.1.14", "3.2.25"),
        ("module_names_by_release",),
        tuple(
            "/django_http/" + name
            for name in ("FileResponse", "HttpResponseBase", "JsonResponse", "RawPostDataException")
            + ("StreamingHttpResponse", "UnreadablePostError", "parse_cookie")
        ),
        "Superset: django.http serves the classes modern Django added (StreamingHttpResponse, "
        "JsonResponse, FileResponse, ...) at every flag, because Django's own views and "
        "handlers import them from there.",
    ),
    Difference(
        ("1.1.4", "1.2.7"),
        ("get_host_disallowed_message", "get_host_debug_without_allowed_hosts"),
        ("/value/",),
        "Security: before ALLOWED_HOSTS (1.5, backported to 1.3.6 and 1.4.4) get_host() "
        "returned whatever Host header came, so absolute URLs and password-reset links could "
        "point to an attacker's host; the shim validates the host as modern Django does and "
        "raises DisallowedHost, answered with a 400.",
    ),
    Difference(
        ("1.3.7", "1.4.22", "1.5.12", "1.6.11", "1.7.11"),
        ("get_host_debug_without_allowed_hosts",),
        ("/example.com/",),
        "Security (CVE-2016-9014, DNS rebinding): with DEBUG on and ALLOWED_HOSTS empty these "
        "releases accepted any Host; since the 1.8.16/1.9.11/1.10.3 security releases only "
        "localhost names are accepted then, and the shim keeps that.",
    ),
    Difference(
        ("1.3.7", "1.4.22", "1.5.12", "1.6.11"),
        ("get_host_disallowed_message",),
        ("/value/",),
        "The refusal of a Host outside ALLOWED_HOSTS is modern Django's DisallowedHost, a "
        "subclass of the SuspiciousOperation raised up to 1.5 (except SuspiciousOperation still "
        "catches it), with modern Django's message; 1.3 to 1.5 worded it otherwise, and 1.6 "
        "wrote no space after the period and did not say why a name is invalid. Only the "
        "wording and the subclass differ.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10[:8],
        ("request_long_repr_secrets",),
        ("/value/",),
        "Security: the long repr(request) (up to 1.7) and build_request_repr() (1.4 to 1.8) "
        "printed every COOKIES and META value, and error reports and logs print them; the shim "
        "masks the values of secret-looking keys (API_KEY, session keys, tokens, passwords ...) "
        "with the exception reporter filter, as modern error reports do.",
    ),
    Difference(
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22"),
        ("non_ascii_header_value",),
        ("/assigned/",),
        "Up to 1.4, on Python 2, a header value that was not ASCII raised UnicodeEncodeError; "
        "modern Django accepts it (Latin-1 as it is, anything else MIME-encoded), and the shim "
        "adds no refusal of a call modern Django accepts.",
    ),
    Difference(
        ("1.7.11", "1.8.19", "1.9.13", "1.10.8"),
        ("get_after_encoding_set",),
        ("/utf8_after/",),
        "From 1.7 to 1.10 WSGIRequest cached GET where the encoding setter did not look, so "
        "setting request.encoding after GET was read left GET decoded with the encoding the code "
        "had just replaced; the shim re-decodes it, as 1.6 and earlier and 1.11 and later do.",
    ),
    # --- what modern test code and logging meet --------------------------------------
    Difference(
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22", "1.5.12", "1.6.11"),
        ("assert_redirects",),
        ("/not_fetched/", "/secure/as_relative/"),
        "Superset: assertRedirects() takes fetch_redirect_response= (1.7) at every flag, and "
        "a relative expected URL matches an https redirect, as from 1.7 (before, it was "
        "compared as http://testserver/...); old tests never relied on those failures.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10[:8],
        ("assert_redirects",),
        ("/request_host/as_relative/",),
        "A relative expected URL is compared on the host the request went to, as modern "
        "Django compares the relative Location, where these releases assumed testserver "
        "(a test for another host passed host=, an argument Django 2.0 removed).",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10 + ("1.10.8", "1.11.29", "2.0.13"),
        ("request_log",),
        ("/not_found/log", "/return_503/log", "/server_error/log"),
        "Modern Django logs every error response on django.request, also one a view returns "
        "(4xx from 1.10, 5xx from 2.1); the shim leaves that logging to Django, with the "
        'title-case phrase of its line ("Service Unavailable: /x").',
    ),
    Difference(
        ("1.1.4", "1.2.7", "1.3.7"),
        ("request_log",),
        ("/raise_404/log", "/raise_403/log", "/raise_500/log"),
        "The django.request logger arrived in 1.3, and 1.3 did not log an uncaught exception "
        "with DEBUG on; modern Django logs both, in the words the later releases used.",
    ),
    # --- the census ----------------------------------------------------------------
    Difference(
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22", "1.5.12", "1.6.11")
        + ("1.7.11", "1.8.19", "1.9.13", "1.10.8", "1.11.29", "2.0.13", "2.1.15", "2.2.28", "3.0.14")
        + ("3.1.14", "3.2.25"),
        ("census",),
        ("(added, as in Django)",),
        "Superset: names and attributes that modern Django added (request.body, "
        "response.headers, JsonResponse, django.http.request ...) exist at every flag, "
        "exactly as plain Django has them, because modern code, Django's own included, "
        "uses them.",
        unless=("/HttpResponseRedirectBase",),
    ),
    Difference(
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22"),
        ("census",),
        ("/HttpResponseRedirectBase",),
        "Superset: the HttpResponseRedirectBase that django.http serves from 1.3 (and that "
        "django.http.response, a module every flag has, holds at every flag) is modern "
        "Django's own class, so that redirects keep its validation of unsafe schemes and of "
        "the URL's length: it takes the old (redirect_to) call and more (preserve_request=, "
        "max_length), and has the url property and repr that later releases added.",
    ),
    Difference(
        ("1.1.4", "1.2.7"),
        ("census",),
        census_leaves("modules/django.http", ("BaseCookie", "CookieError"), "missing"),
        "Up to 1.2 django.http imported BaseCookie and CookieError from Python's Cookie module "
        "for its own cookie class; they are Python's names, importable from http.cookies, not "
        "part of django.http's contract, and no later release had them there.",
    ),
    Difference(
        ALL_RELEASES[:13] + ("3.0.14", "3.1.14"),
        ("census",),
        ("(changed, as in Django: optional arguments added)",),
        "Superset: where modern Django added optional arguments to the old ones, or a default "
        "to one (get_full_path(force_append_slash=), getlist(default=), set_cookie(samesite=), "
        "QueryDict(query_string=None), JsonResponse(json_dumps_params=), redirects' "
        "``*args, **kwargs`` ...), the shim keeps plain Django's signature; every old call "
        "still works.",
    ),
    Difference(
        ("1.4.22", "1.5.12", "1.6.11", "1.7.11", "1.8.19", "1.9.13", "1.10.8", "1.11.29"),
        ("census",),
        ("/absolute_import (missing)", "/unicode_literals (missing)"),
        "Python 2 compiler directives (from __future__ import unicode_literals) left these "
        "names in the modules' namespaces; they were never part of the API.",
    ),
    Difference(
        ("1.11.29",),
        ("census",),
        (
            "/has_key (added by the shim)",
            "/iteritems (added by the shim)",
            "/iterkeys (added by the shim)",
            "/iterlists (added by the shim)",
            "/itervalues (added by the shim)",
            "/HttpResponse/__str__ (added by the shim)",
            "/HttpResponse/next (added by the shim)",
            "/StreamingHttpResponse/next (added by the shim)",
            "/StreamingHttpResponse/__str__ (added by the shim)",
        ),
        "1.11 was recorded on Python 3; the 1.11 flag gives the Python 2 methods "
        "(querydict_py2_methods, response_next_method) and message (response_str_message) "
        "most 1.11 code was written for, as above.",
    ),
    Difference(
        ALL_RELEASES,
        ("census",),
        census_leaves(
            "modules/django.http",
            ("StringIO", "datetime", "os", "quote", "re", "signing", "sys", "time", "timezone")
            + ("uploadhandler", "urlparse", "warnings"),
            "missing",
        )
        + census_leaves(
            "modules/django.http.request",
            ("RemovedInDjango30Warning", "RemovedInDjango40Warning", "SuspiciousOperation", "cgi")
            + ("force_bytes", "force_str", "force_text", "func_supports_parameter", "limited_parse_qsl")
            + ("parse_header", "pformat", "re", "six", "sys", "warnings"),
            "missing",
        )
        + census_leaves(
            "modules/django.http.response",
            ("Mapping", "SuspiciousOperation", "cookie_date", "force_bytes", "force_str", "force_text")
            + ("map", "quote", "six", "urlparse"),
            "missing",
        )
        + census_leaves(
            "modules/django.http.cookie", ("Morsel", "force_str", "http_cookies", "six", "sys"), "missing"
        )
        + census_leaves(
            "modules/django.http.request", ("absolute_http_url_re", "parse_accept_header"), "missing"
        )
        + census_leaves("modules/django.http.cookie", ("cookie_pickles_properly",), "missing")
        + census_leaves("modules/django.http.request", ("cached_property",), "changed"),
        "Names that sat in the modules' namespaces without being part of django.http's "
        "contract: what the modules imported for their own code (re, sys, six, force_bytes, "
        "urlparse, warnings, limited_parse_qsl ...; each has its own home), and helpers they "
        "defined for their own methods (the regex of build_absolute_uri(), the Accept parser "
        "of accepts(), a flag of the cookie module's Python 2 workaround). Serving them would "
        "put Python 2 helpers and old internals into the modern modules; the helpers old code "
        "did import from django.http up to 1.4 are served (http_module_names). The "
        "cached_property that django.http.request imports is the running Django's (its "
        "unneeded name= argument went in 5.0).",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10 + ("1.10.8",),
        ("census",),
        census_leaves("modules/django.http", ("parse_qsl", "pformat", "urlencode"), "changed")
        + census_leaves("modules/django.http.request", ("parse_qsl", "quote", "urlencode"), "changed")
        + census_leaves("modules/django.http.response", ("DjangoJSONEncoder",), "changed"),
        "Python's own functions and classes (urllib's parse_qsl, urlencode and quote, "
        "pprint.pformat, the json encoder under DjangoJSONEncoder) have the call shape of the "
        "running Python 3, not Python 2's; the shim serves Python's, as old code imported them "
        "through django.http.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10 + ("1.10.8",),
        ("census",),
        census_leaves("classes/QueryDict", ("viewitems", "viewkeys", "viewvalues"), "missing")
        + census_leaves("classes/MultiValueDict", ("viewitems", "viewkeys", "viewvalues"), "missing")
        + census_leaves(
            "classes/SimpleCookie",
            ("has_key", "iteritems", "iterkeys", "itervalues", "viewitems", "viewkeys", "viewvalues"),
            "missing",
        ),
        "Methods of Python 2's dict, not of Django: the view*() methods (Python 2.7's "
        "backports of Python 3's keys()/items()/values()) and, on the cookie module's "
        "SimpleCookie, has_key() and iter*(). The shim gives the Python 2 methods old code "
        "called on QueryDict and MultiValueDict (has_key(), iteritems() ...: "
        "querydict_py2_methods), not the rest of Python 2's dict.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10 + ("1.10.8", "1.11.29"),
        ("census",),
        census_leaves("classes/QueryDict", ("has_key", "iterkeys", "keys", "fromkeys"), "changed")
        + census_leaves("classes/MultiValueDict", ("has_key", "iterkeys", "keys"), "changed"),
        "These were methods of Python's dict, written in C, whose call shape the census cannot "
        "read ((?)); the shim's are Python functions with the same call shape ((self), "
        "(self, key)). QueryDict.fromkeys() is the classmethod Django 1.11 added, where "
        "dict.fromkeys() built a broken QueryDict.",
    ),
    Difference(
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22"),
        ("census",),
        census_leaves("classes/HttpResponse", ("__init__",), "changed")
        + census_leaves("classes/HttpResponseGone", ("__init__",), "missing")
        + census_leaves("classes/HttpResponseServerError", ("__init__",), "missing")
        + census_leaves(
            "modules/django.http",
            ("HttpResponse", "HttpResponseBadRequest", "HttpResponseForbidden", "HttpResponseGone")
            + ("HttpResponseNotFound", "HttpResponseNotModified", "HttpResponseServerError"),
            "changed",
        ),
        "Up to 1.4 HttpResponse.__init__ named its arguments (content, mimetype, status, "
        "content_type), and in 1.1 and 1.2 HttpResponseGone and HttpResponseServerError had an "
        "__init__ that only handed its arguments on; in modern Django the arguments after "
        "content pass through *args/**kwargs to HttpResponseBase, where the shim takes "
        "mimetype= and the era's positional order. The calls are the same (the mimetype and "
        "response_constructor_forms probes record them); only the shape the census reads "
        "differs.",
    ),
    Difference(
        ALL_RELEASES[:14],
        ("census",),
        census_leaves("modules/django.http", ("HttpResponseBase",), "added by the shim")
        + census_leaves("modules/django.http.response", ("HttpResponseBase",), "added by the shim")
        + census_leaves("modules/django.http.response", ("HttpResponseBase", "FileResponse"), "changed")
        + census_leaves("modules/django.http", ("FileResponse",), "changed"),
        "HttpResponseBase.__init__ is the shim's wrapper, which takes the era's arguments "
        "(mimetype=, the old positional order) before handing Django its own, so its shape "
        "is (self, *args, content_type=None, ..., **legacy); FileResponse takes its file "
        "through *args since Django 2.1. django.http exports HttpResponseBase, as Django does "
        "from 3.0 on.",
    ),
    Difference(
        ("1.6.11", "1.7.11", "1.8.19"),
        ("census",),
        census_leaves("classes/HttpResponse", ("reason_phrase",), "changed")
        + census_leaves("classes/StreamingHttpResponse", ("reason_phrase",), "changed"),
        "reason_phrase was a class attribute (None) set in __init__; from 1.9 it is a property "
        "that looks the phrase up when none was given. Reading and assigning it work as before "
        "(the reason_phrases probe records the values).",
    ),
    Difference(
        ALL_RELEASES[:11],
        ("census",),
        census_leaves("classes/MultiValueDict", ("__deepcopy__", "setlistdefault"), "changed")
        + census_leaves("classes/QueryDict", ("setlistdefault",), "changed"),
        "Spelling of defaults: setlistdefault(key) starts an empty list, as QueryDict's did with "
        "default_list=() (MultiValueDict of 1.1 and 1.2 stored the tuple itself, which "
        "appendlist() could not extend); __deepcopy__(memo) always receives memo from "
        "copy.deepcopy(), its only caller.",
    ),
    Difference(
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22"),
        ("census",),
        census_leaves("classes/QueryDict", ("update",), "changed"),
        "Superset: QueryDict.update() takes pairs and keywords as modern Django does (and 1.5 "
        "on), as the querydict_update_forms probe records.",
    ),
    Difference(
        ("1.3.7", "1.4.22"),
        ("census",),
        census_leaves("classes/SimpleCookie", ("load",), "changed")
        + census_leaves("modules/django.http", ("CompatCookie",), "changed"),
        "django.http.SimpleCookie of 1.3 was Django's subclass whose load() took "
        "ignore_parse_errors= for Django's own parse_cookie(); modern Django parses cookies "
        "without it (the cookie_parser probe keeps its strict parser on purpose). CompatCookie "
        "takes what SimpleCookie takes (input=None), as the old one did through *args.",
    ),
    Difference(
        ("1.1.4", "1.2.7", "1.3.7", "1.4.22"),
        ("census", "str_response"),
        ("/classes/StreamingHttpResponse/__str__ (added by the shim)", "/value/streaming"),
        "StreamingHttpResponse arrived in 1.5; modern Django's class is there at every flag "
        "(Django's own views return it), and at these flags str() of it gives the header "
        "lines, as from 1.5 to 1.10 (response_str_message).",
    ),
    Difference(
        ("1.1.4", "1.2.7"),
        ("census",),
        census_leaves("classes/HttpRequest", ("raw_post_data",), "added by the shim"),
        "raw_post_data was a property of the handlers' request classes (WSGIRequest, "
        "ModPythonRequest) in 1.1 and 1.2; the shim defines it once on HttpRequest, so that "
        "ASGI requests and test requests have it too.",
    ),
    Difference(
        ("1.1.4", "1.2.7"),
        ("census",),
        census_leaves("classes/MergeDict", ("__repr__", "__str__"), "added by the shim"),
        "One MergeDict class serves every flag; before 1.3 its repr() and str() are the default "
        "object repr, as recorded (merge_dict_repr probe), through methods the class has at "
        "every flag.",
    ),
    Difference(
        ("1.4.22",),
        ("census",),
        census_leaves("modules/django.http.request", ("build_request_repr",), "added by the shim"),
        "django.http.request arrived in 1.5, where build_request_repr was defined; at the 1.4 "
        "flag the module is modern Django's and serves it there too (http_build_request_repr).",
    ),
    Difference(
        ("1.4.22", "1.5.12", "1.6.11", "1.7.11"),
        ("census",),
        census_leaves("classes/HttpResponse", ("__getstate__", "__setstate__"), "missing")
        + census_leaves("classes/StreamingHttpResponse", ("__getstate__", "__setstate__"), "missing"),
        "These releases pickled a response's cookies as text because Python 2's SimpleCookie "
        "could not be pickled with the highest protocol; Python 3 pickles the response with "
        "its cookies as they are.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10[:7],
        ("keyless_cookie_chunks",),
        ('"a=1;;c=3"', '"a=1; ; c=3"'),
        "An empty chunk (';;') stopped the old parser, so every cookie after it was lost; the "
        "shim keeps modern Django's parser (the old one allowed CVE-2016-7401) and only leaves "
        "out the chunks without a name, so the cookies after an empty chunk stay.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10[:3],
        ("body_after_stream_read",),
        ("/body/", "/read/raw_post_data/"),
        "request.body arrived in 1.4 and request.read() in 1.3; modern requests always have them, "
        "so at these flags they work (and raise after the stream was read) where the releases "
        "had no such attribute.",
    ),
    Difference(
        ("1.3.7",),
        ("invalid_content_length",),
        ('"abc"', '""', '"1.5"'),
        "Security: Django 1.3 read the whole stream when CONTENT_LENGTH was empty or not a number, "
        "however long; the shim does not read a body of unknown length, and answers as modern "
        "Django does.",
    ),
    Difference(
        ("1.3.7", "1.4.22", "1.5.12", "1.6.11", "1.7.11", "1.8.19", "1.9.13", "1.10.8")
        + ("1.11.29", "2.0.13", "2.1.15", "2.2.28", "3.0.14", "3.1.14", "3.2.25"),
        ("invalid_content_length",),
        ('"-1"',),
        "Security: for a CONTENT_LENGTH of -1 these releases read the stream to its end, however "
        "long; modern Django reads no body for it, and the shim keeps that.",
    ),
    Difference(
        ("1.10.8", "1.11.29", "2.0.13", "2.1.15", "2.2.28", "3.0.14", "3.1.14", "3.2.25"),
        ("invalid_content_length",),
        ('"abc"', '"1.5"'),
        "From 1.10 to Django 6.0 a CONTENT_LENGTH that is not a number raised ValueError, a 500 for "
        "a client's malformed header; Django 6.1 reads it as no body, and the shim keeps 6.1's answer "
        "rather than bring the 500 back.",
        djangos=("6.1",),
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10[:6],
        ("non_utf8_querydict",),
        ('"text_escaped"',),
        "A query string given as text stays on modern Django's path: Python 2's parser turned "
        "%E9 in a unicode string into U+00E9 (each escape one code point), where Python 3 "
        "decodes escapes with the QueryDict's encoding; bytes, as the request handlers give "
        "them, decode as these releases did.",
    ),
    Difference(
        (*PY2_RELEASES_BEFORE_1_10[6:], "1.10.8"),
        ("non_utf8_querydict",),
        ('"text_escaped"', '"text_non_ascii"'),
        "A query string given as non-ASCII text, or with non-UTF-8 escapes, raised "
        "UnicodeEncodeError on these releases' Python 2 branch; the shim leaves text to modern "
        "Django, which decodes it, rather than refuse a call modern code makes.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10 + ("1.10.8",),
        ("status_range",),
        ("/-1/", "/99/", "/1000/"),
        "Security: these releases sent any status, so -1 or 1000 made a status line that is not "
        "HTTP; the shim accepts the codes of three digits they accepted (600-999) and refuses "
        "the others with modern Django's ValueError.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10[:7],
        ("response_charset",),
        ("/value/charset",),
        "response.charset arrived in 1.8; modern Django's own code (the content encoding, the "
        "test client, JsonResponse) reads it, so it is there in every era and names the charset "
        "the content is encoded in, as _charset did not.",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10[:4],
        ("reason_phrase_tables_whole",),
        ("/REASON_PHRASES/args/",),
        "django.http.response itself arrived in 1.5; modern Django's code lives in it, so at "
        "these flags the module is there and only REASON_PHRASES is missing (AttributeError "
        "either way).",
    ),
    Difference(
        PY2_RELEASES_BEFORE_1_10[:4],
        ("not_modified_content",),
        ("/iterated/",),
        "Security: these releases iterated the content given to a 304, which only their own "
        "handler's removal kept off the wire; the shim keeps it for .content alone, so iterating "
        "the response (what a WSGI server reads) gives nothing, whichever handler serves it.",
    ),
]

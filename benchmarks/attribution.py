"""Which 1.6 rules a modern request pays for: instructions per request with one feature off at a time.

The benchmark's modern view is served at ``HTTP_COMPAT_VERSION = "1.6"``
(``install(features=...)``, so every side configures the same way), then
with each feature of ``FEATURES`` turned off in turn, then with all of them
off, each in a fresh process counted by callgrind like ``instructions.py``.
What turning a feature off saves is what it costs a modern request.  Turning
off a feature the request never meets moves the count by up to about 3,500
instructions either way, with the same Python calls made (the layout of the
process), so only savings well above that mean something.

``python attribution.py`` (valgrind must be installed) prints one line per
side; it takes about a minute per side.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REQUESTS = 100
#: The features in force at 1.6 that a modern request meets.
FEATURES = (
    "response_own_iterator",
    "response_default_charset",
    "querydict_bytes_decoding",
    "querydict_key_error_args",
    "querydict_list_returns",
    "request_post_charset",
    "request_post_any_content_type",
    "request_body_exception_class",
    "request_multipart_post_mutable",
    "request_wsgi_input_read_only",
    "response_upper_reason_phrases",
    "response_iterable_container",
    "response_iterator_content",
    "response_default_content_type",
    "response_mimetype",
    "response_positional_order",
    "handler_body_removal",
    "response_absolute_location",
)
PLAIN = "plain"
ALL = "all"


def _serve(turned_off: str, requests: int) -> None:
    import instructions
    import timed
    from request_cycle import serve

    import django_http_compat

    pair = timed.PAIRS["cycle/compat-legacy"]
    handler = timed.statements_namespace(pair, timed.SHIM_STATE)["handler"]
    if turned_off == PLAIN:
        django_http_compat.uninstall()
    else:
        off = FEATURES if turned_off == ALL else [name for name in turned_off.split(",") if name]
        django_http_compat.install(features={"request_raw_post_data": True, **dict.fromkeys(off, False)})
    instructions._settled_runs(lambda: serve(handler, "modern"), requests)


def per_request(turned_off: str) -> int:
    from instructions import collected

    return (
        collected("attribution.py", turned_off, str(REQUESTS)) - collected("attribution.py", turned_off, "0")
    ) // REQUESTS


def main() -> None:
    plain, everything = per_request(PLAIN), per_request("")
    print(f"plain Django                 {plain:>9,}")
    print(f"1.6, every feature on        {everything:>9,}  ({everything / plain:.3f}x plain)")
    for feature in FEATURES:
        count = per_request(feature)
        print(f"  without {feature:32} {count:>9,}  saves {everything - count:+,}")
    count = per_request(ALL)
    print(f"1.6 without all of them      {count:>9,}  ({count / plain:.3f}x plain)")


if __name__ == "__main__":
    if len(sys.argv) == 3:
        _serve(sys.argv[1], int(sys.argv[2]))
    else:
        main()

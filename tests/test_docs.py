"""The docs agree with the code: generated pages are current, and what users must look up is there."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import django_http_compat

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
PACKAGE = Path(django_http_compat.__file__).parent


def generator():
    spec = importlib.util.spec_from_file_location("generate_features", DOCS / "generate_features.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_pages_are_current():
    stale = [path.name for path, render in generator().PAGES.items() if path.read_text() != render()]
    assert stale == [], "run python docs/generate_features.py"


def test_every_system_check_id_is_documented():
    source = "\n".join(path.read_text() for path in PACKAGE.rglob("*.py"))
    ids = set(re.findall(r"http_compat\.([EWI]\d{3})", source))
    settings_page = (DOCS / "settings.rst").read_text()
    assert ids and {check_id for check_id in ids if check_id not in settings_page} == set()


def test_no_internal_catalogue_code_reaches_the_docs():
    codes = re.compile(r"\b(?:RQ|RS|QD|MN|NB|ST|C)-\d\d\b|\bseeds? 00\d\b")
    found = {path.name: codes.findall(path.read_text()) for path in DOCS.glob("*.rst")}
    assert {name: hits for name, hits in found.items() if hits} == {}


def _typing_snippets() -> list[str]:
    text = (DOCS / "typing.rst").read_text()
    return [
        "\n".join(line[4:] for line in block.splitlines())
        for block in re.findall(r"\.\. code-block:: python\n\n((?:    .*\n|\n)+)", text)
    ]


def test_the_typed_request_and_response_of_the_docs_shadow_nothing():
    namespace: dict = {}
    exec(_typing_snippets()[0], namespace)
    request_class, response_class = namespace["HttpRequest"], namespace["HttpResponse"]
    assert set(request_class.__annotations__) == {"REQUEST", "raw_post_data", "is_ajax"}
    assert set(response_class.__annotations__) == {"_headers"}
    for cls in (request_class, response_class):
        assert not set(cls.__annotations__) & set(vars(cls))

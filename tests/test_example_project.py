"""The bundled Django 1.6 project answers as real Django 1.6 did (recorded), by every route."""

from __future__ import annotations

import http.client
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from asgiref.sync import async_to_sync
from django.core.handlers.wsgi import WSGIHandler
from django.test import Client, override_settings
from legacy_project import settings as project_settings
from record_responses import REQUESTS, summary, via_client, via_wsgi

from tests.live.servers import running

REPO = Path(__file__).resolve().parent.parent
PROJECT = REPO / "examples" / "legacy_project"
RECORDED = json.loads((REPO / "tests" / "golden" / "data" / "django-1.6.11.json").read_text())["example"]
# Headers a server adds on its own; Django 1.6's handler set none of them.
SERVER_HEADERS = {"date", "server", "connection", "transfer-encoding", "content-length", "keep-alive"}

as_project = override_settings(
    ROOT_URLCONF="legacy_project.urls",
    TEMPLATES=project_settings.TEMPLATES,
    HTTP_COMPAT_VERSION="1.6",
    HTTP_COMPAT_WARNINGS="ignore",
)


@as_project
def test_test_client_matches_django_16():
    assert via_client(Client()) == RECORDED["client"]


@as_project
def test_wsgi_handler_matches_django_16():
    assert via_wsgi(WSGIHandler()) == RECORDED["wsgi"]


@as_project
def test_async_test_client_matches_django_16():
    from django.test.client import AsyncClient

    client = AsyncClient()
    results = []
    for method, path, body, content_type, extra in REQUESTS:
        # The async client sends Host: testserver itself; a second one would be joined to it.
        headers = {key[5:].replace("_", "-"): value for key, value in extra.items() if key != "HTTP_HOST"}
        if method == "GET":
            response = async_to_sync(client.get)(path, headers=headers)
        else:
            response = async_to_sync(client.post)(path, body, content_type=content_type, headers=headers)
        results.append(summary(response.status_code, response.items(), response.content))
    # Like every test client, it closes the response before reading it (see report()).
    assert results == RECORDED["client"]


def project_env() -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(REPO), str(PROJECT)]),
        "DJANGO_SETTINGS_MODULE": "legacy_project.settings",
    }


def test_project_runs_its_own_django_16_tests_unchanged():
    result = subprocess.run(
        [sys.executable, "-W", "ignore", "manage.py", "test", "shop", "-v", "1"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env=project_env(),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Ran 13 tests" in result.stderr


def over_http(port: int) -> list[dict]:
    results = []
    for method, path, body, content_type, extra in REQUESTS:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        headers = {key[5:].replace("_", "-").title(): value for key, value in extra.items()}
        if content_type:
            headers["Content-Type"] = content_type
        connection.request(method, path, body=body or None, headers=headers)
        response = connection.getresponse()
        pairs = [(k, v) for k, v in response.getheaders() if k.lower() not in SERVER_HEADERS]
        results.append(summary(response.status, pairs, response.read()))
        connection.close()
    return results


@pytest.mark.server
@pytest.mark.parametrize(
    "command",
    [
        ["gunicorn", "--workers", "1", "legacy_project.wsgi:application"],
        ["gunicorn", "--worker-class", "gthread", "--threads", "4", "legacy_project.wsgi:application"],
        ["uvicorn", "--lifespan", "off", "legacy_project.asgi:application"],
    ],
    ids=["gunicorn-sync", "gunicorn-gthread", "uvicorn"],
)
def test_real_servers_match_django_16(command):
    with running(command, PROJECT, project_env()) as port:
        assert over_http(port) == RECORDED["wsgi"]


@as_project
def test_the_index_links_every_view_with_the_old_apis_it_uses():
    from html.parser import HTMLParser

    from django.urls import get_resolver, resolve

    class Entries(HTMLParser):
        def __init__(self):
            super().__init__()
            self.entries, self.current = [], None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "li":
                self.current = {"text": ""}
                self.entries.append(self.current)
            elif tag == "a":
                self.current.update(method="GET", path=attrs["href"])
            elif tag == "form":
                self.current.update(method=attrs["method"].upper(), path=attrs["action"])

        def handle_data(self, data):
            if self.current is not None:
                self.current["text"] += data

    response = Client().get("/")
    assert (response.status_code, response["Content-Type"]) == (200, "text/html; charset=utf-8")
    parser = Entries()
    parser.feed(response.content.decode())
    linked = {resolve(entry["path"].partition("?")[0]).func for entry in parser.entries}
    views = {pattern.callback for pattern in get_resolver("legacy_project.urls").url_patterns}
    assert linked == views - {resolve("/").func}
    client = Client()
    for entry in parser.entries:
        # Each says what it exercises: the text after the dash names old APIs.
        assert "\u2014 " in entry["text"] and entry["text"].split("\u2014 ")[1].strip()
        if entry["method"] == "GET":
            assert client.get(entry["path"]).status_code in (200, 201, 302, 404), entry
        else:
            assert client.get(entry["path"]).status_code == 405, entry  # POST only, hence a form

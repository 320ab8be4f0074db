"""Concurrent clients against threaded and async servers: each request's data stays its own."""

from __future__ import annotations

import http.client
import json
import random
import threading
from urllib.parse import urlencode

import pytest

from tests.live.servers import running_live

CLIENTS = 16
REQUESTS_PER_CLIENT = 25
# (id, live server, path): sync views under both servers, and an async view under uvicorn.
SETUPS = [
    ("gunicorn-gthread", "gunicorn-gthread", "/echo/"),
    ("uvicorn-sync-view", "uvicorn", "/echo/"),
    ("uvicorn-async-view", "uvicorn", "/async-echo/"),
]


def one_request(port: int, path: str, token: str, ajax: bool) -> list[str]:
    """Send a request carrying ``token`` everywhere; return what came back wrong."""
    in_query = random.random() < 0.5
    query = urlencode({"token": token} if in_query else {"q": token})
    body = urlencode({"other": token} if in_query else {"token": token}) + f"&line=\n{token}\n"
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"token=old-{token}"}
    if ajax:
        headers["X-Requested-With"] = "XMLHttpRequest"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("POST", f"{path}?{query}", body=body, headers=headers)
    response = connection.getresponse()
    payload = response.read()
    connection.close()
    wrong = []
    if response.status != 200:
        return [f"{token}: status {response.status}"]
    data = json.loads(payload)
    expected = {
        "REQUEST": token,
        "item": token,
        "raw_post_data": body,
        "lines": body.splitlines(keepends=True),
        "ajax": ajax,
        "GET": [["token" if in_query else "q", token]],
    }
    for key, value in expected.items():
        if data.get(key) != value:
            wrong.append(f"{token}: {key} = {data.get(key)!r}")
    if response.getheader("X-Token") != token:
        wrong.append(f"{token}: X-Token = {response.getheader('X-Token')!r}")
    if f"token={token};" not in (response.getheader("Set-Cookie") or ""):
        wrong.append(f"{token}: Set-Cookie = {response.getheader('Set-Cookie')!r}")
    return wrong


@pytest.mark.server
@pytest.mark.parametrize(("server", "path"), [s[1:] for s in SETUPS], ids=[s[0] for s in SETUPS])
def test_no_request_sees_another_requests_data(server, path):
    problems: list[str] = []
    served = []
    start = threading.Barrier(CLIENTS)

    def client(number: int) -> None:
        start.wait()
        for n in range(REQUESTS_PER_CLIENT):
            token = f"c{number}-r{n}-{random.randrange(10**9)}"
            try:
                problems.extend(one_request(port, path, token, ajax=bool((number + n) % 2)))
            except Exception as exc:  # a refused or dropped connection is a failure too
                problems.append(f"{token}: {exc!r}")
            served.append(token)

    with running_live(server) as port:
        threads = [threading.Thread(target=client, args=(number,)) for number in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert problems == []
    assert len(set(served)) == CLIENTS * REQUESTS_PER_CLIENT

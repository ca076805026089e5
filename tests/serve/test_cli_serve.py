"""``kgqa serve`` as a user starts it: a child process with two workers sharing one socket on
127.0.0.1, over the fixture artifacts; ready only once the models are loaded."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

pytest.importorskip("uvicorn", reason="the serve extra is not installed")
pytestmark = pytest.mark.slow


def _get(url: str, body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_kgqa_serve_with_two_workers(fixture_home):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-m", "kgqa.cli", "-q", "serve", "--port", str(port), "--workers",
           "2", "--home", str(fixture_home)]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        statuses = set()
        while True:
            try:
                status, body = _get(base + "/v1/health")
                statuses.add(body["status"])
                if status == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                pass
            assert proc.poll() is None, proc.stderr.read()[-2000:]
            assert time.monotonic() < deadline, "not ready in 180 s"
            time.sleep(0.2)
        assert statuses <= {"loading", "ready"}
        answers = set()
        for _ in range(6):  # requests spread over both workers: each answers the same
            status, body = _get(base + "/v1/ask", {"question": "Which drugs treat gout?", "k": 2})
            if status == 503:  # the other worker is still loading
                time.sleep(1)
                continue
            assert status == 200
            answers.add(body["result"]["answers"][0]["node"]["curie"])
        assert answers == {"DRUGBANK:DB00437"}
    finally:
        proc.terminate()
        assert proc.wait(30) is not None

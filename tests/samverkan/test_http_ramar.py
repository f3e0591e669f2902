"""gunicorn, as deployed, refuses ambiguous message framing (ASVS 4.2.1): the
requests a proxy and a server could split differently never reach the app."""

import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def gunicorn(tmp_path_factory):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTEST_VERSION", "DATABASE_URL")}
    env.update(
        SAMVERKAN_ENV_FILE="",
        DEBUG="False",
        SECRET_KEY=secrets.token_urlsafe(60),
        SQLITE_PATH=str(tmp_path_factory.mktemp("db") / "db.sqlite3"),
        ALLOWED_HOSTS="127.0.0.1",
    )
    process = subprocess.Popen(  # the command of docs/operations.md, on a free port
        [sys.executable, "-m", "gunicorn", "samverkan.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "1", "--timeout", "60"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield port
    process.terminate()
    process.wait(timeout=10)


def _send(port, raw: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(raw)
        s.shutdown(socket.SHUT_WR)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data


def test_a_plain_request_is_served(gunicorn):
    answer = _send(
        gunicorn, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    assert answer.startswith(b"HTTP/1.1 ")
    assert not answer.startswith(b"HTTP/1.1 400")


@pytest.mark.parametrize(
    "headers",
    [
        # Both lengths: the classic CL.TE / TE.CL smuggling.
        b"Content-Length: 4\r\nTransfer-Encoding: chunked\r\n",
        # Two different lengths.
        b"Content-Length: 4\r\nContent-Length: 40\r\n",
        # An encoding other than chunked last, or obfuscated.
        b"Transfer-Encoding: chunked, identity\r\n",
        b"Transfer-Encoding: xchunked\r\n",
    ],
)
def test_ambiguous_framing_is_refused(gunicorn, headers):
    raw = (
        b"POST /konto/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        + headers
        + b"\r\n0\r\n\r\nGET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    )
    answer = _send(gunicorn, raw)
    assert answer[:12] in (b"HTTP/1.1 400", b"HTTP/1.1 501"), answer[:200]  # 501: unknown coding
    assert answer.count(b"HTTP/1.1 ") == 1  # the smuggled second request got no answer

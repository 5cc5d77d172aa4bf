"""`pathways serve`: gunicorn answering real HTTP, each request on its own session and with
its own signed-in user (workers fork from the command; nothing may carry over)."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from pathways.db import make_engine
from pathways.migrations import upgrade
from tests.factories import make_token, make_user

PATHWAYS = str(Path(sys.executable).parent / "pathways")
PASSWORD = "a long test password"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def served(empty_database_url) -> Iterator[tuple[str, str]]:
    """A migrated database with one admin, served by one gunicorn worker: (base URL, URL)."""
    upgrade(empty_database_url)
    engine = make_engine(empty_database_url)
    with Session(engine) as session:
        make_user(session, email="ada@example.org", password=PASSWORD)
        session.commit()
    engine.dispose()
    port = free_port()
    server = subprocess.Popen(
        [PATHWAYS, "serve", "--port", str(port), "--workers", "1"],
        env={**os.environ, "DATABASE_URL": empty_database_url},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/api/v1/health").close()
                break
            except OSError:
                time.sleep(0.1)
        yield base, empty_database_url
    finally:
        server.terminate()
        server.communicate(timeout=10)


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read().decode()


def test_gunicorn_answers_the_api(served):
    base, _ = served
    status, body = get(f"{base}/api/v1/health")
    assert status == 200
    assert '"status":"ok"' in body.replace(" ", "")


def test_each_request_reads_what_was_committed_before_it(served):
    """A session left open by one request would keep its old snapshot: a token made after
    the worker's first request would then never be found."""
    base, url = served
    assert get(f"{base}/api/v1/regions")[0] == 200
    engine = make_engine(url)
    with Session(engine) as session:
        token = make_token(session, make_user(session))
        session.commit()
    engine.dispose()
    status, body = get(f"{base}/api/v1/users/me", {"Authorization": f"Bearer {token}"})
    assert status == 200, body


def test_a_signed_in_user_does_not_pass_to_the_next_visitor(served):
    base, _ = served
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    page = browser.open(f"{base}/login").read().decode()
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode(
        {"csrf_token": csrf, "email": "ada@example.org", "password": PASSWORD, "next": ""}
    ).encode()
    home = browser.open(f"{base}/login", data=form).read().decode()
    assert "ada@example.org" in home
    status, stranger = get(f"{base}/")
    assert status == 200
    assert "ada@example.org" not in stranger
    assert "Sign in" in stranger


def test_weasyprint_is_loaded_before_the_workers_fork(served):
    """gunicorn's master (the process `pathways serve` became) has Pango mapped: each worker
    forked from it starts with WeasyPrint loaded, so no request pays the import."""
    base, _ = served
    assert get(f"{base}/api/v1/health")[0] == 200
    masters = [
        path.parent
        for path in Path("/proc").glob("[0-9]*/cmdline")
        if b"pathways.gunicorn_config" in _read(path)
    ]
    assert masters, "no gunicorn master found"
    assert all("libpango" in (master / "maps").read_text() for master in masters)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:  # the process ended while we looked
        return b""


def test_the_command_line_starts_without_weasyprint():
    probe = (
        "import sys\n"
        "from pathways.app import main\n"
        "sys.argv = ['pathways', 'render', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('weasyprint' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True,
        env={**os.environ, "PATHWAYS_ENV": "development"},
    )  # fmt: skip
    assert "flyers" in result.stdout
    assert result.stdout.strip().endswith("False")

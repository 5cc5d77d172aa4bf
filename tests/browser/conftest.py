"""Pages in a real browser: the system Chromium (installed by the bootstrap), driven by
Playwright, against the app served over HTTP on a thread.

The site has a database of its own — migrated, loaded with the sample catalog and partnerships,
and committed — because a browser's requests arrive on the server's threads, outside any test
transaction. Tests that write use names of their own, so they do not step on one another.

Every page a test opens is watched: a JavaScript error, a dialog (`alert(1)`), or a
Content-Security-Policy violation (markup that tried to run) fails the test.
Screenshots go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from sqlalchemy.orm import Session
from werkzeug.serving import BaseWSGIServer, make_server

from pathways.app import create_app
from pathways.domain.access import Actor, Role
from pathways.importers.catalog import seed_catalog
from pathways.migrations import upgrade
from pathways.models import Partnership, Provider
from pathways.sessions import database
from tests.conftest import SEED_DIR, fresh_database
from tests.factories import make_user
from tests.web import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
# Flags for a quiet, headless, offline Chromium: no sandbox (CI runs as root), no GPU, and no
# background calls home that a closed network would refuse.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
# Runs first in every page: records dialogs and CSP violations where the test can read them.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__violations.push(event.violatedDirective + " " + (event.sample || event.blockedURI));
});
"""


@dataclass
class Site:
    url: str
    app: Flask
    partnership: str  # the sample healthcare partnership's slug
    provider_id: int  # a sample provider in that region
    emails: dict[str, str] = field(default_factory=dict)  # role name → email

    def session(self) -> Session:
        return database(self.app).sessions()


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with fresh_database(tmp_path_factory.mktemp("site")) as url:
        upgrade(url)
        app = create_app(
            {
                "DATABASE_URL": url,
                "RENDER_PRERENDER": "off",
                "RENDER_CACHE_DIR": tmp_path_factory.mktemp("site-renders"),
            }
        )
        found = _seed(app)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield Site(url=f"http://127.0.0.1:{server.server_port}", app=app, **found)
        finally:
            _stop(server)
            database(app).engine.dispose()


def _seed(app: Flask) -> dict[str, object]:
    with database(app).sessions() as session:
        seed_catalog(session, SEED_DIR, actor=Actor.operator("tests"), sample=True)
        partnership = session.query(Partnership).filter_by(slug="ne-louisiana-healthcare").one()
        provider = (
            session.query(Provider)
            .filter_by(region_id=partnership.region_id)
            .order_by(Provider.id)
            .first()
        )
        assert provider is not None, "the sample healthcare region has no provider"
        users = {
            "admin": make_user(session, role=Role.ADMIN, password=PASSWORD),
            "industry": make_user(
                session, role=Role.PARTNERSHIP_EDITOR, partnerships=[partnership], password=PASSWORD
            ),
            "school": make_user(
                session, role=Role.PROVIDER_EDITOR, providers=[provider], password=PASSWORD
            ),
        }
        emails = {name: user.email for name, user in users.items()}
        session.commit()
        return {"partnership": partnership.slug, "provider_id": provider.id, "emails": emails}


def _stop(server: BaseWSGIServer) -> None:
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make setup` (scripts/bootstrap.sh) to install it")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Watch:
    """What went wrong in the page while a test used it."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def context(browser: Browser, site: Site) -> Iterator[BrowserContext]:
    context = browser.new_context(
        base_url=site.url, accept_downloads=True, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(10_000)
    context.add_init_script(WATCH)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext, watch: Watch) -> Iterator[Page]:
    page = context.new_page()
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    page.on("dialog", lambda dialog: (watch.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    assert watch.dialogs == [], f"a dialog opened: script ran ({watch.dialogs})"
    assert watch.errors == [], f"JavaScript errors: {watch.errors}"
    assert violations(page) == [], f"markup tried to run: {violations(page)}"


def violations(page: Page) -> list[str]:
    """The Content-Security-Policy violations in the page now open."""
    if page.is_closed():
        return []
    found: list[str] = page.evaluate("window.__violations || []")
    return found


def screenshot(page: Page, name: str) -> Path:
    """A full-page screenshot, kept as a test artifact."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_in(page: Page, email: str) -> None:
    page.goto("/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")


@pytest.fixture(scope="session", autouse=True)
def _fresh_screenshots() -> None:
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)

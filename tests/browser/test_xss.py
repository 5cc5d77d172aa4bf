"""Stored and reflected script: an attacker's partnership has markup in every editable text
field (tests/browser/hostile.py); every page that shows them is opened in Chromium, signed in
and not, and no script may run — no dialog, no blocked inline script or handler (a CSP
violation means markup reached the page as markup), and the text reads as typed."""

import pytest
from playwright.sync_api import Page

from tests.browser import hostile
from tests.browser.conftest import screenshot, sign_in, violations

SCRIPT = "<script>alert("


@pytest.fixture(scope="module")
def attack(site):
    return hostile.build(site.app, site.emails["admin"])


def public_pages(attack) -> list[str]:
    return [
        "/",
        f"/search?q={attack.pathway}",
        "/search?q=%3Cscript%3Ealert(1)%3C/script%3E%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E",
        f"/partnerships/{attack.partnership}",
        f"/pathways/{attack.pathway}",
        f"/pathways/{attack.pathway}/flyer.html",
        f"/pathways/{attack.pathway}/diagram.svg",
        f"/occupations/29-2061?region={attack.region}",
        f"/occupations/31-1131?region={attack.region}",
        f"/providers/{attack.provider_id}",
        f"/providers/{attack.provider_id}/alignment",
        f"/programs/{attack.program_id}/alignment",
    ]


def editor_pages(attack) -> list[str]:
    return [
        "/my-work",
        f"/regions/{attack.region}/edit",
        f"/partnerships/{attack.partnership}/occupations",
        f"/pathways/{attack.pathway}/edit",
        f"/pathways/{attack.pathway}/history",
        f"/programs/{attack.program_id}/edit",
        f"/providers/{attack.provider_id}/programs/new",
    ]


def visit(page: Page, watch, path: str) -> str:
    response = page.goto(path)
    assert response is not None, path
    assert response.ok, (path, response.status)
    page.wait_for_load_state("networkidle")
    assert watch.dialogs == [], f"script ran on {path}: {watch.dialogs}"
    assert violations(page) == [], f"markup reached {path}: {violations(page)}"
    return page.locator("body").inner_text() if "svg" not in path else page.content()


def test_no_script_runs_on_any_public_page(page: Page, watch, attack):
    shown = 0
    for path in public_pages(attack):
        text = visit(page, watch, path)
        shown += SCRIPT in text
    assert shown >= 8, "the payloads should be shown, as text, on most pages"
    page.goto(f"/pathways/{attack.pathway}")
    screenshot(page, "xss-pathway")


def test_no_script_runs_on_any_editor_page(page: Page, watch, site, attack):
    sign_in(page, site.emails["admin"])
    for path in editor_pages(attack):
        visit(page, watch, path)
    # The forms hold the payloads as values, to be edited, not run.
    page.goto(f"/pathways/{attack.pathway}/edit")
    values = page.eval_on_selector_all("input, textarea", "els => els.map(e => e.value)")
    assert any(SCRIPT in value for value in values)
    screenshot(page, "xss-pathway-editor")


def test_every_stored_payload_is_shown_as_typed_somewhere(page: Page, watch, site, attack):
    sign_in(page, site.emails["admin"])
    seen = ""
    for path in [*public_pages(attack), *editor_pages(attack)]:
        seen += visit(page, watch, path)
        seen += "\n".join(page.eval_on_selector_all("input, textarea", "e => e.map(x => x.value)"))
    missing = [text for text in attack.texts if text not in seen]
    assert missing == [], f"{len(missing)} stored texts are not shown anywhere: {missing[:3]}"

"""Every key page passes an accessibility audit in the browser (tests/browser/audit.js): one h1
and headings in order, every control labelled, every link and button named, images with alt,
no positive tabindex, unique ids, and text at WCAG AA contrast. Focus stays visible."""

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import sign_in

AUDIT = (Path(__file__).parent / "audit.js").read_text()
PUBLIC = [
    "/",
    "/search?q=nurse",
    "/occupations/29-2061",
    "/pathways/cna-to-rn",
    "/login",
    "/no/such/page",
]


def audit(page: Page) -> list[str]:
    problems: list[str] = page.evaluate(AUDIT)
    return problems


@pytest.mark.parametrize("path", PUBLIC)
def test_public_page_passes_the_audit(page: Page, site, path):
    page.goto(path)
    assert audit(page) == []


def test_partnership_and_provider_pages_pass_the_audit(page: Page, site):
    for path in [f"/partnerships/{site.partnership}", f"/providers/{site.provider_id}",
                 f"/providers/{site.provider_id}/alignment"]:  # fmt: skip
        page.goto(path)
        assert audit(page) == [], path


def test_editor_pages_pass_the_audit(page: Page, site):
    sign_in(page, site.emails["admin"])
    for path in [
        "/my-work",
        f"/partnerships/{site.partnership}/occupations",
        "/pathways/cna-to-rn/edit",
        "/pathways/cna-to-rn/history",
        f"/providers/{site.provider_id}/programs/new",
    ]:
        page.goto(path)
        assert audit(page) == [], path


def test_focus_ring_is_visible_on_links_and_buttons(page: Page, site):
    page.goto("/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the brand link
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_the_audit_itself_catches_what_it_looks_for(page: Page, site):
    page.set_content(  # a blank page, outside our site's policy
        "<html><head><title>x</title><style>p { color: #aaa; }</style></head>"
        "<body><main><h1>A</h1><h3>skipped</h3>"
        "<input name=q><button></button><img src=data:,>"
        "<p id=a>light text</p><p id=a>again</p></main></body></html>"
    )
    found = "\n".join(audit(page))
    expected = ["<html> has no lang", "heading jumps from h1 to h3", "unlabelled control",
                "no accessible name", "image without alt", "id used 2 times",
                "contrast"]  # fmt: skip
    for problem in expected:
        assert problem in found

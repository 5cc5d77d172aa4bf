"""The layout in a browser: the home page loads its stylesheet and script under the page's
Content-Security-Policy, a keyboard user can skip to the content, and errors are pages."""

from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot, sign_in


def test_home_page_loads_with_its_styles_and_no_errors(page: Page, site):
    response = page.goto("/")
    assert response is not None
    assert response.ok
    assert "script-src 'self'" in response.headers["content-security-policy"]
    # The stylesheet applied: the header band has the brand colour.
    color = page.locator(".site-header").evaluate("e => getComputedStyle(e).backgroundColor")
    assert color == "rgb(11, 79, 138)"
    screenshot(page, "home")


def test_keyboard_reaches_skip_link_first_and_it_moves_focus_to_main(page: Page, site):
    page.goto("/")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_unknown_page_is_a_404_page_in_the_layout(page: Page, site):
    response = page.goto("/no/such/page")
    assert response is not None
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_role("link", name="Pathways", exact=True)).to_be_visible()
    screenshot(page, "error-404")


def test_editor_signs_in_and_sees_what_they_may_edit(page: Page, site):
    sign_in(page, site.emails["industry"])
    expect(page.get_by_text(site.emails["industry"], exact=True)).to_be_visible()
    page.get_by_role("link", name="My work").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    expect(
        page.get_by_role("link", name="Northeast Louisiana Healthcare", exact=False)
    ).to_be_visible()
    screenshot(page, "my-work")

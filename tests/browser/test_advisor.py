"""An advisor with a student, no account: search as you type, open the occupation, print its
flyer; open a pathway, click a step in the diagram, download its flyer in A4 Spanish; look at
the partnership. Each key page is kept as a screenshot."""

import io

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.browser.conftest import screenshot

LPN = "Licensed Practical and Licensed Vocational Nurses"
A4 = (595, 842)


def pdf_of(download) -> PdfReader:
    return PdfReader(io.BytesIO(download.path().read_bytes()))


def test_search_as_you_type_then_occupation_then_its_flyer(page: Page, site):
    page.goto("/")
    page.get_by_label("Search occupations and pathways").press_sequentially("nurse", delay=40)
    # Results arrive without pressing Enter: occupations and the pathways through them.
    results = page.locator("#search-results")
    expect(results.get_by_role("link", name=LPN)).to_be_visible()
    expect(results.get_by_role("link", name="Registered Nurses", exact=True)).to_be_visible()
    expect(results.get_by_role("link", name="CNA to RN", exact=False).first).to_be_visible()
    screenshot(page, "home-search-as-you-type")

    results.get_by_role("link", name=LPN).click()
    page.wait_for_url("**/occupations/29-2061**")
    expect(page.get_by_role("heading", level=1)).to_contain_text(LPN)
    wages = page.locator("section", has=page.get_by_role("heading", name="Wages"))
    expect(wages).to_contain_text("BLS OEWS May")
    expect(wages).to_contain_text("$")
    screenshot(page, "occupation")

    with page.expect_download() as downloading:
        page.get_by_role("link", name="Print flyer").click()
    flyer = pdf_of(downloading.value)
    assert len(flyer.pages) == 1
    text = flyer.pages[0].extract_text()
    assert "Licensed Practical" in text
    assert "BLS OEWS" in text


def test_search_works_without_javascript(browser, site):
    context = browser.new_context(base_url=site.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/")
        page.get_by_label("Search occupations and pathways").fill("welder")
        page.get_by_role("button", name="Search").click()
        page.wait_for_url("**/search?q=welder")
        expect(page.get_by_role("link", name="Welders, Cutters", exact=False).first).to_be_visible()
    finally:
        context.close()


def test_pathway_diagram_steps_are_links_and_flyer_comes_in_a4_spanish(page: Page, site):
    page.goto("/pathways/cna-to-rn")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    diagram = page.locator(".diagram svg")
    expect(diagram).to_be_visible()
    screenshot(page, "pathway")

    step = diagram.locator("a").first
    target = step.get_attribute("href") or step.get_attribute("xlink:href")
    assert target is not None
    assert target.startswith("#step-")
    step.click()
    page.wait_for_url(f"**/pathways/cna-to-rn{target}")
    expect(page.locator(target)).to_be_in_viewport()

    page.get_by_label("Paper").select_option("a4")
    page.get_by_label("Language").select_option(label="Español")
    with page.expect_download() as downloading:
        page.get_by_role("button", name="Download flyer").click()
    flyer = pdf_of(downloading.value)
    assert len(flyer.pages) == 1
    box = flyer.pages[0].mediabox
    assert (round(box.width), round(box.height)) == A4
    assert "Mediana" in flyer.pages[0].extract_text()


def test_partnership_page_shows_occupations_pathways_and_alignment(page: Page, site):
    page.goto(f"/partnerships/{site.partnership}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Northeast Louisiana")
    expect(page.get_by_role("link", name=LPN).first).to_be_visible()
    expect(page.get_by_role("table").first).to_be_visible()
    screenshot(page, "partnership")


def test_provider_page_lists_its_programs(page: Page, site):
    page.goto(f"/providers/{site.provider_id}")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    screenshot(page, "provider")


def test_pages_fit_a_phone_screen_without_sideways_scrolling(browser, site):
    context = browser.new_context(base_url=site.url, viewport={"width": 375, "height": 740})
    try:
        page = context.new_page()
        for path, name in [
            ("/", "phone-home"),
            ("/occupations/29-2061", "phone-occupation"),
            ("/pathways/cna-to-rn", "phone-pathway"),
        ]:
            page.goto(path)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a phone"
            screenshot(page, name)
    finally:
        context.close()

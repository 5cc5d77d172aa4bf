"""A college's program editor: signs in, adds a program by CIP search, takes the crosswalk's
suggested skills (adjusting one), saves, and reads and downloads the alignment report."""

import csv
import io

from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot, sign_in

LPN_CIP = "51.3901 Licensed Practical/Vocational Nurse Training"


def test_add_a_program_from_a_cip_search_then_read_its_alignment(page: Page, site):
    sign_in(page, site.emails["school"])
    page.goto(f"/providers/{site.provider_id}")
    page.get_by_role("link", name="Add program").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a program")

    page.get_by_label("Program title").fill("Practical Nursing (evening)")
    cip = page.get_by_label("CIP code")
    cip.press_sequentially("practical nurs", delay=30)
    # The datalist offers the CIP code as the user types.
    expect(page.locator(f'#cip-options option[value="{LPN_CIP}"]')).to_be_attached()
    cip.fill(LPN_CIP)
    cip.dispatch_event("change")
    rows = page.locator("#skill-rows tr")
    expect(rows.first).to_be_visible()
    suggested = rows.count()
    assert suggested > 5
    level = page.get_by_label("Level taught:").first
    level.fill("6.5")
    page.get_by_role("button", name="Remove").first.click()
    expect(rows).to_have_count(suggested - 1)
    screenshot(page, "program-editor")

    page.get_by_role("button", name="Add program").click()
    expect(page.get_by_role("status")).to_contain_text("Added Practical Nursing (evening)")
    page.get_by_role("link", name="Alignment report for", exact=False).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Alignment report")
    expect(page.get_by_text("Practical Nursing (evening)").first).to_be_visible()
    expect(page.get_by_text("Gap:", exact=False).first).to_be_attached()
    screenshot(page, "provider-alignment")

    with page.expect_download() as downloading:
        page.get_by_role("link", name="Download CSV").click()
    table = list(csv.reader(io.StringIO(downloading.value.path().read_text())))
    assert any("Practical Nursing (evening)" in cell for row in table for cell in row)


def test_a_bad_value_is_shown_beside_its_field_and_nothing_typed_is_lost(page: Page, site):
    sign_in(page, site.emails["school"])
    page.goto(f"/providers/{site.provider_id}/programs/new")
    page.get_by_label("Program title").fill("Keep this title")
    page.get_by_label("CIP code").fill("99.9999")
    page.get_by_role("button", name="Add program").click()
    expect(page.locator(".field.has-error").first).to_be_visible()
    expect(page.get_by_label("Program title")).to_have_value("Keep this title")
    expect(page.get_by_label("CIP code")).to_have_attribute("aria-invalid", "true")
    screenshot(page, "program-editor-errors")


def test_folded_skill_tables_unfold_for_printing_and_fold_back(page: Page, site):
    page.goto(f"/providers/{site.provider_id}/alignment")
    folded = page.locator("details:not([open])")
    count = folded.count()
    assert count > 0
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(page.locator("details:not([open])")).to_have_count(0)
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator("details:not([open])")).to_have_count(count)

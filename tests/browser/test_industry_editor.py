"""An industry team's editor: adds a critical occupation by searching for it, records what
member employers pay, and sees both on the partnership page beside BLS wages."""

from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot, sign_in

WELDER = "51-4121 Welders, Cutters, Solderers, and Brazers"


def test_add_a_critical_occupation_by_search_and_record_employer_wages(page: Page, site):
    sign_in(page, site.emails["industry"])
    page.goto(f"/partnerships/{site.partnership}")
    page.get_by_role("link", name="Manage critical occupations").click()
    adding = page.locator(
        "section", has=page.get_by_role("heading", name="Add a critical occupation")
    )
    picker = adding.get_by_label("Occupation")
    picker.press_sequentially("welder", delay=30)
    expect(adding.locator("datalist option").first).to_have_attribute("value", WELDER)
    picker.fill(WELDER)
    adding.get_by_label("Priority").fill("3")
    adding.get_by_label("Openings per year").fill("25")
    adding.get_by_role("button", name="Add critical occupation").click()
    expect(page.get_by_role("status")).to_contain_text("Added Welders")

    page.get_by_text("Record employer wages for Welders", exact=False).click()
    form = (
        page.locator("form", has=page.get_by_role("button", name="Record employer wages"))
        .filter(has=page.get_by_label("Median wage"))
        .last
    )
    form.get_by_label("Pay basis").select_option(label="Per hour")
    form.get_by_label("Median wage").fill("24.50")
    form.get_by_label("Employers reporting").fill("4")
    form.get_by_label("As of").fill("2026-10-01")
    form.get_by_role("button", name="Record employer wages").click()
    expect(page.get_by_role("status")).to_be_visible()
    screenshot(page, "critical-occupations-editor")

    page.goto(f"/partnerships/{site.partnership}")
    row = page.get_by_role("row", name="Welders", exact=False).first
    expect(row).to_contain_text("$24.50")
    expect(row).to_contain_text("Reported by 4 member employers")

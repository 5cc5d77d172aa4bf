"""An industry team's editor builds a pathway from nothing: signs in, creates the draft, adds
two steps by searching, draws the move between them, watches the preview follow the form,
publishes, and finds it on the public page and in the history."""

from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot, sign_in


def test_from_sign_in_to_a_published_pathway(page: Page, site):
    sign_in(page, site.emails["industry"])
    page.goto(f"/partnerships/{site.partnership}")
    page.get_by_role("link", name="New pathway").click()
    page.get_by_label("Title").fill("Aide to Practical Nurse")
    page.get_by_label("Description").fill("From nursing assistant to LPN in a year.")
    page.get_by_role("button", name="Create draft").click()
    page.wait_for_url("**/pathways/aide-to-practical-nurse/edit")
    expect(page.locator("p.notice")).to_contain_text("Created the draft")

    add_step = page.get_by_role("group", name="Add a step")
    add_step.get_by_label("Occupation").press_sequentially("nursing assis", delay=30)
    expect(add_step.locator("datalist option").first).to_have_attribute(
        "value", "31-1131 Nursing Assistants"
    )
    add_step.get_by_label("Occupation").fill("31-1131 Nursing Assistants")
    add_step.get_by_label("Stage").fill("1")
    add_step.get_by_role("button", name="Add step").click()
    expect(page.locator("p.notice")).to_contain_text("Saved the draft")

    add_step = page.get_by_role("group", name="Add a step")
    add_step.get_by_label("Occupation").fill("Licensed Practical and Licensed Vocational Nurses")
    add_step.get_by_label("Name on this pathway").fill("Licensed Practical Nurse")
    add_step.get_by_label("Stage").fill("2")
    add_step.get_by_role("button", name="Add step").click()
    expect(page.locator("p.notice")).to_contain_text("Saved the draft")

    move = page.get_by_role("group", name="Add a transition")
    move.get_by_label("From step").select_option(label="Nursing Assistants")
    move.get_by_label("To step").select_option(label="Licensed Practical Nurse")
    move.get_by_label("Kind of move").select_option(label="Advance (a step up)")
    move.get_by_label("Months of training").fill("12")
    move.get_by_label("Cost (US dollars)").fill("8,400")
    move.get_by_role("button", name="Add transition").click()
    expect(page.locator("p.notice")).to_contain_text("Saved the draft")

    # The preview follows the form before anything is saved.
    before = page.locator("#preview-image").get_attribute("src")
    details = page.locator("section", has=page.get_by_role("heading", name="Details"))
    details.get_by_label("Title").fill("Aide to LPN in one year")
    expect(page.locator("#preview-status")).to_contain_text("not saved yet")
    assert page.locator("#preview-image").get_attribute("src") != before
    screenshot(page, "pathway-editor")

    page.get_by_role("button", name="Publish").click()
    page.wait_for_url("**/pathways/aide-to-practical-nurse")
    expect(page.locator("p.notice")).to_contain_text("Published version 1")
    expect(page.locator(".diagram svg")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Aide to LPN in one year")

    page.get_by_role("link", name="History").first.click()
    expect(page.get_by_text(site.emails["industry"]).first).to_be_visible()
    screenshot(page, "pathway-history")


def test_a_mistake_is_shown_beside_its_field_and_the_form_keeps_what_was_typed(page: Page, site):
    sign_in(page, site.emails["industry"])
    page.goto(f"/pathways/new?partnership={site.partnership}")
    page.get_by_label("Title").fill("Mistakes welcome")
    page.get_by_role("button", name="Create draft").click()
    page.wait_for_url("**/edit")
    add_step = page.get_by_role("group", name="Add a step")
    add_step.get_by_label("Occupation").fill("zzz not an occupation")
    add_step.get_by_label("Name on this pathway").fill("Typed and kept")
    add_step.get_by_role("button", name="Add step").click()
    # Nothing was saved; the row stays in the form as typed, its error beside the field.
    expect(page.locator(".alert")).to_contain_text("nothing was saved")
    row = page.get_by_role("group", name="Step 1: Typed and kept")
    expect(row.get_by_label("Occupation")).to_have_attribute("aria-invalid", "true")
    expect(row.get_by_label("Occupation")).to_have_value("zzz not an occupation")
    expect(row.locator(".error")).to_contain_text("no occupation matches")
    screenshot(page, "pathway-editor-errors")

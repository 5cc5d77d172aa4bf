"""An industry team imports a spreadsheet: downloads the pathway template from the import
page, fills it in with a mistake, uploads it, reads every problem with its sheet, row and
column, downloads the error report, fixes the file, and imports it."""

import csv
import io

from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot, sign_in


def filled(template: bytes, soc: str) -> bytes:
    """The template with a two-step pathway typed over its example rows."""
    book = load_workbook(io.BytesIO(template))
    rows = {
        "Pathway": [["aide-to-lpn-sheet", "Aide to LPN (from a sheet)", "Typed in a spreadsheet."]],
        "Steps": [["aide", "31-1131", 1, "Nurse aide"], ["lpn", soc, 2, "Practical nurse"]],
        "Transitions": [["aide", "lpn", "advance", None, 12, 0, 8400, "no", None]],
    }
    for name, values in rows.items():
        sheet = book[name]
        sheet.delete_rows(2, sheet.max_row)
        for row in values:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_upload_a_pathway_sheet_fix_what_it_says_and_import(page: Page, site, tmp_path):
    sign_in(page, site.emails["industry"])
    page.get_by_role("link", name="My work").click()
    page.get_by_role("link", name="Import a spreadsheet").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import a spreadsheet")
    with page.expect_download() as downloading:
        page.get_by_role("link", name="pathway.xlsx").click()
    template = downloading.value.path().read_bytes()

    wrong = tmp_path / "pathway.xlsx"
    wrong.write_bytes(filled(template, "29-206"))
    page.get_by_label("Workbook or CSV files").set_input_files(str(wrong))
    page.get_by_role("button", name="Import").click()
    problems = page.locator("#import-problems")
    expect(problems).to_contain_text("Steps, row 3, column SOC: '29-206' is not a SOC code")
    expect(problems).to_contain_text("nothing was imported")
    screenshot(page, "import-errors")

    with page.expect_download() as downloading:
        page.get_by_role("button", name="Download the error report (CSV)").click()
    text = downloading.value.path().read_text(encoding="utf-8-sig")  # a BOM, for Excel
    report = list(csv.DictReader(io.StringIO(text)))
    assert report == [{"sheet": "Steps", "row": "3", "column": "SOC",
                       "message": "'29-206' is not a SOC code (expected NN-NNNN)"}]  # fmt: skip

    fixed = tmp_path / "pathway-fixed.xlsx"
    fixed.write_bytes(filled(template, "29-2061"))
    page.get_by_label("Workbook or CSV files").set_input_files(str(fixed))
    page.get_by_role("button", name="Import").click()
    expect(page.locator("p.notice").first).to_contain_text("1 created")
    screenshot(page, "import-done")
    page.goto("/pathways/aide-to-lpn-sheet/edit")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Aide to LPN (from a sheet)")

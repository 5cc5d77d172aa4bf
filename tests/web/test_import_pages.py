"""The upload pages as an editor uses them: templates to download, a file to upload with the
form's CSRF token, everything imported or every problem listed (422) with a downloadable error
report, and nothing written; scope, sign-in and the upload limit enforced."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
import sqlalchemy as sa

from pathways.domain.access import Role
from pathways.domain.workbooks import MAX_UPLOAD_BYTES
from pathways.models import CriticalOccupation, Program
from tests.factories import make_partnership, make_provider, make_user
from tests.importers.test_workbook_import import filled
from tests.web import csrf_token, force_sign_in, form_fields


@pytest.fixture
def partnership(session):
    return make_partnership(session)


@pytest.fixture
def editor(session, client, partnership):
    user = make_user(session, role=Role.PARTNERSHIP_EDITOR, partnerships=[partnership])
    force_sign_in(client, user)
    return user


def upload(client, url: str, *files: tuple[str, bytes], token: str | None = None):
    if token is None:
        token = csrf_token(client.get(url).get_data(as_text=True))
    data = {"csrf_token": token, "files": [(io.BytesIO(content), name) for name, content in files]}
    return client.post(url, data=data, content_type="multipart/form-data")


def critical(session, partnership) -> int:
    query = sa.select(sa.func.count()).select_from(CriticalOccupation)
    return session.scalar(query.where(CriticalOccupation.partnership_id == partnership.id))


def test_the_page_offers_every_template_and_they_download(client, session, editor, partnership):
    page = client.get(f"/partnerships/{partnership.slug}/import").get_data(as_text=True)
    for name in (
        "critical-occupations.xlsx",
        "critical-occupations.csv",
        "pathway.xlsx",
        "pathway-steps.csv",
        "pathway-transitions.csv",
    ):
        assert f'href="/templates/{name}"' in page
    assert 'enctype="multipart/form-data"' in page
    assert "programs.xlsx" not in page
    xlsx = client.get("/templates/programs.xlsx")
    assert xlsx.status_code == 200
    assert xlsx.mimetype.endswith("spreadsheetml.sheet")
    assert openpyxl.load_workbook(io.BytesIO(xlsx.data)).sheetnames[0] == "Programs"
    steps = client.get("/templates/pathway-steps.csv")
    assert steps.data.decode("utf-8-sig").startswith("Key,SOC,Stage,Label\r\n")
    assert client.get("/templates/secrets.xlsx").status_code == 404


def test_a_good_upload_is_imported_and_said_so(client, session, editor, partnership):
    content = filled(
        session,
        "critical-occupations",
        {"Critical occupations": [["29-1141", 1, 30, None], ["29-2061", 2, 12, None]]},
    )
    url = f"/partnerships/{partnership.slug}/import"
    response = upload(client, url, ("critical-occupations.xlsx", content))
    assert response.status_code == 302
    page = client.get(url).get_data(as_text=True)
    assert "critical-occupations: 2 rows read, 2 created, 0 updated, 0 unchanged" in page
    assert critical(session, partnership) == 2


def test_a_bad_upload_lists_every_problem_and_offers_the_report(
    client, session, editor, partnership
):
    content = filled(
        session,
        "critical-occupations",
        {"Critical occupations": [["29-1141", 1, 30, None], ["29-206", "=1+1", 12, None]]},
    )
    url = f"/partnerships/{partnership.slug}/import"
    response = upload(client, url, ("critical-occupations.xlsx", content))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "critical-occupations.xlsx: 2 problems; nothing was imported" in page
    assert "Critical occupations, row 4, column SOC: &#39;29-206&#39; is not a SOC code" in page
    assert "Critical occupations, row 4, column Priority: formulas are not imported" in page
    assert critical(session, partnership) == 0
    fields = form_fields(page)
    report = client.post(
        "/import/errors.csv",
        data={"csrf_token": fields["csrf_token"], "problems": fields["problems"]},
    )
    assert report.status_code == 200
    assert report.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(report.data.decode("utf-8-sig"))))
    assert rows[0] == ["sheet", "row", "column", "message"]
    assert rows[1][:3] == ["Critical occupations", "4", "Priority"]
    assert rows[2] == [
        "Critical occupations",
        "4",
        "SOC",
        "'29-206' is not a SOC code (expected NN-NNNN)",
    ]


def test_the_wrong_template_for_the_page_is_refused(client, session, editor, partnership):
    content = filled(session, "programs", {})
    response = upload(client, f"/partnerships/{partnership.slug}/import", ("p.xlsx", content))
    assert response.status_code == 422
    assert "p.xlsx is a programs template; critical-occupations or pathway here" in (
        response.get_data(as_text=True)
    )


def test_an_oversize_upload_is_refused_before_it_is_read(client, editor, partnership):
    # Refused on its Content-Length alone, before CSRF protection or the form reads a byte.
    body = b"--x\r\n" + b"x" * (MAX_UPLOAD_BYTES + 100 * 1024)
    response = client.post(
        f"/partnerships/{partnership.slug}/import",
        data=body,
        content_type="multipart/form-data; boundary=x",
    )
    assert response.status_code == 413
    assert "Uploads are limited to 10 MB." in response.get_data(as_text=True)


def test_without_the_csrf_token_nothing_happens(client, session, editor, partnership):
    content = filled(
        session, "critical-occupations", {"Critical occupations": [["29-1141", 1, 30, None]]}
    )
    response = upload(
        client, f"/partnerships/{partnership.slug}/import", ("c.xlsx", content), token="forged"
    )
    assert response.status_code == 400
    assert critical(session, partnership) == 0


def test_sign_in_and_scope_are_required(client, session, partnership):
    url = f"/partnerships/{partnership.slug}/import"
    assert client.get(url).status_code == 302  # to the sign-in page
    other = make_partnership(session)
    force_sign_in(client, make_user(session, role=Role.PARTNERSHIP_EDITOR, partnerships=[other]))
    assert client.get(url).status_code == 403
    provider = make_provider(session)
    assert client.get(f"/providers/{provider.id}/import").status_code in (403, 404)


def test_a_provider_editor_imports_programs_on_the_providers_page(client, session):
    provider = make_provider(session)
    force_sign_in(client, make_user(session, role=Role.PROVIDER_EDITOR, providers=[provider]))
    content = filled(
        session,
        "programs",
        {
            "Programs": [
                [
                    "Nursing",
                    "51.3901",
                    "associate",
                    "hybrid",
                    None,
                    64,
                    60,
                    12000,
                    30,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                ]
            ]
        },
    )
    url = f"/providers/{provider.id}/import"
    assert "programs.xlsx" in client.get(url).get_data(as_text=True)
    assert upload(client, url, ("programs.xlsx", content)).status_code == 302
    query = sa.select(Program.title).where(Program.provider_id == provider.id)
    assert session.scalars(query).all() == ["Nursing"]

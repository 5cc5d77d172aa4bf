"""Uploading filled-in templates: `/partnerships/<slug>/import` takes critical-occupations and
pathway workbooks, `/providers/<id>/import` programs workbooks (their editors and admins);
`/templates/<file>` serves the blank templates (.xlsx, and a CSV per sheet) to anyone.

An upload is imported all or nothing. A rejected one comes back (422) with every problem by
sheet, row and column, and a button that downloads them as a CSV error report: the page posts
the problems back to `/import/errors.csv`, so nothing is kept on the server between the two."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask.blueprints import BlueprintSetupState
from flask.typing import ResponseReturnValue
from flask_login import login_required
from flask_wtf import FlaskForm
from wtforms import HiddenField, MultipleFileField

from pathways.domain.access import Operation, Resource, Target, require
from pathways.domain.errors import InvalidInput
from pathways.domain.workbooks import (
    MAX_UPLOAD_BYTES,
    SHOWN_PROBLEMS,
    Problem,
    WorkbookRejected,
    error_report,
)
from pathways.importers.workbook import Upload, import_workbook
from pathways.importers.workbook_columns import TEMPLATES
from pathways.importers.workbook_templates import (
    credential_choices,
    find_download,
    template_csv,
    template_files,
    template_xlsx,
)
from pathways.services.partnerships import get_partnership, target
from pathways.services.providers import get_provider
from pathways.sessions import request_session
from pathways.web.users import current_actor

bp = Blueprint("import_pages", __name__)
ID = "int(max=2147483647)"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PARTNERSHIP_KINDS = ("critical-occupations", "pathway")
# The whole request: the files and the form around them (a few kilobytes).
REQUEST_LIMIT = MAX_UPLOAD_BYTES + 64 * 1024
LIMIT_TEXT = f"Uploads are limited to {MAX_UPLOAD_BYTES // (1024 * 1024)} MB."


class UploadForm(FlaskForm):  # type: ignore[misc]
    files = MultipleFileField(
        "Workbook or CSV files",
        description="One .xlsx file, or the CSV files of one template's sheets. " + LIMIT_TEXT,
    )


class ReportForm(FlaskForm):  # type: ignore[misc]
    problems = HiddenField()


@bp.get("/templates/<name>")
def download(name: str) -> Response:
    found = find_download(name)
    if found is None:
        abort(404)
    template, sheet = found
    if sheet is None:
        content, mimetype = template_xlsx(template, credential_choices(request_session())), XLSX
    else:
        content, mimetype = template_csv(template, sheet), "text/csv; charset=utf-8"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(content, mimetype=mimetype, headers=headers)


@bp.route("/partnerships/<slug>/import", methods=["GET", "POST"])
@login_required
def partnership_import(slug: str) -> ResponseReturnValue:
    partnership = get_partnership(session=request_session(), slug=slug)
    require(current_actor(), Operation.UPDATE, target(partnership))
    where = {"name": partnership.name, "kinds": PARTNERSHIP_KINDS,
             "back": f"/partnerships/{slug}", "report": url_for(".report")}  # fmt: skip
    return _import(where, partnership=slug)


@bp.route(f"/providers/<{ID}:provider_id>/import", methods=["GET", "POST"])
@login_required
def provider_import(provider_id: int) -> ResponseReturnValue:
    provider = get_provider(session=request_session(), provider_id=provider_id)
    require(current_actor(), Operation.CREATE, Target(Resource.PROGRAM, provider_id=provider.id))
    where = {"name": provider.name, "kinds": ("programs",), "back": f"/providers/{provider_id}",
             "report": url_for(".report")}  # fmt: skip
    return _import(where, provider=provider_id)


@bp.post("/import/errors.csv")
@login_required
def report() -> Response:
    """The problems the failed upload's page listed, as a CSV file to download."""
    form = ReportForm()
    if not form.validate_on_submit():
        abort(400, "the form is out of date; upload the file again")
    try:
        rows = json.loads(form.problems.data or "[]")
        problems = [Problem(str(s), int(r) if r is not None else None, c, str(m))
                    for s, r, c, m in rows]  # fmt: skip
    except (ValueError, TypeError):
        abort(400, "the error report could not be read; upload the file again")
    headers = {"Content-Disposition": 'attachment; filename="import-errors.csv"'}
    return Response(error_report(problems), mimetype="text/csv; charset=utf-8", headers=headers)


@bp.record_once
def _limit_first(state: BlueprintSetupState) -> None:
    state.app.before_request_funcs.setdefault(None, []).insert(0, limit_uploads)


def limit_uploads() -> None:
    """Refuse an upload over the limit (413) before anything reads it. This runs before every
    other hook, since CSRF protection reads the form before any view does."""
    if request.method == "POST" and request.path.endswith("/import"):
        request.max_content_length = REQUEST_LIMIT  # also for bodies sent without a length
        if (request.content_length or 0) > REQUEST_LIMIT:
            abort(413, LIMIT_TEXT)


def _import(where: dict[str, Any], **target_of: Any) -> ResponseReturnValue:
    form = UploadForm()
    if not form.validate_on_submit():
        return _page(where, form, status=400 if form.is_submitted() else 200)
    uploads = [
        Upload(upload.filename or "upload", upload.read())
        for upload in request.files.getlist(form.files.name)
        if upload.filename
    ]
    session = request_session()
    try:
        summary = import_workbook(session, uploads, actor=current_actor(),
                                  accepted=where["kinds"], **target_of)  # fmt: skip
    except WorkbookRejected as rejected:
        session.rollback()
        return _page(where, form, rejected=rejected, status=422)
    except InvalidInput as error:
        session.rollback()
        return _page(where, form, error=error.message, status=422)
    session.commit()
    for line in summary.lines():
        flash(line)
    return redirect(request.path)


def _page(
    where: dict[str, Any],
    form: UploadForm,
    *,
    rejected: WorkbookRejected | None = None,
    error: str | None = None,
    status: int = 200,
) -> ResponseReturnValue:
    report_form = None
    if rejected is not None:
        kept = [[p.sheet, p.row, p.column, p.message] for p in rejected.problems]
        report_form = ReportForm(formdata=None, problems=json.dumps(kept))
    downloads = [
        (TEMPLATES[kind].title, template_files(TEMPLATES[kind])) for kind in where["kinds"]
    ]
    page = render_template(
        "pages/import.html", where=where, form=form, rejected=rejected, error=error,
        shown=rejected.lines(SHOWN_PROBLEMS) if rejected else [], report_form=report_form,
        downloads=downloads,
    )  # fmt: skip
    return page, status

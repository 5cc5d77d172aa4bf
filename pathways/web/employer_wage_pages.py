"""Wages member employers report for a critical occupation: record, correct and remove them
from the critical-occupation editor (`/partnerships/<slug>/occupations`), where they are shown
beside the BLS regional wages. Same rules as the rest of the editor: the version each form was
loaded at, 409 on a stale save, 422 with the message beside the field and the typed values."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_login import login_required

from pathways.domain.errors import InvalidInput, PreconditionFailed
from pathways.services.employer_wages import (
    add_employer_wage,
    remove_employer_wage,
    update_employer_wage,
)
from pathways.sessions import request_session
from pathways.web.critical_occupation_pages import (
    RemoveForm,
    Stale,
    WageForm,
    attach,
    named,
    render_page,
    tried,
)
from pathways.web.users import current_actor

bp = Blueprint("employer_wage_pages", __name__, url_prefix="/partnerships/<slug>")


@bp.post("/occupations/<soc>/wages")
@login_required
def add(slug: str, soc: str) -> ResponseReturnValue:
    session = request_session()
    prefix = f"wage-new-{soc}"
    form = WageForm(prefix=prefix)
    if not form.validate():
        return render_page(slug, forms={prefix: form}, status=422)
    try:
        add_employer_wage(
            session=session, actor=current_actor(), slug=slug, values={"soc": soc, **form.values()}
        )
    except InvalidInput as error:
        session.rollback()
        attach(form, error.errors)
        return render_page(slug, forms={prefix: form}, status=422)
    session.commit()
    flash(f"Recorded employer wages for {named(soc)}.")
    return redirect(url_for("critical_occupation_pages.page", slug=slug, _anchor=f"wages-{soc}"))


@bp.get("/employer-wages/<int(max=2147483647):wage_id>/edit")
@login_required
def edit(slug: str, wage_id: int) -> ResponseReturnValue:
    """The editor page with this report's form open in its occupation's wage table."""
    return render_page(slug, editing=wage_id)


@bp.post("/employer-wages/<int(max=2147483647):wage_id>")
@login_required
def update(slug: str, wage_id: int) -> ResponseReturnValue:
    session = request_session()
    prefix = f"wage-{wage_id}"
    form = WageForm(prefix=prefix)
    if form.version.data is None:
        abort(400, "the form does not say which version it edits; reload the page")
    if not form.validate():
        return render_page(slug, forms={prefix: form}, status=422)
    try:
        report = update_employer_wage(
            session=session, actor=current_actor(), slug=slug, wage_id=wage_id,
            expected_version=form.version.data, changes=form.values(),
        )  # fmt: skip
    except PreconditionFailed:
        session.rollback()
        return render_page(
            slug, stale=Stale(f"employer wage report {wage_id}", tried(form)), status=409
        )
    except InvalidInput as error:
        session.rollback()
        attach(form, error.errors)
        return render_page(slug, forms={prefix: form}, status=422)
    soc = report.soc_code
    session.commit()
    flash(f"Saved the employer wages for {named(soc)}.")
    return redirect(url_for("critical_occupation_pages.page", slug=slug, _anchor=f"wages-{soc}"))


@bp.post("/employer-wages/<int(max=2147483647):wage_id>/remove")
@login_required
def remove(slug: str, wage_id: int) -> ResponseReturnValue:
    session = request_session()
    form = RemoveForm(prefix=f"wage-remove-{wage_id}")
    if not form.validate() or form.version.data is None:
        abort(400, "the form does not say which version it removes; reload the page")
    try:
        remove_employer_wage(
            session=session, actor=current_actor(), slug=slug, wage_id=wage_id,
            expected_version=form.version.data,
        )  # fmt: skip
    except PreconditionFailed:
        session.rollback()
        stale = Stale(f"employer wage report {wage_id}", [("Remove", "yes")])
        return render_page(slug, stale=stale, status=409)
    session.commit()
    flash("Removed the employer wage report.")
    return redirect(url_for("critical_occupation_pages.page", slug=slug))

"""The industry team's critical-occupation editor: `/partnerships/<slug>/occupations` lists the
partnership's critical occupations, each row with its own form (priority, openings, notes) and a
Remove button, a form to add one, and per occupation the BLS regional wages beside the wages
member employers report (the report forms post to `employer_wage_pages`).

Every form carries the version it was loaded at; a save that meets a newer one is refused with
a 409 page showing what was tried. Bad input is a 422 page with the message beside the field and
every typed value kept: the page is re-rendered with the submitted form in place of its fresh
twin."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import login_required
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField, StringField, TextAreaField

# The stubs lag WTForms 3.3, where SelectChoice replaced (value, label) tuples.
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]
from wtforms.validators import InputRequired, Length, Optional
from wtforms.widgets import HiddenInput

from pathways.domain.access import Operation, require
from pathways.domain.errors import Conflict, InvalidInput, PreconditionFailed
from pathways.domain.wages import MARKER_TEXT, WageEstimate, WageMarker
from pathways.services.critical_occupations import add_critical, remove_critical, update_critical
from pathways.services.employer_wages import list_employer_wages
from pathways.services.occupations import titles_of
from pathways.services.partnerships import get_partnership, target
from pathways.services.wages import estimates_at, wage_place
from pathways.sessions import request_session
from pathways.web.forms import MoneyField
from pathways.web.pickers import picked_occupation
from pathways.web.users import current_actor

bp = Blueprint("critical_occupation_pages", __name__, url_prefix="/partnerships/<slug>")
TEMPLATE = "pages/critical_occupations.html"


class CriticalFields(FlaskForm):  # type: ignore[misc]
    priority = IntegerField(
        "Priority", validators=[InputRequired()], description="1 is the most urgent, up to 99"
    )
    annual_openings = IntegerField(
        "Openings per year", validators=[Optional()],
        description="How many people the partnership's employers expect to hire each year",
    )  # fmt: skip
    notes = TextAreaField("Notes", validators=[Length(max=5000)])


class CriticalForm(CriticalFields):
    version = IntegerField(
        validators=[Optional()], widget=HiddenInput()
    )  # the version this edit was made to


class AddCriticalForm(CriticalFields):
    occupation = StringField(
        "Occupation", validators=[InputRequired(), Length(max=300)],
        description="Type a title or a SOC code, such as 29-1141 Registered Nurses",
    )  # fmt: skip


class RemoveForm(FlaskForm):  # type: ignore[misc]
    version = IntegerField(validators=[Optional()], widget=HiddenInput())


class WageForm(FlaskForm):  # type: ignore[misc]
    pay_basis = SelectField(
        "Pay basis",
        choices=[SelectChoice("hourly", "Per hour"), SelectChoice("annual", "Per year")],
    )
    entry = MoneyField("Entry wage", validators=[Optional()], description="US dollars")
    median = MoneyField("Median wage", validators=[Optional()])
    experienced = MoneyField("Experienced wage", validators=[Optional()])
    employer_count = IntegerField("Employers reporting", validators=[InputRequired()])
    reported_on = DateField("As of", validators=[InputRequired()])
    notes = TextAreaField("Notes", validators=[Length(max=5000)])
    version = IntegerField(validators=[Optional()], widget=HiddenInput())  # edits only

    def values(self) -> dict[str, Any]:
        return {name: self[name].data for name in WAGE_FIELDS}


WAGE_FIELDS = ("pay_basis", "entry", "median", "experienced", "employer_count", "reported_on",
               "notes")  # fmt: skip


@dataclass(frozen=True)
class Stale:
    """A save refused because someone changed the item first: what, and what was tried."""

    what: str
    tried: list[tuple[str, str]]


@bp.get("/occupations")
@login_required
def page(slug: str) -> ResponseReturnValue:
    return render_page(slug)


@bp.post("/occupations")
@login_required
def add(slug: str) -> ResponseReturnValue:
    session = request_session()
    form = AddCriticalForm(prefix="add")
    if not form.validate():
        return render_page(slug, forms={"add": form}, status=422)
    priority = form.priority.data
    assert priority is not None  # InputRequired
    try:
        soc = picked_occupation(session, form.occupation.data, field="occupation")
        row = add_critical(
            session=session, actor=current_actor(), slug=slug, soc=soc,
            priority=priority, annual_openings=form.annual_openings.data, notes=form.notes.data,
        )  # fmt: skip
    except InvalidInput as error:
        session.rollback()
        attach(form, error.errors, {"soc": "occupation"})
        return render_page(slug, forms={"add": form}, status=422)
    except Conflict as error:
        session.rollback()
        form.occupation.errors = [*form.occupation.errors, error.message]
        return render_page(slug, forms={"add": form}, status=409)
    title = row.occupation.title
    session.commit()
    flash(f"Added {title} to the critical occupations.")
    return redirect(url_for(".page", slug=slug, _anchor=f"row-{soc}"))


@bp.post("/occupations/<soc>")
@login_required
def update(slug: str, soc: str) -> ResponseReturnValue:
    session = request_session()
    prefix = f"row-{soc}"
    form = CriticalForm(prefix=prefix)
    if form.version.data is None:
        abort(400, "the form does not say which version it edits; reload the page")
    if not form.validate():
        return render_page(slug, forms={prefix: form}, status=422)
    try:
        row = update_critical(
            session=session, actor=current_actor(), slug=slug, soc=soc,
            expected_version=form.version.data,
            changes={"priority": form.priority.data, "annual_openings": form.annual_openings.data,
                     "notes": form.notes.data},
        )  # fmt: skip
    except PreconditionFailed:
        session.rollback()
        return render_page(slug, stale=Stale(soc, tried(form)), status=409)
    except InvalidInput as error:
        session.rollback()
        attach(form, error.errors)
        return render_page(slug, forms={prefix: form}, status=422)
    title = row.occupation.title
    session.commit()
    flash(f"Saved {title}.")
    return redirect(url_for(".page", slug=slug, _anchor=prefix))


@bp.post("/occupations/<soc>/remove")
@login_required
def remove(slug: str, soc: str) -> ResponseReturnValue:
    session = request_session()
    form = RemoveForm(prefix=f"remove-{soc}")
    if not form.validate() or form.version.data is None:
        abort(400, "the form does not say which version it removes; reload the page")
    try:
        remove_critical(
            session=session, actor=current_actor(), slug=slug, soc=soc,
            expected_version=form.version.data,
        )  # fmt: skip
    except PreconditionFailed:
        session.rollback()
        return render_page(slug, stale=Stale(named(soc), [("Remove", "yes")]), status=409)
    title = named(soc)
    session.commit()
    flash(f"Removed {title} from the critical occupations.")
    return redirect(url_for(".page", slug=slug))


def attach(form: FlaskForm, errors: Mapping[str, list[str]], names: Mapping[str, str] = {}) -> None:
    """A service's messages beside the form's fields (under the form when no field matches)."""
    for key, messages in errors.items():
        field = getattr(form, names.get(key, key), None)
        if field is None:
            field = next(f for f in form if f.type not in ("HiddenField", "CSRFTokenField"))
        field.errors = [*field.errors, *messages]


def tried(form: FlaskForm) -> list[tuple[str, str]]:
    """What the user typed, label by label, for the 409 page."""
    skip = ("CSRFTokenField",)
    return [(f.label.text, str(f.raw_data[0] if f.raw_data else (f.data or ""))) for f in form
            if f.type not in skip and f.short_name != "version"]  # fmt: skip


def render_page(
    slug: str,
    *,
    forms: Mapping[str, FlaskForm] = {},
    stale: Stale | None = None,
    editing: int | None = None,
    status: int = 200,
) -> ResponseReturnValue:
    """The whole editor page, with `forms` (by prefix) in place of the fresh forms."""
    session = request_session()
    partnership = get_partnership(session=session, slug=slug)
    require(current_actor(), Operation.UPDATE, target(partnership))
    critical = partnership.critical_occupations
    reports = list_employer_wages(session=session, slug=slug)
    estimates = estimates_at(
        session=session,
        socs=[row.soc_code for row in critical],
        place=wage_place(session=session, region=partnership.region.slug),
    )

    def fresh(prefix: str, kind: type[FlaskForm], **data: Any) -> FlaskForm:
        return forms.get(prefix) or kind(formdata=None, prefix=prefix, data=data)

    rows = []
    for row in critical:
        soc = row.soc_code
        rows.append({
            "soc": soc, "title": row.occupation.title,
            "form": fresh(f"row-{soc}", CriticalForm, priority=row.priority,
                          annual_openings=row.annual_openings, notes=row.notes or "",
                          version=row.version),
            "remove": fresh(f"remove-{soc}", RemoveForm, version=row.version),
            "bls": bls_rows(estimates.get(soc)),
            "estimate": estimates.get(soc),
            "reports": [
                {"report": report, "form": fresh(
                    f"wage-{report.id}", WageForm, version=report.version,
                    **{name: getattr(report, name) for name in WAGE_FIELDS})
                    if editing == report.id or f"wage-{report.id}" in forms else None,
                 "remove": fresh(f"wage-remove-{report.id}", RemoveForm, version=report.version)}
                for report in reports if report.soc_code == soc
            ],
            "wage_form": fresh(f"wage-new-{soc}", WageForm, pay_basis="hourly"),
        })  # fmt: skip
    context = {
        "partnership": partnership, "rows": rows, "stale": stale,
        "region": partnership.region.name,
        "add_form": forms.get("add") or AddCriticalForm(formdata=None, prefix="add", priority=1),
    }  # fmt: skip
    return render_template(TEMPLATE, **context), status


def bls_rows(estimate: WageEstimate | None) -> list[dict[str, Any]]:
    """Hourly and annual entry / median / experienced figures, each an amount or why not."""
    if estimate is None:
        return []
    found = []
    for basis in ("hourly", "annual"):
        levels = estimate.levels(basis)
        figures = {}
        for level in ("entry", "median", "experienced"):
            figure = getattr(levels, level)
            note = MARKER_TEXT[figure.marker] if figure.marker else "not published"
            if figure.marker is WageMarker.TOP_CODED:
                note = "≥ $115.00" if basis == "hourly" else "≥ $239,200"
            figures[level] = {"dollars": figure.dollars, "note": note}
        found.append({"basis": basis, **figures})
    return found


def named(soc: str) -> str:
    """An occupation as people call it in a message: its title, not its code."""
    return titles_of(session=request_session(), socs=[soc]).get(soc, soc)

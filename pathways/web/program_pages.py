"""The school editor: add a program to a provider, change it, delete it (the provider's editors
and admins). The CIP field finds codes as people type (`cip_suggest`); once a code is chosen the
page shows the occupations the CIP↔SOC crosswalk links it to and offers their skills, at the
levels O*NET gives, as rows to confirm, lower or remove. Without JavaScript the "Suggest from
CIP code" and "Remove" buttons re-render the form, writing nothing and keeping what was typed.

Writes go through `services.programs`; the form carries the version it was loaded at (409 on a
stale save), and bad input comes back as a 422 with the message beside its field."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import login_required
from sqlalchemy.orm import Session
from wtforms import Field

from pathways.domain.access import Operation, Resource, Target, require
from pathways.domain.errors import InvalidInput, PreconditionFailed
from pathways.models import Program, Provider
from pathways.services.cip_search import LEADING_CODE, cip_title, picked_cip
from pathways.services.program_editor_pages import credential_choices, skill_names
from pathways.services.program_suggestions import (
    SuggestedSkill,
    occupations_for_cip,
    skills_taught,
    suggested_skills,
)
from pathways.services.programs import (
    create_program,
    delete_program,
    get_program,
    target,
    update_program,
)
from pathways.services.providers import get_provider
from pathways.sessions import request_session
from pathways.web.program_forms import DeleteProgramForm, ProgramForm
from pathways.web.users import current_actor

bp = Blueprint("program_pages", __name__)
ID = "int(max=2147483647)"
TEMPLATE = "pages/program_edit.html"
DELETE_TEMPLATE = "pages/program_delete.html"


@dataclass(frozen=True)
class Crosswalk:
    """What the chosen CIP code suggests: its occupations and their skills, by element ID."""

    code: str
    title: str
    occupations: list[tuple[str, str]]
    skills: dict[str, SuggestedSkill]


@bp.route(f"/providers/<{ID}:provider_id>/programs/new", methods=["GET", "POST"])
@login_required
def new(provider_id: int) -> ResponseReturnValue:
    session = request_session()
    provider = get_provider(session=session, provider_id=provider_id)
    require(current_actor(), Operation.CREATE, Target(Resource.PROGRAM, provider_id=provider.id))
    form = _form(session)
    if not form.is_submitted():
        form.status.data = "active"
        return _page(session, form, provider)
    early = _without_saving(session, form, provider)
    if early is not None:
        return early
    cip = _checked(session, form)
    if cip is None:
        return _page(session, form, provider, status=422)
    try:
        program = create_program(
            session=session, actor=current_actor(),
            values={"provider": provider.id, **form.values(cip)},
            credentials=form.credentials.data or [], skills=form.skill_levels(),
        )  # fmt: skip
    except InvalidInput as error:
        session.rollback()
        _attach(form, error)
        return _page(session, form, provider, status=422)
    program_id, title = program.id, program.title
    session.commit()
    flash(f"Added {title}.")
    return redirect(url_for(".edit", program_id=program_id))


@bp.route(f"/programs/<{ID}:program_id>/edit", methods=["GET", "POST"])
@login_required
def edit(program_id: int) -> ResponseReturnValue:
    session = request_session()
    program = get_program(session=session, program_id=program_id)
    require(current_actor(), Operation.UPDATE, target(program))
    provider = program.provider
    form = _form(session)
    if not form.is_submitted():
        _fill(session, form, program)
        return _page(session, form, provider, program)
    if form.version.data is None:
        abort(400, "the form does not say which version of the program it edits; reload it")
    early = _without_saving(session, form, provider, program)
    if early is not None:
        return early
    cip = _checked(session, form)
    if cip is None:
        return _page(session, form, provider, program, status=422)
    try:
        update_program(
            session=session, actor=current_actor(), program_id=program_id,
            expected_version=form.version.data, changes=form.values(cip),
            credentials=form.credentials.data or [], skills=form.skill_levels(),
        )  # fmt: skip
    except PreconditionFailed:
        session.rollback()
        current = get_program(session=session, program_id=program_id)
        fresh = _form(session, formdata=None)
        _fill(session, fresh, current)
        return _page(session, fresh, provider, current, stale=_tried(form), status=409)
    except InvalidInput as error:
        session.rollback()
        _attach(form, error)
        return _page(session, form, provider, program, status=422)
    title = form.title.data
    session.commit()
    flash(f"Saved {title}.")
    return redirect(url_for(".edit", program_id=program_id))


def _form(session: Session, **options: object) -> ProgramForm:
    form = ProgramForm(**options)
    form.offer(credential_choices(session=session))
    return form


def _fill(session: Session, form: ProgramForm, program: Program) -> None:
    label = f"{program.cip_code} {cip_title(session=session, code=program.cip_code) or ''}"
    form.fill(program, label.strip(), skills_taught(session=session, program_id=program.id))


def _without_saving(
    session: Session, form: ProgramForm, provider: Provider, program: Program | None = None
) -> ResponseReturnValue | None:
    """The buttons that change the form, not the program: "Remove" on a skill row, and
    "Suggest from CIP code", which adds the code's suggested skills not listed yet."""
    removed = request.form.get("remove_skill")
    if removed is not None:
        form.skills.entries = [row for row in form.skills.entries if row.skill.data != removed]
        return _page(session, form, provider, program)
    if request.form.get("action") != "suggest":
        return None
    try:
        code = picked_cip(session=session, text=form.cip.data or "")
    except InvalidInput as error:
        _attach(form, error)
        return _page(session, form, provider, program, status=422)
    form.cip.data = f"{code} {cip_title(session=session, code=code) or ''}".strip()
    listed = {row.skill.data for row in form.skills}
    for skill in suggested_skills(session=session, cip=code):
        if skill.element_id not in listed:
            form.skills.append_entry({"skill": skill.element_id, "level": round(skill.level, 2)})
    return _page(session, form, provider, program)


def _checked(session: Session, form: ProgramForm) -> str | None:
    """The CIP code the form names, after the form's own checks; None (errors on the form)
    when anything is wrong, so every message shows at once."""
    valid = form.validate()
    try:
        return picked_cip(session=session, text=form.cip.data or "") if valid else None
    except InvalidInput as error:
        _attach(form, error)
        return None


def _attach(form: ProgramForm, error: InvalidInput) -> None:
    """The service's messages beside the fields they name (`skills[2].level` → that row)."""
    for key, messages in error.errors.items():
        field: Field | None = getattr(form, key, None)
        if key.startswith("skills["):
            index, _, part = key.removeprefix("skills[").partition("].")
            rows = form.skills.entries
            field = rows[int(index)][part] if index.isdigit() and int(index) < len(rows) else None
        if key == "cost":
            messages = ["from $0 to $1,000,000"]
        target_field = field if field is not None else form.title
        target_field.errors = [*target_field.errors, *messages]


def _tried(form: ProgramForm) -> list[tuple[str, str]]:
    plain = [form.title, form.cip, form.award_level, form.length_weeks, form.credit_hours,
             form.cost, form.modality, form.schedule, form.seats_per_year, form.status,
             form.next_start]  # fmt: skip
    tried = [(f.label.text, str(f.raw_data[0]) if f.raw_data else "") for f in plain]
    return [*tried, ("Skills taught", f"{len(form.skills.entries)} skills")]


def _crosswalk(session: Session, text: str) -> Crosswalk | None:
    """The suggestions of the code the CIP field names, when it names one of the catalog."""
    leading = LEADING_CODE.match((text or "").strip())
    code = leading.group(1) if leading else None
    title = None if code is None else cip_title(session=session, code=code)
    if code is None or title is None or len(code) != 7:
        return None
    skills = {skill.element_id: skill for skill in suggested_skills(session=session, cip=code)}
    return Crosswalk(code, title, occupations_for_cip(session=session, cip=code), skills)


def _page(
    session: Session,
    form: ProgramForm,
    provider: Provider,
    program: Program | None = None,
    *,
    stale: list[tuple[str, str]] | None = None,
    status: int = 200,
) -> ResponseReturnValue:
    names = skill_names(session=session, element_ids=[row.skill.data for row in form.skills])
    page = render_template(
        TEMPLATE, form=form, provider=provider, program=program, stale=stale,
        crosswalk=_crosswalk(session, form.cip.data or ""), names=names,
    )  # fmt: skip
    return page, status


@bp.route(f"/programs/<{ID}:program_id>/delete", methods=["GET", "POST"])
@login_required
def delete(program_id: int) -> ResponseReturnValue:
    """A page that asks first; the POST names the version it was shown."""
    session = request_session()
    program = get_program(session=session, program_id=program_id)
    require(current_actor(), Operation.DELETE, target(program))
    form = DeleteProgramForm()
    if not form.is_submitted():
        form.version.data = program.version
        return render_template(DELETE_TEMPLATE, form=form, program=program, stale=False)
    if not form.validate() or form.version.data is None:
        abort(400, "the form does not say which version of the program it deletes; reload it")
    provider_id, title = program.provider_id, program.title
    try:
        delete_program(
            session=session, actor=current_actor(), program_id=program_id,
            expected_version=form.version.data,
        )  # fmt: skip
    except PreconditionFailed:
        session.rollback()
        current = get_program(session=session, program_id=program_id)
        fresh = DeleteProgramForm(formdata=None, version=current.version)
        page = render_template(DELETE_TEMPLATE, form=fresh, program=current, stale=True)
        return page, 409
    session.commit()
    flash(f"Deleted {title}.")
    return redirect(f"/providers/{provider_id}")

"""The pathway editor, behind login: start a pathway, lay out its steps and transitions, see
the diagram as you go, publish. Every write goes through `services.pathways` with the version
tag the form was loaded at, as the API's If-Match does: a save that meets a newer version is a
409 page that shows what you tried and writes nothing."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, flash, jsonify, redirect, render_template, request
from flask.typing import ResponseReturnValue
from flask_login import login_required
from sqlalchemy.orm import Session

from pathways import printing
from pathways.domain.access import Actor
from pathways.domain.errors import Conflict, InvalidInput, PreconditionFailed
from pathways.domain.flyers import DiagramFormat
from pathways.models import Pathway
from pathways.render.diagrams import render_diagram
from pathways.services.pathway_drafts import (
    creatable_partnership,
    credential_choices,
    draft_diagram,
    editable_partnerships,
    editable_pathway,
    free_slug,
)
from pathways.services.pathways import create_pathway, publish_pathway, tag, update_pathway
from pathways.sessions import request_session
from pathways.web.forms import choices as as_choices
from pathways.web.pathway_drafting import Draft, attach, draft_of, form_field, form_of, merge
from pathways.web.pathway_forms import PathwayEditForm, PathwayNewForm, choice_labels
from pathways.web.renders import SVG_POLICY
from pathways.web.users import current_actor

bp = Blueprint("pathway_editor", __name__)


@bp.route("/pathways/new", methods=["GET", "POST"])
@login_required
def new() -> ResponseReturnValue:
    session, actor = request_session(), current_actor()
    choices = editable_partnerships(session=session, actor=actor)
    if not choices:
        abort(403, "you may not start pathways in any partnership")
    form = PathwayNewForm()
    form.partnership.choices = as_choices([(p.slug, p.name) for p in choices])
    if not form.is_submitted():
        form.partnership.data = request.args.get("partnership") or choices[0].slug
        return render_template("pages/pathway_new.html", form=form)
    if not form.validate():
        return render_template("pages/pathway_new.html", form=form), 422
    partnership = creatable_partnership(session=session, actor=actor, slug=form.partnership.data)
    try:
        pathway = create_pathway(
            session=session, actor=actor, partnership=partnership.slug,
            slug=free_slug(session=session, title=form.title.data or ""),
            title=form.title.data or "",
            summary=form.summary.data,
        )  # fmt: skip
    except InvalidInput as error:
        session.rollback()
        for name, messages in error.errors.items():
            target = getattr(form, "title" if name == "slug" else name, form.title)
            target.errors = [*target.errors, *messages]
        return render_template("pages/pathway_new.html", form=form), 422
    session.commit()
    flash(f"Created the draft “{pathway.title}”. Add its steps below.")
    return redirect(f"/pathways/{pathway.slug}/edit")


@bp.route("/pathways/<slug>/edit", methods=["GET", "POST"])
@login_required
def edit(slug: str) -> ResponseReturnValue:
    session, actor = request_session(), current_actor()
    head, head_tag = editable_pathway(session=session, actor=actor, slug=slug)
    if request.method == "GET":
        return _page(session, head, form_of(head, head_tag))
    draft = draft_of(session, request.form, actions=True)
    if not draft.form.version.data:
        abort(400, "the form does not say which version of the pathway it edits; reload it")
    publishing = request.form.get("action") == "publish"
    if draft.graph is None:
        return _page(session, head, draft.form, draft.errors), 422
    changes = {"title": draft.form.title.data, "summary": draft.form.summary.data,
               "graph": draft.graph}  # fmt: skip
    try:
        saved = update_pathway(
            session=session, actor=actor, slug=slug, expected_tag=draft.form.version.data,
            changes=changes,
        )  # fmt: skip
        if publishing:
            saved = publish_pathway(
                session=session, actor=actor, slug=slug, expected_tag=tag(saved)
            )
    except PreconditionFailed:
        return _stale(session, actor, slug, draft)
    except Conflict as error:  # publishing what is published already
        session.rollback()
        return _page(session, head, draft.form, {"form": [str(error)]}), 409
    except InvalidInput as error:
        session.rollback()
        errors: dict[str, list[str]] = {}
        merge(errors, error.errors or {"form": [str(error)]})
        return _page(session, head, draft.form, errors), 422
    session.commit()
    if publishing:
        printing.published(saved.slug)
        flash(f"Published version {saved.number} of “{saved.title}”.")
        return redirect(f"/pathways/{saved.slug}")
    flash("Saved the draft.")
    return redirect(f"/pathways/{slug}/edit")


@bp.post("/pathways/<slug>/preview.svg")
@login_required
def preview(slug: str) -> ResponseReturnValue:
    """The diagram of the form as it is now, without saving: the SVG, or 422 with the
    problems by form field id (what a save would say). Nothing is written."""
    session, actor = request_session(), current_actor()
    editable_pathway(session=session, actor=actor, slug=slug)
    draft = draft_of(session, request.form, actions=False)
    problems = {**draft.errors, **_field_errors(draft.form)}
    if draft.graph is not None and not problems:
        try:
            diagram = draft_diagram(
                session=session, actor=actor, slug=slug,
                title=draft.form.title.data or "", graph=draft.graph,
            )  # fmt: skip
        except InvalidInput as error:
            problems = {form_field(name): messages for name, messages in error.errors.items()}
        else:
            session.rollback()  # nothing was written; nothing may be
            svg = render_diagram(diagram, DiagramFormat.SVG)
            return Response(svg, mimetype="image/svg+xml",
                            headers={"Content-Security-Policy": SVG_POLICY,
                                     "Cache-Control": "no-store"})  # fmt: skip
    session.rollback()
    response = jsonify({"errors": problems})
    response.status_code = 422
    return response


def _field_errors(form: PathwayEditForm) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for top in form:
        for entry in top.entries if hasattr(top, "entries") else [top]:
            for sub in entry.form if hasattr(entry, "form") else [entry]:
                if sub.errors and sub.id != "csrf_token":
                    found[sub.id] = list(sub.errors)
    return found


def _page(
    session: Session,
    head: Pathway,
    form: PathwayEditForm,
    errors: dict[str, list[str]] | None = None,
    stale: dict[str, Any] | None = None,
) -> str:
    left = attach(form, errors or {})
    options = as_choices(credential_choices(session=session))
    form.add_transition.form.credentials.choices = options
    for entry in form.transitions:
        entry.form.credentials.choices = options
    step_names = choice_labels(form.add_transition.form.source)
    return render_template(
        "pages/pathway_edit.html", form=form, pathway=head, left=left, stale=stale,
        summary=_summary(form, left), step_names=step_names,
    )  # fmt: skip


def _summary(form: PathwayEditForm, left: dict[str, list[str]]) -> list[tuple[str, str, str]]:
    """Every problem, (field id, what it is, message), in page order, for the list on top."""
    found: list[tuple[str, str, str]] = []
    for field_id, messages in _field_errors(form).items():
        found.extend((field_id, _what(form, field_id), message) for message in messages)
    for field_id, messages in left.items():
        found.extend((field_id, _what(form, field_id), message) for message in messages)
    return found


def _what(form: PathwayEditForm, field_id: str) -> str:
    section, _, rest = field_id.partition("-")
    number, _, name = rest.partition("-")
    labels = {"steps": "Step", "transitions": "Transition", "add_step": "New step",
              "add_transition": "New transition"}  # fmt: skip
    if section not in labels:
        return {"title": "Title", "summary": "Description"}.get(field_id, "Pathway")
    if section.startswith("add_"):
        return f"{labels[section]}, {number.replace('_', ' ')}"
    where = f"{labels[section]} {int(number) + 1}" if number.isdigit() else labels[section]
    return f"{where}, {name.replace('_', ' ')}" if name else where


def _stale(session: Session, actor: Actor, slug: str, draft: Draft) -> ResponseReturnValue:
    """Someone saved meanwhile: show the pathway as it is now, and what was tried, unsaved."""
    session.rollback()
    head, head_tag = editable_pathway(session=session, actor=actor, slug=slug)
    tried = draft.form
    names = draft.step_names
    stale = {
        "title": tried.title.data,
        "summary": tried.summary.data,
        "steps": [entry.form.label.data or entry.form.occupation.data for entry in tried.steps],
        "transitions": [
            f"{names.get(move.source.data, move.source.data)} → "
            f"{names.get(move.target.data, move.target.data)}"
            for move in (entry.form for entry in tried.transitions)
        ],
    }
    return _page(session, head, form_of(head, head_tag), stale=stale), 409

"""From a submitted pathway editor form to the graph the services take, and back: the row
actions (remove, add), the occupations picked by title, generated step keys, and the messages
of the services put beside the field of the row they are about."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session
from werkzeug.datastructures import MultiDict

from pathways.domain.errors import InvalidInput
from pathways.domain.pathways import PathwayGraph, StepSpec, TransitionSpec
from pathways.domain.vocabulary import TransitionKind
from pathways.models import Pathway
from pathways.services.pathway_drafts import occupation_titles, slug_from
from pathways.web.forms import choices
from pathways.web.pathway_forms import (
    PathwayEditForm,
    Rows,
    cents,
    formdata_of,
    is_blank,
    rows_of,
    whole,
)
from pathways.web.pickers import LEADING_SOC, picked_occupation

Errors = dict[str, list[str]]
# A service's field within a row → the form field that shows it.
ROW_FIELDS = {"soc": "occupation", "key": "occupation", "from": "source", "to": "target",
              "cost_cents": "cost"}  # fmt: skip
SERVICE_FIELD = re.compile(r"(steps|transitions)\[(\d+)\](?:\.(\w+))?")


@dataclass
class Draft:
    """A submitted editor form after its row actions: the form to show again, the graph to
    save (None while there are problems) and every problem by form field id."""

    form: PathwayEditForm
    graph: PathwayGraph | None
    errors: Errors = field(default_factory=dict)
    step_names: dict[str, str] = field(default_factory=dict)  # step key → what people call it


def apply_actions(rows: Rows, submitted: Mapping[str, str], action: str, errors: Errors) -> None:
    """ "Remove" drops a row (a step with the transitions that use it); "Add step" and "Add
    transition" — or any button while the add row is filled in — append the add row."""
    removed_step = _index(submitted.get("remove_step"), len(rows.steps))
    if removed_step is not None:
        key = rows.steps.pop(removed_step)["key"]
        if key:
            rows.transitions = [
                move for move in rows.transitions if key not in (move["source"], move["target"])
            ]
    removed_move = _index(submitted.get("remove_transition"), len(rows.transitions))
    if removed_move is not None:
        rows.transitions.pop(removed_move)
    if action == "add_step" or not is_blank(rows.add_step, "occupation", "label"):
        if is_blank(rows.add_step, "occupation"):
            errors["add_step-occupation"] = ["type an occupation to add a step"]
        else:
            rows.steps.append({**rows.add_step, "key": "", "stage": rows.add_step["stage"] or "1"})
            rows.add_step = {}
    if action == "add_transition" or not is_blank(rows.add_transition, "source", "target"):
        for end, words in (("source", "it leads from"), ("target", "it leads to")):
            if is_blank(rows.add_transition, end):
                errors[f"add_transition-{end}"] = [f"pick the step {words}"]
        if not any(name.startswith("add_transition") for name in errors):
            rows.transitions.append(rows.add_transition)
            rows.add_transition = {}


def _index(text: str | None, count: int) -> int | None:
    """The row number a "Remove" button sent, when there is such a row."""
    number = whole(text) if text else None
    return number if number is not None and 0 <= number < count else None


def draft_of(session: Session, submitted: MultiDict[str, str], *, actions: bool) -> Draft:
    """The form bound to the submitted values (after the row actions when `actions`), the
    occupations resolved, and the graph when nothing is wrong with them."""
    rows, errors = rows_of(submitted), Errors()
    if actions:
        apply_actions(rows, submitted, submitted.get("action", "save"), errors)
    socs: list[str | None] = []
    for i, row in enumerate(rows.steps):
        try:
            socs.append(
                picked_occupation(session, row["occupation"], field=f"steps-{i}-occupation")
            )
        except InvalidInput as error:
            socs.append(None)
            merge(errors, error.errors)
    titles = occupation_titles(session=session, socs={soc for soc in socs if soc})
    _name_new_steps(rows, socs, titles)
    common = {
        name: submitted.get(name, "") for name in ("csrf_token", "title", "summary", "version")
    }
    form = PathwayEditForm(formdata=formdata_of(rows, common))
    set_choices(form, rows, socs, titles)
    form.validate()
    graph = None if errors or _has_errors(form) else _graph(rows, socs, errors)
    names = {
        row["key"]: step_title(row, soc, titles) for row, soc in zip(rows.steps, socs, strict=True)
    }
    return Draft(form, graph, errors, names)


def form_of(pathway: Pathway, version_tag: str) -> PathwayEditForm:
    """The editor form of a saved version, as the page first shows it."""
    rows = Rows(
        steps=[
            {"key": s.key, "occupation": f"{s.soc_code} {s.occupation.title}",
             "label": s.label or "", "stage": str(s.stage)}
            for s in pathway.steps
        ],
        transitions=[
            {"source": m.source.key, "target": m.target.key, "kind": m.kind.value,
             "credentials": [str(c.id) for c in m.credentials],
             "months_training": str(m.months_training),
             "months_experience": str(m.months_experience), "cost": f"{m.cost / 100:.2f}",
             "earn_while_you_learn": "y" if m.earn_while_you_learn else "", "notes": m.notes or ""}
            for m in pathway.transitions
        ],
    )  # fmt: skip
    common = {"title": pathway.title, "summary": pathway.summary or "", "version": version_tag}
    form = PathwayEditForm(formdata=formdata_of(rows, common))
    titles = {s.soc_code: s.occupation.title for s in pathway.steps}
    set_choices(form, rows, [s.soc_code for s in pathway.steps], titles)
    return form


def set_choices(
    form: PathwayEditForm, rows: Rows, socs: list[str | None], titles: Mapping[str, str]
) -> None:
    steps = choices(
        [("", "— choose a step —")]
        + [
            (row["key"], step_title(row, soc, titles))
            for row, soc in zip(rows.steps, socs, strict=True)
            if row["key"]
        ]
    )
    for move in [*(entry.form for entry in form.transitions), form.add_transition.form]:
        move.source.choices = steps
        move.target.choices = steps


def step_title(row: Mapping[str, str], soc: str | None, titles: Mapping[str, str]) -> str:
    """What people call the step: its own name on the pathway, else its occupation's title."""
    if row.get("label", "").strip():
        return row["label"].strip()
    if soc and soc in titles:
        return titles[soc]
    return LEADING_SOC.sub("", row.get("occupation", "")).strip() or "(no occupation yet)"


def merge(errors: Errors, more: Mapping[str, list[str]]) -> None:
    for name, messages in more.items():
        errors.setdefault(form_field(name), []).extend(messages)


def form_field(name: str) -> str:
    """A service's field name as the id of the form field that shows it: `steps[2].soc` →
    `steps-2-occupation`, `transitions[0]` → `transitions-0` (the row itself)."""
    found = SERVICE_FIELD.fullmatch(name)
    if found is None:
        return name
    section, index, attribute = found.groups()
    if attribute is None:
        return f"{section}-{index}"
    return f"{section}-{index}-{ROW_FIELDS.get(attribute, attribute)}"


def attach(form: PathwayEditForm, errors: Errors) -> Errors:
    """Each message beside its field; the rest (rows, sections, the form) are returned."""
    fields: dict[str, Any] = {}
    for top in form:
        entries = top.entries if hasattr(top, "entries") else [top]
        for entry in entries:
            if hasattr(entry, "form"):
                fields.update({sub.id: sub for sub in entry.form})
            fields[entry.id] = entry
    left: Errors = {}
    for name, messages in errors.items():
        target = fields.get(name)
        if target is not None and not hasattr(target, "form") and not hasattr(target, "entries"):
            target.errors = [*target.errors, *messages]
        else:
            left[name] = messages
    return left


def _has_errors(form: PathwayEditForm) -> bool:
    return any(
        sub.errors
        for top in form
        for entry in (top.entries if hasattr(top, "entries") else [top])
        for sub in (entry.form if hasattr(entry, "form") else [entry])
    )


def _name_new_steps(rows: Rows, socs: list[str | None], titles: Mapping[str, str]) -> None:
    """Keys for steps added now, from their name: people never see or type keys."""
    taken = {row["key"] for row in rows.steps if row["key"]}
    for row, soc in zip(rows.steps, socs, strict=True):
        if row["key"]:
            continue
        base = slug_from(step_title(row, soc, titles))[:70].strip("-")
        key = base if base not in taken else next(
            f"{base}-{n}" for n in range(2, len(taken) + 3) if f"{base}-{n}" not in taken
        )  # fmt: skip
        row["key"] = key
        taken.add(key)


def _graph(rows: Rows, socs: list[str | None], errors: Errors) -> PathwayGraph | None:
    steps = tuple(
        StepSpec(row["key"], soc or "", whole(row["stage"]) or 1, row["label"].strip() or None)
        for row, soc in zip(rows.steps, socs, strict=True)
    )
    moves = []
    for i, move in enumerate(rows.transitions):
        try:
            kind = TransitionKind(str(move["kind"]))
        except ValueError:
            errors[f"transitions-{i}-kind"] = ["pick advance, lateral move or add-on"]
            continue
        moves.append(
            TransitionSpec(
                source=str(move["source"]),
                target=str(move["target"]),
                kind=kind,
                credential_ids=tuple(int(c) for c in move["credentials"] if str(c).isdigit()),
                months_training=whole(str(move["months_training"])) or 0,
                months_experience=whole(str(move["months_experience"])) or 0,
                cost_cents=cents(str(move["cost"])) or 0,
                earn_while_you_learn=bool(move["earn_while_you_learn"]),
                notes=str(move["notes"]).strip() or None,
            )
        )
    return None if errors else PathwayGraph(steps, tuple(moves))

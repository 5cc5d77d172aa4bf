"""The pathway editor's forms, and the way a submitted editor form becomes rows, then a graph.

Every button of the editor submits the whole form, so nothing typed is lost: "Remove" and
"Add step" change the rows first (`apply_actions`), the rows are renumbered, and the form is
bound again to the renumbered values — then the service's messages, keyed by graph position
(`steps[2].soc`), land beside the row's field of the same number (`steps-2-occupation`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from pathways.domain.vocabulary import TransitionKind
from pathways.engines.graph import MAX_COST_CENTS
from pathways.web.forms import choices, typed_amount

KINDS = choices(
    [
        (TransitionKind.ADVANCE.value, "Advance (a step up)"),
        (TransitionKind.LATERAL.value, "Lateral move"),
        (TransitionKind.ADD_ON.value, "Add-on credential"),
    ]
)
STEP_FIELDS = ("key", "occupation", "label", "stage")
MOVE_FIELDS = ("source", "target", "kind", "months_training", "months_experience", "cost",
               "earn_while_you_learn", "notes")  # fmt: skip


class StepRow(Form):
    key = HiddenField()
    occupation = StringField(
        "Occupation", description="Type a job title and pick one, e.g. “nursing assistant”"
    )
    label = StringField(
        "Name on this pathway",
        validators=[Optional(), Length(max=200)],
        description="Optional, e.g. “CNA with phlebotomy certificate”",
    )
    stage = IntegerField(
        "Stage",
        default=1,
        validators=[Optional(), NumberRange(min=1, max=20)],
        description="1 is where people start",
    )


class TransitionRow(Form):
    source = SelectField("From step", validate_choice=False)
    target = SelectField("To step", validate_choice=False)
    kind = SelectField("Kind of move", choices=KINDS, validate_choice=False)
    credentials = SelectMultipleField(
        "Credentials earned on the way",
        coerce=int,
        validate_choice=False,
        description="Pick one or more (Ctrl or ⌘ + click to pick several)",
    )
    months_training = IntegerField(
        "Months of training", default=0, validators=[Optional(), NumberRange(min=0, max=240)]
    )
    months_experience = IntegerField(
        "Months of experience", default=0, validators=[Optional(), NumberRange(min=0, max=240)]
    )
    cost = StringField(
        "Cost (US dollars)",
        default="0",
        validators=[Length(max=20)],
        description="What it costs the learner, e.g. 8,400",
    )

    def validate_cost(self, field: StringField) -> None:
        amount = cents(field.data)
        if amount is None:
            raise ValidationError("type an amount in dollars, e.g. 8,400")
        if not 0 <= amount <= MAX_COST_CENTS:
            raise ValidationError("from $0 to $1,000,000")

    earn_while_you_learn = BooleanField("Earn while you learn (paid training)")
    notes = TextAreaField("Notes", validators=[Optional(), Length(max=5000)])


class PathwayEditForm(FlaskForm):  # type: ignore[misc]
    title = StringField("Title", validators=[DataRequired(), Length(max=200)])
    summary = TextAreaField(
        "Description",
        validators=[Length(max=5000)],
        description="Who this pathway is for and where it leads, in a sentence or two",
    )
    version = HiddenField()  # the tag ("2.3") the form was loaded at
    steps = FieldList(FormField(StepRow))
    transitions = FieldList(FormField(TransitionRow))
    add_step = FormField(StepRow, label="Add a step")
    add_transition = FormField(TransitionRow, label="Add a transition")


class PathwayNewForm(FlaskForm):  # type: ignore[misc]
    partnership = SelectField("Partnership", validate_choice=False)
    title = StringField(
        "Title",
        validators=[DataRequired(), Length(max=200)],
        description="What people will see, e.g. “CNA to RN”",
    )
    summary = TextAreaField(
        "Description",
        validators=[Length(max=5000)],
        description="Who this pathway is for and where it leads, in a sentence or two",
    )


@dataclass
class Rows:
    """The editor's rows as typed (strings), in order: what the form is rebuilt from."""

    steps: list[dict[str, str]] = field(default_factory=list)
    transitions: list[dict[str, str | list[str]]] = field(default_factory=list)
    add_step: dict[str, str] = field(default_factory=dict)
    add_transition: dict[str, str | list[str]] = field(default_factory=dict)


def rows_of(formdata: Mapping[str, str] | MultiDict[str, str]) -> Rows:
    data = formdata if isinstance(formdata, MultiDict) else MultiDict(formdata)
    rows = Rows()
    rows.steps = [_row(data, f"steps-{i}", STEP_FIELDS) for i in _indices(data, "steps")]
    rows.transitions = [
        {**_row(data, f"transitions-{i}", MOVE_FIELDS),
         "credentials": data.getlist(f"transitions-{i}-credentials")}
        for i in _indices(data, "transitions")
    ]  # fmt: skip
    rows.add_step = _row(data, "add_step", STEP_FIELDS)
    rows.add_transition = {
        **_row(data, "add_transition", MOVE_FIELDS),
        "credentials": data.getlist("add_transition-credentials"),
    }
    return rows


def formdata_of(rows: Rows, common: Mapping[str, str]) -> MultiDict[str, str]:
    """The form's values with rows numbered 0, 1, 2… — what the form is bound to again."""
    data: MultiDict[str, str] = MultiDict(common)
    named: list[tuple[str, Mapping[str, str | list[str]]]] = [
        *((f"steps-{i}", row) for i, row in enumerate(rows.steps)),
        *((f"transitions-{i}", row) for i, row in enumerate(rows.transitions)),
        ("add_step", rows.add_step),
        ("add_transition", rows.add_transition),
    ]
    for prefix, row in named:
        for name, value in row.items():
            for item in value if isinstance(value, list) else [value]:
                if name == "earn_while_you_learn" and not item:
                    continue  # an unticked box sends nothing
                data.add(f"{prefix}-{name}", item)
    return data


def choice_labels(field: Any) -> dict[str, str]:
    """A select's options, value → label, without the empty "choose" option."""
    return {str(c.value): str(c.label) for c in field.choices or [] if c.value}


def cents(text: str | None) -> int | None:
    """Dollars as typed ("1,250.50", "$900") in cents; None when not a number."""
    cleaned = typed_amount(text) or "0"
    try:
        return int((Decimal(cleaned) * 100).to_integral_value())
    except (InvalidOperation, ValueError, OverflowError):  # "abc", "NaN", "Infinity"
        return None


def whole(text: str | None) -> int | None:
    cleaned = (text or "").strip() or "0"
    return int(cleaned) if cleaned.lstrip("-").isdigit() else None


def is_blank(row: Mapping[str, str | list[str]], *names: str) -> bool:
    return not any(str(row.get(name) or "").strip() for name in names)


def _row(data: MultiDict[str, str], prefix: str, names: tuple[str, ...]) -> dict[str, str]:
    return {name: data.get(f"{prefix}-{name}", "") for name in names}


def _indices(data: MultiDict[str, str], section: str) -> list[int]:
    found = set()
    for name in data:
        head, _, rest = name.partition("-")
        number, _, _ = rest.partition("-")
        if head == section and number.isdigit():
            found.add(int(number))
    return sorted(found)

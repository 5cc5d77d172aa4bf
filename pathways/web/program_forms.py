"""The program editor's form: what a school registers about a program (SPEC §2) in the words
and units people use — cost in dollars (stored in cents), choices by name — and the skills it
teaches as rows of (O*NET element ID, level 0–7) that can be added from the CIP code's
suggestions and removed one by one."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    FieldList,
    FloatField,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, HiddenInput, ListWidget

from pathways.models import Program
from pathways.services.program_editor_pages import CredentialChoice
from pathways.services.program_suggestions import SkillTaught
from pathways.web.forms import MoneyField, choices

AWARD_LEVELS = {
    "certificate": "Certificate", "diploma": "Diploma", "associate": "Associate degree",
    "bachelor": "Bachelor's degree", "master": "Master's degree",
    "apprenticeship": "Registered apprenticeship", "non_credit": "Non-credit training",
}  # fmt: skip
MODALITIES = {"in_person": "In person", "hybrid": "Hybrid", "online": "Online"}
EARNING = {
    "none": "No", "apprenticeship": "Yes: apprenticeship (paid work while training)",
    "employer_paid": "Yes: employer pays for the training",
}  # fmt: skip
STATUSES = {"active": "Active", "planned": "Planned", "suspended": "Suspended",
            "discontinued": "Discontinued"}  # fmt: skip
# The fields the service takes as they are (after the form's type checks).
PLAIN = (
    "title", "award_level", "length_weeks", "credit_hours", "modality", "schedule",
    "seats_per_year", "prerequisites", "earn_while_you_learn", "status", "next_start",
)  # fmt: skip


class SkillRow(Form):
    """One skill taught; a sub-form of ProgramForm (the outer form carries the CSRF token)."""

    skill = HiddenField()
    level = FloatField("Level taught", validators=[InputRequired()])


class ProgramForm(FlaskForm):  # type: ignore[misc]
    title = StringField("Program title", validators=[InputRequired(), Length(max=200)])
    cip = StringField(
        "CIP code", validators=[InputRequired(), Length(max=300)],
        description="Type words of the program's name or its CIP 2020 code, such as "
        "51.3901 Licensed Practical/Vocational Nurse Training",
    )  # fmt: skip
    award_level = SelectField("Award", choices=choices(AWARD_LEVELS.items()))
    credentials = SelectMultipleField(
        "Credentials awarded", coerce=int, choices=[],
        widget=ListWidget(prefix_label=False), option_widget=CheckboxInput(),
        description="The licenses, certifications and degrees a graduate earns or is ready "
        "to sit for",
    )  # fmt: skip
    length_weeks = IntegerField(
        "Length in weeks", validators=[Optional(), NumberRange(1, 520)]
    )  # fmt: skip
    credit_hours = FloatField("Credit hours", validators=[Optional(), NumberRange(0, 1000)])
    cost = MoneyField(
        "Cost in dollars", validators=[Optional(), NumberRange(0, 1_000_000)],
        description="Tuition and fees for the whole program",
    )  # fmt: skip
    modality = SelectField("Format", choices=choices(MODALITIES.items()))
    schedule = StringField(
        "Schedule", validators=[Length(max=200)], description="Such as: evenings, two nights a week"
    )  # fmt: skip
    seats_per_year = IntegerField(
        "Seats per year", validators=[Optional(), NumberRange(0, 100_000)]
    )  # fmt: skip
    prerequisites = TextAreaField("Prerequisites", validators=[Length(max=5000)])
    earn_while_you_learn = SelectField("Earn while you learn", choices=choices(EARNING.items()))
    status = SelectField("Status", choices=choices(STATUSES.items()))
    next_start = DateField("Next start", validators=[Optional()])
    skills = FieldList(FormField(SkillRow), label="Skills taught")
    version = IntegerField(validators=[Optional()], widget=HiddenInput())

    def offer(self, credentials: list[CredentialChoice]) -> None:
        self.credentials.choices = choices(
            (str(c.id), f"{c.name} ({c.issuer})" if c.issuer else c.name) for c in credentials
        )

    def values(self, cip: str) -> dict[str, Any]:
        """What the service takes, `cip` being the code the CIP field named."""
        cost = self.cost.data
        return {
            **{name: self[name].data for name in PLAIN},
            "cip": cip,
            "cost": None if cost is None else round(cost * 100),
        }

    def skill_levels(self) -> list[dict[str, Any]]:
        return [{"skill": row.skill.data, "level": row.level.data} for row in self.skills]

    def fill(self, program: Program, cip_label: str, taught: list[SkillTaught]) -> None:
        for name in PLAIN:
            value = getattr(program, name)
            self[name].data = getattr(value, "value", value)
        self.cip.data = cip_label
        self.cost.data = None if program.cost is None else program.cost / 100
        self.credentials.data = [credential.id for credential in program.credentials]
        for skill in taught:
            self.skills.append_entry({"skill": skill.element_id, "level": skill.level})
        self.version.data = program.version


class DeleteProgramForm(FlaskForm):  # type: ignore[misc]
    version = IntegerField(validators=[Optional()], widget=HiddenInput())

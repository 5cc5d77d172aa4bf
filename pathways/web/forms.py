"""Forms; each carries a CSRF token (Flask-WTF)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask_wtf import FlaskForm
from wtforms import (
    EmailField,
    FloatField,
    HiddenField,
    IntegerField,
    PasswordField,
    StringField,
    TextAreaField,
)

# The stubs lag WTForms 3.3, where SelectChoice replaced (value, label) tuples.
from wtforms.fields.choices import SelectChoice  # type: ignore[attr-defined]
from wtforms.validators import DataRequired, Length
from wtforms.widgets import HiddenInput


class SignInForm(FlaskForm):  # type: ignore[misc]
    # No format check here: a malformed address simply does not sign in, like a wrong one.
    email = EmailField("Email", validators=[DataRequired(), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=1024)])
    next = HiddenField()


class SignOutForm(FlaskForm):  # type: ignore[misc]
    """Signing out is a POST with a CSRF token, so no other site can sign anyone out."""


class RegionForm(FlaskForm):  # type: ignore[misc]
    name = StringField("Name", validators=[DataRequired(), Length(max=200)])
    description = TextAreaField("Description", validators=[Length(max=2000)])
    areas = StringField(
        "OEWS areas",
        validators=[DataRequired()],
        description="Area codes, most local first, separated by spaces or commas",
    )
    version = IntegerField(widget=HiddenInput())  # the version this edit was made to

    def area_codes(self) -> list[str]:
        return (self.areas.data or "").replace(",", " ").split()


def choices(pairs: Iterable[tuple[Any, str]]) -> list[SelectChoice]:
    """(value, label) pairs as WTForms 3.3 wants a select's choices."""
    return [SelectChoice(value, label) for value, label in pairs]


def typed_amount(text: str | None) -> str:
    """Dollars as people type them, as a plain number: "$1,250.50" → "1250.50"."""
    return (text or "").replace("$", "").replace(",", "").strip()


class MoneyField(FloatField):
    """Dollars as people type them: "$15.50" and "52,340" are read as 15.5 and 52340."""

    def process_formdata(self, valuelist: list[Any]) -> None:
        cleaned = [typed_amount(str(value)) for value in valuelist]
        super().process_formdata(cleaned if any(cleaned) else [])

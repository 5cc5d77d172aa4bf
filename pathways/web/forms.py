"""Forms; each carries a CSRF token (Flask-WTF)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, IntegerField, PasswordField, StringField, TextAreaField
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

"""Signing in and out."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import login_user, logout_user

from pathways.domain.errors import TooManyAttempts, Unauthorized
from pathways.services.logins import sign_in
from pathways.sessions import request_session
from pathways.web.forms import SignInForm, SignOutForm
from pathways.web.users import WebUser

bp = Blueprint("auth", __name__)


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    form = SignInForm(next=request.args.get("next", ""))
    if not form.validate_on_submit():
        return render_template("pages/login.html", form=form, error=None)
    session = request_session()
    try:
        user = sign_in(
            session=session,
            email=form.email.data or "",
            password=form.password.data or "",
            address=request.remote_addr or "unknown",
        )
    except TooManyAttempts as error:
        session.commit()
        page = render_template("pages/login.html", form=form, error=error.message)
        return page, 429, {"Retry-After": str(error.retry_after)}
    except Unauthorized as error:
        session.commit()  # the failure counts towards the limit
        return render_template("pages/login.html", form=form, error=error.message), 401, {}
    login_user(WebUser(user))
    session.commit()
    flash(f"Signed in as {user.email}.")
    return redirect(_local(form.next.data) or url_for("home.index"))


@bp.post("/logout")
def logout() -> ResponseReturnValue:
    if SignOutForm().validate_on_submit():
        logout_user()
        flash("Signed out.")
    return redirect(url_for("home.index"))


def _local(target: str | None) -> str | None:
    """`next` only ever leads within this site."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target

"""A pathway's history, for its editors: the versions (published or draft, when, by whom)
and every change from the audit log, in words."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask.typing import ResponseReturnValue
from flask_login import login_required

from pathways.services.pathway_history import pathway_history
from pathways.sessions import request_session
from pathways.web.users import current_actor

bp = Blueprint("pathway_history", __name__)


@bp.get("/pathways/<slug>/history")
@login_required
def history(slug: str) -> ResponseReturnValue:
    found = pathway_history(session=request_session(), actor=current_actor(), slug=slug)
    return render_template("pages/pathway_history.html", history=found, pathway=found.pathway)

"""A signed-in editor's starting point: the partnerships and providers they may edit."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import login_required

from pathways.services.workspaces import editable_things
from pathways.sessions import request_session
from pathways.web.users import current_actor

bp = Blueprint("my_work", __name__)


@bp.get("/my-work")
@login_required
def index() -> str:
    things = editable_things(session=request_session(), actor=current_actor())
    return render_template("pages/my_work.html", things=things)

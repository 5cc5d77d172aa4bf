"""The home page."""

from __future__ import annotations

from flask import Blueprint, render_template

from pathways.services.regions import list_regions
from pathways.sessions import request_session
from pathways.web.users import current_actor

bp = Blueprint("home", __name__)


@bp.get("/")
def index() -> str:
    regions = list_regions(session=request_session())
    return render_template("pages/home.html", regions=regions, actor=current_actor())

"""The home page: search, the sector partnerships, and the regions they cover."""

from __future__ import annotations

from flask import Blueprint, render_template

from pathways.services.partnerships import list_partnerships
from pathways.services.regions import list_regions
from pathways.sessions import request_session
from pathways.web.users import current_actor

bp = Blueprint("home", __name__)
PARTNERSHIPS_SHOWN = 100  # a directory, not a listing to page through


@bp.get("/")
def index() -> str:
    session = request_session()
    regions = list_regions(session=session)
    partnerships = list_partnerships(session=session, per_page=PARTNERSHIPS_SHOWN).items
    return render_template(
        "pages/home.html", regions=regions, partnerships=partnerships, actor=current_actor()
    )

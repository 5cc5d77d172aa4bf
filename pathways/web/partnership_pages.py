"""The public partnership page: who they are, their critical occupations (employer-reported
wages beside BLS's), their pathways and the alignment matrix of their region's programs."""

from __future__ import annotations

from flask import Blueprint, render_template

from pathways.render.reports import FLAG_TEXT
from pathways.services.partnership_pages import partnership_page
from pathways.sessions import request_session
from pathways.web.users import current_actor

bp = Blueprint("partnership_pages", __name__)


@bp.get("/partnerships/<slug>")
def show(slug: str) -> str:
    page = partnership_page(session=request_session(), actor=current_actor(), slug=slug)
    return render_template("pages/partnership.html", page=page, flag_text=FLAG_TEXT)

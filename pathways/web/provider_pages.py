"""The public provider page: the provider, its programs and how well each covers the region's
critical occupations, with the alignment report to read or download."""

from __future__ import annotations

from flask import Blueprint, render_template

from pathways.services.provider_pages import provider_page
from pathways.sessions import request_session
from pathways.web.users import current_actor

bp = Blueprint("provider_pages", __name__)


# Ids fit the database's 32-bit column: a larger number is an unknown provider, a 404.
@bp.get("/providers/<int(max=2147483647):provider_id>")
def show(provider_id: int) -> str:
    page = provider_page(session=request_session(), actor=current_actor(), provider_id=provider_id)
    return render_template("pages/provider.html", page=page)

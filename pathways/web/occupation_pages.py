"""The public occupation page: wages for a chosen region (with the area and vintage they come
from), skills, education, outlook, programs nearby and next steps, and the flyer to print."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from pathways.domain.errors import InvalidInput
from pathways.domain.wages import MARKER_TEXT, TOP_CODES
from pathways.services.occupation_pages import occupation_page
from pathways.sessions import request_session

bp = Blueprint("occupation_pages", __name__)


@bp.get("/occupations/<soc>")
def show(soc: str) -> ResponseReturnValue:
    """`?region=<slug>` prices it for a region; without one (or empty), the nation's wages:
    no region is everyone's, so none is picked for the reader."""
    session = request_session()
    try:
        region = request.args.get("region", "").strip() or None
        page = occupation_page(session=session, soc=soc, region=region)
    except InvalidInput:
        abort(404)  # not a SOC code: no such page, as for an unknown one
    if page.profile.soc != soc:  # an O*NET-SOC code ("29-2061.00"): one address per page
        query: dict[str, Any] = request.args.to_dict()
        return redirect(url_for(".show", soc=page.profile.soc, **query), 301)
    onet = next(source for source in page.profile.sources if source.name == "O*NET")
    return render_template(
        "pages/occupation.html",
        page=page,
        onet=onet,
        marker_text=MARKER_TEXT,
        top_codes=TOP_CODES,
    )

"""Suggestions while typing, for the pickers' datalists (static/pathways.js): JSON
`[{"value", "label"}]`. The value is what the form submits and pickers.py reads back."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from pathways.services.search import search_occupations
from pathways.sessions import request_session

bp = Blueprint("suggest", __name__, url_prefix="/suggest")
LIMIT = 12
LONGEST_QUERY = 100


@bp.get("/occupations")
def occupations() -> Response:
    query = request.args.get("q", "")[:LONGEST_QUERY].strip()
    if len(query) < 2:
        return _answer([])
    hits = search_occupations(session=request_session(), query=query, per_page=LIMIT).items
    return _answer(
        [
            {
                "value": f"{hit.soc} {hit.title}",
                "label": hit.title if hit.matched_text == hit.title else hit.matched_text,
            }
            for hit in hits
        ]
    )


def _answer(options: list[dict[str, str]]) -> Response:
    response = jsonify(options)
    response.cache_control.public = True
    response.cache_control.max_age = 300  # the catalog changes only with an import
    return response

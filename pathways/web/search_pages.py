"""The search page: occupations and published pathways matching what was typed. The whole
page works as a plain GET form; with `partial=1` it answers only the results, which
static/search.js swaps in as people type."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from pathways.services.pathway_search import search_pathways
from pathways.services.search import search_occupations
from pathways.sessions import request_session

bp = Blueprint("search_pages", __name__)
OCCUPATIONS_SHOWN = 20
PATHWAYS_SHOWN = 10
LONGEST_QUERY = 200  # longer is not a search, and each word costs a scan


@bp.get("/search")
def search() -> str:
    query = (request.args.get("q") or "").strip()[:LONGEST_QUERY]
    session = request_session()
    if query:
        found = search_occupations(session=session, query=query, per_page=OCCUPATIONS_SHOWN)
        occupations, total = found.items, found.total
        pathways = search_pathways(session=session, query=query, limit=PATHWAYS_SHOWN)
    else:
        occupations, total, pathways = [], 0, []
    template = "pages/_search_results.html" if request.args.get("partial") else "pages/search.html"
    return render_template(
        template, query=query, occupations=occupations, total=total, pathways=pathways
    )

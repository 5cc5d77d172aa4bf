"""CIP codes for the program editor, as JSON for its scripts: `/suggest/cip?q=` fills the CIP
field's datalist (the shape static/pathways.js reads, `[{"value", "label"}]`), and
`/suggest/cip/crosswalk?cip=` answers what a chosen code suggests — the occupations the
CIP↔SOC crosswalk links it to and their skills at O*NET's levels (static/program-editor.js).
Both read the public catalog; nothing here needs a login."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from pathways.domain.errors import InvalidInput, NotFound
from pathways.services.cip_search import LEADING_CODE, search_cip
from pathways.services.program_suggestions import suggestions
from pathways.sessions import request_session

bp = Blueprint("cip_suggest", __name__, url_prefix="/suggest")
LIMIT = 12
LONGEST_QUERY = 100


@bp.get("/cip")
def codes() -> Response:
    query = request.args.get("q", "")[:LONGEST_QUERY].strip()
    hits = [] if len(query) < 2 else search_cip(session=request_session(), query=query, limit=LIMIT)
    return _cached(jsonify([{"value": hit.label, "label": hit.title} for hit in hits]))


@bp.get("/cip/crosswalk")
def crosswalk() -> Response:
    """`cip` may be the picker's whole text ("51.3901 Licensed …"): its leading code counts.
    An unknown or incomplete code answers 404 with a message, never a 500."""
    typed = request.args.get("cip", "")[:LONGEST_QUERY].strip()
    leading = LEADING_CODE.match(typed)
    try:
        found = suggestions(session=request_session(), cip=leading.group(1) if leading else typed)
    except (InvalidInput, NotFound) as error:
        response = jsonify({"message": error.message})
        response.status_code = 404
        return response
    return _cached(
        jsonify(
            {
                "cip": found.cip,
                "title": found.title.rstrip("."),
                "occupations": [
                    {"soc": soc, "title": title, "url": f"/occupations/{soc}"}
                    for soc, title in found.occupations
                ],
                "skills": [
                    {
                        "element_id": skill.element_id,
                        "name": skill.name,
                        "kind": skill.kind,
                        "level": round(skill.level, 2),
                        "importance": round(skill.importance, 2),
                    }
                    for skill in found.skills
                ],
            }
        )
    )


def _cached(response: Response) -> Response:
    response.cache_control.public = True
    response.cache_control.max_age = 300  # the catalog changes only with an import
    return response

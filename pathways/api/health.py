"""Is the service up, can it reach its database, and what catalog does it hold?"""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask.views import MethodView
from flask_smorest import Blueprint
from sqlalchemy.exc import SQLAlchemyError

from pathways.services.catalog import catalog_status
from pathways.sessions import request_session

blp = Blueprint("health", __name__, url_prefix="/api/v1/health", description="Service health")


class HealthSchema(ma.Schema):
    status = ma.fields.String(required=True, metadata={"example": "ok"})
    database = ma.fields.String(required=True, metadata={"example": "ok"})
    occupations = ma.fields.Integer(required=True, metadata={"example": 879})
    sources = ma.fields.Dict(
        keys=ma.fields.String(),
        values=ma.fields.String(),
        required=True,
        metadata={"description": "Vintage of each imported source", "example": {"onet": "29.3"}},
    )


@blp.route("")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    @blp.alt_response(503, schema=HealthSchema, description="The database is unreachable")
    def get(self) -> Any:
        """Service health

        `ok` when the database answers; `occupations` and `sources` say how much of the
        national catalog is loaded and from which releases.
        """
        try:
            status = catalog_status(session=request_session())
        except SQLAlchemyError:
            body = {
                "status": "unavailable",
                "database": "unreachable",
                "occupations": 0,
                "sources": {},
            }
            return body, 503
        return {"status": "ok", "database": "ok", **status}

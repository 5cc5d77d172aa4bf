"""Page arguments, the page envelope, and RFC 8288 Link headers (first, prev, next, last)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

import marshmallow as ma
from flask import request

from pathways.domain.paging import Page

MAX_PER_PAGE = 100


class PageArgs(ma.Schema):
    page = ma.fields.Integer(
        load_default=1, validate=ma.validate.Range(min=1, max=100_000), metadata={"example": 1}
    )
    per_page = ma.fields.Integer(
        load_default=20,
        validate=ma.validate.Range(min=1, max=MAX_PER_PAGE),
        metadata={"description": f"Items per page (at most {MAX_PER_PAGE})"},
    )


class PageSchema(ma.Schema):
    total = ma.fields.Integer(required=True, metadata={"description": "Items on all pages"})
    page = ma.fields.Integer(required=True)
    per_page = ma.fields.Integer(required=True)
    pages = ma.fields.Integer(required=True)


def page_headers(found: Page[Any]) -> dict[str, str]:
    targets = {"first": 1, "last": found.pages}
    if found.page > 1:
        targets["prev"] = min(found.page - 1, found.pages)
    if found.page < found.pages:
        targets["next"] = found.page + 1
    links = ", ".join(
        f'<{_url(number, found.per_page)}>; rel="{rel}"' for rel, number in targets.items()
    )
    return {"Link": links, "X-Total-Count": str(found.total)}


def _url(page: int, per_page: int) -> str:
    args = {key: value for key, value in request.args.items() if key not in ("page", "per_page")}
    args.update(page=str(page), per_page=str(per_page))
    return f"{request.base_url}?{urlencode(args)}"

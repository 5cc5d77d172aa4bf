"""A pathway's public page, `/pathways/<slug>`: the diagram inline with each step a link to
its section, the routes side by side, each step's wages (with source and year), what it takes
to get there and the programs nearby, and the flyer and diagram downloads."""

from __future__ import annotations

import logging
from dataclasses import replace

from flask import Blueprint, current_app, render_template, request
from flask.typing import ResponseReturnValue
from markupsafe import Markup

from pathways.domain.flyers import Diagram, DiagramFormat
from pathways.domain.vocabulary import PathwayStatus
from pathways.printing import printer
from pathways.render.cache import content_key
from pathways.render.diagrams import DiagramError, render_diagram
from pathways.render.inline_svg import UnsafeSvg, inline_svg
from pathways.services.pathway_pages import pathway_page
from pathways.sessions import request_session
from pathways.web.users import current_actor

bp = Blueprint("pathway_pages", __name__)
log = logging.getLogger(__name__)
CTDL_RULE = "/api/v1/pathways/<slug>/ctdl"
KIND_NAMES = {"advance": "Advance", "lateral": "Lateral move", "add_on": "Add-on credential"}


@bp.get("/pathways/<slug>")
def show(slug: str) -> ResponseReturnValue:
    """Readers see the published version; the partnership's editors see the draft, or any
    version with `?version=N|draft|published` (as the API's `?version=`)."""
    version = request.args.get("version") or None
    page = pathway_page(
        session=request_session(),
        actor=current_actor(),
        slug=slug,
        version=version,
        page_url=printer().pathway_url(slug),
    )
    published = [ref for ref in page.versions if ref.status is PathwayStatus.PUBLISHED]
    return render_template(
        "pages/pathway.html",
        page=page,
        diagram=diagram_markup(page.diagram),
        # Downloads name the version shown, so an editor's flyer of a draft is of the draft.
        version=None if page.status is PathwayStatus.PUBLISHED else str(page.number),
        published=published[-1] if published else None,
        ctdl_url=f"/api/v1/pathways/{slug}/ctdl" if has_ctdl() else None,
        kind_names=KIND_NAMES,
    )


def diagram_markup(diagram: Diagram) -> Markup | None:
    """The diagram as inline SVG, each box a link to its step's section (`#step-<key>`; keys
    are checked slugs). Kept in the render cache by content, so a page view that finds it
    does not run Graphviz; None when Graphviz cannot draw it (the steps list remains)."""
    linked = replace(
        diagram, steps=tuple(replace(step, href=f"#step-{step.key}") for step in diagram.steps)
    )
    cache = printer().cache
    key = content_key("inline-diagram", linked)
    stored = cache.get(key)
    if stored is None:
        try:
            svg = render_diagram(linked, DiagramFormat.SVG)
            stored = inline_svg(svg, label=f"Diagram of the pathway {diagram.title}").encode()
        except (DiagramError, UnsafeSvg):
            log.exception("the diagram of %r could not be drawn inline", diagram.title)
            return None
        cache.put(key, stored)
    # Not user text as such: inline_svg wrote this markup itself from an allow-list, every
    # text and attribute escaped (render/inline_svg.py; tests/render/test_inline_svg.py).
    return Markup(stored.decode())  # noqa: S704 - see the comment above


def has_ctdl() -> bool:
    """Whether the API serves a pathway's CTDL yet (the link appears once it does)."""
    return any(rule.rule == CTDL_RULE for rule in current_app.url_map.iter_rules())

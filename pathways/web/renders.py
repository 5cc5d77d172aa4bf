"""Flyers and diagrams to download (SPEC §4): `/pathways/{slug}/flyer.pdf|.html`,
`/pathways/{slug}/diagram.svg|.png|.pdf`, `/occupations/{soc}/flyer.pdf` and
`/partnerships/{slug}/flyers.pdf`. Each answer carries its content key as a strong ETag, so a
browser that has the file gets 304, and `X-Render-Cache` says whether it was drawn now."""

from __future__ import annotations

from typing import TypeVar

from flask import Blueprint, Response, request

from pathways.domain.errors import InvalidInput
from pathways.domain.flyers import DiagramFormat, Language, Paper
from pathways.jobs.output import merged_pdf
from pathways.jobs.prints import (
    Rendered,
    cached_flyer,
    occupation_flyer_pdf,
    partnership_jobs,
    pathway_diagram,
    pathway_flyer,
)
from pathways.printing import printer
from pathways.render.flyers import render_flyer_html
from pathways.services.flyers import pathway_print
from pathways.sessions import request_session
from pathways.web.users import current_actor

bp = Blueprint("renders", __name__)
Choice = TypeVar("Choice", Paper, Language)
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "svg": "image/svg+xml",
    "png": "image/png",
}
# An SVG opened on its own is a document: it may run nothing and load nothing.
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
# The flyer's text version carries its stylesheet inline (it is also the PDF's source) and
# runs no script at all; its images are inline data.
FLYER_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)


@bp.get("/pathways/<slug>/flyer.pdf")
def pathway_flyer_pdf(slug: str) -> Response:
    rendered = pathway_flyer(
        session=request_session(),
        actor=current_actor(),
        printer=printer(),
        slug=slug,
        version=request.args.get("version"),
        paper=_choice(Paper, "paper"),
        language=_choice(Language, "lang"),
    )
    return _send(rendered, "pdf", f"{slug}-flyer")


@bp.get("/pathways/<slug>/flyer.html")
def pathway_flyer_html(slug: str) -> Response:
    found = pathway_print(
        session=request_session(),
        actor=current_actor(),
        slug=slug,
        version=request.args.get("version"),
        page_url=printer().pathway_url(slug),
    )
    html = render_flyer_html(
        found.flyer, paper=_choice(Paper, "paper"), language=_choice(Language, "lang"),
        for_screen=True,
    )  # fmt: skip
    return Response(html, mimetype="text/html", headers={"Content-Security-Policy": FLYER_POLICY})


@bp.get("/pathways/<slug>/diagram.<any(svg, png, pdf):kind>")
def diagram(slug: str, kind: str) -> Response:
    rendered = pathway_diagram(
        session=request_session(),
        actor=current_actor(),
        printer=printer(),
        slug=slug,
        version=request.args.get("version"),
        fmt=DiagramFormat(kind),
        language=_choice(Language, "lang"),
    )
    return _send(rendered, kind, f"{slug}-diagram", inline=True)


@bp.get("/occupations/<soc>/flyer.pdf")
def occupation_flyer(soc: str) -> Response:
    rendered = occupation_flyer_pdf(
        session=request_session(),
        printer=printer(),
        soc=soc,
        region=request.args.get("region") or None,
        paper=_choice(Paper, "paper"),
        language=_choice(Language, "lang"),
    )
    return _send(rendered, "pdf", f"occupation-{soc}-flyer")


@bp.get("/partnerships/<slug>/flyers.pdf")
def partnership_flyers(slug: str) -> Response:
    """Every published pathway's flyer, merged into one PDF for printing."""
    current = printer()
    jobs = partnership_jobs(
        session=request_session(),
        actor=current_actor(),
        printer=current,
        slug=slug,
        papers=[_choice(Paper, "paper")],
        languages=[_choice(Language, "lang")],
    )
    body = merged_pdf([cached_flyer(current.cache, job).content for job in jobs])
    return Response(
        body,
        mimetype=MEDIA_TYPES["pdf"],
        headers={"Content-Disposition": f'attachment; filename="{slug}-flyers.pdf"'},
    )


def _choice(kind: type[Choice], name: str) -> Choice:
    """`?name=` as one of `kind`'s values; the first value when it is not given."""
    value = request.args.get(name)
    if value is None:
        return next(iter(kind))
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(member.value for member in kind)
        raise InvalidInput.for_field(name, f"one of {choices}") from None


def _send(rendered: Rendered, kind: str, name: str, *, inline: bool = False) -> Response:
    etag = rendered.key.partition(":")[2]
    headers = {
        "X-Render-Cache": "hit" if rendered.cached else "miss",
        "Content-Disposition": f'{"inline" if inline else "attachment"}; filename="{name}.{kind}"',
    }
    if kind == "svg":
        headers["Content-Security-Policy"] = SVG_POLICY
    response = Response(rendered.content, mimetype=MEDIA_TYPES[kind], headers=headers)
    response.set_etag(etag)
    response.cache_control.no_cache = True  # revalidate: the ETag makes that a 304
    return response.make_conditional(request)  # type: ignore[return-value]  # the same object

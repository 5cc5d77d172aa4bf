"""The work a render worker does: plain values in, bytes out. No session and no app, so the
same functions run in this process, in a process pool, or in an RQ worker elsewhere."""

from __future__ import annotations

from dataclasses import dataclass, replace

from pathways.domain.flyers import Diagram, DiagramFormat, Flyer, Language, Paper
from pathways.render.cache import content_key
from pathways.render.diagrams import render_diagram
from pathways.render.flyers import render_flyer_pdf


@dataclass(frozen=True, slots=True)
class FlyerJob:
    """One flyer to draw: `name` says which, in progress lines and error reports."""

    name: str
    flyer: Flyer
    diagram: Diagram | None
    paper: Paper
    language: Language


def render_flyer(job: FlyerJob) -> bytes:
    """The flyer's PDF, its diagram drawn compact in the flyer's language."""
    flyer = job.flyer
    if job.diagram is not None:
        diagram = replace(job.diagram, language=job.language, compact=True)
        svg = render_diagram(diagram, DiagramFormat.SVG)
        flyer = replace(flyer, diagram_svg=svg)
    return render_flyer_pdf(flyer, paper=job.paper, language=job.language)


def flyer_key(job: FlyerJob) -> str:
    """The render cache's key for `job`'s flyer."""
    return content_key("flyer", job.flyer, job.diagram, job.paper, job.language)

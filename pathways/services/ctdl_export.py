"""A pathway version as CTDL JSON-LD: read it as the API reads it (the same permissions and
`version`), gather plain values, and let render.ctdl write the document."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from pathways.domain.access import Actor
from pathways.domain.errors import InvalidInput
from pathways.domain.vocabulary import PathwayStatus
from pathways.engines.graph import destinations
from pathways.models import Pathway
from pathways.render.ctdl import CtdlCredential, CtdlOccupation, CtdlPathwayFacts, ctdl_json
from pathways.services.pathway_graphs import to_graph
from pathways.services.pathways import read_pathway


@dataclass(frozen=True, slots=True)
class CtdlExport:
    """The document, and what it holds, for a caller to report."""

    slug: str
    number: int
    status: PathwayStatus
    destinations: int  # 1: a Pathway; more: a PathwaySet of that many pathways
    document: bytes


def pathway_ctdl(
    *,
    session: Session,
    actor: Actor,
    slug: str,
    version: str | None = None,
    public_url: str,
    page_url: str,
) -> CtdlExport:
    """CTDL of the version `read_pathway` gives `actor` (NotFound as it does). InvalidInput
    when that version has no destination yet: CTDL needs a goal to hang the pathway from."""
    pathway, _head = read_pathway(session=session, actor=actor, slug=slug, version=version)
    facts = pathway_facts(pathway, public_url=public_url, page_url=page_url)
    ends = destinations(facts.graph)
    if not ends:
        message = f"version {pathway.number} of pathway {slug!r} has no destination step yet"
        raise InvalidInput(message, {"version": [message]})
    return CtdlExport(
        slug=pathway.slug,
        number=pathway.number,
        status=pathway.status,
        destinations=len(ends),
        document=ctdl_json(facts),
    )


def pathway_facts(pathway: Pathway, *, public_url: str, page_url: str) -> CtdlPathwayFacts:
    occupations = {
        step.soc_code: CtdlOccupation(
            soc=step.soc_code,
            title=step.occupation.title,
            description=step.occupation.description,
        )
        for step in pathway.steps
    }
    credentials = {
        credential.id: CtdlCredential(
            id=credential.id,
            name=credential.name,
            ctdl_type=credential.ctdl_type.value,
            issuer=credential.issuer,
            description=credential.description,
            source=credential.source,
        )
        for move in pathway.transitions
        for credential in move.credentials
    }
    return CtdlPathwayFacts(
        slug=pathway.slug,
        title=pathway.title,
        summary=pathway.summary,
        page_url=page_url,
        public_url=public_url,
        partnership_slug=pathway.partnership.slug,
        partnership_name=pathway.partnership.name,
        graph=to_graph(pathway),
        occupations=occupations,
        credentials=credentials,
    )

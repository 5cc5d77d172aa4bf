"""What the pathway editor needs besides the writes in `services.pathways`: the head to edit
(for those who may change it), the partnerships one may start a pathway in, a free slug for a
new one, the choices its form offers, and the diagram of a graph that is not saved (the live
preview), drawn with the same regional wages as the saved one."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.access import Actor, Operation, Resource, Target, require
from pathways.domain.errors import NotFound
from pathways.domain.flyers import Diagram, DiagramMove, DiagramStep
from pathways.domain.pathways import PathwayGraph
from pathways.domain.slugs import MAX_SLUG
from pathways.domain.vocabulary import PathwayStatus
from pathways.engines.wages import step_wage
from pathways.models import Credential, Partnership, Pathway
from pathways.services.employer_wages import latest_reports
from pathways.services.occupations import titles_of
from pathways.services.partnerships import get_partnership, get_partnership_by_id
from pathways.services.pathway_graphs import check_graph
from pathways.services.pathways import draft_target, tag, versions
from pathways.services.wages import resolve_wages

# Slugs that name pages rather than pathways: /pathways/new is where a pathway is started.
RESERVED = frozenset({"new"})


def editable_pathway(*, session: Session, actor: Actor, slug: str) -> tuple[Pathway, str]:
    """The newest version of `slug` and its tag, for someone who may change it: NotFound for
    a pathway they cannot see, Forbidden for one they may only read (as the writes say)."""
    rows = versions(session=session, slug=slug)
    head = rows[-1]
    public = any(row.status is not PathwayStatus.DRAFT for row in rows)
    try:
        require(actor, Operation.UPDATE, replace(draft_target(head), published=public))
    except NotFound:
        raise NotFound(f"no pathway {slug!r}") from None
    return head, tag(head)


def creatable_partnership(*, session: Session, actor: Actor, slug: str) -> Partnership:
    """The partnership `slug`, when `actor` may start a pathway in it."""
    partnership = get_partnership(session=session, slug=slug)
    require(actor, Operation.CREATE, Target(Resource.PATHWAY, partnership_id=partnership.id))
    return partnership


def editable_partnerships(*, session: Session, actor: Actor) -> list[Partnership]:
    """The partnerships `actor` may start pathways in, by name."""
    query = sa.select(Partnership).order_by(Partnership.name)
    if not actor.is_admin:
        query = query.where(Partnership.id.in_(actor.partnership_ids))
    return list(session.scalars(query))


def slug_from(title: str) -> str:
    """A URL slug for `title`: "CNA → RN (2026)" gives "cna-rn-2026"."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain.lower())
    slug = "-".join(words)[:MAX_SLUG].strip("-")
    return slug if len(slug) >= 2 else "pathway"


def free_slug(*, session: Session, title: str) -> str:
    """`slug_from(title)`, or with "-2", "-3"… when a pathway already has it."""
    base = slug_from(title)[: MAX_SLUG - 4].strip("-")
    taken = set(session.scalars(sa.select(Pathway.slug).where(Pathway.slug.like(f"{base}%"))))
    taken |= RESERVED
    if base not in taken:
        return base
    return next(f"{base}-{n}" for n in range(2, len(taken) + 3) if f"{base}-{n}" not in taken)


def occupation_titles(*, session: Session, socs: set[str]) -> dict[str, str]:
    return titles_of(session=session, socs=socs)


def credential_choices(*, session: Session) -> list[tuple[int, str]]:
    """Every credential in the shared catalog, (id, name), by name."""
    query = sa.select(Credential.id, Credential.name, Credential.issuer).order_by(
        Credential.name, Credential.issuer, Credential.id
    )
    return [(row.id, row.name) for row in session.execute(query)]


def draft_diagram(
    *, session: Session, actor: Actor, slug: str, title: str, graph: PathwayGraph
) -> Diagram:
    """The diagram `graph` would have as `slug`'s draft, after the checks a save makes
    (InvalidInput by field, as the save would raise); nothing is written."""
    head, _ = editable_pathway(session=session, actor=actor, slug=slug)
    check_graph(session, graph, for_publish=False)
    partnership = get_partnership_by_id(session=session, partnership_id=head.partnership_id)
    reports = latest_reports(session=session, partnership_id=partnership.id)
    socs = {step.soc for step in graph.steps}
    titles = titles_of(session=session, socs=socs)
    medians: dict[str, float | None] = {}
    for soc in socs:
        bls = resolve_wages(session=session, soc=soc, region=partnership.region.slug).estimate
        wage = step_wage(bls=bls, employer=reports.get(soc))
        medians[soc] = None if wage is None else wage.annual_median
    ids = {i for move in graph.transitions for i in move.credential_ids}
    query = sa.select(Credential.id, Credential.name).where(Credential.id.in_(ids))
    names = {row.id: row.name for row in session.execute(query)}
    ordered = sorted(enumerate(graph.steps), key=lambda item: (item[1].stage, item[0]))
    return Diagram(
        title=title,
        steps=tuple(
            DiagramStep(step.key, step.label or titles[step.soc], step.stage, medians[step.soc])
            for _, step in ordered
        ),
        moves=tuple(
            DiagramMove(
                move.source,
                move.target,
                move.kind,
                tuple(names[i] for i in move.credential_ids),
                move.months_training,
                move.months_experience,
            )
            for move in graph.transitions
        ),
    )

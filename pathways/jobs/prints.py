"""Flyers and diagrams on request, through the render cache.

A request first looks for a pointer — (what was asked, the data stamp) → content key — and
serves the cached file without reading any pathway data: that is the hot path. Otherwise it
gathers the render input, hashes it into the content key, and draws only when no file has
that key. The data stamp is the newest audit entry and the newest catalog import, so every
write anywhere (a pathway edit, a program, an employer wage, a new OEWS year) retires the
pointers, and the content key decides whether anything actually changed.

Pointers are kept for anonymous readers only: signed-in editors may see drafts, so their
requests always take the content path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.access import Actor, Channel
from pathways.domain.flyers import DiagramFormat, Language, Paper
from pathways.jobs.tasks import FlyerJob, flyer_key, render_flyer
from pathways.models import AuditEvent, ImportRun
from pathways.render.cache import (
    DirectoryCache,
    RedisCache,
    RenderCache,
    content_key,
    pointer_key,
)
from pathways.render.diagrams import render_diagram
from pathways.services.flyers import PathwayPrint, pathway_print, print_of
from pathways.services.occupation_flyers import occupation_flyer
from pathways.services.pathways import list_pathways


@dataclass(frozen=True)
class Printer:
    """Where renders are kept, and the public address the flyers' QR codes point to."""

    cache: RenderCache
    public_url: str  # e.g. "https://pathways.example.org", no trailing slash

    def pathway_url(self, slug: str) -> str:
        return f"{self.public_url}/pathways/{quote(slug)}"

    def occupation_url(self, soc: str, region: str | None) -> str:
        query = f"?{urlencode({'region': region})}" if region else ""
        return f"{self.public_url}/occupations/{quote(soc)}{query}"


# A render about to happen: its content key, and how to draw it on a cache miss.
Drawing = tuple[str, Callable[[], bytes]]


def printer_from(config: Mapping[str, Any]) -> Printer:
    """The printer the configuration describes: the cache in Redis when REDIS_URL is set
    (shared by every machine), else in RENDER_CACHE_DIR."""
    cache: RenderCache
    if config.get("REDIS_URL"):
        from redis import Redis

        cache = RedisCache(Redis.from_url(config["REDIS_URL"]))
    else:
        cache = DirectoryCache(Path(config["RENDER_CACHE_DIR"]))
    return Printer(cache, str(config["PUBLIC_URL"]).rstrip("/"))


@dataclass(frozen=True)
class Rendered:
    content: bytes
    key: str  # the content key: a strong ETag
    cached: bool


def data_stamp(session: Session) -> tuple[int | None, int | None]:
    """Changes with every write: the newest audit entry and the newest catalog import."""
    row = session.execute(
        sa.select(
            sa.select(sa.func.max(AuditEvent.id)).scalar_subquery(),
            sa.select(sa.func.max(ImportRun.id)).scalar_subquery(),
        )
    ).one()
    return row[0], row[1]


def flyer_job(found: PathwayPrint, paper: Paper, language: Language) -> FlyerJob:
    return FlyerJob(
        f"{found.slug} ({paper}, {language})", found.flyer, found.diagram, paper, language
    )


def pathway_flyer(
    *,
    session: Session,
    actor: Actor,
    printer: Printer,
    slug: str,
    version: str | None,
    paper: Paper,
    language: Language,
) -> Rendered:
    def prepare() -> Drawing:
        job = flyer_job(_gather(session, actor, printer, slug, version), paper, language)
        return flyer_key(job), lambda: render_flyer(job)

    pointer = _pointer(session, actor, "flyer", slug, version, paper, language)
    return _rendered(printer.cache, pointer, prepare)


def pathway_diagram(
    *,
    session: Session,
    actor: Actor,
    printer: Printer,
    slug: str,
    version: str | None,
    fmt: DiagramFormat,
    language: Language,
) -> Rendered:
    def prepare() -> Drawing:
        found = _gather(session, actor, printer, slug, version)
        diagram = replace(found.diagram, language=language)
        return content_key("diagram", diagram, fmt), lambda: render_diagram(diagram, fmt)

    pointer = _pointer(session, actor, "diagram", slug, version, fmt, language)
    return _rendered(printer.cache, pointer, prepare)


def occupation_flyer_pdf(
    *,
    session: Session,
    printer: Printer,
    soc: str,
    region: str | None,
    paper: Paper,
    language: Language,
) -> Rendered:
    def prepare() -> Drawing:
        page_url = printer.occupation_url(soc, region)
        flyer = occupation_flyer(session=session, soc=soc, region=region, page_url=page_url)
        job = FlyerJob(f"{soc} ({paper}, {language})", flyer, None, paper, language)
        return flyer_key(job), lambda: render_flyer(job)

    # Occupation flyers have no drafts: every reader gets the same one.
    pointer = pointer_key("occupation", soc, region, paper, language, data_stamp(session))
    return _rendered(printer.cache, pointer, prepare)


def partnership_jobs(
    *,
    session: Session,
    actor: Actor,
    printer: Printer,
    slug: str,
    papers: Iterable[Paper],
    languages: Iterable[Language],
) -> list[FlyerJob]:
    """A flyer job for every published pathway of partnership `slug`, in each paper and
    language asked for, by pathway title."""
    reader = Actor.anonymous(actor.channel)  # a batch prints what the public sees
    jobs: list[FlyerJob] = []
    for pathway in list_pathways(session=session, actor=reader, partnership=slug):
        found = print_of(
            session=session, pathway=pathway, page_url=printer.pathway_url(pathway.slug)
        )
        jobs.extend(flyer_job(found, paper, language) for paper in papers for language in languages)
    return jobs


def cached_flyer(cache: RenderCache, job: FlyerJob) -> Rendered:
    """`job` drawn, or taken from the cache when it was drawn before."""
    return _draw(cache, None, flyer_key(job), lambda: render_flyer(job))


def prerender_pathway(*, session: Session, printer: Printer, slug: str) -> int:
    """Draw what readers of a just-published pathway will ask for — its flyers in every paper
    and language, and its diagram in every format — so their first request is a cache hit.
    Returns how many files were drawn."""
    reader = Actor.anonymous(Channel.WEB)
    drawn = 0
    for language in Language:
        for paper in Paper:
            drawn += not pathway_flyer(
                session=session, actor=reader, printer=printer, slug=slug, version=None,
                paper=paper, language=language,
            ).cached  # fmt: skip
        for fmt in DiagramFormat:
            drawn += not pathway_diagram(
                session=session, actor=reader, printer=printer, slug=slug, version=None,
                fmt=fmt, language=language,
            ).cached  # fmt: skip
    return drawn


def _gather(
    session: Session, actor: Actor, printer: Printer, slug: str, version: str | None
) -> PathwayPrint:
    page_url = printer.pathway_url(slug)
    return pathway_print(
        session=session, actor=actor, slug=slug, version=version, page_url=page_url
    )


def _pointer(session: Session, actor: Actor, *asked: object) -> str | None:
    if actor.is_authenticated:
        return None
    return pointer_key(*asked, data_stamp(session))


def _rendered(cache: RenderCache, pointer: str | None, prepare: Callable[[], Drawing]) -> Rendered:
    """The file `pointer` leads to; else gather the input (`prepare`: its content key and how
    to draw it) and take the cached file with that key, or draw it."""
    followed = None if pointer is None else cache.get(pointer)
    if followed is not None:
        key = followed.decode()
        content = cache.get(key)
        if content is not None:
            return Rendered(content, key, cached=True)
    key, draw = prepare()
    return _draw(cache, pointer, key, draw)


def _draw(cache: RenderCache, pointer: str | None, key: str, draw: Callable[[], bytes]) -> Rendered:
    content = cache.get(key)
    cached = content is not None
    if content is None:
        content = draw()
        cache.put(key, content)
    if pointer is not None:
        cache.put(pointer, key.encode())
    return Rendered(content, key, cached)

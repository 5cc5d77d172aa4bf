"""Occupation search: by code, title or alternate title, ranked so the occupation people mean
comes first ("nurse" → Registered Nurses, then Licensed Practical Nurses).

Ranking tiers: a SOC code (or its start); titles with every word whole; titles with every word
inside; then the same for alternate titles, where occupations that mention the word more often
come first. Within a tier larger occupations (national employment, BLS projections) lead.
One scan of the occupations table over pre-normalized text (see Occupation.search_text), so
it runs the same on SQLite and PostgreSQL and stays within a few milliseconds.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import InstrumentedAttribute, Session

from pathways.domain import search
from pathways.domain.occupations import SearchHit
from pathways.domain.paging import Page
from pathways.models import AlternateTitle, Occupation, Outlook

CODE, TITLE_WORDS, TITLE_TEXT, ALT_WORDS, ALT_TEXT = range(5)
MATCHED = {CODE: "code", TITLE_WORDS: "title", TITLE_TEXT: "title"}


def search_occupations(
    *, session: Session, query: str | None, page: int = 1, per_page: int = 20
) -> Page[SearchHit]:
    """A page of occupations matching `query`; every occupation, A–Z, when there is none."""
    words = search.terms(query or "")
    code = search.code_prefix(query or "")
    tier, matches = _ranking(words, code)
    latest = sa.select(sa.func.max(Outlook.base_year)).scalar_subquery()
    # Rank in a subquery, so each tier is computed once and the ordering reuses it.
    ranked = (
        sa.select(
            Occupation.soc_code,
            Occupation.title,
            Occupation.job_zone,
            Occupation.alternate_search_text.label("alternates"),
            tier.label("tier"),
            Outlook.employment_base.label("employment"),
        )
        .outerjoin(
            Outlook, sa.and_(Outlook.soc_code == Occupation.soc_code, Outlook.base_year == latest)
        )
        .where(matches)
        .subquery("ranked")
    )
    statement = (
        sa.select(
            ranked.c.soc_code,
            ranked.c.title,
            ranked.c.job_zone,
            ranked.c.tier,
            sa.func.count().over().label("total"),
        )
        .order_by(*_order(words, code, ranked))
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    rows = session.execute(statement).all()
    if rows:
        total = rows[0].total
    else:  # past the last page: count alone
        total = session.scalar(sa.select(sa.func.count()).where(matches)) or 0
    alternates = _matched_alternates(
        session, words, [row.soc_code for row in rows if row.tier >= ALT_WORDS]
    )
    hits = [
        SearchHit(
            soc=row.soc_code,
            title=row.title,
            job_zone=row.job_zone,
            matched=MATCHED.get(row.tier, "alternate_title"),
            matched_text=row.soc_code
            if row.tier == CODE
            else alternates.get(row.soc_code, row.title),
        )
        for row in rows
    ]
    return Page(hits, total, page, per_page)


def _ranking(
    words: list[str], code: str | None
) -> tuple[sa.ColumnElement[int], sa.ColumnElement[bool]]:
    """The tier of each occupation, and the condition for being a match at all."""
    if not words and code is None:  # browsing the catalog
        return sa.literal(TITLE_WORDS), sa.true()
    cases: list[tuple[sa.ColumnElement[bool], int]] = []
    conditions: list[sa.ColumnElement[bool]] = []
    if code is not None:
        is_code = Occupation.soc_code.startswith(code, autoescape=True)
        cases.append((is_code, CODE))
        conditions.append(is_code)
    if words:
        title, alternates = Occupation.search_text, Occupation.alternate_search_text
        cases += [
            (_whole_words(title, words), TITLE_WORDS),
            (_inside(title, words), TITLE_TEXT),
            (_whole_words(alternates, words), ALT_WORDS),
        ]
        conditions += [_inside(title, words), _inside(alternates, words)]
    return sa.case(*cases, else_=ALT_TEXT), sa.or_(*conditions)


def _order(words: list[str], code: str | None, ranked: sa.Subquery) -> list[sa.ColumnElement[Any]]:
    if not words and code is None:
        return [ranked.c.title]
    relevance = [_mentions(words[0], ranked).desc()] if words else []
    size = sa.func.coalesce(ranked.c.employment, -1).desc()
    return [ranked.c.tier, *relevance, size, ranked.c.title]


def _inside(column: InstrumentedAttribute[str], words: list[str]) -> sa.ColumnElement[bool]:
    return sa.and_(*(column.contains(word) for word in words))


def _whole_words(column: InstrumentedAttribute[str], words: list[str]) -> sa.ColumnElement[bool]:
    # Search text pads every title with spaces, so " nurse " and " nurses " are whole words.
    return sa.and_(
        *(sa.or_(column.contains(f" {word} "), column.contains(f" {word}s ")) for word in words)
    )


def _mentions(word: str, ranked: sa.Subquery) -> sa.ColumnElement[int]:
    """How often the alternate titles mention `word`: relevance among alternate-title hits."""
    text = ranked.c.alternates
    count = (sa.func.length(text) - sa.func.length(sa.func.replace(text, word, ""))) / len(word)
    return sa.case((ranked.c.tier >= ALT_WORDS, count), else_=0)


def _matched_alternates(session: Session, words: list[str], socs: list[str]) -> dict[str, str]:
    """For hits found by an alternate title, the shortest title holding the most query words,
    to show people why the occupation matched."""
    if not socs:
        return {}
    rows = session.execute(
        sa.select(AlternateTitle.soc_code, AlternateTitle.title, AlternateTitle.search_text).where(
            AlternateTitle.soc_code.in_(socs), AlternateTitle.search_text.contains(words[0])
        )
    )
    best: dict[str, tuple[int, int, str]] = {}
    for soc, title, text in rows:
        rank = (-sum(word in text for word in words), len(title), title)
        if soc not in best or rank < best[soc]:
            best[soc] = rank
    return {soc: rank[2] for soc, rank in best.items()}

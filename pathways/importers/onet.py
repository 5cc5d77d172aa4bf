"""O*NET database (text edition): occupations, job zones, alternate titles, related occupations,
skills, knowledge and education/training/experience.

O*NET rates some SOC occupations in more detail (29-1141.01 Acute Care Nurses under 29-1141.00
Registered Nurses). The catalog is by SOC code: ratings come from the `.00` record, and the
specialty titles become alternate titles of the SOC occupation so search still finds them.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.imports import ImportSummary
from pathways.domain.search import search_text
from pathways.importers.bulk import insert_rows, upsert
from pathways.importers.cells import parse_cell, text_cell
from pathways.importers.files import Progress
from pathways.importers.onet_ratings import load_education, load_ratings
from pathways.importers.onet_source import CODE, SPECIALTY, OnetSource
from pathways.models import AlternateTitle, JobZone, Occupation, RelatedOccupation


def import_onet(
    session: Session, directory: Path, *, release: str, progress: Progress | None = None
) -> ImportSummary:
    """Load an O*NET release, replacing what an earlier O*NET import wrote. Skills keep their
    ids (programs refer to them); occupations BLS added that O*NET lacks are kept."""
    summary = ImportSummary("onet", release)
    source = OnetSource(directory, summary, progress)
    _load_job_zones(session, source)
    titles, specialties = _load_occupations(session, source)
    for model in (AlternateTitle, RelatedOccupation):
        session.execute(sa.delete(model))
    summary.written += _load_alternate_titles(session, source, titles, specialties)
    summary.written += _load_related(session, source, set(titles))
    summary.written += load_ratings(session, source)
    summary.written += load_education(session, source, set(titles))
    return summary


def _load_job_zones(session: Session, source: OnetSource) -> None:
    columns = ("Job Zone", "Name", "Experience", "Education", "Job Training", "Examples")
    with source.read("zone_reference", columns) as (table, rows):
        i_zone, i_name, *i_texts = map(table.index, columns)
        for line, values in rows:
            zone = parse_cell(table, line, values, i_zone, _zone)
            name = text_cell(table, line, values, i_name)
            experience, education, training, examples = (values[i].strip() for i in i_texts)
            session.merge(
                JobZone(
                    zone=zone,
                    name=name.split(": ", 1)[-1],  # "Job Zone Three: Medium Preparation Needed"
                    experience=experience,
                    education=education,
                    training=training,
                    examples=examples,
                )
            )
            source.summary.written += 1
    session.flush()


def _zone(text: str) -> int:
    zone = int(text)
    if not 1 <= zone <= 5:
        raise ValueError(text)
    return zone


def _load_occupations(
    session: Session, source: OnetSource
) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Upsert the SOC-level occupations. Returns their titles by SOC code, and the specialty
    titles as (parent SOC code, title) for the alternate-title pass."""
    zones: dict[str, int] = {}
    with source.read("zones", (CODE, "Job Zone")) as (table, rows):
        i_code, i_zone = table.index(CODE), table.index("Job Zone")
        for line, values in rows:
            code = source.code(table, line, values, i_code)
            if code.endswith(".00"):
                zones[code[:7]] = parse_cell(table, line, values, i_zone, _zone)

    records: dict[str, dict[str, object]] = {}
    specialties: list[tuple[str, str]] = []
    with source.read("occupations", (CODE, "Title", "Description")) as (table, rows):
        i_code, i_title, i_description = map(table.index, (CODE, "Title", "Description"))
        for line, values in rows:
            code = source.code(table, line, values, i_code)
            title = text_cell(table, line, values, i_title)
            if not code.endswith(".00"):
                specialties.append((code[:7], title))
                continue
            soc = code[:7]
            if soc in records:
                raise table.error(line, CODE, f"duplicate occupation {code}")
            records[soc] = {
                "soc_code": soc,
                "onet_code": code,
                "title": title,
                "search_text": search_text(title),
                "description": values[i_description].strip() or None,
                "job_zone": zones.get(soc),
            }
    source.summary.written += upsert(session, Occupation, list(records.values()))
    return {soc: str(record["title"]) for soc, record in records.items()}, specialties


def _load_alternate_titles(
    session: Session,
    source: OnetSource,
    titles: dict[str, str],
    specialties: list[tuple[str, str]],
) -> int:
    seen: set[tuple[str, str]] = {(soc, title.lower()) for soc, title in titles.items()}
    rows: list[tuple[str, str, str, str | None]] = []

    def add(soc: str, title: str, short: str | None) -> bool:
        key = (soc, title.lower())
        if soc not in titles or key in seen:
            return False
        seen.add(key)
        rows.append((soc, title, search_text(title), short))
        return True

    for soc, title in specialties:
        add(soc, title, None)
    columns = (CODE, "Alternate Title", "Short Title")
    with source.read("titles", columns) as (table, lines):
        i_code, i_title, i_short = map(table.index, columns)
        for line, values in lines:
            code = source.code(table, line, values, i_code)
            title = text_cell(table, line, values, i_title)
            short = values[i_short].strip()
            if not add(code[:7], title, None if short in ("", "n/a") else short):
                source.summary.skip("alternate titles repeating another title of the occupation")
    by_occupation: dict[str, list[str]] = {soc: [] for soc in titles}
    for soc, _title, text, _short in rows:
        by_occupation[soc].append(text)
    session.execute(
        sa.update(Occupation),
        [
            {"soc_code": soc, "alternate_search_text": "|".join(texts)}
            for soc, texts in by_occupation.items()
        ],
    )
    return insert_rows(
        session,
        AlternateTitle,
        ("soc_code", "title", "search_text", "short_title"),
        rows,
    )


def _load_related(session: Session, source: OnetSource, socs: set[str]) -> int:
    best: dict[tuple[str, str], tuple[str, int]] = {}
    columns = (CODE, "Related O*NET-SOC Code", "Relatedness Tier", "Index")
    with source.read("related", columns) as (table, rows):
        i_code, i_related, i_tier, i_rank = map(table.index, columns)
        for line, values in rows:
            code = source.code(table, line, values, i_code)
            related = source.code(table, line, values, i_related)
            rank = parse_cell(table, line, values, i_rank, int)
            tier = text_cell(table, line, values, i_tier)
            if not code.endswith(".00"):
                source.summary.skip(SPECIALTY)
                continue
            key = (code[:7], related[:7])
            if key[0] == key[1]:
                source.summary.skip("relations within one SOC occupation")
                continue
            if key[1] not in socs:
                source.summary.skip("relations to occupations O*NET does not describe")
                continue
            if key not in best or rank < best[key][1]:
                best[key] = (tier, rank)
    return insert_rows(
        session,
        RelatedOccupation,
        ("soc_code", "related_soc_code", "tier", "rank"),
        ((soc, related, tier, rank) for (soc, related), (tier, rank) in best.items()),
    )

"""O*NET ratings: skill and knowledge importance and level, and the education, training and
experience distributions. Only the SOC-level `.00` records are kept (see importers.onet)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.vocabulary import SkillKind
from pathways.importers.bulk import insert_rows
from pathways.importers.cells import number, parse_cell, text_cell
from pathways.importers.onet_source import CODE, SPECIALTY, OnetSource
from pathways.models import EducationCategory, EducationRating, OccupationSkill, Skill

RATING_COLUMNS = (
    CODE,
    "Element ID",
    "Element Name",
    "Scale ID",
    "Data Value",
    "Recommend Suppress",
    "Not Relevant",
)
SCALE_RANGES = {"IM": (1.0, 5.0), "LV": (0.0, 7.0)}
EDUCATION_SCALES = ("RL", "RW", "PT", "OJ")


def load_ratings(session: Session, source: OnetSource) -> int:
    """Skills and knowledge: upsert the elements (ids stay stable), then replace every
    occupation's importance/level pairs."""
    names: dict[str, str] = {}
    ratings: dict[tuple[str, str], dict[str, float | bool]] = {}
    for key in ("skills", "knowledge"):
        with source.read(key, RATING_COLUMNS) as (table, lines):
            i_code, i_element, i_name, i_scale, i_value, i_suppress, i_relevant = map(
                table.index, RATING_COLUMNS
            )
            for line, values in lines:
                code = source.code(table, line, values, i_code)
                element = text_cell(table, line, values, i_element)
                if element not in names:
                    names[element] = text_cell(table, line, values, i_name)
                scale = values[i_scale].strip()
                if scale not in SCALE_RANGES:
                    raise table.error(line, i_scale, f"{scale!r} is not IM or LV")
                value = parse_cell(table, line, values, i_value, number)
                low, high = SCALE_RANGES[scale]
                if not low <= value <= high:
                    raise table.error(line, i_value, f"{value} is outside {low}–{high}")
                if not code.endswith(".00"):
                    source.summary.skip(SPECIALTY)
                    continue
                rating = ratings.setdefault((code[:7], element), {})
                if scale in rating:
                    message = f"duplicate {scale} rating of {element} for {code}"
                    raise table.error(line, i_code, message)
                rating[scale] = value
                if values[i_suppress].strip() == "Y":
                    rating["suppressed"] = True
                if scale == "LV" and values[i_relevant].strip() == "Y":
                    rating["not_relevant"] = True

    skill_ids = _upsert_skills(session, names, _descriptions(source))
    session.execute(sa.delete(OccupationSkill))
    rows = []
    for (soc, element), rating in ratings.items():
        if "IM" not in rating or "LV" not in rating:
            source.summary.skip("ratings without both importance and level")
            continue
        rows.append(
            (
                soc,
                skill_ids[element],
                rating["IM"],
                rating["LV"],
                bool(rating.get("suppressed")),
                bool(rating.get("not_relevant")),
            )
        )
    columns = ("soc_code", "skill_id", "importance", "level", "suppressed", "not_relevant")
    return len(names) + insert_rows(session, OccupationSkill, columns, rows)


def _descriptions(source: OnetSource) -> dict[str, str]:
    descriptions = {}
    with source.read("elements", ("Element ID", "Description")) as (table, rows):
        i_element, i_description = table.index("Element ID"), table.index("Description")
        for line, values in rows:
            element = text_cell(table, line, values, i_element)
            descriptions[element] = values[i_description].strip()
    return descriptions


def _upsert_skills(
    session: Session, names: dict[str, str], descriptions: dict[str, str]
) -> dict[str, int]:
    existing = dict(
        session.execute(
            sa.select(Skill.element_id, Skill.id).where(Skill.element_id.is_not(None))
        ).all()
    )
    for element, name in sorted(names.items()):
        values = {
            "kind": SkillKind.KNOWLEDGE if element.startswith("2.C") else SkillKind.SKILL,
            "name": name,
            "description": descriptions.get(element),
        }
        if element in existing:
            session.execute(sa.update(Skill).where(Skill.id == existing[element]).values(values))
        else:
            existing[element] = session.execute(
                sa.insert(Skill).values(element_id=element, **values).returning(Skill.id)
            ).scalar_one()
    return {element: skill_id for element, skill_id in existing.items() if element is not None}


def load_education(session: Session, source: OnetSource, socs: set[str]) -> int:
    """Education, training and experience: the share of workers in each category."""
    session.execute(sa.delete(EducationRating))
    session.execute(sa.delete(EducationCategory))
    categories: dict[tuple[str, int], tuple[str, str | None]] = {}
    columns = ("Scale ID", "Category", "Category Description")
    with source.read("education_categories", columns) as (table, rows):
        i_scale, i_category, i_text = map(table.index, columns)
        for line, values in rows:
            scale = values[i_scale].strip()
            category = parse_cell(table, line, values, i_category, int)
            if (scale, category) in categories:
                raise table.error(line, i_category, f"duplicate category {scale} {category}")
            text = text_cell(table, line, values, i_text)
            # "Post-Secondary Certificate - awarded for training completed after high school …"
            label, _, description = text.partition(" - ")
            categories[(scale, category)] = (label, description or None)
    written = insert_rows(
        session,
        EducationCategory,
        ("scale", "category", "label", "description"),
        ((scale, category, *texts) for (scale, category), texts in categories.items()),
    )

    ratings: dict[tuple[str, str, int], float] = {}
    education = (CODE, "Scale ID", "Category", "Data Value")
    with source.read("education", education) as (table, rows):
        i_code, i_scale, i_category, i_value = map(table.index, education)
        for line, values in rows:
            code = source.code(table, line, values, i_code)
            scale = values[i_scale].strip()
            percent = parse_cell(table, line, values, i_value, number)
            if scale not in EDUCATION_SCALES:  # their rows have no category ("n/a")
                source.summary.skip("education scales other than RL, RW, PT and OJ")
                continue
            category = parse_cell(table, line, values, i_category, int)
            if (scale, category) not in categories:
                raise table.error(line, i_category, f"unknown {scale} category {category}")
            if not 0 <= percent <= 100:
                raise table.error(line, i_value, f"{percent} is not a percentage")
            if not code.endswith(".00") or code[:7] not in socs:
                source.summary.skip(SPECIALTY)
                continue
            key = (code[:7], scale, category)
            if key in ratings:
                message = f"duplicate {scale} category {category} for {code}"
                raise table.error(line, i_code, message)
            ratings[key] = percent
    return written + insert_rows(
        session,
        EducationRating,
        ("soc_code", "scale", "category", "percent"),
        ((soc, scale, category, percent) for (soc, scale, category), percent in ratings.items()),
    )

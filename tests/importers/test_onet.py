"""O*NET from a slice of the real release: occupations, titles, ratings, relations, education."""

import pytest
import sqlalchemy as sa

from pathways.domain.vocabulary import SkillKind
from pathways.importers.files import data_size
from pathways.importers.onet import import_onet
from pathways.importers.onet_source import SPECIALTY
from pathways.models import (
    AlternateTitle,
    EducationCategory,
    EducationRating,
    JobZone,
    Occupation,
    OccupationSkill,
    RelatedOccupation,
    Skill,
)
from tests.importers.slices import (
    ONET_CODE,
    assert_names_place,
    fails_cleanly,
    onet_slices,
    row_counts,
    write_onet,
)

# Registered nurses (with four specialty codes), nurse practitioners, LPNs, nursing assistants.
SOCS = ("29-1141", "29-1171", "29-2061", "31-1131")
EDUCATION = "Education, Training, and Experience.txt"
KEPT_SCALES = ("RL", "RW", "PT", "OJ")  # education, experience, on-site and on-the-job training
TABLES = (
    Occupation,
    AlternateTitle,
    RelatedOccupation,
    Skill,
    OccupationSkill,
    EducationCategory,
    EducationRating,
    JobZone,
)


def release():
    return onet_slices(SOCS)


def records(name):
    return release()[name].records()


def soc_level(name):
    """Rows of the SOC-level `.00` records."""
    return [record for record in records(name) if record[ONET_CODE].endswith(".00")]


def load(session, tmp_path, slices=None, suffix=""):
    directory = write_onet(slices or release(), tmp_path / "onet", suffix)
    return import_onet(session, directory, release="29.3")


@pytest.mark.parametrize("suffix", ["", ".xz"])
def test_occupations_come_from_the_soc_level_records(session, tmp_path, suffix):
    load(session, tmp_path, suffix=suffix)
    session.expire_all()
    expected = soc_level("Occupation Data.txt")
    assert len(expected) == len(SOCS)
    for record in expected:
        occupation = session.get(Occupation, record[ONET_CODE][:7])
        assert occupation.onet_code == record[ONET_CODE]
        assert occupation.title == record["Title"]
        assert occupation.description == record["Description"]


def test_specialty_codes_become_alternate_titles_of_the_soc_occupation(session, tmp_path):
    load(session, tmp_path)
    specialties = [r for r in records("Occupation Data.txt") if not r[ONET_CODE].endswith(".00")]
    assert {r[ONET_CODE] for r in specialties} >= {"29-1141.01", "29-1141.02"}
    titles = set(session.execute(sa.select(AlternateTitle.soc_code, AlternateTitle.title)))
    for record in specialties:
        assert (record[ONET_CODE][:7], record["Title"]) in titles
        assert session.get(Occupation, record[ONET_CODE][:7]) is not None
    onet_codes = session.scalars(
        sa.select(Occupation.onet_code).where(Occupation.onet_code.is_not(None))
    )
    assert all(code.endswith(".00") for code in onet_codes)


def test_alternate_titles_of_every_onet_code_land_on_the_soc_occupation(session, tmp_path):
    load(session, tmp_path)
    stored = {
        (soc, title.lower())
        for soc, title in session.execute(sa.select(AlternateTitle.soc_code, AlternateTitle.title))
    }
    primary = {(r[ONET_CODE][:7], r["Title"].lower()) for r in soc_level("Occupation Data.txt")}
    for record in records("Alternate Titles.txt"):
        key = (record[ONET_CODE][:7], record["Alternate Title"].lower())
        assert key in stored or key in primary


def test_job_zones_come_from_the_soc_level_record(session, tmp_path):
    load(session, tmp_path)
    session.expire_all()
    for record in soc_level("Job Zones.txt"):
        assert session.get(Occupation, record[ONET_CODE][:7]).job_zone == int(record["Job Zone"])
    for record in records("Job Zone Reference.txt"):
        zone = session.get(JobZone, int(record["Job Zone"]))
        assert record["Name"].startswith("Job Zone ")
        assert record["Name"].endswith(": " + zone.name)
        assert zone.education == record["Education"]


def ratings_in(names):
    """{(SOC, element ID): {"IM": value, "LV": value, flags}} from the `.00` rows."""
    ratings: dict[tuple[str, str], dict] = {}
    for name in names:
        for record in soc_level(name):
            rating = ratings.setdefault((record[ONET_CODE][:7], record["Element ID"]), {})
            rating[record["Scale ID"]] = float(record["Data Value"])
            rating["suppressed"] = rating.get("suppressed") or record["Recommend Suppress"] == "Y"
            if record["Scale ID"] == "LV":
                rating["not_relevant"] = record["Not Relevant"] == "Y"
    return ratings


def test_skills_and_knowledge_pair_importance_and_level(session, tmp_path):
    load(session, tmp_path)
    expected = ratings_in(["Skills.txt", "Knowledge.txt"])
    query = sa.select(
        OccupationSkill.soc_code,
        Skill.element_id,
        OccupationSkill.importance,
        OccupationSkill.level,
        OccupationSkill.suppressed,
        OccupationSkill.not_relevant,
    ).join(Skill)
    stored = {(soc, element): rest for soc, element, *rest in session.execute(query)}
    assert stored.keys() == expected.keys()
    for key, rating in expected.items():
        importance, level, suppressed, not_relevant = stored[key]
        assert (importance, level) == pytest.approx((rating["IM"], rating["LV"]))
        assert (suppressed, not_relevant) == (rating["suppressed"], rating["not_relevant"])


def test_skills_and_knowledge_keep_their_kind_and_name(session, tmp_path):
    load(session, tmp_path)
    skills = {s.element_id: s for s in session.scalars(sa.select(Skill))}
    for name, kind in (("Skills.txt", SkillKind.SKILL), ("Knowledge.txt", SkillKind.KNOWLEDGE)):
        for record in records(name):
            skill = skills[record["Element ID"]]
            assert (skill.kind, skill.name) == (kind, record["Element Name"])


def test_related_occupations_map_to_soc_codes_without_self_relations(session, tmp_path):
    load(session, tmp_path)
    described = {record[ONET_CODE][:7] for record in soc_level("Occupation Data.txt")}
    expected: dict[tuple[str, str], int] = {}
    for record in soc_level("Related Occupations.txt"):
        pair = (record[ONET_CODE][:7], record["Related O*NET-SOC Code"][:7])
        if pair[0] != pair[1] and pair[1] in described:
            expected[pair] = min(expected.get(pair, 99), int(record["Index"]))
    assert any(
        r["Related O*NET-SOC Code"][:7] == r[ONET_CODE][:7]
        for r in soc_level("Related Occupations.txt")
    ), "the slice should hold a relation to a specialty of the same occupation"
    query = sa.select(
        RelatedOccupation.soc_code, RelatedOccupation.related_soc_code, RelatedOccupation.rank
    )
    stored = {(soc, related): rank for soc, related, rank in session.execute(query)}
    assert stored == expected
    assert all(soc != related for soc, related in stored)


def test_education_categories_split_into_label_and_description(session, tmp_path):
    load(session, tmp_path)
    session.expire_all()
    split = 0
    for record in records("Education, Training, and Experience Categories.txt"):
        category = session.get(EducationCategory, (record["Scale ID"], int(record["Category"])))
        text = record["Category Description"]
        if category.description is None:
            assert category.label == text
        else:
            split += 1
            assert " - " not in category.label
            assert f"{category.label} - {category.description}" == text
    assert split > 0


def test_education_ratings_are_the_soc_level_shares(session, tmp_path):
    load(session, tmp_path)
    expected = {
        (r[ONET_CODE][:7], r["Scale ID"], int(r["Category"])): float(r["Data Value"])
        for r in soc_level(EDUCATION)
        if r["Scale ID"] in KEPT_SCALES
    }
    query = sa.select(
        EducationRating.soc_code,
        EducationRating.scale,
        EducationRating.category,
        EducationRating.percent,
    )
    stored = {
        (soc, scale, category): percent for soc, scale, category, percent in session.execute(query)
    }
    assert stored == pytest.approx(expected)


def test_summary_counts_every_row_read(session, tmp_path):
    summary = load(session, tmp_path)
    assert summary.read == sum(len(piece.rows) for piece in release().values())
    assert (summary.source, summary.vintage) == ("onet", "29.3")
    assert len(summary.files) == len(release())


def test_summary_skip_reasons_match_the_slice(session, tmp_path):
    summary = load(session, tmp_path)
    described = {r[ONET_CODE][:7] for r in soc_level("Occupation Data.txt")}
    related = [
        (r[ONET_CODE][:7], r["Related O*NET-SOC Code"][:7])
        for r in soc_level("Related Occupations.txt")
    ]
    rated = ["Skills.txt", "Knowledge.txt", "Related Occupations.txt"]
    education = [r for r in records(EDUCATION) if r["Scale ID"] in KEPT_SCALES]
    specialty = sum(len(records(name)) - len(soc_level(name)) for name in rated)
    specialty += sum(not r[ONET_CODE].endswith(".00") for r in education)
    assert summary.skipped[SPECIALTY] == specialty
    assert summary.skipped["relations within one SOC occupation"] == sum(
        soc == other for soc, other in related
    )
    assert summary.skipped["relations to occupations O*NET does not describe"] == sum(
        soc != other and other not in described for soc, other in related
    )
    assert summary.skipped["education scales other than RL, RW, PT and OJ"] == len(
        records(EDUCATION)
    ) - len(education)


def test_summary_written_adds_up_to_what_was_stored(session, tmp_path):
    summary = load(session, tmp_path)
    elements = {r["Element ID"] for name in ("Skills.txt", "Knowledge.txt") for r in records(name)}
    replaced = row_counts(
        session,
        AlternateTitle,
        RelatedOccupation,
        OccupationSkill,
        EducationCategory,
        EducationRating,
    )
    assert summary.written == (
        len(records("Job Zone Reference.txt"))
        + len(soc_level("Occupation Data.txt"))
        + len(elements)
        + sum(replaced.values())
    )


def test_occupations_onet_lacks_are_kept(session, tmp_path):
    query = sa.select(Occupation.soc_code).where(Occupation.onet_code.is_(None))
    bls_only = set(session.scalars(query))
    assert bls_only  # 29-2010 and 31-1120 in the sample catalog come from BLS
    load(session, tmp_path)
    assert bls_only <= set(session.scalars(sa.select(Occupation.soc_code)))


def test_progress_reports_the_bytes_of_every_file(session, tmp_path):
    directory = write_onet(release(), tmp_path / "onet", ".xz")
    reported = []
    import_onet(session, directory, release="29.3", progress=reported.append)
    assert sum(reported) == sum(data_size(path) for path in directory.iterdir())


# Re-imports.


def test_reimport_keeps_skill_ids_stable(session, tmp_path):
    before = dict(session.execute(sa.select(Skill.element_id, Skill.id)).all())
    load(session, tmp_path)
    load(session, tmp_path)
    after = dict(session.execute(sa.select(Skill.element_id, Skill.id)).all())
    assert before
    assert after == before


def test_reimport_does_not_duplicate_alternate_titles(session, tmp_path):
    load(session, tmp_path)
    first = row_counts(session, AlternateTitle, RelatedOccupation, OccupationSkill)
    load(session, tmp_path)
    assert row_counts(session, AlternateTitle, RelatedOccupation, OccupationSkill) == first
    duplicates = (
        sa.select(AlternateTitle.soc_code, sa.func.lower(AlternateTitle.title))
        .group_by(AlternateTitle.soc_code, sa.func.lower(AlternateTitle.title))
        .having(sa.func.count() > 1)
    )
    assert session.execute(duplicates).all() == []


# Malformed files: the error names file, line and column; nothing is written.


def test_clean_slice_would_change_the_tables(session, tmp_path):
    """So that 'unchanged' below means the failed import was undone."""
    before = row_counts(session, *TABLES)
    load(session, tmp_path)
    assert row_counts(session, *TABLES) != before


def with_file(name, piece):
    return {**release(), name: piece}


def last_soc_level(name):
    """The last `.00` row the importer reads in full (not an education scale it skips)."""
    return max(
        i
        for i, r in enumerate(records(name))
        if r[ONET_CODE].endswith(".00") and (name != EDUCATION or r["Scale ID"] in KEPT_SCALES)
    )


@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("Skills.txt", "Data Value"),
        ("Knowledge.txt", "Scale ID"),
        ("Occupation Data.txt", "Title"),
        ("Related Occupations.txt", "Related O*NET-SOC Code"),
        ("Education, Training, and Experience Categories.txt", "Category Description"),
    ],
)
def test_missing_column(session, tmp_path, name, column):
    slices = with_file(name, release()[name].without_column(column))
    error = fails_cleanly(session, lambda: load(session, tmp_path, slices), *TABLES)
    assert_names_place(error, name, 1, column)


@pytest.mark.parametrize(
    ("name", "column"),
    [
        ("Knowledge.txt", "Data Value"),
        ("Job Zones.txt", "Job Zone"),
        ("Related Occupations.txt", "Index"),
        (EDUCATION, "Data Value"),
    ],
)
def test_non_numeric_value(session, tmp_path, name, column):
    row = last_soc_level(name)
    slices = with_file(name, release()[name].with_cell(row, column, "n/a"))
    error = fails_cleanly(session, lambda: load(session, tmp_path, slices), *TABLES)
    assert_names_place(error, name, release()[name].line(row), column)


def test_duplicate_rating(session, tmp_path):
    piece = release()["Skills.txt"]
    row = last_soc_level("Skills.txt")
    bad = piece.plus(piece.rows[row])
    error = fails_cleanly(
        session, lambda: load(session, tmp_path, with_file("Skills.txt", bad)), *TABLES
    )
    assert_names_place(error, "Skills.txt", bad.line(-1), ONET_CODE)


def test_row_with_wrong_column_count(session, tmp_path):
    name = "Related Occupations.txt"
    row = last_soc_level(name)
    slices = with_file(name, release()[name].with_short_row(row))
    error = fails_cleanly(session, lambda: load(session, tmp_path, slices), *TABLES)
    assert (error.file, error.line) == (name, release()[name].line(row))


def test_missing_file_is_named(session, tmp_path):
    slices = {k: v for k, v in release().items() if k != "Job Zones.txt"}
    error = fails_cleanly(session, lambda: load(session, tmp_path, slices), *TABLES)
    assert "Job Zones.txt is missing" in str(error)

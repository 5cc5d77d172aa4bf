"""Workspace seed files (credentials.toml, partnerships/*.toml): loaded through the services,
idempotent, and malformed files reported by file and key path."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from pathways.domain.errors import MalformedFile
from pathways.domain.vocabulary import PathwayStatus, TransitionKind
from pathways.importers.workspace import load_credentials, load_workspaces
from pathways.models import Credential, EmployerWage, Partnership, Pathway, RequirementOverride
from pathways.services.pathway_graphs import to_graph
from tests.importers.workspace_files import (
    ACTOR,
    CREDENTIALS,
    LOGO,
    PARTNERSHIP,
    counts,
    load,
    row_versions,
    write_workspace,
)


def test_a_workspace_loads_through_the_services(session, tmp_path):
    assert load(session, tmp_path) == "test-nursing"
    partnership = session.scalar(sa.select(Partnership).where(Partnership.slug == "test-nursing"))
    assert (partnership.name, partnership.region.slug) == ("Test Nursing Partnership",
                                                           "northeast-louisiana")  # fmt: skip
    assert (partnership.primary_color, partnership.accent_color) == ("#0B5D8C", "#F2A900")
    assert (partnership.logo, partnership.logo_media_type) == (LOGO, "image/svg+xml")
    assert [(m.name, m.kind.value) for m in partnership.members] == [
        ("Test Hospital", "employer"), ("Test College", "education")
    ]  # fmt: skip
    critical = [
        (c.soc_code, c.priority, c.annual_openings) for c in partnership.critical_occupations
    ]
    assert critical == [("29-1141", 1, 120), ("31-1131", 2, 80)]
    wage = session.scalar(
        sa.select(EmployerWage).where(EmployerWage.partnership_id == partnership.id)
    )
    assert (wage.entry, wage.median, wage.experienced) == (14.5, 16.25, 18.0)
    assert wage.reported_on == date(2025, 3, 1)
    overrides = session.scalars(
        sa.select(RequirementOverride).where(RequirementOverride.partnership_id == partnership.id)
    ).all()
    assert sorted(o.action.value for o in overrides) == ["add", "reweight"]
    cna = session.scalar(sa.select(Credential).where(Credential.name.like("Test Certified%")))
    assert (cna.typical_cost, cna.exam) == (12_000, "Test CNA exam")

    pathway = session.scalar(sa.select(Pathway).where(Pathway.slug == "test-cna-to-rn"))
    assert (pathway.number, pathway.status) == (1, PathwayStatus.PUBLISHED)
    graph = to_graph(pathway)
    assert [(s.key, s.soc, s.stage, s.label) for s in graph.steps] == [
        ("cna", "31-1131", 1, "CNA"), ("lpn", "29-2061", 2, None), ("rn", "29-1141", 3, None)
    ]  # fmt: skip
    first, second = graph.transitions
    assert (first.kind, first.cost_cents, first.months_training) == (TransitionKind.ADVANCE,
                                                                      450_000, 12)  # fmt: skip
    assert first.earn_while_you_learn
    assert len(first.credential_ids) == 2
    assert (second.cost_cents, second.notes) == (900_000, "LPN-to-RN bridge.")


def test_loading_the_same_files_again_changes_nothing(session, tmp_path):
    load(session, tmp_path)
    before, versions_before = counts(session), row_versions(session)
    load(session, tmp_path)
    load(session, tmp_path)
    assert counts(session) == before  # no new rows, not even an audit entry
    assert row_versions(session) == versions_before


def test_a_report_given_twice_is_kept_twice_and_not_added_again(session, tmp_path):
    start = PARTNERSHIP.index("[[employer_wages]]")
    report = PARTNERSHIP[start : PARTNERSHIP.index("[[overrides]]")]
    twice = PARTNERSHIP.replace(report, report * 2)
    load(session, tmp_path, twice)
    before = counts(session)
    load(session, tmp_path, twice)
    assert counts(session) == before
    mine = sa.select(Partnership.id).where(Partnership.slug == "test-nursing").scalar_subquery()
    reports = sa.select(sa.func.count()).where(EmployerWage.partnership_id == mine)
    assert session.scalar(reports) == 2


def test_a_changed_file_brings_the_workspace_up_to_date(session, tmp_path):
    load(session, tmp_path)
    changed = (
        PARTNERSHIP.replace('title = "Test CNA to RN"', 'title = "Test CNA to Registered Nurse"')
        .replace("median = 16.25", "median = 16.75")
        .replace('name = "Test College"\nkind', 'name = "Test University"\nkind')
        .replace('[[critical_occupations]]\nsoc = "31-1131"\npriority = 2\n', "")
        .replace("annual_openings = 80\n", "")
    )  # fmt: skip
    load(session, tmp_path, changed)
    versions = session.scalars(
        sa.select(Pathway).where(Pathway.slug == "test-cna-to-rn").order_by(Pathway.number)
    ).all()
    assert [(v.number, v.status.value) for v in versions] == [(1, "archived"), (2, "published")]
    assert versions[1].title == "Test CNA to Registered Nurse"
    partnership = session.scalar(sa.select(Partnership).where(Partnership.slug == "test-nursing"))
    assert [m.name for m in partnership.members] == ["Test Hospital", "Test University"]
    assert [c.soc_code for c in partnership.critical_occupations] == ["29-1141"]
    medians = session.scalars(
        sa.select(EmployerWage.median).where(EmployerWage.partnership_id == partnership.id)
    ).all()
    assert medians == [16.75]
    before = counts(session)
    load(session, tmp_path, changed)
    assert counts(session) == before


def test_an_unpublished_pathway_stays_a_draft_and_is_edited_in_place(session, tmp_path):
    draft = PARTNERSHIP.replace("publish = true", "publish = false")
    load(session, tmp_path, draft)
    load(session, tmp_path, draft.replace("cost_usd = 9000", "cost_usd = 9500"))
    versions = session.scalars(sa.select(Pathway).where(Pathway.slug == "test-cna-to-rn")).all()
    assert [(v.number, v.status.value) for v in versions] == [(1, "draft")]
    assert to_graph(versions[0]).transitions[1].cost_cents == 950_000


def test_load_workspaces_reads_the_credentials_then_every_partnership(session, tmp_path):
    write_workspace(tmp_path)
    assert load_workspaces(session, tmp_path, actor=ACTOR) == ["test-nursing"]
    before = counts(session)
    assert load_workspaces(session, tmp_path, actor=ACTOR) == ["test-nursing"]
    assert counts(session) == before
    assert load_workspaces(session, tmp_path / "nothing-here", actor=ACTOR) == []


BAD_PARTNERSHIPS = [
    ('credentials = []', 'credentials = ["x"]',
     "pathways[0].transitions[1].credentials: no credential 'x'"),
    ('credentials = []', 'credentials = ["iv", "iv"]',
     "pathways[0].transitions[1].credentials: 'iv' is listed twice"),
    ('soc = "29-1141"\nstage = 3', 'soc = "29-9999"\nstage = 3',
     "pathways[0].steps[2].soc: unknown SOC code 29-9999"),
    ('soc = "29-1141"\nstage = 3', 'soc = "nurse"\nstage = 3',
     "pathways[0].steps[2].soc: 'nurse' is not a SOC code"),
    ("cost_usd = 9000", "cost_usd = 2000000",
     "pathways[0].transitions[1].cost_usd: must be at most $1,000,000"),
    ("cost_usd = 9000", "cost_usd = -5", "pathways[0].transitions[1].cost_usd: a whole number"),
    ("months_training = 18", 'months_training = "a year and a half"',
     "pathways[0].transitions[1].months_training: expected a whole number, found text"),
    ('kind = "advance"\ncredentials = []', 'kind = "upward"\ncredentials = []',
     "pathways[0].transitions[1].kind: one of advance, lateral, add_on"),
    ('to = "rn"', 'to = "cna"', "pathways[0].steps: no destination: a pathway needs a step"),
    ('stage = 1\nlabel = "CNA"', 'stage = 2\nlabel = "CNA"',
     "pathways[0].steps: no step on stage 1"),
    ('slug = "test-cna-to-rn"', 'slug = "Test CNA"', "pathways[0].slug: 'Test CNA' is not a slug"),
    ("priority = 1", "priority = 0",
     "critical_occupations[0].priority: a whole number from 1 (most urgent) to 99"),
    ("annual_openings = 120", "anual_openings = 120",
     "critical_occupations[0].anual_openings: unknown key"),
    ('soc = "31-1131"\npriority = 2', 'soc = "29-1141"\npriority = 2',
     "critical_occupations[1].soc: 29-1141 is listed twice"),
    ("median = 16.25", "median = 12", "employer_wages[0].median: must not be below entry (14.5)"),
    ("reported_on = 2025-03-01", 'reported_on = "March 2025"',
     "employer_wages[0].reported_on: expected a date, found text"),
    ("employer_count = 4", "employer_count = 0",
     "employer_wages[0].employer_count: at least 1 employer"),
    ('skill = "2.A.1.a"', 'skill = "9.Z"', "overrides[0].skill: no O*NET skill or knowledge '9.Z'"),
    ("importance = 5", "importance = 9",
     "overrides[0].importance: O*NET importance runs from 1 to 5"),
    ('credential = "iv"', 'credential = "cpr"', "overrides[1].credential: no credential 'cpr'"),
    ('relation = "preferred"', "", "overrides[1].relation: required, preferred or add_on"),
    ('region = "northeast-louisiana"', 'region = "atlantis"', "region: no region 'atlantis'"),
    ('primary_color = "#0b5d8c"', 'primary_color = "blue"', "branding.primary_color: a colour"),
    ('kind = "education"', 'kind = "school"', "members[1].kind: one of employer"),
    ('name = "Test College"', 'name = "Test Hospital"',
     "members[1].name: 'Test Hospital' is listed twice"),
    ('sector = "Healthcare"', "", "sector: required"),
    ('logo = "logo.svg"', 'logo = "missing.png"',
     "logo: no file 'missing.png' beside test-nursing.toml"),
    ('logo = "logo.svg"', 'logo = "../logo.svg"', "logo: the name of a file beside"),
    ("[branding]", "[branding]\nfont = 'Comic Sans'", "branding.font: unknown key"),
    ("sample = true", "sample = true\nsample = false", "not valid TOML"),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "message"), BAD_PARTNERSHIPS)
def test_a_malformed_partnership_file_names_the_file_and_key(session, tmp_path, old, new, message):
    assert old in PARTNERSHIP
    with pytest.raises(MalformedFile) as caught:
        load(session, tmp_path, PARTNERSHIP.replace(old, new, 1))
    assert caught.value.message.startswith("test-nursing.toml: ")
    assert message in caught.value.message


def test_a_pathway_slug_is_used_once_per_file(session, tmp_path):
    pathway = PARTNERSHIP[PARTNERSHIP.index("[[pathways]]") :]
    with pytest.raises(MalformedFile, match=r"pathways\[1\]\.slug: 'test-cna-to-rn' is used twice"):
        load(session, tmp_path, PARTNERSHIP + pathway)


def test_a_pathway_of_another_partnership_is_not_taken_over(session, tmp_path):
    load(session, tmp_path)
    other = PARTNERSHIP.replace('slug = "test-nursing"', 'slug = "test-other-nursing"')
    with pytest.raises(
        MalformedFile, match=r"pathways\[0\]\.slug: pathway 'test-cna-to-rn' belongs"
    ):
        load(session, tmp_path, other)


BAD_CREDENTIALS = [
    ('type = "License"', 'type = "Licence"', "credentials[1].type: a CTDL credential type"),
    ('key = "iv"', 'key = "lpn"', "credentials[2].key: 'lpn' is used twice"),
    ('soc = "29-2061", relation = "add_on"', 'soc = "99-9999", relation = "add_on"',
     "credentials[2].occupations[0].soc: no occupation 99-9999 in the catalog"),
    ('relation = "add_on"', 'relation = "nice"',
     "credentials[2].occupations[0].relation: required"),
    ("typical_cost_usd = 350", "typical_cost_usd = 3.5",
     "credentials[2].typical_cost_usd: expected a whole number, found a number"),
    ('name = "Test IV Therapy Certificate"\ntype = "Certificate"\nissuer = "Test College"',
     'name = "Test Practical Nurse License"\ntype = "License"\nissuer = "Test Board of Nursing"',
     "credentials[2].name: the same name and issuer as credential 'lpn'"),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "message"), BAD_CREDENTIALS)
def test_a_malformed_credentials_file_names_the_file_and_key(session, tmp_path, old, new, message):
    assert old in CREDENTIALS
    path = tmp_path / "credentials.toml"
    path.write_text(CREDENTIALS.replace(old, new, 1))
    with pytest.raises(MalformedFile) as caught:
        load_credentials(session, path, actor=ACTOR)
    assert caught.value.message.startswith("credentials.toml: ")
    assert message in caught.value.message


def test_credentials_are_matched_by_name_and_issuer_and_updated(session, tmp_path):
    path = tmp_path / "credentials.toml"
    path.write_text(CREDENTIALS)
    first = load_credentials(session, path, actor=ACTOR)
    path.write_text(CREDENTIALS.replace("typical_cost_usd = 350", "typical_cost_usd = 400"))
    assert load_credentials(session, path, actor=ACTOR) == first
    assert session.get(Credential, first["iv"]).typical_cost == 40_000

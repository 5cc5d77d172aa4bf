"""Alignment through the API: one program against one occupation, a partnership's matrix and
a provider's report, on the catalog's real O*NET ratings for LPNs (29-2061)."""

import csv
import io

import pypdf
import pytest
import sqlalchemy as sa

from pathways.domain.vocabulary import AwardLevel, Modality, RequirementAction
from pathways.models import (
    CriticalOccupation,
    OccupationSkill,
    Program,
    ProgramSkill,
    Region,
    RequirementOverride,
    Skill,
)
from tests.factories import make_partnership, make_provider, make_region

LPN = "29-2061"


def required(session, soc=LPN):
    """The O*NET ratings of importance ≥ 3 (reliable, relevant): skill id → (importance, level)."""
    rows = session.execute(
        sa.select(
            OccupationSkill.skill_id, OccupationSkill.importance, OccupationSkill.level
        ).where(
            OccupationSkill.soc_code == soc,
            OccupationSkill.importance >= 3,
            OccupationSkill.suppressed.is_(False),
            OccupationSkill.not_relevant.is_(False),
        )
    )
    return {skill_id: (importance, level) for skill_id, importance, level in rows}


@pytest.fixture
def region_id(session):
    return session.scalar(sa.select(Region.id).where(Region.slug == "northeast-louisiana"))


def make_program(session, provider, *, taught, cip="51.3901", seats=30, title="Practical Nursing"):
    program = Program(
        provider_id=provider.id, title=title, cip_code=cip, award_level=AwardLevel.CERTIFICATE,
        modality=Modality.IN_PERSON, seats_per_year=seats,
    )  # fmt: skip
    session.add(program)
    session.flush()
    session.add_all(ProgramSkill(program_id=program.id, skill_id=s, level=v) for s, v in taught)
    session.flush()
    return program


def test_a_program_teaching_every_required_skill_at_its_level_covers_it_all(client, session):
    needs = required(session)
    program = make_program(
        session, make_provider(session), taught=[(s, level) for s, (_, level) in needs.items()]
    )
    body = client.get(f"/api/v1/programs/{program.id}/alignment?occupation={LPN}").get_json()
    assert (body["coverage"], body["percent"], body["gaps"]) == (1.0, 100.0, [])
    assert body["crosswalk_aligned"] is True, "CIP 51.3901 maps to 29-2061"
    assert len(body["contributions"]) == len(needs)
    assert body["total_importance"] == pytest.approx(sum(i for i, _ in needs.values()))


def test_half_the_level_on_every_skill_is_half_the_coverage_and_every_skill_a_gap(client, session):
    needs = required(session)
    taught = [(s, level / 2) for s, (_, level) in needs.items()]
    program = make_program(session, make_provider(session), taught=taught)
    body = client.get(f"/api/v1/programs/{program.id}/alignment?occupation={LPN}").get_json()
    assert body["coverage"] == pytest.approx(0.5)
    weights = [g["importance"] * g["difference"] for g in body["gaps"]]
    assert len(weights) == len(needs)
    assert weights == sorted(weights, reverse=True)
    first = body["contributions"][0]
    assert first["contribution"] == pytest.approx(first["importance"] * 0.5)


def test_a_partnership_override_changes_what_is_required(client, session, region_id):
    needs = required(session)
    dropped = next(iter(needs))
    partnership = make_partnership(session, region_id=region_id)
    session.add(RequirementOverride(
        partnership_id=partnership.id, soc_code=LPN, action=RequirementAction.DROP,
        skill_id=dropped,
    ))  # fmt: skip
    program = make_program(session, make_provider(session), taught=[])
    path = f"/api/v1/programs/{program.id}/alignment?occupation={LPN}"
    national = client.get(path).get_json()
    regional = client.get(f"{path}&partnership={partnership.slug}").get_json()
    assert len(regional["contributions"]) == len(national["contributions"]) - 1
    assert national["coverage"] == regional["coverage"] == 0.0


def test_the_matrix_flags_thin_seats_low_coverage_and_no_program(client, session):
    region_id = make_region(session, areas=["0033740"]).id  # a region with no other program
    partnership = make_partnership(session, region_id=region_id)
    session.add_all([
        CriticalOccupation(partnership_id=partnership.id, soc_code=LPN, priority=1,
                           annual_openings=100),
        CriticalOccupation(partnership_id=partnership.id, soc_code="53-3032", priority=2,
                           annual_openings=10),
    ])  # fmt: skip
    provider = make_provider(session, region_id=region_id)
    skill = session.scalar(sa.select(Skill.id).where(Skill.element_id == "2.A.1.a"))
    program = make_program(session, provider, taught=[(skill, 7.0)], seats=30)
    session.flush()

    body = client.get(f"/api/v1/partnerships/{partnership.slug}/alignment").get_json()
    rows = {row["soc"]: row for row in body["rows"]}
    lpn = rows[LPN]
    assert (lpn["leading_program_ids"], lpn["seats_per_year"]) == ([program.id], 30)
    assert lpn["best_program_id"] == program.id
    assert lpn["flags"] == ["seats_below_half_of_openings", "best_coverage_below_60"]
    assert rows["53-3032"]["flags"][0] == "no_regional_program"
    assert [row["soc"] for row in body["rows"]] == [LPN, "53-3032"], "most urgent first"


def test_a_provider_report_covers_every_partnership_of_its_region(client, session, region_id):
    partnership = make_partnership(session, region_id=region_id)
    session.add(CriticalOccupation(partnership_id=partnership.id, soc_code=LPN, priority=1))
    provider = make_provider(session, region_id=region_id)
    program = make_program(session, provider, taught=[])
    session.flush()
    body = client.get(f"/api/v1/providers/{provider.id}/alignment").get_json()
    mine = next(p for p in body["partnerships"] if p["partnership"] == partnership.slug)
    assert [(a["program_id"], a["soc"]) for a in mine["alignments"]] == [(program.id, LPN)]
    assert [p["id"] for p in body["programs"]] == [program.id]


def test_unknown_things_are_404_and_a_bad_code_is_422(client, session):
    assert client.get(f"/api/v1/programs/999999/alignment?occupation={LPN}").status_code == 404
    assert client.get("/api/v1/partnerships/nope/alignment").status_code == 404
    assert client.get("/api/v1/providers/999999/alignment").status_code == 404
    program = make_program(session, make_provider(session), taught=[])
    bad = client.get(f"/api/v1/programs/{program.id}/alignment?occupation=292061")
    assert bad.status_code == 422
    assert "occupation" in bad.get_json()["errors"]


def test_the_partnership_report_downloads_as_csv_and_pdf(client, session):
    region_id = make_region(session, areas=["0033740"], name="Report Region").id
    partnership = make_partnership(session, region_id=region_id, name="Report Partnership")
    session.add(CriticalOccupation(partnership_id=partnership.id, soc_code=LPN, priority=1,
                                   annual_openings=100))  # fmt: skip
    provider = make_provider(session, region_id=region_id, name="Delta College")
    title = "=SUM(1,2) <b>Practical</b> Nursing"  # a formula and markup, typed by someone
    make_program(session, provider, taught=[], title=title, seats=30)
    session.flush()

    csv_response = client.get(f"/partnerships/{partnership.slug}/alignment.csv")
    assert csv_response.status_code == 200
    assert csv_response.mimetype == "text/csv"
    assert "attachment" in csv_response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(csv_response.get_data(as_text=True))))
    assert rows[0][:3] == ["soc", "occupation", "annual_openings"]
    lpn = rows[1]
    assert lpn[:4] == [LPN, "Licensed Practical and Licensed Vocational Nurses", "100", "30"]
    assert lpn[7] == f"'{title} (Delta College)", "a spreadsheet shows it, never runs it"
    assert "Seats below half of openings" in lpn[8]

    pdf_response = client.get(f"/partnerships/{partnership.slug}/alignment.pdf")
    assert pdf_response.mimetype == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(pdf_response.data))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Report Partnership" in " ".join(text.split())
    assert "<b>Practical</b> Nursing" in text, "escaped, shown as typed"
    assert "O*NET" in text


def test_the_provider_report_downloads_as_csv_and_pdf(client, session):
    region_id = make_region(session, areas=["0033740"]).id
    partnership = make_partnership(session, region_id=region_id, name="Provider Report Team")
    session.add(CriticalOccupation(partnership_id=partnership.id, soc_code=LPN, priority=1))
    provider = make_provider(session, region_id=region_id)
    needs = required(session)
    make_program(session, provider, taught=[(s, level / 2) for s, (_, level) in needs.items()])
    session.flush()

    rows = list(csv.reader(io.StringIO(
        client.get(f"/providers/{provider.id}/alignment.csv").get_data(as_text=True)
    )))  # fmt: skip
    assert rows[1][:2] == ["Provider Report Team", LPN]
    assert rows[1][4] == "50.0"
    assert rows[1][7].count("→") == 5, "the five largest gaps"
    pdf = client.get(f"/providers/{provider.id}/alignment.pdf")
    text = pypdf.PdfReader(io.BytesIO(pdf.data)).pages[0].extract_text()
    assert "50.0 %" in text
    assert client.get("/providers/999999/alignment.pdf").status_code == 404

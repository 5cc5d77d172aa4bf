"""What the CNA → RN flyer and diagram are made of, gathered from the sample Northeast
Louisiana partnership (seed_data/partnerships/ne-louisiana-healthcare.toml), its programs
(seed_data/programs/northeast-louisiana.toml) and the real catalog rows for Monroe, LA."""

from datetime import date

import pytest

from pathways.domain.access import Actor, Channel
from pathways.domain.errors import NotFound
from pathways.domain.flyers import Language, Source
from pathways.domain.vocabulary import TransitionKind
from pathways.domain.wages import AreaRef, WageEstimate, WageFigure, WageMarker
from pathways.engines.wages import bls_wage
from pathways.importers.workspace import load_workspaces
from pathways.render.flyer_words import Words
from pathways.services.flyers import flyer_wages, pathway_print
from pathways.services.occupation_flyers import occupation_flyer
from tests.conftest import SEED_DIR

READER = Actor.anonymous(Channel.WEB)
URL = "https://pathways.example.org/pathways/cna-to-rn"


@pytest.fixture
def seeded(session):
    load_workspaces(session, SEED_DIR, actor=Actor.operator("tests"))
    return session


def test_steps_show_employer_wages_where_members_reported_them_else_bls(seeded):
    found = pathway_print(
        session=seeded, actor=READER, slug="cna-to-rn", version=None, page_url=URL
    )
    steps = {step.key: step for step in found.flyer.steps}
    cna = steps["cna"].wages
    assert (cna.basis, cna.entry, cna.median, cna.experienced) == ("hourly", 14.0, 15.25, 17.0)
    assert (cna.source.employer_count, cna.source.reported_on) == (5, date(2026, 3, 1))
    rn = steps["rn"].wages
    assert (rn.basis, rn.median) == ("annual", 78_270.0)
    assert (rn.source.area, rn.source.vintage) == ("Monroe, LA", 2025)
    assert [step.stage for step in found.flyer.steps] == sorted(s.stage for s in found.flyer.steps)


def test_each_step_says_what_it_takes_to_get_there(seeded):
    found = pathway_print(
        session=seeded, actor=READER, slug="cna-to-rn", version=None, page_url=URL
    )
    steps = {step.key: step for step in found.flyer.steps}
    rn = steps["rn"]
    assert rn.months_training == 24
    assert any("Nurs" in name for name in rn.credentials)
    assert rn.cost_cents is not None
    assert rn.cost_cents > 0
    assert steps["cna"].months_training is None  # an entry step: no move into it
    assert rn.outlook is not None
    assert rn.outlook.area == "United States"


def test_programs_nearby_lead_to_the_steps_entry_first(seeded):
    flyer = pathway_print(
        session=seeded, actor=READER, slug="cna-to-rn", version=None, page_url=URL
    ).flyer
    titles = [program.title for program in flyer.programs]
    assert {"Certified Nurse Aide Training", "Practical Nursing, T.D.",
            "Registered Nursing, A.S.N.", "Nursing, B.S.N."} <= set(titles)  # fmt: skip
    # Taking turns between steps: the first programs listed lead to different steps.
    first = [program.leads_to for program in flyer.programs[:3]]
    assert len(set(first)) == 3, first
    assert titles.index("Certified Nurse Aide Training") < titles.index("Nursing, B.S.N.")
    rn = next(p for p in flyer.programs if p.title == "Registered Nursing, A.S.N.")
    assert rn.provider == "Louisiana Delta Community College"
    assert rn.contact == "(318) 555-0140"
    assert rn.leads_to == "Registered Nurse (ASN)"  # the step's label in the seed file


def test_the_flyer_cites_its_sources_with_vintages_and_has_skills(seeded):
    found = pathway_print(
        session=seeded, actor=READER, slug="cna-to-rn", version=None, page_url=URL
    )
    assert Source("O*NET", "29.3") in found.flyer.sources
    assert Source("BLS OEWS", "May 2025") in found.flyer.sources
    assert found.flyer.onet_release == "29.3"
    assert found.flyer.skills
    assert len(set(found.flyer.skills)) == len(found.flyer.skills)
    assert found.flyer.branding.logo is not None
    assert found.flyer.page_url == URL


def test_the_diagram_has_every_step_and_move_with_its_credentials(seeded):
    diagram = pathway_print(
        session=seeded, actor=READER, slug="cna-to-rn", version=None, page_url=URL
    ).diagram
    assert len(diagram.steps) == 5
    kinds = {move.kind for move in diagram.moves}
    assert kinds == {TransitionKind.ADVANCE, TransitionKind.LATERAL, TransitionKind.ADD_ON}
    rn = next(step for step in diagram.steps if step.key == "rn")
    assert rn.annual_median == 78_270.0
    assert all(move.credentials or move.kind is TransitionKind.LATERAL for move in diagram.moves)


def test_a_draft_only_pathway_has_no_public_flyer(seeded):
    with pytest.raises(NotFound):
        pathway_print(
            session=seeded, actor=READER, slug="no-such-pathway", version=None, page_url=URL
        )


def test_an_occupation_flyer_has_regional_wages_programs_and_next_steps(seeded):
    flyer = occupation_flyer(
        session=seeded, soc="29-2061", region="northeast-louisiana", page_url=URL
    )
    assert flyer.title == "Licensed Practical and Licensed Vocational Nurses"
    assert flyer.steps[0].wages.median == 55_360.0
    assert "Practical Nursing, T.D." in [program.title for program in flyer.programs]
    assert "29-1141" in [step.soc for step in flyer.next_steps]
    # Where it can lead: steps up (or of unknown pay), never back down to lower pay.
    assert all(step.wage_gain is None or step.wage_gain >= 0 for step in flyer.next_steps)
    assert "31-1131" not in [step.soc for step in flyer.next_steps]
    assert flyer.diagram_svg is None


def test_wages_above_the_bls_top_code_show_as_at_or_above_it():
    figures = {
        "annual_p25": WageFigure(198_500.0),
        "annual_median": WageFigure(None, WageMarker.TOP_CODED),
        "annual_p75": WageFigure(None, WageMarker.TOP_CODED),
    }
    estimate = WageEstimate("29-1211", AreaRef("0033740", "Monroe, LA", "metro"), 2025, 90,
                            figures)  # fmt: skip
    wages = flyer_wages(bls_wage(estimate))
    assert (wages.entry, wages.median, wages.experienced) == (198_500.0, 239_200.0, 239_200.0)
    assert wages.top_coded == ("median", "experienced")
    assert Words(Language.EN).pay(wages) == ("$198,500/yr", "≥ $239,200/yr", "≥ $239,200/yr")

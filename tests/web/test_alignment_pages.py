"""The alignment pages (public): a provider's programs against its region's critical
occupations, skill by skill with gaps in words, linking to the CSV and PDF downloads; and one
program against one occupation."""

import re

import pytest
import sqlalchemy as sa

from pathways.models import ProgramSkill, Skill
from pathways.services.alignment import program_alignment
from tests.factories import make_critical_occupation, make_partnership, make_program, make_provider

LPN = "29-2061"
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture
def partnership(session):
    partnership = make_partnership(session, name="Delta Health Partnership")
    make_critical_occupation(session, partnership=partnership, soc_code=LPN, priority=1)
    return partnership


@pytest.fixture
def provider(session, partnership):
    return make_provider(session, name="Delta Technical", region_id=partnership.region_id)


@pytest.fixture
def program(session, provider):
    program = make_program(session, provider=provider, title="Practical Nursing")
    # Teaches two skills: one well, one below what practical nurses need.
    for element, level in (("2.A.1.a", 7.0), ("2.B.1.e", 0.5)):
        skill_id = session.scalar(sa.select(Skill.id).where(Skill.element_id == element))
        session.add(ProgramSkill(program_id=program.id, skill_id=skill_id, level=level))
    session.flush()
    session.expire(program)
    return program


def test_the_provider_report_shows_coverage_and_gaps_in_words(
    client, session, program, partnership
):
    response = client.get(f"/providers/{program.provider_id}/alignment")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    expected = program_alignment(session=session, program_id=program.id, soc=LPN,
                                 partnership=partnership.slug)  # fmt: skip
    assert "Delta Health Partnership" in html
    assert "Practical Nursing" in html
    assert f"{expected.percent:.1f} %" in html
    assert "Gap: not taught" in html
    assert re.search(r"Gap: \d\.\d\d below the level required", html)
    assert "Covered" in html
    assert f'href="/providers/{program.provider_id}/alignment.csv"' in html
    assert f'href="/providers/{program.provider_id}/alignment.pdf"' in html
    assert "O*NET" in html
    assert "CC BY 4.0" in html


def test_a_provider_without_programs_says_so(client, session):
    provider = make_provider(session, name="Empty College")
    html = client.get(f"/providers/{provider.id}/alignment").get_data(as_text=True)
    assert "has no active or planned programs" in html


def test_an_unknown_provider_is_a_404(client):
    assert client.get("/providers/999999/alignment").status_code == 404


def test_the_program_page_compares_one_occupation(client, session, program, partnership):
    url = f"/programs/{program.id}/alignment"
    start = client.get(url).get_data(as_text=True)
    assert f"occupation={LPN}" in start  # crosswalk and critical occupations offered as links
    response = client.get(url, query_string={"occupation": LPN, "partnership": partnership.slug})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    expected = program_alignment(session=session, program_id=program.id, soc=LPN,
                                 partnership=partnership.slug)  # fmt: skip
    assert f"{expected.percent:.1f} %" in html
    assert "Licensed Practical and Licensed Vocational Nurses" in html
    assert "Gap: not taught" in html


def test_an_unknown_occupation_is_a_422_beside_the_picker(client, program):
    response = client.get(f"/programs/{program.id}/alignment", query_string={"occupation": "zzyzx"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert 'id="occupation-error"' in html
    assert "no occupation matches" in html
    assert 'value="zzyzx"' in html


def test_program_titles_are_escaped(client, session, provider, partnership):
    make_program(session, provider=provider, title=SCRIPT)
    html = client.get(f"/providers/{provider.id}/alignment").get_data(as_text=True)
    assert SCRIPT not in html
    assert "&lt;script&gt;" in html

"""The provider page: the provider, each program with what it awards and its best coverage of
the region's critical occupations, the alignment report links, and editor links in scope."""

import re

import pytest
import sqlalchemy as sa

from pathways.domain.access import Role
from pathways.models import Program, Provider
from tests.factories import make_program, make_provider, make_user
from tests.web import force_sign_in, page, text


@pytest.fixture
def delta(session):
    """Louisiana Delta Community College, from the sample programs the catalog seeds
    (seed_data/programs/northeast-louisiana.toml)."""
    return session.scalar(
        sa.select(Provider).where(Provider.name == "Louisiana Delta Community College")
    )


def program_card(seen: str, title: str) -> str:
    start = seen.index(f" {title} CIP code")
    end = seen.find("CIP code", start + len(title) + 10)
    return seen[start : end if end > 0 else None]


def test_name_region_and_website(client, delta):
    html = page(client, f"/providers/{delta.id}")
    assert "<h1>Louisiana Delta Community College</h1>" in html
    seen = text(html)
    assert "Region Northeast Louisiana" in seen
    assert f'<a href="{delta.website}" rel="noopener noreferrer">' in html


def test_programs_with_cip_credentials_length_cost_format_and_seats(client, delta):
    card = program_card(text(page(client, f"/providers/{delta.id}")), "Practical Nursing, T.D.")
    assert "CIP code 51.3901 Licensed Practical/Vocational Nurse Training" in card
    assert "Award Diploma" in card
    assert "Credentials " in card
    assert "Length 52 weeks, 46 credit hours" in card
    assert "Cost $8,400" in card
    assert "Format In person" in card
    assert re.search(r"Seats a year \d+", card)


def test_each_program_has_its_best_coverage_of_an_occupation_it_leads_to(client, delta):
    seen = text(page(client, f"/providers/{delta.id}"))
    card = program_card(seen, "Practical Nursing, T.D.")
    assert re.search(
        r"Alignment [\d.]+ % of Licensed Practical and Licensed Vocational Nurses "
        r"\(Northeast Louisiana Healthcare Partnership",
        card,
    )


def test_a_program_that_leads_nowhere_says_so(client, session):
    provider = make_provider(session)
    make_program(session, provider=provider, title="Test Basket Weaving")
    seen = text(page(client, f"/providers/{provider.id}"))
    assert "Leads to none of the region's critical occupations" in seen
    assert "Region Not in a region yet" in seen


def test_alignment_report_links(client, delta):
    html = page(client, f"/providers/{delta.id}")
    assert f'href="/providers/{delta.id}/alignment">Alignment report</a>' in html
    assert f'href="/providers/{delta.id}/alignment.csv"' in html
    assert f'href="/providers/{delta.id}/alignment.pdf"' in html


def test_readers_and_other_editors_get_no_editor_links(client, session, delta):
    html = page(client, f"/providers/{delta.id}")
    assert "Add program" not in html
    assert "/edit" not in html
    other = make_provider(session)
    force_sign_in(client, make_user(session, role=Role.PROVIDER_EDITOR, providers=[other]))
    html = page(client, f"/providers/{delta.id}")
    assert "Add program" not in html
    assert "/edit" not in html


def test_its_editors_get_add_and_edit_links(client, session, delta):
    force_sign_in(client, make_user(session, role=Role.PROVIDER_EDITOR, providers=[delta]))
    html = page(client, f"/providers/{delta.id}")
    assert f'<a class="button" href="/providers/{delta.id}/programs/new">Add program</a>' in html
    ids = session.scalars(sa.select(Program.id).where(Program.provider_id == delta.id)).all()
    assert ids
    for program_id in ids:
        assert f'<a href="/programs/{program_id}/edit">Edit<span class="visually-hidden">' in html


def test_stored_text_is_escaped(client, session):
    provider = make_provider(session, name="<script>alert(1)</script>")
    make_program(session, provider=provider, title='"><img src=x onerror=alert(1)>')
    html = page(client, f"/providers/{provider.id}")
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("provider_id", ["999999", "99999999999", "abc"])
def test_unknown_provider_is_a_404_page(client, provider_id):
    response = client.get(f"/providers/{provider_id}")
    assert response.status_code == 404
    assert response.mimetype == "text/html"

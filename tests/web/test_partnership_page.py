"""The partnership page: critical occupations with employer-reported wages beside BLS's, each
with its source; pathways (drafts for its editors only); the alignment matrix in words; the
downloads; and the editor links only for those who may edit it."""

import re

import pytest

from pathways.domain.access import Role
from pathways.services.partnerships import get_partnership
from tests.factories import make_partnership, make_pathway, make_user
from tests.web import force_sign_in, page, text

NELA = "ne-louisiana-healthcare"
URL = f"/partnerships/{NELA}"


@pytest.fixture
def seeded(session):
    """The catalog with the sample partnerships, pathways and programs (seed_data/)."""
    return session


@pytest.fixture
def nela(seeded):
    return get_partnership(session=seeded, slug=NELA)


def test_name_region_and_description(client, nela):
    seen = text(page(client, URL))
    assert "Northeast Louisiana Healthcare Partnership" in seen
    assert "Healthcare sector partnership · Northeast Louisiana" in seen
    assert "stackable steps from nurse aide to registered nurse" in seen


def test_critical_occupations_by_priority_link_to_the_occupation_in_the_region(client, nela):
    html = page(client, URL)
    rn = html.index(
        '<a href="/occupations/29-1141?region=northeast-louisiana">Registered Nurses</a>'
    )
    lpn = html.index('<a href="/occupations/29-2061?region=northeast-louisiana">Licensed Practical')
    assert rn < lpn
    assert re.search(r"1 Registered Nurses 29-1141 .*? 120 ", text(html))


def test_employer_wages_beside_bls_wages_each_with_its_source(client, nela):
    seen = text(page(client, URL))
    lpn = seen[seen.index("Licensed Practical and Licensed Vocational Nurses 29-2061") :]
    lpn = lpn[: lpn.index("Nursing Assistants 31-1131")]
    assert (
        "Entry $23.50 Median $26.50 Experienced $29.50 An hour. "
        "Reported by 4 member employers, March 2026" in lpn
    )
    assert "Median $55,360" in lpn
    assert "BLS OEWS May 2025, Monroe, LA" in lpn
    rn = seen[seen.index("Registered Nurses 29-1141") : seen.index("Licensed Practical and")]
    assert "None reported" in rn


def test_published_pathways_are_linked_and_drafts_hidden_from_readers(client, session, nela):
    make_pathway(session, partnership=nela, title="Secret Draft Ladder")
    html = page(client, URL)
    assert '<a href="/pathways/cna-to-rn">CNA to RN</a>' in html
    assert "Secret Draft Ladder" not in html
    assert 'href="/partnerships/ne-louisiana-healthcare/flyers.pdf"' in html


def test_its_editors_see_their_drafts_marked(client, session, nela):
    make_pathway(session, partnership=nela, title="Secret Draft Ladder")
    force_sign_in(client, make_user(session, role=Role.PARTNERSHIP_EDITOR, partnerships=[nela]))
    assert re.search(r"Secret Draft Ladder</a> <span class=\"tag\">Draft</span>", page(client, URL))


def test_the_alignment_matrix_says_coverage_in_words_and_links_the_reports(client, nela):
    html = page(client, URL)
    seen = text(html)
    assert "Critical occupations × programs in Northeast Louisiana" in seen
    assert "Practical Nursing, T.D. Louisiana Delta Community College" in seen
    assert re.search(
        r"Licensed Practical and Licensed Vocational Nurses 60 \d+ [\d.]+ % None", seen
    )
    assert "Leads here" in seen
    assert "Seats below half of openings" in seen  # medical assistants: 16 seats, 45 openings
    assert 'href="/partnerships/ne-louisiana-healthcare/alignment.csv"' in html
    assert 'href="/partnerships/ne-louisiana-healthcare/alignment.pdf"' in html
    assert "CC BY 4.0" in seen


def test_the_regions_providers_are_linked(client, session, nela):
    html = page(client, URL)
    assert re.search(r'<a href="/providers/\d+">Louisiana Delta Community College</a>', html)


def test_readers_and_other_editors_get_no_editor_links(client, session, nela):
    assert "Manage critical occupations" not in page(client, URL)
    other = make_partnership(session)
    force_sign_in(client, make_user(session, role=Role.PARTNERSHIP_EDITOR, partnerships=[other]))
    html = page(client, URL)
    assert "Manage critical occupations" not in html
    assert "New pathway" not in html


@pytest.mark.parametrize("role", [Role.PARTNERSHIP_EDITOR, Role.ADMIN])
def test_its_editors_and_admins_get_the_editor_links(client, session, nela, role):
    user = make_user(
        session, role=role, partnerships=[nela] if role is Role.PARTNERSHIP_EDITOR else []
    )
    force_sign_in(client, user)
    html = page(client, URL)
    assert (
        f'<a class="button" href="/partnerships/{NELA}/occupations">Manage critical occupations</a>'
        in html
    )
    assert f'href="/pathways/new?partnership={NELA}">New pathway</a>' in html


def test_a_partnership_without_occupations_or_programs_reads_plainly(client, session):
    partnership = make_partnership(session, description='"><img src=x onerror=alert(1)>')
    html = page(client, f"/partnerships/{partnership.slug}")
    assert "No critical occupations named yet." in html
    assert "No published pathways yet." in html
    assert "<img src=x" not in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html


def test_the_logo_is_shown_from_the_partnerships_own_address(client, nela):
    assert nela.logo is not None  # the seed file's SVG
    html = page(client, URL)
    assert f'src="/api/v1/partnerships/{NELA}/logo"' in html
    assert 'alt="Northeast Louisiana Healthcare Partnership logo"' in html


def test_unknown_partnership_is_a_404_page(client):
    response = client.get("/partnerships/no-such-partnership")
    assert response.status_code == 404
    assert response.mimetype == "text/html"

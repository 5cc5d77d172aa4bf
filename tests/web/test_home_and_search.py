"""The home page and the search page: a plain GET form that works without JavaScript, the
results fragment search.js swaps in as people type, and only published pathways in it."""

import re

import pytest

from pathways.domain.access import Role
from tests.factories import make_partnership, make_pathway, make_region, make_user
from tests.web import force_sign_in, page


@pytest.fixture
def seeded(session):
    """The catalog with the sample partnerships, pathways and programs (seed_data/)."""
    return session


def test_home_has_a_search_form_that_works_without_javascript(client):
    html = page(client, "/")
    form = re.search(r'<form method="get" action="/search"[^>]*>(.*?)</form>', html, re.S)
    assert form is not None
    assert '<label for="q">Search occupations and pathways</label>' in form.group(1)
    assert 'name="q"' in form.group(1)
    assert '<button type="submit">Search</button>' in form.group(1)
    assert 'id="search-results"' in html
    assert 'aria-live="polite"' in html
    assert '<script src="/static/search.js" defer></script>' in html


def test_home_lists_the_partnerships_with_their_regions(client, seeded):
    html = page(client, "/")
    assert (
        '<a href="/partnerships/ne-louisiana-healthcare">Northeast Louisiana Healthcare '
        "Partnership</a>" in html
    )
    assert "Healthcare · Northeast Louisiana" in html


def test_home_keeps_the_regions_with_edit_links_for_admins_only(client, session):
    region = make_region(session, areas=["0033740"], name="Delta Region")
    html = page(client, "/")
    assert "Delta Region" in html
    assert f"/regions/{region.slug}/edit" not in html
    force_sign_in(client, make_user(session, role=Role.ADMIN))
    assert f'href="/regions/{region.slug}/edit"' in page(client, "/")


def test_search_lists_occupations_ranked_with_links_and_matched_alternate_titles(client):
    html = page(client, "/search?q=nurse")
    assert "<h1>Search occupations and pathways</h1>" in html
    assert 'value="nurse"' in html  # the box keeps what was typed
    rn = html.index('<a href="/occupations/29-1141">Registered Nurses</a>')
    lpn = html.index('<a href="/occupations/29-2061">Licensed Practical')
    assert rn < lpn
    assert "Also called “Nurse Aide”" in html  # why Nursing Assistants matched


def test_search_finds_published_pathways_by_the_occupations_of_their_steps(client, seeded):
    html = page(client, "/search?q=practical+nurse")
    assert '<a href="/pathways/cna-to-rn">CNA to RN</a>' in html
    assert "Steps: Licensed Practical Nurse" in html
    assert "Northeast Louisiana Healthcare Partnership" in html


def test_drafts_are_never_in_search_results(client, session):
    partnership = make_partnership(session)
    make_pathway(session, partnership=partnership, title="Zebrafish Draft Ladder")
    assert "Zebrafish" not in page(client, "/search?q=zebrafish&partial=1")
    make_pathway(session, partnership=partnership, title="Zebrafish Real Ladder", publish=True)
    html = page(client, "/search?q=zebrafish&partial=1")
    assert "Zebrafish Real Ladder" in html
    assert "Zebrafish Draft Ladder" not in html


def test_the_partial_answer_is_only_the_results(client):
    html = page(client, "/search?q=nurse&partial=1")
    assert "<html" not in html
    assert "<h1" not in html
    assert '<h2 id="occupation-results-heading">Occupations</h2>' in html
    assert "Registered Nurses" in html


def test_an_empty_search_shows_the_form_and_no_results(client):
    html = page(client, "/search?q=")
    assert 'name="q"' in html
    assert "Occupations</h2>" not in html
    assert page(client, "/search?q=&partial=1").strip() == ""


def test_nothing_found_says_so(client):
    html = page(client, "/search?q=qqqzzz")
    assert "No occupation matches “qqqzzz”" in html
    assert "No published pathway matches “qqqzzz”" in html


def test_typed_text_and_stored_titles_are_escaped(client, session):
    partnership = make_partnership(session)
    make_pathway(
        session, partnership=partnership, title="<script>alert(1)</script> nurse ladder",
        publish=True,
    )  # fmt: skip
    html = page(client, "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E+nurse")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_pages_carry_no_inline_script_or_style(client, seeded):
    for url in ("/", "/search?q=nurse"):
        html = page(client, url)
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), url
        assert " style=" not in html, url
        assert "<style" not in html, url


def test_search_script_is_served(client):
    response = client.get("/static/search.js")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "partial" in body
    assert "Escape" in body
    response.close()

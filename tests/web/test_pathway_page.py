"""The public pathway page: the published version for readers, the draft for its editors; the
diagram inline with each step a link to its section; routes side by side; each step's wages
with source and year, what it takes to get there and the programs nearby; the downloads."""

from __future__ import annotations

import re

import pytest

from pathways.domain.access import Actor, Role
from pathways.importers.workspace import load_workspaces
from pathways.services.partnerships import get_partnership
from pathways.services.pathways import read_pathway, update_pathway
from tests.conftest import SEED_DIR
from tests.factories import make_partnership, make_pathway, make_user
from tests.web import force_sign_in

PAGE = "/pathways/cna-to-rn"
HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'


@pytest.fixture
def seeded(session):
    load_workspaces(session, SEED_DIR, actor=Actor.operator("tests"))
    return session


def page_of(response, status: int = 200) -> str:
    html = response.get_data(as_text=True)
    assert response.status_code == status, html[:2000]
    return html


def svg_of(html: str) -> str:
    found = re.search(r"<svg .*?</svg>", html, re.S)
    assert found, "no inline diagram"
    return found.group(0)


def test_the_page_shows_the_pathway_its_partnership_and_region(client, seeded):
    html = page_of(client.get(PAGE))
    assert "<h1>CNA to RN</h1>" in html
    assert '<a href="/partnerships/ne-louisiana-healthcare">' in html
    assert "Northeast Louisiana" in html
    assert "Start as a certified nurse aide" in html
    assert "Edit this pathway" not in html  # readers cannot edit


def test_the_diagram_is_inline_and_each_step_links_to_its_section(client, seeded):
    html = page_of(client.get(PAGE))
    svg = svg_of(html)
    assert svg.startswith('<svg role="img" aria-label="Diagram of the pathway CNA to RN"')
    links = re.findall(r'<a target="_top" href="(#step-[a-z-]+)" tabindex="-1">', svg)
    assert sorted(links) == sorted(
        f"#step-{key}" for key in ("cna", "cna-phlebotomy", "lpn", "rn", "medical-assistant")
    )
    for key in ("cna", "cna-phlebotomy", "lpn", "rn", "medical-assistant"):
        assert f'id="step-{key}"' in html  # each link has its section
    assert "<script" not in svg
    assert " style=" not in svg
    assert " on" not in svg.replace(" on ", "")
    steps = re.search(r'<ol class="step-links".*?</ol>', html, re.S)
    assert steps
    assert steps.group(0).count('<a href="#step-') == 5  # the same steps, as a list


def test_routes_are_compared_side_by_side(client, seeded):
    html = page_of(client.get(PAGE))
    table = re.search(r'<table class="data routes">.*?</table>', html, re.S)
    assert table
    routes = table.group(0)
    assert routes.count('<th scope="col">Route ') == 4
    for row in ("Training", "Experience", "Cost", "Median pay at the start",
                "Median pay at the end", "Gain"):  # fmt: skip
        assert f'<th scope="row">{row}</th>' in routes
    assert "$78,270/yr" in routes  # an RN's median in Monroe, at the end of the long routes
    assert "+$46,550/yr" in routes


def test_each_step_has_wages_with_source_and_year_requirements_and_programs(client, seeded):
    html = page_of(client.get(PAGE))
    rn = re.search(r'<section class="step card" id="step-rn".*?</section>', html, re.S)
    assert rn
    section = rn.group(0)
    assert "$64,990/yr" in section
    assert "$78,270/yr" in section
    assert "$85,470/yr" in section
    assert "Source: BLS OEWS May 2025, Monroe, LA" in section
    assert "Associate of Science in Nursing (ASN)" in section
    assert "24 months" in section
    assert "$11,000" in section
    assert 'href="/occupations/29-1141?region=' in section
    cna = re.search(r'id="step-cna".*?</section>', html, re.S)
    assert cna
    assert "Reported by 5 member employers" in cna.group(0)
    assert "Certified Nurse Aide Training" in cna.group(0)  # a program nearby


def test_the_flyer_form_and_downloads(client, seeded):
    html = page_of(client.get(PAGE))
    assert '<form method="get" action="/pathways/cna-to-rn/flyer.pdf"' in html
    assert '<select id="flyer-paper" name="paper">' in html
    assert '<option value="a4">A4</option>' in html
    assert '<option value="es" lang="es">Español</option>' in html
    assert '<button type="submit">Download flyer</button>' in html
    for url in ("flyer.html", "diagram.svg", "diagram.png", "diagram.pdf"):
        assert f'href="/pathways/cna-to-rn/{url}"' in html
    pdf = client.get("/pathways/cna-to-rn/flyer.pdf?paper=a4&lang=es")
    assert pdf.status_code == 200
    assert pdf.mimetype == "application/pdf"


def test_readers_see_the_published_version_and_editors_the_draft(client, session, seeded):
    operator = Actor.operator("tests")
    _, tag = read_pathway(session=session, actor=operator, slug="cna-to-rn")
    update_pathway(session=session, actor=operator, slug="cna-to-rn", expected_tag=tag,
                   changes={"title": "CNA to RN, draft two"})  # fmt: skip
    session.flush()
    assert "<h1>CNA to RN</h1>" in page_of(client.get(PAGE))
    assert page_of(client.get(PAGE + "?version=2"), 404)
    owner = get_partnership(session=session, slug="ne-louisiana-healthcare")
    force_sign_in(client, make_user(session, role=Role.PARTNERSHIP_EDITOR, partnerships=[owner]))
    html = page_of(client.get(PAGE))
    assert "<h1>CNA to RN, draft two</h1>" in html
    assert "You are looking at a draft" in html
    assert 'href="/pathways/cna-to-rn?version=published"' in html
    assert 'href="/pathways/cna-to-rn/diagram.svg?version=2"' in html
    assert '<input type="hidden" name="version" value="2">' in html
    assert "Edit this pathway" in html
    assert "<h1>CNA to RN</h1>" in page_of(client.get(PAGE + "?version=published"))


def test_an_unpublished_pathway_is_a_404_for_readers(client, session):
    draft = make_pathway(session, partnership=make_partnership(session))
    assert client.get(f"/pathways/{draft.slug}").status_code == 404
    assert client.get("/pathways/no-such-pathway").status_code == 404


def test_hostile_text_is_shown_as_text(client, session):
    partnership = make_partnership(session, name=HOSTILE)
    pathway = make_pathway(session, partnership=partnership, title=HOSTILE, summary=HOSTILE,
                           publish=True)  # fmt: skip
    html = page_of(client.get(f"/pathways/{pathway.slug}"))
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'aria-label="Diagram of the pathway &lt;script&gt;' in html


def test_the_ctdl_link_appears_only_when_the_api_serves_it(client, seeded):
    html = page_of(client.get(PAGE))
    served = any(
        rule.rule == "/api/v1/pathways/<slug>/ctdl"
        for rule in client.application.url_map.iter_rules()
    )
    assert ('href="/api/v1/pathways/cna-to-rn/ctdl"' in html) == served

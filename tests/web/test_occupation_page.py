"""The occupation page: wages for a chosen region with the area and vintage they come from
(top-coded wages said honestly), skills with the O*NET attribution, education, outlook,
programs nearby, next steps that pay more, and the flyer to print."""

import re

import pytest

from pathways.domain.codes import NATIONAL_AREA
from pathways.domain.occupations import ONET_ATTRIBUTION
from pathways.services.imports import latest_vintages
from tests.factories import make_occupation, make_wage
from tests.web import page, text

LPN = "/occupations/29-2061"
NELA = "northeast-louisiana"


@pytest.fixture
def seeded(session):
    """The catalog with the sample partnerships, pathways and programs (seed_data/)."""
    return session


def test_title_code_and_description(client):
    html = page(client, f"{LPN}?region={NELA}")
    assert "<h1>Licensed Practical and Licensed Vocational Nurses</h1>" in html
    assert "SOC 29-2061" in html
    assert "Care for ill, injured, or convalescing patients" in html


def test_wages_for_the_chosen_region_annual_and_hourly_with_source_and_year(client):
    seen = text(page(client, f"{LPN}?region={NELA}"))
    assert "Wages in Northeast Louisiana" in seen
    assert "Entry (25th percentile) $48,120" in seen
    assert "Median (50th percentile) $55,360" in seen
    assert "Experienced (75th percentile) $59,160" in seen
    assert re.search(r"Median \(50th percentile\) \$55,360 \$\d\d\.\d\d ", seen)
    assert "Source: BLS OEWS May 2025, Monroe, LA" in seen


def test_the_region_form_is_a_get_form_with_the_chosen_region_selected(client):
    html = page(client, f"{LPN}?region={NELA}")
    form = re.search(
        r'<form method="get" action="/occupations/29-2061"[^>]*>(.*?)</form>', html, re.S
    )
    assert form is not None
    assert '<label for="region">Region</label>' in form.group(1)
    assert f'<option value="{NELA}" selected>Northeast Louisiana</option>' in form.group(1)
    assert '<option value="">United States (national)</option>' in form.group(1)
    assert '<button type="submit">Show</button>' in form.group(1)


@pytest.mark.parametrize("query", ["", "?region="])
def test_without_a_region_the_page_shows_the_nation(client, query):
    """No region is anyone's default: a reader in Louisiana must not see Montana's wages."""
    html = page(client, f"{LPN}{query}")
    assert "Wages in United States" in text(html)
    assert '<option value="" selected>United States (national)</option>' in html
    assert 'href="/occupations/29-2061/flyer.pdf"' in html


def test_top_coded_wages_are_shown_as_at_or_above_the_top_code(client, session):
    occupation = make_occupation(session, title="Test Surgeons")
    make_wage(
        session, soc_code=occupation.soc_code, area_code=NATIONAL_AREA,
        annual_p75=None, hourly_p75=None,
        markers={"annual_p75": "top_coded", "hourly_p75": "top_coded"},
    )  # fmt: skip
    seen = text(page(client, f"/occupations/{occupation.soc_code}?region="))
    assert "Experienced (75th percentile) ≥ $239,200 ≥ $115.00" in seen
    assert "at or above $115.00/hour or $239,200/year" in seen


def test_unreleased_wages_are_said_not_invented(client, session):
    occupation = make_occupation(session, title="Test Quiet Trade")
    make_wage(
        session, soc_code=occupation.soc_code, area_code=NATIONAL_AREA,
        annual_p25=None, hourly_p25=None,
        markers={"annual_p25": "not_released", "hourly_p25": "not_released"},
    )  # fmt: skip
    seen = text(page(client, f"/occupations/{occupation.soc_code}?region="))
    assert "Entry (25th percentile) Not released Not released" in seen


def test_skills_education_and_outlook_with_their_sources(client, session):
    html = page(client, f"{LPN}?region={NELA}")
    seen = text(html)
    assert re.search(r"Service Orientation \d\.\d \d\.\d", seen)
    release = latest_vintages(session=session)["onet"]
    assert ONET_ATTRIBUTION.format(release=release) in seen
    assert "Typical entry education Postsecondary nondegree award" in seen
    assert "Job zone 3 of 5" in seen
    assert "Openings a year 54,400" in seen
    assert "Change +2.6 %" in seen
    assert "Source: BLS Employment Projections 2024–34, United States" in seen


def test_programs_nearby_lead_to_the_occupation(client, seeded):
    seen = text(page(client, f"{LPN}?region={NELA}"))
    assert "Programs in Northeast Louisiana" in seen
    assert "Practical Nursing, T.D. Louisiana Delta Community College" in seen


def test_next_steps_pay_more_and_keep_the_region(client, seeded):
    html = page(client, f"{LPN}?region={NELA}")
    assert f'<a href="/occupations/29-1141?region={NELA}">Registered Nurses</a>' in html
    seen = text(html)
    assert re.search(r"Registered Nurses 29-1141 Median \$[\d,]+ a year · \+\$[\d,]+ a year", seen)
    assert "In CNA to RN" in seen  # the published pathway that makes the move
    assert "Nursing Assistants 31-1131 Median" not in seen  # a step down is not a next step
    assert "−$" not in seen


def test_print_flyer_links_to_the_flyer_for_the_region(client):
    html = page(client, f"{LPN}?region={NELA}")
    assert (
        f'<a class="button" href="/occupations/29-2061/flyer.pdf?region={NELA}">Print flyer</a>'
        in html
    )


@pytest.mark.parametrize(
    "url", ["/occupations/99-9999", "/occupations/nurse", f"{LPN}?region=atlantis"]
)
def test_unknown_occupation_code_or_region_is_a_404_page(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.mimetype == "text/html"


def test_an_onet_code_redirects_to_the_soc_page(client):
    response = client.get(f"/occupations/29-2061.00?region={NELA}")
    assert response.status_code == 301
    assert response.headers["Location"] == f"{LPN}?region={NELA}"


def test_no_inline_script_or_style(client, seeded):
    html = page(client, f"{LPN}?region={NELA}")
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert " style=" not in html
    assert html.count("<h1") == 1

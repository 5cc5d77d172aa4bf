"""Flyers and diagrams as an advisor downloads them: one page, the real wages and programs read
back from the PDF, the paper and language asked for, the cache (hit after publish, ETag 304,
redrawn after an edit), and refusals that name the field."""

from __future__ import annotations

import io

import pypdf
import pytest

from pathways.domain.access import Actor
from pathways.importers.workspace import load_workspaces
from pathways.services.partnerships import update_partnership
from tests.conftest import SEED_DIR

FLYER = "/pathways/cna-to-rn/flyer.pdf"
LETTER, A4 = (612, 792), (595, 842)


@pytest.fixture
def seeded(session):
    load_workspaces(session, SEED_DIR, actor=Actor.operator("tests"))
    return session


def pdf_of(response) -> pypdf.PdfReader:
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/pdf"
    return pypdf.PdfReader(io.BytesIO(response.data))


def text_of(reader: pypdf.PdfReader) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def size_of(reader: pypdf.PdfReader) -> tuple[int, int]:
    box = reader.pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def test_the_pathway_flyer_is_one_letter_page_with_real_wages_and_programs(client, seeded):
    reader = pdf_of(client.get(FLYER))
    assert len(reader.pages) == 1
    assert size_of(reader) == LETTER
    text = text_of(reader)
    for expected in ("CNA to RN", "Northeast Louisiana", "$78,270", "$15.25",
                     "Certified Nurse Aide Training", "Sample Monroe Healthcare Training",
                     "more at http://127.0.0.1:5000/pathways/cna-to-rn",
                     "O*NET 29.3", "CC BY 4.0"):  # fmt: skip
        assert expected in text, expected


def test_a4_and_spanish_are_asked_for_in_the_address(client, seeded):
    reader = pdf_of(client.get(FLYER + "?paper=a4&lang=es"))
    assert len(reader.pages) == 1
    assert size_of(reader) == A4
    html = client.get("/pathways/cna-to-rn/flyer.html?lang=es").get_data(as_text=True)
    assert '<html lang="es"' in html


def test_a_bad_paper_or_language_is_refused_naming_it(client, seeded):
    response = client.get(FLYER + "?paper=b5")
    assert response.status_code == 422
    assert "paper" in response.get_data(as_text=True)
    assert client.get(FLYER + "?lang=fr").status_code == 422


def test_a_second_request_is_served_from_the_cache_and_an_etag_gives_304(client, seeded):
    first = client.get(FLYER)
    assert first.headers["X-Render-Cache"] == "miss"
    second = client.get(FLYER)
    assert second.headers["X-Render-Cache"] == "hit"
    assert second.data == first.data
    again = client.get(FLYER, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_an_edit_redraws_the_flyer(client, seeded):
    before = client.get(FLYER)
    update_partnership(
        session=seeded, actor=Actor.operator("tests"), slug="ne-louisiana-healthcare",
        expected_version=None, changes={"brand_name": "Delta Health Careers"},
    )  # fmt: skip
    seeded.flush()  # as a commit would: the audit entry is what moves the data stamp
    after = client.get(FLYER)
    assert after.headers["X-Render-Cache"] == "miss"
    assert after.headers["ETag"] != before.headers["ETag"]
    assert "Delta Health Careers" in text_of(pdf_of(after))


def test_the_diagram_in_three_formats(client, seeded):
    svg = client.get("/pathways/cna-to-rn/diagram.svg")
    assert svg.status_code == 200
    assert svg.mimetype == "image/svg+xml"
    assert "sandbox" in svg.headers["Content-Security-Policy"]
    assert "Registered Nurse (ASN)" in svg.get_data(as_text=True)
    assert client.get("/pathways/cna-to-rn/diagram.png").data.startswith(b"\x89PNG\r\n\x1a\n")
    assert client.get("/pathways/cna-to-rn/diagram.pdf").data.startswith(b"%PDF")


def test_a_draft_only_pathway_has_no_public_flyer_or_diagram(client, seeded):
    assert client.get("/pathways/no-such-pathway/flyer.pdf").status_code == 404
    assert client.get("/pathways/no-such-pathway/diagram.svg").status_code == 404


def test_the_occupation_flyer_has_regional_wages(client, seeded):
    reader = pdf_of(client.get("/occupations/29-2061/flyer.pdf?region=northeast-louisiana"))
    assert len(reader.pages) == 1
    text = text_of(reader)
    assert "Licensed Practical and Licensed Vocational Nurses" in text
    assert "$55,360" in text
    assert "Practical Nursing, T.D." in text


def test_a_partnerships_flyers_come_merged_one_page_each(client, seeded):
    reader = pdf_of(client.get("/partnerships/ne-louisiana-healthcare/flyers.pdf"))
    assert len(reader.pages) == 2  # two published pathways
    text = text_of(reader)
    assert "CNA to RN" in text
    assert "Phlebotomy to Medical Assistant to LPN" in text

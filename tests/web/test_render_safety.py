"""Hostile text stored in every field a flyer or diagram shows — the partnership's name, brand,
contact line; the pathway's title, summary and step labels; credential names; providers and
programs — downloaded as an advisor would: nothing is fetched (a local listener counts
requests), the PDF carries no attachment, the HTML and SVG show the text as text."""

from __future__ import annotations

import io

import defusedxml.ElementTree as ET
import pypdf
import pytest
import sqlalchemy as sa

from pathways.domain.access import Actor
from pathways.importers.workspace import load_workspaces
from pathways.models import Credential, Partnership, Pathway, Program, Provider
from tests.conftest import SEED_DIR
from tests.listener import Listener, listener

__all__ = ["listener"]
SVG = "{http://www.w3.org/2000/svg}"


def payload(url: str, where: str) -> str:
    """Markup that would fetch from `url`, read a file or run a script, tagged with `where`
    (short: most of these columns hold 200 characters)."""
    text = (
        f'{where}<img src="{url}/i"><link rel="attachment" href="{url}/a">'
        f"<style>@import url({url}/c)</style>url(file:///etc/passwd)"
        f'"];a->b[<script>go()</script>'
    )
    assert len(text) <= 200, len(text)
    return text


@pytest.fixture
def hostile(session, listener: Listener) -> Listener:
    """The Northeast Louisiana sample with hostile text in every field the renders show."""
    load_workspaces(session, SEED_DIR, actor=Actor.operator("tests"))
    url = listener.url
    partnership = session.scalar(
        sa.select(Partnership).where(Partnership.slug == "ne-louisiana-healthcare")
    )
    partnership.name = payload(url, "n")
    partnership.brand_name = payload(url, "b")
    partnership.contact_line = payload(url, "c")
    partnership.description = payload(url, "d")
    for pathway in session.scalars(sa.select(Pathway).where(Pathway.slug == "cna-to-rn")):
        pathway.title = payload(url, "t")
        pathway.summary = payload(url, "s")
        for step in pathway.steps:
            step.label = payload(url, f"s{step.id}")
        for move in pathway.transitions:
            for credential in move.credentials:
                credential.name = payload(url, f"c{credential.id}")
    for provider in session.scalars(
        sa.select(Provider).where(Provider.region_id == partnership.region_id)
    ):
        provider.name = payload(url, f"p{provider.id}")
        provider.contact_phone = provider.contact_email = None
        provider.website = payload(url, f"w{provider.id}")
    for program in session.scalars(sa.select(Program)):
        program.title = payload(url, f"g{program.id}")
    session.flush()
    assert session.scalar(sa.select(sa.func.count()).select_from(Credential)) > 0
    return listener


def no_attachments(pdf: bytes) -> pypdf.PdfReader:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {})
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            assert annotation.get_object()["/Subtype"] != "/FileAttachment"
    return reader


def test_flyers_fetch_nothing_and_attach_nothing(client, hostile):
    for address in ("/pathways/cna-to-rn/flyer.pdf",
                    "/pathways/cna-to-rn/flyer.pdf?paper=a4&lang=es",
                    "/occupations/29-2061/flyer.pdf?region=northeast-louisiana",
                    "/partnerships/ne-louisiana-healthcare/flyers.pdf"):  # fmt: skip
        response = client.get(address)
        assert response.status_code == 200, address
        reader = no_attachments(response.data)
        assert len(reader.pages) >= 1
    text = " ".join(
        (page.extract_text() or "")
        for page in pypdf.PdfReader(
            io.BytesIO(client.get("/pathways/cna-to-rn/flyer.pdf").data)
        ).pages
    )
    assert "<script>go()</script>" in " ".join(text.split())
    assert hostile.requests == []


def test_the_html_flyer_shows_the_text_as_text(client, hostile):
    html = client.get("/pathways/cna-to-rn/flyer.html").get_data(as_text=True)
    assert "&lt;script&gt;go()&lt;/script&gt;" in html
    assert "<script>go" not in html
    assert f'<img src="{hostile.url}' not in html
    assert f'<link rel="attachment" href="{hostile.url}' not in html
    assert f"<style>@import url({hostile.url}" not in html
    assert f"&lt;style&gt;@import url({hostile.url}" in html


def test_the_diagram_has_one_node_per_step_and_no_markup_from_the_data(client, hostile):
    svg = client.get("/pathways/cna-to-rn/diagram.svg").get_data(as_text=True)
    root = ET.fromstring(svg)
    names = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert not names & {"script", "img", "image", "link", "style", "a", "foreignObject"}
    nodes = [g for g in root.iter(f"{SVG}g") if g.get("class") == "node"]
    assert len(nodes) == 5
    assert "<script>go()</script>" in "".join(root.itertext())
    for kind in ("svg", "png", "pdf"):
        assert client.get(f"/pathways/cna-to-rn/diagram.{kind}").status_code == 200
    assert hostile.requests == []

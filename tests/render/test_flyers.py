"""Flyers as a reader gets them: one page whatever the data, the wages and programs in the
PDF's text, tagged and without attachments, in English or Spanish, on Letter or A4 — and no
text a user typed can make the renderer load anything.

PDFs are rendered once per module and shared (each render takes a few tenths of a second).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any

import pypdf
import pytest

from pathways.domain.flyers import (
    Branding,
    Flyer,
    FlyerNextStep,
    FlyerProgram,
    FlyerStep,
    FlyerWages,
    Language,
    Logo,
    Outlook,
    Paper,
    Source,
    WageSourceNote,
)
from pathways.domain.occupations import ONET_ATTRIBUTION
from pathways.domain.vocabulary import Modality
from pathways.render import flyers as flyers_module
from pathways.render.flyer_fit import Fit, Shown
from pathways.render.flyers import render_flyer_html, render_flyer_pdf
from tests.listener import Listener, listening
from tests.render.test_pdf import PNG

PAGE_SIZES = {Paper.LETTER: (612, 792), Paper.A4: (595, 842)}
PAGE_URL = "https://pathways.example.org/pathways/nela-cna-to-rn"
STEP_TITLES = (
    "Certified Nursing Assistant, Long-Term Care",  # 40+ characters, like every title here
    "Phlebotomy Technician with EKG Certificate",
    "Licensed Practical Nurse in Acute Care Units",
    "Registered Nurse, Associate Degree Graduate",
    "Registered Nurse, Bachelor of Science in Nursing",
    "Charge Nurse on a Medical-Surgical Hospital Floor",
    "Nurse Manager for Inpatient and Outpatient Units",
    "Family Nurse Practitioner in Rural Primary Care",
)


def diagram_svg(titles: tuple[str, ...]) -> bytes:
    """A small pathway diagram drawn by hand: a box per step, left to right."""
    boxes = "".join(
        f'<rect x="{10 + i * 150}" y="10" width="130" height="40" fill="#eef4f8" stroke="#0b5d8c"/>'
        f'<text x="{75 + i * 150}" y="35" font-size="10" text-anchor="middle">Step {i + 1}</text>'
        for i in range(len(titles))
    )
    width = 20 + 150 * len(titles)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}pt" height="60pt" '
        f'viewBox="0 0 {width} 60">{boxes}</svg>'
    ).encode()


def make_step(index: int, title: str, **overrides: Any) -> FlyerStep:
    """Hourly pay on even steps, annual on odd ones; step 2 reported by employers."""
    source = (
        WageSourceNote(employer_count=4, reported_on=date(2026, 3, 1))
        if index == 1
        else WageSourceNote(area="Monroe, LA", vintage=2025)
    )
    wages = (
        FlyerWages("hourly", 12.37 + index, 14.37 + index, 17.12 + index, source)
        if index % 2 == 0
        else FlyerWages("annual", 25880 + 1000 * index, 29880 + 1000 * index, 35210, source)
    )
    step = FlyerStep(
        key=f"s{index}",
        soc="29-2061",
        title=title,
        stage=index + 1,
        wages=wages,
        credentials=() if index == 0 else (f"Credential for step {index + 1}",),
        months_training=None if index == 0 else 6,
        months_experience=None if index == 0 else 12,
        cost_cents=None if index == 0 else 250000,
        earn_while_you_learn=index == 2,
        outlook=Outlook(5.2, 1210, "Louisiana", 2024, 2034),
    )
    return replace(step, **overrides)


def make_program(index: int, **overrides: Any) -> FlyerProgram:
    program = FlyerProgram(
        provider="Louisiana Delta Community College",
        title=f"Practical Nursing Diploma {index:02}",
        leads_to="Licensed Practical Nurse",
        length_weeks=48,
        cost_cents=520000,
        modality=Modality.HYBRID,
        contact="(318) 345-9000",
    )
    return replace(program, **overrides)


def make_flyer(*, step_count: int = 3, program_count: int = 4, **overrides: Any) -> Flyer:
    titles = STEP_TITLES[:step_count]
    flyer = Flyer(
        title="Nursing: CNA to Registered Nurse in Northeast Louisiana",
        subtitle="Monroe, LA",
        description="Start as a nursing assistant in a few weeks, then climb while you work.",
        branding=Branding(
            name="Northeast Louisiana Healthcare Partnership",
            primary_color="#0B5D8C",
            accent_color="#E8A33D",
            contact="careers@nelahealth.org",
            logo=Logo(PNG, "image/png"),
        ),
        steps=tuple(make_step(i, title) for i, title in enumerate(titles)),
        programs=tuple(make_program(i) for i in range(program_count)),
        skills=("Active Listening", "Service Orientation", "Monitoring", "Critical Thinking"),
        page_url=PAGE_URL,
        sources=(Source("BLS OEWS", "May 2025"), Source("O*NET", "29.3")),
        onet_release="29.3",
        generated_on=date(2026, 11, 25),
        diagram_svg=diagram_svg(titles),
    )
    return replace(flyer, **overrides)


def make_occupation_flyer() -> Flyer:
    return make_flyer(
        step_count=1,
        program_count=2,
        title="Registered Nurses",
        diagram_svg=None,
        branding=Branding("Pathways", None, None, None, None),
        next_steps=(FlyerNextStep("29-1171", "Nurse Practitioners", 118040, 39770),),
    )


def text_of(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1, "always exactly one page"
    return reader.pages[0].extract_text()


def squeezed(text: str) -> str:
    """Without whitespace: line breaks may fall anywhere in a long string."""
    return re.sub(r"\s+", "", text)


class Layouts:
    """Counts WeasyPrint layouts, to see that one usually suffices."""

    def __init__(self) -> None:
        self.count = 0
        self.lay_out = flyers_module.pdf.lay_out

    def __call__(self, html: str, **kwargs: object) -> object:
        self.count += 1
        return self.lay_out(html, **kwargs)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def big() -> dict[tuple[Paper, Language], tuple[bytes, int]]:
    """8 steps, 60 programs, 30 skills, long titles: each paper and language, with layouts."""
    flyer = make_flyer(
        step_count=8,
        program_count=60,
        skills=tuple(f"Skill number {i}" for i in range(30)),
        title="Advanced Nursing Careers Across Northeast Louisiana Hospitals",
    )
    rendered = {}
    with pytest.MonkeyPatch.context() as patch:
        for paper in Paper:
            for language in Language:
                layouts = Layouts()
                patch.setattr(flyers_module.pdf, "lay_out", layouts)
                pdf = render_flyer_pdf(flyer, paper=paper, language=language)
                rendered[(paper, language)] = (pdf, layouts.count)
    return rendered


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("language", list(Language))
def test_a_long_pathway_fits_one_page_in_one_layout(big, paper, language):
    pdf, layouts = big[(paper, language)]
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == PAGE_SIZES[paper]
    assert layouts == 1, "the estimate fits the first layout"


@pytest.mark.parametrize("paper", list(Paper))
def test_the_text_has_wages_programs_and_what_was_left_out(big, paper):
    text = squeezed(text_of(big[(paper, Language.EN)][0]))
    for pay in ("$14.37/hr", "$17.12/hr", "$30,880/yr", "$35,210/yr"):
        assert pay in text
    assert "BLSOEWSMay2025,Monroe,LA" in text
    assert "Reportedby4memberemployers,March2026" in text
    assert "PracticalNursingDiploma00" in text
    assert "LouisianaDeltaCommunityCollege" in text
    assert squeezed(f"more at {PAGE_URL}") in text
    assert re.search(r"and\d+moreat", text), "the programs that did not fit are counted"
    assert squeezed(ONET_ATTRIBUTION.format(release="29.3")) in text
    assert "PreparedNovember25,2026" in text
    assert squeezed(STEP_TITLES[7]) in text, "every step is listed"


@pytest.mark.parametrize("paper", list(Paper))
def test_spanish_flyers_are_in_spanish(big, paper):
    text = squeezed(text_of(big[(paper, Language.ES)][0]))
    for spanish in ("PASOSDEESTARUTA", "Quésenecesita", "$14.37/h", "$30,880/año"):
        assert spanish in text
    assert "Informadopor4empleadoresmiembros,marzode2026" in text
    assert "Preparadoel25denoviembrede2026" in text
    assert "EsteproductoincluyeinformacióndelabasededatosO*NET29.3" in text
    assert re.search(r"y\d+másen", text)


def test_the_pdf_is_tagged_with_no_attachments_and_draws_the_logo(big):
    reader = pypdf.PdfReader(io.BytesIO(big[(Paper.LETTER, Language.EN)][0]))
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]
    assert catalog["/Lang"] == "en"
    assert "/EmbeddedFiles" not in catalog.get("/Names", {})
    assert reader.attachments == {}
    page = reader.pages[0]
    annotations = [a.get_object() for a in page.get("/Annots", [])]
    assert all(a["/Subtype"] != "/FileAttachment" for a in annotations)
    assert page.images, "the partnership's logo is drawn"


def test_an_occupation_flyer_shows_where_it_can_lead():
    text = squeezed(
        text_of(render_flyer_pdf(make_occupation_flyer(), paper=Paper.LETTER, language=Language.EN))
    )
    assert "WHERETHISCANLEAD" in text
    for shown in ("NursePractitioners", "+$39,770", "$118,040/yr"):
        assert shown in text
    assert "CAREERPROFILE" in text


def test_every_render_shares_the_one_font_configuration(monkeypatch):
    """WeasyPrint would build (and leak) a FontConfiguration per document."""
    from weasyprint.text import fonts

    flyers_module.warm_up()
    built = []
    original = fonts.FontConfiguration.__init__

    def counted(self: object) -> None:
        built.append(self)
        original(self)

    monkeypatch.setattr(fonts.FontConfiguration, "__init__", counted)
    render_flyer_pdf(make_occupation_flyer(), paper=Paper.A4, language=Language.ES)
    assert built == []


def test_an_overflow_is_measured_and_laid_out_again(monkeypatch):
    """When the estimate is wrong (here: told everything fits), the measured layout says
    how much to cut, and the second layout fits."""
    layouts = Layouts()
    monkeypatch.setattr(flyers_module.pdf, "lay_out", layouts)
    monkeypatch.setattr(Fit, "estimate", lambda self, view: Shown.everything(view))
    flyer = make_flyer(step_count=4, program_count=40)
    text = squeezed(text_of(render_flyer_pdf(flyer, paper=Paper.A4, language=Language.EN)))
    assert layouts.count == 2
    assert "PracticalNursingDiploma00" in text
    assert re.search(r"and\d+moreat", text)


def test_absurd_data_still_prints_one_page():
    """Every text at an absurd length, every list long: caps and cuts keep it to one page."""
    huge = "Supercalifragilistic " * 80
    flyer = make_flyer(
        step_count=8,
        program_count=200,
        title=huge,
        subtitle=huge,
        description=huge * 10,
        branding=Branding(huge, "#123456", "#654321", huge, Logo(PNG, "image/png")),
        skills=tuple(huge[: 40 + i] for i in range(100)),
        sources=tuple(Source(huge, huge) for _ in range(40)),
        page_url=PAGE_URL + "/" + "x" * 400,
    )
    flyer = replace(
        flyer,
        steps=tuple(replace(step, title=huge, credentials=(huge,) * 9) for step in flyer.steps),
    )
    text = squeezed(text_of(render_flyer_pdf(flyer, paper=Paper.A4, language=Language.ES)))
    assert "Supercalifragilistic" in text
    assert re.search(r"y\d+másen", text), "what did not fit is counted"


# --- untrusted text -------------------------------------------------------------------------

HOSTILE = (
    '<img src="{url}/img">',
    '<link rel="attachment" href="{url}/att">',
    "<style>@import url({url}/css)</style>",
    "url(file:///etc/passwd)",
    "file:///etc/passwd",
    "<script>alert(1)</script>",
)


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    with listening() as found:
        yield found


def hostile_flyer(payload: str, listener_url: str) -> tuple[Flyer, list[str]]:
    """A flyer with `payload` in every text field, each tagged with the field's name."""

    def field(name: str) -> str:
        return f"{name} {payload}"

    logo = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
        f'<image href="{listener_url}/logo-image" width="40" height="20"/>'
        f"<style>@import url({listener_url}/logo-css);</style></svg>"
    ).encode()
    steps = tuple(
        make_step(
            i,
            field(f"step{i}"),
            credentials=(field(f"cred{i}"),),
            wages=FlyerWages("annual", 1, 2, 3, WageSourceNote(area=field(f"area{i}"), vintage=1)),
            outlook=Outlook(1.0, 10, field(f"outlook{i}"), 2024, 2034),
        )
        for i in range(2)
    )
    programs = tuple(
        make_program(
            i,
            provider=field(f"provider{i}"),
            title=field(f"program{i}"),
            leads_to=field(f"leads{i}"),
            contact=field(f"contact{i}"),
        )
        for i in range(2)
    )
    flyer = make_flyer(
        title=field("title"),
        subtitle=field("subtitle"),
        description=field("description"),
        branding=Branding(
            field("brand"),
            f"red;}} body {{ background: url({listener_url}/c) }}",
            "#ABCDEF; background: url(x)",
            field("brandcontact"),
            Logo(logo, "image/svg+xml"),
        ),
        steps=steps,
        programs=programs,
        skills=(field("skill0"), field("skill1")),
        sources=(Source(field("sourcename"), field("vintage")),),
        diagram_svg=logo.replace(b"logo-", b"diagram-"),
        page_url=f"{PAGE_URL}?from={payload}",
    )
    names = ["title", "subtitle", "description", "brand", "brandcontact", "skill0", "skill1",
             "sourcename", "vintage", "area0", "outlook0", "step0", "step1", "cred0", "cred1",
             "provider0", "program0", "leads0", "contact0", "provider1", "contact1"]  # fmt: skip
    return flyer, [field(name) for name in names]


@pytest.fixture(scope="module")
def hostile_pdfs(listener) -> list[tuple[bytes, list[str]]]:
    rendered = []
    for index, template in enumerate(HOSTILE):
        flyer, fields = hostile_flyer(template.format(url=listener.url), listener.url)
        paper, language = (Paper.LETTER, Language.EN) if index % 2 else (Paper.A4, Language.ES)
        rendered.append((render_flyer_pdf(flyer, paper=paper, language=language), fields))
    return rendered


def test_hostile_text_is_printed_as_text_and_loads_nothing(hostile_pdfs, listener):
    for pdf, fields in hostile_pdfs:
        text = squeezed(text_of(pdf))
        for expected in fields:
            assert squeezed(expected) in text, expected
        reader = pypdf.PdfReader(io.BytesIO(pdf))
        assert reader.attachments == {}
        assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {})
        annotations = [a.get_object() for a in reader.pages[0].get("/Annots", [])]
        assert all(a["/Subtype"] != "/FileAttachment" for a in annotations)
        assert "root:x:0:0" not in text
    assert listener.requests == [], "the renderer called out"


@pytest.mark.parametrize("for_screen", [False, True])
def test_the_html_escapes_every_field(for_screen):
    flyer, fields = hostile_flyer(
        '<img src="http://127.0.0.1:9/x"><script>x()</script>', "http://127.0.0.1:9"
    )
    html = render_flyer_html(flyer, paper=Paper.LETTER, language=Language.EN, for_screen=for_screen)
    assert '<img src="http' not in html
    assert "<script>" not in html
    assert "@import" not in html
    assert "url(http" not in html, "no user text reaches the CSS"
    for expected in fields:
        escaped = expected.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert escaped.replace('"', "&#34;") in html, expected


def test_the_html_text_version_shows_every_list_whole():
    flyer = make_flyer(step_count=8, program_count=60)
    html = render_flyer_html(flyer, paper=Paper.A4, language=Language.ES, for_screen=True)
    assert html.count('data-fit="programs"') == 60
    assert '<html lang="es">' in html
    assert "data:image/png;base64," in html
    assert "data:image/svg+xml;base64," in html


def test_a_yellow_brand_gets_dark_header_text():
    flyer = make_flyer(branding=Branding("Sunny", "#FFFF00", "#FFFF00", None, None))
    html = render_flyer_html(flyer, paper=Paper.LETTER, language=Language.EN)
    assert "--brand: #FFFF00" in html
    assert "--on-brand: #1A1A1A" in html
    assert "--brand-ink: #737300" in html, "yellow darkened to read on white"

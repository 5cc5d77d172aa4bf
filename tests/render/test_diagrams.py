"""Pathway diagrams: the DOT text, and the SVG a reader sees — a box per step with its wage,
a line per move styled by kind, the key — in English and Spanish; hostile text stays text;
the same diagram gives the same bytes in every format; a missing Graphviz says so."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from defusedxml.ElementTree import fromstring

from pathways.domain.flyers import Diagram, DiagramFormat, DiagramMove, DiagramStep, Language
from pathways.domain.vocabulary import TransitionKind
from pathways.render import diagrams
from pathways.render.diagrams import DiagramError, render_diagram, to_dot

SVG = "{http://www.w3.org/2000/svg}"
ADVANCE, LATERAL, ADD_ON = TransitionKind.ADVANCE, TransitionKind.LATERAL, TransitionKind.ADD_ON
DASHES = {ADVANCE: None, LATERAL: "5,2", ADD_ON: "1,5"}  # Graphviz's solid, dashed, dotted
HOSTILE = (
    'Nurse "Aide"',
    "<script>alert(1)</script>",
    "Tom & Jerry &amp; &lt;b&gt;",
    "{braces} [brackets]",
    "Line one\nline two\r\n",
    '"] ; a -> b [ color=red',
    "<img src=x onerror=alert(1)>",
    "' onload='alert(1)",
)


def nursing(language: Language = Language.EN) -> Diagram:
    steps = (
        DiagramStep("cna", "Nursing Assistant", 1, 35_760),
        DiagramStep("pct", "Patient Care Technician", 1, 38_020),
        DiagramStep("lpn", "Licensed Practical Nurse", 2, 55_360),
        DiagramStep("rn", "Registered Nurse", 3, 77_600),
        DiagramStep("ccrn", "Critical Care Nurse", 4, None),
    )
    moves = (
        DiagramMove("cna", "lpn", ADVANCE, ("Practical Nursing Diploma", "NCLEX-PN"), 12, 6),
        DiagramMove("cna", "pct", LATERAL, ("Phlebotomy Technician",), 1, 0),
        DiagramMove("pct", "lpn", ADVANCE, ("Practical Nursing Diploma",), 12, 0),
        DiagramMove("lpn", "rn", ADVANCE, ("ADN", "NCLEX-RN"), 18, 12),
        DiagramMove("rn", "ccrn", ADD_ON, ("CCRN",), 3, 24),
    )
    return Diagram("Nursing", steps, moves, language)


def svg_of(diagram: Diagram) -> ET.Element:
    return fromstring(render_diagram(diagram, DiagramFormat.SVG))


def groups(root: ET.Element, kind: str) -> list[ET.Element]:
    return [g for g in root.iter(f"{SVG}g") if g.get("class") == kind]


def texts(element: ET.Element) -> list[str]:
    return [t.text or "" for t in element.iter(f"{SVG}text")]


def test_dot_has_a_box_per_step_with_generated_ids_in_stage_columns() -> None:
    dot = to_dot(nursing())
    assert "rankdir=LR" in dot
    ranks = re.findall(r"\{ rank=same; (.*) \}", dot)
    assert [re.findall(r"\b(s\d+) \[", rank) for rank in ranks] == [
        ["s0", "s1"], ["s2"], ["s3"], ["s4"],
    ]  # fmt: skip
    assert not any(f"{key} " in dot for key in ("cna", "pct", "lpn", "ccrn"))


def test_svg_shows_each_step_with_its_wage() -> None:
    root = svg_of(nursing())
    nodes = groups(root, "node")
    assert len(nodes) == 5
    shown = [texts(node) for node in nodes]
    assert ["Nursing Assistant", "$35,760 median a year"] in shown
    assert ["Licensed Practical", "Nurse", "$55,360 median a year"] in shown  # wrapped
    assert ["Critical Care Nurse", "Wage not published"] in shown


def test_moves_are_styled_by_kind_and_labelled() -> None:
    diagram = nursing()
    dot = to_dot(diagram)
    styles = ("solid", "dashed", "dotted")
    assert [dot.count(f"style={style}") for style in styles] == [3, 1, 1]
    assert [dot.count(f'STYLE="{style}"') for style in styles] == [1, 1, 1]  # the key's
    edges = groups(svg_of(diagram), "edge")
    assert len(edges) == len(diagram.moves)
    by_title = {edge.findtext(f"{SVG}title"): edge for edge in edges}
    for move, (source, target) in zip(
        diagram.moves, [(0, 2), (0, 1), (1, 2), (2, 3), (3, 4)], strict=True
    ):
        edge = by_title[f"s{source}->s{target}"]
        path = edge.find(f"{SVG}path")
        assert path is not None
        assert path.get("stroke-dasharray") == DASHES[move.kind]
    assert texts(by_title["s2->s3"]) == ["ADN", "NCLEX-RN", "18 mo. training", "12 mo. experience"]
    assert texts(by_title["s0->s1"]) == ["Phlebotomy Technician", "1 mo. training"]


def test_the_compact_drawing_for_flyers_labels_moves_with_training_time_only() -> None:
    edges = groups(svg_of(replace(nursing(), compact=True)), "edge")
    by_title = {edge.findtext(f"{SVG}title"): edge for edge in edges}
    assert texts(by_title["s2->s3"]) == ["18 mo. training"]
    assert "NCLEX-RN" not in to_dot(replace(nursing(), compact=True))


def test_key_names_the_three_line_styles() -> None:
    graph = svg_of(nursing()).find(f"{SVG}g")  # the key is the graph's own label
    assert graph is not None
    key = [text.text for text in graph.findall(f"{SVG}text")]
    assert key == ["How to read this diagram", "Advance", "Lateral move", "Add-on credential"]
    samples = [line.get("stroke-dasharray") for line in graph.findall(f"{SVG}polyline")]
    assert samples == [None, "5,2", "1,5"]


def test_spanish() -> None:
    root = svg_of(nursing(Language.ES))
    shown = [text for node in root.iter(f"{SVG}g") for text in texts(node)]
    for words in (
        "Mediana: $35,760 al año",
        "Salario no publicado",
        "1 mes de formación",
        "12 meses de formación",
        "24 meses de experiencia",
        "Cómo leer este diagrama",
        "Avance",
        "Cambio lateral",
        "Credencial adicional",
    ):
        assert words in shown
    assert not any("median a year" in text or "mo. training" in text for text in shown)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_stays_text(hostile: str) -> None:
    plain = nursing()
    steps = (replace(plain.steps[0], title=hostile), *plain.steps[1:])
    moves = (replace(plain.moves[0], credentials=(hostile,)), *plain.moves[1:])
    diagram = replace(plain, title=hostile, steps=steps, moves=moves)
    # Quotes and arrows of the user's never reach the DOT as syntax.
    dot, plain_dot = to_dot(diagram), to_dot(plain)
    assert (dot.count('"'), dot.count("->")) == (plain_dot.count('"'), plain_dot.count("->"))
    root, before = svg_of(diagram), svg_of(plain)
    for kind in ("node", "edge"):
        assert len(groups(root, kind)) == len(groups(before, kind))
    names = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert names == {element.tag.removeprefix(SVG) for element in before.iter()}
    assert not names & {"script", "img", "a", "foreignObject", "iframe"}
    assert not [
        name for e in root.iter() for name in e.attrib if "href" in name or name.startswith("on")
    ]
    first = next(g for g in groups(root, "node") if g.findtext(f"{SVG}title") == "s0")
    assert " ".join(texts(first)[:-1]) == " ".join(hostile.split())
    edge = next(g for g in groups(root, "edge") if g.findtext(f"{SVG}title") == "s0->s2")
    assert " ".join(texts(edge)[:-2]) == " ".join(hostile.split())


def test_blank_and_unprintable_text_still_draws() -> None:
    steps = (DiagramStep("a", " \n", 1, float("nan")), DiagramStep("b", "A\x00B\x1b\ufffe", 2, 1))
    moves = (DiagramMove("a", "b", ADVANCE, ("", "  "), 0, 0),)
    root = svg_of(Diagram("", steps, moves))
    assert [texts(node) for node in groups(root, "node")] == [
        ["Wage not published"], ["AB", "$1 median a year"],
    ]  # fmt: skip


def test_stages_run_left_to_right_even_when_no_move_joins_them() -> None:
    steps = (
        DiagramStep("late", "Stage Three", 3, None),
        DiagramStep("early", "Stage One", 1, None),
        DiagramStep("middle", "Stage Two", 2, None),
    )
    root = svg_of(Diagram("Apart", steps, ()))
    left = {
        text.text: float(text.get("x", "nan"))
        for node in groups(root, "node")
        for text in node.findall(f"{SVG}text")[:1]
    }
    assert left["Stage One"] < left["Stage Two"] < left["Stage Three"]


def test_moves_must_name_steps_of_the_diagram() -> None:
    plain = nursing()
    with pytest.raises(ValueError, match="'nowhere'"):
        to_dot(replace(plain, moves=(DiagramMove("cna", "nowhere", ADVANCE, (), 0, 0),)))
    with pytest.raises(ValueError, match="'cna'"):
        to_dot(replace(plain, steps=(*plain.steps, plain.steps[0])))


@pytest.mark.parametrize("fmt", list(DiagramFormat))
def test_same_diagram_same_bytes(fmt: DiagramFormat, monkeypatch: pytest.MonkeyPatch) -> None:
    # cairo writes the PDF's date in local time: two time zones give two dates even within
    # one second, so this fails if the date is left in.
    monkeypatch.setenv("TZ", "UTC")
    first = render_diagram(nursing(), fmt)
    monkeypatch.setenv("TZ", "America/New_York")
    assert render_diagram(nursing(), fmt) == first
    assert to_dot(nursing()) == to_dot(nursing())


def test_formats_are_what_they_say() -> None:
    assert render_diagram(nursing(), DiagramFormat.PNG).startswith(b"\x89PNG\r\n\x1a\n")
    pdf = render_diagram(nursing(), DiagramFormat.PDF)
    assert pdf.startswith(b"%PDF-")
    assert b"/CreationDate" not in pdf
    svg = render_diagram(nursing(), DiagramFormat.SVG)
    assert fromstring(svg).tag == f"{SVG}svg"


def test_pdf_still_reads_after_its_date_is_blanked() -> None:
    reader = pypdf.PdfReader(io.BytesIO(render_diagram(nursing(), DiagramFormat.PDF)))
    assert len(reader.pages) == 1
    assert "Registered Nurse" in reader.pages[0].extract_text()


def test_missing_graphviz_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(DiagramError, match="Graphviz is not installed"):
        render_diagram(nursing(), DiagramFormat.SVG)


def test_failing_or_slow_graphviz_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    broken = tmp_path / "broken-dot"
    broken.write_text("#!/bin/sh\necho 'no such layout' >&2\nexit 3\n")
    slow = tmp_path / "slow-dot"
    slow.write_text("#!/bin/sh\nexec sleep 5\n")
    for script in (broken, slow):
        script.chmod(0o755)
    monkeypatch.setattr(diagrams, "DOT_BINARY", str(tmp_path))  # a directory
    with pytest.raises(DiagramError, match="could not be run"):
        render_diagram(nursing(), DiagramFormat.SVG)
    monkeypatch.setattr(diagrams, "DOT_BINARY", str(broken))
    with pytest.raises(DiagramError, match=r"failed \(exit 3\): no such layout"):
        render_diagram(nursing(), DiagramFormat.SVG)
    monkeypatch.setattr(diagrams, "DOT_BINARY", str(slow))
    monkeypatch.setattr(diagrams, "TIMEOUT_SECONDS", 0.2)
    with pytest.raises(DiagramError, match="took more than"):
        render_diagram(nursing(), DiagramFormat.SVG)


def linked(diagram: Diagram) -> Diagram:
    """`diagram` with each step a link to its section of a page, as the pathway page has it."""
    steps = tuple(replace(step, href=f"#step-{step.key}") for step in diagram.steps)
    return replace(diagram, steps=steps)


def test_steps_without_links_draw_exactly_as_before() -> None:
    dot = to_dot(nursing())
    assert "href" not in dot
    assert "target" not in dot
    assert not [e for e in svg_of(nursing()).iter() if e.tag == f"{SVG}a"]


def test_a_linked_step_is_a_link_opened_in_the_page_itself() -> None:
    diagram = linked(nursing())
    assert 's0 [fillcolor="#EEF4FB", href="#step-cna", target="_top", label=<' in to_dot(diagram)
    links = [e for e in svg_of(diagram).iter() if e.tag == f"{SVG}a"]
    assert [a.get("{http://www.w3.org/1999/xlink}href") for a in links] == [
        "#step-cna", "#step-pct", "#step-lpn", "#step-rn", "#step-ccrn",
    ]  # fmt: skip
    assert {a.get("target") for a in links} == {"_top"}
    site_path = replace(nursing().steps[0], href="/occupations/31-1131?region=monroe-la")
    assert 'href="/occupations/31-1131?region=monroe-la"' in to_dot(
        replace(nursing(), steps=(site_path,), moves=())
    )


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "https://evil.example/", "//evil.example/x", '#a" color=red',
     "#step\\N", "#a b", "/x\ny", "/a&b", "step-1", "#", "data:text/html,hi"],
)  # fmt: skip
def test_a_link_that_is_not_a_fragment_or_site_path_is_refused(href: str) -> None:
    step = replace(nursing().steps[0], href=href)
    with pytest.raises(ValueError, match="#fragment or a /path"):
        to_dot(replace(nursing(), steps=(step,), moves=()))


def test_linked_diagrams_give_the_same_bytes_every_time() -> None:
    diagram = linked(nursing())
    assert render_diagram(diagram, DiagramFormat.SVG) == render_diagram(diagram, DiagramFormat.SVG)

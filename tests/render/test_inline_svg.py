"""Inline SVG for pages: a pathway diagram drawn by Graphviz goes into the page as markup, so
only drawing elements, presentation attributes and on-site links survive, whatever the step
titles say and whatever an SVG handed to it contains."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from defusedxml.ElementTree import fromstring

from pathways.domain.flyers import Diagram, DiagramFormat, DiagramMove, DiagramStep
from pathways.domain.vocabulary import TransitionKind
from pathways.render.diagrams import render_diagram
from pathways.render.inline_svg import UnsafeSvg, inline_svg

SVG_NS = "http://www.w3.org/2000/svg"
HOSTILE = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onload='alert(1)",
    "]]><script>alert(1)</script>",
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "&lt;script&gt; &amp;",
)


def diagram_titled(title: str) -> Diagram:
    steps = (
        DiagramStep("a", title, 1, 35_000, href="#step-a"),
        DiagramStep("b", "Licensed Practical Nurse", 2, None, href="/occupations/29-2061"),
    )
    moves = (DiagramMove("a", "b", TransitionKind.ADVANCE, (title,), 12, 6),)
    return Diagram(title, steps, moves)


def names_and_attributes(markup: str) -> tuple[set[str], set[str]]:
    """Every element name and attribute name of `markup`, parsed as the XML it must be."""
    root = fromstring(markup.replace("<svg ", f'<svg xmlns="{SVG_NS}" ', 1))
    elements = {element.tag.rpartition("}")[2] for element in root.iter()}
    attributes = {name for element in root.iter() for name in element.attrib}
    return elements, attributes


@pytest.mark.parametrize("title", HOSTILE)
def test_hostile_step_titles_stay_text_in_the_inline_diagram(title: str) -> None:
    drawn = render_diagram(diagram_titled(title), DiagramFormat.SVG)
    markup = inline_svg(drawn, label=f"Diagram of {title}")
    elements, attributes = names_and_attributes(markup)
    assert elements <= {"svg", "title", "g", "a", "path", "polygon", "polyline", "text"}
    assert not [name for name in attributes if name.lower().startswith("on")]
    assert "style" not in attributes
    assert "<script" not in markup.lower()
    assert "<img" not in markup.lower()
    assert re.findall(r'href="([^"]*)"', markup) == ["#step-a", "/occupations/29-2061"]
    # The title is still there for people to read, as text (wrapped over lines).
    root = fromstring(markup.replace("<svg ", f'<svg xmlns="{SVG_NS}" ', 1))
    shown = " ".join(text.text or "" for text in root.iter() if text.tag.endswith("}text"))
    assert " ".join(title.split()) in " ".join(shown.split())


def test_the_svg_is_an_image_named_by_its_label_with_links_out_of_the_tab_order() -> None:
    drawn = render_diagram(diagram_titled("Nursing Assistant"), DiagramFormat.SVG)
    markup = inline_svg(drawn, label='Diagram of "CNA" & more')
    assert markup.startswith('<svg role="img" aria-label="Diagram of &quot;CNA&quot; &amp; more"')
    assert '<title>Diagram of "CNA" &amp; more</title>' in markup
    assert markup.count("<title>") == 1  # Graphviz's "s0", "s0->s1" titles are gone
    assert markup.count('tabindex="-1"') == 2
    assert 'target="_top"' in markup
    assert "<?xml" not in markup
    assert "DOCTYPE" not in markup
    assert " id=" not in markup  # Graphviz's ids ("node1") could clash with the page's


def test_the_same_svg_gives_the_same_markup() -> None:
    drawn = render_diagram(diagram_titled("Nursing Assistant"), DiagramFormat.SVG)
    assert inline_svg(drawn, label="x") == inline_svg(drawn, label="x")


HANDMADE = f"""<?xml version="1.0"?>
<!-- a comment -->
<svg xmlns="{SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" width="10pt" height="10pt"
     onload="alert(1)" style="background:url(https://evil.example/x)">
  <script>alert(1)</script>
  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml" onclick="alert(1)">hi</div>
  </foreignObject>
  <g onmouseover="alert(1)" class="node">
    <a xlink:href="javascript:alert(1)" target="_blank"><text x="1">bad link</text></a>
    <a href="https://evil.example/"><text>off-site</text></a>
    <a href="//evil.example/"><text>protocol-relative</text></a>
    <a xlink:href="#step-ok" target="_top"><text>fine</text></a>
    <image href="https://evil.example/pixel.png"/>
    <use href="https://evil.example/sprite.svg#x"/>
    <rect fill="url(https://evil.example/paint)" width="5" height="5"/>
    <style>rect {{ fill: red }}</style>
    <set attributeName="onload" to="alert(1)"/>
    <animate attributeName="href" to="javascript:alert(1)"/>
  </g>
</svg>"""


def test_anything_but_drawing_and_on_site_links_is_dropped() -> None:
    markup = inline_svg(HANDMADE, label="Handmade")
    elements, attributes = names_and_attributes(markup)
    assert elements == {"svg", "title", "g", "a", "text", "rect"}
    assert not [name for name in attributes if name.lower().startswith("on")]
    assert "style" not in attributes
    assert re.findall(r'href="([^"]*)"', markup) == ["#step-ok"]
    assert 'target="_blank"' not in markup
    assert "evil.example" not in markup
    assert "alert" not in markup
    for kept in ("bad link", "off-site", "fine"):
        assert kept in markup  # the text of a link that lost its href stays


@pytest.mark.parametrize(
    "document",
    [
        f'<!DOCTYPE svg [<!ENTITY x "boom">]><svg xmlns="{SVG_NS}"><text>&x;</text></svg>',
        f'<!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><svg xmlns="{SVG_NS}">&b;</svg>',
        '<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
        f'<svg xmlns="{SVG_NS}"><text>unclosed</svg>',
        "<svg><text>no namespace</text></svg>",
    ],
)
def test_entities_other_roots_and_broken_markup_are_refused(document: str) -> None:
    with pytest.raises(UnsafeSvg):
        inline_svg(document, label="x")


def test_a_step_without_a_link_is_drawn_as_plain_text() -> None:
    diagram = diagram_titled("Nursing Assistant")
    plain = replace(diagram, steps=tuple(replace(step, href=None) for step in diagram.steps))
    markup = inline_svg(render_diagram(plain, DiagramFormat.SVG), label="x")
    assert "<a" not in markup
    assert "Nursing Assistant" in markup

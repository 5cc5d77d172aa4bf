"""A diagram's SVG made fit to put inside a page. Inline SVG is markup the browser parses with
the page's own rights, so only an allow-list survives: drawing elements and presentation
attributes Graphviz writes, and links that stay on the site ("#fragment" or "/path"). Scripts,
foreign objects, event handlers, styles, external references and anything unknown are dropped;
a DTD with declarations of its own (where entities could hide) is refused outright.

The result is written out here, element by element, with every text and attribute escaped, so
nothing the parser accepted can come back out as markup of its own."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
# Elements Graphviz draws with; all else (script, foreignObject, image, use, style, …) goes,
# with everything inside it.
ELEMENTS = frozenset(
    {"svg", "g", "a", "title", "desc", "polygon", "polyline", "path", "ellipse", "circle",
     "line", "rect", "text", "tspan"}
)  # fmt: skip
# Presentation and geometry attributes. No `style` (the page's CSP refuses inline styles
# anyway), no `id` (it could clash with the page's own), no on* handlers, no `xlink:title`
# (Graphviz fills it with label markup).
ATTRIBUTES = frozenset(
    {"class", "fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray",
     "stroke-opacity", "stroke-linecap", "stroke-linejoin", "points", "d", "x", "y", "x1", "y1",
     "x2", "y2", "cx", "cy", "r", "rx", "ry", "width", "height", "viewBox", "transform",
     "font-family", "font-size", "font-weight", "font-style", "text-anchor",
     "text-decoration", "baseline-shift", "preserveAspectRatio", "target"}
)  # fmt: skip
TARGETS = frozenset({"_top", "_self", "_parent"})
SAFE_HREF = re.compile(r"#[A-Za-z][A-Za-z0-9_-]{0,99}|/(?!/)[A-Za-z0-9/_.~%=?-]{0,300}")
PROLOG = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*|<!--.*?-->\s*)*", re.DOTALL)
# A DOCTYPE without an internal subset ("[…]"): a reference to a public DTD, as Graphviz
# writes; one with a subset is left in place, for the parser to refuse.
PUBLIC_DOCTYPE = re.compile(r"<!DOCTYPE[^\[>]*>", re.IGNORECASE)


class UnsafeSvg(ValueError):
    """The markup is not an SVG this module will put into a page."""


def inline_svg(svg: bytes | str, *, label: str) -> str:
    """`svg` as markup for a page: `role="img"`, named by `label` (as `aria-label` and as its
    first `<title>`), links kept out of the tab order (the page lists the same steps as
    links), and nothing but the allow-listed elements and attributes."""
    text = svg.decode() if isinstance(svg, bytes) else svg
    try:
        # Graphviz's DOCTYPE names the public SVG DTD only; once it is gone, any DTD left
        # is refused (defusedxml), so no entity can be declared or expanded.
        root = fromstring(_without_prolog(text), forbid_dtd=True)
    except (ET.ParseError, DefusedXmlException) as error:
        raise UnsafeSvg(f"not an SVG to inline: {error}") from error
    if root.tag != f"{SVG}svg":
        raise UnsafeSvg("the root element is not <svg>")
    parts = [f'<svg role="img" aria-label="{_attr(label)}"{_attributes(root)}>']
    parts.append(f"<title>{html.escape(label, quote=False)}</title>")
    for child in root:
        _write(child, parts)
    parts.append("</svg>")
    return "".join(parts)


def _without_prolog(text: str) -> str:
    """The XML declaration, comments before the root and a DOCTYPE (whose internal subset
    could declare entities) come off; the first element must then be the root."""
    rest = PROLOG.sub("", text, count=1)
    doctype = PUBLIC_DOCTYPE.match(rest)
    if doctype is not None:
        rest = PROLOG.sub("", rest[doctype.end() :], count=1)
    return rest


def _write(element: ET.Element, parts: list[str]) -> None:
    name = _local(element.tag)
    if name is None or name not in ELEMENTS:
        if element.tail:
            parts.append(html.escape(element.tail, quote=False))
        return
    if name == "title":
        # Graphviz titles every node and edge with its generated ID ("s0", "s0->s1"): noise
        # for a screen reader, which reads the aria-label instead.
        if element.tail:
            parts.append(html.escape(element.tail, quote=False))
        return
    extra = ""
    if name == "a":
        href = element.get(f"{XLINK}href") or element.get("href")
        if href is not None and SAFE_HREF.fullmatch(href):
            extra = f' href="{_attr(href)}" tabindex="-1"'
    parts.append(f"<{name}{_attributes(element)}{extra}>")
    if element.text:
        parts.append(html.escape(element.text, quote=False))
    for child in element:
        _write(child, parts)
    parts.append(f"</{name}>")
    if element.tail:
        parts.append(html.escape(element.tail, quote=False))


def _attributes(element: ET.Element) -> str:
    kept = []
    for key, value in element.attrib.items():
        name = key if not key.startswith("{") else None  # namespaced: xlink:*, xml:*, …
        if name is None or name not in ATTRIBUTES:
            continue
        if name == "target" and value not in TARGETS:
            continue
        if "url(" in value.replace(" ", "").lower() or "javascript:" in value.lower():
            continue  # a paint or filter reference could load something from elsewhere
        kept.append(f' {name}="{_attr(value)}"')
    return "".join(kept)


def _local(tag: object) -> str | None:
    """The element's name in the SVG namespace; None for any other namespace (or a comment
    or processing instruction, whose tag is not a string)."""
    if not isinstance(tag, str) or not tag.startswith(SVG):
        return None
    return tag[len(SVG) :]


def _attr(value: str) -> str:
    return html.escape(value, quote=True)

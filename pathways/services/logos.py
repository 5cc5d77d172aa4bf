"""Partnership logos: uploaded files, checked here before they are stored. A logo is PNG, JPEG
or SVG, at most MAX_LOGO_BYTES; an SVG must be self-contained (no scripts, event handlers,
external references or DOCTYPE), because flyers and pages render it."""

from __future__ import annotations

import re
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from pathways.domain.errors import InvalidInput

MAX_LOGO_BYTES = 512 * 1024
PNG = "image/png"
JPEG = "image/jpeg"
SVG = "image/svg+xml"

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
FORBIDDEN_ELEMENTS = {
    "script", "foreignObject", "iframe", "embed", "object", "image", "use",
    # Animation can rewrite any attribute after the checks, an href included.
    "set", "animate", "animateMotion", "animateTransform",
}  # fmt: skip
# Processing instructions other than the XML declaration (<?xml-stylesheet href=…?>): the
# parser drops them silently, so they are looked for in the bytes.
PROCESSING_INSTRUCTION = re.compile(rb"<\?(?!xml\s)", re.IGNORECASE)
# Anything that may point outside the file: url(...) in styles, and imports.
EXTERNAL_STYLE = re.compile(r"url\s*\(|@import|expression\s*\(", re.IGNORECASE)


def check_logo(content: bytes) -> str:
    """The media type of a valid logo, or InvalidInput naming the field `logo`."""
    if not content:
        raise _invalid("the file is empty")
    if len(content) > MAX_LOGO_BYTES:
        raise _invalid(f"the file is larger than {MAX_LOGO_BYTES // 1024} KiB")
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if content.startswith(b"\xff\xd8\xff"):
        return JPEG
    if b"<svg" in content[:4096]:
        _check_svg(content)
        return SVG
    raise _invalid("a logo must be a PNG, JPEG or SVG file")


def _check_svg(content: bytes) -> None:
    if PROCESSING_INSTRUCTION.search(content):
        raise _invalid("an SVG logo may not carry processing instructions (xml-stylesheet)")
    try:
        root = fromstring(content, forbid_dtd=True)
    except DefusedXmlException:
        raise _invalid("an SVG logo may not declare a DOCTYPE or entities") from None
    except ParseError as error:
        raise _invalid(f"the SVG is not well-formed XML ({error})") from None
    if root.tag != f"{SVG_NS}svg":
        raise _invalid("the file's root element is not an SVG <svg> in the SVG namespace")
    for element in root.iter():
        name = element.tag.rpartition("}")[2]
        if name in FORBIDDEN_ELEMENTS:
            raise _invalid(f"an SVG logo may not contain <{name}>")
        if name == "style" and EXTERNAL_STYLE.search(element.text or ""):
            raise _invalid("an SVG logo's styles may not load anything (url(), @import)")
        for attribute, value in element.attrib.items():
            local = attribute.rpartition("}")[2].lower()
            if local.startswith("on"):
                raise _invalid(f"an SVG logo may not have event handlers ({local})")
            if attribute in ("href", XLINK_HREF) and not value.startswith("#"):
                raise _invalid("an SVG logo may only link within itself")
            if EXTERNAL_STYLE.search(value) and not re.fullmatch(r"url\(#[\w.-]+\)", value):
                raise _invalid("an SVG logo may not load anything (url() outside the file)")


def _invalid(message: str) -> InvalidInput:
    return InvalidInput.for_field("logo", message)

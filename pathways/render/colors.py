"""A partnership's brand colours, made safe and readable for print.

Colours reach CSS only from here, and only as `#RRGGBB` built from parsed numbers: anything
else a partnership stored falls back to Pathways' defaults. Text colours are chosen for WCAG
2.x AA contrast (4.5:1 for body text): the header band's text is black or white, whichever
reads better on the brand colour, and a brand colour used as text on white is darkened until
it passes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeAlias

Rgb: TypeAlias = tuple[int, int, int]

HEX_COLOR = re.compile(r"#([0-9A-Fa-f]{2})([0-9A-Fa-f]{2})([0-9A-Fa-f]{2})")
DEFAULT_PRIMARY = "#0B5D8C"  # Pathways blue
DEFAULT_ACCENT = "#E8A33D"  # Pathways amber
AA_NORMAL_TEXT = 4.5
WHITE: Rgb = (255, 255, 255)
BLACK: Rgb = (0, 0, 0)
INK: Rgb = (26, 26, 26)  # body text: softer than black, 17:1 on white


@dataclass(frozen=True, slots=True)
class Palette:
    """The flyer's colours, every one a validated `#RRGGBB`."""

    brand: str  # the header band
    on_brand: str  # text on the band
    brand_ink: str  # the brand colour as text on white (headings)
    brand_tint: str  # a pale brand wash for table heads and panels
    accent: str  # rules and highlights
    on_accent: str  # text on an accent badge


def palette(primary: str | None, accent: str | None) -> Palette:
    """The flyer's palette from a partnership's stored colours (or the defaults)."""
    brand = parse_hex(primary) or _parsed(DEFAULT_PRIMARY)
    highlight = parse_hex(accent) or _parsed(DEFAULT_ACCENT)
    return Palette(
        brand=to_hex(brand),
        on_brand=to_hex(text_on(brand)),
        brand_ink=to_hex(readable_on_white(brand)),
        brand_tint=to_hex(mix(brand, WHITE, 0.9)),
        accent=to_hex(highlight),
        on_accent=to_hex(text_on(highlight)),
    )


def parse_hex(value: str | None) -> Rgb | None:
    """`#RRGGBB` as numbers; None for anything else (names, `rgb()`, CSS tricks)."""
    match = HEX_COLOR.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    red, green, blue = (int(part, 16) for part in match.groups())
    return (red, green, blue)


def to_hex(color: Rgb) -> str:
    return "#{:02X}{:02X}{:02X}".format(*color)


def relative_luminance(color: Rgb) -> float:
    """WCAG 2.x relative luminance (sRGB, linearised), 0 for black to 1 for white."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in color)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: Rgb, other: Rgb) -> float:
    """WCAG contrast ratio, 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_on(background: Rgb) -> Rgb:
    """White or dark ink, whichever contrasts more with `background`; black if ink would
    fall short of AA (white or black always reaches 4.58:1 at worst)."""
    best = max((WHITE, INK), key=lambda text: contrast(text, background))
    return best if contrast(best, background) >= AA_NORMAL_TEXT else BLACK


def readable_on_white(color: Rgb) -> Rgb:
    """`color` itself if it reads on white at AA, else the same hue darkened just enough."""
    shade = color
    step = 0
    while contrast(shade, WHITE) < AA_NORMAL_TEXT:
        step += 1
        shade = mix(color, BLACK, step / 20)
    return shade


def mix(color: Rgb, other: Rgb, share: float) -> Rgb:
    """`color` moved `share` (0–1) of the way towards `other`."""
    red, green, blue = (round(a + (b - a) * share) for a, b in zip(color, other, strict=True))
    return (red, green, blue)


def _parsed(value: str) -> Rgb:
    color = parse_hex(value)
    assert color is not None, value  # our own defaults are well-formed
    return color

"""Brand colours on a flyer: only well-formed `#RRGGBB` reaches the CSS, and every text colour
reads at WCAG AA (4.5:1) on what it is printed on, whatever the brand chose."""

from __future__ import annotations

import itertools

import pytest

from pathways.render.colors import (
    DEFAULT_ACCENT,
    DEFAULT_PRIMARY,
    WHITE,
    contrast,
    palette,
    parse_hex,
    relative_luminance,
)

AA = 4.5


@pytest.mark.parametrize(
    ("value", "parsed"),
    [("#0B5D8C", (11, 93, 140)), ("#ffff00", (255, 255, 0)), ("#000000", (0, 0, 0))],
)
def test_hex_colours_are_parsed(value, parsed):
    assert parse_hex(value) == parsed


@pytest.mark.parametrize(
    "value",
    [
        None, "", "red", "#FFF", "#FFFFFFF", "FFFFFF", "#GGGGGG", " #FFFFFF", "#FFFFFF\n",
        "#FFFFFF; background: url(http://127.0.0.1/x)", "rgb(0, 0, 0)", "var(--x)",
    ],
)  # fmt: skip
def test_anything_else_is_refused(value):
    assert parse_hex(value) is None


def test_refused_colours_fall_back_to_the_defaults():
    colours = palette("red; } body { background: url(x) }", "#12345")
    assert colours.brand == DEFAULT_PRIMARY
    assert colours.accent == DEFAULT_ACCENT


def test_contrast_matches_wcag():
    assert contrast((0, 0, 0), WHITE) == pytest.approx(21)
    assert contrast(WHITE, WHITE) == pytest.approx(1)
    assert contrast((0x77, 0x77, 0x77), WHITE) == pytest.approx(4.48, abs=0.01)
    assert relative_luminance((255, 255, 0)) == pytest.approx(0.9278, abs=1e-4)


def test_yellow_gets_dark_band_text_and_a_darker_yellow_for_headings():
    colours = palette("#FFFF00", None)
    assert colours.on_brand == "#1A1A1A"
    ink = parse_hex(colours.brand_ink)
    assert ink is not None
    assert contrast(ink, WHITE) >= AA
    assert ink[0] == ink[1] > ink[2] == 0, "the same hue, darkened"


def test_a_dark_brand_keeps_its_colour_and_gets_white_band_text():
    colours = palette("#0B5D8C", None)
    assert (colours.on_brand, colours.brand_ink) == ("#FFFFFF", "#0B5D8C")


def rgb(value: str) -> tuple[int, int, int]:
    parsed = parse_hex(value)
    assert parsed is not None, value
    return parsed


def test_every_brand_colour_gets_readable_text():
    levels = range(0, 256, 17)
    for colour in itertools.product(levels, levels, levels):
        given = "#{:02X}{:02X}{:02X}".format(*colour)
        colours = palette(given, given)
        brand = rgb(colours.brand)
        assert contrast(rgb(colours.on_brand), brand) >= AA, colours
        assert contrast(rgb(colours.on_accent), brand) >= AA, colours
        assert contrast(rgb(colours.brand_ink), WHITE) >= AA, colours

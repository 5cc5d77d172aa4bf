"""How wide text is in the flyer's typeface, to predict where lines wrap before WeasyPrint
lays anything out. The advance widths come from the installed Liberation Sans (the flyer's
first choice; DejaVu Sans when it is missing), read once per process with fontTools, which
WeasyPrint already depends on. They match what WeasyPrint lays out to a hundredth of a point
on the flyer's strings (it sets them without kerning).
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")
FACES = {
    False: ("LiberationSans-Regular.ttf", "DejaVuSans.ttf"),
    True: ("LiberationSans-Bold.ttf", "DejaVuSans-Bold.ttf"),
}
UNKNOWN_ADVANCE = 0.6  # em, for a character the face lacks (another font draws it)


@cache
def advances(bold: bool) -> dict[str, float]:
    """Advance width in em of every character the flyer's face has (empty if none found)."""
    # Imported here: only flyers need it. fontTools ships no type hints.
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    path = _face(bold)
    if path is None:
        return {}
    with TTFont(path, lazy=True) as font:
        units = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        return {chr(code): metrics[name][0] / units for code, name in font.getBestCmap().items()}


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of `text` on one line at `size` pt, in pt."""
    widths = advances(bold)
    return size * sum(widths.get(character, UNKNOWN_ADVANCE) for character in text)


def line_count(
    text: str,
    width: float,
    size: float,
    *,
    bold: bool = False,
    leading: float = 0.0,
    trailing: float = 0.0,
) -> int:
    """How many lines `text` takes in a box `width` pt wide: words wrap at spaces, and a word
    wider than the box breaks anywhere (the flyer's `overflow-wrap: anywhere`). `leading`
    and `trailing` are the widths of unbreakable boxes before and after the text (badges)."""
    if not text and not leading and not trailing:
        return 0
    space = text_width(" ", size, bold=bold)
    lines, used = 1, 0.0
    words = [text_width(word, size, bold=bold) for word in text.split()]
    for word_width in [leading, *words, trailing]:
        if not word_width:
            continue
        if word_width > width:
            # The long word starts on its own line and fills as many as it needs.
            lines += (1 if used else 0) + math.ceil(word_width / width) - 1
            used = word_width % width
        elif used and used + space + word_width > width:
            lines += 1
            used = word_width
        else:
            used += (space if used else 0) + word_width
    return lines


def _face(bold: bool) -> Path | None:
    for name in FACES[bold]:
        for folder in FONT_DIRS:
            found = next(folder.rglob(name), None) if folder.is_dir() else None
            if found is not None:
                return found
    return None

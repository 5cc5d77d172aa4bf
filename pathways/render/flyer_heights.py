"""The height, in pt, of each block of the flyer, predicted from its text.

This mirrors `templates/flyers/flyer.css` — its type sizes, line heights, paddings and fixed
column widths — and line breaks come from the typeface's real advance widths
(font_metrics.py). Change one, change the other; the fit tests catch a drift.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pathways.domain.flyers import Flyer, Language
from pathways.render.flyer_view import FlyerView, ProgramRow, StepRow, capped
from pathways.render.font_metrics import line_count, text_width
from pathways.render.i18n import translations

TABLE_LINE = 7.8 * 1.3  # .grid text
CELL = 6.5  # a cell's padding and rule
SECTION = 8 + 8.5 * 1.3 + 2 + 1.5  # margin, h2 line, padding, accent rule
NOTE = 2 + 6.6 * 1.3
SMALL = 6.6 * 1.3
STEP_COLUMNS = (0.26, 0.095, 0.095, 0.095, 0.245, 0.07, 0.07, 0.07)
PROGRAM_COLUMNS = (0.30, 0.19, 0.10, 0.085, 0.095, 0.23)
# The tables' column labels, as the template has them ("Step" is the longer of its two).
STEP_HEADS = (
    "Occupation",
    "Entry",
    "Median",
    "Experienced",
    "What it takes",
    "Cost",
    "Job growth",
    "Openings a year",
)
NEXT_HEADS = ("Next step", "Median pay", "Pay increase")
PROGRAM_HEADS = ("Program", "Leads to", "Length", "Cost", "Format", "Contact")
NEXT_COLUMNS = (0.60, 0.20, 0.20)
PILL = 10 + 3  # a skill's padding and the gap after it
PILL_LINE = 7.8 * 1.3 + 2 + 3  # a line of skills: text, padding, gap below
LOGO_CELL = 128
LOGO_TILE = 40 + 10  # the logo and its tile's padding
DIAGRAM_FRAME = 7 + 8 + 1.5  # margin, padding, border
QR_BLOCK = 70
SVG_TAG = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE)
SVG_ATTRIBUTE = re.compile(r'([\w:-]+)\s*=\s*["\']([^"\']*)["\']')
SVG_LENGTH = re.compile(r"\s*([0-9]+(?:\.[0-9]*)?)\s*(pt|px|in|cm|mm|)\s*")
Gettext = Callable[[str], str]
UNITS = {"pt": 1.0, "px": 0.75, "": 0.75, "in": 72.0, "cm": 72 / 2.54, "mm": 72 / 25.4}


@dataclass(frozen=True, slots=True)
class Heights:
    """Every block's predicted height; lists row by row, so any prefix can be summed."""

    fixed: float  # band, headings, notes, frames: what shows whatever the limits
    lead: dict[int, float]  # description height by how many characters are shown
    diagram: float | None  # its natural height at the page's width; None when there is none
    diagram_frame: float  # the figure's margin, padding and border
    steps: tuple[float, ...]
    next_steps: tuple[float, ...]
    programs: tuple[float, ...]
    skills: tuple[float, ...]  # each skill's width as a pill, gap included
    skill_line: float
    skills_section: float  # its heading, paid while a skill is shown
    sources: dict[int, float]  # the colophon's height by how many sources it lists
    more: float  # an "and N more at …" line
    tables: dict[str, float]  # each table's head, paid for while it has a row


def predicted_heights(
    flyer: Flyer, view: FlyerView, width: float, language: Language, caps: tuple[int, ...]
) -> Heights:
    """Every block's height for `flyer` at `width` pt, its description cut at each of `caps`."""
    catalog = translations(language)
    gettext = catalog.gettext
    more_text = catalog.ngettext("and %(num)s more at %(url)s", "and %(num)s more at %(url)s", 99)
    more_text %= {"num": 99, "url": flyer.page_url}
    more = 3 + 7.4 * 1.3 * line_count(more_text, width, 7.4)
    fixed = _band(flyer, view, width, gettext)
    if view.steps:
        note = gettext("Entry pay is the 25th percentile, median the 50th, experienced the 75th.")
        if view.outlook_period:
            note += " " + gettext("Growth and openings a year are projected for %(period)s.") % {
                "period": view.outlook_period
            }
        fixed += SECTION + NOTE * line_count(note, width, 6.6)
    fixed += SECTION if view.next_steps else 0
    fixed += SECTION if view.programs else 0
    skills_section = SECTION + 4  # paid only while a skill is shown
    description = flyer.description or ""
    return Heights(
        fixed=fixed,
        lead={chars: _lead(capped(description, chars) if chars else "", width) for chars in caps},
        diagram=_diagram(flyer.diagram_svg, width - 9.5) if flyer.diagram_svg else None,
        diagram_frame=DIAGRAM_FRAME,
        steps=tuple(_step_row(step, width, gettext) for step in view.steps),
        next_steps=tuple(
            CELL + TABLE_LINE * max(1, _lines(step.title, width * NEXT_COLUMNS[0], bold=True))
            for step in view.next_steps
        ),
        programs=tuple(_program_row(program, width) for program in view.programs),
        skills=tuple(min(text_width(skill, 7.8) + PILL, width) for skill in view.skills),
        skill_line=PILL_LINE,
        skills_section=skills_section,
        sources={
            count: _colophon(flyer, view, count, width, gettext, more_text)
            for count in range(len(view.sources) + 1)
        },
        more=more,
        tables={
            "steps": _head(STEP_HEADS, STEP_COLUMNS, width, gettext),
            "next_steps": _head(NEXT_HEADS, NEXT_COLUMNS, width, gettext),
            "programs": _head(PROGRAM_HEADS, PROGRAM_COLUMNS, width, gettext),
        },
    )


def _head(
    labels: tuple[str, ...], columns: tuple[float, ...], width: float, gettext: Gettext
) -> float:
    """A table head: its labels (7 pt bold) wrap in their columns."""
    lines = max(
        _lines(gettext(label), share * width, 7, bold=True)
        for label, share in zip(labels, columns, strict=True)
    )
    return 6 + 7 * 1.3 * lines


def _lines(text: str | None, width: float, size: float = 7.8, *, bold: bool = False) -> int:
    return line_count(text, width - 8, size, bold=bold) if text else 0


def _band(flyer: Flyer, view: FlyerView, width: float, gettext: Gettext) -> float:
    text_width = width - 28 - (LOGO_CELL if flyer.branding.logo else 0)
    kind = max(gettext("Career pathway"), gettext("Career profile"), key=len)
    kicker = f"{view.brand} · {kind}".upper()
    kicker_lines = line_count(kicker, text_width / 1.06, 7.5, bold=True)  # letter-spaced
    text = (
        7.5 * 1.3 * kicker_lines
        + 5
        + 20 * 1.12 * line_count(view.title, text_width, 20, bold=True)
        + 10 * 1.3 * line_count(view.subtitle, text_width, 10)
    )
    logo = LOGO_TILE if flyer.branding.logo else 0
    return 21 + 3.5 + max(text, logo)


def _lead(description: str, width: float) -> float:
    return 8 + 9.6 * 1.38 * line_count(description, width, 9.6) if description else 0


def _step_row(step: StepRow, width: float, gettext: Gettext) -> float:
    widths = [share * width for share in STEP_COLUMNS]
    stage = 16.5 if len(str(step.stage)) < 2 else 21  # the stage number's disc
    title = 8.3 * 1.3 * max(1, line_count(step.title, widths[0] - 8, 8.3, bold=True, leading=stage))
    notes = [
        step.source,
        step.outlook_note and gettext("Outlook: %(period)s") % {"period": step.outlook_note},
    ]
    title += sum(1 + 6.6 * 1.25 * _lines(note, widths[0], 6.6) for note in notes if note)
    pays = (step.entry, step.median, step.experienced)
    pay = max(
        _lines(text, column + 2, 7.5, bold=text is step.median)  # numbers: padded 2 + 4 pt
        for text, column in zip(pays, widths[1:4], strict=True)
    )
    figures = max(
        _lines(text, column + 2)
        for text, column in zip((step.cost, step.growth, step.openings), widths[5:], strict=True)
    )
    badge = 0.0
    if step.earn_while_you_learn:
        badge = text_width(gettext("Earn while you learn"), 6.4, bold=True) + 8
    takes = _lines(step.credentials, widths[4], bold=True) + line_count(
        step.requirements or "", widths[4] - 8, 7.8, trailing=badge
    )
    return CELL + max(title, 7.5 * 1.3 * pay, TABLE_LINE * max(figures, takes))


def _program_row(program: ProgramRow, width: float) -> float:
    widths = [share * width for share in PROGRAM_COLUMNS]
    name = TABLE_LINE * _lines(program.title, widths[0], bold=True)
    name += 7 * 1.3 * _lines(program.provider, widths[0], 7)
    others = (
        TABLE_LINE * _lines(program.leads_to, widths[1]),
        TABLE_LINE * _lines(program.length, widths[2]),
        TABLE_LINE * _lines(program.modality, widths[4]),
        7.2 * 1.3 * _lines(program.contact, widths[5], 7.2),
    )
    return CELL + max(name, *others)


def _colophon(
    flyer: Flyer, view: FlyerView, count: int, width: float, gettext: Gettext, more: str
) -> float:
    text_width = width - QR_BLOCK
    contact = f"{view.brand} · {view.contact or ''}"
    visit = gettext("Every program, wage and update: %(url)s") % {"url": flyer.page_url}
    sources = gettext("Prepared %(date)s") % {"date": view.generated_on}
    if view.sources:
        sources += " · " + gettext("Sources:") + " " + " · ".join(view.sources[:count])
    if count < len(view.sources):
        sources += " · " + more
    text = (
        8 * 1.3 * line_count(contact, text_width, 8)
        + 2
        + 7.4 * 1.3 * line_count(visit, text_width, 7.4, bold=True)
        + 2
        + SMALL * line_count(sources, text_width, 6.6)
        + 2
        + SMALL * line_count(view.onet_attribution, text_width, 6.6)
    )
    return 10 + 0.75 + 5 + max(text, 60)


def _diagram(svg: bytes, width: float) -> float:
    """The diagram's height drawn no wider than `width` and never enlarged (the template's
    `max-width: 100%`), before its max-height. Only the root element's opening tag is read."""
    tag = SVG_TAG.search(svg[:4096])
    attributes = dict(SVG_ATTRIBUTE.findall(tag.group().decode("latin-1"))) if tag else {}
    svg_width, svg_height = _length(attributes.get("width")), _length(attributes.get("height"))
    if svg_width and svg_height:
        return svg_height * min(1.0, width / svg_width)
    box = attributes.get("viewBox", "").replace(",", " ").split()
    try:
        box_width, box_height = float(box[2]), float(box[3])
    except (IndexError, ValueError):
        box_width = box_height = 0.0
    if box_width > 0 and box_height > 0:
        return width * box_height / box_width  # no size: drawn as wide as the page allows
    return width / 2  # neither: drawn at 300 × 150 px, scaled to fit


def _length(value: str | None) -> float | None:
    match = SVG_LENGTH.fullmatch(value or "")
    return float(match.group(1)) * UNITS[match.group(2)] if match else None

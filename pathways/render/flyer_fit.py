"""How much of a flyer fits on its one page.

`plan` predicts every block's height from its text (flyer_heights.py). `Fit.estimate` walks
down a ladder of cuts — programs down to three first, then the description, skills, the
diagram's size, … — until the page is predicted to fit, then gives back, most important first,
whatever still fits: so the first layout usually fits and fills the page. When a layout still
runs onto a second page, `Fit.after` replaces the predictions with what WeasyPrint measured
and cuts again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from pathways.domain.flyers import Flyer, Language, Paper
from pathways.render.flyer_heights import Heights, predicted_heights
from pathways.render.flyer_view import FlyerView
from pathways.render.pdf import Layout

MAX_LAYOUTS = 4
PX = 0.75  # WeasyPrint measures in CSS px; the flyer is designed in pt
CONTENT = {Paper.LETTER: (540.0, 720.0), Paper.A4: (523.28, 769.89)}  # pt inside the margins
SLACK = 3.0  # pt kept free, so a prediction a little short still fits
DIAGRAM_HEIGHTS = (72.0, 90.0, 110.0, 140.0, 170.0)  # the diagram's max-height, by size
DESCRIPTION_CAPS = (0, 200, 420, 900)  # characters of the description, by size
LONGEST = 60  # more rows than ever fit on a page: lists start here, not at 10,000
SKILLS_SHOWN = 12
MEASURED_LISTS = ("steps", "next_steps", "programs")  # table rows marked `data-fit`
# What gives way when the page is full, first to last: (what, down to how many / which size).
LADDER: tuple[tuple[str, int], ...] = (
    ("programs", 3), ("description", 2), ("skills", 6), ("next_steps", 3), ("sources", 4),
    ("skills", 3), ("diagram", 3), ("skills", 0), ("programs", 1), ("description", 1),
    ("next_steps", 1), ("diagram", 1), ("next_steps", 0), ("sources", 1), ("description", 0),
    ("programs", 0), ("diagram", 0), ("steps", 1), ("sources", 0),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Shown:
    """How many of each list the page shows, and how large its flexible blocks are."""

    steps: int
    next_steps: int
    programs: int
    skills: int
    sources: int
    diagram: int = len(DIAGRAM_HEIGHTS) - 1  # index into DIAGRAM_HEIGHTS
    description: int = len(DESCRIPTION_CAPS) - 1  # index into DESCRIPTION_CAPS
    body_min_height: float = 0.0  # pt; pushes the colophon to the foot of the page

    @property
    def diagram_height(self) -> float:
        return DIAGRAM_HEIGHTS[self.diagram]

    @property
    def description_chars(self) -> int:
        return DESCRIPTION_CAPS[self.description]

    @classmethod
    def everything(cls, view: FlyerView) -> Shown:
        return cls(
            steps=len(view.steps),
            next_steps=len(view.next_steps),
            programs=len(view.programs),
            skills=len(view.skills),
            sources=len(view.sources),
        )


@dataclass(frozen=True, slots=True)
class Fit:
    """A flyer's predicted heights on one paper size, and the page they must fit in (pt)."""

    heights: Heights
    width: float
    capacity: float

    def total(self, shown: Shown) -> float:
        """The predicted height of everything `shown`, colophon included."""
        h = self.heights
        total = h.fixed + h.lead[shown.description_chars] + h.sources[shown.sources]
        if h.diagram is not None:
            total += h.diagram_frame + min(h.diagram, shown.diagram_height)
        for name in MEASURED_LISTS:
            rows: tuple[float, ...] = getattr(h, name)
            count = getattr(shown, name)
            total += (h.tables[name] + sum(rows[:count]) if count else 0) + _more(h, rows, count)
        skills = _skills(h, shown.skills, self.width)
        return total + skills + (_more(h, h.skills, shown.skills) if skills else 0.0)

    def fits(self, shown: Shown) -> bool:
        return self.total(shown) <= self.capacity - SLACK

    def trimmed(self, shown: Shown) -> Shown:
        """`shown` cut down the ladder until it fits, then given back what still fits."""
        ceiling = shown
        if not self.fits(shown):
            for smaller in _smaller(shown):
                shown = smaller
                if self.fits(shown):
                    break
        for name, upper in reversed(_ladder_ranges(ceiling)):
            while getattr(shown, name) < upper:
                larger = replace(shown, **{name: getattr(shown, name) + 1})
                if not self.fits(larger):
                    break
                shown = larger
        colophon = self.heights.sources[shown.sources]
        return replace(shown, body_min_height=max(0.0, self.capacity - colophon - SLACK))

    def estimate(self, view: FlyerView) -> Shown:
        """Lists trimmed to what the predicted heights say fits, the page filled."""
        start = Shown(
            steps=min(len(view.steps), LONGEST),
            next_steps=min(len(view.next_steps), LONGEST),
            programs=min(len(view.programs), LONGEST),
            skills=min(len(view.skills), SKILLS_SHOWN),
            sources=min(len(view.sources), LONGEST),
        )
        return self.trimmed(start)

    def after(self, layout: Layout, shown: Shown) -> Shown | None:
        """Less than `shown`, judged from its `layout` (which overflowed); None when nothing
        is left to cut.

        The rows laid out replace their predicted heights, and what the prediction still
        misses overall (a heading that wrapped, say) is carried as a fixed correction.
        """
        measured = _measure(layout)
        flat = replace(shown, body_min_height=0.0)
        laid_out = {name: tuple(measured.rows.get(name, ())) for name in MEASURED_LISTS}
        rows = {
            name: laid_out[name] + getattr(self.heights, name)[len(laid_out[name]) :]
            for name in MEASURED_LISTS
        }
        heights = replace(self.heights, **rows)
        error = measured.content_height - replace(self, heights=heights).total(flat)
        corrected = replace(self, heights=replace(heights, fixed=heights.fixed + error))
        if corrected.fits(flat):
            if shown.body_min_height:
                return flat  # only the push of the colophon to the foot of the page ran over
            return next(_smaller(flat), None)  # a page break fell badly: give up one row
        smaller = flat
        for smaller in _smaller(flat):
            if corrected.fits(smaller):
                break
        return None if smaller == flat else smaller


def plan(flyer: Flyer, view: FlyerView, paper: Paper, language: Language) -> Fit:
    """The flyer's predicted heights on `paper`, ready to estimate and correct its fit."""
    width, height = CONTENT[paper]
    return Fit(predicted_heights(flyer, view, width, language, DESCRIPTION_CAPS), width, height)


def _smaller(shown: Shown) -> Iterator[Shown]:
    """Each cut down the ladder from `shown`, one row (or one size) at a time."""
    for name, floor in LADDER:
        while getattr(shown, name) > floor:
            shown = replace(shown, **{name: getattr(shown, name) - 1})
            yield shown


def _ladder_ranges(ceiling: Shown) -> list[tuple[str, int]]:
    """Each rung with the most it may give back: the rung above it for the same thing, or
    where it started."""
    uppers: dict[str, int] = {}
    ranges = []
    for name, floor in LADDER:
        upper = uppers.get(name, getattr(ceiling, name))
        ranges.append((name, upper))
        uppers[name] = min(upper, floor)
    return ranges


def _more(heights: Heights, rows: tuple[Any, ...], count: int) -> float:
    return heights.more if count < len(rows) else 0.0


def _skills(heights: Heights, count: int, width: float) -> float:
    """Skills are pills flowing across the page in lines, as many to a line as fit."""
    if not count:
        return 0.0  # no skill, no section: the colophon's link says where they are
    lines, used = 1, 0.0
    for pill in heights.skills[:count]:
        if used and used + pill > width:
            lines, used = lines + 1, 0.0
        used += pill
    return heights.skills_section + heights.skill_line * lines


@dataclass(frozen=True, slots=True)
class Measured:
    content_height: float  # pt: every page's content stacked, repeated table heads left out
    rows: dict[str, list[float]]  # pt: each `data-fit` row's height in order, by list


def _measure(layout: Layout) -> Measured:
    """The laid-out content's natural height and its rows' heights, from WeasyPrint's boxes:
    each page from its top to its lowest box, leaving out the stretchable `.body` wrapper and
    a table head repeated on a following page."""
    total = 0.0
    rows: dict[str, list[float]] = {}
    heads_seen: set[int] = set()
    for page in layout.document.pages:
        page_box = page._page_box  # WeasyPrint exposes the laid-out boxes only this way
        top = bottom = page_box.content_box_y()
        repeated = 0.0
        seen: set[int] = set()
        for box in _boxes(page_box):
            element = box.element
            if element is None or id(element) in seen or box.element_tag in ("html", "body"):
                continue
            seen.add(id(element))
            if element.get("class") in ("sheet", "body"):
                continue
            bottom = max(bottom, box.position_y + box.margin_height())
            kind = element.get("data-fit")
            if kind in MEASURED_LISTS:
                rows.setdefault(kind, []).append(box.margin_height() * PX)
            elif box.element_tag == "thead":
                if id(element) in heads_seen:
                    repeated += box.margin_height()
                heads_seen.add(id(element))
        total += (bottom - top - repeated) * PX
    return Measured(total, rows)


def _boxes(box: Any) -> Iterator[Any]:
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)

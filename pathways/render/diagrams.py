"""Pathway diagrams: a `Diagram` as Graphviz DOT, drawn left to right by stage, and that DOT
as SVG (for pages), PNG or PDF (for slides and print) by one run of `dot`.

Every user string goes into an HTML-like label, HTML-escaped, and every node gets a generated
ID (`s0`, `s1`, …), so no title or credential name can add nodes, edges or attributes. The
same diagram always gives the same bytes: nothing is ordered by hash, and the one timestamp
Graphviz writes (the PDF's /CreationDate) is blanked.
"""

from __future__ import annotations

import html
import itertools
import math
import os
import re
import subprocess
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from pathways.domain.flyers import Diagram, DiagramFormat, DiagramMove, DiagramStep, Language
from pathways.domain.vocabulary import TransitionKind
from pathways.render import i18n

DOT_BINARY = "dot"  # found on PATH; tests point it elsewhere to see the error
TIMEOUT_SECONDS = 30.0
# Liberation Sans has Arial's metrics, so browsers showing the SVG with Arial or Helvetica
# fit the text in the boxes Graphviz measured; the rest are fallbacks for both.
FONT = "Liberation Sans,Arial,Helvetica,DejaVu Sans,sans-serif"
# Characters a line, broken at spaces: boxes and the words on moves stay narrow on a slide.
TITLE_WIDTH, CREDENTIAL_WIDTH = 22, 28
# cairo is named for PNG and PDF (Debian's default PNG renderer may be gd, without Pango);
# SVG uses the core writer, which keeps text as text. PNG at 2× for sharp slides.
DOT_OPTIONS = {
    DiagramFormat.SVG: ("-Tsvg",),
    DiagramFormat.PNG: ("-Tpng:cairo", "-Gdpi=192"),
    DiagramFormat.PDF: ("-Tpdf:cairo",),
}
# cairo 1.16 ignores SOURCE_DATE_EPOCH, so the PDF's date is overwritten with spaces of the
# same length: the xref offsets stay right, and the entry (optional in PDF) simply goes. cairo
# writes it in local time, "Z" or "-05'00", so dot runs in UTC: one length, the same bytes.
CREATION_DATE = re.compile(rb"/CreationDate \(D:[^)]*\)")
# A step's link is built by the page, never typed: a fragment or a path on this site, in
# characters that need no quoting in DOT or in XML (no quote, backslash, "&", "<" or space).
SAFE_HREF = re.compile(r"#[A-Za-z][A-Za-z0-9_-]{0,99}|/(?!/)[A-Za-z0-9/_.~%=?-]{0,300}")

INK, MUTED, PAPER = "#1F2933", "#52606D", "#FFFFFF"
STAGE_FILLS = ("#EEF4FB", "#E3EEF8", "#D8E7F5", "#CDE0F2")  # deeper blue at later stages
BORDER = "#5B7FA6"
# Each kind differs by line style and by colour, so it reads in grey print and for people
# who tell colours apart poorly.
LINES = {
    TransitionKind.ADVANCE: ("solid", "#2F5D8A", "Advance"),
    TransitionKind.LATERAL: ("dashed", "#6B7785", "Lateral move"),
    TransitionKind.ADD_ON: ("dotted", "#B7791F", "Add-on credential"),
}


class DiagramError(RuntimeError):
    """Graphviz is missing, failed, or took too long."""


def render_diagram(diagram: Diagram, fmt: DiagramFormat) -> bytes:
    """`diagram` drawn as SVG, PNG or PDF: the same diagram always gives the same bytes."""
    drawn = run_dot(to_dot(diagram), fmt)
    if fmt is DiagramFormat.PDF:
        drawn = CREATION_DATE.sub(lambda found: b" " * len(found[0]), drawn)
    return drawn


def run_dot(dot: str, fmt: DiagramFormat) -> bytes:
    """One `dot` run, DOT on stdin and the drawing on stdout."""
    try:
        done = subprocess.run(  # noqa: S603 - our own arguments; the DOT goes on stdin
            [DOT_BINARY, *DOT_OPTIONS[fmt]],
            input=dot.encode(),
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=True,
            env={**os.environ, "TZ": "UTC"} if fmt is DiagramFormat.PDF else None,
        )
    except FileNotFoundError as missing:
        raise DiagramError(
            f"Graphviz is not installed: no {DOT_BINARY!r} on PATH (apt-get install graphviz)"
        ) from missing
    except OSError as refused:  # there, but not something this process may run
        raise DiagramError(f"Graphviz could not be run: {refused}") from refused
    except subprocess.TimeoutExpired as slow:
        raise DiagramError(f"Graphviz took more than {TIMEOUT_SECONDS:g} s") from slow
    except subprocess.CalledProcessError as failed:
        reason = failed.stderr.decode(errors="replace").strip()[:500]  # a line or two is enough
        raise DiagramError(f"Graphviz failed (exit {failed.returncode}): {reason}") from failed
    return done.stdout


def to_dot(diagram: Diagram) -> str:
    """The DOT text of `diagram`: a column per stage, in stage order, steps in given order."""
    ids = _step_ids(diagram.steps)
    language = diagram.language
    lines = [
        "digraph pathway {",
        f"  graph [rankdir=LR, newrank=true, nodesep=0.3, ranksep=0.5, pad=0.3,"
        f' bgcolor="{PAPER}", fontname="{FONT}", fontsize=10, fontcolor="{MUTED}",'
        f" labelloc=b, labeljust=l, label=<{_legend(language)}>];",
        f'  node [shape=box, style="rounded,filled", color="{BORDER}", penwidth=1.2,'
        f' fontname="{FONT}", fontsize=13, fontcolor="{INK}", margin="0.18,0.1"];',
        f'  edge [fontname="{FONT}", fontsize=10, fontcolor="{MUTED}", arrowsize=0.8,'
        " penwidth=1.6];",
    ]
    stages = sorted({step.stage for step in diagram.steps})
    for column, stage in enumerate(stages):
        fill = STAGE_FILLS[min(column, len(STAGE_FILLS) - 1)]
        nodes = " ".join(
            f'{ids[step.key]} [fillcolor="{fill}"{_link(step)},'
            f" label=<{_step_label(step, language)}>];"
            for step in diagram.steps
            if step.stage == stage
        )
        lines.append(f"  {{ rank=same; {nodes} }}")
    stage_of = {step.key: step.stage for step in diagram.steps}
    lines += _stage_order(diagram, stages, ids, stage_of)
    for move in diagram.moves:
        style, colour, _ = LINES[move.kind]
        source, target = _id_of(ids, move.source), _id_of(ids, move.target)
        # Words on a move within one stage sit across its line (dot draws such moves short
        # and upright), so they get a white ground; elsewhere they sit beside the line.
        within = stage_of[move.source] == stage_of[move.target]
        label = _move_label(move, language, on_white=within, compact=diagram.compact)
        attributes = f'style={style}, color="{colour}"' + (f", label=<{label}>" if label else "")
        lines.append(f"  {source} -> {target} [{attributes}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _stage_order(
    diagram: Diagram, stages: list[int], ids: dict[str, str], stage_of: dict[str, int]
) -> list[str]:
    """Invisible edges that keep each stage right of the one before when no move joins them
    (without one, two unjoined stages would share a column)."""
    joined = {(stage_of.get(move.source), stage_of.get(move.target)) for move in diagram.moves}
    first = {stage: next(s.key for s in diagram.steps if s.stage == stage) for stage in stages}
    return [
        f"  {ids[first[a]]} -> {ids[first[b]]} [style=invis];"
        for a, b in itertools.pairwise(stages)
        if (a, b) not in joined
    ]


def _step_ids(steps: Iterable[DiagramStep]) -> dict[str, str]:
    """`s0`, `s1`, … in the given order: IDs never carry the user's key."""
    ids: dict[str, str] = {}
    for step in steps:
        if step.key in ids:
            raise ValueError(f"two diagram steps have the key {step.key!r}")
        ids[step.key] = f"s{len(ids)}"
    return ids


def _id_of(ids: dict[str, str], key: str) -> str:
    if key not in ids:
        raise ValueError(f"a diagram move names a step it does not have: {key!r}")
    return ids[key]


def _link(step: DiagramStep) -> str:
    """The box's link, for a diagram shown inline in a page: opened in the page itself
    (`_top`), never in the SVG's own frame. Empty when the step is not a link."""
    if step.href is None:
        return ""
    if not SAFE_HREF.fullmatch(step.href):
        raise ValueError(f"a diagram link must be a #fragment or a /path: {step.href!r}")
    return f', href="{step.href}", target="_top"'


def _step_label(step: DiagramStep, language: Language) -> str:
    title = "<BR/>".join(_escaped_lines(step.title, TITLE_WIDTH))
    if step.annual_median is None or not math.isfinite(step.annual_median):
        wage = i18n.gettext(language, "Wage not published")
    else:
        amount = i18n.money(step.annual_median, language)
        wage = i18n.gettext(language, "%(amount)s median a year") % {"amount": amount}
    wage_line = f'<FONT POINT-SIZE="11" COLOR="{MUTED}">{_escape(wage)}</FONT>'
    # Graphviz refuses an empty <B></B>: a step with a blank title shows its wage alone.
    return f"<B>{title}</B><BR/>{wage_line}" if title else wage_line


def _move_label(move: DiagramMove, language: Language, *, on_white: bool, compact: bool) -> str:
    """Credentials (each wrapped) in ink, then months of training and of experience, if any,
    in grey (`compact`: training only); empty when there is nothing to say."""
    names = () if compact else move.credentials
    lines = [line for name in names for line in _escaped_lines(name, CREDENTIAL_WIDTH)]
    months = []
    if move.months_training > 0:
        months.append(_months(language, "%(months)s mo. training", move.months_training))
    if move.months_experience > 0 and not compact:
        months.append(_months(language, "%(months)s mo. experience", move.months_experience))
    if not lines and not months:
        return ""
    rows = [f'<FONT COLOR="{INK}">{"<BR/>".join(lines)}</FONT>'] if lines else []
    rows += ["<BR/>".join(months)] if months else []
    ground = f' BGCOLOR="{PAPER}"' if on_white else ""
    return (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1"{ground}>'
        + "".join(f"<TR><TD>{row}</TD></TR>" for row in rows)
        + "</TABLE>"
    )


@lru_cache(maxsize=256)
def _months(language: Language, message: str, months: int) -> str:
    """ "1 mes" but "6 meses": the catalog has singular and plural forms. Cached: a pathway
    repeats a few month counts, and Babel takes longer to format one than to wrap a title."""
    text = i18n.translations(language).ngettext(message, message, months)
    return _escape(text % {"months": i18n.number(months, language)})


def _legend(language: Language) -> str:
    """The key, as the graph's own label: one row under the drawing, a short line of each
    style and its name. As a label it takes no part in the layout, so it never moves a step."""
    heading = _escape(i18n.gettext(language, "How to read this diagram"))
    cells = [f'<TD ALIGN="LEFT"><B>{heading}</B></TD>']
    for style, colour, message in LINES.values():
        cells.append(
            # A cell as tall as the row would put its line at the foot of the text: a short
            # inner table, centred in the row, puts it at the middle.
            '<TD><TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR><TD WIDTH="40" HEIGHT="8"'
            f' FIXEDSIZE="TRUE" BORDER="2" SIDES="B" STYLE="{style}" COLOR="{colour}"></TD>'
            "</TR></TABLE></TD>"
            f'<TD ALIGN="LEFT">{_escape(i18n.gettext(language, message))}</TD>'
        )
    # The outer table's empty first row keeps the key clear of the lowest step.
    return (
        '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR><TD HEIGHT="12"></TD></TR><TR><TD>'
        '<TABLE BORDER="1" STYLE="rounded" COLOR="#CBD2D9" CELLBORDER="0" CELLSPACING="6"'
        f' CELLPADDING="2"><TR>{"".join(cells)}</TR></TABLE></TD></TR></TABLE>'
    )


def _escaped_lines(text: str, width: int) -> list[str]:
    """`text` broken at spaces into lines of about `width` characters (a longer word keeps
    its own line), each HTML-escaped; none for blank text."""
    lines: list[str] = []
    for word in _clean(text).split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        elif word:
            lines.append(word)
    return [_escape(line) for line in lines]


def _clean(text: str) -> str:
    """Whitespace (newlines too) folded to single spaces; control characters, lone surrogates
    and U+FFFE/U+FFFF dropped, since XML (the SVG) cannot hold them."""
    kept = "".join(c for c in text if c.isspace() or _xml_can_hold(c))
    return " ".join(kept.split())


def _xml_can_hold(character: str) -> bool:
    return unicodedata.category(character) not in {"Cc", "Cs"} and character not in "\ufffe\uffff"


def _escape(text: str) -> str:
    return html.escape(text, quote=True)

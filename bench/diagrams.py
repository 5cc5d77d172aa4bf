"""Drawing pathway diagrams, measured against bare Graphviz on the same DOT text.

Two diagrams: the 5-step nursing pathway (CNA, patient care technician, LPN, RN, critical-care
RN: advances, a lateral, an add-on) and a 12-step manufacturing pathway over 5 stages. Each is
drawn as SVG by `render_diagram` (building the DOT, one `dot -Tsvg` run, checks), and the same
DOT text by a bare `dot -Tsvg` through subprocess, taking turns; p50, p95 and max in
milliseconds, and the ratio of p50s against a target of 1.2×. Nearly all of the time is
Graphviz's: the ratio is what Pathways adds around it.

Timings are printed, never asserted: a missed target prints "missed" and exits 0; output that
differs from bare dot's exits 1.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
from collections.abc import Callable

from timing import heading, report, timings  # bench/timing.py, beside this script

from pathways.domain.flyers import Diagram, DiagramFormat, DiagramMove, DiagramStep
from pathways.domain.vocabulary import TransitionKind
from pathways.render.diagrams import DOT_BINARY, render_diagram, to_dot

RATIO_TARGET = 1.2
ADVANCE, LATERAL, ADD_ON = TransitionKind.ADVANCE, TransitionKind.LATERAL, TransitionKind.ADD_ON


def nursing() -> Diagram:
    """CNA → LPN → RN, with a lateral into patient care and a critical-care add-on."""
    steps = (
        DiagramStep("cna", "Nursing Assistant", 1, 35_760),
        DiagramStep("pct", "Patient Care Technician", 1, 38_020),
        DiagramStep("lpn", "Licensed Practical and Licensed Vocational Nurse", 2, 55_360),
        DiagramStep("rn", "Registered Nurse", 3, 77_600),
        DiagramStep("ccrn", "Registered Nurse, Critical Care", 4, None),
    )
    moves = (
        DiagramMove("cna", "lpn", ADVANCE, ("Practical Nursing Diploma", "NCLEX-PN"), 12, 6),
        DiagramMove("cna", "pct", LATERAL, ("Phlebotomy Technician (CPT)",), 1, 0),
        DiagramMove("pct", "lpn", ADVANCE, ("Practical Nursing Diploma",), 12, 0),
        DiagramMove("lpn", "rn", ADVANCE, ("LPN-to-RN Bridge (ADN)", "NCLEX-RN"), 18, 12),
        DiagramMove("rn", "ccrn", ADD_ON, ("CCRN Certification",), 3, 24),
    )
    return Diagram("Nursing", steps, moves)


def manufacturing() -> Diagram:
    """12 steps over 5 stages, 15 moves: the size of the largest sample pathway."""
    step = DiagramStep
    steps = (
        step("asm", "Team Assembler", 1, 38_480),
        step("mh", "Material Handler", 1, 36_110),
        step("cnc", "CNC Machine Operator", 2, 44_900),
        step("wld", "Welder, Cutter and Brazer", 2, 47_540),
        step("qc", "Quality Control Inspector", 2, 43_900),
        step("mt", "Industrial Maintenance Technician", 3, 59_380),
        step("mach", "Machinist", 3, 51_390),
        step("cncp", "CNC Programmer", 3, 63_500),
        step("sup", "Production Supervisor", 4, 66_340),
        step("ie", "Industrial Engineering Technician", 4, 61_210),
        step("mgr", "Industrial Production Manager", 5, 117_780),
        step("qe", "Quality Engineer", 5, None),
    )
    move = DiagramMove
    moves = (
        move("asm", "cnc", ADVANCE, ("NIMS Machining Level I",), 4, 6),
        move("asm", "qc", ADVANCE, ("ASQ Certified Quality Inspector",), 3, 12),
        move("mh", "asm", LATERAL, ("OSHA 10",), 0, 3),
        move("mh", "wld", ADVANCE, ("AWS Certified Welder",), 6, 0),
        move("cnc", "mach", ADVANCE, ("Machining Technology Certificate",), 9, 12),
        move("cnc", "cncp", ADVANCE, ("CAD/CAM Certificate", "Mastercam Associate"), 12, 24),
        move("wld", "mt", ADVANCE, ("Industrial Maintenance Certificate",), 12, 12),
        move("qc", "mt", ADVANCE, ("Certified Production Technician (CPT)",), 6, 12),
        move("mach", "cncp", LATERAL, ("Mastercam Associate",), 3, 0),
        move("mt", "mt", ADD_ON, ("NFPA 70E Electrical Safety",), 1, 0),
        move("mt", "sup", ADVANCE, ("Supervisory Leadership Certificate",), 6, 36),
        move("mach", "ie", ADVANCE, ("Engineering Technology AAS",), 24, 12),
        move("cncp", "ie", ADVANCE, ("Engineering Technology AAS",), 24, 0),
        move(
            "sup", "mgr", ADVANCE, ("BS Operations Management", "Lean Six Sigma Green Belt"), 48, 36
        ),
        move("ie", "qe", ADVANCE, ("BS Industrial Engineering", "ASQ CQE"), 36, 24),
    )
    return Diagram("Advanced manufacturing", steps, moves)


def bare_dot(dot: str) -> bytes:
    """The raw side: the same DOT text through `dot -Tsvg`, nothing more."""
    done = subprocess.run(  # noqa: S603 - our own arguments
        [DOT_BINARY, "-Tsvg"], input=dot.encode(), capture_output=True, check=True
    )
    return done.stdout


def sides(diagram: Diagram) -> list[tuple[str, Callable[[], object]]]:
    """What is timed, in turns: extend this list to time another way of drawing (a cache)."""
    dot = to_dot(diagram)
    return [
        ("render_diagram SVG", lambda: render_diagram(diagram, DiagramFormat.SVG)),
        ("bare dot -Tsvg, same DOT", lambda: bare_dot(dot)),
    ]


def bench_case(label: str, diagram: Diagram, repeat: int) -> tuple[float, bool]:
    """Time every side on one diagram; the p50 ratio of render_diagram to bare dot, and
    whether both drew the same SVG."""
    same = render_diagram(diagram, DiagramFormat.SVG) == bare_dot(to_dot(diagram))
    named = sides(diagram)
    figures = timings(*(call for _, call in named), repeat=repeat)
    heading(f"{label}: {len(diagram.steps)} steps, {len(diagram.moves)} moves")
    for (name, _), found in zip(named, figures, strict=True):
        report(name, found)
    ratio = figures[0][0] / figures[1][0]
    print(f"  ratio render_diagram/bare dot (p50) {ratio:.2f}×")
    if not same:
        print(f"FAILED: {label}: render_diagram's SVG differs from bare dot's", file=sys.stderr)
    return ratio, same


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, metavar="N", help="drawings per side")
    repeat = max(1, parser.parse_args().repeat)
    version = subprocess.run(  # noqa: S603 - our own arguments
        [DOT_BINARY, "-V"], capture_output=True, text=True, check=True
    ).stderr.strip()
    print(f"Pathways bench: Python {platform.python_version()}, {os.cpu_count()} CPUs; {version}")
    print(f"\nDiagrams as SVG, {repeat} drawings per side, taking turns")
    results = [
        bench_case("Nursing", nursing(), repeat),
        bench_case("Manufacturing", manufacturing(), repeat),
    ]
    worst = max(ratio for ratio, _ in results)
    met = "met" if worst <= RATIO_TARGET else "missed"
    print(f"\n  highest ratio {worst:.2f}×: target ≤ {RATIO_TARGET:g}× {met}")
    return 0 if all(same for _, same in results) else 1


if __name__ == "__main__":
    sys.exit(main())

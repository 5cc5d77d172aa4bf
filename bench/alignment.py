"""A partnership's alignment matrix, measured against the same sums in bare nested loops.

A deterministic region: 30 critical occupations, each rating all 68 O*NET elements (35 skills,
33 knowledge areas; importance drawn so that about a third reach 3.0, as in O*NET 29.3), and
200 programs teaching 20 of those elements each. `partnership_matrix` is timed on it; p50, p95
and max in milliseconds are printed against a target of 200 ms (p95). The raw side walks every
occupation × program × requirement over plain dicts built beforehand, summing coverage and
keeping the best per occupation: no cells, no rows, no flags. Last, `align` for one pair, and
for every pair, which is what the matrix would cost without its own fast path.

`make bench` runs it. Timings are printed, never asserted: a missed target prints "missed" and
exits 0; a best coverage that differs from the raw one exits 1.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys

from timing import heading, report, timings  # bench/timing.py, beside this script

from pathways.domain.alignment import Flag, OccupationNeeds, ProgramFacts, TaughtSkill
from pathways.domain.pathways import Requirement
from pathways.engines.alignment import align, partnership_matrix

OCCUPATIONS, PROGRAMS, SKILLS, KNOWLEDGE, TAUGHT, SEED = 30, 200, 35, 33, 20, 2026
P95_TARGET_MS = 200.0
CIPS = [f"51.{3900 + i:04d}" for i in range(40)]

Region = tuple[list[tuple[OccupationNeeds, int | None]], list[ProgramFacts]]


def build_region() -> Region:
    """Always the same 30 occupations and 200 programs."""
    rng = random.Random(SEED)
    occupations: list[tuple[OccupationNeeds, int | None]] = [
        (build_occupation(rng, n), rng.randint(5, 400)) for n in range(OCCUPATIONS)
    ]
    programs = [build_program(rng, p, rng.choice(occupations)[0]) for p in range(1, PROGRAMS + 1)]
    return occupations, programs


def build_occupation(rng: random.Random, n: int) -> OccupationNeeds:
    """All 68 elements rated, as O*NET rates them; a few at level 0."""
    requirements = []
    for skill_id in range(SKILLS + KNOWLEDGE):
        kind = "skill" if skill_id < SKILLS else "knowledge"
        importance = round(rng.triangular(1.0, 5.0, 1.9), 2)  # P(≥ 3.0) ≈ 0.32
        level = round(min(7.0, importance * rng.uniform(0.8, 1.4)), 2)
        level = 0.0 if rng.random() < 0.02 else level
        requirements.append(Requirement(skill_id, f"Element {skill_id}", kind, importance, level))
    return OccupationNeeds(
        soc=f"29-{2000 + n:04d}",
        title=f"Occupation {n}",
        requirements=tuple(requirements),
        required_credential_ids=frozenset(rng.sample(range(60), rng.randint(0, 2))),
        crosswalk_cips=frozenset(rng.sample(CIPS, rng.randint(1, 3))),
    )


def build_program(rng: random.Random, p: int, toward: OccupationNeeds) -> ProgramFacts:
    """A program built toward one occupation: its most important elements taught near their
    levels (some below), the rest of the 20 at random; usually its crosswalked CIP code."""
    ranked = sorted(toward.requirements, key=lambda r: -r.importance)[: rng.randint(8, TAUGHT)]
    taught = {r.skill_id: round(r.level * rng.uniform(0.5, 1.2), 2) for r in ranked}
    while len(taught) < TAUGHT:
        taught.setdefault(rng.randrange(SKILLS + KNOWLEDGE), round(rng.uniform(1.0, 6.0), 2))
    cips = sorted(toward.crosswalk_cips) if rng.random() < 0.8 else CIPS
    return ProgramFacts(
        program_id=p,
        title=f"Program {p}",
        provider=f"Provider {p % 25}",
        cip_code=rng.choice(cips),
        credential_ids=frozenset(rng.sample(range(60), rng.randint(0, 2))),
        seats_per_year=None if rng.random() < 0.1 else rng.randint(10, 60),
        taught=tuple(TaughtSkill(skill_id, level) for skill_id, level in sorted(taught.items())),
    )


def raw_inputs(
    region: Region,
) -> tuple[list[list[tuple[int, float, float]]], list[dict[int, float]]]:
    """The region as bare tuples and dicts, built once, outside the timing."""
    occupations, programs = region
    needs = [[(r.skill_id, r.importance, r.level) for r in o.requirements] for o, _ in occupations]
    return needs, [{t.skill_id: t.level for t in p.taught} for p in programs]


def raw_best_coverage(
    needs: list[list[tuple[int, float, float]]], taught: list[dict[int, float]]
) -> list[float]:
    """The raw side: SPEC §3.5's coverage in three nested loops, the best per occupation."""
    best_per_occupation = []
    for requirements in needs:
        best = 0.0
        for levels in taught:
            covered = total = 0.0
            for skill_id, importance, level in requirements:
                if importance >= 3.0:
                    total += importance
                    if level <= 0:
                        covered += importance
                    elif skill_id in levels:
                        covered += importance * min(1.0, levels[skill_id] / level)
            best = max(best, covered / total)
        best_per_occupation.append(best)
    return best_per_occupation


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, metavar="N", help="matrices per side")
    repeat = max(1, parser.parse_args().repeat)
    print(f"Pathways bench: Python {platform.python_version()}, {os.cpu_count()} CPUs")
    region = build_region()
    occupations, programs = region
    required = sum(r.importance >= 3.0 for o, _ in occupations for r in o.requirements)
    print(f"\nAlignment matrix: {len(occupations)} occupations × {len(programs)} programs;"
          f" {SKILLS + KNOWLEDGE} requirements each, {required / len(occupations):.1f} required"
          f" on average; {TAUGHT} skills taught per program; {repeat} matrices each")  # fmt: skip
    needs, taught = raw_inputs(region)
    rows = partnership_matrix(occupations, programs)
    raw = raw_best_coverage(needs, taught)
    same = all(
        abs((row.best_coverage or 0.0) - best) < 1e-9 for row, best in zip(rows, raw, strict=True)
    )
    engine, bare = timings(
        lambda: partnership_matrix(occupations, programs),
        lambda: raw_best_coverage(needs, taught),
        repeat=repeat,
    )
    heading("Matrix")
    report("partnership_matrix", engine)
    report("raw nested loops over dicts", bare)
    print(f"  ratio partnership_matrix/raw (p50) {engine[0] / bare[0]:.2f}×")
    counts = {flag: sum(flag in row.flags for row in rows) for flag in Flag}
    print("  flags: " + ", ".join(f"{flag.value} {count}" for flag, count in counts.items()))

    first_occupation, first_program = occupations[0][0], programs[0]
    (one,) = timings(lambda: align(first_program, first_occupation), repeat=repeat * 20)
    (every,) = timings(lambda: [align(p, o) for o, _ in occupations for p in programs],
                       repeat=max(1, repeat // 5))  # fmt: skip
    heading("align, with per-skill contributions and gaps")
    report("one program × one occupation", one)
    report(f"every pair ({len(occupations) * len(programs):,})", every)

    met = "met" if engine[1] <= P95_TARGET_MS else "missed"
    print(f"\n  matrix p95 {engine[1]:.2f} ms: target ≤ {P95_TARGET_MS:g} ms {met}")
    if not same:
        print("FAILED: the matrix's best coverage differs from the raw sums", file=sys.stderr)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())

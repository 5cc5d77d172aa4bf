"""The partnership alignment matrix end to end: the service reading 30 critical occupations
(O*NET requirements, overrides, credentials, crosswalk) and 200 regional programs (skills,
credentials) from the database, then the engine — against raw SQL fetching the same rows.

    .venv/bin/python bench/alignment_db.py [--repeat N]

Builds a throwaway SQLite database with the sample catalog (`pathways seed --sample`), adds a
partnership with 30 critical occupations and 200 programs of 20 taught skills each, and times
`partnership_alignment`. Target: under 200 ms (issue 5)."""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.db import make_engine
from pathways.domain.access import Actor
from pathways.domain.vocabulary import AwardLevel, Modality, ProviderKind
from pathways.importers.catalog import seed_catalog
from pathways.migrations import upgrade
from pathways.models import (
    CriticalOccupation,
    Occupation,
    OccupationSkill,
    Partnership,
    Program,
    ProgramSkill,
    Provider,
    Region,
    Skill,
)
from pathways.services.alignment import partnership_alignment

SEED = Path(__file__).resolve().parents[1] / "seed_data"
RAW = """
SELECT s.soc_code, s.skill_id, s.importance, s.level FROM occupation_skills s
 JOIN critical_occupations c ON c.soc_code = s.soc_code WHERE c.partnership_id = :p;
"""
RAW_PROGRAMS = """
SELECT ps.program_id, ps.skill_id, ps.level FROM program_skills ps
 JOIN programs g ON g.id = ps.program_id JOIN providers v ON v.id = g.provider_id
 WHERE v.region_id = :r;
"""


def build(url: str) -> tuple[str, int, int]:
    upgrade(url)
    engine = make_engine(url)
    rng = random.Random(7)
    with Session(engine) as session:
        seed_catalog(session, SEED, actor=Actor.operator("bench"), sample=True)
        region = session.scalar(sa.select(Region).where(Region.slug == "gallatin-valley"))
        assert region is not None
        partnership = Partnership(slug="bench-matrix", name="Bench", sector="Any", region=region)
        session.add(partnership)
        session.flush()
        rated = session.scalars(
            sa.select(Occupation.soc_code)
            .where(Occupation.soc_code.in_(sa.select(OccupationSkill.soc_code)))
            .order_by(Occupation.soc_code)
        ).all()
        socs = (list(rated) * 2)[:30]
        for priority, soc in enumerate(dict.fromkeys(socs), start=1):
            session.add(CriticalOccupation(partnership_id=partnership.id, soc_code=soc,
                                           priority=priority, annual_openings=50))  # fmt: skip
        skills = session.scalars(sa.select(Skill.id).where(Skill.element_id.is_not(None))).all()
        provider = Provider(name="Bench College", kind=ProviderKind.COMMUNITY_COLLEGE,
                            region_id=region.id)  # fmt: skip
        session.add(provider)
        session.flush()
        for n in range(200):
            program = Program(provider_id=provider.id, title=f"Program {n}", cip_code="48.0501",
                              award_level=AwardLevel.CERTIFICATE, modality=Modality.IN_PERSON,
                              seats_per_year=20)  # fmt: skip
            program.skills = [
                ProgramSkill(skill_id=skill, level=round(rng.uniform(1, 6), 2))
                for skill in rng.sample(list(skills), 20)
            ]
            session.add(program)
        session.commit()
        return "bench-matrix", partnership.id, region.id


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{scratch}/bench.db"
        slug, partnership_id, region_id = build(url)
        engine = make_engine(url)
        service, raw = [], []
        for _ in range(args.repeat):
            with Session(engine) as session:
                start = time.perf_counter()
                found = partnership_alignment(session=session, slug=slug)
                service.append(time.perf_counter() - start)
            with engine.connect() as connection:
                start = time.perf_counter()
                connection.execute(sa.text(RAW), {"p": partnership_id}).all()
                connection.execute(sa.text(RAW_PROGRAMS), {"r": region_id}).all()
                raw.append(time.perf_counter() - start)
        rows, programs = len(found.rows), len(found.programs)
    p50, p95 = (statistics.median(service), statistics.quantiles(service, n=20)[18])
    raw50 = statistics.median(raw)
    print(f"partnership_alignment: {rows} occupations × {programs} programs, {args.repeat} runs")
    print(f"  service (queries + engine) p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms")
    print(f"  raw SQL for the same rows  p50 {raw50 * 1000:.1f} ms; ratio {p50 / raw50:.1f}×")
    print(f"  target ≤ 200 ms: {'met' if p95 <= 0.2 else 'NOT MET'}")


if __name__ == "__main__":
    main()

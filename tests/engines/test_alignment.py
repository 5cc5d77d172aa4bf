"""Coverage, gaps and alignment (SPEC §3.5), checked against sums worked out by hand from real
O*NET 29.3 rows, and the partnership matrix's flags on data built to trip each one."""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pathways.domain.alignment import (
    NO_REQUIRED_SKILLS,
    Flag,
    OccupationNeeds,
    ProgramFacts,
    TaughtSkill,
)
from pathways.domain.pathways import Requirement
from pathways.engines.alignment import align, partnership_matrix, required_skills


def program(pid: int, taught: dict[int, float], *, cip: str = "99.9999",
            credentials: frozenset[int] = frozenset(), seats: int | None = 20):  # fmt: skip
    skills = tuple(TaughtSkill(skill_id, level) for skill_id, level in taught.items())
    return ProgramFacts(pid, f"Program {pid}", "Ouachita Tech", cip, credentials, seats, skills)


def needs(soc: str, requirements: list[Requirement], *, cips: frozenset[str] = frozenset(),
          credentials: frozenset[int] = frozenset()) -> OccupationNeeds:  # fmt: skip
    return OccupationNeeds(soc, soc, tuple(requirements), credentials, cips)


def gap_weights(result) -> list[tuple[str, float]]:
    return [(gap.name, round(gap.weight, 4)) for gap in result.gaps]


# 29-2061.00 Licensed Practical and Licensed Vocational Nurses. (IM, LV) rows, Skills.txt lines
# 29612-13, 29620-21, 29630-31, 29642-43; Knowledge.txt lines 27954-55, 27960-61, 27966-67.
LPN = needs("29-2061", [
    Requirement(1, "Reading Comprehension", "skill", 3.75, 4.12),  # 2.A.1.a
    Requirement(2, "Mathematics", "skill", 2.88, 2.88),  # 2.A.1.e: below 3.0, not required
    Requirement(3, "Monitoring", "skill", 3.88, 4.00),  # 2.A.2.d
    Requirement(4, "Service Orientation", "skill", 4.12, 4.00),  # 2.B.1.f
    Requirement(5, "Psychology", "knowledge", 3.71, 5.52),  # 2.C.4.e
    Requirement(6, "Medicine and Dentistry", "knowledge", 3.69, 3.66),  # 2.C.5.a
    Requirement(7, "English Language", "knowledge", 3.90, 3.72),  # 2.C.7.a
], cips=frozenset({"51.3901", "51.3999"}), credentials=frozenset({501}))  # fmt: skip
PRACTICAL_NURSING = program(10, {1: 4.0, 2: 1.0, 3: 4.0, 4: 5.0, 6: 3.0, 7: 3.72},
                            cip="51.3901", credentials=frozenset({501}), seats=40)  # fmt: skip


def test_lpn_from_a_practical_nursing_certificate():
    result = align(PRACTICAL_NURSING, LPN)
    # Reading 4.0 of 4.12; Monitoring at level; Service Orientation above (capped at 1);
    # Psychology not taught (0); Medicine 3.0 of 3.66; English at level; Mathematics ignored.
    # (3.75×4/4.12 + 3.88 + 4.12 + 0 + 3.69×3/3.66 + 3.90) / 23.05
    #   = (3.640777 + 3.88 + 4.12 + 3.024590 + 3.90) / 23.05 = 18.565367 / 23.05 = 0.805439
    expected = (3.75 * 4 / 4.12 + 3.88 + 4.12 + 0 + 3.69 * 3 / 3.66 + 3.90) / (
        3.75 + 3.88 + 4.12 + 3.71 + 3.69 + 3.90
    )
    assert result.coverage == pytest.approx(expected)
    assert result.coverage == pytest.approx(0.805439, abs=1e-6)
    assert result.percent == 80.5
    assert result.total_importance == pytest.approx(23.05)
    # Psychology 3.71×5.52 = 20.4792; Medicine 3.69×0.66 = 2.4354; Reading 3.75×0.12 = 0.45
    assert gap_weights(result) == [
        ("Psychology", 20.4792), ("Medicine and Dentistry", 2.4354),
        ("Reading Comprehension", 0.45)]  # fmt: skip
    assert (result.credential_aligned, result.crosswalk_aligned) == (True, True)
    assert result.required_credentials_awarded == (501,)


def test_every_number_is_explained_per_skill():
    result = align(PRACTICAL_NURSING, LPN)
    rows = {c.name: c for c in result.contributions}
    assert "Mathematics" not in rows  # importance 2.88 < 3.0
    assert (rows["Psychology"].taught_level, rows["Psychology"].contribution) == (None, 0.0)
    assert rows["Service Orientation"].covered_fraction == 1.0  # 5.0 taught, 4.00 required
    medicine = rows["Medicine and Dentistry"]
    assert (medicine.importance, medicine.required_level, medicine.taught_level) == (3.69, 3.66, 3)
    assert medicine.contribution == pytest.approx(3.69 * 3 / 3.66)
    total = sum(c.contribution for c in result.contributions) / result.total_importance
    assert total == pytest.approx(result.coverage)


# 31-1131.00 Nursing Assistants. Skills.txt lines 30524-25, 30536-37, 30540-41, 30542-43,
# 30552-53; Knowledge.txt lines 28786-87, 28818-19, 28834-35.
CNA = needs("31-1131", [
    Requirement(11, "Active Listening", "skill", 3.62, 3.00),  # 2.A.1.b
    Requirement(12, "Active Learning", "skill", 2.88, 2.75),  # 2.A.2.b: not required
    Requirement(13, "Monitoring", "skill", 3.25, 3.00),  # 2.A.2.d
    Requirement(14, "Social Perceptiveness", "skill", 3.62, 3.25),  # 2.B.1.a
    Requirement(15, "Service Orientation", "skill", 4.00, 3.88),  # 2.B.1.f
    Requirement(16, "Customer and Personal Service", "knowledge", 3.92, 4.43),  # 2.C.1.e
    Requirement(17, "Medicine and Dentistry", "knowledge", 3.15, 2.52),  # 2.C.5.a
    Requirement(18, "Public Safety and Security", "knowledge", 3.16, 2.96),  # 2.C.8.a
], cips=frozenset({"51.2601", "51.3902", "51.3999"}))  # fmt: skip


def test_cna_from_a_nurse_aide_course():
    aide = program(11, {11: 3.0, 13: 3.0, 14: 2.0, 15: 3.88, 16: 3.0, 17: 2.0, 18: 3.5},
                   cip="51.3902")  # fmt: skip
    result = align(aide, CNA)
    # (3.62 + 3.25 + 3.62×2/3.25 + 4.00 + 3.92×3/4.43 + 3.15×2/2.52 + 3.16) / 24.72
    #   = (3.62 + 3.25 + 2.227692 + 4.00 + 2.654628 + 2.5 + 3.16) / 24.72
    #   = 21.412320 / 24.72 = 0.866194
    expected = (3.62 + 3.25 + 3.62 * 2 / 3.25 + 4.00 + 3.92 * 3 / 4.43 + 3.15 * 2 / 2.52
                + 3.16) / (3.62 + 3.25 + 3.62 + 4.00 + 3.92 + 3.15 + 3.16)  # fmt: skip
    assert result.coverage == pytest.approx(expected)
    assert result.coverage == pytest.approx(0.866194, abs=1e-6)
    assert result.percent == 86.6
    # Customer 3.92×1.43 = 5.6056; Social 3.62×1.25 = 4.525; Medicine 3.15×0.52 = 1.638
    assert gap_weights(result) == [
        ("Customer and Personal Service", 5.6056), ("Social Perceptiveness", 4.525),
        ("Medicine and Dentistry", 1.638)]  # fmt: skip
    assert (result.crosswalk_aligned, result.credential_aligned) == (True, False)


# 51-4041.00 Machinists. Skills.txt lines 52514-15, 52546-47, 52548-49, 52550-51, 52556-57;
# Knowledge.txt lines 49522-23, 49526-27, 49528-29.
MACHINISTS = needs("51-4041", [
    Requirement(21, "Critical Thinking", "skill", 3.12, 3.12),  # 2.A.2.a
    Requirement(22, "Operations Monitoring", "skill", 3.12, 3.25),  # 2.B.3.g
    Requirement(23, "Operation and Control", "skill", 3.25, 3.38),  # 2.B.3.h
    Requirement(24, "Equipment Maintenance", "skill", 2.88, 2.88),  # 2.B.3.j: not required
    Requirement(25, "Quality Control Analysis", "skill", 3.00, 3.00),  # 2.B.3.m
    Requirement(26, "Design", "knowledge", 3.01, 3.37),  # 2.C.3.c
    Requirement(27, "Mechanical", "knowledge", 3.30, 3.90),  # 2.C.3.e
    Requirement(28, "Mathematics", "knowledge", 3.47, 3.54),  # 2.C.4.a
], cips=frozenset({"48.0501", "48.0503"}), credentials=frozenset({900}))  # fmt: skip


def test_machinists_from_a_machine_tool_program():
    shop = program(12, {21: 2.0, 22: 2.5, 23: 4.0, 24: 5.0, 26: 1.0, 27: 3.9, 28: 3.0},
                   cip="48.0501", credentials=frozenset({901}))  # fmt: skip
    result = align(shop, MACHINISTS)
    # (3.12×2/3.12 + 3.12×2.5/3.25 + 3.25 + 0 + 3.01×1/3.37 + 3.30 + 3.47×3/3.54) / 22.27
    #   = (2 + 2.4 + 3.25 + 0 + 0.893175 + 3.30 + 2.940678) / 22.27 = 14.783853 / 22.27
    #   = 0.663846
    expected = (3.12 * 2 / 3.12 + 3.12 * 2.5 / 3.25 + 3.25 + 0 + 3.01 / 3.37 + 3.30
                + 3.47 * 3 / 3.54) / (3.12 + 3.12 + 3.25 + 3.00 + 3.01 + 3.30 + 3.47)  # fmt: skip
    assert result.coverage == pytest.approx(expected)
    assert result.coverage == pytest.approx(0.663846, abs=1e-6)
    assert result.percent == 66.4
    # Quality 3.00×3.00 = 9; Design 3.01×2.37 = 7.1337; Critical 3.12×1.12 = 3.4944;
    # Operations Monitoring 3.12×0.75 = 2.34; Mathematics 3.47×0.54 = 1.8738
    assert gap_weights(result) == [
        ("Quality Control Analysis", 9.0), ("Design", 7.1337), ("Critical Thinking", 3.4944),
        ("Operations Monitoring", 2.34), ("Mathematics", 1.8738)]  # fmt: skip
    # crosswalk-aligned; awards credential 901, the occupation requires 900
    assert (result.crosswalk_aligned, result.credential_aligned) == (True, False)


def one_skill(importance: float, level: float) -> OccupationNeeds:
    return needs("49-9041", [Requirement(1, "Repairing", "skill", importance, level)])


@pytest.mark.parametrize(
    ("importance", "level", "taught", "coverage"),
    [
        (4.0, 5.0, None, 0.0),  # not taught counts 0
        (4.0, 0.0, None, 1.0),  # a required level of 0 counts as covered
        (4.0, 2.0, 7.0, 1.0),  # teaching above the level caps at 1
        (3.0, 4.0, 1.0, 0.25),  # importance exactly 3.0 is required
    ],
)
def test_edges_of_the_formula(importance, level, taught, coverage):
    taught_skills = {} if taught is None else {1: taught}
    result = align(program(1, taught_skills), one_skill(importance, level))
    assert result.coverage == coverage
    assert len(result.gaps) == (0 if coverage == 1.0 else 1)


def test_no_required_skill_has_no_coverage_and_says_why():
    result = align(program(1, {1: 3.0}), one_skill(2.99, 5.0))
    assert (result.coverage, result.percent, result.reason) == (None, None, NO_REQUIRED_SKILLS)
    assert (result.contributions, result.gaps) == ((), ())
    assert required_skills(one_skill(2.99, 5.0).requirements) == []


def test_matrix_flags_no_regional_program():
    covering_only = program(1, {1: 5.0})  # covers it fully, but leads elsewhere
    by_crosswalk = program(2, {}, cip="47.0303")
    by_credential = program(3, {}, credentials=frozenset({7}))
    occupation = needs("49-9041", [Requirement(1, "Repairing", "skill", 4.0, 5.0)],
                       cips=frozenset({"47.0303"}), credentials=frozenset({7}))  # fmt: skip
    rows = partnership_matrix([(occupation, None)], [covering_only])
    assert rows[0].flags == (Flag.NO_REGIONAL_PROGRAM,)
    assert (rows[0].best_coverage, rows[0].best_program_id) == (1.0, 1)
    for leading in (by_crosswalk, by_credential):
        row = partnership_matrix([(occupation, None)], [covering_only, leading])[0]
        assert Flag.NO_REGIONAL_PROGRAM not in row.flags
        assert row.leading_program_ids == (leading.program_id,)


@pytest.mark.parametrize(("openings", "flagged"), [(81, True), (80, False), (None, False)])
def test_matrix_flags_seats_below_half_of_openings(openings, flagged):
    occupation = needs("29-2061", [], cips=frozenset({"51.3901"}))
    programs = [program(1, {}, cip="51.3901", seats=25), program(2, {}, cip="51.3901", seats=15),
                program(3, {}, cip="51.3901", seats=None), program(4, {}, seats=500)]  # fmt: skip
    row = partnership_matrix([(occupation, openings)], programs)[0]
    assert (row.seats_per_year, row.seats_unreported) == (40, 1)  # program 4 leads elsewhere
    assert (Flag.SEATS_BELOW_HALF_OF_OPENINGS in row.flags) is flagged


@pytest.mark.parametrize(("taught", "flagged"), [(2.995, True), (3.0, False)])
def test_matrix_flags_best_coverage_below_60(taught, flagged):
    occupation = needs("51-4041", [Requirement(1, "Mechanical", "knowledge", 4.0, 5.0)],
                       cips=frozenset({"48.0501"}))  # fmt: skip
    programs = [program(1, {1: 1.0}, cip="48.0501"), program(2, {1: taught})]
    row = partnership_matrix([(occupation, 10)], programs)[0]
    assert row.best_percent == (59.9 if flagged else 60.0)  # 2.995/5 and 3/5
    assert row.best_program_id == 2
    assert row.flags == ((Flag.BEST_COVERAGE_BELOW_60,) if flagged else ())


def test_matrix_with_no_programs_raises_every_flag_it_can():
    row = partnership_matrix([(MACHINISTS, 12)], [])[0]
    assert row.flags == tuple(Flag)
    assert (row.best_coverage, row.best_program_id, row.seats_per_year) == (None, None, 0)


def test_matrix_order_is_deterministic():
    programs = [program(pid, {21: 3.12, 27: 3.9}) for pid in (7, 3, 5)]  # all cover the same
    occupations = [(MACHINISTS, 10), (CNA, 20), (LPN, None)]
    rows = partnership_matrix(occupations, programs)
    assert [row.soc for row in rows] == ["51-4041", "31-1131", "29-2061"]  # as given
    assert [cell.program_id for cell in rows[0].cells] == [7, 3, 5]  # as given
    assert rows[0].best_program_id == 3  # a tie goes to the lowest id, in any order
    assert partnership_matrix(occupations, programs[::-1])[0].best_program_id == 3
    assert rows[1].best_program_id is None  # nothing of the CNA's is taught


@given(st.integers(0, 10_000))
def test_matrix_cells_equal_align_exactly(seed):
    rng = random.Random(seed)
    requirements = [Requirement(i, f"s{i}", "skill", rng.choice([2.5, 3.0, 3.37, 4.12, 5.0]),
                                rng.choice([0.0, 1.5, 3.66, 7.0])) for i in range(12)]  # fmt: skip
    occupation = needs("29-2061", requirements)
    programs = [program(p, {i: rng.uniform(0, 7) for i in rng.sample(range(15), 6)})
                for p in range(4)]  # fmt: skip
    row = partnership_matrix([(occupation, 5)], programs)[0]
    for cell, each in zip(row.cells, programs, strict=True):
        assert cell.coverage == align(each, occupation).coverage  # identical, not approximately

"""Next steps: pathway moves first, then O*NET's related occupations, merged by occupation."""

from pathways.domain.pathways import (
    NextStep,
    PathwayMove,
    RelatedRef,
    Requirement,
    StepWage,
    TransitionSpec,
    WageSource,
)
from pathways.domain.vocabulary import TransitionKind
from pathways.domain.wages import WageFigure, WageLevels
from pathways.engines.next_steps import next_steps
from pathways.engines.skills import skill_gap

ADVANCE, LATERAL, ADD_ON = TransitionKind.ADVANCE, TransitionKind.LATERAL, TransitionKind.ADD_ON
CNA, LPN, MA, PHLEBOTOMIST = "31-1131", "29-2061", "31-9092", "31-9097"
AIDE, PHARMACY_TECH, OTHER, HHA = "31-1122", "29-2052", "43-4171", "31-1121"


def move(slug: str, target_soc: str, kind: TransitionKind, source: str = "cna") -> PathwayMove:
    transition = TransitionSpec(source, target_soc, kind)
    return PathwayMove(slug, slug.title(), target_soc, None, transition)


def wage(annual_median: float | None) -> StepWage:
    figure = WageFigure(annual_median)
    return StepWage(WageSource.BLS, "BLS OEWS May 2025, Monroe, LA", "annual",
                    WageLevels(figure, figure, figure), annual_median, None, None)  # fmt: skip


def skill(skill_id: int, importance: float, level: float) -> Requirement:
    return Requirement(skill_id, f"Skill {skill_id}", "skill", importance, level)


NURSING_LPN = move("nursing", LPN, ADVANCE)
LONG_TERM_LPN = move("long-term-care", LPN, LATERAL)
MOVES = [
    move("allied-health", MA, LATERAL),
    LONG_TERM_LPN,
    move("nursing", PHLEBOTOMIST, ADD_ON),
    NURSING_LPN,
    move("nursing", CNA, LATERAL, source="cna-phlebotomy"),  # back to the origin: left out
]
RELATED = [
    RelatedRef(OTHER, "Other", 1),
    RelatedRef(AIDE, "Primary-Long", 2),
    RelatedRef(LPN, "Primary-Short", 3),
    RelatedRef(PHARMACY_TECH, "Primary-Short", 5),
    RelatedRef(HHA, "Primary-Short", 4),
    RelatedRef(PHLEBOTOMIST, "Supplemental", 1),
    RelatedRef(CNA, "Primary-Short", 1),
]
REQUIREMENTS = {
    CNA: [skill(1, 4.0, 3.0), skill(2, 4.0, 3.0)],
    LPN: [skill(1, 4.0, 4.0), skill(2, 4.0, 5.0), skill(3, 3.0, 4.0), skill(4, 1.0, 7.0)],
    MA: [skill(1, 4.0, 5.0)],
}
WAGES = {CNA: wage(38_000.0), LPN: wage(55_350.0), MA: None, AIDE: wage(None)}


def suggest(**changes) -> list[NextStep]:
    arguments = {"origin_soc": CNA, "moves": MOVES, "related": RELATED, "wages": WAGES,
                 "requirements": REQUIREMENTS} | changes  # fmt: skip
    return next_steps(**arguments)


def test_pathway_moves_first_by_kind_then_related_by_tier_and_rank():
    assert [step.soc for step in suggest()] == [
        LPN,  # advance
        PHLEBOTOMIST,  # add-on
        MA,  # lateral
        HHA,  # Primary-Short, rank 4
        PHARMACY_TECH,  # Primary-Short, rank 5
        AIDE,  # Primary-Long
        OTHER,  # a tier O*NET does not list comes last
    ]


def test_an_occupation_reached_two_ways_is_one_step_with_both():
    lpn = suggest()[0]
    assert lpn.moves == (NURSING_LPN, LONG_TERM_LPN)  # the advance first
    assert lpn.related == RelatedRef(LPN, "Primary-Short", 3)
    assert suggest()[2].related is None  # only a pathway leads to MA
    assert suggest()[3].moves == ()


def test_equally_good_moves_by_pathway_then_occupation():
    moves = [move("b-path", "11-0003", ADVANCE), move("a-path", "11-0002", ADVANCE),
             move("b-path", "11-0001", ADVANCE)]  # fmt: skip
    steps = suggest(moves=moves, related=[])
    assert [step.soc for step in steps] == ["11-0002", "11-0001", "11-0003"]


def test_the_closest_of_two_related_entries_for_one_occupation_is_kept():
    related = [RelatedRef(AIDE, "Supplemental", 1), RelatedRef(AIDE, "Primary-Long", 7)]
    (aide,) = suggest(moves=[], related=related)
    assert aide.related == RelatedRef(AIDE, "Primary-Long", 7)


def test_wage_gain_when_both_medians_are_known():
    by_soc = {step.soc: step for step in suggest()}
    assert by_soc[LPN].wage == WAGES[LPN]
    assert by_soc[LPN].wage_gain == 55_350.0 - 38_000.0
    assert (by_soc[MA].wage, by_soc[MA].wage_gain) == (None, None)
    assert by_soc[AIDE].wage_gain is None  # a wage, but no median
    assert by_soc[OTHER].wage is None  # not in the mapping at all
    assert suggest(wages={LPN: wage(55_350.0)})[0].wage_gain is None  # origin unknown


def test_skill_gaps_from_the_origin_to_the_target_up_to_a_limit():
    steps = suggest(gap_limit=2)
    assert steps[0].skill_gaps == tuple(skill_gap(REQUIREMENTS[CNA], REQUIREMENTS[LPN])[:2])
    assert [(gap.skill_id, gap.weight) for gap in steps[0].skill_gaps] == [(3, 12.0), (2, 8.0)]
    assert [gap.skill_id for gap in steps[2].skill_gaps] == [1]  # MA


def test_no_skill_gaps_when_either_sides_requirements_are_unknown():
    assert suggest()[1].skill_gaps == ()  # phlebotomists: no requirements given
    assert suggest(requirements={LPN: REQUIREMENTS[LPN]})[0].skill_gaps == ()  # origin unknown

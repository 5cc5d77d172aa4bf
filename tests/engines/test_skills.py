"""Skill gaps (importance × level difference, largest first) and partnership overrides."""

import pytest

from pathways.domain.pathways import Requirement, SkillGap, SkillOverride
from pathways.engines.skills import apply_overrides, skill_gap


def need(skill_id: int, name: str, importance: float, level: float) -> Requirement:
    return Requirement(skill_id, name, "skill", importance, level)


MONITORING = need(1, "Monitoring", 4.0, 4.5)
SERVICE = need(2, "Service Orientation", 4.0, 4.0)
SPEAKING = need(3, "Speaking", 3.5, 4.0)
WRITING = need(4, "Writing", 2.9, 5.0)  # below the importance threshold
MEDICINE = need(5, "Medicine and Dentistry", 3.0, 5.0)
CNA = [need(1, "Monitoring", 3.8, 3.0), need(2, "Service Orientation", 4.2, 4.0),
       need(3, "Speaking", 3.6, 3.0)]  # fmt: skip
LPN = [MONITORING, SERVICE, SPEAKING, WRITING, MEDICINE]


def test_gaps_largest_weight_first_with_the_targets_importance():
    gaps = skill_gap(CNA, LPN)
    assert [(gap.name, gap.have_level, gap.need_level, gap.weight) for gap in gaps] == [
        ("Medicine and Dentistry", 0.0, 5.0, 15.0),  # not held at all
        ("Monitoring", 3.0, 4.5, 6.0),
        ("Speaking", 3.0, 4.0, 3.5),
    ]  # Service Orientation is held at the level needed; Writing matters too little
    assert gaps[0] == SkillGap(5, "Medicine and Dentistry", "skill", 3.0, 0.0, 5.0)


def test_equal_weights_by_name():
    have: list[Requirement] = []
    gaps = skill_gap(have, [need(9, "Reading", 4.0, 2.0), need(8, "Active Listening", 2.0, 4.0)],
                     min_importance=1.0)  # fmt: skip
    assert [gap.name for gap in gaps] == ["Active Listening", "Reading"]


def test_the_importance_threshold_can_be_lowered():
    assert "Writing" in [gap.name for gap in skill_gap(CNA, LPN, min_importance=2.5)]
    assert skill_gap(CNA, LPN, min_importance=5.0) == []


def test_no_gap_to_oneself():
    assert skill_gap(LPN, LPN) == []


def test_drop_removes_a_requirement():
    result = apply_overrides(LPN, [SkillOverride(3, "Speaking", "skill", "drop")])
    assert result == [MONITORING, SERVICE, WRITING, MEDICINE]


def test_adds_come_after_the_originals_by_name():
    overrides = [
        SkillOverride(7, "Phlebotomy", "competency", "add", importance=4.0, level=3.0),
        SkillOverride(6, "Electronic Health Records", "competency", "add", 3.5, 2.0),
    ]
    result = apply_overrides([MONITORING, SERVICE], overrides)
    assert result == [
        MONITORING,
        SERVICE,
        Requirement(6, "Electronic Health Records", "competency", 3.5, 2.0),
        Requirement(7, "Phlebotomy", "competency", 4.0, 3.0),
    ]


def test_adding_a_required_skill_replaces_it_where_it_was():
    override = SkillOverride(1, "Monitoring", "skill", "add", importance=5.0, level=6.0)
    assert apply_overrides([MONITORING, SERVICE], [override]) == [
        need(1, "Monitoring", 5, 6),
        SERVICE,
    ]


@pytest.mark.parametrize(("importance", "level"), [(None, 3.0), (4.0, None)])
def test_an_add_needs_importance_and_level(importance, level):
    override = SkillOverride(7, "Phlebotomy", "competency", "add", importance, level)
    with pytest.raises(ValueError, match="skill 7 needs both an importance and a level"):
        apply_overrides(LPN, [override])


def test_reweight_changes_what_is_given():
    overrides = [
        SkillOverride(1, "Monitoring", "skill", "reweight", importance=2.0),
        SkillOverride(2, "Service Orientation", "skill", "reweight", level=6.5),
        SkillOverride(3, "Speaking", "skill", "reweight", importance=5.0, level=1.0),
    ]
    assert apply_overrides([MONITORING, SERVICE, SPEAKING], overrides) == [
        need(1, "Monitoring", 2.0, 4.5),
        need(2, "Service Orientation", 4.0, 6.5),
        need(3, "Speaking", 5.0, 1.0),
    ]


def test_reweighting_a_skill_not_required_changes_nothing():
    override = SkillOverride(99, "Welding", "skill", "reweight", importance=5.0, level=5.0)
    assert apply_overrides(LPN, [override]) == LPN


def test_overrides_apply_in_order_and_a_dropped_then_added_skill_comes_last():
    overrides = [
        SkillOverride(1, "Monitoring", "skill", "drop"),
        SkillOverride(1, "Monitoring", "skill", "add", importance=4.0, level=5.0),
        SkillOverride(1, "Monitoring", "skill", "reweight", level=5.5),
    ]
    assert apply_overrides([MONITORING, SERVICE], overrides) == [
        SERVICE,
        need(1, "Monitoring", 4.0, 5.5),
    ]


def test_an_unknown_action_is_refused():
    with pytest.raises(ValueError, match="'rename'"):
        apply_overrides(LPN, [SkillOverride(1, "Monitoring", "skill", "rename")])

"""What a program's CIP code suggests, checked against the real rows of the sample catalog:
the NCES CIP 2020 ↔ SOC 2018 crosswalk, and O*NET 29.3's Skills and Knowledge ratings
(IM and LV scales) of the occupations it maps to. The expected values below are read from
those files by hand, not from this code's output."""

import pytest
import sqlalchemy as sa

from pathways.domain.errors import InvalidInput, NotFound
from pathways.models import CipSocLink, OccupationSkill, Skill
from pathways.services.program_suggestions import (
    occupations_for_cip,
    program_code,
    suggested_skills,
    suggestions,
)
from tests.factories import make_occupation

LPN = ("29-2061", "Licensed Practical and Licensed Vocational Nurses")
CNA = ("31-1131", "Nursing Assistants")
# O*NET 29.3, 29-2061.00: every skill and knowledge element with importance (IM) ≥ 3, with its
# importance and level (LV). Systems Analysis sits exactly on the line (IM 3.00).
LPN_SKILLS = {
    "2.A.1.a": ("Reading Comprehension", 3.75, 4.12),
    "2.A.1.b": ("Active Listening", 3.88, 4.00),
    "2.A.1.c": ("Writing", 3.25, 3.12),
    "2.A.1.d": ("Speaking", 3.88, 4.00),
    "2.A.2.a": ("Critical Thinking", 3.75, 4.00),
    "2.A.2.b": ("Active Learning", 3.38, 3.25),
    "2.A.2.c": ("Learning Strategies", 3.12, 3.12),
    "2.A.2.d": ("Monitoring", 3.88, 4.00),
    "2.B.1.a": ("Social Perceptiveness", 4.00, 4.25),
    "2.B.1.b": ("Coordination", 4.00, 4.00),
    "2.B.1.e": ("Instructing", 3.12, 3.12),
    "2.B.1.f": ("Service Orientation", 4.12, 4.00),
    "2.B.2.i": ("Complex Problem Solving", 3.25, 3.00),
    "2.B.4.e": ("Judgment and Decision Making", 3.62, 3.25),
    "2.B.4.g": ("Systems Analysis", 3.00, 2.88),
    "2.B.5.a": ("Time Management", 3.62, 3.25),
    "2.C.1.a": ("Administration and Management", 3.30, 3.34),
    "2.C.1.e": ("Customer and Personal Service", 3.99, 4.65),
    "2.C.4.a": ("Mathematics", 3.03, 3.11),
    "2.C.4.e": ("Psychology", 3.71, 5.52),
    "2.C.5.a": ("Medicine and Dentistry", 3.69, 3.66),
    "2.C.5.b": ("Therapy and Counseling", 3.11, 2.99),
    "2.C.6": ("Education and Training", 3.19, 3.34),
    "2.C.7.a": ("English Language", 3.90, 3.72),
}


def test_licensed_practical_nurse_training_leads_to_lpn(session):
    assert occupations_for_cip(session=session, cip="51.3901") == [LPN]


def test_only_occupations_in_the_catalog_are_listed(session):
    # The crosswalk maps Registered Nursing to 25-1072 (nursing instructors) too; the sample
    # catalog does not hold that occupation.
    assert occupations_for_cip(session=session, cip="51.3801") == [("29-1141", "Registered Nurses")]


def test_the_lpn_programs_skills_are_the_lpn_ratings_of_importance_3_or_more(session):
    found = suggested_skills(session=session, cip="51.3901")
    assert {s.element_id: (s.name, s.importance, s.level) for s in found} == LPN_SKILLS
    assert {s.occupations for s in found} == {("29-2061",)}
    assert {s.kind for s in found if s.element_id.startswith("2.C")} == {"knowledge"}
    assert {s.kind for s in found if not s.element_id.startswith("2.C")} == {"skill"}
    # Most important first; a tie goes to the higher level.
    assert [s.name for s in found[:4]] == [
        "Service Orientation",
        "Social Perceptiveness",
        "Coordination",
        "Customer and Personal Service",
    ]


def test_when_two_occupations_need_a_skill_the_higher_level_is_proposed(session):
    """51.3999 (Practical Nursing, Vocational Nursing and Nursing Assistants, Other) maps to
    both LPNs and nursing assistants."""
    assert occupations_for_cip(session=session, cip="51.3999") == [LPN, CNA]
    found = {s.element_id: s for s in suggested_skills(session=session, cip="51.3999")}
    # Administration and Management: LPN IM 3.30 LV 3.34; CNA IM 3.34 LV 2.82.
    admin = found["2.C.1.a"]
    assert (admin.level, admin.importance, admin.occupations) == (
        3.34,
        3.34,
        ("29-2061", "31-1131"),
    )
    # Education and Training: LPN IM 3.19 LV 3.34; CNA IM 3.10 LV 3.38.
    assert (found["2.C.6"].level, found["2.C.6"].importance) == (3.38, 3.19)
    # Public Safety and Security: CNA IM 3.16 LV 2.96; LPN rates it below 3.
    assert (found["2.C.8.a"].level, found["2.C.8.a"].occupations) == (2.96, ("31-1131",))
    # Writing: LPN IM 3.25 LV 3.12; CNA rates it below 3.
    assert found["2.A.1.c"].occupations == ("29-2061",)
    assert set(found) == set(LPN_SKILLS) | {"2.C.8.a"}


def test_suppressed_and_not_relevant_ratings_are_left_out(session):
    occupation = make_occupation(session)
    session.add(CipSocLink(cip_code="51.3901", soc_code=occupation.soc_code))
    skills = dict(session.execute(sa.select(Skill.element_id, Skill.id)).all())
    for element, flags in [("2.A.1.a", {"suppressed": True}), ("2.B.3.a", {"not_relevant": True}),
                           ("2.B.3.b", {})]:  # fmt: skip
        session.add(OccupationSkill(soc_code=occupation.soc_code, skill_id=skills[element],
                                    importance=4.5, level=6.5, **flags))  # fmt: skip
    session.flush()
    found = {s.element_id: s for s in suggested_skills(session=session, cip="51.3901")}
    assert found["2.A.1.a"].level == 4.12  # the LPN's, not the suppressed 6.5
    assert "2.B.3.a" not in found
    assert (found["2.B.3.b"].level, found["2.B.3.b"].occupations) == (6.5, (occupation.soc_code,))


def test_suggestions_name_the_program_code(session):
    found = suggestions(session=session, cip=" 51.3901 ")
    assert (found.cip, found.title, found.occupations) == (
        "51.3901",
        "Licensed Practical/Vocational Nurse Training",
        (LPN,),
    )
    assert len(found.skills) == len(LPN_SKILLS)


@pytest.mark.parametrize("cip", ["51", "51.39", "5139", "51.39011"])
def test_a_family_or_series_is_not_a_program_code(session, cip):
    with pytest.raises(InvalidInput) as caught:
        program_code(session=session, cip=cip)
    assert set(caught.value.errors) == {"cip"}
    with pytest.raises(InvalidInput):
        suggestions(session=session, cip=cip)


def test_a_code_not_in_cip_2020_is_not_found(session):
    # 01.0309 (Viticulture and Enology) moved to 01.1004 in CIP 2020.
    with pytest.raises(InvalidInput, match=r"no CIP 2020 code 01\.0309"):
        program_code(session=session, cip="01.0309", field="program.cip")
    with pytest.raises(NotFound):
        suggestions(session=session, cip="01.0309")
    assert program_code(session=session, cip="01.1004").title == "Viticulture and Enology"

"""The database enforces what the domain demands, whichever path the data takes."""

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from pathways.domain.errors import InvalidInput
from pathways.domain.vocabulary import CredentialType
from pathways.models import (
    CipCode,
    Credential,
    Occupation,
    OccupationSkill,
    RequirementOverride,
    Skill,
    Wage,
)
from tests.factories import make_occupation, make_partnership, make_wage


def test_soc_code_format_is_checked_by_the_model(session):
    with pytest.raises(InvalidInput, match="soc_code"):
        Occupation(soc_code="292061", title="x", search_text=" x ")


def test_soc_code_format_is_checked_by_the_database(session):
    with pytest.raises(IntegrityError), session.begin_nested():
        session.execute(
            sa.insert(Occupation), [{"soc_code": "2920611", "title": "x", "search_text": " x "}]
        )


def test_cip_code_format_is_checked(session):
    with pytest.raises(InvalidInput, match="CIP"):
        CipCode(code="51-3901", level=6, title="x")
    with pytest.raises(IntegrityError), session.begin_nested():
        session.execute(sa.insert(CipCode), [{"code": "513901", "level": 6, "title": "x"}])


def test_one_wage_row_per_occupation_area_and_vintage(session):
    occupation = make_occupation(session)
    make_wage(session, soc_code=occupation.soc_code, area_code="0000000")
    make_wage(session, soc_code=occupation.soc_code, area_code="0000000", vintage=2024)
    with pytest.raises(IntegrityError), session.begin_nested():
        make_wage(session, soc_code=occupation.soc_code, area_code="0000000")


def test_wages_need_a_known_occupation_and_area(session):
    for values in (
        {"soc_code": "99-9998", "area_code": "0000000"},
        {"soc_code": "29-2061", "area_code": "0999999"},
    ):
        with pytest.raises(IntegrityError), session.begin_nested():
            session.execute(sa.insert(Wage), [{"vintage": 2025, **values}])


def test_requirements_stay_on_onet_scales(session):
    skill_id = session.scalar(sa.select(Skill.id).where(Skill.element_id == "2.A.1.a"))
    occupation = make_occupation(session)
    for importance, level in ((5.5, 3.0), (3.0, 7.5), (0.5, 1.0)):
        row = {"soc_code": occupation.soc_code, "skill_id": skill_id,
               "importance": importance, "level": level}  # fmt: skip
        with pytest.raises(IntegrityError), session.begin_nested():
            session.execute(sa.insert(OccupationSkill), [row])


def test_deleting_an_occupation_takes_its_catalog_rows_with_it(session):
    occupation = make_occupation(session)
    make_wage(session, soc_code=occupation.soc_code, area_code="0000000")
    session.delete(occupation)
    session.flush()
    count = session.scalar(
        sa.select(sa.func.count()).select_from(Wage).where(Wage.soc_code == occupation.soc_code)
    )
    assert count == 0


def test_one_override_per_skill_and_per_credential_of_an_occupation(session):
    partnership = make_partnership(session)
    skill_id = session.scalar(sa.select(Skill.id).where(Skill.element_id == "2.A.1.a"))
    credential = Credential(name="Constraint Test Credential", ctdl_type=CredentialType.LICENSE)
    session.add(credential)
    session.flush()
    base = {"partnership_id": partnership.id, "soc_code": "29-2061"}
    rows = [
        {**base, "action": "drop", "skill_id": skill_id},
        {**base, "action": "drop", "credential_id": credential.id},
    ]
    session.execute(sa.insert(RequirementOverride), rows)
    for row in rows:
        with pytest.raises(IntegrityError), session.begin_nested():
            session.execute(sa.insert(RequirementOverride), [{**row, "action": "reweight"}])

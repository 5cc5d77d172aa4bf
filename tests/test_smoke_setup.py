import sqlalchemy as sa

from pathways.models import Occupation, Wage


def test_sample_catalog_is_loaded(session):
    assert session.get(Occupation, "29-2061").title.startswith("Licensed Practical")
    assert session.scalar(sa.select(sa.func.count()).select_from(Wage)) > 1000

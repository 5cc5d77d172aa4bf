"""Alembic builds the schema from nothing, and the models and the migrations agree."""

import sqlalchemy as sa
from alembic import command

from pathways.db import Base, make_engine
from pathways.migrations import alembic_config, downgrade, upgrade


def test_upgrade_from_empty_matches_the_models(empty_database_url):
    upgrade(empty_database_url)
    command.check(alembic_config(empty_database_url))  # raises on any pending autogenerate diff
    engine = make_engine(empty_database_url)
    tables = set(sa.inspect(engine).get_table_names())
    engine.dispose()
    assert set(Base.metadata.tables) <= tables


def test_downgrade_to_base_and_back(empty_database_url):
    upgrade(empty_database_url)
    downgrade(empty_database_url, "base")
    engine = make_engine(empty_database_url)
    assert set(sa.inspect(engine).get_table_names()) <= {"alembic_version"}
    engine.dispose()
    upgrade(empty_database_url)

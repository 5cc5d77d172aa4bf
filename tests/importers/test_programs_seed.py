"""The sample providers and programs (seed_data/programs/): loaded by the seed through the
services, idempotent, and a bad value reported with its file and key path."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from pathways.domain.errors import MalformedFile
from pathways.importers.programs import load_programs
from pathways.importers.workspace import load_credentials
from pathways.models import AuditEvent, Program, Provider
from tests.importers.workspace_files import ACTOR

SEED = Path(__file__).resolve().parents[2] / "seed_data"


def count(session, model):
    return session.scalar(sa.select(sa.func.count()).select_from(model))


def credential_ids(session):
    return load_credentials(session, SEED / "credentials.toml", actor=ACTOR)


def test_the_sample_programs_are_seeded_with_their_skills_and_credentials(session):
    program = session.scalar(sa.select(Program).where(Program.title == "Practical Nursing, T.D."))
    assert program is not None, "pathways seed loads seed_data/programs/"
    assert (program.cip_code, program.provider.name) == (
        "51.3901", "Louisiana Delta Community College"
    )  # fmt: skip
    assert program.provider.region.slug == "northeast-louisiana"
    assert len(program.skills) >= 8
    assert {credential.name for credential in program.credentials}


def test_loading_the_programs_again_changes_nothing(session):
    before = (count(session, Provider), count(session, Program), count(session, AuditEvent))
    loaded = load_programs(session, SEED, actor=ACTOR, credentials=credential_ids(session))
    assert loaded == before[1]
    assert (count(session, Provider), count(session, Program), count(session, AuditEvent)) == (
        before
    )


def test_a_bad_value_names_the_file_and_key(session, tmp_path):
    (tmp_path / "programs").mkdir()
    (tmp_path / "programs" / "bad.toml").write_text(
        'region = "northeast-louisiana"\n'
        '[[providers]]\nkey = "x"\nname = "Bad Seed College"\nkind = "community_college"\n'
        '[[providers.programs]]\ntitle = "Nursing"\ncip = "51.39"\naward_level = "certificate"\n'
        'modality = "in_person"\n'
    )
    with pytest.raises(MalformedFile, match=r"bad\.toml: providers\[0\]\.programs\[0\]\.cip"):
        load_programs(session, tmp_path, actor=ACTOR, credentials={})

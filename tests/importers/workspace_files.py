"""A small partnership workspace as TOML seed files (credentials.toml, a partnership file and
its logo), for the loader's and the CLI's tests, and what to count to see that loading it
again writes nothing."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from pathways.domain.access import Actor
from pathways.importers.workspace import load_credentials, load_partnership
from pathways.models import (
    AuditEvent,
    Credential,
    CriticalOccupation,
    EmployerWage,
    OccupationCredential,
    Partnership,
    PartnershipMember,
    Pathway,
    PathwayStep,
    RequirementOverride,
    Transition,
)

ACTOR = Actor.operator("tests")
LOGO = b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8"/></svg>'

CREDENTIALS = """
[[credentials]]
key = "cna"
name = "Test Certified Nursing Assistant"
type = "Certification"
issuer = "Test Board of Nursing"
exam = "Test CNA exam"
typical_cost_usd = 120
source = "https://example.org/cna"
occupations = [{ soc = "31-1131", relation = "required" }]

[[credentials]]
key = "lpn"
name = "Test Practical Nurse License"
type = "License"
issuer = "Test Board of Nursing"
occupations = [{ soc = "29-2061", relation = "required" }]

[[credentials]]
key = "iv"
name = "Test IV Therapy Certificate"
type = "Certificate"
issuer = "Test College"
typical_cost_usd = 350
occupations = [{ soc = "29-2061", relation = "add_on" }]
"""

PARTNERSHIP = """
sample = true
slug = "test-nursing"
name = "Test Nursing Partnership"
sector = "Healthcare"
region = "northeast-louisiana"
description = "Hospitals of a test region."
logo = "logo.svg"

[branding]
brand_name = "Test Nursing"
primary_color = "#0b5d8c"
accent_color = "#F2A900"
contact_line = "nursing@example.org"

[[members]]
name = "Test Hospital"
kind = "employer"
website = "https://hospital.example.org"

[[members]]
name = "Test College"
kind = "education"

[[critical_occupations]]
soc = "29-1141"
priority = 1
annual_openings = 120
notes = "Night shifts."

[[critical_occupations]]
soc = "31-1131"
priority = 2
annual_openings = 80

[[employer_wages]]
soc = "31-1131"
pay_basis = "hourly"
entry = 14.5
median = 16.25
experienced = 18
reported_on = 2025-03-01
employer_count = 4
notes = "Four hospitals."

[[overrides]]
soc = "29-1141"
action = "reweight"
skill = "2.A.1.a"
importance = 5
level = 6

[[overrides]]
soc = "29-2061"
action = "add"
credential = "iv"
relation = "preferred"

[[pathways]]
slug = "test-cna-to-rn"
title = "Test CNA to RN"
summary = "From the bedside to the charge desk."
publish = true

[[pathways.steps]]
key = "cna"
soc = "31-1131"
stage = 1
label = "CNA"

[[pathways.steps]]
key = "lpn"
soc = "29-2061"
stage = 2

[[pathways.steps]]
key = "rn"
soc = "29-1141"
stage = 3

[[pathways.transitions]]
from = "cna"
to = "lpn"
kind = "advance"
credentials = ["lpn", "iv"]
months_experience = 6
months_training = 12
cost_usd = 4500
earn_while_you_learn = true

[[pathways.transitions]]
from = "lpn"
to = "rn"
kind = "advance"
credentials = []
months_training = 18
cost_usd = 9000
notes = "LPN-to-RN bridge."
"""


def write_workspace(folder: Path, partnership: str = PARTNERSHIP) -> tuple[Path, Path]:
    """A seed folder: credentials.toml, partnerships/test-nursing.toml and its logo."""
    (folder / "partnerships").mkdir(parents=True, exist_ok=True)
    credentials = folder / "credentials.toml"
    credentials.write_text(CREDENTIALS)
    path = folder / "partnerships" / "test-nursing.toml"
    path.write_text(partnership)
    (folder / "partnerships" / "logo.svg").write_bytes(LOGO)
    return credentials, path


def load(session, folder: Path, partnership: str = PARTNERSHIP) -> str:
    credentials_path, path = write_workspace(folder, partnership)
    credentials = load_credentials(session, credentials_path, actor=ACTOR)
    return load_partnership(session, path, actor=ACTOR, credentials=credentials)


def counts(session) -> dict[str, int]:
    tables = (AuditEvent, Credential, CriticalOccupation, EmployerWage, OccupationCredential,
              PartnershipMember, Pathway, PathwayStep, RequirementOverride, Transition)  # fmt: skip
    return {
        table.__name__: session.scalar(sa.select(sa.func.count()).select_from(table))
        for table in tables
    }


def row_versions(session) -> dict[str, list[int]]:
    tables = (Credential, CriticalOccupation, EmployerWage, Partnership, Pathway,
              RequirementOverride)  # fmt: skip
    return {
        table.__name__: list(session.scalars(sa.select(table.version).order_by(table.id)))
        for table in tables
    }

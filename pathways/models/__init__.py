"""Typed SQLAlchemy models, one module per aggregate. Importing this package registers every
table on `Base.metadata` (Alembic and the tests rely on that)."""

from pathways.models.account import ApiToken, LoginFailure, User, user_partnerships, user_providers
from pathways.models.audit import AuditEvent
from pathways.models.cip import CipCode, CipSocLink
from pathways.models.credential import Credential, OccupationCredential
from pathways.models.imports import ImportRun
from pathways.models.occupation import (
    AlternateTitle,
    EducationCategory,
    EducationRating,
    JobZone,
    Occupation,
    Outlook,
    RelatedOccupation,
)
from pathways.models.partnership import (
    CriticalOccupation,
    EmployerWage,
    Partnership,
    PartnershipMember,
    RequirementOverride,
)
from pathways.models.pathway import Pathway, PathwayStep, Transition, TransitionCredential
from pathways.models.provider import Program, ProgramCredential, ProgramSkill, Provider
from pathways.models.region import Region, RegionArea
from pathways.models.skill import OccupationSkill, Skill
from pathways.models.wage import Area, Wage

__all__ = [
    "AlternateTitle",
    "ApiToken",
    "Area",
    "AuditEvent",
    "CipCode",
    "CipSocLink",
    "Credential",
    "CriticalOccupation",
    "EducationCategory",
    "EducationRating",
    "EmployerWage",
    "ImportRun",
    "JobZone",
    "LoginFailure",
    "Occupation",
    "OccupationCredential",
    "OccupationSkill",
    "Outlook",
    "Partnership",
    "PartnershipMember",
    "Pathway",
    "PathwayStep",
    "Program",
    "ProgramCredential",
    "ProgramSkill",
    "Provider",
    "Region",
    "RegionArea",
    "RelatedOccupation",
    "RequirementOverride",
    "Skill",
    "Transition",
    "TransitionCredential",
    "User",
    "Wage",
    "user_partnerships",
    "user_providers",
]

"""The closed vocabularies of SPEC §2, shared by models, schemas and importers."""

from __future__ import annotations

from enum import StrEnum


class AreaKind(StrEnum):
    NATIONAL = "national"
    STATE = "state"
    METRO = "metro"
    NONMETRO = "nonmetro"


class SkillKind(StrEnum):
    SKILL = "skill"  # O*NET Skills (2.A, 2.B)
    KNOWLEDGE = "knowledge"  # O*NET Knowledge (2.C)
    COMPETENCY = "competency"  # defined by a partnership


class CredentialType(StrEnum):
    """CTDL credential classes (ceterms:*)."""

    LICENSE = "License"
    CERTIFICATION = "Certification"
    CERTIFICATE = "Certificate"
    CERTIFICATE_OF_COMPLETION = "CertificateOfCompletion"
    APPRENTICESHIP_CERTIFICATE = "ApprenticeshipCertificate"
    JOURNEYMAN_CERTIFICATE = "JourneymanCertificate"
    DIPLOMA = "Diploma"
    ASSOCIATE_DEGREE = "AssociateDegree"
    BACHELOR_DEGREE = "BachelorDegree"
    MASTER_DEGREE = "MasterDegree"
    DOCTORAL_DEGREE = "DoctoralDegree"
    BADGE = "Badge"


class CredentialRelation(StrEnum):
    REQUIRED = "required"
    PREFERRED = "preferred"
    ADD_ON = "add_on"


class ProviderKind(StrEnum):
    HIGH_SCHOOL = "high_school"
    COMMUNITY_COLLEGE = "community_college"
    UNIVERSITY = "university"
    WORKFORCE_BOARD = "workforce_board"
    EMPLOYER = "employer"
    APPRENTICESHIP_SPONSOR = "apprenticeship_sponsor"
    TRAINING_PROVIDER = "training_provider"


class AwardLevel(StrEnum):
    NON_CREDIT = "non_credit"
    CERTIFICATE = "certificate"
    DIPLOMA = "diploma"
    ASSOCIATE = "associate"
    BACHELOR = "bachelor"
    MASTER = "master"
    APPRENTICESHIP = "apprenticeship"


class Modality(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"


class EarnWhileYouLearn(StrEnum):
    NONE = "none"
    APPRENTICESHIP = "apprenticeship"
    EMPLOYER_PAID = "employer_paid"


class ProgramStatus(StrEnum):
    ACTIVE = "active"
    PLANNED = "planned"
    SUSPENDED = "suspended"
    DISCONTINUED = "discontinued"


class MemberKind(StrEnum):
    EMPLOYER = "employer"
    EDUCATION = "education"
    WORKFORCE_BOARD = "workforce_board"
    ECONOMIC_DEVELOPMENT = "economic_development"
    COMMUNITY = "community"
    OTHER = "other"


class RequirementAction(StrEnum):
    ADD = "add"
    DROP = "drop"
    REWEIGHT = "reweight"


class PathwayStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class TransitionKind(StrEnum):
    ADVANCE = "advance"
    LATERAL = "lateral"
    ADD_ON = "add_on"


class PayBasis(StrEnum):
    HOURLY = "hourly"
    ANNUAL = "annual"

"""The JSON Schema (draft 2020-12) of bundle format version 1. Imports check a bundle against
it with `pathways.domain.bundle.schema_problems` (no schema library needed at run time); the
tests hold exported bundles against it with the `jsonschema` package as well.

Every key is always present in a bundle (null where there is no value): a bundle says
everything, and a misspelt key is an error rather than a value silently left out."""

from __future__ import annotations

from typing import Any

from pathways.domain.bundle import FORMAT, PROVIDER_TEXT, schema_problems
from pathways.domain.vocabulary import (
    AwardLevel,
    CredentialRelation,
    CredentialType,
    EarnWhileYouLearn,
    MemberKind,
    Modality,
    PathwayStatus,
    PayBasis,
    ProgramStatus,
    ProviderKind,
    RequirementAction,
    TransitionKind,
)


def _text(nullable: bool = False, pattern: str | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": ["string", "null"] if nullable else "string"}
    if pattern is not None:
        schema["pattern"] = pattern
    return schema


def _choice(values: Any, nullable: bool = False) -> dict[str, Any]:
    choices: list[Any] = [value.value for value in values]
    return {"enum": [*choices, None] if nullable else choices}


def _whole(minimum: int = 0, nullable: bool = False) -> dict[str, Any]:
    return {"type": ["integer", "null"] if nullable else "integer", "minimum": minimum}


def _number(nullable: bool = True) -> dict[str, Any]:
    return {"type": ["number", "null"] if nullable else "number"}


def _record(**properties: Any) -> dict[str, Any]:
    """An object with exactly these keys, each of them required."""
    return {
        "type": "object",
        "properties": properties,
        "required": sorted(properties),
        "additionalProperties": False,
    }


def _list(item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": item}


SOC = _text(pattern=r"^\d{2}-\d{4}$")
CREDENTIAL_REF = {"$ref": "#/$defs/credential_ref"}
DATE = {"type": "string", "format": "date"}

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Pathways partnership bundle, format version 1",
    **_record(
        format={"enum": [FORMAT]},
        format_version={"enum": [1]},
        partnership=_record(
            slug=_text(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$"),
            name=_text(),
            sector=_text(),
            description=_text(nullable=True),
            branding=_record(
                brand_name=_text(nullable=True),
                primary_color=_text(nullable=True),
                accent_color=_text(nullable=True),
                contact_line=_text(nullable=True),
            ),
            logo={
                "oneOf": [
                    {"type": "null"},
                    _record(
                        media_type={"enum": ["image/png", "image/jpeg", "image/svg+xml"]},
                        base64=_text(pattern=r"^[A-Za-z0-9+/]*={0,2}$"),
                    ),
                ]
            },
            members=_list(
                _record(name=_text(), kind=_choice(MemberKind), website=_text(nullable=True))
            ),
        ),
        region=_record(
            slug=_text(),
            name=_text(),
            description=_text(nullable=True),
            areas=_list(_text(pattern=r"^\d{7}$")),
        ),
        critical_occupations=_list(
            _record(
                soc=SOC,
                priority=_whole(1),
                annual_openings=_whole(nullable=True),
                notes=_text(nullable=True),
            )
        ),
        employer_wages=_list(
            _record(
                soc=SOC,
                pay_basis=_choice(PayBasis),
                entry=_number(),
                median=_number(),
                experienced=_number(),
                reported_on=DATE,
                employer_count=_whole(1),
                notes=_text(nullable=True),
            )
        ),
        requirement_overrides=_list(
            _record(
                soc=SOC,
                skill=_text(nullable=True),
                credential={"oneOf": [{"type": "null"}, CREDENTIAL_REF]},
                action=_choice(RequirementAction),
                importance=_number(),
                level=_number(),
                relation=_choice(CredentialRelation, nullable=True),
                notes=_text(nullable=True),
            )
        ),
        credentials=_list(
            _record(
                name=_text(),
                issuer=_text(),
                type=_choice(CredentialType),
                description=_text(nullable=True),
                exam=_text(nullable=True),
                renewal=_text(nullable=True),
                typical_cost_cents=_whole(nullable=True),
                source=_text(nullable=True),
                occupations=_list(_record(soc=SOC, relation=_choice(CredentialRelation))),
            )
        ),
        pathways=_list(
            _record(
                slug=_text(),
                number=_whole(1),
                status=_choice(PathwayStatus),
                published_at={"type": ["string", "null"], "format": "date-time"},
                title=_text(),
                summary=_text(nullable=True),
                steps=_list(
                    _record(key=_text(), soc=SOC, stage=_whole(1), label=_text(nullable=True))
                ),
                transitions=_list(
                    _record(
                        **{
                            "from": _text(),
                            "to": _text(),
                            "kind": _choice(TransitionKind),
                            "credentials": _list(CREDENTIAL_REF),
                            "months_experience": _whole(),
                            "months_training": _whole(),
                            "cost_cents": _whole(),
                            "earn_while_you_learn": {"type": "boolean"},
                            "notes": _text(nullable=True),
                        }
                    )
                ),
            )
        ),
        providers=_list(
            _record(
                name=_text(),
                kind=_choice(ProviderKind),
                **{key: _text(nullable=True) for key in PROVIDER_TEXT},
                programs=_list(
                    _record(
                        title=_text(),
                        cip=_text(pattern=r"^\d{2}\.\d{4}$"),
                        award_level=_choice(AwardLevel),
                        length_weeks=_whole(1, nullable=True),
                        credit_hours=_number(),
                        cost_cents=_whole(nullable=True),
                        modality=_choice(Modality),
                        schedule=_text(nullable=True),
                        seats_per_year=_whole(nullable=True),
                        prerequisites=_text(nullable=True),
                        earn_while_you_learn=_choice(EarnWhileYouLearn),
                        status=_choice(ProgramStatus),
                        next_start={"oneOf": [{"type": "null"}, DATE]},
                        credentials=_list(CREDENTIAL_REF),
                        skills=_list(_record(skill=_text(), level=_number(nullable=False))),
                    )
                ),
            )
        ),
    ),
    "$defs": {"credential_ref": _record(name=_text(), issuer=_text())},
}


def bundle_problems(document: Any) -> list[str]:
    """Every way `document` departs from SCHEMA, as `path: message` (empty: none)."""
    return schema_problems(document, SCHEMA)

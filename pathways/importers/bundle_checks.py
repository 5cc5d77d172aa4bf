"""What a bundle that fits the schema must still get right before anything is written: every
code it names is in this installation's catalog (SOC, O*NET element, CIP, OEWS area), every
credential it names is among its own `credentials`, nothing is listed twice, and each pathway
version's graph is sound. All problems are gathered, each at its JSON path."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from pathways.domain.pathways import PathwayGraph, StepSpec, TransitionSpec
from pathways.domain.vocabulary import PathwayStatus, TransitionKind
from pathways.engines.graph import validate
from pathways.models import Area, CipCode, Occupation, Skill

CredentialKey = tuple[str, str]


def credential_key(ref: dict[str, Any]) -> CredentialKey:
    return (ref["name"], ref["issuer"])


def reference_problems(session: Session, document: dict[str, Any]) -> list[str]:
    """Every problem of a schema-valid bundle that the schema cannot see."""
    problems: list[str] = []
    codes = Codes(session, document)
    region = document["region"]
    for i, area in enumerate(region["areas"]):
        if area not in codes.areas:
            problems.append(f"region.areas[{i}]: no OEWS area {area} in the catalog")
    credentials = {credential_key(c): n for n, c in enumerate(document["credentials"], 1)}
    problems += duplicates(
        "credentials",
        document["credentials"],
        credential_key,
        "the same name and issuer as credentials[{first}]",
    )
    for i, credential in enumerate(document["credentials"]):
        for j, link in enumerate(credential["occupations"]):
            problems += codes.soc(f"credentials[{i}].occupations[{j}].soc", link["soc"])
    for i, row in enumerate(document["critical_occupations"]):
        problems += codes.soc(f"critical_occupations[{i}].soc", row["soc"])
    problems += duplicates(
        "critical_occupations",
        document["critical_occupations"],
        lambda row: row["soc"],
        "the same occupation as [{first}]",
    )
    for i, row in enumerate(document["employer_wages"]):
        problems += codes.soc(f"employer_wages[{i}].soc", row["soc"])
    for i, row in enumerate(document["requirement_overrides"]):
        where = f"requirement_overrides[{i}]"
        problems += codes.soc(f"{where}.soc", row["soc"])
        if row["skill"] is not None:
            problems += codes.skill(f"{where}.skill", row["skill"])
        if row["credential"] is not None:
            problems += credential_problems(f"{where}.credential", [row["credential"]], credentials)
    problems += duplicates(
        "requirement_overrides",
        document["requirement_overrides"],
        lambda row: (row["soc"], row["skill"], str(row["credential"])),
        "overrides the same requirement as [{first}]",
    )
    problems += pathway_problems(document["pathways"], codes, credentials)
    problems += provider_problems(document["providers"], codes, credentials)
    return problems


def pathway_problems(
    entries: list[dict[str, Any]], codes: Codes, credentials: dict[CredentialKey, int]
) -> list[str]:
    problems = duplicates(
        "pathways",
        entries,
        lambda entry: (entry["slug"], entry["number"]),
        "the same slug and number as pathways[{first}]",
    )
    for i, entry in enumerate(entries):
        where = f"pathways[{i}]"
        moves = []
        for j, move in enumerate(entry["transitions"]):
            refs = move["credentials"]
            problems += credential_problems(
                f"{where}.transitions[{j}].credentials", refs, credentials
            )
            ids = tuple(credentials.get(credential_key(ref), 0) for ref in refs)
            moves.append(
                TransitionSpec(
                    source=move["from"],
                    target=move["to"],
                    kind=TransitionKind(move["kind"]),
                    credential_ids=ids,
                    months_experience=move["months_experience"],
                    months_training=move["months_training"],
                    cost_cents=move["cost_cents"],
                )
            )
        for j, step in enumerate(entry["steps"]):
            problems += codes.soc(f"{where}.steps[{j}].soc", step["soc"])
        steps = tuple(
            StepSpec(step["key"], step["soc"], step["stage"], step["label"])
            for step in entry["steps"]
        )
        graph = PathwayGraph(steps, tuple(moves))
        errors = validate(
            graph,
            known_socs=codes.socs,
            known_credentials=set(credentials.values()),
            for_publish=entry["status"] != PathwayStatus.DRAFT,
        )
        for field, messages in errors.items():
            if field.endswith((".credentials", ".soc")):
                continue  # named above: credentials by name and issuer, codes as the catalog
            problems += [f"{where}.{field}: {message}" for message in messages]
    return problems


def provider_problems(
    providers: list[dict[str, Any]], codes: Codes, credentials: dict[CredentialKey, int]
) -> list[str]:
    problems = duplicates(
        "providers", providers, lambda row: row["name"], "the same name as providers[{first}]"
    )
    for i, provider in enumerate(providers):
        for j, program in enumerate(provider["programs"]):
            where = f"providers[{i}].programs[{j}]"
            if program["cip"] not in codes.cips:
                problems.append(f"{where}.cip: no CIP 2020 code {program['cip']} in the catalog")
            problems += credential_problems(
                f"{where}.credentials", program["credentials"], credentials
            )
            for k, taught in enumerate(program["skills"]):
                problems += codes.skill(f"{where}.skills[{k}].skill", taught["skill"])
        problems += duplicates(
            f"providers[{i}].programs",
            provider["programs"],
            lambda row: (row["title"], row["cip"]),
            "the same title and CIP code as [{first}]",
        )
    return problems


def credential_problems(
    where: str, refs: list[dict[str, str]], credentials: dict[CredentialKey, int]
) -> list[str]:
    problems = []
    for index, ref in enumerate(refs):
        key = credential_key(ref)
        path = f"{where}[{index}]" if not where.endswith(".credential") else where
        if key not in credentials:
            problems.append(
                f"{path}: no credential {key[0]!r} from {key[1]!r} among the bundle's credentials"
            )
        elif key in map(credential_key, refs[:index]):
            problems.append(f"{path}: {key[0]!r} is listed twice")
    return problems


def duplicates(
    where: str, rows: list[dict[str, Any]], key: Callable[[dict[str, Any]], Hashable], said: str
) -> list[str]:
    """A problem for each row whose key an earlier row already has."""
    first: dict[Hashable, int] = {}
    problems = []
    for index, row in enumerate(rows):
        found = first.setdefault(key(row), index)
        if found != index:
            problems.append(f"{where}[{index}]: {said.format(first=found)}")
    return problems


class Codes:
    """The catalog codes a bundle names that this installation has, looked up at once."""

    def __init__(self, session: Session, document: dict[str, Any]) -> None:
        socs = {row["soc"] for row in _rows_with_soc(document)}
        socs |= {s["soc"] for p in document["pathways"] for s in p["steps"]}
        skills = {row["skill"] for row in document["requirement_overrides"] if row["skill"]}
        programs = [pr for pv in document["providers"] for pr in pv["programs"]]
        skills |= {taught["skill"] for program in programs for taught in program["skills"]}
        self.socs = _known(session, Occupation.soc_code, socs)
        self.skills = _known(session, Skill.element_id, skills)
        self.cips = _known(session, CipCode.code, {program["cip"] for program in programs})
        self.areas = _known(session, Area.code, set(document["region"]["areas"]))

    def soc(self, where: str, code: str) -> list[str]:
        return [] if code in self.socs else [f"{where}: no occupation {code} in the catalog"]

    def skill(self, where: str, element: str) -> list[str]:
        if element in self.skills:
            return []
        return [f"{where}: no O*NET skill or knowledge element {element!r} in the catalog"]


def _rows_with_soc(document: dict[str, Any]) -> Iterable[dict[str, Any]]:
    for part in ("critical_occupations", "employer_wages", "requirement_overrides"):
        yield from document[part]
    for credential in document["credentials"]:
        yield from credential["occupations"]


def _known(session: Session, column: Any, codes: set[str]) -> set[str]:
    if not codes:
        return set()
    return set(session.scalars(sa.select(column).where(column.in_(codes))))

"""Checks of a CTDL export shared by the render, API and CLI tests: the Credential Registry's
JSON Schemas (tests/fixtures/ctdl, resolved locally, never fetched) and the graph's own
consistency. See tests/fixtures/ctdl/README.md."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jsonschema import Draft4Validator
from referencing import Registry
from referencing.exceptions import NoSuchResource

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ctdl"
PATHWAY_SCHEMA = "ce_registry_jsonschema_pathway.json"
COMPONENT_SCHEMA = "ce_registry_jsonschema_pathway_component.json"
EXAMPLE = "example_pathway_CompTIA-IT_Networking_Specialist.jsonld"
COMPONENT_TYPES = ("ceterms:JobComponent", "ceterms:CredentialComponent")
# Definitions whose address-valued twin the Registry writes as embedded objects instead.
EMBEDDED = ("#/definitions/ceterms:PathwayComponent", "#/definitions/ceterms:ComponentCondition")


def _refuse(uri: str) -> Any:
    raise NoSuchResource(ref=uri)  # never the network


NO_FETCHING: Registry[Any] = Registry(retrieve=_refuse)


def refs(schema: Any) -> Iterator[str]:
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from refs(value)
    elif isinstance(schema, list):
        for item in schema:
            yield from refs(item)


@cache
def repaired(name: str) -> tuple[dict[str, Any], dict[str, str]]:
    """The schema `name`, each definition it names but lacks filled in, and how: from the
    sibling schema ("sibling"), from the same name under the other prefix (that name), or
    left unconstrained ("any")."""
    schema = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    sibling_name = COMPONENT_SCHEMA if name == PATHWAY_SCHEMA else PATHWAY_SCHEMA
    sibling = json.loads((FIXTURES / sibling_name).read_text(encoding="utf-8"))["definitions"]
    definitions = schema["definitions"]
    how: dict[str, str] = {}
    for ref in sorted(set(refs(schema))):
        missing = ref.removeprefix("#/definitions/")
        if missing in definitions:
            continue
        other = twin(missing)
        if missing in sibling and all(
            r.removeprefix("#/definitions/") in definitions for r in refs(sibling[missing])
        ):
            definitions[missing], how[missing] = copy.deepcopy(sibling[missing]), "sibling"
        elif other in definitions and not set(refs(definitions[other])) & set(EMBEDDED):
            definitions[missing], how[missing] = {"$ref": f"#/definitions/{other}"}, other
        else:
            definitions[missing], how[missing] = {}, "any"
    return schema, how


def validator(name: str, definition: str | None = None) -> Draft4Validator:
    """The schema's own root, or one of its definitions, for clearer messages."""
    schema, _ = repaired(name)
    if definition is not None:
        schema = {"definitions": schema["definitions"], "$ref": f"#/definitions/{definition}"}
    return Draft4Validator(schema, registry=NO_FETCHING)


def schema_errors(document: dict[str, Any]) -> list[str]:
    """Every Registry-schema error of every Pathway, component and ComponentCondition."""
    errors: list[str] = []

    def check(node: dict[str, Any], checker: Draft4Validator, name: str, kind: str) -> None:
        for error in checker.iter_errors(as_listed(node, name, kind)):
            errors.append(f"{node.get('@type')} {node.get('@id', '')}: {error.message}")

    for node in document["@graph"]:
        kind = node["@type"]
        if kind == "ceterms:Pathway":
            check(node, validator(PATHWAY_SCHEMA), PATHWAY_SCHEMA, kind)
        elif kind in COMPONENT_TYPES:
            check(node, validator(COMPONENT_SCHEMA), COMPONENT_SCHEMA, kind)
            check(node, validator(COMPONENT_SCHEMA, kind), COMPONENT_SCHEMA, kind)
            for condition in conditions(node):
                checker = validator(COMPONENT_SCHEMA, "ceterms:ComponentCondition")
                check(condition, checker, COMPONENT_SCHEMA, "ceterms:ComponentCondition")
    return errors


def twin(key: str) -> str:
    prefix, _, local = key.partition(":")
    return f"{'ceterms' if prefix == 'ceasn' else 'ceasn'}:{local}"


def as_listed(node: dict[str, Any], name: str, kind: str) -> dict[str, Any]:
    """`node` with each property the class does not list, but lists under the other prefix
    (the Registry writes `ceasn:isPartOf` where the schema says `ceterms:isPartOf`), renamed
    to that, so the schema checks its value."""
    listed = repaired(name)[0]["definitions"][kind]["properties"]
    return {
        twin(key) if key not in listed and twin(key) in listed else key: value
        for key, value in node.items()
    }


def conditions(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """A component's ComponentConditions, nested ones too."""
    for condition in node.get("ceterms:hasCondition", []):
        yield condition
        yield from conditions(condition)


def graph_errors(document: dict[str, Any]) -> list[str]:
    """What the schemas cannot see: every reference names a node of the graph, of the right
    kind, with its inverse; addresses are absolute; CTIDs are `ce-` UUIDs and unique."""
    nodes = {node["@id"]: node for node in document["@graph"]}
    errors = [] if len(nodes) == len(document["@graph"]) else ["two nodes share an @id"]
    ctids = [node["ceterms:ctid"] for node in document["@graph"]]
    if len(set(ctids)) != len(ctids):
        errors.append("two nodes share a CTID")

    def expect(condition: bool, message: str) -> None:
        if not condition:
            errors.append(message)

    for node_id, node in nodes.items():
        expect(node_id.endswith("/" + node["ceterms:ctid"]), f"{node_id}: @id ≠ CTID")
        expect(is_ctid(node["ceterms:ctid"]), f"{node_id}: bad CTID")
        for url in [node_id, node.get("ceterms:subjectWebpage", "https://x")]:
            expect(is_absolute(url), f"{node_id}: {url!r} is not an absolute URL")
        for child in node.get("ceasn:hasChild", []):
            expect(child in nodes, f"{node_id}: child {child} is not in the graph")
            expect(
                node_id in nodes.get(child, {}).get("ceasn:isChildOf", []), f"{child}: no isChildOf"
            )
        for parent in node.get("ceasn:isChildOf", []):
            expect(
                node_id in nodes.get(parent, {}).get("ceasn:hasChild", []), f"{parent}: no hasChild"
            )
        for condition in conditions(node):
            for target in condition.get("ceterms:targetComponent", []):
                expect(target in node.get("ceasn:hasChild", []), f"{node_id}: target {target}")
        for owner in node.get("ceasn:isPartOf", []):
            expect(nodes.get(owner, {}).get("@type") == "ceterms:Pathway", f"{node_id}: part of?")
            expect(node_id in nodes.get(owner, {}).get("ceasn:hasPart", []), f"{owner}: no hasPart")
    for node_id, node in nodes.items():
        for kind, key in (("ceterms:Pathway", "ceasn:hasPathway"), (None, "ceasn:hasPart")):
            for member in node.get(key, []):
                expect(member in nodes, f"{node_id}: {key} {member} is not in the graph")
                expect(kind is None or nodes.get(member, {}).get("@type") == kind, f"{member}")
    return errors


def is_ctid(text: str) -> bool:
    import uuid

    try:
        return text.startswith("ce-") and str(uuid.UUID(text[3:])) == text[3:]
    except ValueError:
        return False


def is_absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.netloc) and " " not in url

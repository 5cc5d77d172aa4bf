"""The CTDL mapping without a database: plain values in, JSON-LD out, checked against the
Credential Registry's JSON Schemas and the shape of a real Registry pathway."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from pathways.domain.pathways import PathwayGraph, StepSpec, TransitionSpec
from pathways.domain.vocabulary import TransitionKind
from pathways.render.ctdl import (
    CONTEXT,
    CtdlCredential,
    CtdlOccupation,
    CtdlPathwayFacts,
    ctdl_document,
    ctdl_json,
)
from tests.render.ctdl_checks import (
    COMPONENT_SCHEMA,
    EXAMPLE,
    FIXTURES,
    PATHWAY_SCHEMA,
    conditions,
    graph_errors,
    repaired,
    schema_errors,
)

ADVANCE, LATERAL, ADD_ON = TransitionKind.ADVANCE, TransitionKind.LATERAL, TransitionKind.ADD_ON
OCCUPATIONS = {
    "31-1131": CtdlOccupation("31-1131", "Nursing Assistants", "Provide basic patient care."),
    "29-2061": CtdlOccupation("29-2061", "Licensed Practical and Licensed Vocational Nurses", None),
    "29-1141": CtdlOccupation("29-1141", "Registered Nurses", "Assess patient health problems."),
    "31-9092": CtdlOccupation("31-9092", "Medical Assistants", "Perform clinical duties."),
}
CREDENTIALS = {
    1: CtdlCredential(1, "Phlebotomy Technician (CPT)", "Certification", "NHA", None, None),
    2: CtdlCredential(
        2, "LPN license", "License", "LSBPNE", "Licence to practise.", "https://www.lsbpne.com"
    ),
    3: CtdlCredential(3, "RN license", "License", "LSBN", None, "not a url"),
    4: CtdlCredential(4, "Medical Assistant (CCMA)", "Certification", "NHA", None, None),
}
# The sample cna-to-rn: two destinations (RN, and the medical assistant a lateral move reaches).
TWO_ENDS = PathwayGraph(
    (
        StepSpec("cna", "31-1131", 1, "Certified Nursing Assistant"),
        StepSpec("cna-phlebotomy", "31-1131", 1, "CNA with phlebotomy"),
        StepSpec("lpn", "29-2061", 2),
        StepSpec("rn", "29-1141", 3, "Registered Nurse"),
        StepSpec("medical-assistant", "31-9092", 1),
    ),
    (
        TransitionSpec("cna", "cna-phlebotomy", ADD_ON, (1,), 0, 2, 90000),
        TransitionSpec("cna-phlebotomy", "lpn", ADVANCE, (2,), 6, 12, 840000),
        TransitionSpec("cna", "lpn", ADVANCE, (2,), 6, 12, 840000, notes="Direct route."),
        TransitionSpec("lpn", "rn", ADVANCE, (3,), 12, 24, 1100000),
        TransitionSpec("cna", "medical-assistant", LATERAL, (4,), 6, 9, 320000),
    ),
)
ONE_END = PathwayGraph(
    (StepSpec("cna", "31-1131", 1), StepSpec("lpn", "29-2061", 2)),
    (TransitionSpec("cna", "lpn", ADVANCE, (2,), 6, 12, 840000, earn_while_you_learn=True),),
)
FACTS = CtdlPathwayFacts(
    slug="cna-to-rn",
    title="CNA to RN",
    summary="From nurse aide to registered nurse.",
    page_url="https://pathways.example.org/pathways/cna-to-rn",
    public_url="https://pathways.example.org",
    partnership_slug="ne-louisiana-healthcare",
    partnership_name="Northeast Louisiana Healthcare Partnership",
    graph=TWO_ENDS,
    occupations=OCCUPATIONS,
    credentials=CREDENTIALS,
)
SINGLE = replace(FACTS, slug="cna-to-lpn", title="CNA to LPN", graph=ONE_END)


def of_type(document: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [node for node in document["@graph"] if node["@type"] == kind]


def by_name(document: dict[str, Any], kind: str, name: str) -> dict[str, Any]:
    (node,) = [n for n in of_type(document, kind) if n["ceterms:name"]["en-US"] == name]
    return node


@pytest.mark.parametrize("facts", [FACTS, SINGLE], ids=["pathway-set", "pathway"])
def test_every_pathway_and_component_passes_the_registry_schemas(facts) -> None:
    document = ctdl_document(facts)
    assert schema_errors(document) == []
    assert graph_errors(document) == []


def test_the_schemas_are_repaired_only_where_they_name_definitions_they_lack() -> None:
    # The Registry's schemas refer to definitions under the other prefix (or not at all):
    # these are the repairs the checks make (tests/fixtures/ctdl/README.md).
    assert repaired(PATHWAY_SCHEMA)[1] == {
        "ceasn:hasChild": "any",
        "ceasn:hasCondition": "any",
        "ceasn:hasDestinationComponent": "any",
        "ceterms:description": "sibling",
    }
    component = repaired(COMPONENT_SCHEMA)[1]
    assert component["ceterms:isChildOf"] == "ceasn:isChildOf"
    assert component["ceterms:isPartOf"] == "ceasn:isPartOf"
    assert component["ceterms:isDestinationComponentOf"] == "ceasn:isDestinationComponentOf"


def test_the_schemas_catch_what_the_registry_would_refuse() -> None:
    document = ctdl_document(SINGLE)
    pathway, job = document["@graph"][0], document["@graph"][1]
    del pathway["ceterms:inLanguage"]
    job["ceasn:isPartOf"] = pathway["@id"]  # one address, not a list of them
    job["ceterms:name"] = "CNA"  # not a language map
    errors = "\n".join(schema_errors(document))
    assert "'ceterms:inLanguage' is a required property" in errors
    assert "is not of type 'array'" in errors
    assert "'CNA' is not of type 'object'" in errors


def test_the_shape_follows_the_registry_example() -> None:
    example = json.loads((FIXTURES / EXAMPLE).read_text(encoding="utf-8"))
    document = ctdl_document(SINGLE)
    assert document.keys() == example.keys() == {"@context", "@id", "@graph"}
    assert document["@context"] == example["@context"] == CONTEXT
    assert document["@id"].rsplit("/", 2)[-2:] == ["graph", document["@graph"][0]["ceterms:ctid"]]
    assert example["@id"].rsplit("/", 2)[-2] == "graph"
    assert document["@graph"][0]["@type"] == example["@graph"][0]["@type"] == "ceterms:Pathway"

    def kinds(node: dict[str, Any]) -> set[str]:
        return set(node) - {
            "asn:hasProgressionModel",
            "asn:hasProgressionLevel",
            "ceterms:sourceData",
        }

    # Every property the example's Pathway has (but its progression model) ours has.
    assert kinds(example["@graph"][0]) <= set(document["@graph"][0])
    # Every property the example's components share, ours have too (the entry step has no
    # children, as the example's first certification has none).
    shared = set.intersection(*(kinds(n) for n in example["@graph"][1:] if "ceasn:hasChild" in n))
    shared -= {"ceterms:componentCategory", "ceterms:isDestinationComponentFor"}
    lpn = by_name(
        document, "ceterms:JobComponent", "Licensed Practical and Licensed Vocational Nurses"
    )
    assert shared <= set(lpn), shared - set(lpn)
    # Language maps, lists of addresses and conditions shaped as the example's.
    example_condition = example["@graph"][1]["ceterms:hasCondition"][0]
    (condition,) = lpn["ceterms:hasCondition"]
    assert set(example_condition) <= set(condition)
    assert isinstance(condition["ceterms:requiredNumber"], int)
    assert set(lpn["ceterms:name"]) == {"en-US"}


def test_a_pathway_with_two_destinations_is_a_set_of_one_pathway_per_destination() -> None:
    document = ctdl_document(FACTS)
    (pathway_set,) = of_type(document, "ceterms:PathwaySet")
    assert document["@graph"][0] is pathway_set
    pathways = of_type(document, "ceterms:Pathway")
    assert pathway_set["ceasn:hasPathway"] == [p["@id"] for p in pathways]
    names = [p["ceterms:name"]["en-US"] for p in pathways]
    assert names == ["CNA to RN: to Medical Assistants", "CNA to RN: to Registered Nurse"]
    parts = {
        p["ceterms:name"]["en-US"]: sorted(
            n["ceterms:name"]["en-US"]
            for n in document["@graph"]
            if p["@id"] in n.get("ceasn:isPartOf", [])
        )
        for p in pathways
    }
    # Only the components on the routes to each destination.
    assert parts["CNA to RN: to Medical Assistants"] == [
        "Certified Nursing Assistant", "Medical Assistant (CCMA)", "Medical Assistants",
    ]  # fmt: skip
    assert parts["CNA to RN: to Registered Nurse"] == [
        "CNA with phlebotomy", "Certified Nursing Assistant",
        "LPN license", "Licensed Practical and Licensed Vocational Nurses",
        "Phlebotomy Technician (CPT)", "RN license", "Registered Nurse",
    ]  # fmt: skip


def test_steps_are_job_components_with_their_soc_code_and_ordering() -> None:
    document = ctdl_document(FACTS)
    pathway = by_name(document, "ceterms:Pathway", "CNA to RN: to Registered Nurse")
    mine = [n for n in document["@graph"] if pathway["@id"] in n.get("ceasn:isPartOf", [])]
    ids = {n["ceterms:name"]["en-US"]: n["@id"] for n in mine}
    node = {n["ceterms:name"]["en-US"]: n for n in mine}
    rn, lpn = node["Registered Nurse"], node["Licensed Practical and Licensed Vocational Nurses"]
    assert pathway["ceterms:hasDestinationComponent"] == [rn["@id"]]
    assert rn["ceterms:isDestinationComponentOf"] == [pathway["@id"]]
    (soc,) = rn["ceterms:occupationType"]
    assert soc == {
        "@type": "ceterms:CredentialAlignmentObject",
        "ceterms:codedNotation": "29-1141",
        "ceterms:framework": "https://www.bls.gov/soc/2018/",
        "ceterms:frameworkName": {"en-US": "Standard Occupational Classification (SOC) 2018"},
        "ceterms:targetNodeName": {"en-US": "Registered Nurses"},
    }
    assert rn["ceasn:hasChild"] == sorted([lpn["@id"], ids["RN license"]])
    assert lpn["ceasn:isChildOf"] == [rn["@id"]]
    assert lpn["ceterms:precedes"] == [rn["@id"]]
    assert rn["ceterms:subjectWebpage"] == "https://pathways.example.org/pathways/cna-to-rn#step-rn"
    # Two ways into LPN: any one of them, each needing its source step and the licence.
    (any_of,) = lpn["ceterms:hasCondition"]
    assert any_of["ceterms:requiredNumber"] == 1
    direct, via = any_of["ceterms:hasCondition"]
    assert direct["ceterms:targetComponent"] == [
        ids["Certified Nursing Assistant"],
        ids["LPN license"],
    ]
    assert direct["ceterms:requiredNumber"] == 2
    assert direct["ceterms:name"] == {"en-US": "Advance from Certified Nursing Assistant"}
    assert direct["ceterms:description"]["en-US"] == (
        "From Certified Nursing Assistant: 12 months of training; 6 months of experience as "
        "Certified Nursing Assistant; about $8,400; earning LPN license. Direct route."
    )
    assert via["ceterms:targetComponent"][0] == ids["CNA with phlebotomy"]


def test_credentials_are_credential_components_of_their_ctdl_type() -> None:
    document = ctdl_document(FACTS)
    licence = by_name(document, "ceterms:CredentialComponent", "LPN license")
    assert licence["ceterms:credentialType"] == "ceterms:License"
    assert licence["ceterms:subjectWebpage"] == "https://www.lsbpne.com"
    assert licence["ceterms:description"] == {"en-US": "Licence to practise."}
    rn_licence = by_name(document, "ceterms:CredentialComponent", "RN license")
    assert rn_licence["ceterms:subjectWebpage"] == FACTS.page_url  # its source is no URL
    assert rn_licence["ceterms:description"] == {"en-US": "RN license issued by LSBN."}
    cpt = by_name(document, "ceterms:CredentialComponent", "Phlebotomy Technician (CPT)")
    assert cpt["ceterms:credentialType"] == "ceterms:Certification"


def test_the_partnership_owns_and_offers_it() -> None:
    document = ctdl_document(SINGLE)
    pathway = document["@graph"][0]
    assert pathway["ceterms:ownedBy"] == pathway["ceterms:offeredBy"]
    (owner,) = pathway["ceterms:ownedBy"]
    assert owner.startswith("https://credentialengineregistry.org/resources/ce-")
    assert pathway["ceterms:subjectWebpage"] == SINGLE.page_url
    assert pathway["ceterms:inLanguage"] == ["en-US"]
    (condition,) = document["@graph"][2]["ceterms:hasCondition"]
    assert "paid while you learn" in condition["ceterms:description"]["en-US"]


def test_exporting_twice_gives_the_same_bytes_and_ctids_follow_stable_keys() -> None:
    assert ctdl_json(FACTS) == ctdl_json(FACTS)
    first, again = ctdl_document(FACTS), ctdl_document(replace(FACTS, title="Renamed"))
    assert [n["ceterms:ctid"] for n in first["@graph"]] == [
        n["ceterms:ctid"] for n in again["@graph"]
    ]
    elsewhere = ctdl_document(replace(FACTS, public_url="https://other.example.org"))
    assert not {n["ceterms:ctid"] for n in first["@graph"]} & {
        n["ceterms:ctid"] for n in elsewhere["@graph"]
    }
    # A step added elsewhere leaves the others' CTIDs as they were.
    grown = replace(
        SINGLE,
        graph=PathwayGraph(
            (*ONE_END.steps, StepSpec("rn", "29-1141", 3)),
            (*ONE_END.transitions, TransitionSpec("lpn", "rn", ADVANCE)),
        ),
    )
    before = {
        n["ceterms:name"]["en-US"]: n["ceterms:ctid"] for n in ctdl_document(SINGLE)["@graph"]
    }
    after = {n["ceterms:name"]["en-US"]: n["ceterms:ctid"] for n in ctdl_document(grown)["@graph"]}
    assert after["Nursing Assistants"] == before["Nursing Assistants"]
    assert after["LPN license"] == before["LPN license"]


def test_output_is_sorted_indented_utf8_with_user_text_escaped() -> None:
    hostile = replace(
        SINGLE,
        title='Aide → "Nurse" </script><script>alert(1)</script> & café',
        summary="Línea\nnueva\t\u2028 ünïcödé 看护",
    )
    raw = ctdl_json(hostile)
    text = raw.decode("utf-8")
    assert "</script>" not in text
    assert "<script>" not in text
    assert " & " not in text
    assert "café" in text
    assert "看护" in text
    document = json.loads(raw)
    assert document["@graph"][0]["ceterms:name"]["en-US"] == hostile.title
    assert document["@graph"][0]["ceterms:description"]["en-US"].startswith(hostile.summary)
    assert (
        raw
        == json.dumps(document, sort_keys=True, ensure_ascii=False, indent=2)
        .replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .encode()
        + b"\n"
    )
    assert schema_errors(document) == []


def test_a_graph_without_a_destination_cannot_be_exported() -> None:
    lonely = replace(SINGLE, graph=PathwayGraph((StepSpec("cna", "31-1131", 1),), ()))
    with pytest.raises(ValueError, match="no destination"):
        ctdl_document(lonely)


def test_every_condition_names_its_way_in() -> None:
    for node in of_type(ctdl_document(FACTS), "ceterms:JobComponent"):
        for condition in conditions(node):
            assert condition["@type"] == "ceterms:ComponentCondition"
            assert condition["ceterms:name"]["en-US"]

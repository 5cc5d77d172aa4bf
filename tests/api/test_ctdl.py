"""GET /api/v1/pathways/{slug}/ctdl: the sample pathways as CTDL JSON-LD, valid against the
Credential Registry's schemas, the same bytes every time, the same CTIDs in every version,
and only for those who may read the version."""

from __future__ import annotations

import json
from typing import Any

from pathways.domain.access import Actor
from pathways.domain.pathways import PathwayGraph, StepSpec
from pathways.services.pathways import update_pathway
from tests.factories import make_partnership, make_pathway
from tests.render.ctdl_checks import graph_errors, schema_errors

API = "/api/v1/pathways"
MEDIA_TYPE = "application/ld+json"


def ctdl(client, slug: str, headers: dict[str, str] | None = None, **query: str) -> Any:
    return client.get(f"{API}/{slug}/ctdl", query_string=query, headers=headers or {})


def nodes(document: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [node for node in document["@graph"] if node["@type"] == kind]


def test_the_sample_pathway_is_a_set_of_one_pathway_per_destination(client) -> None:
    response = ctdl(client, "cna-to-rn")
    assert response.status_code == 200
    assert response.mimetype == MEDIA_TYPE
    assert response.headers["Content-Disposition"] == 'inline; filename="cna-to-rn.jsonld"'
    document = json.loads(response.data)
    assert schema_errors(document) == []
    assert graph_errors(document) == []
    # RN, and the medical assistant that a lateral move reaches: nobody advances out of either.
    (pathway_set,) = nodes(document, "ceterms:PathwaySet")
    assert pathway_set["ceterms:name"] == {"en-US": "CNA to RN"}
    names = sorted(p["ceterms:name"]["en-US"] for p in nodes(document, "ceterms:Pathway"))
    assert names == [
        "CNA to RN: to Clinical Medical Assistant",
        "CNA to RN: to Registered Nurse (ASN)",
    ]
    socs = {
        job["ceterms:occupationType"][0]["ceterms:codedNotation"]
        for job in nodes(document, "ceterms:JobComponent")
    }
    assert socs == {"31-1131", "29-2061", "29-1141", "31-9092"}
    types = {c["ceterms:credentialType"] for c in nodes(document, "ceterms:CredentialComponent")}
    assert {"ceterms:License", "ceterms:Certification"} <= types
    assert pathway_set["ceterms:subjectWebpage"].endswith("/pathways/cna-to-rn")


def test_a_pathway_with_one_destination_is_a_pathway(client) -> None:
    document = ctdl(client, "medical-assistant-phlebotomy").get_json(force=True)
    assert [node["@type"] for node in document["@graph"]][:1] == ["ceterms:Pathway"]
    assert not nodes(document, "ceterms:PathwaySet")
    (pathway,) = nodes(document, "ceterms:Pathway")
    (destination,) = pathway["ceterms:hasDestinationComponent"]
    (lpn,) = [n for n in document["@graph"] if n["@id"] == destination]
    assert lpn["ceterms:occupationType"][0]["ceterms:codedNotation"] == "29-2061"
    assert schema_errors(document) == []
    assert graph_errors(document) == []


def test_exporting_twice_gives_identical_bytes(client) -> None:
    assert ctdl(client, "cna-to-rn").data == ctdl(client, "cna-to-rn").data


def test_a_new_draft_version_keeps_the_ctids_of_its_steps(client, session, callers) -> None:
    update_pathway(
        session=session, actor=Actor.operator("tests"), slug="cna-to-rn",
        expected_tag=None, changes={"title": "CNA to RN, renamed"},
    )  # fmt: skip
    session.flush()
    admin = callers["admin"].headers

    def ctids(version: str) -> dict[str, str]:
        response = ctdl(client, "cna-to-rn", admin, version=version)
        assert response.status_code == 200
        document = json.loads(response.data)
        return {
            node["@id"]: node["ceterms:ctid"]
            for node in document["@graph"]
            if node["@type"] != "ceterms:PathwaySet"
        }

    published, draft = ctids("published"), ctids("draft")
    assert published == draft
    titles = json.loads(ctdl(client, "cna-to-rn", admin, version="draft").data)
    assert titles["@graph"][0]["ceterms:name"] == {"en-US": "CNA to RN, renamed"}
    # Anonymous readers still get the published version.
    anonymous = json.loads(ctdl(client, "cna-to-rn").data)
    assert anonymous["@graph"][0]["ceterms:name"] == {"en-US": "CNA to RN"}


def test_a_draft_is_exported_only_to_those_who_may_read_it(client, session, callers) -> None:
    draft = make_pathway(session, partnership=make_partnership(session), title="Draft only")
    assert ctdl(client, draft.slug).status_code == 404
    other = callers["other_partnership_editor"].headers
    assert ctdl(client, draft.slug, other).status_code == 404
    response = ctdl(client, draft.slug, callers["admin"].headers)
    assert response.status_code == 200
    assert json.loads(response.data)["@graph"][0]["ceterms:name"] == {"en-US": "Draft only"}
    assert ctdl(client, draft.slug, callers["bad_token"].headers).status_code == 401


def test_unknown_pathways_and_versions_are_404(client) -> None:
    response = ctdl(client, "no-such-pathway")
    assert response.status_code == 404
    assert response.mimetype == "application/json"
    assert "no-such-pathway" in response.get_json()["message"]
    assert ctdl(client, "cna-to-rn", version="9").status_code == 404
    assert ctdl(client, "cna-to-rn", version="newest").status_code == 422


def test_a_draft_with_no_destination_yet_is_422(client, session, callers) -> None:
    lonely = PathwayGraph((StepSpec("cna", "31-1131", 1),), ())
    draft = make_pathway(session, partnership=make_partnership(session), graph=lonely)
    response = ctdl(client, draft.slug, callers["admin"].headers)
    assert response.status_code == 422
    assert "has no destination step yet" in response.get_json()["message"]


def test_the_operation_is_documented(client) -> None:
    spec = client.get("/api/v1/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/pathways/{slug}/ctdl"]["get"]
    assert operation["summary"] == "A pathway as CTDL JSON-LD"
    assert MEDIA_TYPE in operation["responses"]["200"]["content"]
    assert {"404", "422"} <= operation["responses"].keys()


def test_the_pathway_page_links_to_its_ctdl(client) -> None:
    html = client.get("/pathways/cna-to-rn").get_data(as_text=True)
    assert 'href="/api/v1/pathways/cna-to-rn/ctdl"' in html

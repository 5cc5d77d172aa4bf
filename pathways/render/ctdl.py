"""A pathway as CTDL JSON-LD for the Credential Registry (SPEC §3.9), from plain values.

The document is shaped like the Registry's own graphs (an envelope with `@context`, `@id`
and `@graph`; property names as the Registry Assistant writes them: `ceasn:hasChild`,
`ceasn:isChildOf`, `ceasn:isPartOf`, `ceterms:hasCondition`…). Each step is a JobComponent
with its SOC code as `ceterms:occupationType`; each credential earned on the way is a
CredentialComponent. CTDL reads a pathway from its goal down: a component `hasChild` the
components that lead into it, and its ComponentConditions say what one of those ways in
takes. A pathway with several destinations becomes a PathwaySet of one Pathway per
destination, each holding only the components on the routes to it.

CTIDs are uuid5 names (see ctdl_ids), so exporting again gives the same bytes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pathways.domain.pathways import PathwayGraph, StepSpec, TransitionSpec
from pathways.engines.graph import destinations
from pathways.render.ctdl_ids import Identities
from pathways.render.ctdl_text import condition_description, condition_name, lang

CONTEXT = "https://credreg.net/ctdl/schema/context/json"
SOC_FRAMEWORK = "https://www.bls.gov/soc/2018/"
SOC_FRAMEWORK_NAME = "Standard Occupational Classification (SOC) 2018"
Node = dict[str, Any]


@dataclass(frozen=True, slots=True)
class CtdlOccupation:
    soc: str
    title: str
    description: str | None


@dataclass(frozen=True, slots=True)
class CtdlCredential:
    id: int
    name: str
    ctdl_type: str  # a ceterms class name: "Certification", "License"…
    issuer: str
    description: str | None
    source: str | None  # where its facts are published: a subjectWebpage when it is a URL


@dataclass(frozen=True, slots=True)
class CtdlPathwayFacts:
    """Everything the export says about one version of a pathway, as plain values."""

    slug: str
    title: str
    summary: str | None
    page_url: str  # the pathway's public page
    public_url: str  # the installation's address: it names the CTIDs
    partnership_slug: str
    partnership_name: str
    graph: PathwayGraph
    occupations: Mapping[str, CtdlOccupation]  # by SOC code
    credentials: Mapping[int, CtdlCredential]  # by id


def ctdl_json(facts: CtdlPathwayFacts) -> bytes:
    """The document as UTF-8 JSON: sorted keys, two-space indent, `<`, `>` and `&` escaped
    so that it may also sit inside an HTML <script type="application/ld+json">."""
    text = json.dumps(ctdl_document(facts), sort_keys=True, ensure_ascii=False, indent=2)
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escape)  # only ever inside strings in JSON text
    return (text + "\n").encode("utf-8")


def ctdl_document(facts: CtdlPathwayFacts) -> Node:
    """The JSON-LD envelope: a Pathway and its components, or a PathwaySet and its pathways.
    ValueError when the graph has no destination (a draft still being laid out)."""
    ids = Identities(facts.public_url, facts.slug)
    ends = destinations(facts.graph)
    if not ends:
        raise ValueError(f"pathway {facts.slug!r} has no destination")
    if len(ends) == 1:
        graph = _pathway_graph(facts, ids, ids.pathway_key(None), ends[0], facts.title)
        return {
            "@context": CONTEXT,
            "@id": ids.graph_url(graph[0]["ceterms:ctid"]),
            "@graph": graph,
        }
    nodes: list[Node] = []
    for end in ends:
        name = f"{facts.title}: to {_step_name(facts, end)}"
        nodes += _pathway_graph(facts, ids, ids.pathway_key(end.key), end, name)
    pathway_set = _owned(facts, ids, ids.node(ids.set_key(), "ceterms:PathwaySet"))
    pathway_set["ceterms:name"] = lang(facts.title)
    pathway_set["ceterms:description"] = lang(
        facts.summary
        or f"Career pathways of {facts.partnership_name} leading to "
        + ", ".join(_step_name(facts, end) for end in ends)
        + "."
    )
    pathway_set["ceasn:hasPathway"] = [n["@id"] for n in nodes if n["@type"] == "ceterms:Pathway"]
    graph_id = ids.graph_url(pathway_set["ceterms:ctid"])
    return {"@context": CONTEXT, "@id": graph_id, "@graph": [pathway_set, *nodes]}


def _pathway_graph(
    facts: CtdlPathwayFacts, ids: Identities, key: str, end: StepSpec, name: str
) -> list[Node]:
    """One Pathway to `end`, then its JobComponents (by stage) and CredentialComponents."""
    keys = _leading_to(facts.graph, end.key)
    steps = [step for step in facts.graph.steps if step.key in keys]
    moves = [m for m in facts.graph.transitions if m.target in keys and m.source in keys]
    moves = [move for move in moves if move.source != end.key]  # the goal leads nowhere here
    pathway = _owned(facts, ids, ids.node(key, "ceterms:Pathway"))
    step_ids = {step.key: ids.url(f"{key}/step/{step.key}") for step in steps}
    credential_ids = sorted({i for move in moves for i in move.credential_ids})
    credential_urls = {i: ids.url(f"{key}/credential/{i}") for i in credential_ids}
    summary = facts.summary or f"A career pathway of {facts.partnership_name}."
    pathway |= {
        "ceterms:name": lang(name),
        "ceterms:description": lang(f"{summary} It leads to {_step_name(facts, end)}."),
        "ceterms:inLanguage": ["en-US"],
        "ceterms:hasDestinationComponent": [step_ids[end.key]],
        "ceasn:hasChild": [step_ids[end.key]],
        "ceasn:hasPart": [*step_ids.values(), *credential_urls.values()],
        "ceterms:occupationType": _occupation_types(facts, steps),
    }
    nodes = [pathway]
    for step in sorted(steps, key=lambda s: (s.stage, s.key)):
        job = _job(facts, ids, step, step_ids, credential_urls, moves)
        job["ceasn:isPartOf"] = [pathway["@id"]]
        if step.key == end.key:
            job["ceterms:isDestinationComponentOf"] = [pathway["@id"]]
            job["ceasn:isChildOf"] = [pathway["@id"]]
        nodes.append(job)
    for credential_id in credential_ids:
        earned = [move for move in moves if credential_id in move.credential_ids]
        credential = facts.credentials[credential_id]
        node = _credential(facts, ids.at(credential_urls[credential_id]), credential)
        targets = sorted({step_ids[move.target] for move in earned})
        node |= {"ceasn:isChildOf": targets, "ceterms:precedes": targets}
        node["ceasn:isPartOf"] = [pathway["@id"]]
        nodes.append(node)
    return nodes


def _job(
    facts: CtdlPathwayFacts,
    ids: Identities,
    step: StepSpec,
    step_ids: Mapping[str, str],
    credential_urls: Mapping[int, str],
    moves: list[TransitionSpec],
) -> Node:
    occupation = facts.occupations[step.soc]
    node = ids.at(step_ids[step.key], "ceterms:JobComponent")
    node |= {
        "ceterms:name": lang(_step_name(facts, step)),
        "ceterms:description": lang(
            occupation.description or f"{occupation.title} (SOC {step.soc})."
        ),
        "ceterms:subjectWebpage": f"{facts.page_url}#step-{step.key}",
        "ceterms:occupationType": _occupation_types(facts, [step]),
    }
    stages = {s.key: s.stage for s in facts.graph.steps}
    ways_in = sorted(
        (move for move in moves if move.target == step.key),
        key=lambda move: (stages[move.source], move.source),
    )
    ways_out = [move for move in moves if move.source == step.key]
    children = {step_ids[m.source] for m in ways_in}
    children |= {credential_urls[i] for m in ways_in for i in m.credential_ids}
    if children:
        node["ceasn:hasChild"] = sorted(children)
        conditions = [_condition(facts, m, step_ids, credential_urls) for m in ways_in]
        node["ceterms:hasCondition"] = conditions if len(conditions) == 1 else [_any_of(conditions)]
    if ways_out:
        parents = sorted({step_ids[move.target] for move in ways_out})
        node |= {"ceasn:isChildOf": parents, "ceterms:precedes": parents}
    return node


def _condition(
    facts: CtdlPathwayFacts,
    move: TransitionSpec,
    step_ids: Mapping[str, str],
    credential_urls: Mapping[int, str],
) -> Node:
    """One way into a step: the step it comes from and the credentials earned on the way,
    all required; months, cost and notes in words (CTDL has no properties for them here)."""
    source = _step_name(facts, _step(facts, move.source))
    earned = [facts.credentials[i].name for i in move.credential_ids]
    targets = [step_ids[move.source], *(credential_urls[i] for i in move.credential_ids)]
    return {
        "@type": "ceterms:ComponentCondition",
        "ceterms:name": lang(condition_name(move.kind, source)),
        "ceterms:description": lang(condition_description(move, source, earned)),
        "ceterms:requiredNumber": len(targets),
        "ceterms:targetComponent": targets,
    }


def _any_of(conditions: list[Node]) -> Node:
    """Several ways into a step: any one of them completes it."""
    return {
        "@type": "ceterms:ComponentCondition",
        "ceterms:name": lang(f"Any one of {len(conditions)} ways in"),
        "ceterms:description": lang("Meeting any one of these conditions completes this step."),
        "ceterms:requiredNumber": 1,
        "ceterms:hasCondition": conditions,
    }


def _credential(facts: CtdlPathwayFacts, node: Node, credential: CtdlCredential) -> Node:
    issuer = f" issued by {credential.issuer}" if credential.issuer else ""
    source = credential.source or ""
    return node | {
        "@type": "ceterms:CredentialComponent",
        "ceterms:name": lang(credential.name),
        "ceterms:description": lang(credential.description or f"{credential.name}{issuer}."),
        "ceterms:credentialType": f"ceterms:{credential.ctdl_type}",
        "ceterms:subjectWebpage": source if _is_web_url(source) else facts.page_url,
    }


def _owned(facts: CtdlPathwayFacts, ids: Identities, node: Node) -> Node:
    """The partnership owns and offers what it publishes."""
    organization = [ids.url(f"partnership/{facts.partnership_slug}")]
    return node | {
        "ceterms:ownedBy": organization,
        "ceterms:offeredBy": organization,
        "ceterms:subjectWebpage": facts.page_url,
    }


def _occupation_types(facts: CtdlPathwayFacts, steps: list[StepSpec]) -> list[Node]:
    """SOC codes as CredentialAlignmentObjects, once each, in stage order."""
    socs = dict.fromkeys(step.soc for step in sorted(steps, key=lambda s: (s.stage, s.key)))
    return [
        {
            "@type": "ceterms:CredentialAlignmentObject",
            "ceterms:codedNotation": soc,
            "ceterms:framework": SOC_FRAMEWORK,
            "ceterms:frameworkName": lang(SOC_FRAMEWORK_NAME),
            "ceterms:targetNodeName": lang(facts.occupations[soc].title),
        }
        for soc in socs
    ]


def _leading_to(graph: PathwayGraph, end: str) -> set[str]:
    """`end` and every step from which a chain of transitions reaches it."""
    found, todo = {end}, [end]
    while todo:
        key = todo.pop()
        for move in graph.transitions:
            if move.target == key and move.source not in found:
                found.add(move.source)
                todo.append(move.source)
    return found


def _step(facts: CtdlPathwayFacts, key: str) -> StepSpec:
    return next(step for step in facts.graph.steps if step.key == key)


def _step_name(facts: CtdlPathwayFacts, step: StepSpec) -> str:
    return step.label or facts.occupations[step.soc].title


def _is_web_url(text: str) -> bool:
    return text.startswith(("https://", "http://")) and " " not in text

"""Pathway search: published pathways only, matched by title, summary or the occupations of
their steps, every word needed, title matches first."""

from pathways.domain.pathways import PathwayGraph, StepSpec, TransitionSpec
from pathways.domain.vocabulary import TransitionKind
from pathways.services.pathway_search import search_pathways
from tests.factories import make_occupation, make_partnership, make_pathway


def welding(helper_soc: str) -> PathwayGraph:
    return PathwayGraph(
        (StepSpec("helper", helper_soc, 1, label="Shop helper"), StepSpec("welder", "51-4121", 2)),
        (TransitionSpec("helper", "welder", TransitionKind.ADVANCE, months_training=6),),
    )


def slugs(session, query: str) -> list[str]:
    return [hit.slug for hit in search_pathways(session=session, query=query)]


def test_only_published_pathways_are_found(session):
    partnership = make_partnership(session)
    make_pathway(session, partnership=partnership, slug="quokka-draft", title="Quokka care draft")
    make_pathway(
        session, partnership=partnership, slug="quokka-live", title="Quokka care", publish=True
    )
    assert slugs(session, "quokka") == ["quokka-live"]


def test_steps_occupations_and_labels_match_and_are_named(session):
    partnership = make_partnership(session)
    make_pathway(
        session, partnership=partnership, slug="metal-trades", title="Metal trades ladder",
        graph=welding(make_occupation(session, title="Test Apprentices").soc_code), publish=True,
    )  # fmt: skip
    [hit] = search_pathways(session=session, query="welders ladder")
    assert hit.slug == "metal-trades"
    assert hit.partnership == partnership.name
    assert [hit.slug for hit in search_pathways(session=session, query="shop helper")] == [
        "metal-trades"
    ]
    found = {hit.slug: hit for hit in search_pathways(session=session, query="welders")}
    by_step = found["metal-trades"]
    assert by_step.matched_steps == ("Welders, Cutters, Solderers, and Brazers",)


def test_every_word_must_match_somewhere(session):
    partnership = make_partnership(session)
    make_pathway(
        session, partnership=partnership, slug="otter-path", title="Otter keeping",
        summary="Start at the riverbank.", publish=True,
    )  # fmt: skip
    assert slugs(session, "otter riverbank") == ["otter-path"]
    assert slugs(session, "otter volcano") == []


def test_title_matches_come_before_other_matches(session):
    partnership = make_partnership(session)
    make_pathway(
        session, partnership=partnership, slug="aaa-summary", title="Aardvark careers",
        summary="Become a pangolin keeper.", publish=True,
    )  # fmt: skip
    make_pathway(
        session, partnership=partnership, slug="zzz-title", title="Zoo pangolin keeper",
        publish=True,
    )  # fmt: skip
    assert slugs(session, "pangolin") == ["zzz-title", "aaa-summary"]


def test_an_empty_query_finds_nothing(session):
    assert search_pathways(session=session, query="") == []
    assert search_pathways(session=session, query="  ,.  ") == []

"""Occupation search on the sample catalog: ranking, matching and paging."""

from pathways.services.search import search_occupations


def socs(session, query, **paging):
    return [hit.soc for hit in search_occupations(session=session, query=query, **paging).items]


def test_nurse_finds_registered_then_licensed_practical_nurses_first(session):
    assert socs(session, "nurse")[:2] == ["29-1141", "29-2061"]


def test_exact_code_comes_first_and_says_so(session):
    page = search_occupations(session=session, query="29-2061")
    assert page.items[0].soc == "29-2061"
    assert page.items[0].matched == "code"


def test_code_prefix_lists_the_major_group(session):
    found = socs(session, "31-", per_page=100)
    assert found
    assert all(soc.startswith("31-") for soc in found)


def test_alternate_titles_find_occupations_and_show_the_title_that_matched(session):
    page = search_occupations(session=session, query="LPN")
    assert page.items[0].soc == "29-2061"
    assert page.items[0].matched == "alternate_title"
    assert "LPN" in page.items[0].matched_text


def test_title_matches_rank_above_alternate_title_matches(session):
    hits = search_occupations(session=session, query="nurse", per_page=100).items
    kinds = [hit.matched for hit in hits]
    assert kinds == sorted(kinds, key=lambda kind: kind == "alternate_title")


def test_every_word_must_match(session):
    assert socs(session, "truck driver")[:2] == ["53-3032", "53-3033"]
    assert socs(session, "truck nurse") == []


def test_pages_partition_the_results_and_count_them_all(session):
    everything = search_occupations(session=session, query="a", per_page=100)
    first = search_occupations(session=session, query="a", page=1, per_page=5)
    second = search_occupations(session=session, query="a", page=2, per_page=5)
    assert first.total == second.total == everything.total
    assert [h.soc for h in first.items + second.items] == [h.soc for h in everything.items[:10]]


def test_a_page_past_the_end_is_empty_but_still_counts(session):
    page = search_occupations(session=session, query="nurse", page=999, per_page=10)
    assert page.items == []
    assert page.total > 0


def test_no_query_browses_the_catalog_alphabetically(session):
    page = search_occupations(session=session, query=None, per_page=100)
    titles = [hit.title for hit in page.items]
    assert titles == sorted(titles)
    assert page.total == len(titles)


def test_punctuation_only_query_browses_rather_than_failing(session):
    assert search_occupations(session=session, query="%_'\"").total > 0

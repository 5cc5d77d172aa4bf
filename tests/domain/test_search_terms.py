"""Search terms: lower-case stems; codes recognized whole or in part."""

import pytest

from pathways.domain.search import code_prefix, search_text, terms


def test_terms_are_lower_case_stems():
    assert terms("Registered NURSES") == ["registered", "nurse"]
    assert terms("Nurses' aides, CNA") == ["nurse", "aide", "cna"]


def test_short_words_and_double_s_keep_their_ending():
    assert terms("bus glass") == ["bus", "glass"]


@pytest.mark.parametrize(
    ("query", "prefix"),
    [
        ("29-2061", "29-2061"),
        ("29-1141.01", "29-1141"),
        ("29-", "29-"),
        ("29", "29"),
        ("nurse", None),
        ("2", None),
    ],
)
def test_code_prefix(query, prefix):
    assert code_prefix(query) == prefix


def test_search_text_pads_words_for_whole_word_matching():
    assert search_text("Heavy and Tractor-Trailer Truck Drivers") == (
        " heavy and tractor trailer truck drivers "
    )

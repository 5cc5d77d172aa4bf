"""Finding CIP 2020 program codes by code or by words of the title, and reading a picker's text
back as a code."""

import pytest

from pathways.domain.errors import InvalidInput
from pathways.services.cip_search import picked_cip, search_cip

LPN = "51.3901"


def test_a_code_prefix_finds_the_programs_under_it(session):
    hits = search_cip(session=session, query="51.39")
    assert hits
    assert all(hit.code.startswith("51.39") for hit in hits)
    assert all(len(hit.code) == 7 for hit in hits)  # programs only, no series


def test_words_find_titles_and_shorter_titles_come_first(session):
    hits = search_cip(session=session, query="practical nurse")
    assert hits[0].code == LPN
    assert hits[0].title == "Licensed Practical/Vocational Nurse Training"  # no trailing period
    assert hits[0].label == f"{LPN} Licensed Practical/Vocational Nurse Training"


def test_a_title_starting_with_the_word_ranks_first(session):
    hits = search_cip(session=session, query="welding")
    assert hits[0].title.lower().startswith("welding")


def test_nothing_to_search_finds_nothing(session):
    assert search_cip(session=session, query="  ") == []
    assert search_cip(session=session, query="zzyzx") == []


@pytest.mark.parametrize(
    "typed",
    [LPN, f"{LPN} Licensed Practical/Vocational Nurse Training",
     "Licensed Practical/Vocational Nurse Training.", "licensed practical/vocational nurse"],
)  # fmt: skip
def test_a_picker_text_names_its_code(session, typed):
    assert picked_cip(session=session, text=typed) == LPN


@pytest.mark.parametrize(
    ("typed", "message"),
    [("", "required"), ("51.39", "family or series"), ("99.9999", "no CIP 2020 code 99.9999"),
     ("zzyzx", "no CIP 2020 program matches"), ("nursing", "matches several")],
)  # fmt: skip
def test_a_text_that_names_no_single_program_is_refused_on_the_field(session, typed, message):
    with pytest.raises(InvalidInput) as raised:
        picked_cip(session=session, text=typed, field="cip")
    assert list(raised.value.errors) == ["cip"]
    assert message in raised.value.errors["cip"][0]

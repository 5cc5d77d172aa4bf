"""SOC, O*NET-SOC, CIP and area codes are checked by format and named in the error."""

import pytest

from pathways.domain.codes import (
    broad_group,
    cip_level,
    parse_area,
    parse_cip,
    parse_onet_soc,
    parse_soc,
    state_area_code,
)
from pathways.domain.errors import InvalidInput


def test_soc_code_is_kept_and_onet_code_is_reduced_to_it():
    assert parse_soc("29-2061") == "29-2061"
    assert parse_soc(" 29-1141.01 ") == "29-1141"


@pytest.mark.parametrize("bad", ["292061", "29-206", "29-20611", "ab-cdef", "", "29_2061"])
def test_malformed_soc_code_names_the_field(bad):
    with pytest.raises(InvalidInput) as caught:
        parse_soc(bad, field="occupation")
    assert list(caught.value.errors) == ["occupation"]
    assert "NN-NNNN" in caught.value.errors["occupation"][0]


def test_onet_soc_code_needs_its_suffix():
    assert parse_onet_soc("29-1141.03") == "29-1141.03"
    with pytest.raises(InvalidInput):
        parse_onet_soc("29-1141")


@pytest.mark.parametrize(("code", "level"), [("51", 2), ("51.39", 4), ("51.3901", 6)])
def test_cip_codes_at_every_level(code, level):
    assert parse_cip(code) == code
    assert cip_level(code) == level


@pytest.mark.parametrize("bad", ["5", "51.3", "51.390", "51-3901", "51.39011"])
def test_malformed_cip_code(bad):
    with pytest.raises(InvalidInput, match="CIP"):
        parse_cip(bad)


def test_area_codes():
    assert parse_area("0033740") == "0033740"
    assert state_area_code("22") == "2200000"
    with pytest.raises(InvalidInput, match="seven digits"):
        parse_area("33740")


def test_broad_group_of_a_detailed_occupation():
    assert broad_group("31-1121") == "31-1120"

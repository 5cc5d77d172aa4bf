"""The medians the API serves are the ones in the BLS files, for a sample of occupations ×
areas. Expected values are read from the raw seed files here, never typed into the test."""

import csv

import pytest

from pathways.importers.files import open_text
from tests.conftest import SEED_DIR

SAMPLE_OCCUPATIONS = ["29-2061", "29-1141", "31-1131", "53-3032", "51-4041", "47-2111"]
AREAS = {
    "0033740": "oews_may2025_metro.csv.xz",  # Monroe, LA
    "0040140": "oews_may2025_metro.csv.xz",  # Riverside-San Bernardino-Ontario, CA
    "0014580": "oews_may2025_metro.csv.xz",  # Bozeman, MT
    "2200000": "oews_may2025_state.csv.xz",  # Louisiana
    "0600000": "oews_may2025_state.csv.xz",  # California
    "0000000": "oews_may2025_national.csv.xz",
}


def raw_rows() -> dict[tuple[str, str], dict[str, str]]:
    rows = {}
    for name in sorted(set(AREAS.values())):
        with open_text(SEED_DIR / "oews" / name) as text:
            for row in csv.DictReader(text):
                key = (row["OCC_CODE"], row["AREA"])
                if row["AREA"] in AREAS and row["OCC_CODE"] in SAMPLE_OCCUPATIONS:
                    rows[key] = row
    return rows


RAW = raw_rows()


def published(text: str) -> float | None:
    return None if text in ("-", "*", "#", "") else float(text)


@pytest.mark.parametrize(("soc", "area"), sorted(RAW))
def test_api_levels_equal_the_bls_row(client, soc, area):
    raw = RAW[(soc, area)]
    wages = client.get(f"/api/v1/occupations/{soc}?area={area}").get_json()["wages"]
    assert wages["area"]["code"] == area
    assert wages["vintage"] == 2025
    for basis, prefix in (("hourly", "H"), ("annual", "A")):
        levels = wages[basis]
        assert levels["entry"]["value"] == published(raw[f"{prefix}_PCT25"])
        assert levels["median"]["value"] == published(raw[f"{prefix}_MEDIAN"])
        assert levels["experienced"]["value"] == published(raw[f"{prefix}_PCT75"])
    assert wages["employment"] == (None if raw["TOT_EMP"] == "-" else int(raw["TOT_EMP"]))


def test_the_sample_covers_every_place():
    assert {area for _, area in RAW} == set(AREAS)

"""Classification codes: SOC 2018, O*NET-SOC, CIP 2020 and OEWS area codes.

Each parser returns the canonical form or raises InvalidInput naming the field, so every entry
point (API, CLI, importers) rejects a malformed code the same way.
"""

from __future__ import annotations

import re

from pathways.domain.errors import InvalidInput

SOC_PATTERN = re.compile(r"^\d{2}-\d{4}$")
ONET_SOC_PATTERN = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
CIP_PATTERN = re.compile(r"^\d{2}(\.\d{2}(\d{2})?)?$")
AREA_PATTERN = re.compile(r"^\d{7}$")

NATIONAL_AREA = "0000000"


def parse_soc(value: str, *, field: str = "soc") -> str:
    """A SOC 2018 code `NN-NNNN`; an O*NET-SOC code `NN-NNNN.NN` is reduced to its SOC code."""
    text = value.strip()
    if ONET_SOC_PATTERN.match(text):
        return text[:7]
    if not SOC_PATTERN.match(text):
        raise InvalidInput.for_field(field, f"{value!r} is not a SOC code (expected NN-NNNN)")
    return text


def parse_onet_soc(value: str, *, field: str = "onet_soc") -> str:
    text = value.strip()
    if not ONET_SOC_PATTERN.match(text):
        raise InvalidInput.for_field(
            field, f"{value!r} is not an O*NET-SOC code (expected NN-NNNN.NN)"
        )
    return text


def parse_cip(value: str, *, field: str = "cip") -> str:
    """A CIP 2020 code: `NN` (family), `NN.NN` (series) or `NN.NNNN` (program)."""
    text = value.strip()
    if not CIP_PATTERN.match(text):
        raise InvalidInput.for_field(
            field, f"{value!r} is not a CIP code (expected NN, NN.NN or NN.NNNN)"
        )
    return text


def cip_level(code: str) -> int:
    """2, 4 or 6: the number of digits in a CIP code."""
    return sum(ch.isdigit() for ch in code)


def parse_area(value: str, *, field: str = "area") -> str:
    """An OEWS area code: seven digits (`0033740` is Monroe, LA; `0000000` the nation)."""
    text = value.strip()
    if not AREA_PATTERN.match(text):
        raise InvalidInput.for_field(field, f"{value!r} is not an OEWS area code (seven digits)")
    return text


def state_area_code(state_fips: str) -> str:
    """The OEWS area code of a state from its two-digit FIPS code (22 → 2200000)."""
    return f"{state_fips}00000"


def broad_group(soc: str) -> str:
    """The SOC broad group of a detailed occupation (31-1121 → 31-1120)."""
    return soc[:6] + "0"

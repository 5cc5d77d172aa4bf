"""URL converters that document a path parameter's format in the OpenAPI document.

Routing still accepts any segment, so a malformed code reaches the service and gets a 422
naming the field, while an unknown but well-formed one gets a 404."""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from werkzeug.routing import BaseConverter

from pathways.domain.codes import SOC_PATTERN

SOC_OR_ONET_SOC = r"^\d{2}-\d{4}(\.\d{2})?$"


class SocCode(BaseConverter):
    pass


def soc_parameter(_converter: Any) -> dict[str, Any]:
    return {
        "type": "string",
        "pattern": SOC_OR_ONET_SOC,
        "description": "SOC 2018 code (an O*NET-SOC code is reduced to it)",
        "example": "29-2061",
    }


# Row ids in paths: integers that fit the database's id column (32-bit on PostgreSQL), so a
# larger number is an unknown id (404), never an overflow inside the database driver.
ID = "int(max=2147483647)"


# A SOC code in a body or a query argument, checked the same way everywhere.
SOC_CODE = ma.validate.Regexp(SOC_PATTERN, error="a SOC code is written NN-NNNN")
